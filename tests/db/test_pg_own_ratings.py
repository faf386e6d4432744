"""A clerk reads only their own ratings on PostgreSQL (migration 0045), tried with raw SQL as the
demo logins: the ratings, the clerk performance report in the register and the audit events
that tell a rating; managers read them all; the performance service as the teller's own login
finds only the teller's figures."""

from __future__ import annotations

import pytest

from app.auth.accounts import actor_for
from app.queue.day_report import queue_day
from app.queue.performance import clerk_performance
from app.queue.performance_report import clerk_performance_report
from db.models import StaffAccount
from tests.db.lastline import signed_in
from tests.db.test_pg_security import column, connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg


def test_a_teller_reads_only_their_own_ratings(demo):  # noqa: F811
    owner, ids = demo.owner, demo.accounts
    rated = {}
    for clerk, score in (("teller", 4), ("teller2", 1)):
        ticket, branch, counter, day = owner.execute(
            "SELECT id, branch_id, counter_id, business_date FROM queue_ticket WHERE clerk_id = %s"
            " AND state = 'done' AND NOT EXISTS (SELECT 1 FROM service_rating r WHERE r.ticket_id = queue_ticket.id)"
            " ORDER BY id LIMIT 1", (ids[clerk],)).fetchone()
        rated[clerk] = owner.execute(
            "INSERT INTO service_rating (ticket_id, branch_id, counter_id, clerk_id, score, reason, rated_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, now() AT TIME ZONE 'UTC') RETURNING id",
            (ticket, branch, counter, ids[clerk], score, "服务态度" if score == 1 else None)).fetchone()[0]
        with demo.store.read() as session:
            actor = actor_for(session.get(StaffAccount, ids[clerk]))
        with demo.store.write(actor) as uow:
            uow.audit("visit.rate", "service_rating", rated[clerk], branch_id=branch, after={"score": score})
    with demo.store.read() as session:
        manager = actor_for(session.get(StaffAccount, ids["manager"]))
    clerk_performance_report(demo.store, manager, start=day, end=day)
    queue_day(demo.store, manager, start=day)
    told = "SELECT actor_id FROM audit_event WHERE action = 'visit.rate' ORDER BY actor_id"
    with connect_as(demo, "teller") as conn:
        assert set(column(conn, "SELECT clerk_id FROM service_rating")) == {ids["teller"]}   # the demo's too
        assert set(column(conn, told)) == {ids["teller"]}
        assert column(conn, "SELECT id FROM document WHERE kind = 'report_clerk_performance'") == []
        assert column(conn, "SELECT kind FROM document") == ["report_queue_day"]   # the rest stays
    for boss in ("manager", "lobby"):
        with connect_as(demo, boss) as conn:
            assert {ids["teller"], ids["teller2"]} <= set(column(conn, "SELECT clerk_id FROM service_rating"))
            assert {ids["teller"], ids["teller2"]} <= set(column(conn, told))
            assert len(column(conn, "SELECT id FROM document WHERE kind = 'report_clerk_performance'")) == 1
    with signed_in(demo, "teller") as [(store, teller)]:
        rows = clerk_performance(store, teller, start=day, end=day)
        very_satisfied = owner.execute(
            "SELECT count(*) FROM service_rating r JOIN queue_ticket t ON t.id = r.ticket_id"
            " WHERE r.clerk_id = %s AND r.score = 4 AND t.business_date = %s", (ids["teller"], day)).fetchone()[0]
        assert {r.key for r in rows} == {"柜员 李娜"} and sum(r.scores[0] for r in rows) == very_satisfied >= 1
