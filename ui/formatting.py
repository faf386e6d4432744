"""How values look on screen: times in the PC's local zone (the store keeps naive UTC)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone


def local_time(value: datetime | None) -> str:
    """A stored (naive UTC) time as local "YYYY-MM-DD HH:MM", or "" for none."""
    if value is None:
        return ""
    return value.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


def local_seconds(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def utc_from_local_date(day: date) -> datetime:
    """Local midnight at the start of ``day`` as the naive UTC time the store compares with."""
    local = datetime.combine(day, time.min).astimezone()
    return local.astimezone(timezone.utc).replace(tzinfo=None)
