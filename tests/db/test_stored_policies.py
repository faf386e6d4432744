"""Every stored policy is read by one typed loader (app.settings.load_stored_policy): the
defaults while nothing is stored, the stored policy when it validates, and a reported error,
naming the policy, when it does not; never the defaults in place of an invalid stored value."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import text

from app.auth.policy import SignInPolicy, load_policy as signin_policy
from app.cards.policy import card_policy
from app.cards.rules import DEFAULT_CARD_POLICY
from app.care.common import load_policy as care_policy
from app.care.rules import DEFAULT_CARE_POLICY
from app.customers.records import mask_policy
from app.customers.rules import DEFAULT_MASK_POLICY
from app.settings import StoredPolicyInvalid

READERS = {  # key: (policy's field label, how the app reads it, its defaults, a value it refuses)
    "signin_policy": ("Sign-in policy", signin_policy, SignInPolicy(), {"min_password_length": 3}),
    "card_policy": ("Card policy", lambda s: card_policy(s), DEFAULT_CARD_POLICY, {"products": "gold"}),
    "care_policy": ("Care policy", care_policy, DEFAULT_CARE_POLICY, {"bands": [{"lower_bound": "NaN"}]}),
    "mask_policy": ("Masking policy", mask_policy, DEFAULT_MASK_POLICY, {"id_keep_start": -1}),
}


def _store_value(store, key: str, value: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM setting WHERE key = :k"), {"k": key})
        conn.execute(text("INSERT INTO setting (key, value, version) VALUES (:k, :v, 1)"), {"k": key, "v": value})


def _read(store, key: str):
    reader = READERS[key][1]
    if key == "card_policy":
        return reader(store)
    with store.read() as session:
        return reader(session)


@pytest.mark.parametrize("key", sorted(READERS))
def test_defaults_then_the_stored_policy_then_an_invalid_one_reported(store, key):
    label, _, defaults, refused = READERS[key]
    assert _read(store, key) == defaults
    for bad in (json.dumps(refused), "[1, 2]", "{not json"):
        _store_value(store, key, bad)
        with pytest.raises(StoredPolicyInvalid) as caught:
            _read(store, key)
        assert caught.value.field == label and caught.value.setting == key
        assert "an administrator must save this policy again" in str(caught.value)


def test_a_valid_stored_policy_is_read_as_saved(store):
    _store_value(store, "card_policy", json.dumps(replace(DEFAULT_CARD_POLICY, expiring_days=45).to_dict()))
    assert card_policy(store) == replace(DEFAULT_CARD_POLICY, expiring_days=45)
    _store_value(store, "signin_policy", json.dumps({"lockout_minutes": 45, "unknown": 1}))
    assert _read(store, "signin_policy") == SignInPolicy(lockout_minutes=45)
