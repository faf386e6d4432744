"""Queue rules: the calling policy, the order in which a counter calls tickets, aging, ticket
numbers, the business day and which state a ticket may move to.

docs/domain.md "Queue priority": counters call diamond, platinum, gold, ordinary in that order; the
lobby manager may adjust a priority by hand. Branches disagree on how strictly: the policy is
either *strict* (higher priority first, first come first served within a priority) or
*interleaved* by ratio (e.g. 2 diamond : 2 platinum : 1 gold : 1 ordinary). Whatever the mode,
every tier has a maximum wait: once a ticket's deadline has passed it goes before every ticket
whose deadline has not (the most overdue first), so nobody starves.

The calling order of a counter, for the candidates it may call, is the smallest :func:`order_key`:

1. tickets transferred *to the front* (by their place in the queue);
2. overdue tickets (deadline reached, ``deadline <= now``), earliest deadline first;
3. the rest by :func:`preference` of their priority (strict: highest first; interleaved: the
   tier whose turn it is in the ratio's cycle first, then the others highest first);
4. within that, by place in the queue (``queued_at``), then by ticket id (issue order).

The store's claim statement (:mod:`app.queue.calling`) sorts by exactly these keys in SQL; a
test checks that both agree. Pure: no database, no Qt, no I/O.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.auth.permissions import Permission
from app.business_day import BUSINESS_TIME_ZONE
from app.errors import QT_TRANSLATE_NOOP, ConflictError, ValidationError

# Ticket states (docs/architecture.md: waiting → called → serving → done; called → no-show | waiting
# again; waiting → cancelled; any open ticket → transferred; yesterday's open → expired).
WAITING, CALLED, SERVING, DONE = "waiting", "called", "serving", "done"
NO_SHOW, CANCELLED, TRANSFERRED, EXPIRED = "no_show", "cancelled", "transferred", "expired"
OPEN_STATES = (WAITING, CALLED, SERVING)
AT_COUNTER = (CALLED, SERVING)
STATE_LABELS = {
    WAITING: QT_TRANSLATE_NOOP("queue_states", "Waiting"),
    CALLED: QT_TRANSLATE_NOOP("queue_states", "Called"),
    SERVING: QT_TRANSLATE_NOOP("queue_states", "Serving"),
    DONE: QT_TRANSLATE_NOOP("queue_states", "Done"),
    NO_SHOW: QT_TRANSLATE_NOOP("queue_states", "No-show"),
    CANCELLED: QT_TRANSLATE_NOOP("queue_states", "Cancelled"),
    TRANSFERRED: QT_TRANSLATE_NOOP("queue_states", "Transferred"),
    EXPIRED: QT_TRANSLATE_NOOP("queue_states", "Expired"),
}

STRICT, INTERLEAVED = "strict", "interleaved"
MODES = (STRICT, INTERLEAVED)

MODE = QT_TRANSLATE_NOOP("fields", "Calling order")
WEIGHT = QT_TRANSLATE_NOOP("fields", "Ratio")
MAX_WAIT = QT_TRANSLATE_NOOP("fields", "Maximum wait (minutes)")
ALERT_AFTER = QT_TRANSLATE_NOOP("fields", "Alert the lobby after (minutes)")
RECALL_GAP = QT_TRANSLATE_NOOP("fields", "Minimum gap between recalls (seconds)")
RECALLS = QT_TRANSLATE_NOOP("fields", "Recalls before a no-show")
LOST_AFTER = QT_TRANSLATE_NOOP("fields", "Counter lost after (seconds)")
TIME_ZONE = QT_TRANSLATE_NOOP("fields", "Time zone")
REASON = QT_TRANSLATE_NOOP("fields", "Reason")
PRIORITY = QT_TRANSLATE_NOOP("fields", "Priority")
TICKET = QT_TRANSLATE_NOOP("fields", "Ticket")
RECEIVE_WITHIN = QT_TRANSLATE_NOOP("fields", "Tell the branch manager after (minutes)")
OPENING_HOURS = QT_TRANSLATE_NOOP("fields", "Opening hours")
APPOINTMENT_TIER = QT_TRANSLATE_NOOP("fields", "Priority of a kept appointment")
RATING_WITHIN = QT_TRANSLATE_NOOP("fields", "Rating window open for (seconds)")
RATING_CLERK = QT_TRANSLATE_NOOP("fields", "Rating window shows the clerk")
# What the customer's rating window says of the clerk who served: the display name (as on the
# badge), the staff number (the sign-in name), or nothing.
CLERK_BY_NAME, CLERK_BY_NUMBER, CLERK_HIDDEN = "name", "number", "none"
RATING_CLERK_CHOICES = (CLERK_BY_NAME, CLERK_BY_NUMBER, CLERK_HIDDEN)

DEFAULT_MAX_WAIT_MINUTES = 30


@dataclass(frozen=True)
class QueuePolicy:
    """A branch's calling policy. ``weights``, ``max_wait_minutes`` and ``alert_minutes`` are
    per tier code; a tier missing from them has weight 1, :data:`DEFAULT_MAX_WAIT_MINUTES` and
    an alert at two thirds of its maximum wait (the lobby manager is told of a long wait before
    the maximum wait forces the ticket ahead)."""

    mode: str = STRICT
    weights: Mapping[str, int] = field(default_factory=lambda: {
        "private": 3, "diamond": 2, "platinum": 2, "gold": 1, "ordinary": 1})
    max_wait_minutes: Mapping[str, int] = field(default_factory=lambda: {
        "private": 10, "diamond": 10, "platinum": 15, "gold": 20, "ordinary": 30})
    recall_gap_seconds: int = 30
    recalls_before_no_show: int = 2
    lost_after_seconds: int = 90
    time_zone: str = BUSINESS_TIME_ZONE
    alert_minutes: Mapping[str, int] = field(default_factory=dict)
    # a VIP's arrival not received by their relationship manager within this is told to the
    # branch manager too (app.visit.arrivals; the PostgreSQL guard of migration 0040 reads it)
    receive_minutes: int = 5
    # the branch's opening hours (local "HH:MM"; appointments are booked within them) and the
    # tier whose priority an appointment kept within its window gives (app.visit.appointments)
    opens_at: str = "09:00"
    closes_at: str = "17:00"
    appointment_tier: str = "diamond"
    # the customer's rating window after service (app.visit.ratings): how long it waits for a
    # touch before closing unrated (the PostgreSQL guard of migration 0041 reads it), and what
    # it says of the clerk
    rating_seconds: int = 30
    rating_clerk: str = CLERK_BY_NAME

    def weight(self, tier: str) -> int:
        return int(self.weights.get(tier, 1))

    def max_wait(self, tier: str) -> timedelta:
        return timedelta(minutes=int(self.max_wait_minutes.get(tier, DEFAULT_MAX_WAIT_MINUTES)))

    def alert_after(self, tier: str) -> timedelta:
        """How long a ticket of ``tier`` waits before the lobby manager is alerted."""
        if tier in self.alert_minutes:
            return timedelta(minutes=int(self.alert_minutes[tier]))
        return timedelta(minutes=default_alert_minutes(int(self.max_wait(tier).total_seconds() // 60)))

    def to_json(self) -> str:
        return json.dumps({"mode": self.mode, "weights": dict(self.weights),
                           "max_wait_minutes": dict(self.max_wait_minutes),
                           "recall_gap_seconds": self.recall_gap_seconds,
                           "recalls_before_no_show": self.recalls_before_no_show,
                           "lost_after_seconds": self.lost_after_seconds,
                           "time_zone": self.time_zone, "alert_minutes": dict(self.alert_minutes),
                           "receive_minutes": self.receive_minutes, "opens_at": self.opens_at,
                           "closes_at": self.closes_at, "appointment_tier": self.appointment_tier,
                           "rating_seconds": self.rating_seconds, "rating_clerk": self.rating_clerk},
                          sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> QueuePolicy:
        return make_policy(**json.loads(text))


def default_alert_minutes(max_wait_minutes: int) -> int:
    """A tier's alert when the policy names none: two thirds of its maximum wait, at least 1."""
    return max(1, max_wait_minutes * 2 // 3)


def _whole(value: object, low: int, high: int, field_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from {low} to {high}"),
                              field=field_name, low=low, high=high)
    try:
        number = int(str(value).strip())
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from {low} to {high}"),
                              field=field_name, low=low, high=high)
    return number


