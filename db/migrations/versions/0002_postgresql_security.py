"""PostgreSQL security in depth: per-store roles, sign-in functions, row-level security.

Revision ID: 0002
Revises: 0001

Nothing happens on SQLite. On PostgreSQL, as the role that runs ``db upgrade`` (the *owner*:
it owns the tables and the functions below; it must be a superuser or have CREATEROLE):

* Role names are cluster-wide and one server may hold several stores, so this migration draws a
  random store prefix ``vd_<8 hex>_``. Every staff account's login role is prefix + user name
  (enforced by a CHECK constraint); the store's three NOLOGIN group roles are
  ``vdg_<8 hex>_staff`` (every staff login), ``vdg_<8 hex>_admin`` (accounts holding the
  administrator role, kept in step with ``staff_role`` by a trigger) and ``vdg_<8 hex>_signin``
  (the pre-sign-in login: a login role with a known password that is a member of it may only
  call the sign-in functions). The groups carry the comment ``VIP Desk store "<database>"``.
* ``SECURITY DEFINER`` functions (owned by the owner, ``search_path`` pinned with ``pg_temp``
  last, EXECUTE revoked from PUBLIC) do what an unprivileged caller may not do directly:
  sign-in bookkeeping (status check, failure count and lock-out with ``NOLOGIN``, success),
  first-administrator setup while the store has no account, and login-role management
  (create, password, LOGIN/NOLOGIN) for administrators within their branch subtree.
  Passwords arrive only as SCRAM-SHA-256 verifiers computed by the client; anything else is
  refused, so no cleartext password can reach a statement or a server log through them.
* Audit events written by these functions (sign-in and setup) are chained in SQL with the same
  canonical form and SHA-256 digest as ``app.audit.chain``, so the sign-in role needs no table
  privilege at all.
* Clock: a function that takes ``p_now`` uses it only when the caller is the owner (who could
  change any row anyway: tests and batch jobs); anyone else gets the server's clock, so that a
  client cannot lift a lock-out by claiming a later time.
* Row-level security is enabled and forced on branch, staff_account, staff_role, audit_event
  and setting: staff see the rows of their own branch subtree (``current_branch_path()``),
  settings are readable by all staff, writes to branches, accounts and roles are for
  administrators within their subtree, the audit table is INSERT (as oneself) + SELECT only.
  The owner has an explicit all-rows policy (its definer functions and batch jobs need it).
"""
import secrets

from alembic import op
from sqlalchemy import text


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

TABLES = ("branch", "staff_account", "staff_role", "audit_event", "setting")
# The alphabet of user names (app.auth.accounts.USERNAME_PATTERN asks 3+ characters of new
# names; older stores may hold shorter ones): what keeps a login role name plain and inside the store's prefix.
USERNAME_RE = "^[a-z][a-z0-9_]{0,31}$"
# SignInPolicy defaults (app.auth.policy); the db layer may not import app.
DEFAULT_MAX_FAILED_SIGNINS = 5
DEFAULT_LOCKOUT_MINUTES = 30
SETUP_ACTOR = "setup"                    # app.auth.setup.SETUP_ACTOR
POLICY_KEY = "signin_policy"             # app.auth.policy.KEY

