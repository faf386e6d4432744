"""Personal data encrypted at rest: sealed values, blind indexes, wrapped data keys.

Revision ID: 0039
Revises: 0038

On both engines:

* ``pii_key``: the store's data keys, each wrapped (RFC 3394) by a master key that is in
  neither the database nor its backups (app.crypto.keys, app.crypto.custody);
* ``sealed_value``: one row per personal value (``customer.id_number``, ``customer.phone``,
  ``vip_card.card_number``), AES-256-GCM or SM4-GCM, bound to table, column and row;
* ``customer.id_number_index`` / ``phone_index`` and ``vip_card.card_number_index``: keyed
  blind indexes of the whole values (ID numbers and card numbers unique on them);
  ``customer_tail``: the blind indexes of the last 4 to 8 digits of ID numbers and phones.

The rows are filled by ``python main.py pii encrypt`` (app.crypto.sealing), which needs the
master key, so no migration can do it.

On PostgreSQL (as the owner):

* staff may write ``sealed_value`` rows of rows in their subtree (a customer's with
  ``edit_customers`` or ``import_data``, a card's once with ``issue_card``) but select only
  their keys, never the sealed bytes; a value never moves to another row, and only a phone is
  ever removed; ``customer_tail`` is written by the same permissions; both tables are watched
  (a change from a SQL tool leaves its ``sql.*`` event, migration 0023);
* ``vipdesk_reveal(entity, id, field)`` (SECURITY DEFINER, EXECUTE for staff) hands out one
  customer's sealed ID number or phone to a login holding ``reveal_pii`` whose subtree holds the
  customer, and writes the ``customer.reveal`` audit event itself, naming the field, never the
  value: a reveal without the permission fails in the database, and none goes unaudited;
* ``pii_key`` is read by staff (wrapped keys are useless without the master key) and written by
  the owner only (``keys init``, ``keys rotate``).
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import VIA_CUSTOMER, protect, run, store_roles


revision = '0039'
down_revision = '0038'
branch_labels = None
depends_on = None

SEALED_IN_SCOPE = ("({table}.entity = 'customer' AND EXISTS (SELECT 1 FROM customer c WHERE c.id = {table}.entity_id))"
                   " OR ({table}.entity = 'vip_card' AND EXISTS (SELECT 1 FROM vip_card v WHERE v.id = {table}.entity_id))")

FUNCTIONS = r"""
CREATE FUNCTION vipdesk_guard_sealed_value() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    r sealed_value%ROWTYPE := coalesce(NEW, OLD);
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN r;
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.entity, NEW.entity_id, NEW.field) IS DISTINCT FROM (OLD.entity, OLD.entity_id, OLD.field) THEN
        RAISE EXCEPTION 'refused: a sealed value stays with its row' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' AND (r.entity, r.field) <> ('customer', 'phone') THEN
        RAISE EXCEPTION 'refused: only a phone is ever removed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (r.entity, r.field) IN (('customer', 'id_number'), ('customer', 'phone')) THEN
        IF NOT (vipdesk_may('edit_customers') OR vipdesk_may('import_data')) THEN
            PERFORM vipdesk_require('edit_customers');
        END IF;
    ELSIF (r.entity, r.field) = ('vip_card', 'card_number') THEN
        IF TG_OP <> 'INSERT' THEN
            RAISE EXCEPTION 'refused: a card number is never changed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM vipdesk_require('issue_card');
    ELSE
        RAISE EXCEPTION 'refused: %.% is not a sealed field', r.entity, r.field USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN r;
END
$$;
CREATE TRIGGER vipdesk_guard_sealed_value BEFORE INSERT OR UPDATE OR DELETE ON sealed_value
    FOR EACH ROW EXECUTE FUNCTION vipdesk_guard_sealed_value();

-- A customer's tails are written with its ID number and phone, by whoever may write those.
CREATE FUNCTION vipdesk_guard_customer_tail() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT vipdesk_is_owner() AND NOT (vipdesk_may('edit_customers') OR vipdesk_may('import_data')) THEN
        PERFORM vipdesk_require('edit_customers');
    END IF;
    RETURN coalesce(NEW, OLD);
END
$$;
CREATE TRIGGER vipdesk_guard_customer_tail BEFORE INSERT OR DELETE ON customer_tail
    FOR EACH ROW EXECUTE FUNCTION vipdesk_guard_customer_tail();

-- A change from a SQL tool that writes no event of its own is recorded at the commit (0023).
CREATE CONSTRAINT TRIGGER vipdesk_watch AFTER INSERT OR UPDATE OR DELETE ON sealed_value
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NOT vipdesk_is_owner())
    EXECUTE FUNCTION vipdesk_private.watch_change();
CREATE CONSTRAINT TRIGGER vipdesk_watch AFTER INSERT OR DELETE ON customer_tail
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NOT vipdesk_is_owner())
    EXECUTE FUNCTION vipdesk_private.watch_change();

-- One customer's sealed ID number or phone for a login with reveal_pii in whose subtree the
-- customer is; the reveal is audited here, naming the field, never the value.
CREATE FUNCTION vipdesk_reveal(p_entity text, p_entity_id integer, p_field text) RETURNS bytea
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_branch integer;
    v_cif text;
    v_sealed bytea;
