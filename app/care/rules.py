"""Care and complaint rules: the care policy, contact due dates, complaint deadlines, upcoming
birthdays and important dates, the complaint state machine and the maintenance bands.

docs/domain.md "Care and complaints": one-to-one relationship managers; VIPs contacted at least
monthly (seed 000 art. 13), the most valuable weekly (seed 002); maintenance by AUM band
(tellers, lobby manager, relationship managers; seed 003) with 500-800 customers per manager;
complaints answered within 5 h / 8 h / 12 h by level (seed 004). Every figure is policy.

Times: the store keeps naive UTC; a branch works in its local time (default Asia/Shanghai), so
"today", "this weekend" and a follow-up date are local. Weekends are not skipped unless the
policy says so: then a contact due on a Saturday or Sunday moves to the Monday, and a
complaint's clock stands still from Saturday 00:00 to Monday 00:00 local time.

Pure: no database, no Qt, no I/O.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.auth.permissions import Permission
from app.business_day import BUSINESS_TIME_ZONE, wall_clock
from app.errors import QT_TRANSLATE_NOOP, ValidationError

# --------------------------------------------------------------------------- field labels

CONTACT_METHOD = QT_TRANSLATE_NOOP("fields", "Contact method")
CONTACTED_AT = QT_TRANSLATE_NOOP("fields", "Contacted at")
PLACE = QT_TRANSLATE_NOOP("fields", "Place")
CONTENT = QT_TRANSLATE_NOOP("fields", "Content")
NEEDS = QT_TRANSLATE_NOOP("fields", "Customer needs")
FOLLOW_UP_DATE = QT_TRANSLATE_NOOP("fields", "Follow-up date")
FOLLOW_UP_STATUS = QT_TRANSLATE_NOOP("fields", "Follow-up status")
CHANNEL = QT_TRANSLATE_NOOP("fields", "Channel")
LEVEL = QT_TRANSLATE_NOOP("fields", "Level")
RESOLUTION = QT_TRANSLATE_NOOP("fields", "Resolution")
INVESTIGATION = QT_TRANSLATE_NOOP("fields", "Investigation")
SATISFACTION = QT_TRANSLATE_NOOP("fields", "Satisfaction")
STATE = QT_TRANSLATE_NOOP("fields", "State")
RELATIONSHIP_MANAGER = QT_TRANSLATE_NOOP("fields", "Relationship manager")
CONTACT_DAYS = QT_TRANSLATE_NOOP("fields", "Contact every (days)")
DEADLINE_HOURS = QT_TRANSLATE_NOOP("fields", "Complaint deadline (hours)")
MANAGER_CAP = QT_TRANSLATE_NOOP("fields", "Customers per manager")
UPCOMING_DAYS = QT_TRANSLATE_NOOP("fields", "Days ahead")
TIME_ZONE = QT_TRANSLATE_NOOP("fields", "Time zone")
MAINTENANCE_BANDS = QT_TRANSLATE_NOOP("fields", "Maintenance bands")

# --------------------------------------------------------------------------- vocabularies

CONTACT_METHODS = ("phone", "visit", "sms", "wechat", "email", "in_branch")
METHOD_LABELS = {
    "phone": QT_TRANSLATE_NOOP("care", "Phone"),
    "visit": QT_TRANSLATE_NOOP("care", "Visit"),
    "sms": QT_TRANSLATE_NOOP("care", "SMS"),
    "wechat": QT_TRANSLATE_NOOP("care", "WeChat"),
    "email": QT_TRANSLATE_NOOP("care", "E-mail"),
    "in_branch": QT_TRANSLATE_NOOP("care", "In branch"),
}
FOLLOW_UP_NONE, FOLLOW_UP_OPEN, FOLLOW_UP_DONE = "none", "open", "done"
FOLLOW_UP_STATUSES = (FOLLOW_UP_NONE, FOLLOW_UP_OPEN, FOLLOW_UP_DONE)
FOLLOW_UP_LABELS = {
    FOLLOW_UP_NONE: QT_TRANSLATE_NOOP("care", "No follow-up"),
    FOLLOW_UP_OPEN: QT_TRANSLATE_NOOP("care", "Follow-up open"),
    FOLLOW_UP_DONE: QT_TRANSLATE_NOOP("care", "Followed up"),
}
CHANNELS = ("counter", "phone", "letter", "email", "wechat", "regulator")
CHANNEL_LABELS = {
    "counter": QT_TRANSLATE_NOOP("care", "At the counter"),
    "phone": QT_TRANSLATE_NOOP("care", "Phone"),
    "letter": QT_TRANSLATE_NOOP("care", "Letter"),
    "email": QT_TRANSLATE_NOOP("care", "E-mail"),
    "wechat": QT_TRANSLATE_NOOP("care", "WeChat"),
    "regulator": QT_TRANSLATE_NOOP("care", "Via the regulator"),
}
LEVELS = (1, 2, 3)
LEVEL_LABELS = {
    1: QT_TRANSLATE_NOOP("care", "Level 1 (within the manager's authority)"),
    2: QT_TRANSLATE_NOOP("care", "Level 2 (needs other departments)"),
    3: QT_TRANSLATE_NOOP("care", "Level 3 (major issue)"),
}
SATISFACTIONS = ("satisfied", "neutral", "dissatisfied")
SATISFACTION_LABELS = {
    "satisfied": QT_TRANSLATE_NOOP("care", "Satisfied"),
    "neutral": QT_TRANSLATE_NOOP("care", "Neutral"),
    "dissatisfied": QT_TRANSLATE_NOOP("care", "Dissatisfied"),
}

# --------------------------------------------------------------------------- complaint states

ACCEPTED, ASSIGNED, INVESTIGATING, RESOLVED, CLOSED = (
    "accepted", "assigned", "investigating", "resolved", "closed")
COMPLAINT_STATES = (ACCEPTED, ASSIGNED, INVESTIGATING, RESOLVED, CLOSED)
OPEN_STATES = (ACCEPTED, ASSIGNED, INVESTIGATING)
STATE_LABELS = {
    ACCEPTED: QT_TRANSLATE_NOOP("care", "Accepted"),
    ASSIGNED: QT_TRANSLATE_NOOP("care", "Assigned"),
    INVESTIGATING: QT_TRANSLATE_NOOP("care", "Investigating"),
    RESOLVED: QT_TRANSLATE_NOOP("care", "Resolved"),
    CLOSED: QT_TRANSLATE_NOOP("care", "Closed"),
}
ASSIGN, INVESTIGATE, RESOLVE, CLOSE = "assign", "investigate", "resolve", "close"
# action -> states it may start from, state it leads to
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    ASSIGN: ((ACCEPTED, ASSIGNED, INVESTIGATING), ASSIGNED),
    INVESTIGATE: ((ASSIGNED,), INVESTIGATING),
    RESOLVE: ((ACCEPTED, ASSIGNED, INVESTIGATING), RESOLVED),
    CLOSE: ((RESOLVED,), CLOSED),
}
# Who may take each step ("accept" opens the complaint): whoever looks after customers; handing
# it to someone else needs ASSIGN_CUSTOMERS besides, which the services and, on PostgreSQL, the
# database check beside these rows (migration 0030's state_transition).
ACCEPT = "accept"
COMPLAINT_PERMISSIONS: dict[str, Permission] = {
    ACCEPT: Permission.CARE_FOR_CUSTOMERS, ASSIGN: Permission.CARE_FOR_CUSTOMERS,
    INVESTIGATE: Permission.CARE_FOR_CUSTOMERS, RESOLVE: Permission.CARE_FOR_CUSTOMERS,
    CLOSE: Permission.CARE_FOR_CUSTOMERS,
}


def next_complaint_state(state: str, action: str) -> str:
    """The state ``action`` leads to from ``state``; a :class:`ValidationError` naming "State"
    when the action is not allowed there (a closed complaint never reopens)."""
    starts, target = TRANSITIONS[action]
    if state not in starts:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "this step is not possible in the complaint's current "
                                        "state; reload it"), field=STATE)
    return target


def check_resolution(text: str) -> str:
    """Resolving or closing needs what was done, in words: refused when empty."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "is required: say how the complaint was resolved"),
            field=RESOLUTION)
    if len(cleaned) > 2000:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at most {max} characters"),
                              field=RESOLUTION, max=2000)
    return cleaned


