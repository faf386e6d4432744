"""Queue statistics and the tickets export.

Grouped by day, hour (of arrival, local time), service, tier, counter or clerk: tickets, how
many were served and how many did not show, average and 90th-percentile waiting and service
time, the longest wait, and for counters the idle time (signed in but with no customer).

- A ticket's wait runs from its place in the queue (``queued_at``) to its first call; a no-show
  who was reactivated waits from their last call before that (the issue: "a recalled no-show
  counts from its last call"), not from the original arrival.
- Service time runs from the start of service to its end (finished or transferred on).
- A transfer makes a second ticket in the target service, counted there.
- The 90th percentile is the nearest-rank one (the smallest value with at least 90 % of the
  values at or below it).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.business_day import days_between, wall_clock
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.glossary import TIER_LABELS
from app.outfile import Codes, Say, export_csv, zoned
from app.queue import rules
from app.queue.common import branch_in_scope, policy_of
from db.models import Branch, QueueCounter, QueueCounterSession, QueueService, QueueTicket
from app.actor import Actor
from app.store import Store

DIMENSIONS = ("day", "hour", "service", "tier", "counter", "clerk")
DIMENSION_LABELS = {
    "day": QT_TRANSLATE_NOOP("queue_stats", "Day"),
    "hour": QT_TRANSLATE_NOOP("queue_stats", "Hour"),
    "service": QT_TRANSLATE_NOOP("queue_stats", "Service"),
    "tier": QT_TRANSLATE_NOOP("queue_stats", "Tier"),
    "counter": QT_TRANSLATE_NOOP("queue_stats", "Counter"),
    "clerk": QT_TRANSLATE_NOOP("queue_stats", "Clerk"),
}
TOTAL = "total"  # the grouping of period_totals: every ticket in one row
GROUP_BY = QT_TRANSLATE_NOOP("fields", "Group by")
PERIOD = QT_TRANSLATE_NOOP("fields", "Period")
MAX_DAYS = 366


def percentile_90(values: list[float]) -> float | None:
    """Nearest-rank 90th percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def wait_seconds(ticket: QueueTicket) -> float | None:
    if ticket.first_called_at is None:
        return None
    start = ticket.wait_from or ticket.queued_at
    return max(0.0, (ticket.first_called_at - start).total_seconds())


def service_seconds(ticket: QueueTicket) -> float | None:
    if ticket.started_at is None or ticket.finished_at is None:
        return None
    return max(0.0, (ticket.finished_at - ticket.started_at).total_seconds())


@dataclass(frozen=True)
class StatRow:
    key: str
    tickets: int
    served: int
    no_shows: int
    avg_wait: float | None
    p90_wait: float | None
    avg_service: float | None
    p90_service: float | None
    longest_wait: float | None
    idle: float | None         # seconds; counters only


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def check_period(start: date, end: date) -> None:
    if not isinstance(start, date) or not isinstance(end, date) or end < start:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "the end must not be before the start"), field=PERIOD)
    if (end - start).days >= MAX_DAYS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "may cover at most {days} days"), field=PERIOD,
                              days=MAX_DAYS)


def ticket_stats(store: Store, actor: Actor, *, start: date, end: date, by: str, branch_id: int | None = None) -> list[StatRow]:
    """The statistics of the branch's tickets from ``start`` to ``end`` (business days,
    inclusive), one row per group of ``by`` (one of :data:`DIMENSIONS`), in key order."""
    require(actor, Permission.VIEW_QUEUE_STATS)
    if by not in DIMENSIONS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be one of day, hour, service, tier, counter, clerk"),
                              field=GROUP_BY)
    return _stats(store, actor, start, end, by, branch_id)


def period_totals(store: Store, actor: Actor, *, start: date, end: date, branch_id: int | None = None) -> StatRow:
    """The figures of every ticket of the period in one row (key ``total``): the percentiles
    and the longest wait over all tickets, which no sum of the groups' rows can give."""
    require(actor, Permission.VIEW_QUEUE_STATS)
    rows = _stats(store, actor, start, end, TOTAL, branch_id)
    return rows[0] if rows else StatRow(TOTAL, 0, 0, 0, None, None, None, None, None, None)


