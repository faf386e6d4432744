"""The database guards customer records, contact records and complaints against raw writes.

Revision ID: 0030
Revises: 0029

On both engines: a complaint's steps and who may take them (``state_transition``;
``app.care.rules`` TRANSITIONS and COMPLAINT_PERMISSIONS, held equal by a test).

On PostgreSQL a row trigger on each table (the owner passes):

* ``customer``: created and edited by ``edit_customers`` (or the core-banking import,
  ``import_data``); moved to another branch only by the import; handed to a keeper only by
  ``assign_customers``; its last contact only ever the latest contact on record; never deleted.
* ``contact_record``: recorded by ``care_for_customers`` in the signed-in person's name for the
  customer's branch; who recorded it, for whom and when are never rewritten; never deleted.
* ``complaint``: accepted in the signed-in person's name, open, for the customer's branch; each
  state change an allowed step; handed to someone else only by ``assign_customers``; worked on
  only by its assignee or an assigner; closed only with a resolution, in the closer's name, and
  never reopened; what was complained of, by whom and its deadline never rewritten; never deleted.
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import run


revision = '0030'
down_revision = '0029'
branch_labels = None
depends_on = None

TRANSITIONS = [
    ('complaint', '', 'accepted', 'care_for_customers'),
    ('complaint', 'accepted', 'assigned', 'care_for_customers'),
    ('complaint', 'accepted', 'resolved', 'care_for_customers'),
    ('complaint', 'assigned', 'investigating', 'care_for_customers'),
    ('complaint', 'assigned', 'resolved', 'care_for_customers'),
    ('complaint', 'investigating', 'assigned', 'care_for_customers'),
    ('complaint', 'investigating', 'resolved', 'care_for_customers'),
    ('complaint', 'resolved', 'closed', 'care_for_customers'),
]

GUARDS = r"""
CREATE FUNCTION vipdesk_guard_customer() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF vipdesk_account_id() IS NULL OR TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'refused: a customer is marked inactive, never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NOT (vipdesk_may('edit_customers') OR vipdesk_may('import_data')) THEN
            PERFORM vipdesk_require('edit_customers');
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.id <> OLD.id OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'refused: a customer''s identity in the store never changes' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.branch_id <> OLD.branch_id THEN
        PERFORM vipdesk_require('import_data');
    END IF;
    IF NEW.relationship_manager_id IS DISTINCT FROM OLD.relationship_manager_id
       AND NOT vipdesk_may('assign_customers') AND NOT (vipdesk_may('import_data') AND NEW.branch_id <> OLD.branch_id) THEN
        RAISE EXCEPTION 'refused: customers are handed to a keeper by a branch manager'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.last_contact_at IS DISTINCT FROM OLD.last_contact_at AND NEW.last_contact_at IS DISTINCT FROM (
            SELECT max(r.contacted_at) FROM contact_record r WHERE r.customer_id = NEW.id) THEN
        RAISE EXCEPTION 'refused: a customer''s last contact is the latest contact on record'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (to_jsonb(NEW) - ARRAY['last_contact_at', 'relationship_manager_id', 'version', 'updated_at', 'branch_id'])
       IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['last_contact_at', 'relationship_manager_id', 'version', 'updated_at', 'branch_id'])
       AND NOT (vipdesk_may('edit_customers') OR vipdesk_may('import_data')) THEN
        PERFORM vipdesk_require('edit_customers');
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_contact_record() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'refused: a contact record is never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM vipdesk_require('care_for_customers');
    IF TG_OP = 'INSERT' THEN
        IF NEW.staff_id IS DISTINCT FROM v_me
           OR NEW.branch_id IS DISTINCT FROM (SELECT c.branch_id FROM customer c WHERE c.id = NEW.customer_id) THEN
            RAISE EXCEPTION 'refused: a contact is recorded in the signed-in person''s name, for the customer''s branch'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.id, NEW.customer_id, NEW.branch_id, NEW.staff_id, NEW.staff_name, NEW.created_at)
       IS DISTINCT FROM (OLD.id, OLD.customer_id, OLD.branch_id, OLD.staff_id, OLD.staff_name, OLD.created_at) THEN
        RAISE EXCEPTION 'refused: who recorded a contact, for whom and when is never rewritten'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_complaint() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
    v_assigner boolean;
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'refused: a complaint is never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM vipdesk_transition('complaint', '', NEW.state);
        IF NEW.accepted_by IS DISTINCT FROM v_me OR NEW.assigned_to IS NOT NULL OR NEW.closed_at IS NOT NULL
           OR NEW.resolved_at IS NOT NULL
           OR NEW.branch_id IS DISTINCT FROM (SELECT c.branch_id FROM customer c WHERE c.id = NEW.customer_id) THEN
            RAISE EXCEPTION 'refused: a complaint is accepted, open, in the signed-in person''s name, for the customer''s branch'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_require('care_for_customers');
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY[
        'state', 'assigned_to', 'assigned_to_name', 'investigation', 'resolution', 'resolved_at',
        'satisfaction', 'follow_up_note', 'closed_at', 'closed_by_name', 'escalated_at',
        'escalated_to_name', 'version']);
    v_assigner := vipdesk_may('assign_customers');
    IF NEW.assigned_to IS DISTINCT FROM OLD.assigned_to AND NEW.assigned_to IS DISTINCT FROM v_me AND NOT v_assigner THEN
        RAISE EXCEPTION 'refused: a complaint is handed to someone else by a branch manager'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        PERFORM vipdesk_transition('complaint', OLD.state, NEW.state);
        IF OLD.assigned_to IS NOT NULL AND OLD.assigned_to <> v_me AND NOT v_assigner
           AND NEW.assigned_to IS NOT DISTINCT FROM OLD.assigned_to THEN
            RAISE EXCEPTION 'refused: a complaint is worked on by its assignee or a branch manager'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.state = 'closed' AND (coalesce(NEW.resolution, '') = '' OR NEW.closed_at IS NULL
                                     OR NEW.closed_by_name IS DISTINCT FROM (
                                         SELECT display_name FROM staff_account WHERE id = v_me)) THEN
            RAISE EXCEPTION 'refused: a complaint is closed with its resolution, in the closer''s name'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF OLD.state = 'closed' THEN
        RAISE EXCEPTION 'refused: a closed complaint is never changed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
"""
GUARDED = {"customer": "vipdesk_guard_customer", "contact_record": "vipdesk_guard_contact_record",
           "complaint": "vipdesk_guard_complaint"}


def upgrade() -> None:
    table = sa.table('state_transition', sa.column('entity'), sa.column('from_state'),
                     sa.column('to_state'), sa.column('permission'))
    op.bulk_insert(table, [dict(zip(("entity", "from_state", "to_state", "permission"), row))
                           for row in TRANSITIONS])
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    run(bind, ";\n".join(
        [GUARDS, "REVOKE EXECUTE ON FUNCTION " + ", ".join(f"{f}()" for f in GUARDED.values()) + " FROM PUBLIC"]
        + [f"CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON {t} "
           f"FOR EACH ROW EXECUTE FUNCTION {f}()" for t, f in GUARDED.items()]))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        run(bind, ";\n".join([f"DROP TRIGGER vipdesk_guard ON {t}" for t in GUARDED]
                             + ["DROP FUNCTION " + ", ".join(f"{f}()" for f in GUARDED.values())]))
    op.execute(sa.text("DELETE FROM state_transition WHERE entity = 'complaint'"))
