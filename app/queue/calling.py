"""At the counter: signing a counter in on one PC (one PC at a time), keeping it alive, calling
the next ticket, calling a chosen one out of order, recalling, marking a no-show, starting and
finishing service.

Calling the next ticket is one statement that claims it (docs/architecture.md Concurrency):
``UPDATE queue_ticket SET state = 'called' … WHERE id = (SELECT id … ORDER BY <calling order>
LIMIT 1 FOR UPDATE SKIP LOCKED) AND state = 'waiting' RETURNING id``. On PostgreSQL a ticket
another counter is claiming at that moment is skipped, not waited for, and never taken twice;
on SQLite the write transaction (``BEGIN IMMEDIATE``) already runs one claim at a time.
"""

from __future__ import annotations

from sqlalchemy import and_, case, func, nulls_last, or_, select, update
from sqlalchemy.orm import Session

from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP, ConflictError, PermissionDenied, ValidationError
from app.queue import desk_commands, refusals, rules
from app.queue.common import (
    COUNTER, Desk, TicketRow, calls_made_today, check_held, counter_in_scope, desk_counter, notify,
    row_of, service_ids_of, snapshot, ticket_in_scope, tier_codes, today_of,
)
from app.queue.tickets import expire_earlier_days
from db.models import QueueCounter, QueueCounterSession, QueueTicket
from app.actor import Actor
from app.store import Store

PC = QT_TRANSLATE_NOOP("fields", "PC")


def _check_pc(pc: str) -> str:
    pc = (pc or "").strip()
    if not pc or len(pc) > 80:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must name this PC (1 to 80 characters)"), field=PC)
    return pc


def sign_in_counter(store: Store, actor: Actor, counter_id: int, pc: str) -> TicketRow | None:
    """Sign ``actor`` in at the counter on this PC. Refused while another PC holds the counter
    and is still heard from; a PC that went silent longer than the policy's time is replaced.
    Returns the ticket the counter still holds, if any (after a restart of this PC)."""
    require(actor, Permission.CALL_TICKETS)
    pc = _check_pc(pc)
    if actor.account_id is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Only a signed-in person can work at a counter."))
    with store.write(actor) as uow:
        session = uow.session
        counter = counter_in_scope(session, actor, counter_id, lock=True)
        policy, _day = today_of(session, counter.branch_id, uow.now)
        if not counter.open:
            raise refusals.closed(counter.number)
        same = counter.account_id == actor.account_id and counter.pc == pc
        if counter.account_id is not None and not same and counter.seen_at is not None and \
                (uow.now - counter.seen_at).total_seconds() < policy.lost_after_seconds:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "errors", "Counter {number} is in use by {clerk} on {pc}: sign out there first."),
                field=COUNTER, number=counter.number, clerk=counter.clerk_name, pc=counter.pc)
        if not same:
            _end_session(session, counter, counter.seen_at or uow.now)
            session.add(QueueCounterSession(branch_id=counter.branch_id, counter_id=counter.id,
                                            account_id=actor.account_id, clerk_name=actor.display_name,
                                            pc=pc, started_at=uow.now))
            counter.account_id, counter.clerk_name, counter.pc = actor.account_id, actor.display_name, pc
            counter.signed_in_at = uow.now
            uow.audit("queue.counter.sign_in", "queue_counter", counter.id, branch_id=counter.branch_id,
                      after={"number": counter.number, "pc": pc})
        counter.seen_at = uow.now
        notify(session, counter.branch_id)
        held = _held_ticket(session, counter)
        return row_of(session, held) if held else None


def _end_session(session: Session, counter: QueueCounter, at) -> None:
    session.execute(update(QueueCounterSession).where(
        QueueCounterSession.counter_id == counter.id, QueueCounterSession.ended_at.is_(None))
        .values(ended_at=at).execution_options(synchronize_session=False))


def sign_out_counter(store: Store, actor: Actor, desk: Desk) -> None:
    """Leave the counter; refused while it still holds a called or serving ticket."""
    with store.write(actor) as uow:
        session = uow.session
        counter = desk_counter(session, actor, desk, uow.now)
        held = _held_ticket(session, counter)
        if held is not None:
            raise refusals.holds(counter.number, held.number)
        _end_session(session, counter, uow.now)
        counter.account_id, counter.clerk_name, counter.pc, counter.seen_at = None, "", "", None
        uow.audit("queue.counter.sign_out", "queue_counter", counter.id, branch_id=counter.branch_id,
                  after={"number": counter.number})
        notify(session, counter.branch_id)


def heartbeat(store: Store, actor: Actor, desk: Desk) -> None:
    """The counter PC is still there (sent every few seconds; not audited)."""
    with store.write(actor) as uow:
        desk_counter(uow.session, actor, desk, uow.now, lock=False)


