"""Ratings after service on PostgreSQL, tried with raw SQL as the demo logins (migration 0041):
nobody rates a ticket they did not finish, in another's name or counter, at another time, late,
twice, or changes or deletes a rating; the complaint link is set once, by the rated clerk, to a
complaint of their own for the ticket's customer; another branch sees none of it; the services
run end to end as the logins and are audited in their names."""

from __future__ import annotations

import psycopg
import pytest

from app.queue import calling, tickets
from app.queue.calling import Desk
from app.visit.ratings import complain_from_rating, record_rating
from tests.db.lastline import one, refused, signed_in
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg

NOW = "(now() AT TIME ZONE 'UTC')"
INSERT = ("INSERT INTO service_rating (ticket_id, branch_id, counter_id, clerk_id, score, reason, rated_at,"
          " complaint_id) SELECT id, branch_id, {counter}, {clerk}, {score}, {reason}, " + NOW + " + {shift},"
          " {complaint} FROM queue_ticket WHERE id = %s")


def _insert(counter="counter_id", clerk="clerk_id", score="1", reason="'等候时间太长'", shift="interval '0s'",
            complaint="NULL") -> str:
    return INSERT.format(counter=counter, clerk=clerk, score=score, reason=reason, shift=shift, complaint=complaint)


def test_a_rating_is_the_finishing_clerks_own_once_and_never_changed(demo):  # noqa: F811
    service, counter = one(demo, "SELECT s.id, c.id FROM queue_counter c JOIN queue_service s"
                                 " ON s.branch_id = c.branch_id AND (',' || c.service_ids || ',') LIKE"
                                 " '%%,' || s.id || ',%%' WHERE c.account_id IS NULL AND c.open ORDER BY c.id LIMIT 1")
    customer = one(demo, "SELECT c.id FROM customer c JOIN queue_counter k ON k.branch_id = c.branch_id"
                         " WHERE k.id = %s AND c.active ORDER BY c.id LIMIT 1", (counter,))[0]
    other_counter = one(demo, "SELECT id FROM queue_counter WHERE id <> %s ORDER BY id LIMIT 1", (counter,))[0]
    with signed_in(demo, "lobby", "teller") as ((l_store, lobby), (t_store, teller)):
        calling.sign_in_counter(t_store, teller, counter, "RATING-PC")
        desk = Desk(counter, "RATING-PC")
        finished = []
        for customer_id in (customer, None):
            issued = tickets.issue_ticket(l_store, lobby, service_id=service, customer_id=customer_id)
            calling.call_ticket(t_store, teller, desk, issued.id, reason="评价测试")
            calling.start_service(t_store, teller, desk, issued.id)
            finished.append(calling.finish_service(t_store, teller, desk, issued.id).id)
        ticket, late = finished
        me, other = demo.accounts["teller"], demo.accounts["teller2"]
        with connect_as(demo, "teller2") as conn:   # not the clerk who finished it
            refused(conn, _insert(clerk=str(other)), (ticket,))
            refused(conn, _insert(), (ticket,))
        with connect_as(demo, "teller") as conn:
            refused(conn, _insert(clerk=str(other)), (ticket,))                       # in another's name
            refused(conn, _insert(counter=str(other_counter)), (ticket,))             # at another counter
            refused(conn, _insert(shift="interval '2 hours'"), (ticket,))             # at another time
            refused(conn, _insert(complaint="(SELECT min(id) FROM complaint)"), (ticket,))  # pre-linked
        with pytest.raises(psycopg.errors.CheckViolation), connect_as(demo, "teller") as conn:
            conn.execute(_insert(reason="NULL"), (ticket,))                           # 不满意 without a reason
        demo.owner.execute("UPDATE queue_ticket SET finished_at = finished_at - interval '10 minutes'"
                           " WHERE id = %s", (late,))
        with connect_as(demo, "teller") as conn:                                      # long after the finish
            refused(conn, _insert(score="3", reason="NULL"), (late,))
        assert one(demo, "SELECT count(*) FROM service_rating") == (0,)
        # the service, as the teller's login: stored in their name, audited by the database
        rated = record_rating(t_store, teller, ticket, score=1, reason="服务态度")
        assert one(demo, "SELECT clerk_id, counter_id, score FROM service_rating WHERE id = %s", (rated.id,)) == (
            me, counter, 1)
        assert one(demo, "SELECT actor_name FROM audit_event WHERE action = 'visit.rate' ORDER BY id DESC"
                         " LIMIT 1") == ("teller",)
        with pytest.raises(psycopg.errors.UniqueViolation), connect_as(demo, "teller") as conn:
            conn.execute(_insert(score="4", reason="NULL"), (ticket,))                # twice
        someone_elses = one(demo, "SELECT id FROM complaint WHERE accepted_by IS DISTINCT FROM %s ORDER BY id"
                                  " LIMIT 1", (me,))[0]
        with connect_as(demo, "teller") as conn:
            refused(conn, "UPDATE service_rating SET score = 4, reason = NULL WHERE id = %s", (rated.id,))
            refused(conn, "UPDATE service_rating SET rated_at = rated_at - interval '1 hour' WHERE id = %s",
                    (rated.id,))
            refused(conn, "UPDATE service_rating SET complaint_id = %s WHERE id = %s", (someone_elses, rated.id))
            refused(conn, "DELETE FROM service_rating WHERE id = %s", (rated.id,))
        made = complain_from_rating(t_store, teller, rated.id, channel="counter", content="服务态度", level=2)
        assert one(demo, "SELECT complaint_id FROM service_rating WHERE id = %s", (rated.id,)) == (made.id,)
        with connect_as(demo, "teller") as conn:                                      # linked once
            refused(conn, "UPDATE service_rating SET complaint_id = NULL WHERE id = %s", (rated.id,))
        calling.sign_out_counter(t_store, teller, desk)
    with connect_as(demo, "sh_teller") as conn:  # another branch sees none of it
        assert conn.execute("SELECT count(*) FROM service_rating").fetchone() == (0,)
