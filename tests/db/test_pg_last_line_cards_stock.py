"""Cards and blank-card stock on PostgreSQL: what a staff login may write with a SQL tool
(migration 0024). The services run end to end as the demo logins, and every write the app
would refuse — self-approval, a status jump, a card from nowhere, a serial back in stock, a
confirmation by the maker, a back-dated movement, a day signed off while a move of the location
awaits its second person (migration 0034) — is refused by the database itself."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.cards import applications, issue, paperwork, rules as card_rules, servicing
from app.stock import books, moves, rules as stock_rules
from db.models import StateTransition
from tests.db.carddata import card_number
from tests.db.lastline import Refused, one, refused, signed_in
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture


def newest_event(demo):  # noqa: F811
    return one(demo, "SELECT actor_name, action, entity, entity_id, after FROM audit_event ORDER BY id DESC LIMIT 1")


# ----------------------------------------------------------------------------- cards


@pytest.mark.pg
def test_no_one_approves_their_own_application_or_in_someone_elses_name(demo):  # noqa: F811
    submitted = one(demo, "SELECT id, version FROM card_application WHERE status = 'submitted' ORDER BY id LIMIT 1")[0]
    manager, advisor = demo.accounts["manager"], demo.accounts["advisor"]
    before = one(demo, "SELECT status, decided_by, version FROM card_application WHERE id = %s", (submitted,))
    approve = ("UPDATE card_application SET status = 'approved', decided_by = %s, decided_by_name = %s,"
               " decided_at = now(), decision_comment = 'ok', version = version + 1 WHERE id = %s")
    with connect_as(demo, "advisor") as conn:  # the maker, without the approving permission
        refused(conn, approve, (manager, "manager", submitted))
        refused(conn, approve, (advisor, "advisor", submitted))
    with connect_as(demo, "teller") as conn:
        refused(conn, approve, (manager, "manager", submitted))
        refused(conn, "UPDATE card_application SET status = 'fulfilled', version = version + 1 WHERE id = %s",
                (submitted,))
    with connect_as(demo, "manager") as conn:
        refused(conn, approve, (advisor, "advisor", submitted))  # in someone else's name
        # the manager's own application: entered, then approved by themselves
        customer = one(demo, "SELECT customer_id FROM card_application WHERE id = %s", (submitted,))[0]
        with pytest.raises(Refused), conn.transaction():
            conn.execute("UPDATE card_application SET status = 'cancelled', decided_by = %s,"
                         " decided_by_name = 'manager', decided_at = now(), version = version + 1"
                         " WHERE id = %s", (manager, submitted))
            conn.execute("INSERT INTO card_application (customer_id, branch_id, kind, card_type, status, tier,"
                         " average, entered_by, entered_by_name, entered_at, decided_by_name, decision_comment,"
                         " note, exception_note, version) SELECT customer_id, branch_id, kind, card_type,"
                         " 'submitted', tier, average, %s, 'manager', now(), '', '', '', '', 1"
                         " FROM card_application WHERE id = %s RETURNING id", (manager, submitted))
            mine = conn.execute("SELECT max(id) FROM card_application WHERE entered_by = %s", (manager,)).fetchone()[0]
            conn.execute(approve, (manager, "manager", mine))
        assert customer
        # entered in someone else's name, or already decided, or for another branch
        for entered_by, name, status in ((advisor, "advisor", "submitted"), (manager, "manager", "approved")):
            refused(conn, "INSERT INTO card_application (customer_id, branch_id, kind, card_type, status, tier,"
                          " average, entered_by, entered_by_name, entered_at, decided_by_name, decision_comment,"
                          " note, exception_note, version) SELECT customer_id, branch_id, kind, card_type, %s,"
                          " tier, average, %s, %s, now(), '', '', '', '', 1 FROM card_application WHERE id = %s",
                    (status, entered_by, name, submitted))
        refused(conn, "DELETE FROM card_application WHERE id = %s", (submitted,))
        # the legitimate decision, made with SQL: goes through and is audited in the manager's name
        conn.execute(approve, (manager, "manager", submitted))
    actor, action, entity, entity_id, after = newest_event(demo)
    assert (actor, action, entity, entity_id) == ("manager", "sql.update", "card_application", str(submitted))
    assert json.loads(after)["status"] == "approved"
    demo.owner.execute("UPDATE card_application SET status = %s, decided_by = %s, decided_by_name = '',"
                       " decided_at = NULL, decision_comment = '', version = %s WHERE id = %s",
                       (before[0], before[1], before[2], submitted))


@pytest.mark.pg
def test_no_status_jumps_and_no_card_from_nowhere(demo):  # noqa: F811
    rejected = one(demo, "SELECT id FROM card_application WHERE status = 'rejected' LIMIT 1")[0]
    approved = one(demo, "SELECT id, customer_id, card_type, branch_id FROM card_application "
                         "WHERE status = 'approved' ORDER BY id LIMIT 1")
    lost = one(demo, "SELECT id FROM vip_card WHERE status = 'lost' LIMIT 1")[0]
    active = one(demo, "SELECT id, card_masked FROM vip_card WHERE status = 'active' ORDER BY id LIMIT 1")
    with connect_as(demo, "manager") as conn:
        refused(conn, "UPDATE card_application SET status = 'approved', decided_by = %s, decided_by_name = 'manager',"
                      " decided_at = now() WHERE id = %s", (demo.accounts["manager"], rejected))
    with connect_as(demo, "teller") as conn:
        # fulfilled without issuing its card: refused when the transaction commits
        with pytest.raises(Refused):
            conn.execute("UPDATE card_application SET status = 'fulfilled', version = version + 1 WHERE id = %s",
                         (approved[0],))
        assert one(demo, "SELECT status FROM card_application WHERE id = %s", (approved[0],))[0] == "approved"
        # a card with no blank card behind it
        refused(conn, "INSERT INTO vip_card (customer_id, branch_id, card_type, card_masked, card_number_index, serial,"
                      " application_id, status, issued_on, expires_on, issued_by, issued_by_name, issued_at, ended_by_name,"
                      " ended_reason, agreement_witness, agreement_marked_by, returned, version) VALUES"
                      " (%s, %s, %s, '622202******0001', '\\x00', 'X1', %s, 'active', current_date, current_date + 730,"
                      " %s, 'teller', now(), '', '', '', '', false, 1)",
                (approved[1], approved[3], approved[2], approved[0], demo.accounts["teller"]))
        refused(conn, "UPDATE vip_card SET status = 'active', ended_at = NULL WHERE id = %s", (lost,))
        refused(conn, "UPDATE vip_card SET card_masked = '622202******0002' WHERE id = %s", (active[0],))
        refused(conn, "UPDATE vip_card SET card_number_index = '\\x00' WHERE id = %s", (active[0],))
        refused(conn, "UPDATE vip_card SET expires_on = expires_on + 3650 WHERE id = %s", (active[0],))
        refused(conn, "UPDATE vip_card SET issued_by = %s WHERE id = %s", (demo.accounts["manager"], active[0]))
        refused(conn, "UPDATE vip_card SET status = 'lost', ended_at = now(), ended_by_name = 'manager'"
                      " WHERE id = %s", (active[0],))
        refused(conn, "UPDATE card_paperwork SET printed_count = 0 WHERE printed_count > 0")
        refused(conn, "UPDATE card_paperwork SET kind = 'welcome'")
    with connect_as(demo, "lobby") as conn:  # no servicing permission
        refused(conn, "UPDATE vip_card SET status = 'lost', ended_at = now(), ended_by_name = 'lobby'"
                      " WHERE id = %s", (active[0],))
    assert one(demo, "SELECT status, card_masked FROM vip_card WHERE id = %s", (active[0],)) == ("active", active[1])


@pytest.mark.pg
def test_the_card_services_work_as_the_logins(demo):  # noqa: F811
    customer = one(demo, "SELECT c.id FROM customer c JOIN branch b ON b.id = c.branch_id JOIN customer_tier t"
                         " ON t.id = c.id WHERE b.code = 'BJ010101' AND t.tier = 'platinum' AND NOT EXISTS"
                         " (SELECT 1 FROM vip_card v WHERE v.customer_id = c.id) AND NOT EXISTS"
                         " (SELECT 1 FROM card_application a WHERE a.customer_id = c.id) ORDER BY c.id LIMIT 1")
    if customer is None:
        pytest.skip("the demo has no platinum customer without a card here")
    serial = one(demo, "SELECT min(b.serial) FROM blank_card b JOIN stock_location l ON l.id = b.location_id"
                       " WHERE l.holder_id = %s AND b.card_type = 'platinum' AND b.state = 'in_stock'",
                 (demo.accounts["teller"],))[0]
    if serial is None:
        pytest.skip("the teller's drawer holds no platinum card")
    with signed_in(demo, "advisor", "manager", "teller") as ((a_store, advisor), (m_store, manager), (t_store, teller)):
        application = applications.submit_application(a_store, advisor, customer[0], kind="new", card_type="platinum")
        applications.decide_application(m_store, manager, application.id, approve=True, comment="同意")
        result = issue.issue_card(t_store, teller, application.id, serial=serial, card_number=card_number("platinum"))
        paperwork.mark_agreement_signed(t_store, teller, result.card_id, signed_on=t_store.today(), witness="王")
        for row in paperwork.paperwork_due(t_store, teller, card_id=result.card_id):
            paperwork.mark_printed(t_store, teller, row.id)
        servicing.report_loss(t_store, teller, result.card_id, reason="挂失")
    assert one(demo, "SELECT status FROM vip_card WHERE id = %s", (result.card_id,))[0] == "lost"
    assert one(demo, "SELECT status, card_id FROM card_application WHERE id = %s", (application.id,)) == (
        "fulfilled", result.card_id)


# ----------------------------------------------------------------------------- stock


@pytest.mark.pg
def test_no_serial_goes_back_to_stock_and_no_maker_confirms_their_own_move(demo):  # noqa: F811
    issued = one(demo, "SELECT id, serial FROM blank_card WHERE state = 'issued' ORDER BY id LIMIT 1")
    spoiled = one(demo, "SELECT id FROM blank_card WHERE state = 'spoiled' LIMIT 1")[0]
    destroyed = one(demo, "SELECT id FROM blank_card WHERE state = 'destroyed' LIMIT 1")[0]
    in_vault = one(demo, "SELECT b.id, b.location_id FROM blank_card b JOIN stock_location l ON l.id = b.location_id"
                         " WHERE l.kind = 'vault' AND b.state = 'in_stock' ORDER BY b.id LIMIT 1")
    receipt = one(demo, "SELECT id FROM stock_move WHERE kind = 'receive' AND status = 'pending' LIMIT 1")[0]
    drawer = one(demo, "SELECT id FROM stock_location WHERE holder_id = %s", (demo.accounts["teller"],))[0]
    with connect_as(demo, "teller") as conn:
        for card in (issued[0], spoiled, destroyed):
            refused(conn, "UPDATE blank_card SET state = 'in_stock', issued_on = NULL WHERE id = %s", (card,))
        refused(conn, "UPDATE blank_card SET serial = 'Z99999999' WHERE id = %s", (issued[0],))
        refused(conn, "UPDATE blank_card SET branch_id = %s WHERE id = %s", (demo.branches["SH0101"], issued[0]))
        assert conn.execute("DELETE FROM blank_card WHERE id = %s", (issued[0],)).rowcount == 0  # not there to delete
        # a vault card taken into one's drawer without a confirmed transfer, or issued from the vault
        refused(conn, "UPDATE blank_card SET location_id = %s WHERE id = %s", (drawer, in_vault[0]))
        refused(conn, "UPDATE blank_card SET state = 'issued', issued_on = current_date WHERE id = %s", (in_vault[0],))
        refused(conn, "INSERT INTO blank_card (serial, card_type, branch_id, location_id, state, updated_at)"
                      " VALUES ('B09999999', 'platinum', %s, %s, 'in_stock', now())",
                (demo.branches["BJ0101"], drawer))
        for table in ("stock_movement", "stock_day", "stock_count", "stock_location"):
            refused(conn, f"UPDATE {table} SET id = id")
        refused(conn, "INSERT INTO stock_movement (move_id, card_id, serial, card_type, branch_id, business_date,"
                      " from_location_id, to_location_id, from_state, to_state, occurred_at)"
                      " SELECT %s, id, serial, card_type, branch_id, current_date - 30, location_id, location_id,"
                      " 'issued', 'in_stock', now() FROM blank_card WHERE id = %s", (receipt, issued[0]))
        refused(conn, "UPDATE stock_minimum SET minimum = 0")
    with connect_as(demo, "custodian") as conn:  # the receipt's maker
        refused(conn, "UPDATE stock_move SET status = 'done', checked_by = %s, checked_by_name = 'custodian',"
                      " checked_at = now() WHERE id = %s", (demo.accounts["custodian"], receipt))
        refused(conn, "UPDATE stock_move SET status = 'done', checked_by = %s, checked_by_name = 'custodian2',"
                      " checked_at = now() WHERE id = %s", (demo.accounts["custodian2"], receipt))
        refused(conn, "UPDATE blank_card SET state = 'in_stock', move_id = NULL WHERE move_id = %s", (receipt,))
        refused(conn, "UPDATE stock_move SET count = count + 1 WHERE id = %s", (receipt,))
        refused(conn, "DELETE FROM stock_move WHERE id = %s", (receipt,))
    assert one(demo, "SELECT state FROM blank_card WHERE id = %s", (issued[0],))[0] == "issued"
    assert one(demo, "SELECT status FROM stock_move WHERE id = %s", (receipt,))[0] == "pending"


@pytest.mark.pg
def test_no_day_is_signed_off_while_a_move_of_the_location_awaits_its_second_person(demo):  # noqa: F811
    """Migration 0034: what books.sign_off refuses, a staff login's INSERT cannot do either."""
    branch = demo.branches["BJ0101"]
    vault = one(demo, "SELECT id FROM stock_location WHERE key = %s", (f"vault:{branch}",))[0]
    drawer = one(demo, "SELECT id FROM stock_location WHERE holder_id = %s", (demo.accounts["teller"],))[0]
    waiting = one(demo, "SELECT count(*) FROM stock_move WHERE status = 'pending' AND %s IN"
                        " (from_location_id, to_location_id)", (vault,))[0]
    assert waiting and not one(demo, "SELECT count(*) FROM stock_move WHERE status = 'pending' AND %s IN"
                                     " (from_location_id, to_location_id)", (drawer,))[0]
    sign_off = ("INSERT INTO stock_day (branch_id, location_id, card_type, business_date, opening, received,"
                " sent, closing, difference, explanation, signed_by, signed_by_name, signed_at)"
                " VALUES (%s, %s, 'gold', (now() AT TIME ZONE 'Asia/Shanghai')::date, 0, 0, 0, 0, 0, '', %s, %s,"
                " now())")
    with connect_as(demo, "custodian") as conn:
        refused(conn, sign_off, (branch, vault, demo.accounts["custodian"], "custodian"))
        with conn.transaction(force_rollback=True):      # a location with nothing awaiting: allowed
            conn.execute(sign_off, (branch, drawer, demo.accounts["custodian"], "custodian"))
    assert not one(demo, "SELECT count(*) FROM stock_day WHERE location_id IN (%s, %s)"
                         " AND business_date = (now() AT TIME ZONE 'Asia/Shanghai')::date", (vault, drawer))[0]


