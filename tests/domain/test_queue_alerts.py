"""Long-wait alerts (app/queue/alerts.py) and their policy: a waiting ticket is listed exactly
when it has waited its priority's alert time; the alert defaults to two thirds of the maximum
wait and must come before it, so every overdue waiting ticket is listed; the most urgent first;
the policy keeps the alert through its stored form."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.queue import rules
from app.queue.alerts import long_waits
from app.queue.common import TicketRow

CODES = ["ordinary", "gold", "platinum", "diamond"]
NOW = datetime(2026, 11, 27, 3, 0)


def ticket(id_: int, priority: int, waited_minutes: float, policy, state=rules.WAITING) -> TicketRow:
    queued = NOW - timedelta(minutes=waited_minutes)
    return TicketRow(
        id=id_, number=f"V{id_:03d}", service_id=1, service_prefix="V", service_name="贵宾", business_date=NOW.date(),
        customer_id=None, customer_label="", tier=CODES[priority], priority=priority, state=state, issued_at=queued,
        queued_at=queued, deadline_at=rules.deadline(queued, priority, CODES, policy), front=False, target_counter="",
        counter_id=None, counter="", clerk_name="", called_at=None, recalls=0, started_at=None, finished_at=None,
        note="", origin_id=id_)


def test_the_default_alert_is_two_thirds_of_the_maximum_wait_and_kept_when_stored():
    policy = rules.make_policy()
    assert policy.alert_after("diamond") == timedelta(minutes=6)
    assert policy.alert_after("ordinary") == timedelta(minutes=20)
    own = rules.make_policy(alert_minutes={"gold": 5})
    assert own.alert_after("gold") == timedelta(minutes=5)
    assert rules.QueuePolicy.from_json(own.to_json()) == own


@pytest.mark.parametrize("alerts, waits", [({"gold": 20}, None), ({"gold": 9}, {"gold": 9}), ({"gold": 0}, None),
                                           ({"gold": "x"}, None)])
def test_an_alert_at_or_after_the_maximum_wait_is_refused(alerts, waits):
    with pytest.raises(ValidationError) as refused:
        rules.make_policy(alert_minutes=alerts, max_wait_minutes=waits)
    assert refused.value.field == rules.ALERT_AFTER


@given(st.lists(st.tuples(st.integers(0, 3), st.floats(0, 60, allow_nan=False),
                          st.sampled_from((rules.WAITING, rules.CALLED, rules.SERVING))), max_size=12))
def test_listed_exactly_when_waiting_past_the_alert_and_every_overdue_one_is(specs):
    policy = rules.make_policy()
    made = [ticket(i, p, w, policy, s) for i, (p, w, s) in enumerate(specs, 1)]
    listed = {w.ticket.id: w for w in long_waits(made, NOW, policy, CODES)}
    for t in made:
        due = t.state == rules.WAITING and NOW - t.queued_at >= policy.alert_after(CODES[t.priority])
        assert (t.id in listed) == due
        if t.state == rules.WAITING and NOW >= t.deadline_at:
            assert listed[t.id].overdue


def test_the_most_urgent_first_and_a_raised_priority_alerts_sooner():
    policy = rules.make_policy()
    made = [ticket(1, 0, 25, policy), ticket(2, 3, 12, policy), ticket(3, 3, 7, policy), ticket(4, 1, 14, policy),
            ticket(5, 0, 19, policy)]
    assert [w.ticket.id for w in long_waits(made, NOW, policy, CODES)] == [2, 1, 3, 4]
    assert [w.overdue for w in long_waits(made, NOW, policy, CODES)] == [True, False, False, False]
    raised = ticket(5, 3, 19, policy)  # the same wait at diamond priority: past its alert and its maximum
    assert long_waits([raised], NOW, policy, CODES)[0].overdue
