"""The rating after service (评价器): when a counter finishes a ticket, the customer rates it on
the counter's customer window; an 不满意 with its reason may become a complaint.

:func:`rating_window` is what the customer's window may show: the bank's name, the counter, the
clerk as the queue policy allows (display name, staff number or nothing), the ticket number and
how long it waits for a touch; nothing of the customer (not even their name) or of anyone else.
:func:`record_rating` stores the touch: one row per ticket, in the name of the clerk who served
and of the counter, only by that clerk's own sign-in, only within the policy's time after the
finish (:mod:`app.visit.rating_rules`); a window left untouched stores nothing. Never changed or
deleted afterwards. :func:`complain_from_rating` is the clerk's offer after an 不满意: the care
capability's complaint intake (:func:`app.care.complaints.accept_in`), linked to the rating in
the same transaction. PostgreSQL holds the same rules for a staff login's raw writes
(migration 0041).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.care.complaints import ComplaintRow, accept_in
from app.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, PermissionDenied, ValidationError
from app.queue import rules as queue_rules
from app.queue.common import policy_of, ticket_in_scope
from app.visit import rating_rules as rules
from db.models import Branch, QueueCounter, QueueTicket, ServiceRating, StaffAccount
from app.actor import Actor
from app.store import Store

TICKET = QT_TRANSLATE_NOOP("fields", "Ticket")


@dataclass(frozen=True)
class RatingWindow:
    """What the customer-facing window shows: nothing private of the clerk, nothing of any
    customer but the ticket number."""

    ticket_id: int
    ticket_number: str
    bank_name: str
    counter_number: str
    counter_name: str
    clerk: str          # the clerk's display name or staff number as the policy allows; "" for none
    seconds: int        # how long the window waits for a touch


@dataclass(frozen=True)
class RatingRow:
    """A stored rating as the clerk's screen sees it (the complaint offer needs the customer)."""

    id: int
    ticket_id: int
    ticket_number: str
    score: int
    reason: str | None
    rated_at: datetime
    customer_id: int | None
    customer_label: str     # masked (张**)
    complaint_id: int | None


def _closed() -> ConflictError:
    return ConflictError(QT_TRANSLATE_NOOP("errors", "The rating window for this ticket has closed."),
                         field=rules.SCORE)


def _served_ticket(session, actor: Actor, ticket_id: int, *, lock: bool) -> QueueTicket:
    """The ticket, finished, by ``actor`` themselves; refused otherwise."""
    ticket = ticket_in_scope(session, actor, ticket_id, lock=lock)
    if ticket.state != queue_rules.DONE:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{number} is not finished yet"),
                              field=TICKET, number=ticket.number)
    if ticket.clerk_id is None or ticket.clerk_id != actor.account_id:
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "Only the clerk who served {number} may take its rating."), number=ticket.number)
    return ticket


def _clerk_shown(session, ticket: QueueTicket, how: str) -> str:
    if how == queue_rules.CLERK_HIDDEN:
        return ""
    account = session.get(StaffAccount, ticket.clerk_id)
    if account is None:
        return ""
    return account.username if how == queue_rules.CLERK_BY_NUMBER else account.display_name


def rating_window(store: Store, actor: Actor, ticket_id: int) -> RatingWindow:
    """What the customer's window shows for the ticket ``actor`` has just finished; refused when
    the ticket is not theirs, not finished, already rated, or past the rating time."""
    from app.documents.register import bank_name

    require(actor, Permission.CALL_TICKETS)
    now = store.clock()
    with store.read() as session:
        ticket = _served_ticket(session, actor, ticket_id, lock=False)
        policy = policy_of(session, ticket.branch_id)
        if session.scalar(select(ServiceRating.id).where(ServiceRating.ticket_id == ticket.id)) is not None \
                or not rules.may_still_rate(ticket.finished_at, now, policy.rating_seconds):
            raise _closed()
        counter = session.get(QueueCounter, ticket.counter_id)
        return RatingWindow(ticket.id, ticket.number, bank_name(session), counter.number if counter else "",
                            counter.name if counter else "", _clerk_shown(session, ticket, policy.rating_clerk),
                            policy.rating_seconds)


