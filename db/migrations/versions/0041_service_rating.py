"""The customer's rating after service (评价器): ``service_rating``, one row per rated ticket.

Revision ID: 0041
Revises: 0040

When a counter finishes a ticket, the customer rates it on the counter's customer window:
4 非常满意, 3 满意, 2 一般, 1 不满意 (with a reason, and only then). One row per ticket at most,
in the name of the clerk who served and of the counter; a window left untouched stores nothing
(the ticket counts as unrated). ``complaint_id``: the complaint the clerk opened from an 不满意.

On PostgreSQL: privileges, forced row-level security by branch subtree (as every table with
branch data), the watch of migration 0023, and a guard trigger that refuses a staff login's
raw write the app would refuse:

* made only by a holder of ``call_tickets``, for a ticket that login itself finished (done, its
  ``clerk_id``), at that ticket's counter and branch, at the server's time (within the store's
  five-minute clock slack), no later than the queue policy's ``rating_seconds`` (30 by default)
  plus a minute's grace after the finish, with no complaint yet;
* once per ticket (the unique ticket), never deleted;
* its only change: the complaint, set once on an 不满意 by the clerk who was rated, to a complaint
  that login has just accepted for the ticket's customer.

The SQL is written here as of this revision (the grant and the policies too), so that later
changes of the live helpers never change what this migration installs.
"""
from alembic import op
import sqlalchemy as sa


revision = '0041'
down_revision = '0040'
branch_labels = None
depends_on = None

# The app's figures as of this revision (app/visit/rating_rules.py and app/queue/rules.py;
# tests/db/test_visit_ratings.py holds them equal).
DEFAULT_RATING_SECONDS = 30
GRACE_SECONDS = 60
SCORE_CHECK = "score BETWEEN 1 AND 4"
REASON_CHECK = ("(score = 1 AND reason IS NOT NULL AND length(trim(reason)) > 0)"
                " OR (score > 1 AND reason IS NULL)")

PROTECT = r"""
DO $$
DECLARE
    v_owner text := current_user;
    v_staff text := vipdesk_group_role('staff');
    v_scope text := 'EXISTS (SELECT 1 FROM branch b WHERE b.id = service_rating.branch_id'
                    ' AND starts_with(b.path, (SELECT current_branch_path())))';
BEGIN
    EXECUTE 'REVOKE ALL ON service_rating FROM PUBLIC';
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON service_rating TO %I', v_staff);
    EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I', pg_get_serial_sequence('service_rating', 'id'), v_staff);
    EXECUTE 'ALTER TABLE service_rating ENABLE ROW LEVEL SECURITY';
    EXECUTE 'ALTER TABLE service_rating FORCE ROW LEVEL SECURITY';
    EXECUTE format('CREATE POLICY owner_all ON service_rating TO %I USING (true) WITH CHECK (true)', v_owner);
    EXECUTE format('CREATE POLICY staff_read ON service_rating FOR SELECT TO %I USING (%s)', v_staff, v_scope);
    EXECUTE format('CREATE POLICY staff_insert ON service_rating FOR INSERT TO %I WITH CHECK (%s)', v_staff, v_scope);
    EXECUTE format('CREATE POLICY staff_update ON service_rating FOR UPDATE TO %I USING (%s) WITH CHECK (%s)',
                   v_staff, v_scope, v_scope);
END
$$;
"""

