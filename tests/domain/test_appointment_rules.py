"""Appointments' pure rules: windows (hypothesis over times of day), overlaps, whether a
check-in keeps its appointment, and when a window is missed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from app.errors import ValidationError
from app.visit.appointment_rules import DAY, EARLY, WINDOW, check_window, kept, missed, overlaps

DAY_ = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 10, 0)
minutes = st.integers(0, 24 * 60 - 1)


def hm(m: int) -> str:
    return f"{m // 60:02d}:{m % 60:02d}"


@given(minutes, minutes)
def test_a_window_is_accepted_exactly_when_open_ahead_and_the_right_way_round(a, b):
    ok = 9 * 60 <= a < b <= 17 * 60 and a >= 10 * 60
    try:
        check_window(DAY_, hm(a), hm(b), NOW, "09:00", "17:00")
        accepted = True
    except ValidationError as refused:
        accepted = False
        assert refused.field == WINDOW
    assert accepted == ok


def test_a_past_day_is_refused_naming_the_date():
    with pytest.raises(ValidationError) as refused:
        check_window(DAY_ - timedelta(days=1), "10:00", "10:30", NOW, "09:00", "17:00")
    assert refused.value.field == DAY


@given(minutes, minutes, minutes, minutes)
def test_overlap_is_a_shared_minute_and_symmetric(a, b, c, d):
    if not (a < b and c < d):
        return
    shared = bool(set(range(a, b)) & set(range(c, d)))
    assert overlaps((hm(a), hm(b)), (hm(c), hm(d))) == shared == overlaps((hm(c), hm(d)), (hm(a), hm(b)))


@given(st.integers(60, 20 * 60), st.integers(1, 120), st.integers(0, 24 * 60 - 1))
def test_kept_from_a_little_before_the_start_to_the_end(start, length, at):
    end = min(start + length, 24 * 60 - 1)
    now = datetime.combine(DAY_, datetime.min.time()) + timedelta(minutes=at)
    early = int(EARLY.total_seconds() // 60)
    assert kept(DAY_, hm(start), hm(end), now) == (start - early <= at <= end)
    assert missed(DAY_, hm(end), now) == (at > end)
    assert not kept(DAY_ + timedelta(days=1), hm(start), hm(end), now)
    assert missed(DAY_ - timedelta(days=1), hm(end), now)
