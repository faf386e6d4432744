"""On PostgreSQL the sealed personal values reach a staff login only through vipdesk_reveal:
with reveal_pii, inside its subtree, and audited by the database (migration 0039)."""

from __future__ import annotations

import pytest

from tests.db.helpers import sealed_number
from tests.db.lastline import Refused
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg


@pytest.fixture(scope="module")
def sealed(demo):  # noqa: F811 - the fixture imported above
    """The demo's key ring and a customer of BJ0101 and of SH0101: (id, ID number, phone)."""
    ring = demo.store.keys
    people = []
    for code in ("BJ0101", "SH0101"):
        (customer_id,) = demo.owner.execute(
            "SELECT c.id FROM customer c JOIN branch b ON b.id = c.branch_id "
            "WHERE b.code = %s ORDER BY c.id LIMIT 1", (code,)).fetchone()
        people.append((customer_id, sealed_number(demo.store, "customer", customer_id, "id_number"),
                       sealed_number(demo.store, "customer", customer_id, "phone")))
    return ring, *people


def _reveals(demo, customer_id):  # noqa: F811
    return demo.owner.execute(
        "SELECT actor_name, after FROM audit_event WHERE action = 'customer.reveal' AND entity_id = %s "
        "ORDER BY id", (str(customer_id),)).fetchall()


def test_no_staff_login_reads_a_sealed_value_directly(demo, sealed):  # noqa: F811
    for username in ("teller", "manager", "admin", "auditor"):
        with connect_as(demo, username) as conn:
            with pytest.raises(Refused):
                conn.execute("SELECT sealed FROM sealed_value LIMIT 1")
            assert conn.execute("SELECT count(*) FROM sealed_value").fetchone()[0] >= 0   # keys only


def test_a_reveal_without_the_permission_fails_at_the_database(demo, sealed):  # noqa: F811
    _, bj, _ = sealed
    before = len(_reveals(demo, bj[0]))
    for username in ("teller", "lobby", "custodian"):
        with connect_as(demo, username) as conn, pytest.raises(Refused, match="reveal_pii"):
            conn.execute("SELECT vipdesk_reveal('customer', %s, 'id_number')", (bj[0],))
    assert len(_reveals(demo, bj[0])) == before


def test_a_reveal_outside_the_subtree_fails(demo, sealed):  # noqa: F811
    _, bj, _ = sealed
    with connect_as(demo, "sh_manager") as conn, pytest.raises(Refused, match="subtree"):
        conn.execute("SELECT vipdesk_reveal('customer', %s, 'phone')", (bj[0],))


def test_a_permitted_reveal_is_audited_by_the_database(demo, sealed):  # noqa: F811
    ring, bj, _ = sealed
    before = len(_reveals(demo, bj[0]))
    with connect_as(demo, "manager") as conn:
        blob = conn.execute("SELECT vipdesk_reveal('customer', %s, 'id_number')", (bj[0],)).fetchone()[0]
        with pytest.raises(Exception, match="cannot be revealed"):
            conn.execute("SELECT vipdesk_reveal('vip_card', %s, 'card_number')", (bj[0],))
    assert ring.open("customer", "id_number", bj[0], bytes(blob)) == bj[1]
    events = _reveals(demo, bj[0])
    assert len(events) == before + 1
    name, after = events[-1]
    assert name == "manager" and '"field":"id_number"' in after.replace(" ", "") and bj[1] not in after


def test_staff_cannot_move_a_sealed_value_to_another_row(demo, sealed):  # noqa: F811
    _, bj, _ = sealed
    with connect_as(demo, "manager") as conn, pytest.raises(Refused, match="stays with its row"):
        conn.execute("UPDATE sealed_value SET entity_id = entity_id + 1 WHERE entity = 'customer' AND entity_id = %s",
                     (bj[0],))
    with connect_as(demo, "teller") as conn, pytest.raises(Refused, match="only a phone"):
        conn.execute("DELETE FROM sealed_value WHERE entity = 'customer' AND entity_id = %s", (bj[0],))