@pytest.mark.pg
def test_the_stock_services_work_as_the_logins(demo):  # noqa: F811
    vault = one(demo, "SELECT id FROM stock_location WHERE key = %s", (f"vault:{demo.branches['BJ0101']}",))[0]
    drawer = one(demo, "SELECT id FROM stock_location WHERE holder_id = %s", (demo.accounts["teller"],))[0]
    with signed_in(demo, "custodian", "custodian2", "teller", "manager") as people:
        (c_store, custodian), (c2_store, custodian2), (t_store, teller), (m_store, manager) = people
        received = moves.receive(c_store, custodian, card_type="gold", serials="A09000001-A09000004", count=4)
        moves.confirm(c2_store, custodian2, received.id)
        transfer = moves.request_transfer(c_store, custodian, card_type="gold", serials="A09000001-A09000004",
                                          from_location_id=vault, to_location_id=drawer, count=4)
        moves.confirm(t_store, teller, transfer.id)
        moves.issue_serial(t_store, teller, card_type="gold", serial="A09000001")
        moves.spoil(t_store, teller, card_type="gold", serial="A09000002", reason="印坏")
        moves.record_return(t_store, teller, card_type="gold", serial="A09000001", reason="退回")
        refusal = moves.receive(c_store, custodian, card_type="gold", serials="A09000011-A09000012", count=2)
        moves.reject(c2_store, custodian2, refusal.id, reason="数目不符")
        books.set_minimum(m_store, manager, card_type="gold", minimum=5)
    assert dict(demo.owner.execute("SELECT serial, state FROM blank_card WHERE serial LIKE 'A09%%'").fetchall()) == {
        "A09000001": "returned", "A09000002": "spoiled", "A09000003": "in_stock", "A09000004": "in_stock"}


