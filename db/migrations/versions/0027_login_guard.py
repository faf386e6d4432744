"""Staff logins guarded on PostgreSQL: passwords set behind VIP Desk's back, sessions of blocked
accounts, session timeouts.

Nothing happens on SQLite (the app's own argon2id accounts are the only line there). On
PostgreSQL:

* **A password changed outside VIP Desk blocks the account until an administrator resets it.**
  A staff login may always change its own password (``ALTER ROLE CURRENT_USER PASSWORD 'a'``
  in psql), past the app's policy (12+ characters, ...). The definer functions that set a
  password (creating a login, which the first administrator's setup also does, and
  ``vipdesk_set_password``) now record the SCRAM verifier they set in
  ``vipdesk_private.login_verifier`` (no staff access). Every sign-in check compares each
  login's current verifier (``pg_authid.rolpassword``) with the recorded one: the person's
  own before their password is tried and again over their new connection
  (``vipdesk_signin_succeeded``), and everyone else's in one sweep, so a changed password is
  found at the next sign-in anywhere in the store. A difference (or a login with no recorded
  verifier) marks the account (``changed_outside_at``), takes its LOGIN away, ends its
  sessions and writes ``account.password_changed_outside``; its sign-ins are refused with
  status ``reset_needed`` (``signin.refused_reset_needed``). Only a new password set through
  ``vipdesk_set_password`` by an administrator (or the owner) clears the mark; the person may
  not replace a password that is not the recorded one themselves. The owner may also vouch
  for a password it set on the login by hand (``vipdesk_accept_login_password``, e.g. to
  recover the only administrator). Verifiers of existing logins are recorded as they are now.
  What the database cannot see: a person who computes the verifier of a short password
  themselves and hands it to ``vipdesk_set_password`` (the app's own way to change one's
  password, so not "outside"); a verifier does not tell a password's length.
* **Blocking a login ends its sessions.** ``vipdesk_apply_login`` — through which disabling,
  lock-out after failures and the mark above take LOGIN away — terminates the login's server
  processes (``pg_stat_activity.usename``), except the caller's own, before and after it sets
  NOLOGIN (before: a session of the login may hold its role's catalogue row; after: one that
  connected meanwhile).
* **Every staff login carries session timeouts** (the constants below): a forgotten or
  abandoned session cannot hold the others up; their ``lock_timeout`` turns a wait into an
  error, and ``idle_in_transaction_session_timeout`` ends a transaction left open. Set on every
  existing login here, on each new one when it is created, and put back at each sign-in check
  if the person changed them (``ALTER ROLE CURRENT_USER SET ...``; a session may still change
  its own settings). Long jobs raise them for their own transaction (:mod:`db.session_limits`).

Requirements on the owner (the role that runs ``db upgrade``), checked here: it must read
``pg_catalog.pg_authid`` (a superuser does; otherwise a superuser runs
``GRANT SELECT ON pg_catalog.pg_authid TO <owner>`` connected to the store's database: a
catalogue's privileges are kept per database) and may end other roles' sessions (superuser, or
``GRANT pg_signal_backend TO <owner>``).

Downgrade: the previous definitions come back, the table and the helpers go, the logins' timeouts
are reset. Marked accounts keep NOLOGIN until the previous functions give it back (at their
next sign-in check: a downgrade forgets the mark).

Revision ID: 0027
Revises: 0026
"""
from alembic import op
from sqlalchemy import text

from db.migrations.frozen.pg_scope_r0003 import run, store_roles


revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None

# Session limits of every staff login (policy constants, in this one place). A counter's action
# is a few short statements: 5 s waiting for a lock means someone else's transaction is stuck,
# a statement of a minute is a fault, and a transaction idle for a minute was left open.
LOCK_TIMEOUT = "5s"
STATEMENT_TIMEOUT = "60s"
IDLE_IN_TRANSACTION_SESSION_TIMEOUT = "60s"
SESSION_LIMITS = {"lock_timeout": LOCK_TIMEOUT, "statement_timeout": STATEMENT_TIMEOUT,
                  "idle_in_transaction_session_timeout": IDLE_IN_TRANSACTION_SESSION_TIMEOUT}
GUARD_ACTOR = "login_guard"             # audit actor of a mark found by the database
USERNAME_RE = "^[a-z][a-z0-9_]{0,31}$"  # migration 0002's