def make_policy(*, mode: str = STRICT, weights: Mapping[str, object] | None = None,
                max_wait_minutes: Mapping[str, object] | None = None,
                recall_gap_seconds: object = 30, recalls_before_no_show: object = 2,
                lost_after_seconds: object = 90, time_zone: str = BUSINESS_TIME_ZONE,
                alert_minutes: Mapping[str, object] | None = None,
                receive_minutes: object = 5, opens_at: str = "09:00", closes_at: str = "17:00",
                appointment_tier: str = "diamond", rating_seconds: object = 30,
                rating_clerk: str = CLERK_BY_NAME) -> QueuePolicy:
    """A checked policy, or :class:`ValidationError` naming the field that is wrong. A tier's
    alert comes before its maximum wait (an alert at or after it would tell of a ticket the
    calling order already puts first)."""
    if mode not in MODES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be strict or interleaved"), field=MODE)
    default = QueuePolicy()
    checked_weights = {str(k): _whole(v, 1, 20, WEIGHT) for k, v in (weights or default.weights).items()}
    checked_waits = {str(k): _whole(v, 1, 480, MAX_WAIT)
                     for k, v in (max_wait_minutes or default.max_wait_minutes).items()}
    checked_alerts = {str(k): _whole(v, 1, 479, ALERT_AFTER) for k, v in (alert_minutes or {}).items()}
    for tier, minutes in checked_alerts.items():
        most = checked_waits.get(tier, DEFAULT_MAX_WAIT_MINUTES)
        if minutes >= most:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "must be less than the same tier's maximum wait ({minutes} minutes)"),
                field=ALERT_AFTER, minutes=most)
    if not (_clock_time(opens_at) and _clock_time(closes_at) and str(opens_at) < str(closes_at)):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be two times of day (HH:MM), opening first"),
                              field=OPENING_HOURS)
    if not isinstance(appointment_tier, str) or not appointment_tier.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "choose a tier"), field=APPOINTMENT_TIER)
    if rating_clerk not in RATING_CLERK_CHOICES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be one of {choices}"),
                              field=RATING_CLERK, choices=", ".join(RATING_CLERK_CHOICES))
    try:
        ZoneInfo(str(time_zone))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{zone} is not a known time zone"),
                              field=TIME_ZONE, zone=str(time_zone)) from None
    return QueuePolicy(mode=mode, weights=checked_weights, max_wait_minutes=checked_waits,
                       recall_gap_seconds=_whole(recall_gap_seconds, 0, 600, RECALL_GAP),
                       recalls_before_no_show=_whole(recalls_before_no_show, 0, 10, RECALLS),
                       lost_after_seconds=_whole(lost_after_seconds, 30, 3600, LOST_AFTER),
                       time_zone=str(time_zone), alert_minutes=checked_alerts,
                       receive_minutes=_whole(receive_minutes, 1, 60, RECEIVE_WITHIN),
                       opens_at=str(opens_at), closes_at=str(closes_at), appointment_tier=appointment_tier.strip(),
                       rating_seconds=_whole(rating_seconds, 10, 120, RATING_WITHIN), rating_clerk=rating_clerk)


