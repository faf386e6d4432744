"""Pure care rules: contact due dates, complaint deadlines (time zones, weekends per policy),
follow-up dates, upcoming birthdays and dates, the complaint state machine, the policy."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.care.rules import (
    ASSIGN, CLOSE, CLOSED, DEFAULT_CARE_POLICY, INVESTIGATE, RESOLVE, CarePolicy, ImportantDate,
    check_follow_up, check_resolution, complaint_deadline, compliant, contact_due, countdown_text,
    is_overdue, keeper_role, local_today, next_complaint_state, parse_important_dates, upcoming,
)
from app.errors import ValidationError

SKIP = CarePolicy(skip_weekends=True)
# 2026-11-27 is a Friday; 12:00 UTC is 20:00 in Shanghai
FRIDAY_NOON_UTC = datetime(2026, 11, 27, 12, 0)


def test_default_deadlines_are_5_8_12_hours():
    assert [complaint_deadline(FRIDAY_NOON_UTC, level) - FRIDAY_NOON_UTC for level in (1, 2, 3)] == [
        timedelta(hours=5), timedelta(hours=8), timedelta(hours=12)]


def test_weekends_count_unless_the_policy_skips_them():
    # Friday 20:00 Shanghai + 8 h = Saturday 04:00 Shanghai (Friday 20:00 UTC)
    assert complaint_deadline(FRIDAY_NOON_UTC, 2) == datetime(2026, 11, 27, 20, 0)
    # skipping: 4 h on Friday until midnight, the rest from Monday 00:00 Shanghai -> Monday 04:00
    # Shanghai = Sunday 20:00 UTC
    assert complaint_deadline(FRIDAY_NOON_UTC, 2, SKIP) == datetime(2026, 11, 29, 20, 0)


def test_the_weekend_is_the_branch_s_local_weekend_not_utc():
    # Friday 17:00 UTC is already Saturday 01:00 in Shanghai: the clock starts on Monday
    accepted = datetime(2026, 11, 27, 17, 0)
    assert complaint_deadline(accepted, 1, SKIP) == datetime(2026, 11, 29, 21, 0)  # Monday 05:00 Shanghai
    # and in a zone behind UTC the same instant is still Friday 12:00: counted at once
    new_york = CarePolicy(skip_weekends=True, time_zone="America/New_York")
    assert complaint_deadline(accepted, 1, new_york) == datetime(2026, 11, 27, 22, 0)


def test_local_today_uses_the_branch_time_zone():
    assert local_today(datetime(2026, 11, 27, 16, 30)) == date(2026, 11, 28)  # 00:30 in Shanghai
    assert local_today(datetime(2026, 11, 27, 15, 59)) == date(2026, 11, 27)


def test_contact_due_by_interval_and_weekends():
    assert contact_due(date(2026, 11, 1), date(2026, 1, 1), 30) == date(2026, 12, 1)
    assert contact_due(None, date(2026, 11, 20), 7) == date(2026, 11, 20)  # never contacted: due at once
    # 2026-11-21 + 7 = Saturday 28th: kept without the policy, Monday 30th with it
    assert contact_due(date(2026, 11, 21), date(2026, 1, 1), 7) == date(2026, 11, 28)
    assert contact_due(date(2026, 11, 21), date(2026, 1, 1), 7, SKIP) == date(2026, 11, 30)


def test_a_follow_up_date_in_the_past_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as caught:
        check_follow_up(date(2026, 11, 26), date(2026, 11, 27))
    assert caught.value.field == "Follow-up date" and "past" in str(caught.value)
    assert check_follow_up(date(2026, 11, 27), date(2026, 11, 27)) == date(2026, 11, 27)
    assert check_follow_up(None, date(2026, 11, 27)) is None


def test_upcoming_birthdays_and_dates_within_the_window():
    today = date(2026, 12, 29)
    found = upcoming(date(1980, 1, 2), [ImportantDate("结婚纪念日", 12, 30), ImportantDate("x", 1, 10)], today, 7)
    assert found == [(date(2026, 12, 30), "date", "结婚纪念日"), (date(2027, 1, 2), "birthday", "")]


def test_a_29_february_birthday_is_kept_on_the_28th_in_a_common_year():
    assert upcoming(date(1988, 2, 29), [], date(2027, 2, 25), 7) == [(date(2027, 2, 28), "birthday", "")]
    assert upcoming(date(1988, 2, 29), [], date(2028, 2, 25), 7) == [(date(2028, 2, 29), "birthday", "")]


def test_important_dates_parse_leniently():
    raw = '[{"label": "a", "date": "2001-05-04"}, {"label": "b", "date": "12-31"}, {"date": "13-40"}, 5]'
    assert parse_important_dates(raw) == [ImportantDate("a", 5, 4), ImportantDate("b", 12, 31)]
    assert parse_important_dates("not json") == []


def test_complaint_states_move_forward_only():
    assert next_complaint_state("accepted", ASSIGN) == "assigned"
    assert next_complaint_state("assigned", INVESTIGATE) == "investigating"
    assert next_complaint_state("investigating", RESOLVE) == "resolved"
    assert next_complaint_state("resolved", CLOSE) == CLOSED
    for action in (ASSIGN, INVESTIGATE, RESOLVE, CLOSE):
        with pytest.raises(ValidationError) as caught:
            next_complaint_state(CLOSED, action)
        assert caught.value.field == "State"
    with pytest.raises(ValidationError):
        next_complaint_state("accepted", CLOSE)


@pytest.mark.parametrize("text", ["", "   ", None])
def test_no_resolution_without_words(text):
    with pytest.raises(ValidationError) as caught:
        check_resolution(text)
    assert caught.value.field == "Resolution"


def test_overdue_only_while_open_and_countdown_text():
    deadline = datetime(2026, 11, 27, 12)
    assert is_overdue("assigned", deadline, deadline + timedelta(seconds=1))
    assert not is_overdue("resolved", deadline, deadline + timedelta(days=1))
    assert not is_overdue("accepted", deadline, deadline)
    assert countdown_text(timedelta(hours=4, minutes=59, seconds=59)) == "4:59:59"
    assert countdown_text(timedelta(seconds=-1)) == "-0:00:01"
    assert countdown_text(timedelta(hours=30)) == "30:00:00"


def test_keeper_role_by_aum_band():
    assert keeper_role(None) is None
    assert keeper_role(Decimal("49999.99")) is None
    assert keeper_role(Decimal("50000")) == "counter_staff"
    assert keeper_role(Decimal("150000")) == "lobby_manager"
    assert keeper_role(Decimal("3000000")) == "relationship_manager"


def test_policy_round_trips_and_refuses_nonsense():
    assert CarePolicy.from_dict(SKIP.to_dict()) == SKIP
    assert CarePolicy.from_dict({}) == DEFAULT_CARE_POLICY
    assert DEFAULT_CARE_POLICY.interval("private") == 7 and DEFAULT_CARE_POLICY.interval("gold") == 30
    assert DEFAULT_CARE_POLICY.interval("ordinary") is None
    for bad, field in (({"manager_cap": 0}, "Customers per manager"),
                       ({"deadline_hours": {"1": 5}}, "Complaint deadline (hours)"),
                       ({"time_zone": "Mars/Olympus"}, "Time zone"),
                       ({"contact_days": {"gold": 0}}, "Contact every (days)"),
                       ({"bands": "x"}, "Care policy"),
                       # a bound a SQL tool could store: refused like any other (the store's
                       # reader then falls back to the defaults instead of failing)
                       ({"bands": [{"lower_bound": "NaN", "role": "counter_staff"}]}, "Maintenance bands"),
                       ({"bands": [{"lower_bound": "sNaN", "role": "counter_staff"}]}, "Maintenance bands"),
                       ({"bands": [{"lower_bound": "Infinity", "role": "counter_staff"}]}, "Maintenance bands")):
        with pytest.raises(ValidationError) as caught:
            CarePolicy.from_dict(bad)
        assert caught.value.field == field


def test_compliance_is_a_contact_inside_the_interval():
    assert compliant(date(2026, 11, 1), 30, date(2026, 11, 30))
    assert not compliant(date(2026, 10, 31), 30, date(2026, 11, 30))
    assert not compliant(None, 30, date(2026, 11, 30))


# --------------------------------------------------------------------------- properties

instants = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31))
zones = st.sampled_from(["Asia/Shanghai", "America/New_York", "Europe/London", "UTC", "Australia/Sydney"])


def _working_seconds(start: datetime, end: datetime, policy: CarePolicy) -> float:
    """Seconds between two UTC instants that fall on a local weekday, counted minute by minute
    on the boundaries and by whole local days in between (independent of the rule's loop)."""
    zone = policy.zone
    total, cursor = 0.0, start.replace(tzinfo=timezone.utc)
    end = end.replace(tzinfo=timezone.utc)
    while cursor < end:
        local = cursor.astimezone(zone)
        step = min(end, (local.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1))
                   .astimezone(timezone.utc), cursor + timedelta(hours=1))
        if step <= cursor:
            step = cursor + timedelta(minutes=1)
        if local.weekday() < 5:
            total += (step - cursor).total_seconds()
        cursor = step
    return total