PRIVATE = r"""
-- The SCRAM verifier VIP Desk last set on each account's login; changed_outside_at: the login's
-- verifier was found different (the account cannot sign in until a password is set anew).
CREATE TABLE vipdesk_private.login_verifier (
    account_id integer PRIMARY KEY REFERENCES public.staff_account (id) ON DELETE CASCADE,
    verifier text,
    recorded_at timestamp NOT NULL,
    changed_outside_at timestamp
);
REVOKE ALL ON vipdesk_private.login_verifier FROM PUBLIC;
ALTER TABLE vipdesk_private.login_verifier ENABLE ROW LEVEL SECURITY;
ALTER TABLE vipdesk_private.login_verifier FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON vipdesk_private.login_verifier TO @OWNER@ USING (true) WITH CHECK (true);

-- A login's session limits, set again when they are not all there as the policy has them.
CREATE FUNCTION vipdesk_private.apply_session_limits(p_role text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role
               AND NOT coalesce(rolconfig, '{}') @> @LIMITS_ARRAY@) THEN
@SET_LIMITS@
    END IF;
END
$$;

-- End every session of a login but the caller's own; how many were signalled.
CREATE FUNCTION vipdesk_private.end_sessions(p_role text) RETURNS integer
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_pid integer;
    v_ended integer := 0;
BEGIN
    FOR v_pid IN SELECT pid FROM pg_stat_activity WHERE usename = p_role AND pid <> pg_backend_pid() LOOP
        BEGIN
            IF pg_terminate_backend(v_pid) THEN
                v_ended := v_ended + 1;
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'cannot end the sessions of %: the store''s owner needs pg_signal_backend', p_role;
            RETURN v_ended;
        END;
    END LOOP;
    RETURN v_ended;
END
$$;

-- Record the verifier VIP Desk set on an account's login; true when that cleared a mark.
CREATE FUNCTION vipdesk_private.record_verifier(p_account_id integer, p_verifier text, p_now timestamp)
RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_marked boolean;
BEGIN
    SELECT changed_outside_at IS NOT NULL INTO v_marked FROM vipdesk_private.login_verifier
    WHERE account_id = p_account_id FOR UPDATE;
    INSERT INTO vipdesk_private.login_verifier (account_id, verifier, recorded_at, changed_outside_at)
    VALUES (p_account_id, p_verifier, p_now, NULL)
    ON CONFLICT (account_id) DO UPDATE
        SET verifier = excluded.verifier, recorded_at = excluded.recorded_at, changed_outside_at = NULL;
    RETURN coalesce(v_marked, false);
END
$$;

-- Is the account's login the one VIP Desk set (true), or was its password changed outside?
CREATE FUNCTION vipdesk_private.login_is_recorded(p_account_id integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT v.changed_outside_at IS NULL AND v.verifier IS NOT DISTINCT FROM r.rolpassword
    FROM staff_account a JOIN pg_authid r ON r.rolname = a.db_role
    LEFT JOIN vipdesk_private.login_verifier v ON v.account_id = a.id
    WHERE a.id = p_account_id
$$;

-- Is the account blocked until a password reset? Compares its login's verifier with the recorded
-- one; on a difference (or none recorded) marks the account, takes LOGIN away, ends its sessions
-- and audits. Puts the login's session limits back. The caller holds the account's row lock
-- (the order everywhere: account row, then its login_verifier row, then its role).
CREATE FUNCTION vipdesk_private.login_guard(p_account_id integer, p_now timestamp) RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    a staff_account%ROWTYPE;
BEGIN
    SELECT * INTO a FROM staff_account WHERE id = p_account_id;
    IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM pg_authid WHERE rolname = a.db_role) THEN
        RETURN false;  -- no login (yet): nothing can sign in with it
    END IF;
    PERFORM vipdesk_private.apply_session_limits(a.db_role);
    PERFORM 1 FROM vipdesk_private.login_verifier WHERE account_id = a.id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM vipdesk_private.login_verifier
               WHERE account_id = a.id AND changed_outside_at IS NOT NULL) THEN
        RETURN true;
    END IF;
    IF vipdesk_private.login_is_recorded(a.id) THEN
        RETURN false;
    END IF;
    INSERT INTO vipdesk_private.login_verifier (account_id, verifier, recorded_at, changed_outside_at)
    VALUES (a.id, NULL, p_now, p_now)
    ON CONFLICT (account_id) DO UPDATE SET changed_outside_at = excluded.changed_outside_at;
    PERFORM vipdesk_apply_login(a.id, p_now);
    PERFORM vipdesk_append_audit(p_now, '@GUARD_ACTOR@', a.branch_id, 'account.password_changed_outside',
                                 'staff_account', a.id::text, '', '{"password_reset_needed":true}');
    RETURN true;
END
$$;

-- Every login whose password was changed outside, marked now (accounts another transaction
-- holds are left to it: this never waits). How many were marked.
CREATE FUNCTION vipdesk_private.guard_all_logins(p_now timestamp) RETURNS integer
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_id integer;
    v_marked integer := 0;
BEGIN
    FOR v_id IN
        SELECT a.id FROM staff_account a
        JOIN pg_authid r ON r.rolname = a.db_role
        LEFT JOIN vipdesk_private.login_verifier v ON v.account_id = a.id
        WHERE v.changed_outside_at IS NULL AND v.verifier IS DISTINCT FROM r.rolpassword
        ORDER BY a.id
        FOR UPDATE OF a SKIP LOCKED
    LOOP
        IF vipdesk_private.login_guard(v_id, p_now) THEN
            v_marked := v_marked + 1;
        END IF;
    END LOOP;
    RETURN v_marked;
END
$$;

REVOKE EXECUTE ON FUNCTION vipdesk_private.apply_session_limits(text), vipdesk_private.end_sessions(text),
    vipdesk_private.record_verifier(integer, text, timestamp), vipdesk_private.login_is_recorded(integer),
    vipdesk_private.login_guard(integer, timestamp), vipdesk_private.guard_all_logins(timestamp) FROM PUBLIC;

-- The owner vouches for the password now on an account's login (one it set by hand, e.g. to
-- recover the only administrator): recorded as VIP Desk's, the mark cleared, audited.
CREATE FUNCTION vipdesk_accept_login_password(p_account_id integer, p_now timestamp DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_now timestamp := vipdesk_clock(p_now);
    a staff_account%ROWTYPE;
    v_verifier text;
BEGIN
    IF NOT vipdesk_is_owner() THEN
        RAISE EXCEPTION 'only the store''s owner may accept a password set outside VIP Desk'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO a FROM staff_account WHERE id = p_account_id FOR UPDATE;
    SELECT rolpassword INTO v_verifier FROM pg_authid WHERE rolname = a.db_role;
    IF NOT FOUND OR v_verifier IS NULL THEN
        RAISE EXCEPTION 'account % has no login with a password', p_account_id USING ERRCODE = 'no_data_found';
    END IF;
    PERFORM vipdesk_private.record_verifier(a.id, v_verifier, v_now);
    PERFORM vipdesk_apply_login(a.id, v_now);
    PERFORM vipdesk_append_audit(v_now, 'owner:' || left(session_user, 32), a.branch_id,
                                 'account.password_accepted', 'staff_account', a.id::text, '', '');
END
$$;
REVOKE EXECUTE ON FUNCTION vipdesk_accept_login_password(integer, timestamp) FROM PUBLIC;
"""

