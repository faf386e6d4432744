"""What the queue screens read: the lobby's live queue (with waiting times and tickets flagged
because their counter was lost), a counter's own state, the lobby display's board, one ticket by
the payload of its slip's QR code. Plain rows, one read each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.queue import refusals, rules
from app.queue.common import (
    TicketRow, branch_in_scope, branch_maps, service_ids_of, ticket_row, tier_codes, today_of,
)
from app.queue.rules import TICKET
from db.models import QueueTicket
from app.actor import Actor
from app.store import Store

SLIP_KIND = "T"   # a slip's QR code: the documents' signed payload VD1.T.<ticket id>-<number>.<signature>


def _may_see(actor: Actor) -> None:
    if not any(actor.may(p) for p in (Permission.ISSUE_TICKETS, Permission.CALL_TICKETS,
                                       Permission.MANAGE_QUEUE, Permission.VIEW_QUEUE_STATS)):
        require(actor, Permission.CALL_TICKETS)


@dataclass(frozen=True)
class CounterRow:
    id: int
    number: str
    name: str
    service_ids: tuple[int, ...]
    open: bool
    clerk_name: str
    pc: str
    seen_at: datetime | None
    reserved_ticket_id: int | None
    lost: bool


@dataclass(frozen=True)
class Board:
    """The branch's queue today: open tickets (and today's no-shows, to reactivate), counters,
    services, waiting counts; ``now`` is the store's clock at reading."""

    branch_id: int
    day: date
    now: datetime
    tickets: list[TicketRow]
    counters: list[CounterRow]
    services: list[tuple[int, str, str]]          # id, prefix, name
    waiting: dict[int, int]                      # service id -> tickets waiting
    tier_codes: list[str]
    policy: rules.QueuePolicy


def board(store: Store, actor: Actor, branch_id: int | None = None) -> Board:
    """The live queue of the actor's branch (or ``branch_id`` in scope), for every screen."""
    _may_see(actor)
    with store.read() as session:
        branch = branch_in_scope(session, actor, branch_id)
        now = store.clock()
        policy, day = today_of(session, branch.id, now)
        services, counters = branch_maps(session, branch.id)
        counter_rows = [
            CounterRow(c.id, c.number, c.name, tuple(service_ids_of(c)), c.open, c.clerk_name, c.pc,
                       c.seen_at, c.reserved_ticket_id,
                       c.account_id is not None and rules.is_lost(rules.CALLED, c.seen_at, now, policy))
            for c in sorted(counters.values(), key=lambda c: c.number)]
        tickets = session.scalars(select(QueueTicket).where(
            QueueTicket.branch_id == branch.id, QueueTicket.business_date == day,
            QueueTicket.state.in_((*rules.OPEN_STATES, rules.NO_SHOW))).order_by(QueueTicket.id)).all()
        rows = []
        for t in tickets:
            counter = counters.get(t.counter_id) if t.counter_id else None
            lost = counter is not None and rules.is_lost(t.state, counter.seen_at, now, policy)
            rows.append(ticket_row(t, services, counters, lost=lost))
        waiting = {sid: 0 for sid in services}
        for t in tickets:
            if t.state == rules.WAITING:
                waiting[t.service_id] = waiting.get(t.service_id, 0) + 1
        return Board(branch.id, day, now, rows, counter_rows,
                     [(s.id, s.prefix, s.name) for s in sorted(services.values(), key=lambda s: s.prefix)],
                     waiting, tier_codes(session, day), policy)


@dataclass(frozen=True)
class DisplayCall:
    number: str
    counter: str
    service_name: str
    called_at: datetime
    state: str
    recalls: int


@dataclass(frozen=True)
class Display:
    """The lobby TV: tickets called now (newest first), the last calls, waiting per service."""

    current: list[DisplayCall]
    recent: list[DisplayCall]
    waiting: list[tuple[str, str, int]]          # prefix, service name, count
    now: datetime


