"""The store holds a tier policy's lowest band to the tier it gives every new customer, and
every status column to the states of its state machine.

Revision ID: 0037
Revises: 0036

Every customer is born with the tier ``db.customer_tier.FIRST_TIER`` ('ordinary'), given by a
trigger that cannot know which policy will be in force. A policy whose lowest band was named
otherwise was valid until now, and a customer inserted under it got a tier code the policy did
not have. ``app.tiers.rules.TierPolicy.validate`` now refuses such a policy; on PostgreSQL the
tier policy guard's body check (migration 0032's ``vipdesk_private.tier_policy_body_ok``)
refuses it too, so that an administrator with a SQL tool cannot store one. The function's text
is rewritten where PostgreSQL holds it (as migration 0036 does); the downgrade puts it back.

Status columns held only the values the services wrote: a status typed with a SQL tool, or by a
future bug, could be anything, and every screen and figure would have to guess what it meant.
Each status column now accepts only the states of its machine, as of this revision (the lists
below are this revision's copy of app/*/rules.py; tests/db/test_status_checks.py holds them
equal to the app's). On PostgreSQL these are CHECK constraints ``ck_<table>_<column>``. On
SQLite a CHECK can only be added by recreating the table, which drops the table's triggers (the
care figures', the tier rows') and, with foreign keys on, fails for a table other rows refer to
(``vip_card``, ``blank_card``): there the same rule is a pair of triggers of the same name
(before insert, before update of the column) that abort the statement as a failed CHECK does.
"""
from alembic import op
from sqlalchemy import text

from db.migrations.frozen.pg_scope_r0003 import run


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


# (table, column): its machine's states, as of this revision.
STOCK_STATES = ("pending", "in_stock", "issued", "spoiled", "returned", "destroyed")
STATUS_COLUMNS = {
    ("tier_exception", "status"): ("proposed", "approved", "rejected", "withdrawn"),
    ("blank_card", "state"): STOCK_STATES,
    ("stock_move", "status"): ("pending", "done", "rejected"),
    ("stock_movement", "from_state"): STOCK_STATES,
    ("stock_movement", "to_state"): STOCK_STATES,
    ("contact_record", "follow_up_status"): ("none", "open", "done"),
    ("complaint", "state"): ("accepted", "assigned", "investigating", "resolved", "closed"),
    ("card_application", "status"): ("submitted", "approved", "rejected", "fulfilled", "cancelled"),
    ("vip_card", "status"): ("active", "lost", "expired", "replaced", "cancelled"),
    ("queue_ticket", "state"): ("waiting", "called", "serving", "done", "no_show", "cancelled",
                                "transferred", "expired"),
}


def _allowed(states: tuple[str, ...]) -> str:
    return ", ".join(f"'{state}'" for state in states)


def _add_checks(bind) -> None:
    for (table, column), states in STATUS_COLUMNS.items():
        name = f"ck_{table}_{column}"
        if bind.dialect.name == "postgresql":
            op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({column} IN ({_allowed(states)}))")
            continue
        refuse = (f"WHEN NEW.{column} NOT IN ({_allowed(states)}) "
                  f"BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {name}'); END")
        op.execute(f"CREATE TRIGGER {name}_insert BEFORE INSERT ON {table} {refuse}")
        op.execute(f"CREATE TRIGGER {name}_update BEFORE UPDATE OF {column} ON {table} {refuse}")


def _drop_checks(bind) -> None:
    for table, column in STATUS_COLUMNS:
        name = f"ck_{table}_{column}"
        if bind.dialect.name == "postgresql":
            op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
        else:
            op.execute(f"DROP TRIGGER {name}_insert")
            op.execute(f"DROP TRIGGER {name}_update")


def upgrade() -> None:
    _rewrite(FIRST_BOUND_ONLY, FIRST_BOUND_AND_CODE)
    _add_checks(op.get_bind())


def downgrade() -> None:
    _drop_checks(op.get_bind())
    _rewrite(FIRST_BOUND_AND_CODE, FIRST_BOUND_ONLY)
