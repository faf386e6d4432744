"""Tickets in the lobby: issuing one (numbered per branch, day and service, with the priority of
the customer's tier at that moment), and what the lobby manager steers: a priority raised or
lowered with a reason, a counter's next call reserved for a ticket, a ticket put back in the
queue at its place when its counter was lost, a no-show reactivated, a cancel, a transfer to
another service or a named counter. Each call is one transaction with its audit event.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from sqlalchemy import CursorResult, Table, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, PermissionDenied, ValidationError
from app.queue import refusals, rules
from app.queue.common import (
    COUNTER, CUSTOMER, SERVICE, TicketRow, calls_made_today, check_held, counter_in_scope, desk_counter,
    notify, row_of, service_ids_of,
    service_in_scope, snapshot, ticket_in_scope, tier_codes, today_of,
)
from app.queue.rules import PRIORITY, TICKET, Candidate
from app.queue.arrivals import announce_arrival
from db.models import Branch, Customer, QueueCounter, QueueNumber, QueueService, QueueTicket
from app.actor import Actor
from app.store import Store


def mask_name(name: str) -> str:
    """A customer's name as the lobby list shows it: the surname and stars (张**)."""
    name = (name or "").strip()
    return name[:1] + "*" * max(1, len(name) - 1) if name else ""


def expire_earlier_days(session: Session, uow, branch_id: int, day: date) -> int:
    """Day rollover: close the branch's tickets still open from before ``day`` as expired (they
    stay in the books, nothing is lost). Returns how many.

    Every first call and ticket of the morning runs this at once. On PostgreSQL the tickets
    another transaction is already expiring are skipped, not waited for (the 50-counter drill
    found every counter queueing behind the first one's row locks): that transaction closes
    them, and no call ever picks a ticket of an earlier day."""
    t = QueueTicket.__table__
    stale = select(t.c.id).where(t.c.branch_id == branch_id, t.c.business_date < day,
                                 t.c.state.in_(rules.OPEN_STATES))
    if session.get_bind().dialect.name == "postgresql":
        stale = stale.with_for_update(skip_locked=True)
    # Session.execute is typed to return a Result; an UPDATE's is a CursorResult, with its rowcount
    closed = cast(CursorResult[Any], session.execute(
        update(QueueTicket).where(QueueTicket.id.in_(stale))
        .values(state=rules.EXPIRED, note="expired at day end").execution_options(synchronize_session=False)
    )).rowcount
    if closed:
        uow.audit("queue.expire", "queue_day", f"{branch_id}:{day.isoformat()}", branch_id=branch_id,
                  after={"before": day.isoformat(), "tickets": closed})
    return closed


def _next_seq(session: Session, branch_id: int, service_id: int, day: date) -> int:
    """The next number of the service today: one upsert, whose row lock orders concurrent issuers."""
    table = cast(Table, QueueNumber.__table__)  # typed FromClause by DeclarativeBase; a mapped class's is a Table
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    upsert = insert(table).values(branch_id=branch_id, service_id=service_id, business_date=day, last=1)
    statement = upsert.on_conflict_do_update(
        index_elements=[table.c.branch_id, table.c.service_id, table.c.business_date],
        set_={"last": table.c.last + 1}).returning(table.c.last)
    return session.execute(statement).scalar_one()


def people_ahead(session: Session, ticket: QueueTicket, policy, codes, now) -> int:
    """How many tickets the counters will call before this one: the branch's open counters that
    may call it replay their calling order over every waiting ticket they may call, whatever its
    service (:func:`rules.calls_before`). With no open counter offering its service yet, the
    tickets of that service ahead of it in the calling order."""
    t = QueueTicket.__table__
    waiting = session.execute(select(t.c.id, t.c.priority, t.c.queued_at, t.c.deadline_at, t.c.front,
                                     t.c.service_id, t.c.target_counter_id).where(
        t.c.branch_id == ticket.branch_id, t.c.business_date == ticket.business_date,
        t.c.state == rules.WAITING)).all()
    counters = session.scalars(select(QueueCounter).where(
        QueueCounter.branch_id == ticket.branch_id, QueueCounter.open.is_(True))
        .order_by(QueueCounter.id)).all()
    reserved = {c.reserved_ticket_id: c.id for c in counters if c.reserved_ticket_id is not None}
    callers = [rules.Caller(frozenset(
        row.id for row in waiting
        if reserved.get(row.id, counter.id) == counter.id
        and (row.target_counter_id == counter.id
             or (row.target_counter_id is None and row.service_id in service_ids_of(counter)))),
        counter.reserved_ticket_id) for counter in counters]
    if not any(ticket.id in c.may_call or c.reserved == ticket.id for c in callers):
        callers = [rules.Caller(frozenset(row.id for row in waiting if row.service_id == ticket.service_id))]
    calls_made = calls_made_today(session, ticket.branch_id, ticket.business_date, policy)
    candidates = [Candidate(row.id, row.priority, row.queued_at, row.deadline_at, row.front) for row in waiting]
    return rules.calls_before(ticket.id, candidates, callers, now, policy, codes, calls_made)