@pytest.mark.pg
def test_a_card_is_kept_masked_with_its_products_bin_and_its_blind_index(demo):  # noqa: F811
    """The database never sees a card number (migration 0042): a staff login's raw INSERT must
    give the masked copy (first 6, last 4) with the product's BIN and a blind index; a clear
    number in the masked column is refused. The Luhn digit is the app's check before sealing."""
    from stdnum import luhn

    from app.customers.rules import mask_card

    numbers = ["6222021234567894", "6222021234567895", "6222030000000000", "6222080000000000001",
               "4111111111111111", "0000000000000000", "6222029999999999999"]
    for number in numbers:  # the store's Luhn is python-stdnum's
        assert one(demo, "SELECT vipdesk_private.luhn_ok(%s)", (number,))[0] is luhn.is_valid(number), number
    application = one(demo, "SELECT id, customer_id, branch_id, card_type FROM card_application"
                            " WHERE status = 'approved' AND kind = 'new' AND card_type = 'platinum' LIMIT 1")
    blank = one(demo, "SELECT b.id, b.serial FROM blank_card b JOIN stock_location l ON l.id = b.location_id"
                      " WHERE l.holder_id = %s AND b.state = 'in_stock' AND b.card_type = 'platinum'"
                      " AND b.move_id IS NULL ORDER BY b.serial LIMIT 1", (demo.accounts["teller"],))
    assert application and blank, "the demo has an approved platinum application and a platinum blank"
    insert = ("INSERT INTO vip_card (customer_id, branch_id, card_type, card_masked, card_number_index, serial,"
              " blank_card_id, application_id, status, issued_on, expires_on, issued_by, issued_by_name, issued_at,"
              " ended_by_name, ended_reason, agreement_witness, agreement_marked_by, returned, version) VALUES"
              " (%s, %s, 'platinum', %s, %s, %s, %s, %s, 'active', current_date, current_date + 730, %s, 'teller',"
              " now(), '', '', '', '', false, 1)")
    number = card_number("platinum")
    index = demo.store.keys.index("card_number", number)
    with connect_as(demo, "teller") as conn:
        for masked, digest, accepted in ((mask_card("6222021234567894"), index, False),  # the gold product's BIN
                                         (number, index, False),                          # the clear number
                                         (mask_card(number), None, False),                # no blind index
                                         (mask_card(number), index, True)):
            conn.execute("BEGIN")
            conn.execute("UPDATE card_application SET status = 'fulfilled', version = version + 1 WHERE id = %s",
                         (application[0],))
            conn.execute("UPDATE blank_card SET state = 'issued', issued_on = current_date WHERE id = %s", (blank[0],))
            args = (application[1], application[2], masked, digest, blank[1], blank[0], application[0],
                    demo.accounts["teller"])
            if accepted:
                conn.execute(insert, args)
            else:
                with pytest.raises(Refused):
                    conn.execute(insert, args)
            conn.execute("ROLLBACK")


