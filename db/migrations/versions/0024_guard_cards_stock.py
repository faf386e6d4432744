"""The database guards the card and blank-card stock tables against a staff login's raw writes.

Revision ID: 0024
Revises: 0023

On both engines: the state machines' steps of card applications, VIP cards and blank cards, with
the permission that takes each (``state_transition``; copies of ``app.cards.rules`` and
``app.stock.rules``, held equal by a test).

On PostgreSQL, a row trigger ``vipdesk_guard`` on each table (the owner passes) refuses what the
app's services would never write as that person:

* ``card_application``: entered by the signed-in person, undecided, for the customer's branch;
  each status change one allowed step for a permission the login holds; a decision made by the
  signed-in person who is not the maker; fulfilled only with its card (checked at the commit);
  nothing else rewritten.
* ``vip_card``: issued active by the signed-in person on an application fulfilled for the same
  customer and card type, from a blank card just issued from their own drawer, with a number of
  16 or 19 digits beginning with the product's BIN and passing its Luhn rule where the product
  enforces it (the card policy in ``setting``, else the app's default products); ended only by an allowed step, in their name; the agreement marked once.
* ``card_paperwork``: recorded unprinted for the card's branch; a printing counts one more.
* ``blank_card``: received pending on the maker's own pending receipt; no serial, type or branch
  rewritten; every state change an allowed step (never back to stock once issued, spoiled,
  returned or destroyed); confirmed by a second person; issued from the person's own drawer;
  moved or held only by a pending move and released only by its maker or a second person.
* ``stock_move``: made in the signed-in person's name; confirmed by a second person holding
  ``confirm_stock_move`` in their own name; a destruction's witness is not its maker.
* ``stock_movement``, ``stock_day``, ``stock_count``, ``stock_location``: the register and the
  books are written once (staff lose UPDATE), in the signed-in person's name, and no
  movement is dated into a signed-off day or the future.
* ``stock_minimum``: set by a holder of ``manage_stock``, never negative.
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import run, store_roles


revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None

# app.cards.rules APPLICATION_TRANSITIONS / CARD_TRANSITIONS and app.stock.rules TRANSITIONS,
# with their *_PERMISSIONS, as of this revision ('' = the row's creation).
TRANSITIONS = [
    ('blank_card', '', 'pending', 'receive_stock'),
    ('blank_card', 'in_stock', 'issued', 'use_drawer'),
    ('blank_card', 'in_stock', 'spoiled', 'receive_stock'),
    ('blank_card', 'in_stock', 'spoiled', 'use_drawer'),
    ('blank_card', 'issued', 'returned', 'receive_stock'),
    ('blank_card', 'issued', 'returned', 'use_drawer'),
    ('blank_card', 'issued', 'spoiled', 'receive_stock'),
    ('blank_card', 'issued', 'spoiled', 'use_drawer'),
    ('blank_card', 'pending', 'in_stock', 'confirm_stock_move'),
    ('blank_card', 'returned', 'destroyed', 'receive_stock'),
    ('blank_card', 'spoiled', 'destroyed', 'receive_stock'),
    ('card_application', '', 'submitted', 'apply_for_card'),
    ('card_application', 'approved', 'cancelled', 'apply_for_card'),
    ('card_application', 'approved', 'cancelled', 'approve_card'),
    ('card_application', 'approved', 'fulfilled', 'issue_card'),
    ('card_application', 'submitted', 'approved', 'approve_card'),
    ('card_application', 'submitted', 'cancelled', 'apply_for_card'),
    ('card_application', 'submitted', 'cancelled', 'approve_card'),
    ('card_application', 'submitted', 'rejected', 'approve_card'),
    ('vip_card', '', 'active', 'issue_card'),
    ('vip_card', 'active', 'cancelled', 'service_cards'),
    ('vip_card', 'active', 'expired', 'service_cards'),
    ('vip_card', 'active', 'lost', 'service_cards'),
    ('vip_card', 'active', 'replaced', 'issue_card'),
    ('vip_card', 'expired', 'replaced', 'issue_card'),
]
# app.cards.rules.DEFAULT_CARD_POLICY's products, for a store whose card policy was never saved.
DEFAULT_PRODUCTS = ('[{"card_type": "gold", "bins": ["622202"], "luhn": "enforce"}, '
                    '{"card_type": "platinum", "bins": ["622203"], "luhn": "enforce"}, '
                    '{"card_type": "diamond", "bins": ["622208"], "luhn": "enforce"}]')

GUARDS = r"""
-- The connected login's enabled account (NULL: none, which every guard refuses).
CREATE FUNCTION vipdesk_private.me() RETURNS staff_account
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT * FROM staff_account WHERE db_role = session_user AND NOT disabled
$$;

