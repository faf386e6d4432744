"""A VIP's arrival told to their relationship manager, appointments, and the database's guards.

Revision ID: 0040
Revises: 0039

``visit_arrival``: one row per ticket issued to a customer with a relationship manager; who
came to receive them (我来接待) and the contact record that wrote into the care history.

On PostgreSQL: privileges, forced row-level security by branch subtree (as every table with
branch data), the watch of migration 0023, and a guard trigger that refuses a staff login's
raw write the app would refuse:

* made only with a waiting ticket, by a holder of ``issue_tickets``, for that ticket's customer
  and the customer's own relationship manager, at the ticket's issue time, escalating after the
  branch's policy time (``receive_minutes`` of the queue policy, 5 by default), unreceived;
* received once, by the login itself (the customer's relationship manager or a branch manager),
  at the server's time (within the store's five-minute clock slack), with a contact record of
  that customer in the receiver's name; nothing else of the row ever changes;
* never deleted.

``visit_appointment``: a customer booked for a day, a window (local "HH:MM") and a service;
booked → checked_in (with its ticket) | no_show | cancelled. Its guard: booked by a holder of
``care_for_customers`` in their own name, now, for today or later, a window that ends after it
starts, a service of the customer's branch, never over another open booking of the customer;
checked in by ``issue_tickets`` with a ticket of that customer and service issued now; a no-show
only once the window has passed (the server's clock, Asia/Shanghai); cancelled by
``care_for_customers``; only its state, ticket and closing time ever change; never deleted.
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import CUSTOMER_IN_SCOPE, protect, run


revision = '0040'
down_revision = '0039'
branch_labels = None
depends_on = None

GUARD = r"""
CREATE FUNCTION vipdesk_guard_visit_arrival() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
    t queue_ticket%ROWTYPE;
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'refused: an arrival is never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM vipdesk_require('issue_tickets');
        SELECT * INTO t FROM queue_ticket WHERE id = NEW.ticket_id;
        IF t.id IS NULL OR t.state <> 'waiting' OR t.branch_id <> NEW.branch_id
           OR t.customer_id IS DISTINCT FROM NEW.customer_id OR t.issued_at <> NEW.announced_at
           OR NEW.manager_id IS DISTINCT FROM (SELECT relationship_manager_id FROM customer WHERE id = NEW.customer_id)
           OR NEW.escalate_at <> NEW.announced_at + make_interval(mins => coalesce((
                  SELECT (p.value::jsonb ->> 'receive_minutes')::integer FROM queue_policy p
                  WHERE p.branch_id = NEW.branch_id), 5))
           OR NEW.received_at IS NOT NULL OR NEW.received_by_id IS NOT NULL
           OR NEW.received_by_name <> '' OR NEW.contact_id IS NOT NULL THEN
            RAISE EXCEPTION 'refused: an arrival is told with its waiting ticket, to the customer''s own manager'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW),
                              ARRAY['received_at', 'received_by_id', 'received_by_name', 'contact_id']);
    IF OLD.received_at IS NOT NULL OR NEW.received_at IS NULL
       OR NEW.received_by_id IS DISTINCT FROM v_me
       OR NEW.received_by_name IS DISTINCT FROM (SELECT display_name FROM staff_account WHERE id = v_me)
       OR abs(extract(epoch FROM NEW.received_at - vipdesk_clock(NULL))) > 300
       OR NOT (v_me = OLD.manager_id OR EXISTS (
               SELECT 1 FROM staff_role r WHERE r.account_id = v_me AND r.role = 'branch_manager'))
       OR NOT EXISTS (SELECT 1 FROM contact_record c WHERE c.id = NEW.contact_id
                      AND c.customer_id = OLD.customer_id AND c.staff_id = v_me) THEN
        RAISE EXCEPTION 'refused: an arrival is received once, by its manager or a branch manager, now, with a contact'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION vipdesk_guard_visit_arrival() FROM PUBLIC;
CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON visit_arrival
    FOR EACH ROW EXECUTE FUNCTION vipdesk_guard_visit_arrival();
CREATE CONSTRAINT TRIGGER vipdesk_watch AFTER INSERT OR UPDATE OR DELETE ON visit_arrival
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NOT vipdesk_is_owner())
    EXECUTE FUNCTION vipdesk_private.watch_change();

