"""The business day is Beijing's calendar day, not UTC's: stores and units of work agree."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfoNotFoundError

import pytest
from sqlalchemy import create_engine

from app.business_day import business_date
from app.store import Store


def test_the_day_turns_at_midnight_in_beijing():
    # 2026-11-27 16:00 UTC is 28 November 00:00 in Beijing
    assert business_date(datetime(2026, 11, 27, 15, 59, 59)) == date(2026, 11, 27)
    assert business_date(datetime(2026, 11, 27, 16, 0, 0)) == date(2026, 11, 28)
    assert business_date(datetime(2026, 11, 27, 16, 0, 0), "Europe/London") == date(2026, 11, 27)


def test_a_store_tells_the_business_day_of_its_clock():
    engine = create_engine("sqlite://")
    store = Store(engine, clock=lambda: datetime(2026, 12, 31, 23, 30))
    assert store.today() == date(2027, 1, 1)          # 07:30 on New Year's Day in Beijing
    assert Store(engine, clock=store.clock, time_zone="UTC").today() == date(2026, 12, 31)


def test_an_unknown_time_zone_fails_when_the_store_is_made():
    with pytest.raises(ZoneInfoNotFoundError):
        Store(create_engine("sqlite://"), time_zone="Mars/Olympus_Mons")