-- The Luhn check digit (app.cards.rules uses python-stdnum's luhn): every second digit from the
-- right doubled, the sum a multiple of ten.
CREATE FUNCTION vipdesk_private.luhn_ok(p_number text) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT sum(CASE WHEN (length(p_number) - i) % 2 = 1
                    THEN (substr(p_number, i, 1)::integer * 2) % 10 + (substr(p_number, i, 1)::integer * 2) / 10
                    ELSE substr(p_number, i, 1)::integer END) % 10 = 0
    FROM generate_series(1, length(p_number)) AS i
$$;

CREATE FUNCTION vipdesk_private.refuse(p_message text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'refused: %', p_message USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION vipdesk_guard_card_application() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me staff_account := vipdesk_private.me();
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF me.id IS NULL OR TG_OP = 'DELETE' THEN
        PERFORM vipdesk_private.refuse('a card application is never deleted');
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM vipdesk_transition('card_application', '', NEW.status);
        IF NEW.entered_by IS DISTINCT FROM me.id OR NEW.entered_by_name IS DISTINCT FROM me.username
           OR NEW.decided_by IS NOT NULL OR NEW.decided_at IS NOT NULL OR NEW.card_id IS NOT NULL
           OR coalesce(NEW.decided_by_name, '') <> '' OR coalesce(NEW.decision_comment, '') <> ''
           OR NEW.branch_id IS DISTINCT FROM (SELECT c.branch_id FROM customer c WHERE c.id = NEW.customer_id) THEN
            PERFORM vipdesk_private.refuse(
                'an application is entered, undecided, by the signed-in person for the customer''s branch');
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        PERFORM vipdesk_transition('card_application', OLD.status, NEW.status);
        IF NEW.status = 'fulfilled' THEN
            PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY['status', 'version']);
            RETURN NEW;
        END IF;
        PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY[
            'status', 'version', 'decided_by', 'decided_by_name', 'decided_at', 'decision_comment']);
        IF NEW.decided_by IS DISTINCT FROM me.id OR NEW.decided_by_name IS DISTINCT FROM me.username
           OR NEW.decided_at IS NULL THEN
            PERFORM vipdesk_private.refuse('a decision is recorded in the name of the signed-in person');
        END IF;
        IF NEW.status IN ('approved', 'rejected') AND OLD.entered_by = me.id THEN
            PERFORM vipdesk_private.refuse('the person who entered an application may not decide it');
        END IF;
        IF NEW.status = 'cancelled' AND OLD.entered_by IS DISTINCT FROM me.id AND NOT vipdesk_may('approve_card') THEN
            PERFORM vipdesk_private.refuse('only its maker or a branch manager cancels an application');
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY['card_id', 'version']);
    IF NEW.card_id IS DISTINCT FROM OLD.card_id AND (
        OLD.card_id IS NOT NULL OR NEW.status <> 'fulfilled' OR NOT EXISTS (
            SELECT 1 FROM vip_card v WHERE v.id = NEW.card_id AND v.application_id = NEW.id)) THEN
        PERFORM vipdesk_private.refuse('an application names the card issued on it, once');
    END IF;
    RETURN NEW;
END
$$;