GUARD = r"""
CREATE FUNCTION vipdesk_guard_service_rating() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
    v_now timestamp := vipdesk_clock(NULL);
    t queue_ticket%ROWTYPE;
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'refused: a rating is never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM vipdesk_require('call_tickets');
        SELECT * INTO t FROM queue_ticket WHERE id = NEW.ticket_id;
        IF t.id IS NULL OR t.state <> 'done' OR t.finished_at IS NULL
           OR t.clerk_id IS DISTINCT FROM v_me OR NEW.clerk_id IS DISTINCT FROM v_me
           OR NEW.counter_id IS DISTINCT FROM t.counter_id OR NEW.branch_id IS DISTINCT FROM t.branch_id
           OR NEW.complaint_id IS NOT NULL
           OR abs(extract(epoch FROM NEW.rated_at - v_now)) > 300
           OR v_now > t.finished_at + make_interval(secs => coalesce((
                  SELECT (p.value::jsonb ->> 'rating_seconds')::integer FROM queue_policy p
                  WHERE p.branch_id = t.branch_id), __DEFAULT__) + __GRACE__) THEN
            RAISE EXCEPTION 'refused: a rating is given now, for a ticket the login just finished at its counter'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY['complaint_id']);
    IF OLD.complaint_id IS NOT NULL OR OLD.score <> 1 OR OLD.clerk_id IS DISTINCT FROM v_me
       OR NOT EXISTS (SELECT 1 FROM complaint c JOIN queue_ticket k ON k.id = OLD.ticket_id
                      WHERE c.id = NEW.complaint_id AND c.customer_id = k.customer_id
                      AND c.accepted_by = v_me AND abs(extract(epoch FROM c.accepted_at - v_now)) <= 300) THEN
        RAISE EXCEPTION 'refused: a rating never changes but for the complaint its clerk opens from it, once'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION vipdesk_guard_service_rating() FROM PUBLIC;
CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON service_rating
    FOR EACH ROW EXECUTE FUNCTION vipdesk_guard_service_rating();
CREATE CONSTRAINT TRIGGER vipdesk_watch AFTER INSERT OR UPDATE OR DELETE ON service_rating
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NOT vipdesk_is_owner())
    EXECUTE FUNCTION vipdesk_private.watch_change()
""".replace("__DEFAULT__", str(DEFAULT_RATING_SECONDS)).replace("__GRACE__", str(GRACE_SECONDS))


def _run(sql: str) -> None:
    """A script of several statements, in the migration's transaction (psycopg's own execute)."""
    driver = op.get_bind().connection.driver_connection
    assert driver is not None
    driver.execute(sql)


def upgrade() -> None:
    op.create_table(
        'service_rating',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('ticket_id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('counter_id', sa.Integer(), nullable=False),
        sa.Column('clerk_id', sa.Integer(), nullable=False),
        sa.Column('score', sa.SmallInteger(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('rated_at', sa.DateTime(), nullable=False),
        sa.Column('complaint_id', sa.Integer(), nullable=True),
        sa.CheckConstraint(SCORE_CHECK, name=op.f('ck_service_rating_score')),
        sa.CheckConstraint(REASON_CHECK, name=op.f('ck_service_rating_reason')),
        sa.ForeignKeyConstraint(['ticket_id'], ['queue_ticket.id'],
                                name=op.f('fk_service_rating_ticket_id_queue_ticket')),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_service_rating_branch_id_branch')),
        sa.ForeignKeyConstraint(['counter_id'], ['queue_counter.id'],
                                name=op.f('fk_service_rating_counter_id_queue_counter')),
        sa.ForeignKeyConstraint(['clerk_id'], ['staff_account.id'],
                                name=op.f('fk_service_rating_clerk_id_staff_account')),
        sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'],
                                name=op.f('fk_service_rating_complaint_id_complaint')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_service_rating')),
        sa.UniqueConstraint('ticket_id', name=op.f('uq_service_rating_ticket_id')),
    )
    with op.batch_alter_table('service_rating', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_rating_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index('ix_service_rating_clerk', ['clerk_id', 'rated_at'], unique=False)
        batch_op.create_index('ix_service_rating_counter', ['counter_id', 'rated_at'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        _run(PROTECT)
        _run(GUARD)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run("DROP TRIGGER vipdesk_watch ON service_rating; DROP TRIGGER vipdesk_guard ON service_rating;"
             " DROP FUNCTION vipdesk_guard_service_rating()")
    with op.batch_alter_table('service_rating', schema=None) as batch_op:
        batch_op.drop_index('ix_service_rating_counter')
        batch_op.drop_index('ix_service_rating_clerk')
        batch_op.drop_index(batch_op.f('ix_service_rating_branch_id'))
    op.drop_table('service_rating')