# --------------------------------------------------------------------------- policy

@dataclass(frozen=True)
class MaintenanceBand:
    """Customers whose AUM is at least ``lower_bound`` (up to the next band) are looked after
    by staff holding ``role`` (a :class:`app.auth.permissions.Role` value)."""

    lower_bound: Decimal
    role: str


DEFAULT_CONTACT_DAYS = {"gold": 30, "platinum": 30, "diamond": 30, "private": 7}
DEFAULT_DEADLINE_HOURS = {1: 5, 2: 8, 3: 12}
DEFAULT_BANDS = (
    MaintenanceBand(Decimal("50000"), "counter_staff"),
    MaintenanceBand(Decimal("100000"), "lobby_manager"),
    MaintenanceBand(Decimal("200000"), "relationship_manager"),
)


@dataclass(frozen=True)
class CarePolicy:
    """What a bank sets for care: contact interval per tier (days; a tier not listed needs no
    planned contact), complaint deadline per level (hours), whether weekends count, the cap of
    customers per manager, how far ahead birthdays show, the branches' time zone and the
    maintenance bands."""

    contact_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_CONTACT_DAYS))
    deadline_hours: Mapping[int, int] = field(default_factory=lambda: dict(DEFAULT_DEADLINE_HOURS))
    skip_weekends: bool = False
    manager_cap: int = 800
    upcoming_days: int = 7
    time_zone: str = BUSINESS_TIME_ZONE
    bands: tuple[MaintenanceBand, ...] = DEFAULT_BANDS

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def interval(self, tier: str) -> int | None:
        """Days between planned contacts for ``tier``; None when the tier has no plan."""
        days = self.contact_days.get(tier)
        return days or None

    def validate(self) -> None:
        for tier, days in self.contact_days.items():
            if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 366:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 1 to 366 days ({tier} is not)"),
                                      field=CONTACT_DAYS, tier=tier)
        if set(self.deadline_hours) != set(LEVELS):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "needs an entry for levels 1, 2 and 3"),
                                  field=DEADLINE_HOURS)
        for level, hours in self.deadline_hours.items():
            if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= 720:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 1 to 720 hours (level {level} is not)"),
                                      field=DEADLINE_HOURS, level=level)
        if isinstance(self.manager_cap, bool) or not isinstance(self.manager_cap, int) \
                or not 1 <= self.manager_cap <= 100_000:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from 1 to 100000"),
                                  field=MANAGER_CAP)
        if isinstance(self.upcoming_days, bool) or not isinstance(self.upcoming_days, int) \
                or not 0 <= self.upcoming_days <= 60:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from 0 to 60"),
                                  field=UPCOMING_DAYS)
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{zone} is not a known time zone"),
                                  field=TIME_ZONE, zone=str(self.time_zone)) from None
        bounds = [b.lower_bound for b in self.bands]
        # finite first: NaN cannot be compared or sorted (and sNaN not even hashed)
        if not all(b.is_finite() for b in bounds) or bounds != sorted(set(bounds)) or any(b < 0 for b in bounds):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "lower bounds must increase"),
                                  field=MAINTENANCE_BANDS)

    def to_dict(self) -> dict:
        return {
            "contact_days": dict(self.contact_days),
            "deadline_hours": {str(k): v for k, v in self.deadline_hours.items()},
            "skip_weekends": self.skip_weekends, "manager_cap": self.manager_cap,
            "upcoming_days": self.upcoming_days, "time_zone": self.time_zone,
            "bands": [{"lower_bound": f"{b.lower_bound:.2f}", "role": b.role} for b in self.bands],
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> CarePolicy:
        """A validated policy from :meth:`to_dict`'s shape; missing keys take the defaults;
        anything malformed is a :class:`ValidationError`."""
        base = cls()
        try:
            policy = cls(
                contact_days={str(k): v for k, v in dict(data.get("contact_days", base.contact_days)).items()},
                deadline_hours={int(k): v for k, v in dict(data.get("deadline_hours", base.deadline_hours)).items()},
                skip_weekends=bool(data.get("skip_weekends", base.skip_weekends)),
                manager_cap=data.get("manager_cap", base.manager_cap),
                upcoming_days=data.get("upcoming_days", base.upcoming_days),
                time_zone=data.get("time_zone", base.time_zone),
                bands=tuple(MaintenanceBand(Decimal(str(b["lower_bound"])), str(b["role"]))
                            for b in data.get("bands", [b.__dict__ for b in base.bands])),
            )
        except (TypeError, ValueError, KeyError, AttributeError, InvalidOperation):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not a valid care policy"),
                                  field=QT_TRANSLATE_NOOP("fields", "Care policy")) from None
        policy.validate()
        return policy


