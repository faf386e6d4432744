"""Each audit lane's head for staff: ``vipdesk_audit_heads()`` (PostgreSQL).

The day-end stock reconciliation prints the audit trail's anchor (``app.audit.anchor``): each
lane's last seq and hash. It is made by a staff login, and row-level security shows staff only
their branch subtree's audit events, so a plain SELECT would see another branch's lane heads as
missing. This function returns, for every lane, its last event's seq and hash and nothing else
(no content, no actor, no branch): SECURITY DEFINER with a fixed search path, callable by the
store's staff group only. Each lane is found and its last event read through the (lane, seq)
index, not by reading the trail. SQLite has no row-level security; the app reads the heads
directly there.

Revision ID: 0028
Revises: 0027
"""
from alembic import op

from db.migrations.frozen.pg_scope_r0003 import run, store_roles


revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None

HEADS = """
CREATE FUNCTION vipdesk_audit_heads() RETURNS TABLE (lane smallint, head_seq bigint, head_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH RECURSIVE lanes(lane) AS (
        SELECT min(e.lane) FROM audit_event e
        UNION ALL
        SELECT (SELECT min(e.lane) FROM audit_event e WHERE e.lane > l.lane) FROM lanes l
            WHERE l.lane IS NOT NULL
    )
    SELECT l.lane, h.seq, h.hash::text FROM lanes l
        CROSS JOIN LATERAL (SELECT e.seq, e.hash FROM audit_event e WHERE e.lane = l.lane
                            ORDER BY e.seq DESC LIMIT 1) h
    ORDER BY l.lane
$$;
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    roles = store_roles(bind)
    run(bind, HEADS
        + "REVOKE EXECUTE ON FUNCTION vipdesk_audit_heads() FROM PUBLIC;\n"
        + f"GRANT EXECUTE ON FUNCTION vipdesk_audit_heads() TO {roles['STAFF']};")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION vipdesk_audit_heads()")