def issue_ticket(store: Store, actor: Actor, *, service_id: int, customer_id: int | None = None) -> TicketRow:
    """Hand out the next number of ``service_id`` today, for an identified customer (their tier
    now gives the priority) or anonymously (the lowest tier)."""
    require(actor, Permission.ISSUE_TICKETS)
    with store.write(actor, keyed=True) as uow:
        return issue_in(uow, service_id=service_id, customer_id=customer_id)


def issue_in(uow, *, service_id: int, customer_id: int | None = None, at_least: str | None = None,
             note: str = "") -> TicketRow:
    """:func:`issue_ticket` inside the caller's unit of work (an appointment's check-in issues
    its ticket in its own transaction). ``at_least``: a tier code whose priority the ticket gets
    when the customer's own tier ranks lower (an appointment kept within its window)."""
    actor = uow.actor
    session = uow.session
    service = service_in_scope(session, actor, service_id)
    if not service.active:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{name} is not offered at the moment"),
                              field=SERVICE, name=service.name)
    policy, day = today_of(session, service.branch_id, uow.now)
    expire_earlier_days(session, uow, service.branch_id, day)
    codes = tier_codes(session, day)
    tier, label = codes[0], ""
    if customer_id is not None:
        customer = session.get(Customer, customer_id) if isinstance(customer_id, int) else None
        branch = session.get(Branch, customer.branch_id) if customer else None
        if customer is None or branch is None or not actor.sees(branch.path):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That customer does not exist in your scope."),
                           field=CUSTOMER)
        if not customer.active:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is marked inactive"), field=CUSTOMER)
        tier, label = customer.tier, mask_name(customer.name)
    priority = max(rules.priority_of(tier, codes), rules.priority_of(at_least, codes))
    seq = _next_seq(session, service.branch_id, service.id, day)
    ticket = QueueTicket(
        branch_id=service.branch_id, service_id=service.id, business_date=day, seq=seq,
        number=rules.ticket_number(service.prefix, seq), customer_id=customer_id,
        customer_label=label, tier=tier, priority=priority, state=rules.WAITING,
        issued_at=uow.now, issued_by_name=actor.username, queued_at=uow.now,
        deadline_at=rules.deadline(uow.now, priority, codes, policy), front=False, recalls=0,
        clerk_name="", note=note)
    session.add(ticket)
    session.flush()
    ticket.origin_id = ticket.id
    ahead = people_ahead(session, ticket, policy, codes, uow.now)
    if customer_id is not None:
        announce_arrival(uow, ticket, customer, policy.receive_minutes)
    uow.audit("queue.issue", "queue_ticket", ticket.id, branch_id=ticket.branch_id,
              after={**snapshot(ticket), "customer_id": customer_id})
    notify(session, ticket.branch_id)
    return row_of(session, ticket, ahead=ahead)


def _manager(actor: Actor) -> None:
    require(actor, Permission.MANAGE_QUEUE)


def change_priority(store: Store, actor: Actor, ticket_id: int, *, priority: int, reason: str) -> TicketRow:
    """Raise or lower a waiting ticket's priority (a tier rank), with a reason the audit keeps."""
    _manager(actor)
    reason = rules.check_reason(reason)
    with store.write(actor) as uow:
        session = uow.session
        ticket = ticket_in_scope(session, actor, ticket_id)
        rules.check_action("reprioritise", ticket.state, ticket.number)
        policy, day = today_of(session, ticket.branch_id, uow.now)
        codes = tier_codes(session, ticket.business_date)
        if isinstance(priority, bool) or not isinstance(priority, int) or not 0 <= priority < len(codes):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be one of the tiers"), field=PRIORITY)
        if priority == ticket.priority:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is the ticket's priority already"),
                                  field=PRIORITY)
        before = snapshot(ticket)
        ticket.priority = priority
        ticket.deadline_at = rules.deadline(ticket.queued_at, priority, codes, policy)
        ticket.note = reason
        uow.audit("queue.priority", "queue_ticket", ticket.id, branch_id=ticket.branch_id,
                  before=before, after={**snapshot(ticket), "reason": reason})
        notify(session, ticket.branch_id)
        return row_of(session, ticket)