DEFAULT_CARE_POLICY = CarePolicy()


def keeper_role(aum: Decimal | None, policy: CarePolicy = DEFAULT_CARE_POLICY) -> str | None:
    """The role that looks after a customer with rolling average ``aum``: the highest band it
    reaches (lower bound inclusive); None below the lowest band or without a figure."""
    if aum is None:
        return None
    role = None
    for band in policy.bands:
        if aum >= band.lower_bound:
            role = band.role
    return role


# --------------------------------------------------------------------------- local time

def to_utc(local: datetime) -> datetime:
    """A zone-aware local datetime as the naive UTC value the store keeps."""
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def to_local(utc: datetime, policy: CarePolicy = DEFAULT_CARE_POLICY) -> datetime:
    """A stored naive UTC datetime in the branch's local time (zone-aware)."""
    return wall_clock(utc, policy.time_zone)


def local_today(now_utc: datetime, policy: CarePolicy = DEFAULT_CARE_POLICY) -> date:
    """The branch's calendar date at the stored instant ``now_utc``."""
    return to_local(now_utc, policy).date()


def is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def _next_working_day(day: date) -> date:
    while is_weekend(day):
        day += timedelta(days=1)
    return day


# --------------------------------------------------------------------------- contact plan

def contact_due(last_contact: date | None, start: date, interval_days: int,
                policy: CarePolicy = DEFAULT_CARE_POLICY) -> date:
    """The local date the next planned contact is due: ``interval_days`` after the last
    contact; a customer never contacted is due on ``start`` (when they became a VIP, or were
    created). With ``skip_weekends`` a due date on Saturday or Sunday moves to Monday."""
    due = (last_contact + timedelta(days=interval_days)) if last_contact is not None else start
    return _next_working_day(due) if policy.skip_weekends else due


