"""``rules.calls_before`` (the slip's people ahead) is the counters' own choice replayed: on
random queues it agrees with calling ``choose_next`` call after call, counters taking turns,
reservations first, an interleaved policy's turn moving with every call."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from app.queue import rules

NOW = datetime(2026, 12, 6, 10)
CODES = ["ordinary", "gold", "platinum", "diamond", "private"]


def replayed(target, candidates, callers, policy, calls_made) -> int:
    """The plain replay: each call picks with choose_next over what is left."""
    waiting = {t.id: t for t in candidates}
    mine = [c for c in callers if target in c.may_call or c.reserved == target]
    called = 0
    while mine:
        for caller in mine:
            if caller.reserved in waiting:
                pick = waiting[caller.reserved]
            else:
                pick = rules.choose_next([waiting[i] for i in caller.may_call if i in waiting], NOW,
                                         rules.preference(policy, CODES, calls_made + called))
            if pick is None:
                continue
            if pick.id == target:
                return called
            del waiting[pick.id]
            called += 1
    return 0


@pytest.mark.parametrize("seed", range(40))
def test_calls_before_is_the_replayed_calling_order(seed):
    chance = random.Random(seed)
    candidates = [rules.Candidate(i, chance.randint(0, 4), NOW - timedelta(minutes=chance.randint(0, 40)),
                                  NOW + timedelta(minutes=chance.randint(-10, 30)), chance.random() < 0.05)
                  for i in range(chance.randint(1, 50))]
    ids = [c.id for c in candidates]
    callers = [rules.Caller(frozenset(i for i in ids if chance.random() < 0.7),
                            chance.choice(ids) if chance.random() < 0.2 else None)
               for _ in range(chance.randint(1, 4))]
    target = chance.choice(ids)
    policy = rules.make_policy(mode=chance.choice(rules.MODES))
    calls_made = chance.randint(0, 20)
    assert rules.calls_before(target, candidates, callers, NOW, policy, CODES, calls_made) == \
        replayed(target, candidates, callers, policy, calls_made)


def test_nobody_ahead_when_no_counter_may_call_it():
    ticket = rules.Candidate(1, 0, NOW, NOW + timedelta(minutes=30))
    other = rules.Candidate(2, 4, NOW, NOW + timedelta(minutes=10))
    assert rules.calls_before(1, [ticket, other], [rules.Caller(frozenset({2}))], NOW, rules.QueuePolicy(),
                              CODES, 0) == 0
    assert rules.calls_before(1, [ticket, other], [rules.Caller(frozenset({1, 2}))], NOW, rules.QueuePolicy(),
                              CODES, 0) == 1