-- At the commit: an application a login fulfilled names the card issued on it.
CREATE FUNCTION vipdesk_private.check_fulfilled() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM card_application a WHERE a.id = NEW.id AND a.status = 'fulfilled'
               AND (a.card_id IS NULL OR NOT EXISTS (
                   SELECT 1 FROM vip_card v WHERE v.id = a.card_id AND v.application_id = a.id))) THEN
        PERFORM vipdesk_private.refuse('an application is fulfilled only by issuing its card');
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION vipdesk_guard_vip_card() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me staff_account := vipdesk_private.me();
    a card_application%ROWTYPE;
    v_product jsonb;
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF me.id IS NULL OR TG_OP = 'DELETE' THEN
        PERFORM vipdesk_private.refuse('a VIP card is never deleted');
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM vipdesk_transition('vip_card', '', NEW.status);
        SELECT * INTO a FROM card_application WHERE id = NEW.application_id;
        IF a.id IS NULL OR a.status <> 'fulfilled' OR a.card_id IS NOT NULL
           OR a.customer_id IS DISTINCT FROM NEW.customer_id OR a.card_type IS DISTINCT FROM NEW.card_type
           OR a.branch_id IS DISTINCT FROM NEW.branch_id
           OR a.replaces_card_id IS DISTINCT FROM NEW.replaces_id AND a.kind <> 'new' THEN
            PERFORM vipdesk_private.refuse('a card is issued only on its approved application, as approved');
        END IF;
        IF NEW.issued_by IS DISTINCT FROM me.id OR NEW.issued_by_name IS DISTINCT FROM me.username
           OR NEW.ended_at IS NOT NULL OR coalesce(NEW.ended_by_name, '') <> ''
           OR NEW.agreement_signed_on IS NOT NULL THEN
            PERFORM vipdesk_private.refuse('a card is issued, unended and unsigned, by the signed-in person');
        END IF;
        IF NEW.card_number !~ '^[0-9]{16}([0-9]{3})?$' THEN
            PERFORM vipdesk_private.refuse('a card number has 16 or 19 digits');
        END IF;
        SELECT p INTO v_product FROM jsonb_array_elements(coalesce(
                (SELECT s.value::jsonb -> 'products' FROM setting s WHERE s.key = 'card_policy'),
                '@DEFAULT_PRODUCTS@'::jsonb)) p
            WHERE p ->> 'card_type' = NEW.card_type;
        IF v_product IS NULL OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(v_product -> 'bins') b
                                           WHERE starts_with(NEW.card_number, b))
           OR (coalesce(v_product ->> 'luhn', 'enforce') = 'enforce' AND NOT vipdesk_private.luhn_ok(NEW.card_number)) THEN
            PERFORM vipdesk_private.refuse('a card number begins with its product''s BIN and passes the product''s Luhn rule');
        END IF;
        IF NOT EXISTS (SELECT 1 FROM blank_card b JOIN stock_location l ON l.id = b.location_id
                       WHERE b.id = NEW.blank_card_id AND b.state = 'issued' AND b.serial = NEW.serial
                         AND b.card_type = NEW.card_type AND l.kind = 'drawer' AND l.holder_id = me.id)
           OR EXISTS (SELECT 1 FROM vip_card v WHERE v.blank_card_id = NEW.blank_card_id) THEN
            PERFORM vipdesk_private.refuse('a card is made from a blank card just issued from the clerk''s own drawer');
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        PERFORM vipdesk_transition('vip_card', OLD.status, NEW.status);
        PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY[
            'status', 'version', 'ended_at', 'ended_by_name', 'ended_reason', 'returned']);
        IF NEW.ended_by_name IS DISTINCT FROM me.username OR NEW.ended_at IS NULL THEN
            PERFORM vipdesk_private.refuse('a card is ended in the name of the signed-in person');
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_require('service_cards');
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY[
        'version', 'agreement_signed_on', 'agreement_witness', 'agreement_marked_by']);
    IF NEW.agreement_signed_on IS DISTINCT FROM OLD.agreement_signed_on AND (
        OLD.agreement_signed_on IS NOT NULL OR NEW.agreement_signed_on < OLD.issued_on
        OR NEW.agreement_marked_by IS DISTINCT FROM me.username) THEN
        PERFORM vipdesk_private.refuse('an agreement is marked signed once, by the signed-in person');
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_card_paperwork() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me staff_account := vipdesk_private.me();
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF me.id IS NULL OR TG_OP = 'DELETE' THEN
        PERFORM vipdesk_private.refuse('card paperwork is never deleted');
    END IF;
    PERFORM vipdesk_require('view_customers');
    IF TG_OP = 'INSERT' THEN
        IF NEW.printed_count <> 0 OR NEW.last_printed_at IS NOT NULL OR NEW.document_id IS NOT NULL
           OR NEW.branch_id IS DISTINCT FROM (SELECT v.branch_id FROM vip_card v WHERE v.id = NEW.card_id) THEN
            PERFORM vipdesk_private.refuse('paperwork is recorded unprinted, for the card''s branch');
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW),
                              ARRAY['printed_count', 'last_printed_at', 'document_id']);
    IF NEW.printed_count <> OLD.printed_count + 1 OR NEW.last_printed_at IS NULL THEN
        PERFORM vipdesk_private.refuse('a printing counts one more');
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_blank_card() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me staff_account := vipdesk_private.me();
    m stock_move%ROWTYPE;
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF me.id IS NULL THEN
        PERFORM vipdesk_private.refuse('not an enabled staff login');
    END IF;
    SELECT * INTO m FROM stock_move WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.move_id ELSE OLD.move_id END;
    IF TG_OP = 'INSERT' THEN
        PERFORM vipdesk_transition('blank_card', '', NEW.state);
        IF m.id IS NULL OR m.kind <> 'receive' OR m.status <> 'pending' OR m.made_by <> me.id
           OR m.to_location_id IS DISTINCT FROM NEW.location_id OR m.card_type <> NEW.card_type
           OR m.branch_id <> NEW.branch_id THEN
            PERFORM vipdesk_private.refuse('a blank card enters the books on its receiver''s pending receipt');
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN  -- a rejected receipt's serials leave the books (they never counted)
        IF OLD.state <> 'pending' OR m.id IS NULL OR m.kind <> 'receive' OR m.status <> 'pending'
           OR (m.made_by <> me.id AND NOT vipdesk_may('confirm_stock_move')) THEN
            PERFORM vipdesk_private.refuse('a blank card leaves the books only with its rejected receipt');
        END IF;
        RETURN OLD;
    END IF;
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW),
                              ARRAY['state', 'location_id', 'move_id', 'issued_on', 'updated_at']);
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        PERFORM vipdesk_transition('blank_card', OLD.state, NEW.state);
        IF OLD.state = 'pending' THEN  -- a receipt confirmed by a second person
            IF m.id IS NULL OR m.status <> 'pending' OR m.made_by = me.id
               OR NEW.location_id IS DISTINCT FROM m.to_location_id OR NEW.move_id IS NOT NULL THEN
                PERFORM vipdesk_private.refuse('a receipt is confirmed by a second person');
            END IF;
        ELSIF NEW.state = 'issued' AND (OLD.move_id IS NOT NULL OR NEW.location_id <> OLD.location_id
              OR NOT EXISTS (SELECT 1 FROM stock_location l WHERE l.id = OLD.location_id
                             AND l.kind = 'drawer' AND l.holder_id = me.id)) THEN
            PERFORM vipdesk_private.refuse('a blank card is issued from the clerk''s own drawer');
        ELSIF NEW.move_id IS NOT NULL OR OLD.move_id IS NOT NULL THEN
            PERFORM vipdesk_private.refuse('a card held by a move changes state only with that move');
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.move_id IS DISTINCT FROM OLD.move_id OR NEW.location_id IS DISTINCT FROM OLD.location_id THEN
        IF OLD.move_id IS NULL THEN  -- held by a pending transfer out of its location
            SELECT * INTO m FROM stock_move WHERE id = NEW.move_id;
            IF m.id IS NULL OR m.kind <> 'transfer' OR m.status <> 'pending' OR m.made_by <> me.id
               OR m.from_location_id IS DISTINCT FROM OLD.location_id OR NEW.location_id <> OLD.location_id THEN
                PERFORM vipdesk_private.refuse('a card is held only by its maker''s pending transfer');
            END IF;
        ELSIF NEW.move_id IS NOT NULL OR m.status <> 'pending' THEN
            PERFORM vipdesk_private.refuse('a held card is released only by its own pending move');
        ELSIF NEW.location_id IS DISTINCT FROM OLD.location_id THEN  -- a transfer confirmed
            IF m.made_by = me.id OR NOT vipdesk_may('confirm_stock_move')
               OR NEW.location_id IS DISTINCT FROM m.to_location_id THEN
                PERFORM vipdesk_private.refuse('a transfer is confirmed by a second person');
            END IF;
        ELSIF m.made_by <> me.id AND NOT vipdesk_may('confirm_stock_move') THEN
            PERFORM vipdesk_private.refuse('a move is withdrawn by its maker or refused by a second person');
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_stock_move() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me staff_account := vipdesk_private.me();
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF me.id IS NULL OR TG_OP = 'DELETE' THEN
        PERFORM vipdesk_private.refuse('a stock move is never deleted');
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.made_by IS DISTINCT FROM me.id OR NEW.made_by_name IS DISTINCT FROM me.username
           OR NEW.checked_by IS NOT NULL OR NEW.status NOT IN ('pending', 'done')
           OR (NEW.kind IN ('receive', 'transfer')) <> (NEW.status = 'pending') THEN
            PERFORM vipdesk_private.refuse('a move is made in the signed-in person''s name, awaiting its second person when it needs one');
        END IF;
        IF NEW.kind IN ('receive', 'destroy') THEN
            PERFORM vipdesk_require('receive_stock');
        ELSIF NEW.kind = 'issue' THEN
            PERFORM vipdesk_require('use_drawer');
        ELSE
            PERFORM vipdesk_require('view_stock');
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.kind = 'destroy' AND OLD.status = 'done' AND OLD.checked_by IS NULL THEN  -- its witnesses
        PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW),
                                  ARRAY['checked_by', 'checked_by_name', 'checked_at', 'witness_name']);
        IF OLD.made_by <> me.id OR NEW.checked_by IS NULL OR NEW.checked_by = me.id THEN
            PERFORM vipdesk_private.refuse('a destruction is witnessed by others than its maker');
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW),
                              ARRAY['status', 'checked_by', 'checked_by_name', 'checked_at', 'reason']);
    IF OLD.status <> 'pending' OR NEW.status NOT IN ('done', 'rejected')
       OR NEW.checked_by IS DISTINCT FROM me.id OR NEW.checked_by_name IS DISTINCT FROM me.username
       OR NEW.checked_at IS NULL THEN
        PERFORM vipdesk_private.refuse('a pending move is decided once, in the signed-in person''s name');
    END IF;
    IF (NEW.status = 'done' OR OLD.made_by <> me.id)
       AND (OLD.made_by = me.id OR NOT vipdesk_may('confirm_stock_move')) THEN
        PERFORM vipdesk_private.refuse('a move is confirmed by a second person');
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_stock_books() RETURNS trigger
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