FUNCTIONS = r"""
CREATE FUNCTION vipdesk_role_prefix() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT @PREFIX_LIT@::text $$;

-- The store's group role of one kind (staff, admin, signin), for later migrations' GRANTs.
CREATE FUNCTION vipdesk_group_role(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE p_kind WHEN 'staff' THEN @STAFF_LIT@ WHEN 'admin' THEN @ADMIN_LIT@
                       WHEN 'signin' THEN @SIGNIN_LIT@ END
$$;

CREATE FUNCTION vipdesk_is_owner() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT pg_has_role(session_user, @OWNER_LIT@, 'MEMBER')
$$;

-- The owner may pass the application's clock; everyone else gets the server's (UTC, naive).
CREATE FUNCTION vipdesk_clock(p_now timestamp) RETURNS timestamp
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE WHEN p_now IS NOT NULL AND vipdesk_is_owner() THEN p_now
                ELSE (now() AT TIME ZONE 'UTC')::timestamp END
$$;

-- Branch path of a staff login, for the caller's own login only (or for the owner).
CREATE FUNCTION vipdesk_branch_path_of(p_role name) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT b.path FROM staff_account a JOIN branch b ON b.id = a.branch_id
    WHERE a.db_role = p_role AND NOT a.disabled
      AND (p_role = session_user OR vipdesk_is_owner())
$$;

-- The acting staff login's branch path ('/1/4/'); NULL (sees nothing) for anyone else.
CREATE FUNCTION current_branch_path() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT vipdesk_branch_path_of(current_user) $$;

CREATE FUNCTION vipdesk_check_role_name(p_role text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF p_role IS NULL OR left(p_role, length(vipdesk_role_prefix())) <> vipdesk_role_prefix()
       OR substr(p_role, length(vipdesk_role_prefix()) + 1) !~ '@USERNAME_RE@' THEN
        RAISE EXCEPTION 'not a login role of this store: %', p_role
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

CREATE FUNCTION vipdesk_check_verifier(p_verifier text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF p_verifier IS NULL OR p_verifier !~
       '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
        RAISE EXCEPTION 'a password must be given as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- app.audit.chain.digest in SQL: SHA-256 over the previous hash and the canonical JSON list.
CREATE FUNCTION vipdesk_audit_digest(
    p_prev_hash text, p_seq bigint, p_occurred_at timestamp, p_actor_id integer,
    p_actor_name text, p_branch_id integer, p_action text, p_entity text, p_entity_id text,
    p_before text, p_after text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT encode(sha256(convert_to(
        p_prev_hash || '[' || p_seq::text || ','
        || to_json(to_char(p_occurred_at, 'YYYY-MM-DD"T"HH24:MI:SS.US'))::text || ','
        || coalesce(p_actor_id::text, 'null') || ',' || to_json(p_actor_name)::text || ','
        || coalesce(p_branch_id::text, 'null') || ',' || to_json(p_action)::text || ','
        || to_json(p_entity)::text || ',' || to_json(p_entity_id)::text || ','
        || to_json(p_before)::text || ',' || to_json(p_after)::text || ']', 'UTF8')), 'hex')
$$;

-- A datetime as Python's str() shows it (what canonical_json writes for a snapshot's time).
CREATE FUNCTION vipdesk_py_datetime(p_value timestamp) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT to_char(p_value, 'YYYY-MM-DD HH24:MI:SS')
        || CASE WHEN extract(microseconds FROM p_value)::bigint % 1000000 <> 0
                THEN '.' || to_char(p_value, 'US') ELSE '' END
$$;

-- Append one event (actor_id NULL: written before anyone is signed in) to the hash chain.
CREATE FUNCTION vipdesk_append_audit(
    p_now timestamp, p_actor_name text, p_branch_id integer, p_action text, p_entity text,
    p_entity_id text, p_before text, p_after text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    h record;
BEGIN
    SELECT * INTO h FROM audit_chain_head();
    INSERT INTO audit_event (seq, occurred_at, actor_id, actor_name, branch_id, action, entity,
                             entity_id, before, after, prev_hash, hash)
    VALUES (h.head_seq + 1, p_now, NULL, p_actor_name, p_branch_id, p_action, p_entity,
            p_entity_id, p_before, p_after, h.head_hash,
            vipdesk_audit_digest(h.head_hash, h.head_seq + 1, p_now, NULL, p_actor_name,
                                 p_branch_id, p_action, p_entity, p_entity_id, p_before, p_after));
END
$$;

CREATE FUNCTION vipdesk_signin_policy() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT value FROM setting WHERE key = '@POLICY_KEY@'
$$;

CREATE FUNCTION vipdesk_lockout_policy(OUT max_failed integer, OUT minutes integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v jsonb;
BEGIN
    SELECT value::jsonb INTO v FROM setting WHERE key = '@POLICY_KEY@';
    max_failed := coalesce((v ->> 'max_failed_signins')::integer, @MAX_FAILED@);
    minutes := coalesce((v ->> 'lockout_minutes')::integer, @LOCKOUT_MINUTES@);
END
$$;

-- LOGIN exactly when the account is enabled, not locked at p_now, and p_allowed.
CREATE FUNCTION vipdesk_apply_login(p_account_id integer, p_now timestamp,
                                    p_allowed boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    a staff_account%ROWTYPE;
    v_can boolean;
    v_want boolean;
BEGIN
    SELECT * INTO a FROM staff_account WHERE id = p_account_id;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    PERFORM vipdesk_check_role_name(a.db_role);
    SELECT rolcanlogin INTO v_can FROM pg_roles WHERE rolname = a.db_role;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    v_want := p_allowed AND NOT a.disabled AND (a.locked_until IS NULL OR a.locked_until <= p_now);
    IF v_can IS DISTINCT FROM v_want THEN
        EXECUTE format('ALTER ROLE %I %s', a.db_role, CASE WHEN v_want THEN 'LOGIN' ELSE 'NOLOGIN' END);
    END IF;
END
$$;

-- Group memberships of an account's login: staff always, admin while it holds the role.
CREATE FUNCTION vipdesk_sync_membership(p_account_id integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_role text;
    v_admin boolean;
    v_is_admin boolean;
BEGIN
    SELECT db_role INTO v_role FROM staff_account WHERE id = p_account_id;
    IF v_role IS NULL OR to_regrole(quote_ident(v_role)) IS NULL THEN
        RETURN;  -- the login is created later in the same transaction
    END IF;
    PERFORM vipdesk_check_role_name(v_role);
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members
                   WHERE roleid = to_regrole(@STAFF_LIT@) AND member = to_regrole(quote_ident(v_role))) THEN
        EXECUTE format('GRANT %I TO %I', @STAFF_LIT@, v_role);
    END IF;
    v_admin := EXISTS (SELECT 1 FROM staff_role WHERE account_id = p_account_id AND role = 'administrator');
    v_is_admin := EXISTS (SELECT 1 FROM pg_auth_members
                          WHERE roleid = to_regrole(@ADMIN_LIT@) AND member = to_regrole(quote_ident(v_role)));
    IF v_admin AND NOT v_is_admin THEN
        EXECUTE format('GRANT %I TO %I', @ADMIN_LIT@, v_role);
    ELSIF v_is_admin AND NOT v_admin THEN
        EXECUTE format('REVOKE %I FROM %I', @ADMIN_LIT@, v_role);
    END IF;
END
$$;

CREATE FUNCTION vipdesk_staff_role_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM vipdesk_sync_membership(OLD.account_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM vipdesk_sync_membership(NEW.account_id);
    END IF;
    RETURN NULL;
END
$$;

-- A branch's path is its parent's path + its id + '/'; an empty path is filled in (the app
-- inserts with '' and sets the path once the id is known). Staff cannot write another path;
-- the owner (batch jobs, repairs, tests) is trusted with any.
CREATE FUNCTION vipdesk_branch_path() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_parent text;
    v_expected text;
BEGIN
    IF NEW.parent_id IS NULL THEN
        v_parent := '/';
    ELSE
        SELECT path INTO v_parent FROM branch WHERE id = NEW.parent_id;
        IF v_parent IS NULL OR v_parent = '' THEN
            RAISE EXCEPTION 'parent branch % is not in reach', NEW.parent_id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    v_expected := v_parent || NEW.id || '/';
    IF NEW.path IS NULL OR NEW.path = '' THEN
        NEW.path := v_expected;
    ELSIF NEW.path <> v_expected AND NOT vipdesk_is_owner() THEN
        RAISE EXCEPTION 'branch path % does not match its place in the tree (%)', NEW.path, v_expected
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

-- May the connected person manage this account's login? The owner, or an administrator
-- (group member and holder of the role, enabled) whose subtree holds the account.
CREATE FUNCTION vipdesk_may_manage(p_account_id integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_path text;
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN true;
    END IF;
    IF NOT pg_has_role(session_user, @ADMIN_LIT@, 'MEMBER') OR NOT EXISTS (
            SELECT 1 FROM staff_account a JOIN staff_role r ON r.account_id = a.id
            WHERE a.db_role = session_user AND r.role = 'administrator') THEN
        RETURN false;
    END IF;
    v_path := vipdesk_branch_path_of(session_user);
    RETURN v_path IS NOT NULL AND EXISTS (
        SELECT 1 FROM staff_account a JOIN branch b ON b.id = a.branch_id
        WHERE a.id = p_account_id AND starts_with(b.path, v_path));
END
$$;

CREATE FUNCTION vipdesk_create_role(p_account_id integer, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    a staff_account%ROWTYPE;
BEGIN
    SELECT * INTO a FROM staff_account WHERE id = p_account_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no account %', p_account_id USING ERRCODE = 'no_data_found';
    END IF;
    PERFORM vipdesk_check_role_name(a.db_role);
    PERFORM vipdesk_check_verifier(p_verifier);
    EXECUTE format('CREATE ROLE %I WITH NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT '
                   'NOREPLICATION NOBYPASSRLS PASSWORD %L', a.db_role, p_verifier);
    PERFORM vipdesk_sync_membership(a.id);
    PERFORM vipdesk_apply_login(a.id, vipdesk_clock(NULL));
END
$$;

CREATE FUNCTION vipdesk_create_login(p_account_id integer, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT vipdesk_may_manage(p_account_id) THEN
        RAISE EXCEPTION 'only an administrator of the account''s branch may create its login'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM vipdesk_create_role(p_account_id, p_verifier);
END
$$;

CREATE FUNCTION vipdesk_set_password(p_account_id integer, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_role text;
BEGIN
    SELECT db_role INTO v_role FROM staff_account WHERE id = p_account_id;
    IF v_role IS NULL OR NOT (v_role = session_user OR vipdesk_may_manage(p_account_id)) THEN
        RAISE EXCEPTION 'only the person or an administrator of their branch may set this password'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM vipdesk_check_role_name(v_role);
    PERFORM vipdesk_check_verifier(p_verifier);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', v_role, p_verifier);
END
$$;

CREATE FUNCTION vipdesk_set_login(p_account_id integer, p_allowed boolean,
                                  p_now timestamp DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT vipdesk_may_manage(p_account_id) THEN
        RAISE EXCEPTION 'only an administrator of the account''s branch may change its login'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM vipdesk_apply_login(p_account_id, vipdesk_clock(p_now), p_allowed);
END
$$;

-- Before connecting as the person: refuse a locked or disabled account, lift an expired lock.
-- status: 'go' (try the password as login_role; NULL when the name cannot exist), 'locked'
-- (until) or 'disabled'. An unknown name also gets 'go': the password attempt then fails.
CREATE FUNCTION vipdesk_signin_check(p_username text, p_now timestamp DEFAULT NULL,
    OUT status text, OUT until timestamp, OUT login_role text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_now timestamp := vipdesk_clock(p_now);
    a staff_account%ROWTYPE;
BEGIN
    status := 'go';
    IF p_username IS NULL OR p_username !~ '@USERNAME_RE@' THEN
        RETURN;
    END IF;
    login_role := vipdesk_role_prefix() || p_username;
    SELECT * INTO a FROM staff_account WHERE username = p_username FOR UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF a.locked_until IS NOT NULL AND a.locked_until > v_now THEN
        status := 'locked';
        until := a.locked_until;
        PERFORM vipdesk_apply_login(a.id, v_now);
        PERFORM vipdesk_append_audit(v_now, 'signin:' || left(p_username, 32), a.branch_id,
                                     'signin.refused_locked', 'staff_account', a.id::text, '', '');
        RETURN;
    END IF;
    IF a.locked_until IS NOT NULL THEN  -- the lock ran out: lift it
        UPDATE staff_account SET locked_until = NULL, failed_signins = 0, version = version + 1
        WHERE id = a.id;
    END IF;
    PERFORM vipdesk_apply_login(a.id, v_now);
    IF a.disabled THEN
        status := 'disabled';
        PERFORM vipdesk_append_audit(v_now, 'signin:' || left(p_username, 32), a.branch_id,
                                     'signin.refused_disabled', 'staff_account', a.id::text, '', '');
    END IF;
END
$$;

-- The server refused the password: count it, lock the account (and its login) at the limit.
-- status: 'wrong', 'locked' (until) or, when the account changed meanwhile, 'disabled'.
CREATE FUNCTION vipdesk_signin_failed(p_username text, p_now timestamp DEFAULT NULL,
    OUT status text, OUT until timestamp)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_now timestamp := vipdesk_clock(p_now);
    v_name text := left(coalesce(p_username, ''), 32);
    a staff_account%ROWTYPE;
    p record;
    v_failed integer;
BEGIN
    status := 'wrong';
    IF p_username ~ '@USERNAME_RE@' THEN
        SELECT * INTO a FROM staff_account WHERE username = p_username FOR UPDATE;
    END IF;
    IF a.id IS NULL THEN
        PERFORM vipdesk_append_audit(v_now, 'signin:' || v_name, NULL, 'signin.failed',
                                     'staff_account', 'unknown:' || v_name, '', '');
        RETURN;
    END IF;
    IF a.locked_until IS NOT NULL AND a.locked_until > v_now THEN
        status := 'locked';
        until := a.locked_until;
        PERFORM vipdesk_apply_login(a.id, v_now);
        PERFORM vipdesk_append_audit(v_now, 'signin:' || v_name, a.branch_id,
                                     'signin.refused_locked', 'staff_account', a.id::text, '', '');
        RETURN;
    END IF;
    IF a.disabled THEN
        status := 'disabled';
        PERFORM vipdesk_apply_login(a.id, v_now);
        PERFORM vipdesk_append_audit(v_now, 'signin:' || v_name, a.branch_id,
                                     'signin.refused_disabled', 'staff_account', a.id::text, '', '');
        RETURN;
    END IF;
    SELECT * INTO p FROM vipdesk_lockout_policy();
    v_failed := a.failed_signins + 1;
    IF v_failed >= p.max_failed THEN
        status := 'locked';
        until := v_now + make_interval(mins => p.minutes);
        UPDATE staff_account SET failed_signins = 0, locked_until = until, version = version + 1
        WHERE id = a.id;
        PERFORM vipdesk_apply_login(a.id, v_now);
        PERFORM vipdesk_append_audit(v_now, 'signin:' || v_name, a.branch_id, 'signin.failed',
                                     'staff_account', a.id::text, '',
                                     '{"locked_until":' || to_json(vipdesk_py_datetime(until))::text || '}');
    ELSE
        UPDATE staff_account SET failed_signins = v_failed, version = version + 1 WHERE id = a.id;
        PERFORM vipdesk_append_audit(v_now, 'signin:' || v_name, a.branch_id, 'signin.failed',
                                     'staff_account', a.id::text, '', '');
    END IF;
END
$$;

-- Called over the person's own new connection: reset the count, note the time, audit.
-- status: 'ok' (account_id), or 'locked' (until) / 'disabled' when that changed meanwhile.
CREATE FUNCTION vipdesk_signin_succeeded(p_now timestamp DEFAULT NULL,
    OUT status text, OUT account_id integer, OUT until timestamp)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_now timestamp := vipdesk_clock(p_now);
    a staff_account%ROWTYPE;
BEGIN
    SELECT * INTO a FROM staff_account WHERE db_role = session_user FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the connected role is not a staff login of this store'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    account_id := a.id;
    IF a.disabled THEN
        status := 'disabled';
    ELSIF a.locked_until IS NOT NULL AND a.locked_until > v_now THEN
        status := 'locked';
        until := a.locked_until;
    ELSE
        status := 'ok';
        UPDATE staff_account SET failed_signins = 0, locked_until = NULL, last_signin_at = v_now,
                                 version = version + 1
        WHERE id = a.id;
        PERFORM vipdesk_append_audit(v_now, 'signin:' || left(a.username, 32), a.branch_id,
                                     'signin.success', 'staff_account', a.id::text, '', '');
    END IF;
END
$$;

CREATE FUNCTION vipdesk_needs_first_administrator() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT NOT EXISTS (SELECT 1 FROM staff_account)
$$;

-- First start: the head office (unless the tree has one) and the first administrator with
-- their login, only while the store has no account (serialized). False when it already has.
CREATE FUNCTION vipdesk_create_first_administrator(
    p_username text, p_display_name text, p_verifier text, p_head_code text, p_head_name text,
    p_now timestamp DEFAULT NULL) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_now timestamp := vipdesk_clock(p_now);
    b branch%ROWTYPE;
    v_id integer;
BEGIN
    PERFORM pg_advisory_xact_lock(730101);
    IF EXISTS (SELECT 1 FROM staff_account) THEN
        RETURN false;
    END IF;
    IF p_username IS NULL OR p_username !~ '@USERNAME_RE@'
       OR coalesce(length(p_display_name), 0) NOT BETWEEN 1 AND 60
       OR coalesce(p_head_code, '') !~ '^[A-Z0-9]{2,16}$'
       OR coalesce(length(p_head_name), 0) NOT BETWEEN 1 AND 100 THEN
        RAISE EXCEPTION 'invalid first administrator' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM vipdesk_check_verifier(p_verifier);
    SELECT * INTO b FROM branch WHERE parent_id IS NULL ORDER BY id LIMIT 1;
    IF NOT FOUND THEN
        INSERT INTO branch (code, name, level, parent_id, path, address, phone, active, version)
        VALUES (p_head_code, p_head_name, 'head_office', NULL, '', '', '', true, 1)
        RETURNING * INTO b;
        PERFORM vipdesk_append_audit(v_now, '@SETUP_ACTOR@', b.id, 'branch.create', 'branch', b.id::text, '',
            '{"code":' || to_json(p_head_code)::text || ',"name":' || to_json(p_head_name)::text || '}');
    END IF;
    INSERT INTO staff_account (username, display_name, branch_id, db_role, password_hash,
                               must_change_password, disabled, failed_signins, locked_until,
                               last_signin_at, password_changed_at, created_at, version)
    VALUES (p_username, p_display_name, b.id, vipdesk_role_prefix() || p_username, NULL,
            false, false, 0, NULL, NULL, v_now, v_now, 1)
    RETURNING id INTO v_id;
    INSERT INTO staff_role (account_id, role) VALUES (v_id, 'administrator');
    PERFORM vipdesk_create_role(v_id, p_verifier);
    PERFORM vipdesk_append_audit(v_now, '@SETUP_ACTOR@', b.id, 'account.create', 'staff_account', v_id::text, '',
        '{"branch_id":' || b.id || ',"disabled":false,"display_name":' || to_json(p_display_name)::text
        || ',"locked_until":null,"must_change_password":false,"roles":["administrator"],"username":'
        || to_json(p_username)::text || '}');
    RETURN true;
END
$$;
"""

