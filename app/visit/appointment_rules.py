"""Appointments' pure rules: a booking's window (in the future, within the branch's opening
hours, ending after it starts), two bookings of one customer overlapping, and the priority a
check-in gives (the policy's appointment tier within the window, from a little before it
starts; a late or early arrival keeps the customer's own tier). Times are the branch's wall
clock, "HH:MM". No database, no Qt."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.errors import QT_TRANSLATE_NOOP, ValidationError

DAY = QT_TRANSLATE_NOOP("fields", "Date")
WINDOW = QT_TRANSLATE_NOOP("fields", "Time window")
APPOINTMENT = QT_TRANSLATE_NOOP("fields", "Appointment")

BOOKED, CHECKED_IN, NO_SHOW, CANCELLED = "booked", "checked_in", "no_show", "cancelled"
STATE_LABELS = {
    BOOKED: QT_TRANSLATE_NOOP("appointment_states", "Booked"),
    CHECKED_IN: QT_TRANSLATE_NOOP("appointment_states", "Checked in"),
    NO_SHOW: QT_TRANSLATE_NOOP("appointment_states", "No-show"),
    CANCELLED: QT_TRANSLATE_NOOP("appointment_states", "Cancelled"),
}
# A customer who comes this much before their window starts is served as booked.
EARLY = timedelta(minutes=15)


def hhmm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def check_window(day: date, starts: str, ends: str, now_local: datetime, opens_at: str, closes_at: str) -> None:
    """Refuse a window that is not a pair of HH:MM times, ends before it starts, lies outside
    opening hours or in the past (naming the field)."""
    try:
        start, end = (datetime.strptime(str(t), "%H:%M") for t in (starts, ends))
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be two times of day (HH:MM)"), field=WINDOW) from None
    if hhmm(start) >= hhmm(end):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must end after it starts"), field=WINDOW)
    if hhmm(start) < opens_at or hhmm(end) > closes_at:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must lie within opening hours ({opens}–{closes})"),
                              field=WINDOW, opens=opens_at, closes=closes_at)
    if day < now_local.date():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is in the past"), field=DAY)
    if day == now_local.date() and hhmm(start) < hhmm(now_local):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "has already begun"), field=WINDOW)


def overlaps(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Do the windows ``a`` and ``b`` (HH:MM pairs of one day) share a minute?"""
    return a[0] < b[1] and b[0] < a[1]


def kept(day: date, starts: str, ends: str, now_local: datetime) -> bool:
    """Is a check-in at ``now_local`` within the appointment's window (from EARLY before it)?"""
    if now_local.date() != day:
        return False
    opening = datetime.combine(day, datetime.strptime(starts, "%H:%M").time()) - EARLY
    return hhmm(opening) <= hhmm(now_local) <= ends if opening.date() == day else hhmm(now_local) <= ends


def missed(day: date, ends: str, now_local: datetime) -> bool:
    """Has the appointment's window passed (a booking still open then is a no-show)?"""
    return now_local.date() > day or (now_local.date() == day and hhmm(now_local) > ends)