CREATE FUNCTION vipdesk_guard_visit_appointment() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
    v_now timestamp := vipdesk_clock(NULL);
    v_local timestamp := (now() AT TIME ZONE 'Asia/Shanghai');
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'refused: an appointment is never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM vipdesk_require('care_for_customers');
        IF NEW.state <> 'booked' OR NEW.ticket_id IS NOT NULL OR NEW.closed_at IS NOT NULL
           OR NEW.booked_by_id IS DISTINCT FROM v_me
           OR NEW.booked_by_name IS DISTINCT FROM (SELECT display_name FROM staff_account WHERE id = v_me)
           OR abs(extract(epoch FROM NEW.booked_at - v_now)) > 300
           OR NEW.day < v_local::date OR NEW.starts !~ '^[0-2][0-9]:[0-5][0-9]$'
           OR NEW.ends !~ '^[0-2][0-9]:[0-5][0-9]$' OR NEW.starts >= NEW.ends
           OR NEW.branch_id IS DISTINCT FROM (SELECT branch_id FROM customer WHERE id = NEW.customer_id)
           OR NOT EXISTS (SELECT 1 FROM queue_service s WHERE s.id = NEW.service_id AND s.branch_id = NEW.branch_id)
           OR EXISTS (SELECT 1 FROM visit_appointment a WHERE a.customer_id = NEW.customer_id
                      AND a.day = NEW.day AND a.state = 'booked' AND a.starts < NEW.ends AND NEW.starts < a.ends) THEN
            RAISE EXCEPTION 'refused: an appointment is booked now, in one''s own name, ahead, not over another'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY['state', 'ticket_id', 'closed_at']);
    IF NEW.state IS NOT DISTINCT FROM OLD.state THEN
        RAISE EXCEPTION 'refused: an appointment changes only by a step' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.state <> 'booked' OR abs(extract(epoch FROM NEW.closed_at - v_now)) > 300
       OR (NEW.state = 'checked_in' AND (NOT vipdesk_may('issue_tickets') OR NOT EXISTS (
               SELECT 1 FROM queue_ticket t WHERE t.id = NEW.ticket_id AND t.customer_id = OLD.customer_id
               AND t.service_id = OLD.service_id AND abs(extract(epoch FROM t.issued_at - v_now)) <= 300)))
       OR (NEW.state = 'no_show' AND (NOT vipdesk_may('issue_tickets') OR NEW.ticket_id IS NOT NULL
               OR OLD.day > v_local::date OR (OLD.day = v_local::date AND OLD.ends >= to_char(v_local, 'HH24:MI'))))
       OR (NEW.state = 'cancelled' AND (NOT vipdesk_may('care_for_customers') OR NEW.ticket_id IS NOT NULL))
       OR NEW.state NOT IN ('checked_in', 'no_show', 'cancelled') THEN
        RAISE EXCEPTION 'refused: a booked appointment is checked in with its ticket, missed once past, or cancelled'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION vipdesk_guard_visit_appointment() FROM PUBLIC;
CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON visit_appointment
    FOR EACH ROW EXECUTE FUNCTION vipdesk_guard_visit_appointment();
CREATE CONSTRAINT TRIGGER vipdesk_watch AFTER INSERT OR UPDATE OR DELETE ON visit_appointment
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NOT vipdesk_is_owner())
    EXECUTE FUNCTION vipdesk_private.watch_change()