FUNCTION_SIGNATURES = [
    "vipdesk_role_prefix()", "vipdesk_group_role(text)", "vipdesk_is_owner()",
    "vipdesk_clock(timestamp)", "vipdesk_branch_path_of(name)", "current_branch_path()",
    "vipdesk_check_role_name(text)", "vipdesk_check_verifier(text)",
    "vipdesk_audit_digest(text, bigint, timestamp, integer, text, integer, text, text, text, text, text)",
    "vipdesk_py_datetime(timestamp)",
    "vipdesk_append_audit(timestamp, text, integer, text, text, text, text, text)",
    "vipdesk_signin_policy()", "vipdesk_lockout_policy()",
    "vipdesk_apply_login(integer, timestamp, boolean)", "vipdesk_sync_membership(integer)",
    "vipdesk_staff_role_changed()", "vipdesk_branch_path()", "vipdesk_may_manage(integer)",
    "vipdesk_create_role(integer, text)", "vipdesk_create_login(integer, text)",
    "vipdesk_set_password(integer, text)", "vipdesk_set_login(integer, boolean, timestamp)",
    "vipdesk_signin_check(text, timestamp)", "vipdesk_signin_failed(text, timestamp)",
    "vipdesk_signin_succeeded(timestamp)", "vipdesk_needs_first_administrator()",
    "vipdesk_create_first_administrator(text, text, text, text, text, timestamp)",
]

