"""Appointments on PostgreSQL, tried with raw SQL as the demo logins (migration 0040): a booking
in the past, in someone else's name, over another, a window the wrong way round, a no-show before
the window has passed, a check-in without its ticket, a changed day or a delete are refused; the
services run as the logins, audited in their names. A cancel by the service as the teller's login
goes through, by raw SQL as a login without care for customers does not; the opening hours are
changed by the branch manager's login and refused to a teller's raw write."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.queue.setup import set_opening_hours
from app.visit.appointments import book_appointment, cancel_appointment
from tests.db.lastline import one, refused, signed_in
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg

INSERT = ("INSERT INTO visit_appointment (branch_id, customer_id, service_id, day, starts, ends, note, state,"
          " booked_at, booked_by_id, booked_by_name) VALUES (%s, %s, %s, %s, %s, %s, '', 'booked',"
          " (now() AT TIME ZONE 'UTC'), %s, %s)")


def test_appointments_hold_against_raw_sql(demo):  # noqa: F811
    branch, customer = one(demo, "SELECT c.branch_id, c.id FROM customer c JOIN branch b ON b.id = c.branch_id"
                                 " WHERE b.code = 'BJ0101' AND c.active ORDER BY c.id LIMIT 1")
    service = one(demo, "SELECT id FROM queue_service WHERE branch_id = %s AND active ORDER BY id LIMIT 1",
                  (branch,))[0]
    tomorrow = datetime.now(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=1)
    teller, name = demo.accounts["teller"], "柜员 李娜"
    with signed_in(demo, "teller") as [(store, actor)]:
        booked = book_appointment(store, actor, customer_id=customer, day=tomorrow, starts="10:00", ends="10:30",
                                  service_id=service, note="理财咨询")
    assert one(demo, "SELECT actor_name FROM audit_event WHERE action = 'visit.appointment.book'"
                     " ORDER BY id DESC LIMIT 1") == ("teller",)
    with connect_as(demo, "teller") as conn:
        args = (branch, customer, service)
        refused(conn, INSERT, (*args, tomorrow - timedelta(days=2), "10:00", "10:30", teller, name))  # past
        refused(conn, INSERT, (*args, tomorrow, "11:00", "11:30", demo.accounts["teller2"], "柜员 王磊"))
        refused(conn, INSERT, (*args, tomorrow, "10:15", "10:45", teller, name))  # over the booking
        refused(conn, INSERT, (*args, tomorrow, "12:00", "11:30", teller, name))  # the wrong way round
        refused(conn, "UPDATE visit_appointment SET day = day + 1 WHERE id = %s", (booked.id,))
        refused(conn, "DELETE FROM visit_appointment WHERE id = %s", (booked.id,))
    with connect_as(demo, "lobby") as conn:
        refused(conn, "UPDATE visit_appointment SET state = 'no_show', closed_at = (now() AT TIME ZONE 'UTC')"
                      " WHERE id = %s", (booked.id,))  # tomorrow's window has not passed
        refused(conn, "UPDATE visit_appointment SET state = 'checked_in', closed_at = (now() AT TIME ZONE 'UTC')"
                      " WHERE id = %s", (booked.id,))  # no ticket
    with connect_as(demo, "custodian") as conn:  # no care for customers: cannot book
        refused(conn, INSERT, (branch, customer, service, tomorrow, "14:00", "14:30",
                               demo.accounts["custodian"], "库管员 赵强"))
    with connect_as(demo, "teller") as conn:  # a cancel is a step the teller may take
        conn.execute("UPDATE visit_appointment SET state = 'cancelled', closed_at = (now() AT TIME ZONE 'UTC')"
                     " WHERE id = %s", (booked.id,))
    assert one(demo, "SELECT state FROM visit_appointment WHERE id = %s", (booked.id,)) == ("cancelled",)
    with connect_as(demo, "sh_teller") as conn:
        assert conn.execute("SELECT count(*) FROM visit_appointment").fetchone() == (0,)


def test_a_cancel_and_the_opening_hours_as_the_logins(demo):  # noqa: F811
    branch, customer = one(demo, "SELECT c.branch_id, c.id FROM customer c JOIN branch b ON b.id = c.branch_id"
                                 " WHERE b.code = 'BJ0101' AND c.active ORDER BY c.id LIMIT 1 OFFSET 1")
    service = one(demo, "SELECT id FROM queue_service WHERE branch_id = %s AND active ORDER BY id LIMIT 1",
                  (branch,))[0]
    tomorrow = datetime.now(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=1)
    with signed_in(demo, "teller", "manager") as [(store, teller), (manager_store, manager)]:
        first = book_appointment(store, teller, customer_id=customer, day=tomorrow, starts="09:00", ends="09:30",
                                 service_id=service)
        second = book_appointment(store, teller, customer_id=customer, day=tomorrow, starts="10:00", ends="10:30",
                                  service_id=service)
        assert cancel_appointment(store, teller, first.id, reason="客户改期").state == "cancelled"
        set_opening_hours(manager_store, manager, opens_at="08:30", closes_at="18:30")
    assert one(demo, "SELECT actor_name, after::jsonb ->> 'reason' FROM audit_event"
                     " WHERE action = 'visit.appointment.cancel' ORDER BY id DESC LIMIT 1") == ("teller", "客户改期")
    assert one(demo, "SELECT value::jsonb ->> 'opens_at', value::jsonb ->> 'closes_at' FROM queue_policy"
                     " WHERE branch_id = %s", (branch,)) == ("08:30", "18:30")
    assert one(demo, "SELECT actor_name FROM audit_event WHERE action = 'queue.policy.opening_hours'"
                     " ORDER BY id DESC LIMIT 1") == ("manager",)
    with connect_as(demo, "custodian") as conn:  # no care for customers: cannot cancel
        refused(conn, "UPDATE visit_appointment SET state = 'cancelled', closed_at = (now() AT TIME ZONE 'UTC')"
                      " WHERE id = %s", (second.id,))
    with connect_as(demo, "teller") as conn:  # the teller may not move the opening hours
        refused(conn, "UPDATE queue_policy SET value = jsonb_set(value::jsonb, '{opens_at}', '\"06:00\"')::text"
                      " WHERE branch_id = %s", (branch,))
    assert one(demo, "SELECT state FROM visit_appointment WHERE id = %s", (second.id,)) == ("booked",)