"""


def upgrade() -> None:
    op.create_table(
        'visit_arrival',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('ticket_id', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('manager_id', sa.Integer(), nullable=False),
        sa.Column('announced_at', sa.DateTime(), nullable=False),
        sa.Column('escalate_at', sa.DateTime(), nullable=False),
        sa.Column('received_at', sa.DateTime(), nullable=True),
        sa.Column('received_by_id', sa.Integer(), nullable=True),
        sa.Column('received_by_name', sa.String(length=64), nullable=False),
        sa.Column('contact_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_visit_arrival_branch_id_branch')),
        sa.ForeignKeyConstraint(['ticket_id'], ['queue_ticket.id'], name=op.f('fk_visit_arrival_ticket_id_queue_ticket')),
        sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_visit_arrival_customer_id_customer')),
        sa.ForeignKeyConstraint(['manager_id'], ['staff_account.id'],
                                name=op.f('fk_visit_arrival_manager_id_staff_account')),
        sa.ForeignKeyConstraint(['received_by_id'], ['staff_account.id'],
                                name=op.f('fk_visit_arrival_received_by_id_staff_account')),
        sa.ForeignKeyConstraint(['contact_id'], ['contact_record.id'],
                                name=op.f('fk_visit_arrival_contact_id_contact_record')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_arrival')),
        sa.UniqueConstraint('ticket_id', name=op.f('uq_visit_arrival_ticket_id')),
    )
    with op.batch_alter_table('visit_arrival', schema=None) as batch_op:
        batch_op.create_index('ix_visit_arrival_open', ['branch_id', 'received_at', 'escalate_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_arrival_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_arrival_manager_id'), ['manager_id'], unique=False)
    op.create_table(
        'visit_appointment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('service_id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('starts', sa.String(length=5), nullable=False),
        sa.Column('ends', sa.String(length=5), nullable=False),
        sa.Column('note', sa.String(length=200), nullable=False),
        sa.Column('state', sa.String(length=12), nullable=False),
        sa.Column('booked_at', sa.DateTime(), nullable=False),
        sa.Column('booked_by_id', sa.Integer(), nullable=True),
        sa.Column('booked_by_name', sa.String(length=64), nullable=False),
        sa.Column('ticket_id', sa.Integer(), nullable=True),
        sa.Column('closed_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_visit_appointment_branch_id_branch')),
        sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_visit_appointment_customer_id_customer')),
        sa.ForeignKeyConstraint(['service_id'], ['queue_service.id'],
                                name=op.f('fk_visit_appointment_service_id_queue_service')),
        sa.ForeignKeyConstraint(['booked_by_id'], ['staff_account.id'],
                                name=op.f('fk_visit_appointment_booked_by_id_staff_account')),
        sa.ForeignKeyConstraint(['ticket_id'], ['queue_ticket.id'],
                                name=op.f('fk_visit_appointment_ticket_id_queue_ticket')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_appointment')),
    )
    with op.batch_alter_table('visit_appointment', schema=None) as batch_op:
        batch_op.create_index('ix_visit_appointment_day', ['branch_id', 'day', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_appointment_customer_id'), ['customer_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    protect(bind, "visit_appointment", grants=[("SELECT, INSERT, UPDATE", "STAFF")],
            policies=[("staff_read", "SELECT", "STAFF", CUSTOMER_IN_SCOPE),
                      ("staff_insert", "INSERT", "STAFF", CUSTOMER_IN_SCOPE),
                      ("staff_update", "UPDATE", "STAFF", CUSTOMER_IN_SCOPE)])
    protect(bind, "visit_arrival", grants=[("SELECT, INSERT, UPDATE", "STAFF")],
            policies=[("staff_read", "SELECT", "STAFF", CUSTOMER_IN_SCOPE),
                      ("staff_insert", "INSERT", "STAFF", CUSTOMER_IN_SCOPE),
                      ("staff_update", "UPDATE", "STAFF", CUSTOMER_IN_SCOPE)])
    run(bind, GUARD)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        run(bind, "DROP TRIGGER vipdesk_watch ON visit_arrival; DROP TRIGGER vipdesk_guard ON visit_arrival;"
                  " DROP FUNCTION vipdesk_guard_visit_arrival();"
                  " DROP TRIGGER vipdesk_watch ON visit_appointment; DROP TRIGGER vipdesk_guard ON visit_appointment;"
                  " DROP FUNCTION vipdesk_guard_visit_appointment()")
    with op.batch_alter_table('visit_appointment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_appointment_customer_id'))
        batch_op.drop_index('ix_visit_appointment_day')
    op.drop_table('visit_appointment')
    with op.batch_alter_table('visit_arrival', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_arrival_manager_id'))
        batch_op.drop_index(batch_op.f('ix_visit_arrival_customer_id'))
        batch_op.drop_index('ix_visit_arrival_open')
    op.drop_table('visit_arrival')