# Who may call what (everything else: the owner only).
EXECUTE_GRANTS = {
    "@STAFF@": [
        "audit_chain_head()", "current_branch_path()", "vipdesk_branch_path_of(name)",
        "vipdesk_is_owner()",
        "vipdesk_role_prefix()", "vipdesk_group_role(text)", "vipdesk_signin_policy()",
        "vipdesk_create_login(integer, text)", "vipdesk_set_password(integer, text)",
        "vipdesk_set_login(integer, boolean, timestamp)",
        "vipdesk_signin_check(text, timestamp)", "vipdesk_signin_failed(text, timestamp)",
        "vipdesk_signin_succeeded(timestamp)",
    ],
    "@SIGNIN@": [
        "vipdesk_role_prefix()", "vipdesk_signin_policy()",
        "vipdesk_signin_check(text, timestamp)", "vipdesk_signin_failed(text, timestamp)",
        "vipdesk_needs_first_administrator()",
        "vipdesk_create_first_administrator(text, text, text, text, text, timestamp)",
    ],
}

SCOPE = "(SELECT current_branch_path())"
IN_SCOPE_BRANCH = f"branch_id IN (SELECT id FROM branch WHERE starts_with(path, {SCOPE}))"
IN_SCOPE_ACCOUNT = (
    "account_id IN (SELECT a.id FROM staff_account a JOIN branch b ON b.id = a.branch_id "
    f"WHERE starts_with(b.path, {SCOPE}))"
)