def reserve_for_counter(store: Store, actor: Actor, counter_id: int, ticket_id: int | None) -> None:
    """The counter's next call takes ``ticket_id`` (None: clear the reservation)."""
    _manager(actor)
    with store.write(actor) as uow:
        session = uow.session
        counter = counter_in_scope(session, actor, counter_id, lock=True)
        before = counter.reserved_ticket_id
        if ticket_id is not None:
            ticket = ticket_in_scope(session, actor, ticket_id)
            rules.check_action("reserve", ticket.state, ticket.number)
            if ticket.branch_id != counter.branch_id:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "is a counter of another branch"), field=COUNTER)
            if not counter.open:
                raise refusals.closed(counter.number)
            session.execute(update(QueueCounter).where(
                QueueCounter.reserved_ticket_id == ticket.id, QueueCounter.id != counter.id)
                .values(reserved_ticket_id=None).execution_options(synchronize_session=False))
        counter.reserved_ticket_id = ticket_id
        uow.audit("queue.reserve", "queue_counter", counter.id, branch_id=counter.branch_id,
                  before={"ticket_id": before}, after={"ticket_id": ticket_id})
        notify(session, counter.branch_id)


def requeue(store: Store, actor: Actor, ticket_id: int) -> TicketRow:
    """Put a ticket whose counter was lost (crashed PC, lost connection) back in the queue at
    its place; refused while the counter is still heard from."""
    _manager(actor)
    with store.write(actor) as uow:
        session = uow.session
        ticket = ticket_in_scope(session, actor, ticket_id)
        rules.check_action("requeue", ticket.state, ticket.number)
        policy, _day = today_of(session, ticket.branch_id, uow.now)
        counter = session.get(QueueCounter, ticket.counter_id) if ticket.counter_id else None
        if counter is not None and not rules.is_lost(ticket.state, counter.seen_at, uow.now, policy):
            raise ConflictError(QT_TRANSLATE_NOOP(
                "errors", "Counter {counter} is still connected: ask there before taking {number} away."),
                field=TICKET, counter=counter.number, number=ticket.number)
        before = snapshot(ticket)
        _back_to_waiting(ticket)
        uow.audit("queue.requeue", "queue_ticket", ticket.id, branch_id=ticket.branch_id,
                  before=before, after=snapshot(ticket))
        notify(session, ticket.branch_id)
        return row_of(session, ticket)


def _back_to_waiting(ticket: QueueTicket) -> None:
    ticket.state = rules.WAITING
    ticket.counter_id = None
    ticket.clerk_id = None
    ticket.clerk_name = ""
    ticket.recalls = 0
    ticket.started_at = None


def reactivate(store: Store, actor: Actor, ticket_id: int) -> TicketRow:
    """A no-show who turns up after all goes back in the queue at the place they had."""
    if not (actor.may(Permission.MANAGE_QUEUE) or actor.may(Permission.CALL_TICKETS)):
        require(actor, Permission.MANAGE_QUEUE)
    with store.write(actor) as uow:
        session = uow.session
        ticket = ticket_in_scope(session, actor, ticket_id)
        rules.check_action("reactivate", ticket.state, ticket.number)
        _policy, day = today_of(session, ticket.branch_id, uow.now)
        if ticket.business_date != day:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is from {day}: issue a new ticket today"),
                                  field=TICKET, day=ticket.business_date.isoformat())
        before = snapshot(ticket)
        ticket.wait_from, ticket.first_called_at = ticket.called_at, None  # the wait counts from the last call
        _back_to_waiting(ticket)
        uow.audit("queue.reactivate", "queue_ticket", ticket.id, branch_id=ticket.branch_id,
                  before=before, after=snapshot(ticket))
        notify(session, ticket.branch_id)
        return row_of(session, ticket)


