"""The rating after service, on SQLite and PostgreSQL: the clerk who finished a ticket stores
the customer's touch once, within the policy's time; the window shows nothing private; an
不满意 needs its reason and may become a complaint linked to it; nothing else is stored."""

from __future__ import annotations

import importlib
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from app.care.complaints import complaint
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.queue import calling, setup, tickets, views
from app.queue import rules as queue_rules
from app.visit import rating_rules
from app.visit.ratings import complain_from_rating, rating_of, rating_window, record_rating
from db.models import AuditEvent, Customer, ServiceRating, StaffAccount
from tests.db.queuehelp import make_queue, serve


@pytest.fixture
def q(demo_store):
    return make_queue(demo_store)


def _served(q, customer_id: int | None = None):
    """A ticket the first counter's teller called, served and has just finished."""
    ticket = tickets.issue_ticket(q.store, q.lobby, service_id=q.service, customer_id=customer_id)
    calling.call_next(q.store, q.teller, q.desk1)
    calling.start_service(q.store, q.teller, q.desk1, ticket.id)
    q.clock.tick(minutes=4)
    return calling.finish_service(q.store, q.teller, q.desk1, ticket.id)


def _count(q) -> int:
    with q.store.read() as session:
        return session.scalar(select(func.count()).select_from(ServiceRating))


def test_the_clerk_stores_one_rating_in_their_name_and_the_counters(q):
    done = _served(q)
    window = rating_window(q.store, q.teller, done.id)
    with q.store.read() as session:
        clerk = session.get(StaffAccount, q.teller.account_id).display_name
    assert (window.ticket_number, window.counter_number, window.clerk, window.seconds) == (
        done.number, "T1", clerk, 30)
    assert window.bank_name
    q.clock.tick(seconds=12)
    row = record_rating(q.store, q.teller, done.id, score=rating_rules.VERY_SATISFIED)
    assert (row.score, row.reason, row.complaint_id) == (4, None, None)
    with q.store.read() as session:
        stored = session.execute(select(ServiceRating.clerk_id, ServiceRating.counter_id, ServiceRating.branch_id,
                                        ServiceRating.rated_at).where(ServiceRating.ticket_id == done.id)).one()
        action = session.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc()).limit(1))
    assert tuple(stored) == (
        q.teller.account_id, q.desk1.counter_id, q.lobby.branch_id, q.clock())
    assert action == "visit.rate"
    # once: neither again nor another score; the window does not open again
    with pytest.raises(ConflictError):
        record_rating(q.store, q.teller, done.id, score=rating_rules.DISSATISFIED, reason="等候时间太长")
    with pytest.raises(ConflictError):
        rating_window(q.store, q.teller, done.id)
    assert rating_of(q.store, q.teller, done.id).score == 4
    assert _count(q) == 1


def test_only_the_clerk_who_finished_within_the_time_and_only_a_finished_ticket(q):
    ticket = tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    calling.call_next(q.store, q.teller, q.desk1)
    with pytest.raises(ValidationError):           # still at the counter
        record_rating(q.store, q.teller, ticket.id, score=3)
    calling.start_service(q.store, q.teller, q.desk1, ticket.id)
    calling.finish_service(q.store, q.teller, q.desk1, ticket.id)
    with pytest.raises(PermissionDenied):          # another counter's clerk
        record_rating(q.store, q.teller2, ticket.id, score=3)
    with pytest.raises(PermissionDenied):          # the lobby manager cannot call tickets at all
        record_rating(q.store, q.lobby, ticket.id, score=3)
    q.clock.tick(seconds=30 + rating_rules.GRACE_SECONDS + 1)
    with pytest.raises(ConflictError):             # the window has long closed: nothing stored
        record_rating(q.store, q.teller, ticket.id, score=3)
    assert rating_of(q.store, q.teller, ticket.id) is None
    assert _count(q) == 0


def test_the_policy_sets_the_time_and_what_the_window_says_of_the_clerk(q):
    own = replace(views.board(q.store, q.manager).policy, rating_seconds=90, rating_clerk=queue_rules.CLERK_BY_NUMBER)
    setup.save_policy(q.store, q.manager, own)
    done = _served(q)
    window = rating_window(q.store, q.teller, done.id)
    assert (window.seconds, window.clerk) == (90, "teller")
    q.clock.tick(seconds=90 + rating_rules.GRACE_SECONDS)   # the last moment still counts
    assert record_rating(q.store, q.teller, done.id, score=2).score == 2
    setup.save_policy(q.store, q.manager, replace(own, rating_clerk=queue_rules.CLERK_HIDDEN))
    assert rating_window(q.store, q.teller, _served(q).id).clerk == ""