GRANTS_AND_POLICIES = f"""
ALTER FUNCTION audit_chain_head() SET search_path = pg_catalog, public, pg_temp;

-- Accounts from before this revision (a downgrade and upgrade again) take the new prefix; they
-- have no login until their password is reset.
UPDATE staff_account SET db_role = @PREFIX_LIT@ || username;
ALTER TABLE staff_account ADD CONSTRAINT ck_staff_account_db_role_prefix
    CHECK (db_role = @PREFIX_LIT@ || username);

CREATE TRIGGER branch_path BEFORE INSERT OR UPDATE OF path, parent_id ON branch
    FOR EACH ROW EXECUTE FUNCTION vipdesk_branch_path();
CREATE TRIGGER staff_role_membership AFTER INSERT OR UPDATE OR DELETE ON staff_role
    FOR EACH ROW EXECUTE FUNCTION vipdesk_staff_role_changed();

REVOKE ALL ON branch, staff_account, staff_role, audit_event, setting FROM PUBLIC;
GRANT SELECT ON branch, staff_account, staff_role, audit_event, setting TO @STAFF@;
GRANT INSERT ON audit_event TO @STAFF@;
GRANT UPDATE (must_change_password, password_changed_at, version) ON staff_account TO @STAFF@;
GRANT INSERT ON branch, staff_account, staff_role, setting TO @ADMIN@;
GRANT UPDATE (name, address, phone, active, path, version) ON branch TO @ADMIN@;
GRANT UPDATE (display_name, branch_id, disabled, must_change_password, failed_signins,
              locked_until, password_changed_at, version) ON staff_account TO @ADMIN@;
GRANT DELETE ON staff_role TO @ADMIN@;
GRANT UPDATE (value, version) ON setting TO @ADMIN@;

CREATE POLICY owner_all ON branch TO @OWNER@ USING (true) WITH CHECK (true);
CREATE POLICY staff_read ON branch FOR SELECT TO @STAFF@ USING (starts_with(path, {SCOPE}));
CREATE POLICY admin_insert ON branch FOR INSERT TO @ADMIN@
    WITH CHECK (parent_id IS NOT NULL AND starts_with(path, {SCOPE}));
CREATE POLICY admin_update ON branch FOR UPDATE TO @ADMIN@
    USING (starts_with(path, {SCOPE})) WITH CHECK (starts_with(path, {SCOPE}));

CREATE POLICY owner_all ON staff_account TO @OWNER@ USING (true) WITH CHECK (true);
CREATE POLICY staff_read ON staff_account FOR SELECT TO @STAFF@ USING ({IN_SCOPE_BRANCH});
CREATE POLICY self_update ON staff_account FOR UPDATE TO @STAFF@
    USING (db_role = current_user) WITH CHECK (db_role = current_user AND {IN_SCOPE_BRANCH});
CREATE POLICY admin_insert ON staff_account FOR INSERT TO @ADMIN@ WITH CHECK ({IN_SCOPE_BRANCH});
CREATE POLICY admin_update ON staff_account FOR UPDATE TO @ADMIN@
    USING ({IN_SCOPE_BRANCH}) WITH CHECK ({IN_SCOPE_BRANCH});

CREATE POLICY owner_all ON staff_role TO @OWNER@ USING (true) WITH CHECK (true);
CREATE POLICY staff_read ON staff_role FOR SELECT TO @STAFF@ USING ({IN_SCOPE_ACCOUNT});
CREATE POLICY admin_insert ON staff_role FOR INSERT TO @ADMIN@
    WITH CHECK (role <> 'system' AND {IN_SCOPE_ACCOUNT});
CREATE POLICY admin_delete ON staff_role FOR DELETE TO @ADMIN@ USING ({IN_SCOPE_ACCOUNT});

CREATE POLICY owner_all ON audit_event TO @OWNER@ USING (true) WITH CHECK (true);
CREATE POLICY staff_read ON audit_event FOR SELECT TO @STAFF@ USING ({IN_SCOPE_BRANCH});
CREATE POLICY staff_insert ON audit_event FOR INSERT TO @STAFF@
    WITH CHECK (actor_id = (SELECT id FROM staff_account WHERE db_role = current_user));

CREATE POLICY owner_all ON setting TO @OWNER@ USING (true) WITH CHECK (true);
CREATE POLICY staff_read ON setting FOR SELECT TO @STAFF@ USING (true);
CREATE POLICY admin_insert ON setting FOR INSERT TO @ADMIN@ WITH CHECK (true);
CREATE POLICY admin_update ON setting FOR UPDATE TO @ADMIN@ USING (true) WITH CHECK (true);
"""

