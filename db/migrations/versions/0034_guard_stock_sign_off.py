"""The database refuses a day's sign-off while a move of the location awaits its second person.

Revision ID: 0034
Revises: 0033

``app.stock.books.sign_off`` refuses to sign a location's day off while a receipt or transfer
into or out of it, dated that day or before, still awaits its second person: the closed day
would then refuse the confirmation (``check_open_day``), and the cards would strand, the other
side able only to send the move back. With psql a staff login could still insert the
``stock_day`` row. The books' guard of migration 0024 now refuses that too; its text is copied
here (a migration never imports live code), the previous one kept for the downgrade.
"""
from alembic import op

from db.migrations.frozen.pg_scope_r0003 import run


revision = '0034'
down_revision = '0033'
branch_labels = None
depends_on = None

GUARD = r"""
CREATE OR REPLACE FUNCTION vipdesk_guard_stock_books() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me staff_account := vipdesk_private.me();
    v_today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
    m stock_move%ROWTYPE;
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN NEW;
    END IF;
    IF me.id IS NULL OR TG_OP <> 'INSERT' THEN
        PERFORM vipdesk_private.refuse('the stock books are written once');
    END IF;
    IF TG_TABLE_NAME = 'stock_movement' THEN
        SELECT * INTO m FROM stock_move WHERE id = NEW.move_id;
        IF m.id IS NULL OR NOT (m.made_by = me.id OR (m.status = 'pending' AND vipdesk_may('confirm_stock_move')))
           OR NEW.business_date IS DISTINCT FROM m.business_date OR NEW.business_date > v_today
           OR EXISTS (SELECT 1 FROM stock_day d WHERE d.business_date >= NEW.business_date
                      AND d.location_id IN (NEW.from_location_id, NEW.to_location_id)) THEN
            PERFORM vipdesk_private.refuse('a movement belongs to its move, on an open day');
        END IF;
    ELSIF TG_TABLE_NAME = 'stock_day' THEN
        IF NEW.signed_by IS DISTINCT FROM me.id OR NEW.signed_by_name IS DISTINCT FROM me.username
           OR NEW.business_date > v_today OR NOT (vipdesk_may('manage_stock') OR EXISTS (
               SELECT 1 FROM stock_location l WHERE l.id = NEW.location_id AND l.holder_id = me.id)) THEN
            PERFORM vipdesk_private.refuse('a day is signed off by its holder or a stock manager, in their name');
        END IF;
        IF EXISTS (SELECT 1 FROM stock_move w WHERE w.status = 'pending'
                   AND w.business_date <= NEW.business_date
                   AND NEW.location_id IN (w.from_location_id, w.to_location_id)) THEN
            PERFORM vipdesk_private.refuse('a day is not signed off while a move of the location awaits its second person');
        END IF;
    ELSIF TG_TABLE_NAME = 'stock_count' THEN
        PERFORM vipdesk_require('manage_stock');
        IF NEW.counted_by IS DISTINCT FROM me.id OR NEW.counted_by_name IS DISTINCT FROM me.username
           OR NEW.witness_name = me.username THEN
            PERFORM vipdesk_private.refuse('a count is made in the counter''s name before a witness');
        END IF;
    ELSIF TG_TABLE_NAME = 'stock_location' THEN
        IF NOT (NEW.kind = 'vault' AND NEW.holder_id IS NULL AND NEW.key = 'vault:' || NEW.branch_id
                OR NEW.kind = 'drawer' AND NEW.key = 'drawer:' || NEW.holder_id
                   AND NEW.branch_id = (SELECT a.branch_id FROM staff_account a WHERE a.id = NEW.holder_id)) THEN
            PERFORM vipdesk_private.refuse('a location is a branch''s vault or a person''s drawer');
        END IF;
    END IF;
    RETURN NEW;
END
$$;
"""

# Migration 0024's definition, restored by the downgrade.
PREVIOUS_GUARD = r"""
CREATE OR REPLACE FUNCTION vipdesk_guard_stock_books() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me staff_account := vipdesk_private.me();
    v_today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
    m stock_move%ROWTYPE;
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN NEW;
    END IF;
    IF me.id IS NULL OR TG_OP <> 'INSERT' THEN
        PERFORM vipdesk_private.refuse('the stock books are written once');
    END IF;
    IF TG_TABLE_NAME = 'stock_movement' THEN
        SELECT * INTO m FROM stock_move WHERE id = NEW.move_id;
        IF m.id IS NULL OR NOT (m.made_by = me.id OR (m.status = 'pending' AND vipdesk_may('confirm_stock_move')))
           OR NEW.business_date IS DISTINCT FROM m.business_date OR NEW.business_date > v_today
           OR EXISTS (SELECT 1 FROM stock_day d WHERE d.business_date >= NEW.business_date
                      AND d.location_id IN (NEW.from_location_id, NEW.to_location_id)) THEN
            PERFORM vipdesk_private.refuse('a movement belongs to its move, on an open day');
        END IF;
    ELSIF TG_TABLE_NAME = 'stock_day' THEN
        IF NEW.signed_by IS DISTINCT FROM me.id OR NEW.signed_by_name IS DISTINCT FROM me.username
           OR NEW.business_date > v_today OR NOT (vipdesk_may('manage_stock') OR EXISTS (
               SELECT 1 FROM stock_location l WHERE l.id = NEW.location_id AND l.holder_id = me.id)) THEN
            PERFORM vipdesk_private.refuse('a day is signed off by its holder or a stock manager, in their name');
        END IF;
    ELSIF TG_TABLE_NAME = 'stock_count' THEN
        PERFORM vipdesk_require('manage_stock');
        IF NEW.counted_by IS DISTINCT FROM me.id OR NEW.counted_by_name IS DISTINCT FROM me.username
           OR NEW.witness_name = me.username THEN
            PERFORM vipdesk_private.refuse('a count is made in the counter''s name before a witness');
        END IF;
    ELSIF TG_TABLE_NAME = 'stock_location' THEN
        IF NOT (NEW.kind = 'vault' AND NEW.holder_id IS NULL AND NEW.key = 'vault:' || NEW.branch_id
                OR NEW.kind = 'drawer' AND NEW.key = 'drawer:' || NEW.holder_id
                   AND NEW.branch_id = (SELECT a.branch_id FROM staff_account a WHERE a.id = NEW.holder_id)) THEN
            PERFORM vipdesk_private.refuse('a location is a branch''s vault or a person''s drawer');
        END IF;
    END IF;
    RETURN NEW;
END
$$;
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    run(bind, GUARD)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    run(bind, PREVIOUS_GUARD)
