"""A counter's commands: one statement each on PostgreSQL (migration 0033), the same rules and
the same words as on SQLite; the plan of calls made again when a policy is saved or the day
turns; a refused command changes nothing."""

from __future__ import annotations

import functools
import json
from datetime import datetime, timedelta, timezone

import psycopg
import pytest
from sqlalchemy import event, func, select, update

from app.errors import UserError
from app.queue import announce, calling, desk_commands, rules, setup
from app.queue.calling import Desk
from app.queue.common import tier_codes
from db.models import AuditEvent, QueueCounter, QueueTicket, StaffAccount
from tests.db.queuehelp import make_queue
from tests.db.test_queue_services import issue, q  # noqa: F401 - the queue and its fixture


class Statements:
    """Counts the statements the program sends (the pool's liveness check aside): through the
    ORM's engine, and straight to the driver (psycopg's ``Connection.execute``, as the store's
    one-statement commands go)."""

    def __init__(self, engine, monkeypatch):
        self.sent: list[str] = []
        event.listen(engine, "before_cursor_execute", self._record)
        self.engine = engine
        driver_execute = psycopg.Connection.execute

        def execute(conn, query, *args, **kwargs):
            self.sent.append(str(query))
            return driver_execute(conn, query, *args, **kwargs)

        monkeypatch.setattr(psycopg.Connection, "execute", execute)

    def _record(self, _conn, _cursor, statement, *_args):
        self.sent.append(statement)

    def during(self, action):
        self.sent.clear()
        result = action()
        return result, list(self.sent)

    def close(self):
        event.remove(self.engine, "before_cursor_execute", self._record)


def _refusal(action) -> str:
    with pytest.raises(UserError) as refused:
        action()
    return refused.value.template.format(**refused.value.params)


def _state(q):  # noqa: F811
    """What a refused command must leave as it was: the tickets, the counters, the audit trail."""
    with q.store.read() as session:
        return (session.execute(select(QueueTicket.id, QueueTicket.state, QueueTicket.recalls,
                                       QueueTicket.called_at).order_by(QueueTicket.id)).all(),
                session.execute(select(QueueCounter.id, QueueCounter.seen_at, QueueCounter.reserved_ticket_id)
                                .order_by(QueueCounter.id)).all(),
                session.scalar(select(func.count()).select_from(AuditEvent)))


@pytest.mark.pg
def test_each_command_at_the_counter_is_one_statement_and_its_announcement_follows(pg_demo_store, monkeypatch):
    pq = make_queue(pg_demo_store)
    first, second = issue(pq), issue(pq, "diamond")
    calling.call_next(pq.store, pq.teller, pq.desk1)  # the first call makes the branch's plan
    calling.finish_service(pq.store, pq.teller, pq.desk1,
                           calling.start_service(pq.store, pq.teller, pq.desk1, second.id).id)
    announcer = pq.store.plans[announce.KEY] = announce.Announcer(pq.store, window=60)  # sent at flush()
    counting = Statements(pq.store.engine, monkeypatch)
    try:
        called, sent = counting.during(lambda: calling.call_next(pq.store, pq.teller, pq.desk1))
        assert called.id == first.id and called.state == rules.CALLED and called.counter == "T1"
        assert len(sent) == 1 and "vipdesk_queue_command" in sent[0], sent
        pq.clock.tick(seconds=40)
        for act, state in ((calling.recall, rules.CALLED), (calling.start_service, rules.SERVING),
                           (calling.finish_service, rules.DONE)):
            row, sent = counting.during(functools.partial(act, pq.store, pq.teller, pq.desk1, first.id))
            assert row.state == state and len(sent) == 1, (act, sent)
        # the live views told afterwards (a transaction of its own, after the commits), once
        _none, sent = counting.during(announcer.flush)
        assert len(sent) == 1 and "pg_notify" in sent[0], sent
        nobody, sent = counting.during(lambda: calling.call_next(pq.store, pq.teller, pq.desk1))
        assert nobody is None and len(sent) == 1
        _none, sent = counting.during(announcer.flush)
        assert sent == []  # nothing changed, nobody told
    finally:
        counting.close()
    with pq.store.read() as session:  # audited as on SQLite, in the teller's name
        events = session.execute(select(AuditEvent.action, AuditEvent.actor_name, AuditEvent.after)
                                 .where(AuditEvent.entity_id == str(first.id)).order_by(AuditEvent.id)).all()
    assert [e.action for e in events][-4:] == ["queue.call", "queue.recall", "queue.start", "queue.finish"]
    assert {e.actor_name for e in events[-4:]} == {"teller"}
    assert json.loads(events[-4].after)["counter"] == "T1"