# ----------------------------------------------------------------------------- one rule set


def _expected_transitions() -> set[tuple[str, str, str, str]]:
    rows = set()
    for entity, transitions, permissions, created, first in (
            ("card_application", card_rules.APPLICATION_TRANSITIONS, card_rules.APPLICATION_PERMISSIONS,
             card_rules.SUBMIT, card_rules.SUBMITTED),
            ("vip_card", card_rules.CARD_TRANSITIONS, card_rules.CARD_PERMISSIONS, card_rules.ISSUE,
             card_rules.ACTIVE)):
        rows |= {(entity, "", first, p.value) for p in permissions[created]}
        rows |= {(entity, start, end, p.value) for action, (starts, end) in transitions.items()
                 for start in starts for p in permissions[action]}
    rows |= {("blank_card", start or "", end, p.value) for move, (starts, end) in stock_rules.TRANSITIONS.items()
             for start in starts if (start or "") != end for p in stock_rules.MOVE_PERMISSIONS[move]}
    return rows


@pytest.mark.parametrize("engine_kind", ["sqlite", "postgresql"])
def test_the_stores_card_and_stock_steps_are_the_apps(request, engine_kind):
    store = request.getfixturevalue("sqlite_store" if engine_kind == "sqlite" else "pg_store")
    with store.read() as session:
        stored = {tuple(row) for row in session.execute(
            select(StateTransition.entity, StateTransition.from_state, StateTransition.to_state,
                   StateTransition.permission)
            .where(StateTransition.entity.in_(["card_application", "vip_card", "blank_card"]))).all()}
    assert stored == _expected_transitions()

