"""Performance by clerk (柜员绩效): per clerk or per counter, by day or by month, the tickets
served, the average and 90th-percentile service time, the idle time, and the customers' ratings.

The figures are the queue statistics' own (:mod:`app.queue.stats`: service time from the start
of service to its end, the nearest-rank 90th percentile, idle time as signed-in time less time
with a customer), grouped by period and person instead of by one dimension. The ratings:

- each finished ticket has at most one rating (``service_rating``, score 4 非常满意, 3 满意,
  2 一般, 1 不满意); a finished ticket without one is *unrated* (the window timed out);
- the satisfied share is 非常满意 + 满意 over the rated tickets (the bank's 满意率);
- the unrated share is the unrated over the finished tickets.

Who sees what: a holder of ``view_queue_stats`` (branch and lobby managers, auditors) sees every
clerk of a branch in their subtree; a clerk who calls tickets sees only their own figures (their
tickets, their sessions, their ratings), at whatever counter they sat. On PostgreSQL the
database holds the ratings to the same rule (migration 0045).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.business_day import days_between
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.outfile import Say, export_csv
from app.queue.common import branch_in_scope, policy_of
from app.queue.stats import check_period, idle_seconds, mean, percentile_90, service_seconds
from db.models import QueueCounter, QueueCounterSession, QueueTicket, ServiceRating
from app.actor import Actor
from app.store import Store

GRAINS = ("day", "month")
SUBJECTS = ("clerk", "counter")
GRAIN_LABELS = {
    "day": QT_TRANSLATE_NOOP("queue_stats", "By day"),
    "month": QT_TRANSLATE_NOOP("queue_stats", "By month"),
}
SUBJECT_LABELS = {
    "clerk": QT_TRANSLATE_NOOP("queue_stats", "Clerk"),
    "counter": QT_TRANSLATE_NOOP("queue_stats", "Counter"),
}
# The scores, best first, as service_rating keeps them (app/visit/rating_rules.py names them; the
# queue reads them without importing the visit capability, which builds on the queue).
SCORES = (4, 3, 2, 1)
GRAIN = QT_TRANSLATE_NOOP("fields", "Period by")
SUBJECT = QT_TRANSLATE_NOOP("fields", "Figures per")


@dataclass(frozen=True)
class PerformanceRow:
    """One clerk's (or counter's) figures in one day (``2026-11-27``) or month (``2026-11``)."""

    period: str
    key: str                 # the clerk's name as the tickets carry it, or the counter's number
    served: int              # tickets whose service started
    avg_service: float | None
    p90_service: float | None
    idle: float | None       # seconds signed in without a customer; None: not signed in
    finished: int            # tickets finished (the ones a customer could rate)
    scores: tuple[int, int, int, int]  # how many rated 4, 3, 2, 1 (as :data:`SCORES`)

    @property
    def rated(self) -> int:
        return sum(self.scores)

    @property
    def unrated(self) -> int:
        return max(0, self.finished - self.rated)

    @property
    def satisfied_share(self) -> float | None:
        """非常满意 + 满意 over the rated tickets; None when nothing was rated."""
        return (self.scores[0] + self.scores[1]) / self.rated if self.rated else None

    @property
    def unrated_share(self) -> float | None:
        """Finished tickets without a rating over the finished; None when nothing was finished."""
        return self.unrated / self.finished if self.finished else None


def sees_everyone(actor: Actor) -> bool:
    """Whether ``actor`` sees every clerk's figures (else only their own)."""
    return actor.may(Permission.VIEW_QUEUE_STATS)


def clerk_performance(store: Store, actor: Actor, *, start: date, end: date, grain: str = "day", subject: str = "clerk",
                      branch_id: int | None = None, branch_code: str | None = None) -> list[PerformanceRow]:
    """The figures of a branch's tickets (``branch_id`` or ``branch_code`` in the actor's scope,
    else the actor's own) from ``start`` to ``end`` (business days, inclusive), one row per
    period (``grain``: day or month) and clerk or counter (``subject``), in period then key
    order. A clerk without ``view_queue_stats`` gets only their own rows."""
    if not sees_everyone(actor):
        require(actor, Permission.CALL_TICKETS)
    if grain not in GRAINS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be by day or by month"), field=GRAIN)
    if subject not in SUBJECTS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be per clerk or per counter"), field=SUBJECT)
    check_period(start, end)
    with store.read() as session:
        branch = branch_in_scope(session, actor, branch_id, code=branch_code)
        time_zone = policy_of(session, branch.id).time_zone
        counters: dict[int | None, str] = {c.id: c.number for c in session.scalars(
            select(QueueCounter).where(QueueCounter.branch_id == branch.id))}
        query = select(QueueTicket).where(QueueTicket.branch_id == branch.id, QueueTicket.business_date >= start,
                                          QueueTicket.business_date <= end, QueueTicket.clerk_id.is_not(None))
        lo, hi = days_between(start, end, time_zone)
        sessions_query = select(QueueCounterSession).where(
            QueueCounterSession.branch_id == branch.id, QueueCounterSession.started_at < hi,
            (QueueCounterSession.ended_at.is_(None)) | (QueueCounterSession.ended_at > lo))
        if not sees_everyone(actor):
            query = query.where(QueueTicket.clerk_id == actor.account_id)
            sessions_query = sessions_query.where(QueueCounterSession.account_id == actor.account_id)
        tickets = session.scalars(query).all()
        sessions = session.scalars(sessions_query).all()
        return _figures(tickets, sessions, ratings_of(session, query), counters, subject,
                        periods(start, end, grain), time_zone, store.clock())


