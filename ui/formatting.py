"""How times look on screen: as the clocks in Beijing show them, like the documents and the
business day (app.business_day), whatever zone the PC's own clock is set to; the store keeps
naive UTC."""

from __future__ import annotations

from datetime import date, datetime

from app.business_day import business_date, day_start, wall_clock


def local_time(value: datetime | None) -> str:
    """A stored (naive UTC) time as "YYYY-MM-DD HH:MM" in Beijing, or "" for none."""
    return f"{wall_clock(value):%Y-%m-%d %H:%M}" if value is not None else ""


def local_seconds(value: datetime | None) -> str:
    return f"{wall_clock(value):%Y-%m-%d %H:%M:%S}" if value is not None else ""


def local_day(value: date | datetime | None) -> str:
    """A date, or a stored (naive UTC) time's day in Beijing, as "YYYY-MM-DD"; "" for none."""
    if value is None:
        return ""
    return (business_date(value) if isinstance(value, datetime) else value).isoformat()


def utc_from_local_date(day: date) -> datetime:
    """The start of ``day`` in Beijing as the naive UTC time the store compares with."""
    return day_start(day)
