"""Screens show stored (UTC) times as Beijing's clocks do, whatever the PC's own zone."""

from __future__ import annotations

import os
import time
from datetime import date, datetime

import pytest

from ui.formatting import local_day, local_seconds, local_time, utc_from_local_date


@pytest.fixture(params=["UTC", "America/New_York"])
def pc_zone(request):
    """The PC's own clock zone, set for the test and put back after."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_times_show_in_beijing_whatever_the_pc_zone(pc_zone):
    assert local_time(datetime(2026, 11, 27, 16, 30)) == "2026-11-28 00:30"
    assert local_seconds(datetime(2026, 11, 27, 16, 30, 5)) == "2026-11-28 00:30:05"
    assert local_time(None) == ""
    assert utc_from_local_date(date(2026, 11, 28)) == datetime(2026, 11, 27, 16, 0)
    assert local_day(datetime(2026, 11, 27, 16, 30)) == "2026-11-28"
    assert local_day(date(2026, 11, 27)) == "2026-11-27" and local_day(None) == ""


# -- amounts, axes, months, overdue -------------------------------------------------------------
from datetime import timedelta
from decimal import Decimal

from ui.formatting import money, month_labels, month_span, overdue_text, round_ticks


def test_money_has_separators_and_yuan(language):
    language.set("zh_CN")
    assert money(Decimal("50000")) == "50,000.00 元"
    assert money(1234567.5) == "1,234,567.50 元"
    assert money(None) == "—"


@pytest.mark.parametrize("top, expected", [
    (57, (60, 7)), (14, (15, 4)), (7, (8, 5)), (0, (1, 2)), (100, (100, 6)), (101, (120, 7)), (1234, (1500, 4)),
])
def test_axes_end_on_a_round_number_in_round_steps(top, expected):
    end, ticks = round_ticks(top)
    assert (end, ticks) == expected
    step = end / (ticks - 1)
    assert step == int(step) and int(str(int(step)).rstrip("0") or "1") in (1, 2, 5) and end >= top


def test_twelve_months_name_their_years(language):
    language.set("zh_CN")
    months = [202512, 202601, 202602]
    assert month_labels(months) == ["12月", "1月", "2月"]
    assert month_span(months) == "2025年12月 – 2026年2月"


def test_overdue_counts_days_not_a_negative_timer(language):
    language.set("zh_CN")
    assert overdue_text(timedelta(hours=25, minutes=5, seconds=23)) == "逾期 1 天 1 小时"
    assert overdue_text(timedelta(minutes=125)) == "逾期 2 小时 5 分钟"