@pytest.mark.pg
def test_the_store_calls_the_front_the_overdue_and_the_unplanned_in_the_rules_order(pg_demo_store):
    """The one-statement call keeps the calling order's every rank: the front first, then the
    overdue, then the plan's priorities, and last a priority the plan does not name."""
    pq = make_queue(pg_demo_store)
    ordinary, gold, diamond, odd, front, late = (issue(pq, tier) for tier in
                                                 (None, "gold", "diamond", "gold", "gold", None))
    owner_sets = [  # made as the lobby could never make them: straight in the store
        (odd.id, {QueueTicket.priority: 99}),
        (front.id, {QueueTicket.front: True}),
        (late.id, {QueueTicket.deadline_at: pq.clock.now - timedelta(minutes=1)}),
    ]
    with pq.store.engine.begin() as conn:
        for ticket_id, values in owner_sets:
            conn.execute(update(QueueTicket).where(QueueTicket.id == ticket_id).values(values))
    called = []
    while (row := calling.call_next(pq.store, pq.teller, pq.desk1)) is not None:
        called.append(row.id)
        calling.finish_service(pq.store, pq.teller, pq.desk1, calling.start_service(pq.store, pq.teller, pq.desk1, row.id).id)
    assert called == [front.id, late.id, diamond.id, gold.id, ordinary.id, odd.id]


@pytest.mark.pg
def test_a_saved_policy_or_a_new_day_makes_the_plan_again(pg_demo_store):
    pq = make_queue(pg_demo_store)
    gold, diamond = issue(pq, "gold"), issue(pq, "diamond")
    assert calling.call_next(pq.store, pq.teller, pq.desk1).id == diamond.id  # strict: highest first
    calling.finish_service(pq.store, pq.teller, pq.desk1, calling.start_service(pq.store, pq.teller, pq.desk1, diamond.id).id)
    # interleaved, with gold's turn now: the saved policy reaches the next call
    policy = rules.make_policy(mode="interleaved", weights={"gold": 2, "diamond": 2, "platinum": 1,
                                                            "ordinary": 1, "private": 1})
    setup.save_policy(pq.store, pq.manager, policy)
    later = issue(pq, "diamond")
    with pq.store.read() as session:
        codes = tier_codes(session, gold.business_date)
    expected = rules.choose_next(
        [rules.Candidate(t.id, t.priority, t.queued_at, t.deadline_at) for t in (gold, later)],
        pq.clock.now, rules.preference(policy, codes, 1))
    assert expected.id == gold.id, "the test needs gold's turn"
    assert calling.call_next(pq.store, pq.teller, pq.desk1).id == gold.id
    # the next day: yesterday's waiting ticket expires at the first call, the plan is the new day's
    pq.clock.tick(days=1)
    today = issue(pq)
    assert calling.call_next(pq.store, pq.teller2, pq.desk2).id == today.id
    with pq.store.read() as session:
        assert session.get(QueueTicket, later.id).state == rules.EXPIRED
        assert session.scalar(select(AuditEvent.action).where(AuditEvent.action == "queue.expire")
                              .order_by(AuditEvent.id.desc()).limit(1)) == "queue.expire"
    assert pq.store.plans[("desk_commands", pq.desk2.counter_id)].key.endswith(today.business_date.isoformat())


