"""The business day is Beijing's calendar day, not UTC's: stores and units of work agree."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import create_engine

from app.business_day import business_date, days_between, moment_at
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


def test_a_span_of_days_runs_from_midnight_to_midnight_in_beijing():
    assert days_between(date(2026, 11, 28), date(2026, 11, 30)) == (
        datetime(2026, 11, 27, 16, 0), datetime(2026, 11, 30, 16, 0))


def test_a_time_of_day_is_the_clocks_of_its_zone():
    assert moment_at(date(2026, 11, 28), time(9, 0)) == datetime(2026, 11, 28, 1, 0)
    # summer time where the zone keeps it: 09:00 in London is 08:00 UTC in July, 09:00 in November
    assert moment_at(date(2026, 7, 1), time(9, 0), "Europe/London") == datetime(2026, 7, 1, 8, 0)
    assert moment_at(date(2026, 11, 28), time(9, 0), "Europe/London") == datetime(2026, 11, 28, 9, 0)