FUNCTIONS = r"""
-- LOGIN exactly when the account is enabled, not locked at p_now, not marked as changed outside,
-- and p_allowed. A login that may not sign in has its sessions ended (the caller's own kept).
CREATE OR REPLACE FUNCTION vipdesk_apply_login(p_account_id integer, p_now timestamp,
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
    v_want := p_allowed AND NOT a.disabled AND (a.locked_until IS NULL OR a.locked_until <= p_now)
              AND NOT EXISTS (SELECT 1 FROM vipdesk_private.login_verifier v
                              WHERE v.account_id = a.id AND v.changed_outside_at IS NOT NULL);
    IF NOT v_want THEN  -- first: a session of the login may hold its role's row
        PERFORM vipdesk_private.end_sessions(a.db_role);
    END IF;
    IF v_can IS DISTINCT FROM v_want THEN
        EXECUTE format('ALTER ROLE %I %s', a.db_role, CASE WHEN v_want THEN 'LOGIN' ELSE 'NOLOGIN' END);
        IF NOT v_want THEN  -- and any that connected meanwhile
            PERFORM vipdesk_private.end_sessions(a.db_role);
        END IF;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION vipdesk_create_role(p_account_id integer, p_verifier text) RETURNS void
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
    PERFORM vipdesk_private.record_verifier(a.id, p_verifier, vipdesk_clock(NULL));
    PERFORM vipdesk_private.apply_session_limits(a.db_role);
    PERFORM vipdesk_sync_membership(a.id);
    PERFORM vipdesk_apply_login(a.id, vipdesk_clock(NULL));
END
$$;

-- The person may replace their own password only while their login's is the recorded one;
-- an administrator's (or the owner's) new password also clears a mark and gives LOGIN back
-- (unless the account is disabled or locked).
CREATE OR REPLACE FUNCTION vipdesk_set_password(p_account_id integer, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_role text;
BEGIN
    SELECT db_role INTO v_role FROM staff_account WHERE id = p_account_id FOR UPDATE;
    IF v_role IS NULL OR NOT (v_role = session_user OR vipdesk_may_manage(p_account_id)) THEN
        RAISE EXCEPTION 'only the person or an administrator of their branch may set this password'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM vipdesk_check_role_name(v_role);
    PERFORM vipdesk_check_verifier(p_verifier);
    IF v_role = session_user AND NOT vipdesk_is_owner()
       AND NOT coalesce(vipdesk_private.login_is_recorded(p_account_id), true) THEN
        RAISE EXCEPTION 'this login''s password was changed outside VIP Desk: an administrator must reset it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', v_role, p_verifier);
    IF vipdesk_private.record_verifier(p_account_id, p_verifier, vipdesk_clock(NULL)) THEN
        PERFORM vipdesk_apply_login(p_account_id, vipdesk_clock(NULL));
    END IF;
END
$$;

-- Before connecting as the person: mark every login whose password was changed outside, then
-- refuse a marked, locked or disabled account, lift an expired lock.
-- status: 'go' (try the password as login_role; NULL when the name cannot exist), 'locked'
-- (until), 'disabled' or 'reset_needed'. An unknown name also gets 'go': the password attempt
-- then fails.
CREATE OR REPLACE FUNCTION vipdesk_signin_check(p_username text, p_now timestamp DEFAULT NULL,
    OUT status text, OUT until timestamp, OUT login_role text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_now timestamp := vipdesk_clock(p_now);
    a staff_account%ROWTYPE;
    v_marked boolean;
BEGIN
    status := 'go';
    PERFORM vipdesk_private.guard_all_logins(v_now);
    IF p_username IS NULL OR p_username !~ '@USERNAME_RE@' THEN
        RETURN;
    END IF;
    login_role := vipdesk_role_prefix() || p_username;
    SELECT * INTO a FROM staff_account WHERE username = p_username FOR UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    v_marked := vipdesk_private.login_guard(a.id, v_now);
    IF v_marked AND NOT a.disabled THEN
        status := 'reset_needed';
        PERFORM vipdesk_apply_login(a.id, v_now);
        PERFORM vipdesk_append_audit(v_now, 'signin:' || left(p_username, 32), a.branch_id,
                                     'signin.refused_reset_needed', 'staff_account', a.id::text, '', '');
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

-- Called over the person's own new connection: the login's password must still be the recorded
-- one; reset the count, note the time, audit.
-- status: 'ok' (account_id), or 'locked' (until) / 'disabled' / 'reset_needed' when that
-- changed meanwhile.
CREATE OR REPLACE FUNCTION vipdesk_signin_succeeded(p_now timestamp DEFAULT NULL,
    OUT status text, OUT account_id integer, OUT until timestamp)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_now timestamp := vipdesk_clock(p_now);
    a staff_account%ROWTYPE;
    v_marked boolean;
BEGIN
    SELECT * INTO a FROM staff_account WHERE db_role = session_user FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the connected role is not a staff login of this store'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    account_id := a.id;
    v_marked := vipdesk_private.login_guard(a.id, v_now);
    IF a.disabled THEN
        status := 'disabled';
    ELSIF v_marked THEN
        status := 'reset_needed';
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
"""