def _held_ticket(session: Session, counter: QueueCounter) -> QueueTicket | None:
    return session.scalar(select(QueueTicket).where(
        QueueTicket.counter_id == counter.id, QueueTicket.state.in_(rules.AT_COUNTER)).limit(1))


def _begin(uow, actor: Actor, desk: Desk) -> QueueCounter:
    return desk_counter(uow.session, actor, desk, uow.now)


def claim_statement(counter: QueueCounter, services: list[int], day, now, preferred: list[int], dialect: str):
    """The one statement that claims the next ticket for ``counter`` (see the module text)."""
    t = QueueTicket.__table__
    overdue = t.c.deadline_at <= now
    reserved_elsewhere = select(QueueCounter.reserved_ticket_id).where(
        QueueCounter.branch_id == counter.branch_id, QueueCounter.reserved_ticket_id.is_not(None),
        QueueCounter.id != counter.id)
    rank = case({p: i for i, p in enumerate(preferred)}, value=t.c.priority, else_=len(preferred))
    pick = (select(t.c.id)
            .where(t.c.branch_id == counter.branch_id, t.c.business_date == day, t.c.state == rules.WAITING,
                   or_(and_(t.c.service_id.in_(services), t.c.target_counter_id.is_(None)),
                       t.c.target_counter_id == counter.id),
                   t.c.id.not_in(reserved_elsewhere))
            .order_by(t.c.front.desc(), case((overdue, 0), else_=1),
                      nulls_last(case((overdue, t.c.deadline_at), else_=None).asc()),
                      rank, t.c.queued_at, t.c.id)
            .limit(1))
    return _claim(counter, now, pick, dialect)


def _claim(counter: QueueCounter, now, pick, dialect: str):
    """Claim for ``counter`` the waiting ticket ``pick`` selects, returning it (ORM entity): a
    ticket another counter is claiming at the same moment is skipped on PostgreSQL."""
    if dialect == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    t = QueueTicket.__table__
    return (update(QueueTicket).where(QueueTicket.id == pick.scalar_subquery(), QueueTicket.state == rules.WAITING)
            .values(state=rules.CALLED, counter_id=counter.id, clerk_id=counter.account_id,
                    clerk_name=counter.clerk_name, called_at=now,
                    first_called_at=func.coalesce(t.c.first_called_at, now), recalls=0,
                    front=False, target_counter_id=None)
            .returning(QueueTicket)
            .execution_options(populate_existing=True))


def call_next(store: Store, actor: Actor, desk: Desk) -> TicketRow | None:
    """Call the next ticket for this counter by the branch's calling policy; None when nobody
    it may call is waiting. A ticket the lobby manager reserved for this counter comes first.
    On PostgreSQL the store does it in one statement (:mod:`app.queue.desk_commands`)."""
    if store.kind == "postgresql":
        return desk_commands.call_next_postgresql(store, actor, desk)
    return call_next_unit_of_work(store, actor, desk)


def call_next_unit_of_work(store: Store, actor: Actor, desk: Desk) -> TicketRow | None:
    """:func:`call_next` in the program's own unit of work: SQLite's path, and on PostgreSQL
    the bench's "before" (the one-statement command's baseline)."""
    with store.write(actor) as uow:
        session = uow.session
        counter = _begin(uow, actor, desk)
        if not counter.open:
            raise refusals.closed(counter.number)
        services = service_ids_of(counter)
        if not services and counter.reserved_ticket_id is None:
            raise refusals.no_service(counter.number)
        held = _held_ticket(session, counter)
        if held is not None:
            raise refusals.holds(counter.number, held.number)
        policy, day = today_of(session, counter.branch_id, uow.now)
        expire_earlier_days(session, uow, counter.branch_id, day)
        t = QueueTicket.__table__
        dialect = session.get_bind().dialect.name
        ticket = None
        if counter.reserved_ticket_id is not None:
            reserved = select(t.c.id).where(t.c.id == counter.reserved_ticket_id, t.c.state == rules.WAITING,
                                            t.c.business_date == day)
            ticket = session.execute(_claim(counter, uow.now, reserved, dialect)).scalar()
            counter.reserved_ticket_id = None
        if ticket is None and services:
            codes = tier_codes(session, day)
            calls_made = calls_made_today(session, counter.branch_id, day, policy)
            preferred = rules.preference(policy, codes, calls_made)
            ticket = session.execute(claim_statement(counter, services, day, uow.now, preferred, dialect)).scalar()
        if ticket is None:
            return None
        uow.audit("queue.call", "queue_ticket", ticket.id, branch_id=ticket.branch_id,
                  after={**snapshot(ticket), "counter": counter.number})
        notify(session, ticket.branch_id)
        return row_of(session, ticket)