def _check_holder(session, actor: Actor, ticket: QueueTicket, desk, now) -> None:
    """Who may act on a ticket: the counter that holds it (signed in on this PC, ``desk``) or the
    lobby manager; a waiting ticket also whoever issues tickets, or a signed-in counter."""
    if desk is not None:
        counter = desk_counter(session, actor, desk, now)
        if ticket.state in rules.AT_COUNTER:
            check_held(ticket, counter)
        return
    if ticket.state in rules.AT_COUNTER and not actor.may(Permission.MANAGE_QUEUE):
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "Ticket {number} is at a counter: only that counter or the lobby manager may do this."),
            field=TICKET, number=ticket.number)
    if not (actor.may(Permission.MANAGE_QUEUE) or actor.may(Permission.ISSUE_TICKETS)):
        require(actor, Permission.MANAGE_QUEUE)


def cancel_ticket(store: Store, actor: Actor, ticket_id: int, *, desk=None) -> TicketRow:
    """Cancel a waiting ticket (or one called to ``desk``)."""
    with store.write(actor) as uow:
        session = uow.session
        ticket = ticket_in_scope(session, actor, ticket_id)
        rules.check_action("cancel", ticket.state, ticket.number)
        _check_holder(session, actor, ticket, desk, uow.now)
        before = snapshot(ticket)
        ticket.state = rules.CANCELLED
        ticket.finished_at = uow.now
        _clear_reservations(session, ticket.id)
        uow.audit("queue.cancel", "queue_ticket", ticket.id, branch_id=ticket.branch_id,
                  before=before, after=snapshot(ticket))
        notify(session, ticket.branch_id)
        return row_of(session, ticket)


def _clear_reservations(session, ticket_id: int) -> None:
    session.execute(update(QueueCounter).where(QueueCounter.reserved_ticket_id == ticket_id)
                    .values(reserved_ticket_id=None).execution_options(synchronize_session=False))


def transfer(store: Store, actor: Actor, ticket_id: int, *, service_id: int | None = None,
             counter_id: int | None = None, front: bool = False, desk=None) -> TicketRow:
    """Send the customer on to another service or to a named counter, to the front of its queue
    or by original arrival. The ticket is closed as transferred and a new one with the same
    number waits there; its maximum wait starts again now."""
    if service_id is None and counter_id is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "choose a service or a counter to transfer to"),
                              field=SERVICE)
    with store.write(actor) as uow:
        session = uow.session
        ticket = ticket_in_scope(session, actor, ticket_id)
        rules.check_action("transfer", ticket.state, ticket.number)
        _check_holder(session, actor, ticket, desk, uow.now)
        target_service = (service_in_scope(session, actor, service_id, ticket.branch_id)
                          if service_id is not None else session.get_one(QueueService, ticket.service_id))
        target_counter = None
        if counter_id is not None:
            target_counter = counter_in_scope(session, actor, counter_id)
            if target_counter.branch_id != ticket.branch_id:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "is a counter of another branch"), field=COUNTER)
            if not target_counter.open:
                raise refusals.closed(target_counter.number)
            if ticket.counter_id == target_counter.id and target_service.id == ticket.service_id:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "the ticket is at this counter already"),
                                      field=COUNTER)
        elif target_service.id == ticket.service_id:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "the ticket is in this service already"),
                                  field=SERVICE)
        if not target_service.active:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{name} is not offered at the moment"),
                                  field=SERVICE, name=target_service.name)
        policy, _day = today_of(session, ticket.branch_id, uow.now)
        codes = tier_codes(session, ticket.business_date)
        before = snapshot(ticket)
        moved = QueueTicket(
            branch_id=ticket.branch_id, service_id=target_service.id, business_date=ticket.business_date,
            seq=ticket.seq, number=ticket.number, origin_id=ticket.origin_id or ticket.id,
            customer_id=ticket.customer_id, customer_label=ticket.customer_label, tier=ticket.tier,
            priority=ticket.priority, state=rules.WAITING, issued_at=ticket.issued_at,
            issued_by_name=ticket.issued_by_name, queued_at=ticket.queued_at,
            deadline_at=rules.deadline(uow.now, ticket.priority, codes, policy), front=bool(front),
            target_counter_id=target_counter.id if target_counter else None, recalls=0, clerk_name="",
            note="")
        session.add(moved)
        session.flush()
        if ticket.state == rules.SERVING:
            ticket.finished_at = uow.now
        ticket.state = rules.TRANSFERRED
        ticket.transferred_to_id = moved.id
        _clear_reservations(session, ticket.id)
        uow.audit("queue.transfer", "queue_ticket", ticket.id, branch_id=ticket.branch_id, before=before,
                  after={**snapshot(moved), "id": moved.id, "front": bool(front),
                         "counter": target_counter.number if target_counter else None})
        notify(session, ticket.branch_id)
        return row_of(session, moved)

