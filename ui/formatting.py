"""How times, amounts and chart axes look on screen. Times: as the clocks in Beijing show them, like the documents and the
business day (app.business_day), whatever zone the PC's own clock is set to; the store keeps
naive UTC."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

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


def money(value: Decimal | int | float | None) -> str:
    """An amount in yuan as a bank clerk reads it: "1,234,567.00 元"; "—" for none."""
    if value is None:
        return "—"
    return QCoreApplication.translate("formatting", "CNY {amount}").format(amount=f"{Decimal(value):,.2f}")


def round_ticks(top: float, most: int = 6) -> tuple[int, int]:
    """An axis from 0 that shows ``top`` in steps of 1, 2 or 5 times a power of ten (at most
    ``most`` steps): returns (the axis's end, the number of ticks). 57 → (60, 7): 0, 10, … 60."""
    top = max(float(top), 1.0)
    power = 10 ** math.floor(math.log10(top / most)) if top >= most else 1
    # power × 10 always fits: top / most < 10 × power (or, below ``most``, steps of 1 do)
    step = next(power * f for f in (1, 2, 5, 10) if math.ceil(top / (power * f)) <= most)
    end = int(math.ceil(top / step) * step)
    return end, end // int(step) + 1


def month_labels(months: list[int]) -> list[str]:
    """Axis labels for months (``yyyymm``): the month alone ("12月", "1月"); the chart names
    the years in its axis title (:func:`month_span`), where a label would be too wide to show."""
    return [QCoreApplication.translate("formatting", "{month}").format(month=m % 100) for m in months]


def month_span(months: list[int]) -> str:
    """The months a chart covers, with their years: "2025年12月 – 2026年11月"."""
    if not months:
        return ""
    first, last = (QCoreApplication.translate("formatting", "{month}/{year}").format(month=m % 100, year=m // 100)
                   for m in (months[0], months[-1]))
    return QCoreApplication.translate("formatting", "{first} – {last}").format(first=first, last=last)


def overdue_text(past: timedelta) -> str:
    """How long past a deadline, in the largest units a person counts in: "overdue 3 d 4 h",
    "overdue 2 h 5 min"."""
    minutes = int(past.total_seconds() // 60)
    days, hours, minutes = minutes // 1440, minutes % 1440 // 60, minutes % 60
    if days:
        return QCoreApplication.translate("formatting", "overdue {days} d {hours} h").format(days=days, hours=hours)
    return QCoreApplication.translate("formatting", "overdue {hours} h {minutes} min").format(
        hours=hours, minutes=minutes)
