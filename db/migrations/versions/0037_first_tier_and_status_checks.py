"""The store holds a tier policy's lowest band to the tier it gives every new customer.

Revision ID: 0037
Revises: 0036

Every customer is born with the tier ``db.customer_tier.FIRST_TIER`` ('ordinary'), given by a
trigger that cannot know which policy will be in force. A policy whose lowest band was named
otherwise was valid until now, and a customer inserted under it got a tier code the policy did
not have. ``app.tiers.rules.TierPolicy.validate`` now refuses such a policy; on PostgreSQL the
tier policy guard's body check (migration 0032's ``vipdesk_private.tier_policy_body_ok``)
refuses it too, so that an administrator with a SQL tool cannot store one. The function's text
is rewritten where PostgreSQL holds it (as migration 0036 does); the downgrade puts it back.
"""
from alembic import op
from sqlalchemy import text

from db.pg_scope import run


revision = '0037'
down_revision = '0036'
branch_labels = None
depends_on = None

# The tier every customer is born with, as of this revision (db.customer_tier.FIRST_TIER).
FIRST_TIER = "ordinary"
FIRST_BOUND_ONLY = "(v_previous IS NULL AND v_bound <> 0)"
FIRST_BOUND_AND_CODE = f"(v_previous IS NULL AND (v_bound <> 0 OR b ->> 'code' <> '{FIRST_TIER}'))"


def _rewrite(old: str, new: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    definition = bind.execute(text(
        "SELECT pg_get_functiondef('vipdesk_private.tier_policy_body_ok(json)'::regprocedure)")).scalar_one()
    if definition.count(old) != 1:
        raise RuntimeError("vipdesk_private.tier_policy_body_ok is not as migration 0032 made it")
    run(bind, definition.replace(old, new))


def upgrade() -> None:
    _rewrite(FIRST_BOUND_ONLY, FIRST_BOUND_AND_CODE)


def downgrade() -> None:
    _rewrite(FIRST_BOUND_AND_CODE, FIRST_BOUND_ONLY)