@settings(max_examples=150, deadline=None)
@given(instants, st.sampled_from([1, 2, 3]), zones)
def test_deadline_counts_exactly_the_level_hours(accepted, level, zone):
    plain = CarePolicy(time_zone=zone)
    skipping = CarePolicy(time_zone=zone, skip_weekends=True)
    hours = plain.deadline_hours[level]
    assert complaint_deadline(accepted, level, plain) - accepted == timedelta(hours=hours)
    deadline = complaint_deadline(accepted, level, skipping)
    assert deadline >= accepted + timedelta(hours=hours)
    assert _working_seconds(accepted, deadline, skipping) == pytest.approx(hours * 3600)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 1, 1)), st.integers(1, 120))
def test_due_dates_skip_weekends_only_when_asked(last, days):
    plain = contact_due(last, date(2000, 1, 1), days)
    assert plain == last + timedelta(days=days)
    skipped = contact_due(last, date(2000, 1, 1), days, SKIP)
    assert skipped.weekday() < 5 and 0 <= (skipped - plain).days <= 2
    assert (skipped == plain) == (plain.weekday() < 5)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1930, 1, 1), max_value=date(2010, 12, 31)),
       st.dates(min_value=date(2020, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 60))
def test_upcoming_finds_every_birthday_in_the_window_once(birthday, today, days):
    found = upcoming(birthday, [], today, days)
    expected = [today + timedelta(days=n) for n in range(days + 1)
                if (today + timedelta(days=n)).timetuple()[1:3] == (birthday.month, birthday.day)
                or (birthday.month, birthday.day) == (2, 29) and (today + timedelta(days=n)).timetuple()[1:3] == (2, 28)
                and not _leap((today + timedelta(days=n)).year)]
    assert [f[0] for f in found] == expected[:1]


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