# What migration 0002 installed (its text, for the downgrade).
PREVIOUS_FUNCTIONS = r"""
-- LOGIN exactly when the account is enabled, not locked at p_now, and p_allowed.
CREATE OR REPLACE FUNCTION vipdesk_apply_login(p_account_id integer, p_now timestamp,
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

CREATE OR REPLACE FUNCTION vipdesk_create_role(p_account_id integer, p_verifier text) RETURNS void
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

CREATE OR REPLACE FUNCTION vipdesk_set_password(p_account_id integer, p_verifier text) RETURNS void
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

-- Before connecting as the person: refuse a locked or disabled account, lift an expired lock.
-- status: 'go' (try the password as login_role; NULL when the name cannot exist), 'locked'
-- (until) or 'disabled'. An unknown name also gets 'go': the password attempt then fails.
CREATE OR REPLACE FUNCTION vipdesk_signin_check(p_username text, p_now timestamp DEFAULT NULL,
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

-- Called over the person's own new connection: reset the count, note the time, audit.
-- status: 'ok' (account_id), or 'locked' (until) / 'disabled' when that changed meanwhile.
CREATE OR REPLACE FUNCTION vipdesk_signin_succeeded(p_now timestamp DEFAULT NULL,
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
"""

NEW_FUNCTION_NAMES = ["vipdesk_accept_login_password(integer, timestamp)"]
PRIVATE_FUNCTIONS = [
    "vipdesk_private.guard_all_logins(timestamp)", "vipdesk_private.login_guard(integer, timestamp)",
    "vipdesk_private.login_is_recorded(integer)", "vipdesk_private.record_verifier(integer, text, timestamp)",
    "vipdesk_private.end_sessions(text)", "vipdesk_private.apply_session_limits(text)",
]


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _limits_sql() -> tuple[str, str]:
    """The policy as rolconfig shows it (an array literal), and the statements that set it."""
    array = "ARRAY[" + ", ".join(_literal(f"{name}={value}") for name, value in sorted(SESSION_LIMITS.items())) + "]"
    statements = "\n".join(
        f"        EXECUTE format('ALTER ROLE %I SET {name} = %L', p_role, {_literal(value)});"
        for name, value in sorted(SESSION_LIMITS.items()))
    return array, statements


