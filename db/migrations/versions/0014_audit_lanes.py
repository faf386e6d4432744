"""The audit chain in lanes: one hash chain per lane instead of one for the whole store.

With one chain, every writer of the store queued for its head from the moment it took it until
its commit, and a writer that lost the processor meanwhile held up everybody (the 200-counter
drill). Now a writer on PostgreSQL takes the first lane whose head is free (lane 0, else 1, and
so on; so one writer at a time always writes lane 0) and appends there; each lane is chained
exactly as the one chain was (seq from 1, each hash covering the previous one), so an edited,
removed, inserted or moved event still breaks its lane. SQLite has one writer at a time and
keeps writing lane 0. Existing events become lane 0, unchanged.

Revision ID: 0014
Revises: 0013
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import run, store_roles


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

# How many lanes PostgreSQL writers spread over (a writer blocks only when all are taken).
LANES = 32

LANE_HEAD = f"""
CREATE FUNCTION audit_lane_head(OUT lane smallint, OUT head_seq bigint, OUT head_hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    FOR candidate IN 0..{LANES - 1} LOOP
        IF pg_try_advisory_xact_lock(730100, candidate) THEN
            lane := candidate;
            EXIT;
        END IF;
    END LOOP;
    IF lane IS NULL THEN  -- every lane is being written: queue for one (spread by process)
        lane := pg_backend_pid() % {LANES};
        PERFORM pg_advisory_xact_lock(730100, lane);
    END IF;
    SELECT e.seq, e.hash INTO head_seq, head_hash FROM audit_event e
        WHERE e.lane = audit_lane_head.lane ORDER BY e.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        head_seq := 0;
        head_hash := repeat('0', 64);
    END IF;
END
$$;
"""

APPEND = """
CREATE OR REPLACE FUNCTION vipdesk_append_audit(
    p_now timestamp, p_actor_name text, p_branch_id integer, p_action text, p_entity text,
    p_entity_id text, p_before text, p_after text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    h record;
BEGIN
    SELECT * INTO h FROM audit_lane_head();
    INSERT INTO audit_event (lane, seq, occurred_at, actor_id, actor_name, branch_id, action, entity,
                             entity_id, before, after, prev_hash, hash)
    VALUES (h.lane, h.head_seq + 1, p_now, NULL, p_actor_name, p_branch_id, p_action, p_entity,
            p_entity_id, p_before, p_after, h.head_hash,
            vipdesk_audit_digest(h.head_hash, h.head_seq + 1, p_now, NULL, p_actor_name,
                                 p_branch_id, p_action, p_entity, p_entity_id, p_before, p_after));
END
$$;
"""

OLD_HEAD = """
CREATE FUNCTION audit_chain_head(OUT head_seq bigint, OUT head_hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(730100);
    SELECT seq, hash INTO head_seq, head_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
    IF NOT FOUND THEN
        head_seq := 0;
        head_hash := repeat('0', 64);
    END IF;
END
$$;
"""


def upgrade() -> None:
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lane', sa.SmallInteger(), nullable=False, server_default='0'))
        batch_op.drop_constraint('uq_audit_event_seq', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_audit_event_lane'), ['lane', 'seq'])
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    roles = store_roles(bind)
    run(bind, LANE_HEAD + APPEND
        + "REVOKE EXECUTE ON FUNCTION audit_lane_head() FROM PUBLIC;\n"
        + f"GRANT EXECUTE ON FUNCTION audit_lane_head() TO {roles['STAFF']};\n"
        + "DROP FUNCTION audit_chain_head();")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT count(*) FROM audit_event WHERE lane <> 0")).scalar():
        raise RuntimeError("the audit trail has events in more than one lane: it cannot go back "
                           "to a single chain without breaking it")
    if bind.dialect.name == "postgresql":
        roles = store_roles(bind)
        run(bind, OLD_HEAD
            + "REVOKE EXECUTE ON FUNCTION audit_chain_head() FROM PUBLIC;\n"
            + f"GRANT EXECUTE ON FUNCTION audit_chain_head() TO {roles['STAFF']};\n"
            + APPEND.replace("SELECT * INTO h FROM audit_lane_head();", "SELECT * INTO h FROM audit_chain_head();")
            .replace("(lane, seq,", "(seq,").replace("VALUES (h.lane, ", "VALUES (")
            + "DROP FUNCTION audit_lane_head();")
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_constraint('uq_audit_event_lane', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_audit_event_seq'), ['seq'])
        batch_op.drop_column('lane')
