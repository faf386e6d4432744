"""Queue rules: the calling order (strict and interleaved), aging by maximum wait, ties, clock
edges at a deadline and at local midnight, recalls and no-shows, policy checks."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from app.errors import ConflictError, ValidationError
from app.queue import rules
from app.queue.rules import Candidate, QueuePolicy, choose_next, make_policy, order_key, preference

CODES = ["ordinary", "gold", "platinum", "diamond", "private"]
T0 = datetime(2026, 11, 27, 2, 0)  # 10:00 in Shanghai
STRICT = QueuePolicy()


def c(id_, priority, minutes_ago, *, now=T0, front=False, policy=STRICT):
    queued = now - timedelta(minutes=minutes_ago)
    return Candidate(id_, priority, queued, rules.deadline(queued, priority, CODES, policy), front)


def order(tickets, now=T0, preferred=None):
    preferred = preferred or preference(STRICT, CODES, 0)
    remaining, called = list(tickets), []
    while remaining:
        nxt = choose_next(remaining, now, preferred)
        called.append(nxt.id)
        remaining.remove(nxt)
    return called


def test_strict_calls_higher_priority_first_then_first_come():
    tickets = [c(1, 0, 5), c(2, 3, 1), c(3, 1, 4), c(4, 3, 2), c(5, 2, 3)]
    assert order(tickets) == [4, 2, 5, 3, 1]


def test_ties_in_priority_and_arrival_go_by_ticket_id():
    assert order([c(9, 2, 3), c(7, 2, 3), c(8, 2, 3)]) == [7, 8, 9]


def test_an_overdue_ticket_goes_before_every_higher_priority():
    waited_too_long = c(1, 0, 31)       # ordinary: 30 minutes
    assert order([c(2, 4, 1), c(3, 3, 1), waited_too_long]) == [1, 2, 3]


def test_deadline_edge_exactly_at_the_maximum_wait_is_overdue_one_second_before_is_not():
    ticket = c(1, 0, 30)
    assert order([c(2, 3, 0), ticket]) == [1, 2]
    assert order([c(2, 3, 0), ticket], now=T0 - timedelta(seconds=1)) == [2, 1]


def test_several_overdue_go_by_earliest_deadline_whatever_their_priority():
    a = c(1, 0, 40)   # deadline 10 minutes ago
    b = c(2, 3, 25)   # diamond, 10-minute maximum: deadline 15 minutes ago
    assert order([a, b]) == [2, 1]


def test_front_transfers_go_first():
    assert order([c(1, 4, 50), c(2, 0, 1, front=True)]) == [2, 1]


def test_weighted_cycle_spreads_each_priority_by_its_weight():
    cycle = rules.weighted_cycle([(3, 2), (2, 2), (1, 1), (0, 1)])
    assert sorted(cycle) == [0, 1, 2, 2, 3, 3]
    assert cycle[0] == 3 and cycle[:2] != [3, 3]


def test_interleaved_gives_lower_tiers_their_turn():
    policy = make_policy(mode="interleaved", weights={"diamond": 2, "platinum": 2, "gold": 1, "ordinary": 1,
                                                       "private": 0 + 1})
    tickets = [c(i, 3, 1) for i in range(1, 7)] + [c(10 + i, 0, 1) for i in range(1, 4)]
    called, remaining = [], list(tickets)
    for calls in range(len(tickets)):
        nxt = choose_next(remaining, T0, preference(policy, CODES, calls))
        called.append(nxt.priority)
        remaining.remove(nxt)
    first_cycle = called[:sum(policy.weight(code) for code in CODES)]
    assert 0 in first_cycle  # an ordinary customer is called within one cycle, not after every diamond


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 90), st.booleans()), min_size=1, max_size=25),
       st.integers(0, 30), st.sampled_from(["strict", "interleaved"]))
def test_calling_order_properties(specs, calls, mode):
    policy = make_policy(mode=mode)
    tickets = [c(i, p, ago, front=front and i % 7 == 0, policy=policy) for i, (p, ago, front) in enumerate(specs)]
    preferred = preference(policy, CODES, calls)
    nxt = choose_next(tickets, T0, preferred)
    assert nxt is not None and nxt in tickets
    # the order is total: exactly one ticket is smallest
    keys = [order_key(t, T0, preferred) for t in tickets]
    assert len(set(keys)) == len(keys)
    if not nxt.front:
        assert not any(t.front for t in tickets)
        if nxt.deadline_at > T0:  # not overdue: then nobody is
            assert all(t.deadline_at > T0 for t in tickets)
        else:
            assert all(t.deadline_at >= nxt.deadline_at for t in tickets if t.deadline_at <= T0 and not t.front)
    if mode == "strict" and not any(t.front or t.deadline_at <= T0 for t in tickets):
        assert nxt.priority == max(t.priority for t in tickets)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 4), st.integers(0, 120))
def test_nobody_starves_a_ticket_is_called_once_its_wait_is_up_even_under_a_stream_of_vips(priority, extra):
    """However many higher tickets keep arriving, once a ticket's maximum wait has passed only
    tickets overdue earlier (finitely many) can go before it."""
    mine = c(0, priority, 0)
    later_now = mine.deadline_at + timedelta(minutes=extra)
    stream = [c(i, 4, 0, now=later_now) for i in range(1, 20)]
    assert choose_next(stream + [mine], later_now, preference(STRICT, CODES, 0)).id == 0


def test_ticket_numbers():
    assert rules.ticket_number("V", 1) == "V001" and rules.ticket_number("W", 1000) == "W1000"


def test_priority_of_tier_and_unknown_is_lowest():
    assert rules.priority_of("diamond", CODES) == 3 and rules.priority_of(None, CODES) == 0
    assert rules.priority_of("gone", CODES) == 0


def test_recall_needs_the_gap_and_stops_at_the_limit():
    policy = QueuePolicy(recall_gap_seconds=30, recalls_before_no_show=2)
    with pytest.raises(ValidationError, match="30 seconds"):
        rules.check_recall(0, T0, T0, policy)
    with pytest.raises(ValidationError, match="1 seconds"):
        rules.check_recall(0, T0, T0 + timedelta(seconds=29.5), policy)
    rules.check_recall(0, T0, T0 + timedelta(seconds=30), policy)
    with pytest.raises(ValidationError, match="no-show"):
        rules.check_recall(2, T0, T0 + timedelta(minutes=5), policy)
    with pytest.raises(ValidationError, match="before marking a no-show"):
        rules.check_no_show(1, policy)
    rules.check_no_show(2, policy)


def test_transitions_name_the_ticket():
    with pytest.raises(ConflictError) as caught:
        rules.check_action("finish", rules.CALLED, "V001")
    assert caught.value.params["number"] == "V001"
    rules.check_action("finish", rules.SERVING, "V001")


def test_lost_counter_after_the_policy_time():
    policy = QueuePolicy(lost_after_seconds=90)
    assert not rules.is_lost(rules.CALLED, T0, T0 + timedelta(seconds=89), policy)
    assert rules.is_lost(rules.CALLED, T0, T0 + timedelta(seconds=90), policy)
    assert not rules.is_lost(rules.WAITING, T0, T0 + timedelta(hours=1), policy)


@pytest.mark.parametrize("kwargs, field", [
    ({"mode": "random"}, rules.MODE),
    ({"weights": {"gold": 0}}, rules.WEIGHT),
    ({"max_wait_minutes": {"gold": "x"}}, rules.MAX_WAIT),
    ({"recall_gap_seconds": -1}, rules.RECALL_GAP),
    ({"recalls_before_no_show": 11}, rules.RECALLS),
    ({"lost_after_seconds": 5}, rules.LOST_AFTER),
    ({"time_zone": "Mars/Olympus"}, rules.TIME_ZONE),
])
def test_bad_policy_names_the_field(kwargs, field):
    with pytest.raises(ValidationError) as caught:
        make_policy(**kwargs)
    assert caught.value.field == field


def test_policy_round_trips_through_json():
    policy = make_policy(mode="interleaved", weights={"diamond": 3}, recall_gap_seconds=45)
    assert QueuePolicy.from_json(policy.to_json()) == policy


CODES = ["ordinary", "gold", "platinum", "diamond", "private"]


@given(mode=st.sampled_from(rules.MODES), weights=st.lists(st.integers(1, 20), min_size=5, max_size=5),
       calls=st.integers(0, 10_000))
def test_the_plan_of_a_cycle_is_each_calls_preference(mode, weights, calls):
    """What the store is sent (one preference per call of the cycle, migration 0033) is what
    the call would prefer: every turn a full order of the tiers, each tier's turns as many as
    its weight (interleaved) or one order for all (strict)."""
    policy = make_policy(mode=mode, weights=dict(zip(CODES, weights)))
    cycle = rules.preference_cycle(policy, CODES)
    assert preference(policy, CODES, calls) == cycle[calls % len(cycle)]
    assert all(sorted(turn) == list(range(len(CODES))) for turn in cycle)
    if mode == rules.STRICT:
        assert cycle == [[4, 3, 2, 1, 0]]
    else:
        assert [sum(1 for turn in cycle if turn[0] == p) for p in range(len(CODES))] == weights
        assert all(turn[1:] == sorted(turn[1:], reverse=True) for turn in cycle)
