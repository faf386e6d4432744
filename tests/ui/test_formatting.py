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
