"""The database guards the administrators' tables against raw writes: branches, staff accounts,
their roles and the store's settings.

Revision ID: 0031
Revises: 0030

Until now these tables were guarded only by migration 0002's column grants and subtree policies,
which say who may write which column but not what the app lets them write: with psql a person
forced to change a temporary password could clear the flag and keep it, an administrator could
disable their own account or take the last administrator's role away, lock someone out for ever,
deactivate their own branch, create a branch above its parent's level, or store a sign-in policy
of a million failed attempts before lock-out (read by the store's own lock-out) or a card policy
whose empty BIN lets any card number through the card guard (migration 0024).

Each table gets a row guard (``vipdesk_guard``) that checks a staff login's write as the services
of ``app.auth`` (accounts, branches, policy) and the policy pages check it:

* ``staff_account``: never deleted. Created by a holder of ``manage_accounts`` with a valid user
  and full name, enabled, unlocked, never signed in, no password hash, version 1, and the
  password to be changed at first sign-in. Changed by an administrator only as the app does:
  name and branch; disabled only for another account, none of whose customers still name it as
  their keeper, and never the last enabled administrator; failed sign-ins only back to 0 and a
  lock only lifted. The "must change password" flag cleared only by the person, and set or
  ``password_changed_at`` moved only by the one who set a new password through VIP Desk in the
  same transaction (``vipdesk_set_password``, recorded by migration 0027). The version moves on
  by one with every change.
* ``staff_role``: given and taken by ``manage_accounts`` holders within their subtree, only the
  staff roles of ``role_permission`` (never ``system``), never rewritten; nobody takes the
  administrator role from their own account or from the last enabled administrator.
* ``branch``: never deleted; added by ``manage_branches`` holders below a parent in their subtree
  and at a lower level than it, with the app's code, name, address and phone rules, active,
  version 1; changed only in name, address, phone and active; nobody deactivates their own branch.
* ``setting``: only by ``edit_policy`` holders, never deleted, only the keys VIP Desk keeps on
  PostgreSQL, each a JSON object; the sign-in policy (read by the store's lock-out) and the card
  policy (read by the card guard) must be what ``SignInPolicy.validate`` and
  ``CardPolicy.validate`` accept (tests hold the two equal); the care policy is read only by the
  app, which falls back to its defaults on any value it would not have saved.

The store's own definer functions (sign-in counting, lock-outs, the first administrator, login
creation) write these tables as the owner: the triggers' ``WHEN`` lets every statement run as the
owner through, as it lets the owner's connections (migrations, batch jobs, tests). A change the
rules allow but made with raw SQL is recorded by migration 0023's watch.
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import run


revision = '0031'
down_revision = '0030'
branch_labels = None
depends_on = None

# The app's rules as of this revision (tests/db/test_pg_last_line_admin.py holds them equal):
USERNAME_RE = r"^[a-z][a-z0-9_]{2,31}$"            # app.auth.accounts.USERNAME_PATTERN
BRANCH_CODE_RE = r"^[A-Z0-9]{2,16}$"               # app.auth.branches.CODE_PATTERN
LEVELS = ("head_office", "branch", "sub_branch", "outlet")   # app.auth.branches.LEVEL_ORDER
SIGNIN_LIMITS = {                                   # app.auth.policy.SignInPolicy.validate
    "min_password_length": (8, 64), "max_failed_signins": (1, 20),
    "lockout_minutes": (1, 24 * 60), "idle_lock_minutes": (1, 120),
}
CARD_TYPES = ("gold", "platinum", "diamond")        # app.tiers.rules.CARD_TYPES
SETTING_KEYS = ("signin_policy", "card_policy", "care_policy")   # what the app keeps on PostgreSQL
# Python's white space other than the space (str.isspace, which str.split() splits on): the app's
# cleaning (" ".join(text.split())) turns each into a single space, so a name it stores holds none.
# Spelled out: what [[:space:]] matches depends on the server's locale (C.UTF-8: not U+00A0).
OTHER_WHITE_SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
                     "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")

TABLES = ("staff_account", "staff_role", "branch", "setting")

FUNCTIONS = r"""
CREATE FUNCTION vipdesk_private.refuse_admin(p_reason text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'refused: %', p_reason USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Text as the app's cleaning leaves it (" ".join(text.split())): single spaces between words,
-- none at the ends, none of Python's other white space, at most p_max characters, empty only
-- when allowed.
CREATE FUNCTION vipdesk_private.clean_text(p_value text, p_max integer, p_required boolean)
RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT p_value IS NOT NULL AND length(p_value) <= p_max AND (p_value <> '' OR NOT p_required)
       AND p_value !~ @OTHER_WHITE_SPACE_RE@
       AND p_value !~ '^ | $|  '
$$;

-- A whole number from p_low to p_high, written as one (no fraction, no exponent: Python reads
-- 12.0 and 1.2e1 as floats, which the app's policies refuse). Judged on the JSON text as written
-- (json, not jsonb, which would turn 1.2e1 into 12).
CREATE FUNCTION vipdesk_private.json_whole(p_value json, p_low integer, p_high integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(json_typeof(p_value) = 'number' AND p_value::text ~ '^-?[0-9]{1,12}$'
                    AND (p_value::text)::bigint BETWEEN p_low AND p_high, false)
$$;

-- app.auth.policy.SignInPolicy.validate over what save_policy stores (its four fields, no other).
-- A key written twice counts once, its last value (as Python's json reads it).
CREATE FUNCTION vipdesk_private.signin_policy_ok(p_value json) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(json_typeof(p_value) = 'object'
        AND (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(p_value::jsonb) k) = @SIGNIN_KEYS@
        AND @SIGNIN_CHECKS@, false)
$$;

-- app.cards.rules.CardPolicy.from_dict + validate over what save_card_policy stores: one product
-- per card type, each with BINs of 4 to 10 digits no one of which begins another, Luhn enforce or
-- warn (enforce when absent), validity 1-10 years (2), worklist window 1-366 days (60).
CREATE FUNCTION vipdesk_private.card_policy_ok(p_value json) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v jsonb := p_value::jsonb;  -- the structure as Python's json reads it (a repeated key: its last value)
    v_bins text[] := '{}';
    p jsonb;
    b jsonb;
BEGIN
    IF jsonb_typeof(v) IS DISTINCT FROM 'object' OR jsonb_typeof(v -> 'products') IS DISTINCT FROM 'array'
       OR (v ? 'validity_years' AND NOT vipdesk_private.json_whole(p_value -> 'validity_years', 1, 10))
       OR (v ? 'expiring_days' AND NOT vipdesk_private.json_whole(p_value -> 'expiring_days', 1, 366)) THEN
        RETURN false;
    END IF;
    IF (SELECT array_agg(e ->> 'card_type' ORDER BY e ->> 'card_type') FROM jsonb_array_elements(v -> 'products') e
        WHERE jsonb_typeof(e) = 'object' AND jsonb_typeof(e -> 'card_type') = 'string') IS DISTINCT FROM @CARD_TYPES@
       OR jsonb_array_length(v -> 'products') <> @CARD_TYPE_COUNT@ THEN
        RETURN false;
    END IF;
    FOR p IN SELECT value FROM jsonb_array_elements(v -> 'products') LOOP
        IF jsonb_typeof(p -> 'bins') IS DISTINCT FROM 'array' OR jsonb_array_length(p -> 'bins') = 0
           OR (p ? 'luhn' AND (jsonb_typeof(p -> 'luhn') IS DISTINCT FROM 'string'
                               OR p ->> 'luhn' NOT IN ('enforce', 'warn'))) THEN
            RETURN false;
        END IF;
        FOR b IN SELECT value FROM jsonb_array_elements(p -> 'bins') LOOP
            IF jsonb_typeof(b) <> 'string' OR b #>> '{}' !~ '^[0-9]{4,10}$' OR EXISTS (
                    SELECT 1 FROM unnest(v_bins) o
                    WHERE starts_with(o, b #>> '{}') OR starts_with(b #>> '{}', o)) THEN
                RETURN false;
            END IF;
            v_bins := v_bins || (b #>> '{}');
        END LOOP;
    END LOOP;
    RETURN true;
END
$$;

-- Did this transaction set the account's password through VIP Desk (vipdesk_set_password or a
-- new login, recorded at the transaction's time by migration 0027's record_verifier)?
CREATE FUNCTION vipdesk_private.password_set_now(p_account_id integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM vipdesk_private.login_verifier v
                   WHERE v.account_id = p_account_id AND v.changed_outside_at IS NULL
                     AND v.recorded_at = vipdesk_clock(NULL))
$$;

-- Does an enabled administrator other than p_leaving remain? Holds one such account's row (shared),
-- so that two administrators taking each other's role or account at once cannot both succeed.
CREATE FUNCTION vipdesk_private.another_administrator(p_leaving integer) RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    PERFORM 1 FROM staff_account a
    WHERE a.id <> p_leaving AND NOT a.disabled
      AND EXISTS (SELECT 1 FROM staff_role r WHERE r.account_id = a.id AND r.role = 'administrator')
    LIMIT 1 FOR SHARE OF a;
    RETURN FOUND;
END
$$;

-- A change moves the version on by one; a row written back unchanged may keep it.
CREATE FUNCTION vipdesk_private.version_moves(p_old jsonb, p_new jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT (p_new ->> 'version')::bigint = (p_old ->> 'version')::bigint + 1
        OR ((p_new ->> 'version')::bigint = (p_old ->> 'version')::bigint
            AND p_new - 'version' = p_old - 'version')
$$;

CREATE FUNCTION vipdesk_guard_staff_account() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
    v_admin boolean;
    v_password boolean;
BEGIN
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        PERFORM vipdesk_private.refuse_admin('staff accounts are never deleted; only an enabled account''s login writes them');
    END IF;
    v_admin := vipdesk_may('manage_accounts');
    IF TG_OP = 'INSERT' THEN
        PERFORM vipdesk_require('manage_accounts');
        IF NOT vipdesk_in_subtree(NEW.branch_id) OR coalesce(NEW.username !~ '@USERNAME_RE@', true)
           OR NOT vipdesk_private.clean_text(NEW.display_name, 60, true) THEN
            PERFORM vipdesk_private.refuse_admin('an account is created in the subtree with a valid user name and full name');
        END IF;
        IF NEW.must_change_password IS NOT TRUE OR NEW.disabled IS NOT FALSE OR NEW.failed_signins IS DISTINCT FROM 0
           OR NEW.locked_until IS NOT NULL OR NEW.last_signin_at IS NOT NULL OR NEW.password_hash IS NOT NULL
           OR NEW.version IS DISTINCT FROM 1 THEN
            PERFORM vipdesk_private.refuse_admin('a new account is enabled, unlocked, never signed in, and must choose its password at first sign-in');
        END IF;
        RETURN NEW;
    END IF;
    IF v_admin THEN
        PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY[
            'display_name', 'branch_id', 'disabled', 'must_change_password', 'failed_signins',
            'locked_until', 'password_changed_at', 'version']);
    ELSIF OLD.id = v_me THEN
        PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY[
            'must_change_password', 'password_changed_at', 'version']);
    ELSE
        PERFORM vipdesk_private.refuse_admin('only an administrator changes another person''s account');
    END IF;
    IF NOT vipdesk_private.version_moves(to_jsonb(OLD), to_jsonb(NEW)) THEN
        PERFORM vipdesk_private.refuse_admin('an account''s version moves on by one with each change');
    END IF;
    IF NEW.must_change_password IS DISTINCT FROM OLD.must_change_password
       OR NEW.password_changed_at IS DISTINCT FROM OLD.password_changed_at THEN
        v_password := vipdesk_private.password_set_now(OLD.id);
        IF NOT v_password OR NEW.password_changed_at IS NULL
           OR (NEW.must_change_password IS FALSE AND OLD.must_change_password AND OLD.id <> v_me)
           OR (NEW.must_change_password IS TRUE AND NOT OLD.must_change_password AND NOT v_admin)
           OR NEW.must_change_password IS NULL THEN
            PERFORM vipdesk_private.refuse_admin('a password is changed through VIP Desk: the person clears the must-change mark by setting their own, an administrator sets it by a reset');
        END IF;
    END IF;
    IF (NEW.failed_signins IS DISTINCT FROM OLD.failed_signins AND NEW.failed_signins IS DISTINCT FROM 0)
       OR (NEW.locked_until IS DISTINCT FROM OLD.locked_until AND NEW.locked_until IS NOT NULL) THEN
        PERFORM vipdesk_private.refuse_admin('an administrator only lifts a lock-out: failed sign-ins back to 0, no lock');
    END IF;
    IF NEW.display_name IS DISTINCT FROM OLD.display_name AND NOT vipdesk_private.clean_text(NEW.display_name, 60, true) THEN
        PERFORM vipdesk_private.refuse_admin('a full name has 1 to 60 characters, single spaces');
    END IF;
    IF NEW.branch_id IS DISTINCT FROM OLD.branch_id AND NOT vipdesk_in_subtree(NEW.branch_id) THEN
        PERFORM vipdesk_private.refuse_admin('an account moves only within the administrator''s subtree');
    END IF;
    IF NEW.disabled IS DISTINCT FROM OLD.disabled THEN
        IF NEW.disabled IS NULL THEN
            PERFORM vipdesk_private.refuse_admin('an account is enabled or disabled');
        ELSIF NEW.disabled AND OLD.id = v_me THEN
            PERFORM vipdesk_private.refuse_admin('nobody disables their own account');
        ELSIF NEW.disabled AND EXISTS (SELECT 1 FROM customer c WHERE c.relationship_manager_id = OLD.id) THEN
            PERFORM vipdesk_private.refuse_admin('an account that still looks after customers stays enabled until they are handed over');
        ELSIF NEW.disabled AND EXISTS (SELECT 1 FROM staff_role r WHERE r.account_id = OLD.id AND r.role = 'administrator')
              AND NOT vipdesk_private.another_administrator(OLD.id) THEN
            PERFORM vipdesk_private.refuse_admin('at least one enabled administrator must remain');
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_staff_role() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
BEGIN
    IF v_me IS NULL OR TG_OP = 'UPDATE' THEN
        PERFORM vipdesk_private.refuse_admin('a role is given or taken, never rewritten');
    END IF;
    PERFORM vipdesk_require('manage_accounts');
    IF TG_OP = 'INSERT' THEN
        IF NOT vipdesk_in_subtree((SELECT a.branch_id FROM staff_account a WHERE a.id = NEW.account_id))
           OR NOT EXISTS (SELECT 1 FROM role_permission p WHERE p.role = NEW.role) THEN
            PERFORM vipdesk_private.refuse_admin('a staff role is given to an account of the administrator''s subtree');
        END IF;
        RETURN NEW;
    END IF;
    IF NOT vipdesk_in_subtree((SELECT a.branch_id FROM staff_account a WHERE a.id = OLD.account_id)) THEN
        PERFORM vipdesk_private.refuse_admin('a role is taken from an account of the administrator''s subtree');
    END IF;
    IF OLD.role = 'administrator' AND (OLD.account_id = v_me OR NOT vipdesk_private.another_administrator(OLD.account_id)) THEN
        PERFORM vipdesk_private.refuse_admin('nobody takes the administrator role from their own account, and one enabled administrator must remain');
    END IF;
    RETURN OLD;
END
$$;

CREATE FUNCTION vipdesk_guard_branch() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me staff_account%ROWTYPE;
    v_parent_level text;
BEGIN
    SELECT * INTO me FROM staff_account WHERE id = vipdesk_account_id();
    IF me.id IS NULL OR TG_OP = 'DELETE' THEN
        PERFORM vipdesk_private.refuse_admin('branches are never deleted; only an enabled account''s login writes them');
    END IF;
    PERFORM vipdesk_require('manage_branches');
    IF (TG_OP = 'INSERT' OR NEW.name IS DISTINCT FROM OLD.name) AND NOT vipdesk_private.clean_text(NEW.name, 100, true)
       OR (TG_OP = 'INSERT' OR NEW.address IS DISTINCT FROM OLD.address) AND NOT vipdesk_private.clean_text(NEW.address, 200, false)
       OR (TG_OP = 'INSERT' OR NEW.phone IS DISTINCT FROM OLD.phone) AND NOT vipdesk_private.clean_text(NEW.phone, 40, false) THEN
        PERFORM vipdesk_private.refuse_admin('a branch name has 1 to 100 characters, an address at most 200, a phone at most 40, single spaces');
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT level INTO v_parent_level FROM branch WHERE id = NEW.parent_id;
        IF NOT vipdesk_in_subtree(NEW.parent_id) OR coalesce(NEW.code !~ '@BRANCH_CODE_RE@', true)
           OR coalesce(array_position(@LEVELS@, NEW.level::text) <= array_position(@LEVELS@, v_parent_level::text), true)
           OR NEW.active IS NOT TRUE OR NEW.version IS DISTINCT FROM 1 THEN
            PERFORM vipdesk_private.refuse_admin('a branch is added, active, under a branch of the subtree, at a lower level, with a code of 2 to 16 capitals or digits');
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY['name', 'address', 'phone', 'active', 'version']);
    IF NOT vipdesk_private.version_moves(to_jsonb(OLD), to_jsonb(NEW)) OR NEW.active IS NULL THEN
        PERFORM vipdesk_private.refuse_admin('a branch''s version moves on by one with each change');
    END IF;
    IF OLD.active AND NOT NEW.active AND OLD.id = me.branch_id THEN
        PERFORM vipdesk_private.refuse_admin('nobody deactivates their own branch');
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_setting() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_text json;    -- the value as written (its numbers' spelling)
    v_value jsonb;  -- and as read (a repeated key: its last value)
BEGIN
    IF vipdesk_account_id() IS NULL OR TG_OP = 'DELETE' THEN
        PERFORM vipdesk_private.refuse_admin('settings are never deleted; only an enabled account''s login writes them');
    END IF;
    PERFORM vipdesk_require('edit_policy');
    IF TG_OP = 'UPDATE' THEN
        PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY['value', 'version']);
        IF NOT vipdesk_private.version_moves(to_jsonb(OLD), to_jsonb(NEW)) THEN
            PERFORM vipdesk_private.refuse_admin('a setting''s version moves on by one with each change');
        END IF;
    ELSIF NEW.version IS DISTINCT FROM 1 THEN
        PERFORM vipdesk_private.refuse_admin('a new setting starts at version 1');
    END IF;
    IF NEW.key IS NULL OR NEW.key <> ALL (@SETTING_KEYS@) THEN
        PERFORM vipdesk_private.refuse_admin('not a setting VIP Desk keeps in this store');
    END IF;
    BEGIN
        v_text := NEW.value::json;
        v_value := v_text::jsonb;
    EXCEPTION WHEN data_exception THEN
        v_value := NULL;
    END;
    IF jsonb_typeof(v_value) IS DISTINCT FROM 'object'
       OR (NEW.key = 'signin_policy' AND NOT vipdesk_private.signin_policy_ok(v_text))
       OR (NEW.key = 'card_policy' AND NOT vipdesk_private.card_policy_ok(v_text)) THEN
        PERFORM vipdesk_private.refuse_admin('a setting holds what its policy page would save');
    END IF;
    RETURN NEW;
END
$$;
"""

SIGNATURES = [
    "vipdesk_private.refuse_admin(text)", "vipdesk_private.clean_text(text, integer, boolean)",
    "vipdesk_private.json_whole(json, integer, integer)", "vipdesk_private.signin_policy_ok(json)",
    "vipdesk_private.card_policy_ok(json)", "vipdesk_private.password_set_now(integer)",
    "vipdesk_private.another_administrator(integer)", "vipdesk_private.version_moves(jsonb, jsonb)",
    "vipdesk_guard_staff_account()", "vipdesk_guard_staff_role()", "vipdesk_guard_branch()",
    "vipdesk_guard_setting()",
]


def _array(values) -> str:
    return "ARRAY[" + ", ".join("'" + v + "'" for v in values) + "]::text[]"


def _bracket(characters: str) -> str:
    """An E'' literal of a regular expression matching any one of ``characters``."""
    return "E'[" + "".join(f"\\\\u{ord(c):04x}" for c in characters) + "]'"


def functions_sql() -> str:
    """The guard functions with this revision's rules filled in."""
    checks = " AND ".join(f"vipdesk_private.json_whole(p_value -> '{k}', {low}, {high})"
                          for k, (low, high) in SIGNIN_LIMITS.items())
    return (FUNCTIONS.replace("@USERNAME_RE@", USERNAME_RE).replace("@BRANCH_CODE_RE@", BRANCH_CODE_RE)
            .replace("@LEVELS@", _array(LEVELS)).replace("@SIGNIN_KEYS@", _array(sorted(SIGNIN_LIMITS)))
            .replace("@SIGNIN_CHECKS@", checks).replace("@CARD_TYPES@", _array(sorted(CARD_TYPES)))
            .replace("@CARD_TYPE_COUNT@", str(len(CARD_TYPES))).replace("@SETTING_KEYS@", _array(SETTING_KEYS))
            .replace("@OTHER_WHITE_SPACE_RE@", _bracket(OTHER_WHITE_SPACE)))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    owner = bind.execute(sa.text("SELECT quote_literal(current_user)")).scalar_one()
    statements = [functions_sql(), "REVOKE EXECUTE ON FUNCTION " + ", ".join(SIGNATURES) + " FROM PUBLIC"]
    # Statements run as the owner (its connections, and the store's definer functions: sign-in
    # counting, lock-outs, the first administrator) pass; every staff login's are checked.
    statements += [f"CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW "
                   f"WHEN (NOT pg_has_role(current_user, {owner}, 'MEMBER')) "
                   f"EXECUTE FUNCTION vipdesk_guard_{table}()" for table in TABLES]
    run(bind, ";\n".join(statements))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    run(bind, ";\n".join([f"DROP TRIGGER vipdesk_guard ON {table}" for table in TABLES]
                         + ["DROP FUNCTION " + ", ".join(reversed(SIGNATURES))]))