def _staff_logins(bind) -> list[str]:
    return list(bind.execute(text(
        "SELECT a.db_role FROM staff_account a JOIN pg_roles r ON r.rolname = a.db_role ORDER BY 1")).scalars())


def _check_owner_rights(bind) -> None:
    owner, database, reads, signals, watches = bind.execute(text(
        "SELECT current_user, current_database(), has_table_privilege('pg_catalog.pg_authid', 'SELECT'), "
        "pg_has_role('pg_signal_backend', 'USAGE'), pg_has_role('pg_read_all_stats', 'USAGE')")).one()
    missing = []
    if not reads:
        missing.append(f"GRANT SELECT ON pg_catalog.pg_authid TO {store_roles(bind)['OWNER']};")
    if not signals:
        missing.append(f"GRANT pg_signal_backend TO {store_roles(bind)['OWNER']};")
    if not watches:  # the watchdog of 0023 reads how long others' sessions have sat idle
        missing.append(f"GRANT pg_read_all_stats TO {store_roles(bind)['OWNER']};")
    if missing:
        raise RuntimeError(
            f"migration 0027 needs the store's owner {owner!r} to read the logins' password verifiers "
            "(to find a password changed outside VIP Desk), to see and end staff sessions (when an account "
            "is disabled or locked, or a session holds the others up). Upgrade as a superuser, or have a superuser run, connected to this "
            f"database {database!r}: "
            + " ".join(missing))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    _check_owner_rights(bind)
    roles = store_roles(bind)
    array, statements = _limits_sql()
    run(bind, PRIVATE.replace("@OWNER@", roles["OWNER"]).replace("@LIMITS_ARRAY@", array)
        .replace("@SET_LIMITS@", statements).replace("@GUARD_ACTOR@", GUARD_ACTOR))
    run(bind, FUNCTIONS.replace("@USERNAME_RE@", USERNAME_RE))
    # the logins' passwords as they are now are taken as VIP Desk's
    bind.execute(text(
        "INSERT INTO vipdesk_private.login_verifier (account_id, verifier, recorded_at) "
        "SELECT a.id, r.rolpassword, now() AT TIME ZONE 'UTC' "
        "FROM staff_account a JOIN pg_authid r ON r.rolname = a.db_role"))
    for login in _staff_logins(bind):
        bind.execute(text("SELECT vipdesk_private.apply_session_limits(:r)"), {"r": login})


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for login in _staff_logins(bind):
        run(bind, "; ".join(f'ALTER ROLE "{login}" RESET {name}' for name in sorted(SESSION_LIMITS)))
    run(bind, PREVIOUS_FUNCTIONS.replace("@USERNAME_RE@", USERNAME_RE))
    run(bind, "DROP FUNCTION " + ", ".join(NEW_FUNCTION_NAMES + PRIVATE_FUNCTIONS) + "; "
              "DROP TABLE vipdesk_private.login_verifier")