def test_a_dissatisfied_rating_needs_its_reason_and_becomes_a_linked_complaint(q):
    with q.store.read() as session:
        customer_id = session.scalar(select(Customer.id).where(Customer.branch_id == q.lobby.branch_id,
                                                               Customer.active.is_(True)).order_by(Customer.id))
    done = _served(q, customer_id)
    with pytest.raises(ValidationError) as refused:
        record_rating(q.store, q.teller, done.id, score=rating_rules.DISSATISFIED, reason="  ")
    assert refused.value.field == rating_rules.REASON
    with pytest.raises(ValidationError):           # a reason is asked only with 不满意
        record_rating(q.store, q.teller, done.id, score=rating_rules.SATISFIED, reason="很好")
    assert _count(q) == 0
    reason = rating_rules.reason_text(["Waited too long"], "排了很久")
    row = record_rating(q.store, q.teller, done.id, score=rating_rules.DISSATISFIED, reason=reason)
    assert (row.reason, row.customer_id) == ("等候时间太长、排了很久", customer_id)
    with pytest.raises(PermissionDenied):          # not the rated clerk
        complain_from_rating(q.store, q.teller2, row.id, channel="counter", content=reason, level=1)
    made = complain_from_rating(q.store, q.teller, row.id, channel="counter", content=reason, level=1)
    assert (made.customer_id, made.content, made.accepted_by_name) == (customer_id, reason, q.teller.display_name)
    assert rating_of(q.store, q.teller, done.id).complaint_id == made.id
    assert complaint(q.store, q.teller, made.id).state == "accepted"
    with pytest.raises(ConflictError):             # once per rating
        complain_from_rating(q.store, q.teller, row.id, channel="counter", content=reason, level=1)


def test_no_complaint_from_a_good_rating_or_an_anonymous_ticket(q):
    good = record_rating(q.store, q.teller, _served(q).id, score=rating_rules.SATISFIED)
    with pytest.raises(ValidationError):
        complain_from_rating(q.store, q.teller, good.id, channel="counter", content="x", level=1)
    bad = record_rating(q.store, q.teller, _served(q).id, score=rating_rules.DISSATISFIED, reason="服务态度")
    with pytest.raises(ValidationError) as refused:
        complain_from_rating(q.store, q.teller, bad.id, channel="counter", content="服务态度", level=1)
    assert "nobody known" in str(refused.value)
    assert rating_of(q.store, q.teller, bad.ticket_id).complaint_id is None


def test_the_tickets_unrated_are_finished_tickets_without_a_row(q):
    """What the performance report counts (visit-performance reads the table this way)."""
    rated = _served(q)
    record_rating(q.store, q.teller, rated.id, score=4)
    serve(q, q.desk1, q.teller, 0, 2)   # finished, the window left untouched
    with q.store.read() as session:
        from db.models import QueueTicket

        unrated = session.scalar(select(func.count()).select_from(QueueTicket).outerjoin(
            ServiceRating, ServiceRating.ticket_id == QueueTicket.id).where(
            QueueTicket.state == "done", QueueTicket.service_id == q.service, ServiceRating.id.is_(None)))
    assert unrated == 1


def test_the_migration_holds_the_apps_figures():
    migration = importlib.import_module("db.migrations.versions.0041_service_rating")
    from db.models import RATING_REASON_CHECK, RATING_SCORE_CHECK

    assert migration.DEFAULT_RATING_SECONDS == queue_rules.QueuePolicy().rating_seconds
    assert migration.GRACE_SECONDS == rating_rules.GRACE_SECONDS
    assert (migration.SCORE_CHECK, migration.REASON_CHECK) == (RATING_SCORE_CHECK, RATING_REASON_CHECK)


def test_the_store_refuses_a_score_out_of_range_or_a_reason_on_another_score(q):
    done = _served(q)
    from sqlalchemy.exc import IntegrityError

    for score, reason in ((5, None), (0, None), (1, None), (3, "x")):
        with pytest.raises(IntegrityError), q.store.engine.begin() as conn:
            conn.execute(ServiceRating.__table__.insert().values(
                ticket_id=done.id, branch_id=q.lobby.branch_id, counter_id=q.desk1.counter_id,
                clerk_id=q.teller.account_id, score=score, reason=reason, rated_at=q.clock()))
    assert _count(q) == 0