def _stats(store: Store, actor: Actor, start: date, end: date, by: str, branch_id: int | None) -> list[StatRow]:
    check_period(start, end)
    with store.read() as session:
        branch = branch_in_scope(session, actor, branch_id)
        time_zone = policy_of(session, branch.id).time_zone
        services = {s.id: s for s in session.scalars(select(QueueService).where(QueueService.branch_id == branch.id))}
        counters = {c.id: c for c in session.scalars(select(QueueCounter).where(QueueCounter.branch_id == branch.id))}
        rows = session.scalars(select(QueueTicket).where(
            QueueTicket.branch_id == branch.id, QueueTicket.business_date >= start,
            QueueTicket.business_date <= end)).all()
        sessions = session.scalars(select(QueueCounterSession).where(
            QueueCounterSession.branch_id == branch.id)).all() if by == "counter" else []
        return _group(rows, sessions, services, counters, by, start, end, time_zone, store.clock())


def _group(rows, sessions, services, counters, by, start, end, time_zone: str, now) -> list[StatRow]:
    def key_of(t: QueueTicket) -> str | None:
        if by == TOTAL:
            return TOTAL
        if by == "day":
            return t.business_date.isoformat()
        if by == "hour":
            return f"{wall_clock(t.queued_at, time_zone).hour:02d}:00"
        if by == "service":
            s = services.get(t.service_id)
            return f"{s.prefix} {s.name}" if s else "?"
        if by == "tier":
            return t.tier
        if by == "counter":
            c = counters.get(t.counter_id)
            return c.number if c else None
        return t.clerk_name or None

    groups: dict[str, list[QueueTicket]] = defaultdict(list)
    for t in rows:
        key = key_of(t)
        if key is not None:
            groups[key].append(t)
    idle = _idle_by_counter(sessions, rows, counters, start, end, time_zone, now) if by == "counter" else {}
    result = []
    for key in sorted(groups, key=lambda k: (len(k), k) if by == "counter" else k):
        members = groups[key]
        waits = [w for w in map(wait_seconds, members) if w is not None]
        serves = [s for s in map(service_seconds, members) if s is not None]
        result.append(StatRow(
            key, len(members), sum(1 for t in members if t.started_at is not None),
            sum(1 for t in members if t.state == rules.NO_SHOW), mean(waits), percentile_90(waits),
            mean(serves), percentile_90(serves), max(waits) if waits else None, idle.get(key)))
    return result


def _idle_by_counter(sessions, tickets, counters, start: date, end: date, time_zone: str, now) -> dict[str, float]:
    """Signed-in time within the period less the time spent with a customer, per counter."""
    def number(counter_id: int | None) -> str | None:
        counter = counters.get(counter_id)
        return counter.number if counter is not None else None

    return idle_seconds(sessions, tickets, lambda s: number(s.counter_id), lambda t: number(t.counter_id),
                        days_between(start, end, time_zone), now)


def idle_seconds(sessions, tickets, session_key: Callable[[QueueCounterSession], str | None],
                 ticket_key: Callable[[QueueTicket], str | None], bounds: tuple[datetime, datetime],
                 now: datetime) -> dict[str, float]:
    """Idle time per key (a counter, a clerk): the signed-in time of its sessions within
    ``bounds`` (``[start, end)``, naive UTC) less the time spent with a customer, from the first
    call to the end of service (or to the last call of a no-show; an open ticket to ``now``).
    Keys without a session in the period have no idle time (not zero: they were not there)."""
    lo, hi = bounds
    signed: dict[str, float] = defaultdict(float)
    for s in sessions:
        key = session_key(s)
        begin, finish = max(s.started_at, lo), min(s.ended_at or now, hi)
        if key is not None and finish > begin:
            signed[key] += (finish - begin).total_seconds()
    busy: dict[str, float] = defaultdict(float)
    for t in tickets:
        key = ticket_key(t)
        if key is None or t.first_called_at is None:
            continue
        finish = t.finished_at or (t.called_at if t.state == rules.NO_SHOW else None) or now
        busy[key] += max(0.0, (finish - t.first_called_at).total_seconds())
    return {key: max(0.0, seconds - busy.get(key, 0.0)) for key, seconds in signed.items()}


