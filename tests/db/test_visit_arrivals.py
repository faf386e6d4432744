"""A VIP's arrival told to their relationship manager, on SQLite and PostgreSQL: the ticket of
an RM's customer tells that RM (name, tier, ticket, waiting time), nobody else; "I'll receive
them" records who comes and a contact in the customer's care history, and the lobby sees it;
unreceived past the policy time, the branch manager is told too, though the RM never signed
in; a second receiver, a stranger and a ticket of a customer with no RM are refused or ignored."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select, update

from app.care.contacts import contacts_of
from app.errors import ConflictError, PermissionDenied
from app.queue import calling, setup, tickets, views
from app.visit.arrivals import arrivals_for, lobby_arrivals, receive_arrival
from db.models import AuditEvent, Customer, VisitArrival
from tests.db.helpers import actor_named
from tests.db.queuehelp import make_queue


@pytest.fixture
def q(demo_store):
    return make_queue(demo_store)


def keep(q, tier: str, username: str | None) -> int:
    """A customer of ``tier`` at the lobby's branch, looked after by ``username`` (or nobody)."""
    customer_id = q.customer_of_tier(tier)
    keeper = actor_named(q.store, username).account_id if username else None
    with q.store.engine.begin() as conn:
        conn.execute(update(Customer).where(Customer.id == customer_id).values(relationship_manager_id=keeper))
    return customer_id


def test_the_manager_is_told_and_receives_the_customer(q):
    advisor = actor_named(q.store, "advisor")
    customer_id = keep(q, "diamond", "advisor")
    ticket = tickets.issue_ticket(q.store, q.lobby, service_id=q.service, customer_id=customer_id)
    q.clock.tick(minutes=3)
    [told] = arrivals_for(q.store, advisor)
    with q.store.read() as session:
        name = session.get(Customer, customer_id).name
    assert (told.ticket_number, told.customer_name, told.tier, told.waited(q.clock()), told.escalated) == (
        ticket.number, name, "diamond", 3, False)
    assert arrivals_for(q.store, q.manager) == []          # not yet the branch manager's
    [seen] = lobby_arrivals(q.store, q.lobby)
    assert (seen.customer_name, seen.received_by_name) == (ticket.customer_label, "")
    received = receive_arrival(q.store, advisor, told.id)
    assert received.received_by_name == advisor.display_name
    assert arrivals_for(q.store, advisor) == []
    [seen] = lobby_arrivals(q.store, q.lobby)
    assert (seen.received_by_name, seen.manager_name) == (advisor.display_name, advisor.display_name)
    [contact] = contacts_of(q.store, advisor, customer_id, limit=1)
    assert (contact.method, contact.staff_name, ticket.number in contact.content) == (
        "in_branch", advisor.display_name, True)
    with q.store.read() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id.desc()).limit(3)).all()
    assert set(actions) >= {"visit.receive", "contact.create"}
    with pytest.raises(ConflictError):
        receive_arrival(q.store, q.manager, told.id)


def test_unreceived_past_the_policy_time_the_branch_manager_is_told(q):
    own = replace(views.board(q.store, q.lobby).policy, receive_minutes=4)
    setup.save_policy(q.store, q.manager, own)
    customer_id = keep(q, "platinum", "advisor")  # the advisor never signs in
    tickets.issue_ticket(q.store, q.lobby, service_id=q.service, customer_id=customer_id)
    q.clock.tick(minutes=3, seconds=59)
    assert arrivals_for(q.store, q.manager) == []
    q.clock.tick(seconds=1)
    [told] = arrivals_for(q.store, q.manager)
    assert told.escalated and lobby_arrivals(q.store, q.lobby)[0].escalated
    assert receive_arrival(q.store, q.manager, told.id).received_by_name == q.manager.display_name
    assert arrivals_for(q.store, actor_named(q.store, "advisor")) == []


def test_strangers_customers_without_a_manager_and_finished_visits(q):
    customer_id = keep(q, "diamond", "advisor")
    ticket = tickets.issue_ticket(q.store, q.lobby, service_id=q.service, customer_id=customer_id)
    [told] = arrivals_for(q.store, actor_named(q.store, "advisor"))
    with pytest.raises(PermissionDenied) as refused:
        receive_arrival(q.store, q.teller, told.id)
    assert refused.value.field == "Arrival"
    with q.store.read() as session:
        assert session.get(VisitArrival, told.id).received_at is None
    tickets.issue_ticket(q.store, q.lobby, service_id=q.service, customer_id=keep(q, "gold", None))
    tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    with q.store.read() as session:
        assert session.scalar(select(VisitArrival.ticket_id).where(VisitArrival.id > told.id)) is None
    called = calling.call_next(q.store, q.teller, q.desk1)
    assert called.id == ticket.id
    calling.start_service(q.store, q.teller, q.desk1, ticket.id)
    calling.finish_service(q.store, q.teller, q.desk1, ticket.id)
    assert arrivals_for(q.store, actor_named(q.store, "advisor")) == []   # served: no longer told
