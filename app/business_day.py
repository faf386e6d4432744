"""The business day: the calendar day in the branches' time zone, which is what a clerk writes
on a form and what "today" means in every rule. The store keeps UTC; before 08:00 in Beijing
UTC's day is still yesterday."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

# Mainland China keeps one time zone, whatever a counter PC's own clock is set to. Queue and
# care policies carry a zone of their own (defaulting to this one) for their day.
BUSINESS_TIME_ZONE = "Asia/Shanghai"


def wall_clock(moment: datetime, time_zone: str = BUSINESS_TIME_ZONE) -> datetime:
    """``moment`` (naive UTC, as the store keeps time) as the clocks in ``time_zone`` show it."""
    return moment.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(time_zone))


def business_date(moment: datetime, time_zone: str = BUSINESS_TIME_ZONE) -> date:
    """The day in ``time_zone`` at ``moment`` (naive UTC)."""
    return wall_clock(moment, time_zone).date()


def moment_at(day: date, when: time, time_zone: str = BUSINESS_TIME_ZONE) -> datetime:
    """The naive UTC moment the clocks in ``time_zone`` show ``when`` on ``day``."""
    return datetime.combine(day, when, ZoneInfo(time_zone)).astimezone(timezone.utc).replace(tzinfo=None)


def day_start(day: date, time_zone: str = BUSINESS_TIME_ZONE) -> datetime:
    """The naive UTC moment that ``day`` begins in ``time_zone``."""
    return moment_at(day, time.min, time_zone)


def days_between(first: date, last: date, time_zone: str = BUSINESS_TIME_ZONE) -> tuple[datetime, datetime]:
    """Days ``first`` to ``last`` (both included) as naive UTC moments ``[start, end)``, for
    comparing with the times the store keeps."""
    return day_start(first, time_zone), day_start(last + timedelta(days=1), time_zone)