def days_overdue(due: date, today: date) -> int:
    """How many days past ``due`` ``today`` is (0 when due today, negative when not yet due)."""
    return (today - due).days


def check_follow_up(follow_up_on: date | None, today: date) -> date | None:
    """A follow-up date may be today or later (local), never in the past."""
    if follow_up_on is not None and follow_up_on < today:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must not be in the past (today is {today})"),
                              field=FOLLOW_UP_DATE, today=today.isoformat())
    return follow_up_on


# --------------------------------------------------------------------------- complaint deadlines

def complaint_deadline(accepted_at: datetime, level: int, policy: CarePolicy = DEFAULT_CARE_POLICY) -> datetime:
    """When a complaint accepted at ``accepted_at`` (naive UTC) must be answered (naive UTC):
    the level's hours later; with ``skip_weekends`` the hours between Saturday 00:00 and Monday
    00:00 local time do not count. Elapsed time is real time (an hour is an hour across a
    daylight-saving change)."""
    if level not in policy.deadline_hours:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 1, 2 or 3"), field=LEVEL)
    remaining = timedelta(hours=policy.deadline_hours[level])
    start = accepted_at.replace(tzinfo=timezone.utc)
    if not policy.skip_weekends:
        return (start + remaining).replace(tzinfo=None)
    zone = policy.zone
    cursor = start
    while True:
        local = cursor.astimezone(zone)
        day = local.date()
        if is_weekend(day):
            monday = _next_working_day(day)
            cursor = datetime.combine(monday, time(0), zone).astimezone(timezone.utc)
            continue
        day_end = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(timezone.utc)
        if cursor + remaining <= day_end:
            return (cursor + remaining).replace(tzinfo=None)
        remaining -= day_end - cursor
        cursor = day_end


