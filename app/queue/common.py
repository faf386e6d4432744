"""What the queue services share: the branch's policy and tiers, loading a ticket or a counter in
the actor's scope, the counter a desk (a counter signed in on one PC) acts as, the plain rows that views and screens get, and the change signal that live
views wait for (:mod:`app.queue.live`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP, NotFound
from app.business_day import business_date
from app.queue import refusals, rules
from app.queue.refusals import COUNTER, no_counter, no_ticket
from app.queue.rules import QueuePolicy
from app.stock.common import branch_in_scope
from db.models import Branch, QueueCounter, QueuePolicy as PolicyRow, QueueService, QueueTicket
from app.actor import Actor

CHANNEL = "vipdesk_queue"
SERVICE = QT_TRANSLATE_NOOP("fields", "Service")
CUSTOMER = QT_TRANSLATE_NOOP("fields", "Customer")

__all__ = ["branch_in_scope", "CHANNEL", "COUNTER", "SERVICE", "CUSTOMER"]


def policy_of(session: Session, branch_id: int) -> QueuePolicy:
    """The branch's calling policy; the default until the branch saves its own."""
    row = session.scalar(select(PolicyRow).where(PolicyRow.branch_id == branch_id))
    return QueuePolicy.from_json(row.value) if row else QueuePolicy()


def tier_codes(session: Session, day: date) -> list[str]:
    """The tier codes of the tier policy in force on ``day``, lowest first (their ranks)."""
    from app.tiers.policy_store import policy_in_force_at

    return [band.code for band in policy_in_force_at(session, day).bands]


def notify(session: Session, branch_id: int) -> None:
    """Tell live views that the branch's queue changed. On PostgreSQL a NOTIFY sent at commit
    (nothing if the transaction rolls back); SQLite's views see the commit itself."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, :payload)"),
                        {"channel": CHANNEL, "payload": str(branch_id)})


def _in_scope(session: Session, actor: Actor, model, row_id: int, lock: bool):
    """The row of ``model`` with ``row_id`` if its branch lies in ``actor``'s scope (row-locked
    for this transaction when ``lock``), else None; one statement with the branch's path."""
    if not isinstance(row_id, int):
        return None
    query = select(model, Branch.path).join(Branch, Branch.id == model.branch_id).where(model.id == row_id)
    if lock:
        query = query.with_for_update(of=model)
    found = session.execute(query).first()
    return found[0] if found and actor.sees(found[1]) else None


def ticket_in_scope(session: Session, actor: Actor, ticket_id: int, *, lock: bool = True) -> QueueTicket:
    """The ticket, row-locked for this transaction (PostgreSQL), or NotFound outside scope."""
    ticket = _in_scope(session, actor, QueueTicket, ticket_id, lock)
    if ticket is None:
        raise no_ticket()
    return ticket


def counter_in_scope(session: Session, actor: Actor, counter_id: int, *, lock: bool = False) -> QueueCounter:
    counter = _in_scope(session, actor, QueueCounter, counter_id, lock)
    if counter is None:
        raise no_counter()
    return counter


@dataclass(frozen=True)
class Desk:
    """A counter as signed in on one PC: every counter action names it."""

    counter_id: int
    pc: str


def desk_counter(session: Session, actor: Actor, desk: Desk, now=None, *, lock: bool = True) -> QueueCounter:
    """The counter of ``desk`` if ``actor`` is signed in there on that PC; marks it seen at ``now``."""
    require(actor, Permission.CALL_TICKETS)
    counter = counter_in_scope(session, actor, desk.counter_id, lock=lock)
    if counter.account_id != actor.account_id or counter.pc != desk.pc:
        raise refusals.not_signed_in(counter.number)
    if now is not None:
        counter.seen_at = now
    return counter


def check_held(ticket: QueueTicket, counter: QueueCounter) -> None:
    """Refuse to act on a ticket another counter holds."""
    if ticket.counter_id != counter.id:
        raise refusals.not_held(counter.number, ticket.number)


