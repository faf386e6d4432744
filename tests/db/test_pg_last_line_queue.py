"""The queue on PostgreSQL, tried with raw SQL as the demo logins (migration 0025): a teller
cannot move a ticket up, jump its state, call it to someone else's counter or rewrite the day's
numbers; the lobby manager's re-prioritising goes through and is audited in their name; the
queue services run end to end as the logins."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.queue import calling, rules, tickets
from app.queue.calling import Desk
from db.models import StateTransition
from tests.db.lastline import Refused, one, refused, signed_in
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

@pytest.mark.pg
def test_a_teller_cannot_move_a_ticket_up_or_jump_its_state(demo):  # noqa: F811
    waiting = one(demo, "SELECT id, priority, number FROM queue_ticket WHERE state = 'waiting' ORDER BY id LIMIT 1")
    at_teller = one(demo, "SELECT t.id FROM queue_ticket t JOIN queue_counter c ON c.id = t.counter_id"
                          " WHERE t.state IN ('called', 'serving') AND c.account_id = %s LIMIT 1",
                    (demo.accounts["teller"],))
    others = one(demo, "SELECT id FROM queue_counter WHERE account_id = %s", (demo.accounts["teller2"],))[0]
    # teller2's PC heard from just now: a counter silent for the policy's lost_after_seconds (90 s)
    # may be taken over, and the demo's heartbeats are as old as the demo (a snapshot of the run's)
    demo.owner.execute("UPDATE queue_counter SET seen_at = vipdesk_clock(NULL) WHERE id = %s", (others,))
    with connect_as(demo, "teller") as conn:
        refused(conn, "UPDATE queue_ticket SET priority = 9, front = true WHERE id = %s", (waiting[0],))
        refused(conn, "UPDATE queue_ticket SET priority = priority + 1 WHERE id = %s", (waiting[0],))
        refused(conn, "UPDATE queue_ticket SET front = true WHERE id = %s", (waiting[0],))
        refused(conn, "UPDATE queue_ticket SET state = 'done', finished_at = now() WHERE id = %s", (waiting[0],))
        refused(conn, "UPDATE queue_ticket SET state = 'called', counter_id = %s, clerk_id = %s, called_at = now()"
                      " WHERE id = %s", (others, demo.accounts["teller"], waiting[0]))
        refused(conn, "UPDATE queue_ticket SET number = 'V999' WHERE id = %s", (waiting[0],))
        refused(conn, "UPDATE queue_ticket SET tier = 'diamond' WHERE id = %s", (waiting[0],))
        refused(conn, "DELETE FROM queue_ticket WHERE id = %s", (waiting[0],))
        refused(conn, "INSERT INTO queue_ticket (branch_id, service_id, business_date, seq, number, tier, priority,"
                      " state, issued_at, issued_by_name, queued_at, front, recalls, clerk_name, note, customer_label)"
                      " SELECT branch_id, service_id, business_date, 999, 'V999', 'diamond', 9, 'waiting', now(),"
                      " 'teller', now(), true, 0, '', '', '' FROM queue_ticket WHERE id = %s", (waiting[0],))
        refused(conn, "UPDATE queue_counter SET account_id = %s WHERE id = %s", (demo.accounts["teller"], others))
        refused(conn, "UPDATE queue_counter SET open = false")
        refused(conn, "UPDATE queue_number SET last = 1")
        refused(conn, "INSERT INTO queue_policy (branch_id, value, version) VALUES (%s, '{}', 1)",
                (demo.branches["BJ0101"],))
        refused(conn, "UPDATE queue_service SET prefix = 'Z'")
    assert at_teller, "the demo has a ticket at the teller's counter"
    with connect_as(demo, "teller2") as conn:  # another counter's ticket
        refused(conn, "UPDATE queue_ticket SET state = CASE state WHEN 'called' THEN 'serving' ELSE 'done' END,"
                      " started_at = now() WHERE id = %s", (at_teller[0],))
    assert one(demo, "SELECT priority, number FROM queue_ticket WHERE id = %s", waiting[:1]) == waiting[1:]
    # the lobby manager's step, made with SQL: goes through, audited in their name
    with connect_as(demo, "lobby") as conn:
        conn.execute("UPDATE queue_ticket SET priority = priority + 1 WHERE id = %s", (waiting[0],))
    actor, action, after = one(demo, "SELECT actor_name, action, after FROM audit_event ORDER BY id DESC LIMIT 1")
    assert (actor, action, json.loads(after)) == ("lobby", "sql.update", {"priority": waiting[1] + 1})
    demo.owner.execute("UPDATE queue_ticket SET priority = %s WHERE id = %s", (waiting[1], waiting[0]))


@pytest.mark.pg
@pytest.mark.parametrize("column, value", [
    ("number", "'V999'"),
    ("customer_id", "CASE WHEN customer_id IS NULL THEN (SELECT min(id) FROM customer) END"),  # NULL <-> a value
    ("customer_label", "customer_label || '*'"),
    ("issued_at", "issued_at - interval '1 second'"),
    ("business_date", "business_date - 1"),
])
def test_a_column_a_ticket_keeps_is_named_when_changed(demo, column, value):  # noqa: F811
    """Migration 0047 compares rows whole before it looks for the column: any change to what a
    ticket keeps is still refused, naming that column, also together with a change that is
    allowed, and also when one side is NULL."""
    ticket = one(demo, "SELECT id FROM queue_ticket WHERE state = 'waiting' ORDER BY id LIMIT 1")[0]
    before = one(demo, "SELECT to_jsonb(t) FROM queue_ticket t WHERE id = %s", (ticket,))[0]
    with connect_as(demo, "lobby") as conn:
        with pytest.raises(Refused, match=rf"queue_ticket\.{column} may not be changed"), conn.transaction():
            conn.execute(f"UPDATE queue_ticket SET note = 'moved', {column} = {value} WHERE id = %s", (ticket,))
        conn.execute("UPDATE queue_ticket SET note = note WHERE id = %s", (ticket,))  # nothing changed: let through
    assert one(demo, "SELECT to_jsonb(t) FROM queue_ticket t WHERE id = %s", (ticket,))[0] == before


@pytest.mark.pg
def test_the_guard_s_transition_helper_is_out_of_a_login_s_reach(demo):  # noqa: F811
    """Migration 0047's helper answers for whoever calls it; only the owner's functions may."""
    with connect_as(demo, "lobby") as conn:
        with pytest.raises(Refused), conn.transaction():
            conn.execute("SELECT vipdesk_private.transition_allowed('queue_ticket', 'waiting', 'called')")


@pytest.mark.pg
def test_the_queue_services_work_as_the_logins(demo):  # noqa: F811
    service, counter = one(demo, "SELECT s.id, c.id FROM queue_counter c JOIN queue_service s"
                                 " ON s.branch_id = c.branch_id AND (',' || c.service_ids || ',') LIKE"
                                 " '%%,' || s.id || ',%%' WHERE c.account_id IS NULL AND c.open ORDER BY c.id LIMIT 1")
    with signed_in(demo, "lobby", "teller") as ((l_store, lobby), (t_store, teller)):
        issued = tickets.issue_ticket(l_store, lobby, service_id=service)
        tickets.change_priority(l_store, lobby, issued.id, priority=issued.priority + 1, reason="老人优先")
        calling.sign_in_counter(t_store, teller, counter, "PROBE-PC")
        desk = Desk(counter, "PROBE-PC")
        called = calling.call_ticket(t_store, teller, desk, issued.id, reason="预约")
        calling.start_service(t_store, teller, desk, called.id)
        calling.finish_service(t_store, teller, desk, called.id)
        second = tickets.issue_ticket(l_store, lobby, service_id=service)
        moved = tickets.transfer(l_store, lobby, second.id, counter_id=counter, front=True)
        tickets.cancel_ticket(l_store, lobby, moved.id)
        calling.sign_out_counter(t_store, teller, desk)
    assert one(demo, "SELECT state FROM queue_ticket WHERE id = %s", (issued.id,))[0] == "done"
    assert one(demo, "SELECT state FROM queue_ticket WHERE id = %s", (second.id,))[0] == "transferred"


@pytest.mark.pg
def test_the_counter_command_is_no_key_to_what_the_login_may_not_do(demo):  # noqa: F811
    """Migration 0033's command runs as the caller: with psql a teller cannot use it on another
    counter, to jump a ticket's state, or to act at another time or in another person's name; a
    login without ``call_tickets`` cannot use it at all (migration 0049: the row guard leaves
    the command's writes to the command)."""
    service, counter = one(demo, "SELECT s.id, c.id FROM queue_counter c JOIN queue_service s"
                                 " ON s.branch_id = c.branch_id AND (',' || c.service_ids || ',') LIKE"
                                 " '%%,' || s.id || ',%%' WHERE c.account_id IS NULL AND c.open ORDER BY c.id LIMIT 1")
    command = ("SELECT vipdesk_queue_command(%s, %s, %s, %s, %s, %s, %s, %s, 30, 2, %s, %s,"
               " '2000-01-01', %s, 'someone', '')")
    with signed_in(demo, "lobby", "teller") as ((l_store, lobby), (t_store, teller)):
        calling.sign_in_counter(t_store, teller, counter, "PROBE-PC")
        desk = Desk(counter, "PROBE-PC")
        while (waiting := calling.call_next(t_store, teller, desk)) is not None:  # (makes the plan)
            calling.finish_service(t_store, teller, desk, calling.start_service(t_store, teller, desk, waiting.id).id)
        plan = t_store.plans[("desk_commands", counter)]
        ticket = tickets.issue_ticket(l_store, lobby, service_id=service)
        args = [counter, "PROBE-PC", ticket.id, plan.key, list(plan.preferences), plan.tiers, plan.policy.time_zone]
        with connect_as(demo, "teller2") as conn:  # another clerk: not signed in there
            answer = conn.execute(command, ["call", *args, "waiting", "called", demo.accounts["teller"]]).fetchone()[0]
            assert answer == {"refusal": "not_signed_in", "counter": one(
                demo, "SELECT number FROM queue_counter WHERE id = %s", (counter,))[0]}
        with connect_as(demo, "custodian") as conn:  # no call_tickets: refused before anything is read
            refused(conn, command, ["call", *args, "waiting", "called", demo.accounts["teller"]])
        assert one(demo, "SELECT state FROM queue_ticket WHERE id = %s", (ticket.id,))[0] == "waiting"
        with connect_as(demo, "teller") as conn:  # a time zone two days ahead does not expire today's tickets
            ahead = conn.execute("SELECT (now() AT TIME ZONE 'UTC' AT TIME ZONE 'UTC' AT TIME ZONE 'XYZ-48')::date"
                                 ).fetchone()[0]
            forged = [*args[:3], plan.key.rsplit(":", 1)[0] + f":{ahead.isoformat()}", *args[4:6], "XYZ-48"]
            answer = conn.execute(command, ["call", *forged, "waiting", "called", demo.accounts["teller"]]).fetchone()[0]
            conn.commit()
            assert answer["ticket"] is None, answer
        assert one(demo, "SELECT state FROM queue_ticket WHERE id = %s", (ticket.id,))[0] == "waiting"
        with connect_as(demo, "teller") as conn:
            answer = conn.execute(command, ["call", *args, "waiting", "called", demo.accounts["teller2"]]).fetchone()[0]
            assert answer["ticket"]["id"] == ticket.id, answer
            refused(conn, command, ["start", *args, "called", "done", demo.accounts["teller"]])
        called_at, state = one(demo, "SELECT called_at, state FROM queue_ticket WHERE id = %s", (ticket.id,))
        assert state == "called" and called_at.year > 2000  # the server's clock, not the one sent
        actor, action = one(demo, "SELECT actor_name, action FROM audit_event WHERE entity = 'queue_ticket'"
                                  " AND entity_id = %s ORDER BY id DESC LIMIT 1", (str(ticket.id),))
        assert (actor, action) == ("teller", "queue.call")
        calling.start_service(t_store, teller, desk, ticket.id)
        calling.finish_service(t_store, teller, desk, ticket.id)
        calling.sign_out_counter(t_store, teller, desk)


@pytest.mark.parametrize("engine_kind", ["sqlite", "postgresql"])
def test_the_stores_ticket_steps_are_the_apps(request, engine_kind):
    store = request.getfixturevalue("sqlite_store" if engine_kind == "sqlite" else "pg_store")
    starts = {**rules.ACTIONS, "expire": rules.OPEN_STATES}
    expected = {(start, rules.ACTION_RESULTS[action], p.value) for action, froms in starts.items()
                for start in froms if start != rules.ACTION_RESULTS[action]
                for p in rules.ACTION_PERMISSIONS[action]}
    expected |= {("", rules.WAITING, p.value) for p in rules.ACTION_PERMISSIONS["issue"]}
    with store.read() as session:
        stored = {tuple(row) for row in session.execute(
            select(StateTransition.from_state, StateTransition.to_state, StateTransition.permission)
            .where(StateTransition.entity == "queue_ticket")).all()}
    assert stored == expected