POLICIES = {
    "branch": ["owner_all", "staff_read", "admin_insert", "admin_update"],
    "staff_account": ["owner_all", "staff_read", "self_update", "admin_insert", "admin_update"],
    "staff_role": ["owner_all", "staff_read", "admin_insert", "admin_delete"],
    "audit_event": ["owner_all", "staff_read", "staff_insert"],
    "setting": ["owner_all", "staff_read", "admin_insert", "admin_update"],
}


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _substitute(sql: str, names: dict[str, str]) -> str:
    for key, value in names.items():
        sql = sql.replace(f"@{key}@", value)
    return sql


def _names(bind, token: str) -> dict[str, str]:
    owner = bind.execute(text("SELECT current_user")).scalar_one()
    groups = {kind: f"vdg_{token}_{kind}" for kind in ("staff", "admin", "signin")}
    names = {
        "PREFIX_LIT": _literal(f"vd_{token}_"),
        "OWNER": _ident(owner), "OWNER_LIT": _literal(owner),
        "USERNAME_RE": USERNAME_RE, "POLICY_KEY": POLICY_KEY, "SETUP_ACTOR": SETUP_ACTOR,
        "MAX_FAILED": str(DEFAULT_MAX_FAILED_SIGNINS),
        "LOCKOUT_MINUTES": str(DEFAULT_LOCKOUT_MINUTES),
    }
    for kind, name in groups.items():
        names[kind.upper()] = _ident(name)
        names[kind.upper() + "_LIT"] = _literal(name)
    return names