def _clock_time(text: object) -> bool:
    """Is ``text`` a time of day written HH:MM (00:00 to 23:59)?"""
    parts = str(text).split(":")
    return (len(parts) == 2 and all(len(p) == 2 and p.isdigit() for p in parts)
            and int(parts[0]) < 24 and int(parts[1]) < 60)


# ----------------------------------------------------------------------------- ticket numbers


def ticket_number(prefix: str, seq: int) -> str:
    """``V`` and 7 → ``V007``; from 1000 on the number simply grows (``V1000``)."""
    return f"{prefix}{seq:03d}"


# ----------------------------------------------------------------------------- priorities


def priority_of(tier: str | None, tier_codes: Sequence[str]) -> int:
    """A tier's rank in the tier policy, lowest tier 0 (ordinary 0, gold 1, platinum 2,
    diamond 3, private banking 4 by default). An unknown or missing tier ranks lowest."""
    return tier_codes.index(tier) if tier in tier_codes else 0


def tier_at(priority: int, tier_codes: Sequence[str]) -> str:
    """The tier code whose rank is ``priority`` (clamped into the policy's range)."""
    return tier_codes[max(0, min(priority, len(tier_codes) - 1))]


def deadline(queued_at: datetime, priority: int, tier_codes: Sequence[str], policy: QueuePolicy) -> datetime:
    """When a ticket at ``priority`` queued at ``queued_at`` has waited its tier's maximum."""
    return queued_at + policy.max_wait(tier_at(priority, tier_codes))


def weighted_cycle(weights: Sequence[tuple[int, int]]) -> list[int]:
    """One cycle of smooth weighted round robin over ``(priority, weight)`` pairs: each
    priority appears ``weight`` times, spread out (2:2:1:1 → 3 2 1 3 2 0 for priorities
    3, 2, 1, 0). Ties go to the higher priority."""
    total = sum(w for _, w in weights)
    current = {p: 0 for p, _ in weights}
    cycle: list[int] = []
    for _ in range(total):
        for p, w in weights:
            current[p] += w
        best = max(current, key=lambda p: (current[p], p))
        current[best] -= total
        cycle.append(best)
    return cycle


