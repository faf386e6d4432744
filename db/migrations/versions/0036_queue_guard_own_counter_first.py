"""The queue's guard asks whether a ticket is at the login's own counter before asking whether
the login manages the queue.

Revision ID: 0036
Revises: 0035

Every start, finish, recall and no-show at a counter passes migration 0025's guard on
``queue_ticket``, which lets a step on a ticket at a counter through for that counter's clerk or
the lobby manager. It asked ``vipdesk_may('manage_queue')`` first, a join over the login's roles
and permissions, for every step of every clerk; it now looks first at the counter row the step
already touched, and asks about the lobby manager's permission only when the counter is not the
login's. The rule is the same. The function's text is rewritten where PostgreSQL holds it (as
migration 0020 rewrites policies); the downgrade puts the order back.
"""
from alembic import op
from sqlalchemy import text

from db.migrations.frozen.pg_scope_r0003 import run


revision = '0036'
down_revision = '0035'
branch_labels = None
depends_on = None

MAY_FIRST = """          AND NOT vipdesk_may('manage_queue') AND NOT EXISTS (
              SELECT 1 FROM queue_counter c WHERE c.id = OLD.counter_id AND c.account_id = v_me) THEN"""
OWN_COUNTER_FIRST = """          AND NOT EXISTS (
              SELECT 1 FROM queue_counter c WHERE c.id = OLD.counter_id AND c.account_id = v_me)
          AND NOT vipdesk_may('manage_queue') THEN"""


def _rewrite(old: str, new: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    definition = bind.execute(text("SELECT pg_get_functiondef('vipdesk_guard_queue_ticket()'::regprocedure)")).scalar_one()
    if definition.count(old) != 1:
        raise RuntimeError("vipdesk_guard_queue_ticket is not as migration 0025 made it")
    run(bind, definition.replace(old, new))


def upgrade() -> None:
    _rewrite(MAY_FIRST, OWN_COUNTER_FIRST)


def downgrade() -> None:
    _rewrite(OWN_COUNTER_FIRST, MAY_FIRST)