def test_refusals_read_the_same_and_change_nothing(q):  # noqa: F811
    """The messages are the program's on both engines: literal texts here, run on each."""
    held = issue(q)
    other = issue(q)
    calling.call_next(q.store, q.teller, q.desk1)
    before = _state(q)
    assert _refusal(lambda: calling.call_next(q.store, q.teller, q.desk1)) == (
        f"Counter T1 still holds {held.number}: finish it, transfer it or mark a no-show first.")
    assert _refusal(lambda: calling.recall(q.store, q.teller, q.desk1, held.id)) == (
        "was called moments ago: recall again in 30 seconds")
    assert _refusal(lambda: calling.mark_no_show(q.store, q.teller, q.desk1, held.id)) == (
        "recall the ticket 2 times before marking a no-show (0 so far)")
    assert _refusal(lambda: calling.finish_service(q.store, q.teller, q.desk1, held.id)) == (
        f"Ticket {held.number} cannot be finished now: it is Called.")
    assert _refusal(lambda: calling.start_service(q.store, q.teller, q.desk1, other.id)) == (
        f"Ticket {other.number} is not at counter T1; only its own counter may do this.")
    assert _refusal(lambda: calling.start_service(q.store, q.teller, q.desk1, 987654321)) == (
        "That ticket does not exist in your scope.")
    assert _refusal(lambda: calling.call_next(q.store, q.teller, Desk(q.desk1.counter_id, "PC-X"))) == (
        "You are not signed in at counter T1 on this PC any more: sign in again.")
    assert _refusal(lambda: calling.call_next(q.store, q.teller2, q.desk1)) == (
        "You are not signed in at counter T1 on this PC any more: sign in again.")
    assert _refusal(lambda: calling.call_next(q.store, q.teller, Desk(987654321, "PC-A"))) == (
        "That counter does not exist in your scope.")
    assert _state(q) == before
    for _ in range(2):
        q.clock.tick(seconds=31)
        calling.recall(q.store, q.teller, q.desk1, held.id)
    assert _refusal(lambda: calling.recall(q.store, q.teller, q.desk1, held.id)) == (
        "has been recalled 2 times already: mark the ticket a no-show")
    assert calling.mark_no_show(q.store, q.teller, q.desk1, held.id).state == rules.NO_SHOW
    setup.set_counter(q.store, q.manager, q.desk1.counter_id, open=False)
    assert _refusal(lambda: calling.call_next(q.store, q.teller, q.desk1)) == "counter T1 is closed"
    with q.store.engine.begin() as conn:  # the account locked, then disabled, mid-session
        conn.execute(update(StaffAccount).where(StaffAccount.id == q.teller.account_id)
                     .values(locked_until=q.clock.now + timedelta(minutes=15)))
    assert _refusal(lambda: calling.call_next(q.store, q.teller, q.desk1)) == (
        "Your account is locked. Your session has ended; nothing was saved.")
    with q.store.engine.begin() as conn:
        conn.execute(update(StaffAccount).where(StaffAccount.id == q.teller.account_id).values(disabled=True))
    assert _refusal(lambda: calling.call_next(q.store, q.teller, q.desk1)) == (
        "Your account has been disabled. Your session has ended; nothing was saved.")


@pytest.mark.pg
def test_a_command_as_the_tellers_login_inlines_its_small_helpers(pg_demo_store):
    """Migration 0046: the owner test, the clock and the audit digest are inlined into the
    statements that use them (PostgreSQL would otherwise plan each anew in every command's
    transaction); the command and its audit still run, in the teller's name. Migration 0049: the
    queue's row guard and watch do not run for the command's own writes (it checks them itself)."""
    pq = make_queue(pg_demo_store, start=datetime.now(timezone.utc).replace(tzinfo=None))
    ticket = issue(pq)
    plan = desk_commands.make_plan(pq.store, pq.teller.branch_id, pq.clock.now)
    owner_url = pg_demo_store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(owner_url) as conn:
        login = conn.execute("SELECT vipdesk_role_prefix()").fetchone()[0] + "teller"
        conn.execute("SET track_functions = 'all'")
        conn.execute(f'SET SESSION AUTHORIZATION "{login}"')
        answer = conn.execute(desk_commands.COMMAND, {
            "action": "call", "counter": pq.desk1.counter_id, "pc": pq.desk1.pc, "ticket": None, "plan": plan.key,
            "preferences": list(plan.preferences), "tiers": plan.tiers, "time_zone": plan.policy.time_zone,
            "recall_gap": plan.policy.recall_gap_seconds, "recalls_limit": plan.policy.recalls_before_no_show,
            "from_state": rules.WAITING, "to_state": rules.CALLED, "now": None, "actor_id": None,
            "actor_name": None, "actor_path": None}).fetchone()[0]
        calls = dict(conn.execute("SELECT funcname, calls FROM pg_stat_xact_user_functions").fetchall())
        event = conn.execute("SELECT actor_name, hash FROM audit_event WHERE action = 'queue.call'"
                             " AND entity_id = %s", (str(ticket.id),)).fetchone()
        conn.rollback()
    assert answer["ticket"]["id"] == ticket.id and answer["ticket"]["state"] == rules.CALLED
    assert calls["vipdesk_queue_command"] == 1
    assert not {"vipdesk_guard_queue_ticket", "vipdesk_guard_queue_counter", "watch_change"} & set(calls), calls
    assert calls["audit_write"] == 1 and event[0] == "teller" and len(event[1]) == 64
    assert not {"vipdesk_is_owner", "vipdesk_clock", "vipdesk_audit_digest"} & set(calls), calls