CREATE FUNCTION vipdesk_guard_stock_minimum() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    PERFORM vipdesk_require('manage_stock');
    IF TG_OP = 'DELETE' OR NEW.minimum < 0 OR TG_OP = 'UPDATE' AND (
        NEW.branch_id <> OLD.branch_id OR NEW.card_type <> OLD.card_type OR NEW.id <> OLD.id) THEN
        PERFORM vipdesk_private.refuse('a minimum stock level is set, never negative, never removed');
    END IF;
    RETURN NEW;
END
$$;
"""

GUARDED = {
    "card_application": "vipdesk_guard_card_application", "vip_card": "vipdesk_guard_vip_card",
    "card_paperwork": "vipdesk_guard_card_paperwork", "blank_card": "vipdesk_guard_blank_card",
    "stock_move": "vipdesk_guard_stock_move", "stock_movement": "vipdesk_guard_stock_books",
    "stock_day": "vipdesk_guard_stock_books", "stock_count": "vipdesk_guard_stock_books",
    "stock_location": "vipdesk_guard_stock_books", "stock_minimum": "vipdesk_guard_stock_minimum",
}
WRITTEN_ONCE = ("stock_movement", "stock_day", "stock_count", "stock_location")
FUNCTIONS = [
    "vipdesk_private.me()", "vipdesk_private.luhn_ok(text)", "vipdesk_private.refuse(text)", "vipdesk_guard_card_application()",
    "vipdesk_private.check_fulfilled()", "vipdesk_guard_vip_card()", "vipdesk_guard_card_paperwork()",
    "vipdesk_guard_blank_card()", "vipdesk_guard_stock_move()", "vipdesk_guard_stock_books()",
    "vipdesk_guard_stock_minimum()",
]


def upgrade() -> None:
    table = sa.table('state_transition', sa.column('entity'), sa.column('from_state'),
                     sa.column('to_state'), sa.column('permission'))
    op.bulk_insert(table, [dict(zip(("entity", "from_state", "to_state", "permission"), row))
                           for row in TRANSITIONS])
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    roles = store_roles(bind)
    statements = [GUARDS.replace("@DEFAULT_PRODUCTS@", DEFAULT_PRODUCTS), "REVOKE EXECUTE ON FUNCTION " + ", ".join(FUNCTIONS) + " FROM PUBLIC"]
    statements += [f"CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON {t} "
                   f"FOR EACH ROW EXECUTE FUNCTION {f}()" for t, f in GUARDED.items()]
    statements.append("CREATE CONSTRAINT TRIGGER vipdesk_fulfilled AFTER UPDATE OF status ON card_application "
                      "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                      "WHEN (NEW.status = 'fulfilled' AND NOT vipdesk_is_owner()) "
                      "EXECUTE FUNCTION vipdesk_private.check_fulfilled()")
    statements.append(f"REVOKE UPDATE ON {', '.join(WRITTEN_ONCE)} FROM {roles['STAFF']}")
    run(bind, ";\n".join(statements))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        roles = store_roles(bind)
        run(bind, ";\n".join(
            [f"DROP TRIGGER vipdesk_guard ON {t}" for t in GUARDED]
            + ["DROP TRIGGER vipdesk_fulfilled ON card_application",
               f"GRANT UPDATE ON {', '.join(WRITTEN_ONCE)} TO {roles['STAFF']}",
               "DROP FUNCTION " + ", ".join(reversed(FUNCTIONS))]))
    op.execute(sa.text("DELETE FROM state_transition WHERE entity IN ('blank_card', 'card_application', 'vip_card')"))
