"""A VIP's arrival told to their relationship manager (到店提醒).

When the lobby issues a ticket to a customer with a relationship manager, :func:`app.queue.arrivals.announce_arrival`
(in the ticket's own transaction) writes an arrival: the manager's VIP Desk shows it live (the
queue's change feed, :mod:`app.queue.live`, fires on the ticket's commit) with the customer's
name, tier, ticket and waiting time. :func:`receive_arrival` is the one-click "I'll receive
them" (我来接待): it records who comes, writes a contact (in branch) into the customer's care
history in the same transaction, and tells the lobby through the same feed.

Escalation needs no running client: an arrival unreceived at its ``escalate_at`` (issue time plus
the queue policy's ``receive_minutes``) is simply listed to the branch's branch managers as well
(:func:`arrivals_for`), whoever is signed in or out. A branch manager may receive any arrival of
their subtree; anyone else only their own customers'. An arrival stays listed while the visit's
ticket (or the ticket a transfer carried it on to) is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, aliased

from app.auth.permissions import Permission, Role, require
from app.business_day import business_date
from app.care.contacts import ContactInput, add_contact
from app.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, PermissionDenied
from app.queue import rules
from app.queue.common import notify
from db.models import Branch, Customer, QueueTicket, StaffAccount, VisitArrival
from app.actor import Actor
from app.store import Store

ARRIVAL = QT_TRANSLATE_NOOP("fields", "Arrival")
# What the contact record says (the care history is kept in the bank's working language).
CONTACT_TEXT = "到店接待（排队号 {number}）"


@dataclass(frozen=True)
class ArrivalRow:
    """An arrival as the manager's notification and the lobby show it."""

    id: int
    ticket_number: str
    customer_id: int
    customer_name: str   # in full for the manager's notification; masked (张**) for the lobby
    tier: str
    manager_name: str
    announced_at: datetime
    escalated: bool      # unreceived past the policy time: the branch manager is told too
    received_by_name: str
    received_at: datetime | None

    def waited(self, now: datetime) -> int:
        """Whole minutes since the customer took the ticket."""
        return max(0, int((now - self.announced_at).total_seconds() // 60))


def _is_branch_manager(actor: Actor) -> bool:
    return Role.BRANCH_MANAGER in actor.roles


def _query(now: datetime):
    """Today's arrivals with their ticket, customer, manager and branch path."""
    carried = aliased(QueueTicket)
    manager = aliased(StaffAccount)
    still_open = exists().where(carried.origin_id == VisitArrival.ticket_id, carried.state.in_(rules.OPEN_STATES))
    return (select(VisitArrival, QueueTicket, Customer, manager.display_name, Branch.path, still_open)
            .join(QueueTicket, QueueTicket.id == VisitArrival.ticket_id)
            .join(Customer, Customer.id == VisitArrival.customer_id)
            .join(manager, manager.id == VisitArrival.manager_id)
            .join(Branch, Branch.id == VisitArrival.branch_id)
            .where(QueueTicket.business_date == business_date(now))
            .order_by(VisitArrival.announced_at, VisitArrival.id))


def _row(found, now: datetime, *, full_name: bool) -> ArrivalRow:
    arrival, ticket, customer, manager_name, _path, _open = found
    return ArrivalRow(arrival.id, ticket.number, customer.id,
                      customer.name if full_name else ticket.customer_label, ticket.tier, manager_name,
                      arrival.announced_at, arrival.received_at is None and arrival.escalate_at <= now,
                      arrival.received_by_name, arrival.received_at)


def arrivals_for(store: Store, actor: Actor) -> list[ArrivalRow]:
    """The unreceived arrivals the actor is told of: their own customers', and, for a branch
    manager, every one of their subtree past its policy time; escalated first, then oldest."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    now = store.clock()
    boss = _is_branch_manager(actor)
    told = VisitArrival.manager_id == actor.account_id
    if boss:
        told = or_(told, VisitArrival.escalate_at <= now)
    with store.read() as session:
        rows = [_row(found, now, full_name=True)
                for found in session.execute(_query(now).where(VisitArrival.received_at.is_(None), told))
                if found[5] and actor.sees(found[4])]
    return sorted(rows, key=lambda r: (not r.escalated, r.announced_at))


def lobby_arrivals(store: Store, actor: Actor) -> list[ArrivalRow]:
    """Today's arrivals of the actor's subtree as the lobby sees them (masked names): who is
    coming to receive whom, and who still waits for their manager."""
    require(actor, Permission.ISSUE_TICKETS)
    now = store.clock()
    with store.read() as session:
        return [_row(found, now, full_name=False) for found in session.execute(_query(now))
                if actor.sees(found[4]) and (found[5] or found[0].received_at is not None)]


def _arrival_in_scope(session: Session, actor: Actor, arrival_id: int) -> tuple[VisitArrival, Customer, QueueTicket]:
    found = session.execute(
        select(VisitArrival, Customer, QueueTicket, Branch.path)
        .join(Customer, Customer.id == VisitArrival.customer_id)
        .join(QueueTicket, QueueTicket.id == VisitArrival.ticket_id)
        .join(Branch, Branch.id == VisitArrival.branch_id)
        .where(VisitArrival.id == arrival_id).with_for_update(of=VisitArrival)).first() \
        if isinstance(arrival_id, int) else None
    if found is None or not actor.sees(found[3]):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That arrival does not exist in your scope."), field=ARRIVAL)
    return found[0], found[1], found[2]


def receive_arrival(store: Store, actor: Actor, arrival_id: int) -> ArrivalRow:
    """"I'll receive them": the customer's relationship manager (or a branch manager) says they
    come; recorded as an in-branch contact in the customer's care history; the lobby sees it."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    with store.write(actor) as uow:
        session = uow.session
        arrival, customer, ticket = _arrival_in_scope(session, actor, arrival_id)
        if arrival.manager_id != actor.account_id and not _is_branch_manager(actor):
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "is for the customer's relationship manager or a branch manager"), field=ARRIVAL)
        if arrival.received_at is not None:
            raise ConflictError(QT_TRANSLATE_NOOP("errors", "{name} is already receiving this customer"),
                                field=ARRIVAL, name=arrival.received_by_name)
        contact = add_contact(uow, customer, ContactInput(
            method="in_branch", content=CONTACT_TEXT.format(number=ticket.number)))
        arrival.received_at = uow.now
        arrival.received_by_id = actor.account_id
        arrival.received_by_name = actor.display_name
        arrival.contact_id = contact.id
        session.flush()
        uow.audit("visit.receive", "visit_arrival", arrival.id, branch_id=arrival.branch_id,
                  after={"ticket_id": ticket.id, "contact_id": contact.id})
        notify(session, arrival.branch_id)
        manager_name = session.get_one(StaffAccount, arrival.manager_id).display_name
        return ArrivalRow(arrival.id, ticket.number, customer.id, customer.name, ticket.tier, manager_name,
                          arrival.announced_at, False, arrival.received_by_name, arrival.received_at)