def call_ticket(store: Store, actor: Actor, desk: Desk, ticket_id: int, *, reason: str) -> TicketRow:
    """Call a chosen waiting ticket out of order; the reason goes into the audit trail."""
    reason = rules.check_reason(reason)
    with store.write(actor) as uow:
        session = uow.session
        counter = _begin(uow, actor, desk)
        if not counter.open:
            raise refusals.closed(counter.number)
        held = _held_ticket(session, counter)
        if held is not None:
            raise refusals.holds(counter.number, held.number)
        ticket = ticket_in_scope(session, actor, ticket_id)
        rules.check_action("call", ticket.state, ticket.number)
        if ticket.branch_id != counter.branch_id:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is a counter of another branch"), field=COUNTER)
        ticket.state, ticket.counter_id = rules.CALLED, counter.id
        ticket.clerk_id, ticket.clerk_name = counter.account_id, counter.clerk_name
        ticket.called_at, ticket.first_called_at = uow.now, ticket.first_called_at or uow.now
        ticket.recalls, ticket.front, ticket.target_counter_id, ticket.note = 0, False, None, reason
        session.execute(update(QueueCounter).where(QueueCounter.reserved_ticket_id == ticket.id)
                        .values(reserved_ticket_id=None).execution_options(synchronize_session=False))
        uow.audit("queue.call_out_of_order", "queue_ticket", ticket.id, branch_id=ticket.branch_id,
                  after={**snapshot(ticket), "counter": counter.number, "reason": reason})
        notify(session, ticket.branch_id)
        return row_of(session, ticket)


def _recall(ticket: QueueTicket, now, policy) -> None:
    assert ticket.called_at is not None, "a recall is of a called ticket (rules.ACTIONS), which has its call's time"
    rules.check_recall(ticket.recalls, ticket.called_at, now, policy)
    ticket.recalls += 1
    ticket.called_at = now


def _no_show(ticket: QueueTicket, now, policy) -> None:
    rules.check_no_show(ticket.recalls, policy)
    ticket.state = rules.NO_SHOW


def _start(ticket: QueueTicket, now, policy) -> None:
    ticket.state, ticket.started_at = rules.SERVING, now


def _finish(ticket: QueueTicket, now, policy) -> None:
    ticket.state, ticket.finished_at = rules.DONE, now


# What each step at the counter checks and changes in the ticket, in the program's own path.
CHANGES = {"recall": _recall, "no_show": _no_show, "start": _start, "finish": _finish}


def act_unit_of_work(store: Store, actor: Actor, desk: Desk, ticket_id: int, action: str) -> TicketRow:
    """A step at the counter (:data:`CHANGES`) in the program's own unit of work: SQLite's
    path, and on PostgreSQL the bench's "before" (the one-statement command's baseline)."""
    with store.write(actor) as uow:
        session = uow.session
        counter = _begin(uow, actor, desk)
        ticket = ticket_in_scope(session, actor, ticket_id)
        check_held(ticket, counter)
        rules.check_action(action, ticket.state, ticket.number)
        before = snapshot(ticket)
        policy, _day = today_of(session, ticket.branch_id, uow.now)
        CHANGES[action](ticket, uow.now, policy)
        uow.audit(f"queue.{action}", "queue_ticket", ticket.id, branch_id=ticket.branch_id,
                  before=before, after={**snapshot(ticket), "counter": counter.number})
        notify(session, ticket.branch_id)
        return row_of(session, ticket)


def _act(store: Store, actor: Actor, desk: Desk, ticket_id: int, action: str) -> TicketRow:
    if store.kind == "postgresql":
        return desk_commands.step_postgresql(store, actor, desk, ticket_id, action)
    return act_unit_of_work(store, actor, desk, ticket_id, action)


def recall(store: Store, actor: Actor, desk: Desk, ticket_id: int) -> TicketRow:
    """Call the same ticket again (the display announces it again); at least the policy's gap
    after the last call, and at most the policy's number of times."""
    return _act(store, actor, desk, ticket_id, "recall")


def mark_no_show(store: Store, actor: Actor, desk: Desk, ticket_id: int) -> TicketRow:
    """The customer did not come after the policy's recalls: the counter is free again."""
    return _act(store, actor, desk, ticket_id, "no_show")


def start_service(store: Store, actor: Actor, desk: Desk, ticket_id: int) -> TicketRow:
    return _act(store, actor, desk, ticket_id, "start")


def finish_service(store: Store, actor: Actor, desk: Desk, ticket_id: int) -> TicketRow:
    return _act(store, actor, desk, ticket_id, "finish")