def preference(policy: QueuePolicy, tier_codes: Sequence[str], calls_made: int) -> list[int]:
    """Priorities in the order this call prefers them. Strict: highest first. Interleaved:
    the priority whose turn it is after ``calls_made`` calls today, then the rest highest first."""
    turns = preference_cycle(policy, tier_codes)
    return turns[calls_made % len(turns)]


def preference_cycle(policy: QueuePolicy, tier_codes: Sequence[str]) -> list[list[int]]:
    """The preferences of the calls of one cycle of the policy, in turn: strict has one (every
    call prefers the same), interleaved one per slot of the ratio's cycle."""
    ranks = list(range(len(tier_codes) - 1, -1, -1))
    if policy.mode == STRICT:
        return [ranks]
    cycle = weighted_cycle([(p, policy.weight(tier_codes[p])) for p in ranks])
    return [[turn] + [p for p in ranks if p != turn] for turn in cycle]


@dataclass(frozen=True)
class Candidate:
    """What the calling order looks at in a waiting ticket."""

    id: int
    priority: int
    queued_at: datetime
    deadline_at: datetime
    front: bool = False


def order_key(ticket: Candidate, now: datetime, preferred: Sequence[int]) -> tuple:
    """The sort key of the calling order (see the module text); smallest is called first."""
    overdue = ticket.deadline_at <= now
    rank = preferred.index(ticket.priority) if ticket.priority in preferred else len(preferred)
    return (not ticket.front, not overdue, ticket.deadline_at if overdue else datetime.min,
            rank, ticket.queued_at, ticket.id)


def choose_next(candidates: Sequence[Candidate], now: datetime, preferred: Sequence[int]) -> Candidate | None:
    """The ticket a counter calls next among ``candidates`` (None when there are none)."""
    return min(candidates, key=lambda t: order_key(t, now, preferred), default=None)



@dataclass(frozen=True)
class Caller:
    """A counter as the calling order sees it: the waiting tickets it may call, and the one the
    lobby manager reserved for its next call (called before anything else), if any."""

    may_call: frozenset[int]
    reserved: int | None = None


def calls_before(target: int, candidates: Sequence[Candidate], callers: Sequence[Caller], now: datetime,
                 policy: QueuePolicy, tier_codes: Sequence[str], calls_made: int) -> int:
    """How many tickets the counters call before ``target``, the customer's real wait in calls.

    Replays the counters' own choice (the smallest :func:`order_key`, as :func:`choose_next`,
    with :func:`preference` moving on call by call as an interleaved policy does) for the
    ``callers`` that may call ``target``, taking turns, as the queue stands at ``now``. A counter
    that cannot call ``target`` does not make it wait (and with none that can, nobody is ahead).
    Each pool of tickets (counters calling the same services share one) is sorted once per
    preference of the policy's cycle, so that a lobby of a thousand waiting tickets is replayed
    in milliseconds, inside the issuing transaction."""
    waiting = {ticket.id: ticket for ticket in candidates}
    mine = [c for c in callers if target in c.may_call or c.reserved == target]
    if not mine or target not in waiting:
        return 0
    cycle = preference_cycle(policy, tier_codes)
    orders: dict[tuple[frozenset[int], int], list] = {}

    def next_for(caller: Caller, turn: int) -> Candidate | None:
        key = (caller.may_call, turn)
        if key not in orders:
            orders[key] = [sorted((waiting[i] for i in caller.may_call if i in waiting),
                                  key=lambda t: order_key(t, now, cycle[turn])), 0]
        pool, at = orders[key]
        while at < len(pool) and pool[at].id not in waiting:
            at += 1
        orders[key][1] = at
        return pool[at] if at < len(pool) else None

    called = 0
    while True:
        for caller in mine:
            pick: Candidate | None
            if caller.reserved in waiting:
                pick = waiting[caller.reserved]
            else:
                pick = next_for(caller, (calls_made + called) % len(cycle))
            if pick is None:
                continue
            if pick.id == target:
                return called
            del waiting[pick.id]
            called += 1


# ----------------------------------------------------------------------------- transitions

