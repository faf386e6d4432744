"""Queue services on SQLite and PostgreSQL: numbering, priority from the tier, the calling
order as the rules define it, recalls and no-shows, transfers, bumps, reservations, a lost
counter, one counter on one PC, the day rollover, and bad input that changes nothing."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.queue import calling, rules, setup, tickets, views
from app.queue.calling import Desk
from app.queue.rules import Candidate
from db.models import AuditEvent, QueueTicket
from tests.db.queuehelp import make_queue


@pytest.fixture
def q(demo_store):
    return make_queue(demo_store)


def issue(q, tier=None):
    customer = q.customer_of_tier(tier) if tier else None
    return tickets.issue_ticket(q.store, q.lobby, service_id=q.service, customer_id=customer)


def state_of(q, ticket_id):
    with q.store.read() as session:
        return session.get(QueueTicket, ticket_id).state


def audit_count(q):
    with q.store.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent))


def test_numbers_per_service_and_day_and_priority_from_the_tier(q):
    first, second = issue(q), issue(q, "diamond")
    other = tickets.issue_ticket(q.store, q.lobby, service_id=q.other_service)
    assert (first.number, second.number, other.number) == ("T001", "T002", "TX001")
    assert first.priority == 0 and first.tier == "ordinary"
    assert second.tier == "diamond" and second.priority == 3 and second.customer_label.endswith("*")
    assert second.ahead == 0 and issue(q, "gold").ahead == 1  # the diamond goes before the gold


def test_day_rollover_restarts_numbers_and_expires_yesterdays_open_tickets(q):
    old = issue(q)
    called = issue(q)
    calling.call_next(q.store, q.teller, q.desk1)  # called, never finished
    q.clock.tick(days=1)
    calling.sign_in_counter(q.store, q.teller, q.desk1.counter_id, "PC-A")
    fresh = issue(q)
    assert fresh.number == "T001" and fresh.business_date == old.business_date + timedelta(days=1)
    assert state_of(q, old.id) == rules.EXPIRED and state_of(q, called.id) == rules.EXPIRED


def test_calls_follow_the_rules_order_with_aging(q):
    made = []
    for tier, minutes in [("ordinary", 0), ("gold", 1), ("ordinary", 0), ("diamond", 27), ("platinum", 1)]:
        q.clock.tick(minutes=minutes)
        made.append(issue(q, tier))
    q.clock.tick(minutes=1)  # the first ordinary has waited 30 minutes and 0 seconds: overdue now
    expected, remaining = [], [Candidate(t.id, t.priority, t.queued_at, t.deadline_at) for t in made]
    preferred = rules.preference(rules.QueuePolicy(), ["ordinary", "gold", "platinum", "diamond", "private"], 0)
    while remaining:
        nxt = rules.choose_next(remaining, q.clock.now, preferred)
        expected.append(nxt.id)
        remaining.remove(nxt)
    got = []
    for _ in made:
        row = calling.call_next(q.store, q.teller, q.desk1)
        got.append(row.id)
        calling.start_service(q.store, q.teller, q.desk1, row.id)
        calling.finish_service(q.store, q.teller, q.desk1, row.id)
    assert got == expected
    assert got[:3] == [made[1].id, made[0].id, made[3].id]  # overdue gold, overdue ordinary, then the VIPs
    assert calling.call_next(q.store, q.teller, q.desk1) is None


def test_recall_gap_no_show_after_recalls_and_reactivate(q):
    ticket = issue(q)
    calling.call_next(q.store, q.teller, q.desk1)
    before = audit_count(q)
    with pytest.raises(ValidationError, match="recall again in 30 seconds"):
        calling.recall(q.store, q.teller, q.desk1, ticket.id)
    with pytest.raises(ValidationError, match="before marking a no-show"):
        calling.mark_no_show(q.store, q.teller, q.desk1, ticket.id)
    assert audit_count(q) == before
    for _ in range(2):
        q.clock.tick(seconds=30)
        calling.recall(q.store, q.teller, q.desk1, ticket.id)
    q.clock.tick(seconds=30)
    with pytest.raises(ValidationError, match="no-show"):
        calling.recall(q.store, q.teller, q.desk1, ticket.id)
    assert calling.mark_no_show(q.store, q.teller, q.desk1, ticket.id).state == rules.NO_SHOW
    back = tickets.reactivate(q.store, q.lobby, ticket.id)
    assert back.state == rules.WAITING and back.queued_at == ticket.queued_at and back.recalls == 0


def test_finishing_a_ticket_another_counter_holds_is_refused(q):
    ticket = issue(q)
    calling.call_next(q.store, q.teller, q.desk1)
    calling.start_service(q.store, q.teller, q.desk1, ticket.id)
    with pytest.raises(ConflictError, match="not at counter T2"):
        calling.finish_service(q.store, q.teller2, q.desk2, ticket.id)
    assert state_of(q, ticket.id) == rules.SERVING


def test_a_counter_without_service_and_a_closed_counter(q):
    bare = setup.add_counter(q.store, q.manager, number="T9", name="空窗口", service_ids=[])
    calling.sign_in_counter(q.store, q.teller, bare, "PC-C")
    with pytest.raises(ValidationError) as caught:
        calling.call_next(q.store, q.teller, Desk(bare, "PC-C"))
    assert caught.value.field == "Counter" and "no service assigned" in str(caught.value)
    ticket = issue(q)
    setup.set_counter(q.store, q.manager, q.desk2.counter_id, open=False)
    with pytest.raises(ValidationError, match="closed"):
        tickets.transfer(q.store, q.lobby, ticket.id, counter_id=q.desk2.counter_id)
    assert state_of(q, ticket.id) == rules.WAITING


def test_transfer_to_a_named_counter_to_the_front_and_to_a_service_by_arrival(q):
    early, late = issue(q), issue(q)
    q.clock.tick(minutes=1)
    calling.call_next(q.store, q.teller, q.desk1)
    calling.start_service(q.store, q.teller, q.desk1, early.id)
    moved = tickets.transfer(q.store, q.teller, early.id, counter_id=q.desk2.counter_id, front=True, desk=q.desk1)
    assert moved.number == early.number and moved.target_counter == "T2" and moved.front
    assert state_of(q, early.id) == rules.TRANSFERRED
    third = issue(q, "diamond")
    assert calling.call_next(q.store, q.teller2, q.desk2).id == moved.id  # front of counter T2
    calling.start_service(q.store, q.teller2, q.desk2, moved.id)
    again = tickets.transfer(q.store, q.teller2, moved.id, service_id=q.other_service, desk=q.desk2)
    assert again.queued_at == early.queued_at and not again.front and again.service_prefix == "TX"
    assert calling.call_next(q.store, q.teller, q.desk1).id == third.id
    with pytest.raises(NotFound):
        views.ticket_from_payload(q.store, q.lobby, _signed_slip_of_no_ticket(q))
    assert views.ticket_from_payload(q.store, q.lobby, views.slip_payload(q.store, q.lobby, early.id, early.number)).id == again.id
    assert late.id != again.id


def test_bump_needs_a_reason_and_is_audited(q):
    ticket = issue(q)
    before = audit_count(q)
    with pytest.raises(ValidationError) as caught:
        tickets.change_priority(q.store, q.lobby, ticket.id, priority=3, reason="  ")
    assert caught.value.field == "Reason"
    with pytest.raises(ValidationError) as caught:
        tickets.change_priority(q.store, q.lobby, ticket.id, priority=9, reason="行动不便")
    assert caught.value.field == "Priority"
    assert audit_count(q) == before
    with pytest.raises(PermissionDenied):
        tickets.change_priority(q.store, q.teller, ticket.id, priority=3, reason="行动不便")
    raised = tickets.change_priority(q.store, q.lobby, ticket.id, priority=3, reason="行动不便的老人")
    assert raised.priority == 3 and raised.note == "行动不便的老人"
    with q.store.read() as session:
        action, after = session.execute(select(AuditEvent.action, AuditEvent.after)
                                        .order_by(AuditEvent.id.desc()).limit(1)).one()
    assert action == "queue.priority" and "行动不便的老人" in after


def test_reserved_ticket_is_the_counters_next_call(q):
    first, reserved = issue(q, "diamond"), issue(q)
    tickets.reserve_for_counter(q.store, q.lobby, q.desk2.counter_id, reserved.id)
    assert calling.call_next(q.store, q.teller, q.desk1).id == first.id  # not the reserved one
    assert calling.call_next(q.store, q.teller2, q.desk2).id == reserved.id


def test_a_lost_counter_is_flagged_and_its_ticket_requeued_at_its_place(q):
    ticket = issue(q)
    calling.call_next(q.store, q.teller, q.desk1)
    with pytest.raises(ConflictError, match="still connected"):
        tickets.requeue(q.store, q.lobby, ticket.id)
    q.clock.tick(seconds=91)
    flagged = [t for t in views.board(q.store, q.lobby).tickets if t.id == ticket.id][0]
    assert flagged.lost
    back = tickets.requeue(q.store, q.lobby, ticket.id)
    assert back.state == rules.WAITING and back.queued_at == ticket.queued_at
    assert calling.call_next(q.store, q.teller2, q.desk2).id == ticket.id


def test_one_counter_one_pc(q):
    with pytest.raises(ConflictError, match="in use by"):
        calling.sign_in_counter(q.store, q.teller2, q.desk1.counter_id, "PC-Z")
    with pytest.raises(ConflictError, match="not signed in"):
        calling.call_next(q.store, q.teller, Desk(q.desk1.counter_id, "PC-Z"))
    q.clock.tick(seconds=120)  # PC-A went silent: the counter may be taken over
    calling.sign_in_counter(q.store, q.teller2, q.desk1.counter_id, "PC-Z")
    with pytest.raises(ConflictError, match="not signed in"):
        calling.call_next(q.store, q.teller, q.desk1)


def test_out_of_order_call_needs_a_reason(q):
    issue(q, "diamond")
    ordinary = issue(q)
    with pytest.raises(ValidationError) as caught:
        calling.call_ticket(q.store, q.teller, q.desk1, ordinary.id, reason="")
    assert caught.value.field == "Reason"
    row = calling.call_ticket(q.store, q.teller, q.desk1, ordinary.id, reason="预约客户")
    assert row.state == rules.CALLED and row.note == "预约客户"


def test_cancel_and_display(q):
    a, b = issue(q), issue(q)
    tickets.cancel_ticket(q.store, q.lobby, a.id)
    calling.call_next(q.store, q.teller, q.desk1)
    shown = views.display(q.store, q.lobby)
    assert [c.number for c in shown.current if c.counter == "T1"] == [b.number]
    assert ("T", "测试业务", 0) in shown.waiting


@pytest.mark.parametrize("mode", ["strict", "interleaved"])
def test_a_random_day_is_called_exactly_as_the_rules_say(q, mode):
    """The claim statement's SQL order and the pure rule agree, call after call, in both modes
    (with overdue tickets, ties in arrival and the interleaving cycle advancing)."""
    import random

    from app.queue.common import tier_codes as codes_of
    from db.models import QueueTicket as T

    policy = rules.make_policy(mode=mode, weights={"diamond": 2, "platinum": 2, "gold": 1, "ordinary": 1},
                               max_wait_minutes={"diamond": 5, "platinum": 8, "gold": 12, "ordinary": 15})
    setup.save_policy(q.store, q.manager, policy)
    rng = random.Random(7 if mode == "strict" else 11)
    made = []
    for _ in range(14):
        q.clock.tick(seconds=rng.choice([0, 0, 30, 90]))  # several tickets in the same second
        made.append(issue(q, rng.choice([None, "gold", "platinum", "diamond"])))
    q.clock.tick(minutes=10)
    with q.store.read() as session:
        codes = codes_of(session, made[0].business_date)
    remaining = [Candidate(t.id, t.priority, t.queued_at, t.deadline_at) for t in made]
    while remaining:
        with q.store.read() as session:
            calls_made = session.scalar(select(func.count()).select_from(T).where(
                T.branch_id == q.lobby.branch_id, T.business_date == made[0].business_date,
                T.first_called_at.is_not(None)))
        expected = rules.choose_next(remaining, q.clock.now, rules.preference(policy, codes, calls_made))
        got = calling.call_next(q.store, q.teller, q.desk1)
        assert got.id == expected.id
        remaining.remove(expected)
        calling.start_service(q.store, q.teller, q.desk1, got.id)
        calling.finish_service(q.store, q.teller, q.desk1, got.id)
        q.clock.tick(seconds=rng.choice([20, 60, 120]))


def _signed_slip_of_no_ticket(q) -> str:
    """A well-signed slip code for a ticket the store does not hold. On PostgreSQL the store
    signs only its own tickets' slips (migration 0029), so the code is made with the key."""
    from sqlalchemy import text

    from app.documents import qr
    from app.errors import PermissionDenied

    if q.store.kind != "postgresql":
        return qr.sign(qr.signing_key(q.store, q.lobby), "T", "999999-T001")
    with pytest.raises(PermissionDenied):
        views.slip_payload(q.store, q.lobby, 999999, "T001")
    with q.store.engine.connect() as conn:
        key = bytes(conn.execute(text("SELECT key FROM vipdesk_private.document_signing_key")).scalar_one())
    return qr.sign(key, "T", "999999-T001")
