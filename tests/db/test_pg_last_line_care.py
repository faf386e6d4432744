"""Customer records, contact records and complaints on PostgreSQL, tried with raw SQL as the
demo logins (migration 0030), and the signing functions that replaced the signing oracle
(migration 0029)."""

from __future__ import annotations

import pytest
from psycopg import errors
from sqlalchemy import select

from app.care import rules as care_rules
from db.models import StateTransition
from tests.db.lastline import one, refused
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

@pytest.mark.pg
def test_customer_records_change_only_as_the_app_changes_them(demo):  # noqa: F811
    customer, keeper, branch = one(demo, "SELECT c.id, c.relationship_manager_id, c.branch_id FROM customer c"
                                         " JOIN branch b ON b.id = c.branch_id WHERE b.code = 'BJ010101'"
                                         " ORDER BY c.id LIMIT 1")
    with connect_as(demo, "teller") as conn:
        refused(conn, "UPDATE customer SET relationship_manager_id = %s WHERE id = %s",
                (demo.accounts["teller"], customer))
        refused(conn, "UPDATE customer SET branch_id = %s WHERE id = %s", (demo.branches["BJ010102"], customer))
        refused(conn, "UPDATE customer SET last_contact_at = now() + interval '1 day' WHERE id = %s", (customer,))
        refused(conn, "DELETE FROM customer WHERE id = %s", (customer,))
    with connect_as(demo, "lobby") as conn:  # sees customers, may not edit them
        refused(conn, "UPDATE customer SET phone_masked = '138****0000' WHERE id = %s", (customer,))
    with connect_as(demo, "manager") as conn:  # hands customers to keepers: goes through, recorded
        conn.execute("UPDATE customer SET relationship_manager_id = %s WHERE id = %s",
                     (demo.accounts["advisor"], customer))
    assert one(demo, "SELECT actor_name, action FROM audit_event ORDER BY id DESC LIMIT 1") == ("manager", "sql.update")
    demo.owner.execute("UPDATE customer SET relationship_manager_id = %s WHERE id = %s", (keeper, customer))
    assert one(demo, "SELECT branch_id FROM customer WHERE id = %s", (customer,))[0] == branch


@pytest.mark.pg
def test_complaints_and_contacts_keep_who_what_and_when(demo):  # noqa: F811
    customer = one(demo, "SELECT c.id FROM customer c JOIN branch b ON b.id = c.branch_id"
                         " WHERE b.code = 'BJ010101' ORDER BY c.id LIMIT 1")[0]
    closed = one(demo, "SELECT id FROM complaint WHERE state = 'closed' LIMIT 1")
    contact = one(demo, "SELECT id FROM contact_record ORDER BY id LIMIT 1")[0]
    accept = ("INSERT INTO complaint (customer_id, branch_id, channel, content, level, vip, state, accepted_by,"
              " accepted_by_name, accepted_at, deadline_at, assigned_to_name, investigation, resolution,"
              " escalated_to_name, satisfaction, follow_up_note, closed_by_name, version) SELECT c.id, c.branch_id,"
              " 'phone', '排队太久', 1, false, %s, %s, 'x', now(), now() + interval '5 hours', '', '', '', '', '', '',"
              " '', 1 FROM customer c WHERE c.id = %s RETURNING id")
    with connect_as(demo, "advisor") as conn:
        refused(conn, accept, ("closed", demo.accounts["advisor"], customer))          # accepted already closed
        refused(conn, accept, ("accepted", demo.accounts["manager"], customer))        # in someone else's name
        with conn.transaction():
            mine = conn.execute(accept, ("accepted", demo.accounts["advisor"], customer)).fetchone()[0]
        refused(conn, "UPDATE complaint SET assigned_to = %s, assigned_to_name = 'x', state = 'assigned'"
                      " WHERE id = %s", (demo.accounts["teller"], mine))                # handing it on
        refused(conn, "UPDATE complaint SET state = 'closed', closed_at = now(), closed_by_name = 'x' WHERE id = %s",
                (mine,))                                                              # a jump, unresolved
        refused(conn, "UPDATE complaint SET deadline_at = deadline_at + interval '30 days' WHERE id = %s", (mine,))
        refused(conn, "UPDATE complaint SET level = 3 WHERE id = %s", (mine,))
        if closed:
            refused(conn, "UPDATE complaint SET state = 'resolved' WHERE id = %s", closed)
        refused(conn, "UPDATE contact_record SET staff_id = %s WHERE id = %s", (demo.accounts["manager"], contact))
        refused(conn, "UPDATE contact_record SET contacted_at = contacted_at - interval '30 days',"
                      " created_at = created_at - interval '30 days' WHERE id = %s", (contact,))
        refused(conn, "DELETE FROM contact_record WHERE id = %s", (contact,))
        refused(conn, "DELETE FROM complaint WHERE id = %s", (mine,))
    with connect_as(demo, "manager") as conn:  # assigns it: an assigner's step
        conn.execute("UPDATE complaint SET assigned_to = %s, assigned_to_name = '柜员', state = 'assigned',"
                     " version = version + 1 WHERE id = %s", (demo.accounts["teller"], mine))
    with connect_as(demo, "advisor") as conn:  # no longer theirs to work on
        refused(conn, "UPDATE complaint SET state = 'investigating' WHERE id = %s", (mine,))
    demo.owner.execute("DELETE FROM complaint WHERE id = %s", (mine,))


@pytest.mark.pg
def test_no_login_has_codes_signed_for_what_the_store_does_not_hold(demo):  # noqa: F811
    document = one(demo, "SELECT id FROM document ORDER BY id LIMIT 1")
    ticket_max = one(demo, "SELECT max(id) FROM queue_ticket")[0]
    with connect_as(demo, "teller") as conn:
        with pytest.raises(errors.UndefinedFunction), conn.transaction():
            conn.execute("SELECT vipdesk_qr_sign(ARRAY['VD1.T.999-V001'])")
        refused(conn, "SELECT vipdesk_qr_sign_ticket(%s)", (ticket_max + 1,))          # not issued yet
        if document:
            refused(conn, "SELECT vipdesk_qr_sign_document(%s, false)", document)      # not registered now
        assert conn.execute("SELECT vipdesk_qr_sign_ticket(%s)", (ticket_max,)).fetchone()[0] is not None
    with connect_as(demo, "sh_teller") as conn:                                       # another subtree's
        refused(conn, "SELECT vipdesk_qr_sign_ticket(%s)", (ticket_max,))


@pytest.mark.parametrize("engine_kind", ["sqlite", "postgresql"])
def test_the_stores_complaint_steps_are_the_apps(request, engine_kind):
    store = request.getfixturevalue("sqlite_store" if engine_kind == "sqlite" else "pg_store")
    expected = {("", care_rules.ACCEPTED, care_rules.COMPLAINT_PERMISSIONS[care_rules.ACCEPT].value)}
    expected |= {(start, end, care_rules.COMPLAINT_PERMISSIONS[action].value)
                 for action, (starts, end) in care_rules.TRANSITIONS.items() for start in starts if start != end}
    with store.read() as session:
        stored = {tuple(row) for row in session.execute(
            select(StateTransition.from_state, StateTransition.to_state, StateTransition.permission)
            .where(StateTransition.entity == "complaint")).all()}
    assert stored == expected
