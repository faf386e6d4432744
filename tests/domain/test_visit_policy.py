"""The queue policy's time before an unreceived VIP arrival reaches the branch manager: 5
minutes by default, 1 to 60 kept through the stored JSON, anything else refused naming the
field; a policy stored before it existed reads as the default."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from app.errors import ValidationError
from app.queue.rules import RECEIVE_WITHIN, QueuePolicy, make_policy


@given(st.integers(1, 60))
def test_kept_through_the_stored_json(minutes):
    policy = make_policy(receive_minutes=minutes)
    assert QueuePolicy.from_json(policy.to_json()).receive_minutes == minutes


@pytest.mark.parametrize("bad", [0, 61, -5, "x", 2.5, True, None])
def test_outside_the_range_refused_naming_the_field(bad):
    with pytest.raises(ValidationError) as refused:
        make_policy(receive_minutes=bad)
    assert refused.value.field == RECEIVE_WITHIN


def test_an_older_stored_policy_reads_as_the_default():
    stored = json.loads(QueuePolicy().to_json())
    del stored["receive_minutes"]
    assert QueuePolicy.from_json(json.dumps(stored)).receive_minutes == QueuePolicy().receive_minutes == 5
