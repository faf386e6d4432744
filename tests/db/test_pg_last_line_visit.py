"""VIP arrivals on PostgreSQL, tried with raw SQL as the demo logins (migration 0040): nobody
invents an arrival, points it at another manager, receives it in someone else's name, without a
contact, twice, or for a customer who is not theirs; nothing is deleted; the services run end to
end as the logins and the receiving is audited in the receiver's name."""

from __future__ import annotations

import pytest

from app.queue import tickets
from app.visit.arrivals import arrivals_for, receive_arrival
from tests.db.lastline import one, refused, signed_in
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg


def _advisors_customer(demo) -> int:  # noqa: F811
    customer = one(demo, "SELECT c.id FROM customer c JOIN branch b ON b.id = c.branch_id"
                         " WHERE b.code = 'BJ0101' AND c.active ORDER BY c.id LIMIT 1")[0]
    demo.owner.execute("UPDATE customer SET relationship_manager_id = %s WHERE id = %s",
                       (demo.accounts["advisor"], customer))
    return customer


def test_an_arrival_is_neither_invented_nor_received_in_another_name(demo):  # noqa: F811
    customer = _advisors_customer(demo)
    service = one(demo, "SELECT s.id FROM queue_service s JOIN branch b ON b.id = s.branch_id"
                        " WHERE b.code = 'BJ0101' AND s.active ORDER BY s.id LIMIT 1")[0]
    with signed_in(demo, "lobby", "advisor") as ((l_store, lobby), (a_store, advisor)):
        ticket = tickets.issue_ticket(l_store, lobby, service_id=service, customer_id=customer)
        arrival = one(demo, "SELECT id, manager_id FROM visit_arrival WHERE ticket_id = %s", (ticket.id,))
        assert arrival[1] == demo.accounts["advisor"]
        other_ticket = tickets.issue_ticket(l_store, lobby, service_id=service)
        contact = one(demo, "INSERT INTO contact_record (customer_id, branch_id, staff_id, staff_name, method,"
                            " contacted_at, place, content, needs, follow_up_status, created_at, updated_at,"
                            " version) SELECT id, branch_id, %s, '柜员 李娜', 'in_branch', now(), '', 'x', '',"
                            " 'none', now(), now(), 1 FROM customer WHERE id = %s RETURNING id",
                      (demo.accounts["teller"], customer))[0]  # someone else's contact with the customer
        with connect_as(demo, "lobby") as conn:   # an arrival for an anonymous ticket, or to another manager
            refused(conn, "INSERT INTO visit_arrival (branch_id, ticket_id, customer_id, manager_id, announced_at,"
                          " escalate_at, received_by_name) SELECT branch_id, id, %s, %s, issued_at,"
                          " issued_at + interval '5 minutes', '' FROM queue_ticket WHERE id = %s",
                    (customer, demo.accounts["advisor"], other_ticket.id))
            refused(conn, "UPDATE visit_arrival SET manager_id = %s WHERE id = %s",
                    (demo.accounts["teller"], arrival[0]))
            refused(conn, "UPDATE visit_arrival SET escalate_at = escalate_at + interval '1 hour' WHERE id = %s",
                    (arrival[0],))
            refused(conn, "DELETE FROM visit_arrival WHERE id = %s", (arrival[0],))
        with connect_as(demo, "teller") as conn:  # not their customer, not a branch manager
            refused(conn, "UPDATE visit_arrival SET received_at = (now() AT TIME ZONE 'UTC'), received_by_id = %s,"
                          " received_by_name = '柜员 李娜', contact_id = %s WHERE id = %s",
                    (demo.accounts["teller"], contact, arrival[0]))
        with connect_as(demo, "advisor") as conn:
            received = ("UPDATE visit_arrival SET received_at = (now() AT TIME ZONE 'UTC') + %s,"
                        " received_by_id = %s, received_by_name = %s, contact_id = %s WHERE id = %s")
            name = "理财经理 张静"
            # in someone else's name, at another time, without a contact of their own
            refused(conn, received, ("0s", demo.accounts["manager"], "行长 陈建国", contact, arrival[0]))
            refused(conn, received, ("2 hours", demo.accounts["advisor"], name, contact, arrival[0]))
            refused(conn, received, ("0s", demo.accounts["advisor"], name, None, arrival[0]))
            refused(conn, received, ("0s", demo.accounts["advisor"], name, contact, arrival[0]))
        assert one(demo, "SELECT received_at FROM visit_arrival WHERE id = %s", (arrival[0],)) == (None,)
        # the services, as the logins: told, received, a contact in the advisor's name, audited
        [told] = [a for a in arrivals_for(a_store, advisor) if a.id == arrival[0]]
        receive_arrival(a_store, advisor, told.id)
        by, contact_id = one(demo, "SELECT received_by_id, contact_id FROM visit_arrival WHERE id = %s", (arrival[0],))
        assert by == demo.accounts["advisor"]
        assert one(demo, "SELECT staff_id FROM contact_record WHERE id = %s", (contact_id,)) == (by,)
        assert one(demo, "SELECT actor_name FROM audit_event WHERE action = 'visit.receive' ORDER BY id DESC"
                         " LIMIT 1") == ("advisor",)
        with connect_as(demo, "advisor") as conn:  # received once
            refused(conn, "UPDATE visit_arrival SET received_at = (now() AT TIME ZONE 'UTC'),"
                          " received_by_name = received_by_name WHERE id = %s", (arrival[0],))
            refused(conn, "UPDATE visit_arrival SET contact_id = NULL WHERE id = %s", (arrival[0],))
    with connect_as(demo, "sh_teller") as conn:  # another branch sees none of it
        assert conn.execute("SELECT count(*) FROM visit_arrival").fetchone() == (0,)
