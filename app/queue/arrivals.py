"""A VIP's arrival noted with their ticket: when the lobby issues a ticket to a customer who has a
relationship manager, the ticket's own transaction records the arrival (``visit_arrival``), which
the visit capability (:mod:`app.visit.arrivals`) shows to that manager, escalates and closes.
It lives here, below the visit capability, because issuing a ticket writes it."""

from __future__ import annotations

from datetime import timedelta

from db.models import Customer, QueueTicket, VisitArrival


def announce_arrival(uow, ticket: QueueTicket, customer: Customer, receive_minutes: int) -> None:
    """In the ticket's transaction: tell the customer's relationship manager, if they have one."""
    if customer.relationship_manager_id is None:
        return
    arrival = VisitArrival(
        branch_id=ticket.branch_id, ticket_id=ticket.id, customer_id=customer.id,
        manager_id=customer.relationship_manager_id, announced_at=ticket.issued_at,
        escalate_at=ticket.issued_at + timedelta(minutes=receive_minutes), received_by_name="")
    uow.session.add(arrival)
    uow.session.flush()
    uow.audit("visit.announce", "visit_arrival", arrival.id, branch_id=ticket.branch_id,
              after={"ticket_id": ticket.id, "customer_id": customer.id, "manager_id": arrival.manager_id})