_STATE_TEXT = QT_TRANSLATE_NOOP("errors", "Ticket {number} cannot be {verb} now: it is {state}.")
ACTIONS = {
    "call": (WAITING,),
    "recall": (CALLED,),
    "no_show": (CALLED,),
    "start": (CALLED,),
    "finish": (SERVING,),
    "transfer": OPEN_STATES,
    "cancel": (WAITING, CALLED),
    "reactivate": (NO_SHOW,),
    "reprioritise": (WAITING,),
    "reserve": (WAITING,),
    "requeue": (CALLED,),
}
# What each action leaves the ticket in, and who may take it ("issue" makes the ticket, "expire"
# closes the tickets of earlier days). The services check these; on PostgreSQL the database
# checks a staff login's raw writes of tickets by the same tables (migration 0025).
ACTION_RESULTS = {
    "call": CALLED, "recall": CALLED, "no_show": NO_SHOW, "start": SERVING, "finish": DONE,
    "transfer": TRANSFERRED, "cancel": CANCELLED, "reactivate": WAITING, "reprioritise": WAITING,
    "reserve": WAITING, "requeue": WAITING, "expire": EXPIRED,
}
_AT_A_COUNTER_OR_LOBBY = (Permission.CALL_TICKETS, Permission.ISSUE_TICKETS, Permission.MANAGE_QUEUE)
ACTION_PERMISSIONS: dict[str, tuple[Permission, ...]] = {
    "issue": (Permission.ISSUE_TICKETS,),
    "call": (Permission.CALL_TICKETS,), "recall": (Permission.CALL_TICKETS,),
    "no_show": (Permission.CALL_TICKETS,), "start": (Permission.CALL_TICKETS,),
    "finish": (Permission.CALL_TICKETS,),
    "transfer": _AT_A_COUNTER_OR_LOBBY, "cancel": _AT_A_COUNTER_OR_LOBBY,
    "reactivate": (Permission.MANAGE_QUEUE,), "reprioritise": (Permission.MANAGE_QUEUE,),
    "reserve": (Permission.MANAGE_QUEUE,), "requeue": (Permission.MANAGE_QUEUE,),
    "expire": (Permission.ISSUE_TICKETS, Permission.CALL_TICKETS),
}
ACTION_WORDS = {
    "call": QT_TRANSLATE_NOOP("queue_actions", "called"),
    "recall": QT_TRANSLATE_NOOP("queue_actions", "recalled"),
    "no_show": QT_TRANSLATE_NOOP("queue_actions", "marked a no-show"),
    "start": QT_TRANSLATE_NOOP("queue_actions", "started"),
    "finish": QT_TRANSLATE_NOOP("queue_actions", "finished"),
    "transfer": QT_TRANSLATE_NOOP("queue_actions", "transferred"),
    "cancel": QT_TRANSLATE_NOOP("queue_actions", "cancelled"),
    "reactivate": QT_TRANSLATE_NOOP("queue_actions", "reactivated"),
    "reprioritise": QT_TRANSLATE_NOOP("queue_actions", "given another priority"),
    "reserve": QT_TRANSLATE_NOOP("queue_actions", "reserved for a counter"),
    "requeue": QT_TRANSLATE_NOOP("queue_actions", "put back in the queue"),
}


def check_action(action: str, state: str, number: str) -> None:
    """Refuse ``action`` on a ticket in ``state`` with a message naming the ticket."""
    if state not in ACTIONS[action]:
        raise ConflictError(_STATE_TEXT, field=TICKET, number=number, state=STATE_LABELS[state],
                            verb=ACTION_WORDS[action])


def check_recall(recalls: int, called_at: datetime, now: datetime, policy: QueuePolicy) -> None:
    """A recall waits at least the policy's gap after the last call, and stops at the no-show
    limit (then the ticket is marked a no-show instead)."""
    if recalls >= policy.recalls_before_no_show:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "has been recalled {count} times already: mark the ticket a no-show"),
            field=TICKET, count=recalls)
    wait = called_at + timedelta(seconds=policy.recall_gap_seconds) - now
    if wait > timedelta(0):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "was called moments ago: recall again in {seconds} seconds"),
            field=TICKET, seconds=int(wait.total_seconds() + 0.999))


def check_no_show(recalls: int, policy: QueuePolicy) -> None:
    """A no-show is marked only after the policy's number of recalls."""
    if recalls < policy.recalls_before_no_show:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "recall the ticket {needed} times before marking a no-show ({count} so far)"),
            field=TICKET, needed=policy.recalls_before_no_show, count=recalls)


def check_reason(reason: str | None, *, max_length: int = 200) -> str:
    """A reason the audit trail keeps: required, one line, at most ``max_length``."""
    from app.text import clean_text

    return clean_text(reason, field=REASON, max_length=max_length)


def is_lost(state: str, seen_at: datetime | None, now: datetime, policy: QueuePolicy) -> bool:
    """A ticket at a counter whose PC has not been heard from for the policy's time: flagged to
    the lobby manager, who may put it back in the queue at its place."""
    if state != CALLED:
        return False
    return seen_at is None or now - seen_at >= timedelta(seconds=policy.lost_after_seconds)