def _figures(tickets, sessions, scores: dict[int, int], counters: dict[int | None, str], subject: str,
             spans: Iterator[tuple[str, date, date]], time_zone: str, now) -> list[PerformanceRow]:
    names = _clerk_names(tickets, sessions)

    def key_of_ticket(t: QueueTicket) -> str | None:
        return names.get(t.clerk_id) if subject == "clerk" else counters.get(t.counter_id)

    def key_of_session(s: QueueCounterSession) -> str | None:
        return names.get(s.account_id) if subject == "clerk" else counters.get(s.counter_id)

    rows = []
    for period, first, last in spans:
        members = [t for t in tickets if first <= t.business_date <= last]
        idle = idle_seconds(sessions, members, key_of_session, key_of_ticket,
                            days_between(first, last, time_zone), now)
        groups: dict[str, list[QueueTicket]] = defaultdict(list)
        for t in members:
            key = key_of_ticket(t)
            if key is not None:
                groups[key].append(t)
        for key in sorted(set(groups) | set(idle), key=lambda k: (len(k), k) if subject == "counter" else k):
            rows.append(_row(period, key, groups.get(key, []), idle.get(key), scores))
    return rows

def _row(period: str, key: str, members: list[QueueTicket], idle: float | None,
         scores: dict[int, int]) -> PerformanceRow:
    serves = [s for s in map(service_seconds, members) if s is not None]
    finished = [t for t in members if t.state == "done"]
    counted = [scores[t.id] for t in finished if t.id in scores]
    return PerformanceRow(period, key, sum(1 for t in members if t.started_at is not None), mean(serves),
                          percentile_90(serves), idle, len(finished),
                          tuple(counted.count(score) for score in SCORES))  # type: ignore[arg-type]


def _clerk_names(tickets, sessions) -> dict[int | None, str]:
    """Each clerk's name as their latest ticket or session carries it (a renamed clerk stays one)."""
    names: dict[int | None, str] = {}
    dated = [(s.started_at, s.account_id, s.clerk_name) for s in sessions if s.account_id is not None]
    dated += [(t.called_at or t.queued_at, t.clerk_id, t.clerk_name) for t in tickets if t.clerk_name]
    for _, clerk, name in sorted(dated, key=lambda item: item[0]):
        names[clerk] = name
    return names


def ratings_of(session, tickets) -> dict[int, int]:
    """Ticket id → its rating's score, for the rated tickets among those ``tickets`` (a select of
    queue tickets) finds; on PostgreSQL only the ratings the login may read (a clerk's own)."""
    found = session.execute(select(ServiceRating.ticket_id, ServiceRating.score).where(
        ServiceRating.ticket_id.in_(tickets.with_only_columns(QueueTicket.id))))
    return {ticket_id: score for ticket_id, score in found}


def periods(start: date, end: date, grain: str) -> Iterator[tuple[str, date, date]]:
    """The days or calendar months from ``start`` to ``end``, each as (label, first, last),
    clipped to the period asked for."""
    if grain == "day":
        day = start
        while day <= end:
            yield day.isoformat(), day, day
            day += timedelta(days=1)
        return
    first = start
    while first <= end:
        following = (first.replace(day=1) + timedelta(days=32)).replace(day=1)
        yield f"{first.year}-{first.month:02d}", first, min(end, following - timedelta(days=1))
        first = following


def percent(share: float | None) -> str:
    """A share as a report prints it (``87.5%``); ``—`` when there is none."""
    return "—" if share is None else f"{share * 100:.1f}%"


def minutes(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds / 60:.1f}"


EXPORT_HEADER = (
    QT_TRANSLATE_NOOP("exports", "Period"),
    QT_TRANSLATE_NOOP("exports", "Clerk or counter"),
    QT_TRANSLATE_NOOP("exports", "Tickets served"),
    QT_TRANSLATE_NOOP("exports", "Average service (minutes)"),
    QT_TRANSLATE_NOOP("exports", "90th percentile service (minutes)"),
    QT_TRANSLATE_NOOP("exports", "Idle (minutes)"),
    QT_TRANSLATE_NOOP("exports", "Very satisfied"),
    QT_TRANSLATE_NOOP("exports", "Satisfied"),
    QT_TRANSLATE_NOOP("exports", "Neutral"),
    QT_TRANSLATE_NOOP("exports", "Dissatisfied"),
    QT_TRANSLATE_NOOP("exports", "Unrated"),
    QT_TRANSLATE_NOOP("exports", "Satisfied share"),
    QT_TRANSLATE_NOOP("exports", "Unrated share"),
)


def export_line(row: PerformanceRow) -> list:
    return [row.period, row.key, row.served, minutes(row.avg_service), minutes(row.p90_service), minutes(row.idle),
            *row.scores, row.unrated, percent(row.satisfied_share), percent(row.unrated_share)]


def export_performance(store: Store, actor: Actor, out: Path, *, start: date, end: date, grain: str = "day",
                       subject: str = "clerk", branch_id: int | None = None, branch_code: str | None = None,
                       say: Say | None = None, progress: Callable[[int], bool] | None = None) -> int:
    """The figures of :func:`clerk_performance` as a CSV export (:func:`app.outfile.export_csv`:
    headers in the reader's language, audited). Returns the number of rows."""
    rows = clerk_performance(store, actor, start=start, end=end, grain=grain, subject=subject, branch_id=branch_id,
                             branch_code=branch_code)
    return export_csv(store, actor, out, header=EXPORT_HEADER, rows=(export_line(r) for r in rows),
                      action="queue.performance.export", entity="queue_ticket", say=say, progress=progress,
                      details={"from": start.isoformat(), "to": end.isoformat(), "by": grain, "per": subject})

