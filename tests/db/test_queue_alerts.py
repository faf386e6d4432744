"""Long-wait alerts over the lobby's board on SQLite and PostgreSQL: a diamond is listed after
its alert time and an ordinary ticket only after its own; a branch's own alert times, saved
with its policy, take effect; a called ticket leaves the list."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.queue import calling, setup, tickets, views
from app.queue.alerts import long_waits
from tests.db.queuehelp import make_queue


@pytest.fixture
def q(demo_store):
    return make_queue(demo_store)


def alerted(q) -> list[tuple[str, bool]]:
    board = views.board(q.store, q.lobby)
    mine = [t for t in board.tickets if t.service_id == q.service]
    return [(w.ticket.number, w.overdue) for w in long_waits(mine, board.now, board.policy, board.tier_codes)]


def test_alerts_by_tier_before_the_maximum_wait(q):
    ordinary = tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    diamond = tickets.issue_ticket(q.store, q.lobby, service_id=q.service, customer_id=q.customer_of_tier("diamond"))
    q.clock.tick(minutes=5, seconds=59)
    assert alerted(q) == []
    q.clock.tick(seconds=1)  # the diamond has waited 6 minutes: two thirds of its 10
    assert alerted(q) == [(diamond.number, False)]
    q.clock.tick(minutes=14)
    assert alerted(q) == [(diamond.number, True), (ordinary.number, False)]
    calling.call_next(q.store, q.teller, q.desk1)  # the overdue diamond is called: off the list
    assert alerted(q) == [(ordinary.number, False)]


def test_a_branchs_own_alert_times_take_effect(q):
    own = replace(views.board(q.store, q.lobby).policy, alert_minutes={"ordinary": 3})
    setup.save_policy(q.store, q.manager, own)
    ordinary = tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    q.clock.tick(minutes=3)
    assert alerted(q) == [(ordinary.number, False)]