BEGIN
    PERFORM vipdesk_require('reveal_pii');
    IF p_entity IS DISTINCT FROM 'customer' OR p_field NOT IN ('id_number', 'phone') THEN
        RAISE EXCEPTION 'refused: %.% cannot be revealed', p_entity, p_field USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT c.branch_id, c.cif_no INTO v_branch, v_cif FROM customer c WHERE c.id = p_entity_id;
    IF NOT FOUND OR NOT vipdesk_in_subtree(v_branch) THEN
        RAISE EXCEPTION 'refused: customer % is not in the subtree of %', p_entity_id, session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT s.sealed INTO v_sealed FROM sealed_value s
        WHERE s.entity = p_entity AND s.entity_id = p_entity_id AND s.field = p_field;
    PERFORM vipdesk_audit(jsonb_build_array(jsonb_build_object(
        'action', 'customer.reveal', 'entity', 'customer', 'entity_id', p_entity_id::text,
        'before', '', 'after', jsonb_build_object('cif_no', v_cif, 'field', p_field)::text,
        'branch_id', v_branch)));
    RETURN v_sealed;
END
$$;
REVOKE EXECUTE ON FUNCTION vipdesk_reveal(text, integer, text), vipdesk_guard_sealed_value(),
    vipdesk_guard_customer_tail() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_reveal(text, integer, text) TO @STAFF@;
"""


def upgrade() -> None:
    op.create_table(
        'pii_key',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('purpose', sa.String(length=8), nullable=False),
        sa.Column('algorithm', sa.String(length=16), nullable=False),
        sa.Column('wrapped', sa.LargeBinary(), nullable=False),
        sa.Column('master_check', sa.LargeBinary(length=8), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('wrapped_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pii_key')))
    op.create_table(
        'sealed_value',
        sa.Column('entity', sa.String(length=24), nullable=False),
        sa.Column('entity_id', sa.Integer(), nullable=False),
        sa.Column('field', sa.String(length=24), nullable=False),
        sa.Column('sealed', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('entity', 'entity_id', 'field', name=op.f('pk_sealed_value')))
    op.create_table(
        'customer_tail',
        sa.Column('digest', sa.LargeBinary(length=16), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_customer_tail_customer_id_customer')),
        sa.PrimaryKeyConstraint('digest', 'customer_id', name=op.f('pk_customer_tail')))
    op.create_index(op.f('ix_customer_tail_customer_id'), 'customer_tail', ['customer_id'])
    op.add_column('customer', sa.Column('id_number_index', sa.LargeBinary(length=16), nullable=True))
    op.add_column('customer', sa.Column('phone_index', sa.LargeBinary(length=16), nullable=True))
    op.create_index('uq_customer_id_number_index', 'customer', ['id_number_index', 'id_type'], unique=True)
    op.create_index(op.f('ix_customer_phone_index'), 'customer', ['phone_index'])
    op.add_column('vip_card', sa.Column('card_number_index', sa.LargeBinary(length=16), nullable=True))
    op.create_index('uq_vip_card_card_number_index', 'vip_card', ['card_number_index'], unique=True)
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    protect(bind, "pii_key", serial=False, grants=[("SELECT", "STAFF")],
            policies=[("staff_read", "SELECT", "STAFF", "true")])
    protect(bind, "sealed_value", serial=False,
            grants=[("SELECT (entity, entity_id, field), INSERT, UPDATE, DELETE", "STAFF")],
            policies=[(f"staff_{c.lower()}", c, "STAFF", SEALED_IN_SCOPE) for c in ("SELECT", "INSERT", "UPDATE", "DELETE")])
    protect(bind, "customer_tail", serial=False, grants=[("SELECT, INSERT, DELETE", "STAFF")],
            policies=[(f"staff_{c.lower()}", c, "STAFF", VIA_CUSTOMER) for c in ("SELECT", "INSERT", "DELETE")])
    run(bind, FUNCTIONS.replace("@STAFF@", store_roles(bind)["STAFF"]))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        run(bind, "DROP FUNCTION vipdesk_reveal(text, integer, text); "
                  "DROP TRIGGER vipdesk_watch ON sealed_value; DROP TRIGGER vipdesk_watch ON customer_tail; "
                  "DROP TRIGGER vipdesk_guard_sealed_value ON sealed_value; DROP FUNCTION vipdesk_guard_sealed_value(); "
                  "DROP TRIGGER vipdesk_guard_customer_tail ON customer_tail; DROP FUNCTION vipdesk_guard_customer_tail()")
    op.drop_index('uq_vip_card_card_number_index', table_name='vip_card')
    op.drop_column('vip_card', 'card_number_index')   # plain DROP COLUMN: a batch copy trips SQLite's triggers
    op.drop_index(op.f('ix_customer_phone_index'), table_name='customer')
    op.drop_index('uq_customer_id_number_index', table_name='customer')
    op.drop_column('customer', 'phone_index')
    op.drop_column('customer', 'id_number_index')
    op.drop_index(op.f('ix_customer_tail_customer_id'), table_name='customer_tail')
    op.drop_table('customer_tail')
    op.drop_table('sealed_value')
    op.drop_table('pii_key')