EXPORT_HEADER = (
    QT_TRANSLATE_NOOP("exports", "Business date"),
    QT_TRANSLATE_NOOP("exports", "Number"),
    QT_TRANSLATE_NOOP("exports", "Service"),
    QT_TRANSLATE_NOOP("exports", "Tier"),
    QT_TRANSLATE_NOOP("exports", "Priority"),
    QT_TRANSLATE_NOOP("exports", "State"),
    QT_TRANSLATE_NOOP("exports", "Customer"),
    QT_TRANSLATE_NOOP("exports", "Issued at"),
    QT_TRANSLATE_NOOP("exports", "First called at"),
    QT_TRANSLATE_NOOP("exports", "Started at"),
    QT_TRANSLATE_NOOP("exports", "Finished at"),
    QT_TRANSLATE_NOOP("exports", "Counter"),
    QT_TRANSLATE_NOOP("exports", "Clerk"),
    QT_TRANSLATE_NOOP("exports", "Recalls"),
    QT_TRANSLATE_NOOP("exports", "Wait (seconds)"),
    QT_TRANSLATE_NOOP("exports", "Service (seconds)"),
    QT_TRANSLATE_NOOP("exports", "Note"),
)


def export_tickets(store: Store, actor: Actor, out: Path, *, say: Say | None = None,
                   progress: Callable[[int], bool] | None = None) -> int:
    """Every ticket in the actor's subtree as a CSV export (:func:`app.outfile.export_csv`):
    customers masked (surname only), times on the clocks of the ticket's branch with their
    offset. Returns the number of tickets."""
    require(actor, Permission.VIEW_QUEUE_STATS)
    return export_csv(store, actor, out, header=EXPORT_HEADER, rows=_export_rows(store, actor),
                      action="queue.export", entity="queue_ticket", say=say, progress=progress,
                      codes={3: Codes("tiers", TIER_LABELS), 5: Codes("queue_states", rules.STATE_LABELS)})


def _export_rows(store: Store, actor: Actor) -> Iterator[list]:
    """Every ticket in the actor's scope as an export line."""
    with store.read() as session:
        branches = [b.id for b in session.scalars(select(Branch).where(Branch.path.startswith(actor.branch_path)))]
        zones = {branch_id: policy_of(session, branch_id).time_zone for branch_id in branches}
        services = {s.id: s.prefix for s in session.scalars(select(QueueService))}
        counters = {c.id: c.number for c in session.scalars(select(QueueCounter))}
        query = (select(QueueTicket).where(QueueTicket.branch_id.in_(branches))
                 .order_by(QueueTicket.business_date, QueueTicket.id).execution_options(yield_per=2000))
        for t in session.scalars(query):
            yield _export_line(t, services, counters, zones[t.branch_id])


def _export_line(t: QueueTicket, services, counters, time_zone: str) -> list:
    def when(value: datetime | None) -> str:
        return zoned(value, time_zone)

    def seconds(value: float | None) -> str:
        return "" if value is None else str(int(round(value)))

    return [t.business_date.isoformat(), t.number, services.get(t.service_id, ""), t.tier, t.priority, t.state,
            t.customer_label, when(t.issued_at), when(t.first_called_at), when(t.started_at),
            when(t.finished_at), counters.get(t.counter_id, ""), t.clerk_name, t.recalls,
            seconds(wait_seconds(t)), seconds(service_seconds(t)), t.note]