def _row(rating: ServiceRating, ticket: QueueTicket) -> RatingRow:
    return RatingRow(rating.id, ticket.id, ticket.number, rating.score, rating.reason, rating.rated_at,
                     ticket.customer_id, ticket.customer_label, rating.complaint_id)


def record_rating(store: Store, actor: Actor, ticket_id: int, *, score: int, reason: str | None = None) -> RatingRow:
    """Store the customer's rating of a ticket ``actor`` finished: once, within the policy's
    time after the finish (see the module text); audited."""
    require(actor, Permission.CALL_TICKETS)
    score, reason = rules.check_rating(score, reason)
    with store.write(actor) as uow:
        session = uow.session
        ticket = _served_ticket(session, actor, ticket_id, lock=True)
        policy = policy_of(session, ticket.branch_id)
        if session.scalar(select(ServiceRating.id).where(ServiceRating.ticket_id == ticket.id)) is not None:
            raise ConflictError(QT_TRANSLATE_NOOP("errors", "{number} has been rated already."),
                                field=rules.SCORE, number=ticket.number)
        if not rules.may_still_rate(ticket.finished_at, uow.now, policy.rating_seconds):
            raise _closed()
        rating = ServiceRating(ticket_id=ticket.id, branch_id=ticket.branch_id, counter_id=ticket.counter_id,
                               clerk_id=actor.account_id, score=score, reason=reason, rated_at=uow.now)
        session.add(rating)
        session.flush()
        uow.audit("visit.rate", "service_rating", rating.id, branch_id=ticket.branch_id,
                  after={"ticket_id": ticket.id, "counter_id": ticket.counter_id, "score": score,
                         "reason": reason})
        return _row(rating, ticket)


def complain_from_rating(store: Store, actor: Actor, rating_id: int, *, channel: str, content: str,
                         level: int) -> ComplaintRow:
    """Open a complaint from an 不满意 the actor received (the care capability's intake, the
    customer's ticket's customer), linked to the rating; once per rating."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    with store.write(actor, keyed=True) as uow:
        session = uow.session
        found = session.execute(
            select(ServiceRating, QueueTicket, Branch.path)
            .join(QueueTicket, QueueTicket.id == ServiceRating.ticket_id)
            .join(Branch, Branch.id == ServiceRating.branch_id)
            .where(ServiceRating.id == rating_id).with_for_update(of=ServiceRating)).first() \
            if isinstance(rating_id, int) else None
        if found is None or not actor.sees(found[2]):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That rating does not exist in your scope."),
                           field=rules.SCORE)
        rating, ticket = found[0], found[1]
        if rating.clerk_id != actor.account_id:
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "Only the clerk who was rated may open a complaint from the rating."))
        if rating.score != rules.DISSATISFIED:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "a complaint is opened only from a dissatisfied rating"),
                                  field=rules.SCORE)
        if rating.complaint_id is not None:
            raise ConflictError(QT_TRANSLATE_NOOP("errors", "A complaint has already been opened from this rating."),
                                field=rules.SCORE)
        if ticket.customer_id is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{number} was issued to nobody known: accept the complaint from the customer's record"),
                field=TICKET, number=ticket.number)
        complaint = accept_in(uow, actor, ticket.customer_id, channel=channel, content=content, level=level)
        rating.complaint_id = complaint.id
        session.flush()
        uow.audit("visit.rating_complaint", "service_rating", rating.id, branch_id=rating.branch_id,
                  after={"ticket_id": ticket.id, "complaint_id": complaint.id})
        return complaint


def rating_of(store: Store, actor: Actor, ticket_id: int) -> RatingRow | None:
    """The rating of a ticket in the actor's scope, None when it was not rated."""
    if not actor.may(Permission.VIEW_QUEUE_STATS):
        require(actor, Permission.CALL_TICKETS)
    with store.read() as session:
        ticket = ticket_in_scope(session, actor, ticket_id, lock=False)
        rating = session.scalar(select(ServiceRating).where(ServiceRating.ticket_id == ticket.id))
        return _row(rating, ticket) if rating else None