def display(store: Store, actor: Actor, branch_id: int | None = None, *, recent: int = 6) -> Display:
    _may_see(actor)
    with store.read() as session:
        branch = branch_in_scope(session, actor, branch_id)
        now = store.clock()
        _policy, day = today_of(session, branch.id, now)
        services, counters = branch_maps(session, branch.id)
        today = (QueueTicket.branch_id == branch.id, QueueTicket.business_date == day)
        newest = (QueueTicket.called_at.desc(), QueueTicket.id.desc())

        def call(t: QueueTicket) -> DisplayCall:
            assert t.called_at is not None, "the display shows tickets that have been called"
            counter = counters.get(t.counter_id) if t.counter_id is not None else None
            service = services.get(t.service_id)
            return DisplayCall(t.number, counter.number if counter else "", service.name if service else "",
                               t.called_at, t.state, t.recalls)

        current = [call(t) for t in session.scalars(select(QueueTicket).where(
            *today, QueueTicket.state == rules.CALLED).order_by(*newest))]
        past = [call(t) for t in session.scalars(select(QueueTicket).where(
            *today, QueueTicket.called_at.is_not(None), QueueTicket.state != rules.CALLED)
            .order_by(*newest).limit(recent))]
        counts = dict(session.execute(select(QueueTicket.service_id, func.count()).where(
            QueueTicket.branch_id == branch.id, QueueTicket.business_date == day,
            QueueTicket.state == rules.WAITING).group_by(QueueTicket.service_id)).all())
        waiting = [(s.prefix, s.name, counts.get(s.id, 0))
                   for s in sorted(services.values(), key=lambda s: s.prefix) if s.active]
        return Display(current, past, waiting, now)


@dataclass(frozen=True)
class CounterView:
    """What a counter PC shows: its counter, the ticket it holds, and the tickets it may call
    in the order it would call them."""

    counter: CounterRow
    held: TicketRow | None
    waiting: list[TicketRow]
    now: datetime


def counter_view(store: Store, actor: Actor, counter_id: int) -> CounterView:
    _may_see(actor)
    b = board(store, actor)
    counter = next((c for c in b.counters if c.id == counter_id), None)
    if counter is None:
        raise refusals.no_counter()
    held = next((t for t in b.tickets if t.counter_id == counter_id and t.state in rules.AT_COUNTER), None)
    preferred = rules.preference(b.policy, b.tier_codes, 0)
    mine = [t for t in b.tickets if t.state == rules.WAITING and (
        (t.service_id in counter.service_ids and not t.target_counter) or t.target_counter == counter.number)]
    mine.sort(key=lambda t: rules.order_key(
        rules.Candidate(t.id, t.priority, t.queued_at, t.deadline_at, t.front), b.now, preferred))
    return CounterView(counter, held, mine, b.now)


def slip_payload(store: Store, actor: Actor, ticket_id: int, number: str) -> str:
    """The signed text of a slip's QR code (the store's document key, kind ``T``)."""
    from app.documents.qr import sign_ticket

    return sign_ticket(store, actor, SLIP_KIND, ticket_id, number)


def ticket_from_payload(store: Store, actor: Actor, payload: str) -> TicketRow:
    """The ticket a scanned slip names, followed through transfers to where it is now."""
    _may_see(actor)
    ticket_id = parse_payload(store, payload)
    with store.read() as session:
        ticket = session.get(QueueTicket, ticket_id)
        services, counters = branch_maps(session, ticket.branch_id) if ticket else ({}, {})
        if ticket is None or not actor.sees(_branch_path(session, ticket.branch_id)):
            raise refusals.no_ticket()
        while ticket.transferred_to_id is not None:
            ticket = session.get_one(QueueTicket, ticket.transferred_to_id)
        return ticket_row(ticket, services, counters)


def parse_payload(store: Store, payload: str) -> int:
    """The ticket id in a slip's QR text, once its signature checks out."""
    from app.documents.qr import Status, check_in

    result = check_in(store, payload)
    if result.status is Status.ALTERED:
        raise ValidationError(result.reason, field=TICKET)
    ident = result.ident.split("-", 1)[0]
    if result.status is not Status.GENUINE or result.kind != SLIP_KIND or not ident.isdigit():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not the code of a queue ticket"), field=TICKET)
    return int(ident)


def describe_slip(session, ident: str):
    """What a genuine slip code stands for (``doc verify``, the documents' verify box), or None."""
    from app.documents.register import Described
    from db.models import Branch, QueueService

    number = ident.split("-", 1)[0]
    ticket = session.get(QueueTicket, int(number)) if number.isdigit() else None
    if ticket is None:
        return None
    service = session.get(QueueService, ticket.service_id)
    branch = session.get(Branch, ticket.branch_id)
    return Described("queue ticket", f"{ticket.number} {service.name if service else ''} "
                     f"{ticket.business_date.isoformat()}".strip(), ticket.number,
                     branch.code if branch else "", ticket.issued_at, ticket.issued_by_name)


def _branch_path(session, branch_id: int) -> str:
    from db.models import Branch

    branch = session.get(Branch, branch_id)
    return branch.path if branch else "\x00"


