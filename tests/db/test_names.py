"""Records keep who acted by user name; what is read back names the person."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import insert

from app.auth.names import names_of, person
from app.tiers.policy_store import list_policies
from app.tiers.rules import DEFAULT_TIER_POLICY
from db.models import TierPolicyVersion


def test_names_of_the_accounts_asked_for(demo_store):
    with demo_store.read() as session:
        names = names_of(session, ["teller", "custodian2", "demo", ""])
    assert names == {"teller": "柜员 李娜", "custodian2": "库管员 孙丽"}
    assert person(names, "demo") == "demo"


def test_the_tier_policy_history_names_who_saved_each_version(demo_store):
    body = {"bands": DEFAULT_TIER_POLICY.to_dict()["bands"]}
    with demo_store.engine.begin() as conn:
        conn.execute(insert(TierPolicyVersion), [dict(
            version=2, effective_from=date(2026, 1, 1), body=json.dumps(body),
            created_at=datetime(2026, 1, 1), created_by="admin")])
    with demo_store.read() as session:
        assert list_policies(session)[0].created_by == "系统管理员"