def _exec_script(bind, sql: str) -> None:
    """Run a script of several statements on the driver's connection, in the migration's
    transaction (no parameters: psycopg then leaves ``%`` alone and allows several statements)."""
    bind.connection.driver_connection.execute(sql)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    while True:  # a prefix no role of the cluster uses yet
        token = secrets.token_hex(4)
        taken = bind.execute(text(
            "SELECT count(*) FROM pg_roles WHERE rolname LIKE :a OR rolname LIKE :b"),
            {"a": f"vd\\_{token}\\_%", "b": f"vdg\\_{token}\\_%"}).scalar_one()
        if not taken:
            break
    names = _names(bind, token)
    database = bind.execute(text("SELECT current_database()")).scalar_one()
    comment = _literal(f'VIP Desk store "{database}"')
    for kind in ("STAFF", "ADMIN", "SIGNIN"):
        _exec_script(bind, f"CREATE ROLE {names[kind]} NOLOGIN NOINHERIT; "
                           f"COMMENT ON ROLE {names[kind]} IS {comment}")
    _exec_script(bind, _substitute(FUNCTIONS, names))
    _exec_script(bind, _substitute(GRANTS_AND_POLICIES, names))
    for table, column in (("audit_event", "id"), ("branch", "id"), ("staff_account", "id"),
                          ("staff_role", "id")):
        sequence = bind.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                {"t": table, "c": column}).scalar_one()
        grantee = names["STAFF"] if table == "audit_event" else names["ADMIN"]
        _exec_script(bind, f"GRANT USAGE ON SEQUENCE {sequence} TO {grantee}")
    _exec_script(bind, "REVOKE EXECUTE ON FUNCTION audit_chain_head(), "
                 + ", ".join(FUNCTION_SIGNATURES) + " FROM PUBLIC")
    for grantee, functions in EXECUTE_GRANTS.items():
        _exec_script(bind, f"GRANT EXECUTE ON FUNCTION {', '.join(functions)} TO {names[grantee.strip('@')]}")
    for table in TABLES:
        _exec_script(bind, f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY; "
                           f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    # Only the store's groups may connect (and nobody may create temporary tables), when the
    # owner owns the database; otherwise the DBA does it.
    owns_database = bind.execute(text(
        "SELECT pg_has_role(current_user, datdba, 'MEMBER') FROM pg_database "
        "WHERE datname = current_database()")).scalar_one()
    if owns_database:
        db = _ident(database)
        _exec_script(bind, f"REVOKE CONNECT, TEMPORARY ON DATABASE {db} FROM PUBLIC; "
                           f"GRANT CONNECT ON DATABASE {db} TO {names['STAFF']}, {names['SIGNIN']}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    prefix = bind.execute(text("SELECT vipdesk_role_prefix()")).scalar_one()
    token = prefix[len("vd_"):-1]
    names = _names(bind, token)
    database = bind.execute(text("SELECT current_database()")).scalar_one()
    for table in TABLES:
        for policy in POLICIES[table]:
            _exec_script(bind, f"DROP POLICY {policy} ON {table}")
        _exec_script(bind, f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY; "
                           f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    _exec_script(bind, "DROP TRIGGER staff_role_membership ON staff_role; "
                       "DROP TRIGGER branch_path ON branch; "
                       "ALTER TABLE staff_account DROP CONSTRAINT ck_staff_account_db_role_prefix")
    logins = bind.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY 1"),
                          {"p": prefix.replace("_", "\\_") + "%"}).scalars().all()
    for login in logins:
        _exec_script(bind, f"DROP ROLE {_ident(login)}")
    groups = ", ".join(names[kind] for kind in ("STAFF", "ADMIN", "SIGNIN"))
    _exec_script(bind, f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {groups}; "
                       f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {groups}; "
                       f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {groups}; "
                       f"REVOKE ALL ON DATABASE {_ident(database)} FROM {groups}; "
                       f"GRANT CONNECT, TEMPORARY ON DATABASE {_ident(database)} TO PUBLIC")
    _exec_script(bind, "DROP FUNCTION " + ", ".join(reversed(FUNCTION_SIGNATURES)))
    _exec_script(bind, "ALTER FUNCTION audit_chain_head() SET search_path = pg_catalog, public; "
                       "GRANT EXECUTE ON FUNCTION audit_chain_head() TO PUBLIC")
    _exec_script(bind, f"DROP ROLE {groups}")
