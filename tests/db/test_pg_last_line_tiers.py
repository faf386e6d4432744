"""AUM figures, tiers and tier exceptions on PostgreSQL, tried with raw SQL as the demo logins
(migration 0026): figures and tiers change only for the roles that import and evaluate, and only
in a transaction that writes its own audit event; exceptions are decided by a second person."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.tiers.exceptions import TRANSITIONS as EXCEPTION_TRANSITIONS
from db.models import StateTransition
from tests.db.lastline import Refused, one
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

EVENT = ("SELECT vipdesk_audit('[{\"action\": \"aum.correct\", \"entity\": \"aum_month\", "
         "\"entity_id\": \"by hand\"}]'::jsonb)")


def refused(conn, *statements) -> None:
    """Each statement (with its parameters), in one transaction, is refused by the store: at
    the statement or at the commit."""
    with pytest.raises(Refused), conn.transaction():
        for statement, params in statements:
            conn.execute(statement, params)


@pytest.mark.pg
def test_tiers_and_figures_do_not_change_from_a_sql_tool_without_the_role(demo):  # noqa: F811
    customer = one(demo, "SELECT c.id FROM customer c JOIN branch b ON b.id = c.branch_id"
                         " WHERE b.code = 'BJ010101' ORDER BY c.id LIMIT 1")[0]
    tier = one(demo, "SELECT tier FROM customer_tier WHERE id = %s", (customer,))[0]
    figures = demo.owner.execute("SELECT month, avg_daily_aum FROM aum_month WHERE customer_id = %s ORDER BY 1",
                                 (customer,)).fetchall()
    for login in ("teller", "advisor", "manager", "lobby", "custodian"):
        with connect_as(demo, login) as conn:
            refused(conn, ("UPDATE aum_month SET avg_daily_aum = avg_daily_aum * 100 WHERE customer_id = %s",
                           (customer,)))
            refused(conn, ("INSERT INTO aum_month (customer_id, month, avg_daily_aum) VALUES (%s, 209912, 1)",
                           (customer,)))
            if login != "manager":  # a branch manager may evaluate: see below
                refused(conn, ("UPDATE customer_tier SET tier = 'diamond' WHERE id = %s", (customer,)))
            refused(conn, ("UPDATE tier_change SET to_tier = 'diamond' WHERE customer_id = %s", (customer,)))
            refused(conn, ("DELETE FROM tier_change WHERE customer_id = %s", (customer,)))
    with connect_as(demo, "manager") as conn:
        # the role to evaluate, but no event of its own: refused at the commit
        refused(conn, ("UPDATE customer_tier SET tier = 'diamond' WHERE id = %s", (customer,)))
    with connect_as(demo, "admin") as conn:
        refused(conn, ("UPDATE aum_month SET avg_daily_aum = avg_daily_aum * 100 WHERE customer_id = %s",
                       (customer,)))
        refused(conn, ("DELETE FROM aum_month WHERE customer_id = %s", (customer,)))
        refused(conn, ("UPDATE aum_import SET rows_read = 0", ()))
    assert one(demo, "SELECT tier FROM customer_tier WHERE id = %s", (customer,))[0] == tier
    assert demo.owner.execute("SELECT month, avg_daily_aum FROM aum_month WHERE customer_id = %s ORDER BY 1",
                              (customer,)).fetchall() == figures


@pytest.mark.pg
def test_an_importer_correcting_a_figure_with_sql_leaves_their_event(demo):  # noqa: F811
    customer, month, value = one(demo, "SELECT customer_id, month, avg_daily_aum FROM aum_month ORDER BY 1, 2 LIMIT 1")
    with connect_as(demo, "admin") as conn:
        with conn.transaction():
            conn.execute("UPDATE aum_month SET avg_daily_aum = avg_daily_aum + 1 WHERE customer_id = %s"
                         " AND month = %s", (customer, month))
            conn.execute(EVENT)
    actor, action = one(demo, "SELECT actor_name, action FROM audit_event ORDER BY id DESC LIMIT 1")
    assert (actor, action) == ("admin", "aum.correct")
    assert one(demo, "SELECT avg_daily_aum FROM aum_month WHERE customer_id = %s AND month = %s",
               (customer, month))[0] == value + 1
    demo.owner.execute("UPDATE aum_month SET avg_daily_aum = %s WHERE customer_id = %s AND month = %s",
                       (value, customer, month))


@pytest.mark.pg
def test_a_tier_exception_is_decided_by_a_second_person_in_their_own_name(demo):  # noqa: F811
    customer = one(demo, "SELECT c.id FROM customer c JOIN branch b ON b.id = c.branch_id WHERE b.code = 'BJ010101'"
                         " AND NOT EXISTS (SELECT 1 FROM tier_exception e WHERE e.customer_id = c.id) ORDER BY c.id LIMIT 1")[0]
    advisor, manager = demo.accounts["advisor"], demo.accounts["manager"]
    propose = ("INSERT INTO tier_exception (customer_id, tier, reason, valid_until, status, proposed_by, proposed_at,"
               " decision_comment, version) VALUES (%s, 'diamond', '重要客户', current_date + 90, %s, %s, now(), '', 1)"
               " RETURNING id")
    with connect_as(demo, "teller") as conn:  # no permission to propose
        refused(conn, (propose, (customer, "proposed", demo.accounts["teller"])))
    with connect_as(demo, "advisor") as conn:
        refused(conn, (propose, (customer, "approved", advisor)))          # proposed already approved
        refused(conn, (propose, (customer, "proposed", manager)))          # in someone else's name
        with conn.transaction():
            grant = conn.execute(propose, (customer, "proposed", advisor)).fetchone()[0]
        refused(conn, ("UPDATE tier_exception SET status = 'approved', decided_by = %s, decided_at = now()"
                       " WHERE id = %s", (manager, grant)))               # not an approver
    with connect_as(demo, "manager") as conn:
        refused(conn, ("UPDATE tier_exception SET status = 'approved', decided_by = %s, decided_at = now()"
                       " WHERE id = %s", (advisor, grant)))               # in the proposer's name
        refused(conn, ("UPDATE tier_exception SET tier = 'private_banking', status = 'approved', decided_by = %s,"
                       " decided_at = now() WHERE id = %s", (manager, grant)))  # and another tier
        refused(conn, ("DELETE FROM tier_exception WHERE id = %s", (grant,)))
        conn.execute("UPDATE tier_exception SET status = 'approved', decided_by = %s, decided_at = now(),"
                     " decision_comment = '同意', version = version + 1 WHERE id = %s", (manager, grant))
        refused(conn, ("UPDATE tier_exception SET status = 'proposed', decided_by = NULL, decided_at = NULL"
                       " WHERE id = %s", (grant,)))                       # never undecided again
    actor, action, after = one(demo, "SELECT actor_name, action, after FROM audit_event ORDER BY id DESC LIMIT 1")
    assert (actor, action, json.loads(after)["status"]) == ("manager", "sql.update", "approved")
    demo.owner.execute("DELETE FROM tier_exception WHERE id = %s", (grant,))


@pytest.mark.parametrize("engine_kind", ["sqlite", "postgresql"])
def test_the_stores_exception_steps_are_the_apps(request, engine_kind):
    store = request.getfixturevalue("sqlite_store" if engine_kind == "sqlite" else "pg_store")
    with store.read() as session:
        stored = {tuple(row) for row in session.execute(
            select(StateTransition.from_state, StateTransition.to_state, StateTransition.permission)
            .where(StateTransition.entity == "tier_exception")).all()}
    assert stored == {(start, end, permission.value) for (start, end), permission in EXCEPTION_TRANSITIONS.items()}