def time_left(deadline: datetime, now: datetime) -> timedelta:
    """Time until ``deadline`` (negative once it has passed); both naive UTC."""
    return deadline - now


def is_overdue(state: str, deadline: datetime, now: datetime) -> bool:
    """An open complaint past its deadline (resolved and closed ones never are)."""
    return state in OPEN_STATES and now > deadline


def answered_on_time(deadline: datetime, resolved_at: datetime | None) -> bool:
    return resolved_at is not None and resolved_at <= deadline


def countdown_text(left: timedelta) -> str:
    """``4:59:59`` left, or ``-0:00:01`` past the deadline (hours may exceed 24)."""
    seconds = int(left.total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


# --------------------------------------------------------------------------- birthdays, dates

@dataclass(frozen=True)
class ImportantDate:
    """A date the customer cares about (anniversary...), recurring every year."""

    label: str
    month: int
    day: int


def parse_important_dates(raw: str | Sequence | None) -> list[ImportantDate]:
    """The customer's ``important_dates`` JSON: a list of ``{"label", "date"}`` where date is
    ``YYYY-MM-DD`` or ``MM-DD``. Entries that do not parse are skipped (the archive may hold
    anything an import put there; the worklist must still load)."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw or "[]")
        except ValueError:
            return []
    found = []
    for item in raw or []:
        if not isinstance(item, Mapping):
            continue
        text = str(item.get("date", ""))
        parts = text.split("-")[-2:]
        try:
            month, day = int(parts[0]), int(parts[1])
            date(2000, month, day)  # a leap year: 02-29 is valid
        except (ValueError, IndexError):
            continue
        found.append(ImportantDate(str(item.get("label", "")), month, day))
    return found


def next_occurrence(month: int, day: int, today: date) -> date:
    """The next date (today or later) that falls on ``month``/``day``; February 29 is kept on
    February 28 in a common year."""
    for year in (today.year, today.year + 1):
        try:
            when = date(year, month, day)
        except ValueError:
            when = date(year, month, day - 1)
        if when >= today:
            return when
    raise AssertionError("unreachable")


def upcoming(birthday: date | None, important: Sequence[ImportantDate], today: date,
             days: int) -> list[tuple[date, str, str]]:
    """Birthdays and important dates from ``today`` to ``today + days``: (date, kind, label)
    with kind "birthday" or "date", soonest first."""
    last = today + timedelta(days=days)
    found = []
    if birthday is not None:
        when = next_occurrence(birthday.month, birthday.day, today)
        if when <= last:
            found.append((when, "birthday", ""))
    for item in important:
        when = next_occurrence(item.month, item.day, today)
        if when <= last:
            found.append((when, "date", item.label))
    return sorted(found, key=lambda f: (f[0], f[1], f[2]))


# --------------------------------------------------------------------------- compliance

def compliant(last_contact: date | None, interval_days: int, today: date) -> bool:
    """The plan is kept when the last contact lies within the interval before today."""
    return last_contact is not None and (today - last_contact).days < interval_days