def service_in_scope(session: Session, actor: Actor, service_id: int, branch_id: int | None = None) -> QueueService:
    service = session.get(QueueService, service_id) if isinstance(service_id, int) else None
    branch = session.get(Branch, service.branch_id) if service else None
    if (service is None or branch is None or not actor.sees(branch.path)
            or (branch_id is not None and service.branch_id != branch_id)):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That service does not exist in your scope."), field=SERVICE)
    return service


def service_ids_of(counter: QueueCounter) -> list[int]:
    return [int(part) for part in counter.service_ids.split(",") if part.strip()]


def today_of(session: Session, branch_id: int, now: datetime) -> tuple[QueuePolicy, date]:
    policy = policy_of(session, branch_id)
    return policy, business_date(now, policy.time_zone)


def calls_made_today(session: Session, branch_id: int, day: date, policy: QueuePolicy) -> int:
    """How many tickets the branch's counters have called today: where an interleaved policy's
    cycle stands (a strict policy has no cycle: 0)."""
    if policy.mode == rules.STRICT:
        return 0
    t = QueueTicket.__table__
    return session.scalar(select(func.count()).select_from(t).where(
        t.c.branch_id == branch_id, t.c.business_date == day, t.c.first_called_at.is_not(None))) or 0


@dataclass(frozen=True)
class TicketRow:
    """A ticket as lists, the display and the slip show it (plain values, masked customer)."""

    id: int
    number: str
    service_id: int
    service_prefix: str
    service_name: str
    business_date: date
    customer_id: int | None
    customer_label: str
    tier: str
    priority: int
    state: str
    issued_at: datetime
    queued_at: datetime
    deadline_at: datetime
    front: bool
    target_counter: str
    counter_id: int | None
    counter: str
    clerk_name: str
    called_at: datetime | None
    recalls: int
    started_at: datetime | None
    finished_at: datetime | None
    note: str
    origin_id: int
    lost: bool = False
    ahead: int = 0

    def waited(self, now: datetime) -> int:
        """Seconds waited so far (or until the last call)."""
        end = self.called_at if self.state != rules.WAITING and self.called_at else now
        return max(0, int((end - self.queued_at).total_seconds()))


def ticket_row(ticket: QueueTicket, services: dict[int, QueueService], counters: dict[int, QueueCounter],
               *, lost: bool = False, ahead: int = 0) -> TicketRow:
    service = services.get(ticket.service_id)
    counter = counters.get(ticket.counter_id) if ticket.counter_id else None
    target = counters.get(ticket.target_counter_id) if ticket.target_counter_id else None
    return TicketRow(
        ticket.id, ticket.number, ticket.service_id, service.prefix if service else "",
        service.name if service else "", ticket.business_date, ticket.customer_id, ticket.customer_label,
        ticket.tier, ticket.priority, ticket.state, ticket.issued_at, ticket.queued_at, ticket.deadline_at,
        ticket.front, target.number if target else "", ticket.counter_id, counter.number if counter else "",
        ticket.clerk_name, ticket.called_at, ticket.recalls, ticket.started_at, ticket.finished_at,
        ticket.note, ticket.origin_id or ticket.id, lost, ahead)


def row_of(session: Session, ticket: QueueTicket, **extra) -> TicketRow:
    """One ticket as lists show it, loading only the service and counters it names (mostly in
    the session already) rather than the branch's every service and counter."""
    service = session.get(QueueService, ticket.service_id)
    counters = {cid: session.get(QueueCounter, cid) for cid in (ticket.counter_id, ticket.target_counter_id) if cid}
    return ticket_row(ticket, {service.id: service} if service else {},
                      {cid: c for cid, c in counters.items() if c is not None}, **extra)


def branch_maps(session: Session, branch_id: int) -> tuple[dict[int, QueueService], dict[int, QueueCounter]]:
    services = {s.id: s for s in session.scalars(select(QueueService).where(QueueService.branch_id == branch_id))}
    counters = {c.id: c for c in session.scalars(select(QueueCounter).where(QueueCounter.branch_id == branch_id))}
    return services, counters


def snapshot(ticket: QueueTicket) -> dict:
    """What the audit trail records of a ticket."""
    return {"number": ticket.number, "state": ticket.state, "priority": ticket.priority,
            "tier": ticket.tier, "service_id": ticket.service_id, "counter_id": ticket.counter_id}
