"""The audit chain's digest: any change to any field or to the order changes the hashes."""

from dataclasses import replace
from datetime import datetime

from hypothesis import given, strategies as st

from app.audit.chain import GENESIS_HASH, EventFields, canonical_json, digest

EVENT = EventFields(1, datetime(2026, 11, 22, 8, 0, 0, 123456), 7, "teller", 4, "account.update",
                    "staff_account", "9", '{"a":1}', '{"a":2}')


def test_digest_is_stable_and_hex():
    assert digest(GENESIS_HASH, EVENT) == digest(GENESIS_HASH, EVENT)
    assert len(digest(GENESIS_HASH, EVENT)) == 64


def test_previous_hash_is_covered():
    assert digest(GENESIS_HASH, EVENT) != digest("1" * 64, EVENT)


@given(field=st.sampled_from(["seq", "actor_id", "actor_name", "branch_id", "action", "entity",
                              "entity_id", "before", "after", "occurred_at"]),
       text=st.text(min_size=1, max_size=20))
def test_changing_any_field_changes_the_digest(field, text):
    original = getattr(EVENT, field)
    if isinstance(original, int):
        changed = original + 1 + len(text)
    elif isinstance(original, datetime):
        changed = original.replace(microsecond=(original.microsecond + len(text)) % 1_000_000)
    else:
        changed = original + text
    assert digest(GENESIS_HASH, replace(EVENT, **{field: changed})) != digest(GENESIS_HASH, EVENT)


def test_canonical_json_sorts_keys_and_keeps_chinese():
    assert canonical_json({"b": 1, "a": "张三"}) == '{"a":"张三","b":1}'
    assert canonical_json(None) == ""
