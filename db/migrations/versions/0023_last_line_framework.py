"""The database is the last line: who may, which steps, and audit events composed by the store.

Revision ID: 0023
Revises: 0022

On both engines: ``role_permission`` (the app's role → permission table) and
``state_transition`` (each state machine's allowed steps and the permission that takes them;
the capability migrations after this one fill their entities' rows). They are copies of the
app's rules kept in the store; tests hold them equal to ``app.auth.permissions`` and the
capabilities' transition tables, so the two cannot drift apart. On SQLite the app reads its own
tables and the rows only document them; on PostgreSQL the guards below check a staff login's
writes by them.

On PostgreSQL (as the owner):

* ``vipdesk_account_id()``, ``vipdesk_may(permission)``, ``vipdesk_require(permission)``,
  ``vipdesk_in_subtree(branch_id)``, ``vipdesk_transition(entity, from, to)`` and
  ``vipdesk_unchanged(table, old, new, may_change)``: what the capability guards (row triggers
  that refuse a staff login's write the app would refuse) are built from. They name the person
  by ``session_user`` (the login), never by an argument, and let the owner (migrations, batch
  jobs, tests) through.
* Audit events are written by the store: ``vipdesk_audit(events jsonb, ...)`` takes only each
  event's action, entity, id, before and after (and a branch inside the caller's subtree); the
  actor is the signed-in login's account, the time the server's clock, the lane, sequence and
  hash are the store's. Staff lose INSERT on ``audit_event``. Only the owner's arguments for
  the actor and the time are used (batch jobs and tests that run on their own clock).
* Lanes are rows of ``vipdesk_private.audit_lane``, taken with ``FOR UPDATE SKIP LOCKED`` by the
  writing function; no staff or pre-sign-in login can lock them (they cannot even see the
  schema), where anyone could take the advisory-lock keys the lanes used before
  (``pg_advisory_lock(730100, n)``) and stall every audited write of the store.
* The row a transaction's lane holds also marks whether the transaction wrote an event through
  ``vipdesk_audit``. ``vipdesk_watch`` triggers (deferred to the commit, installed by
  this revision's ``WATCH`` on each table staff may write) write one ``sql.insert|update|delete``
  event per changed row, naming the login, for a transaction that changed a watched row but
  wrote no event itself: a change made with a SQL tool leaves its trace even when every rule
  let it through.
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import run, store_roles


revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

# app.auth.permissions.ROLE_PERMISSIONS for the staff roles, as of this revision.
ROLE_PERMISSIONS = [
    ("administrator", "edit_policy"), ("administrator", "edit_templates"),
    ("administrator", "export_customers"), ("administrator", "import_data"),
    ("administrator", "manage_accounts"), ("administrator", "manage_branches"),
    ("administrator", "run_tier_evaluation"), ("administrator", "view_documents"),
    ("auditor", "export_audit"), ("auditor", "view_audit"), ("auditor", "view_care_dashboard"),
    ("auditor", "view_customers"), ("auditor", "view_documents"), ("auditor", "view_queue_stats"),
    ("auditor", "view_stock"),
    ("branch_manager", "apply_for_card"), ("branch_manager", "approve_card"),
    ("branch_manager", "approve_tier_exception"), ("branch_manager", "assign_customers"),
    ("branch_manager", "care_for_customers"), ("branch_manager", "confirm_stock_move"),
    ("branch_manager", "edit_customers"), ("branch_manager", "export_customers"),
    ("branch_manager", "issue_tickets"), ("branch_manager", "manage_queue"),
    ("branch_manager", "manage_stock"), ("branch_manager", "reveal_pii"),
    ("branch_manager", "run_tier_evaluation"), ("branch_manager", "service_cards"),
    ("branch_manager", "view_audit"), ("branch_manager", "view_care_dashboard"),
    ("branch_manager", "view_customers"), ("branch_manager", "view_documents"),
    ("branch_manager", "view_queue_stats"), ("branch_manager", "view_stock"),
    ("counter_staff", "apply_for_card"), ("counter_staff", "call_tickets"),
    ("counter_staff", "care_for_customers"), ("counter_staff", "confirm_stock_move"),
    ("counter_staff", "edit_customers"), ("counter_staff", "issue_card"),
    ("counter_staff", "service_cards"), ("counter_staff", "use_drawer"),
    ("counter_staff", "view_customers"), ("counter_staff", "view_documents"),
    ("counter_staff", "view_stock"),
    ("custodian", "confirm_stock_move"), ("custodian", "manage_stock"),
    ("custodian", "receive_stock"), ("custodian", "view_documents"), ("custodian", "view_stock"),
    ("lobby_manager", "care_for_customers"), ("lobby_manager", "issue_tickets"),
    ("lobby_manager", "manage_queue"), ("lobby_manager", "view_customers"),
    ("lobby_manager", "view_documents"), ("lobby_manager", "view_queue_stats"),
    ("relationship_manager", "apply_for_card"), ("relationship_manager", "call_tickets"),
    ("relationship_manager", "care_for_customers"), ("relationship_manager", "edit_customers"),
    ("relationship_manager", "propose_tier_exception"), ("relationship_manager", "reveal_pii"),
    ("relationship_manager", "view_customers"), ("relationship_manager", "view_documents"),
]

LANES = 32  # as migration 0014: how many lanes writers spread over
# The watchdog ends a staff session idle in its transaction this long, or one holding a table
# locked against writers whose transaction has run this long (no command of the app's does).
IDLE_SECONDS = 10
LONGEST_SECONDS = 300

FUNCTIONS = r"""
-- The enabled account whose login is connected (session_user: also inside definer functions).
CREATE FUNCTION vipdesk_account_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT id FROM staff_account WHERE db_role = session_user AND NOT disabled
$$;

-- Does the connected person hold a role granting p_permission? The owner holds every one.
CREATE FUNCTION vipdesk_may(p_permission text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT vipdesk_is_owner() OR EXISTS (
        SELECT 1 FROM staff_account a
        JOIN staff_role r ON r.account_id = a.id
        JOIN role_permission p ON p.role = r.role
        WHERE a.db_role = session_user AND NOT a.disabled AND p.permission = p_permission)
$$;

CREATE FUNCTION vipdesk_require(p_permission text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT vipdesk_may(p_permission) THEN
        RAISE EXCEPTION 'refused: % needs the permission %', session_user, p_permission
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- Is the branch in the connected person's subtree? (The owner's subtree is the whole tree.)
CREATE FUNCTION vipdesk_in_subtree(p_branch_id integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT p_branch_id IS NOT NULL AND (vipdesk_is_owner() OR EXISTS (
        SELECT 1 FROM branch b WHERE b.id = p_branch_id
        AND starts_with(b.path, vipdesk_branch_path_of(session_user))))
$$;

-- Refuse a state change (p_from '' = a new row) that is not an allowed step of p_entity's state
-- machine for the connected person.
CREATE FUNCTION vipdesk_transition(p_entity text, p_from text, p_to text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF p_from IS NOT DISTINCT FROM p_to OR vipdesk_is_owner() THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM state_transition t
                   JOIN role_permission p ON p.permission = t.permission
                   JOIN staff_role r ON r.role = p.role
                   JOIN staff_account a ON a.id = r.account_id
                   WHERE t.entity = p_entity AND t.from_state = coalesce(p_from, '')
                     AND t.to_state = p_to AND a.db_role = session_user AND NOT a.disabled) THEN
        RAISE EXCEPTION 'refused: % may not take % from "%" to "%"', session_user, p_entity,
            coalesce(p_from, ''), p_to USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- Refuse a change of any column of p_table outside p_may_change (old and new rows as jsonb).
CREATE FUNCTION vipdesk_unchanged(p_table text, p_old jsonb, p_new jsonb, p_may_change text[])
RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_column text;
BEGIN
    SELECT n.key INTO v_column FROM jsonb_each(p_new) n
    WHERE n.value IS DISTINCT FROM p_old -> n.key AND n.key <> ALL (p_may_change)
    ORDER BY n.key LIMIT 1;
    IF v_column IS NOT NULL THEN
        RAISE EXCEPTION 'refused: %.% may not be changed this way', p_table, v_column
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- Appends p_events to the lane this transaction holds (taking the first free lane), as
-- p_actor at p_now. p_by_command: the events are the command's own (vipdesk_audit), not the
-- watch's record of raw changes. Owner-only: callers decide who and when.
CREATE FUNCTION vipdesk_private.audit_write(p_now timestamp, p_actor_id integer, p_actor_name text,
                                            p_events jsonb, p_by_command boolean) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_lane smallint;
    v_seq bigint;
    v_hash text;
    v_next text;
    e jsonb;
BEGIN
    SELECT l.lane INTO v_lane FROM vipdesk_private.audit_lane l WHERE l.xact = pg_current_xact_id();
    IF v_lane IS NULL THEN
        SELECT l.lane INTO v_lane FROM vipdesk_private.audit_lane l
            ORDER BY l.lane LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF v_lane IS NULL THEN  -- every lane is being written: queue for one (spread by process)
            SELECT l.lane INTO v_lane FROM vipdesk_private.audit_lane l
                WHERE l.lane = pg_backend_pid() % @LANES@ FOR UPDATE;
        END IF;
        UPDATE vipdesk_private.audit_lane SET xact = pg_current_xact_id(), by_command = p_by_command
            WHERE lane = v_lane;
    ELSIF p_by_command THEN
        UPDATE vipdesk_private.audit_lane SET by_command = true WHERE lane = v_lane AND NOT by_command;
    END IF;
    SELECT a.seq, a.hash INTO v_seq, v_hash FROM audit_event a
        WHERE a.lane = v_lane ORDER BY a.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        v_seq := 0;
        v_hash := repeat('0', 64);
    END IF;
    FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
        v_seq := v_seq + 1;
        v_next := vipdesk_audit_digest(v_hash, v_seq, p_now, p_actor_id, p_actor_name,
            (e ->> 'branch_id')::integer, e ->> 'action', e ->> 'entity', e ->> 'entity_id',
            e ->> 'before', e ->> 'after');
        INSERT INTO audit_event (lane, seq, occurred_at, actor_id, actor_name, branch_id, action,
                                 entity, entity_id, before, after, prev_hash, hash)
        VALUES (v_lane, v_seq, p_now, p_actor_id, p_actor_name, (e ->> 'branch_id')::integer,
                e ->> 'action', e ->> 'entity', e ->> 'entity_id', e ->> 'before', e ->> 'after',
                v_hash, v_next);
        v_hash := v_next;
    END LOOP;
END
$$;

-- A user action's audit events: [{action, entity, entity_id, before, after, branch_id}, ...].
-- A staff login is the actor and the server's clock the time, whatever p_now and p_actor_* say;
-- its events' branches must lie in its subtree (none: its own branch). The owner's are taken.
CREATE FUNCTION vipdesk_audit(p_events jsonb, p_now timestamp DEFAULT NULL,
                              p_actor_id integer DEFAULT NULL, p_actor_name text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_owner boolean := vipdesk_is_owner();
    a staff_account%ROWTYPE;
    e jsonb;
    v_events jsonb := '[]';
    v_branch integer;
BEGIN
    IF p_events IS NULL OR jsonb_typeof(p_events) <> 'array'
       OR jsonb_array_length(p_events) NOT BETWEEN 1 AND 10000 THEN
        RAISE EXCEPTION 'audit events must be a list of 1 to 10000 events'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT v_owner THEN
        SELECT * INTO a FROM staff_account WHERE db_role = session_user AND NOT disabled;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'refused: % is not an enabled staff login of this store', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
        IF jsonb_typeof(e) <> 'object'
           OR coalesce(e ->> 'action', '') !~ '^[a-z][a-z0-9_.:-]{0,63}$'
           OR coalesce(e ->> 'entity', '') !~ '^[a-z][a-z0-9_]{0,39}$'
           OR length(coalesce(e ->> 'entity_id', '')) > 64
           OR jsonb_typeof(coalesce(e -> 'before', '""')) <> 'string'
           OR jsonb_typeof(coalesce(e -> 'after', '""')) <> 'string'
           OR jsonb_typeof(coalesce(e -> 'branch_id', 'null')) NOT IN ('number', 'null') THEN
            RAISE EXCEPTION 'not an audit event: %', left(e::text, 200)
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        v_branch := (e ->> 'branch_id')::integer;
        IF NOT v_owner THEN
            IF v_branch IS NULL THEN
                v_branch := a.branch_id;
            ELSIF NOT vipdesk_in_subtree(v_branch) THEN
                RAISE EXCEPTION 'refused: % may not write an audit event for branch %',
                    session_user, v_branch USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
        v_events := v_events || jsonb_build_object(
            'action', e ->> 'action', 'entity', e ->> 'entity', 'entity_id', coalesce(e ->> 'entity_id', ''),
            'before', coalesce(e ->> 'before', ''), 'after', coalesce(e ->> 'after', ''),
            'branch_id', v_branch);
    END LOOP;
    IF v_owner THEN
        PERFORM vipdesk_private.audit_write(vipdesk_clock(p_now), p_actor_id,
                                            coalesce(p_actor_name, session_user::text), v_events, true);
    ELSE
        PERFORM vipdesk_private.audit_write(vipdesk_clock(NULL), a.id, a.username, v_events, true);
    END IF;
END
$$;

-- Has this transaction written its own audit event (vipdesk_audit)?
CREATE FUNCTION vipdesk_in_command() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM vipdesk_private.audit_lane
                   WHERE xact = pg_current_xact_id() AND by_command)
$$;

-- The sign-in functions' events (before anyone is signed in: no actor id), on the lanes.
CREATE OR REPLACE FUNCTION vipdesk_append_audit(
    p_now timestamp, p_actor_name text, p_branch_id integer, p_action text, p_entity text,
    p_entity_id text, p_before text, p_after text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    PERFORM vipdesk_private.audit_write(p_now, NULL, p_actor_name, jsonb_build_array(jsonb_build_object(
        'action', p_action, 'entity', p_entity, 'entity_id', p_entity_id, 'before', p_before,
        'after', p_after, 'branch_id', p_branch_id)), true);
END
$$;

-- At the commit of a transaction that wrote no event of its own: one event per changed row of
-- a watched table, naming the login (a change made with a SQL tool).
CREATE FUNCTION vipdesk_private.watch_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_row jsonb;
    v_old jsonb;
    v_new jsonb;
    a staff_account%ROWTYPE;
BEGIN
    IF vipdesk_in_command() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        v_row := to_jsonb(OLD);
        v_old := v_row;
    ELSE
        v_row := to_jsonb(NEW);
        v_new := v_row;
    END IF;
    IF TG_OP = 'UPDATE' THEN  -- only what changed
        SELECT coalesce(jsonb_object_agg(o.key, o.value), '{}'),
               coalesce(jsonb_object_agg(o.key, v_row -> o.key), '{}')
            INTO v_old, v_new
            FROM jsonb_each(to_jsonb(OLD)) o WHERE o.value IS DISTINCT FROM v_row -> o.key;
    END IF;
    SELECT * INTO a FROM staff_account WHERE db_role = session_user;
    PERFORM vipdesk_private.audit_write(vipdesk_clock(NULL), a.id, coalesce(a.username, session_user::text),
        jsonb_build_array(jsonb_build_object(
            'action', 'sql.' || lower(TG_OP), 'entity', TG_TABLE_NAME,
            'entity_id', left(coalesce(v_row ->> 'id', v_row ->> 'key', '?'), 64),
            'before', coalesce(v_old::text, ''), 'after', coalesce(v_new::text, ''),
            'branch_id', coalesce((v_row ->> 'branch_id')::integer, a.branch_id))),
        false);
    RETURN NULL;
END
$$;

-- The store's watchdog: ends the sessions of staff logins (and the pre-sign-in login) that sit idle in a transaction for
-- @IDLE_SECONDS@ s (the app's transactions never wait on the person), or hold a table locked
-- in a mode the app's own writes would wait for and have run their transaction for
-- @LONGEST_SECONDS@ s: a table or rows locked from a SQL tool and left, timeouts lifted. Any
-- connected login may call it (the app does when a lock wait of its own ran out): it ends only
-- such sessions, each with an audit event. Returns how many it ended.
CREATE FUNCTION vipdesk_end_stalls() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    r record;
    v_ended integer := 0;
BEGIN
    FOR r IN
        SELECT b.pid, b.usename::text AS login, b.state, b.xact_start, a.id AS account_id, a.branch_id
        FROM pg_stat_activity b
        LEFT JOIN staff_account a ON a.db_role = b.usename
        WHERE b.datname = current_database() AND b.pid <> pg_backend_pid()
          AND (a.id IS NOT NULL OR EXISTS (  -- a pre-sign-in login: a plain member of the group
                SELECT 1 FROM pg_auth_members m JOIN pg_roles l ON l.oid = m.member
                WHERE m.member = b.usesysid AND NOT l.rolsuper
                  AND m.roleid = to_regrole(quote_ident(vipdesk_group_role('signin')))))
          AND ((b.state LIKE 'idle in transaction%'
                AND b.state_change < clock_timestamp() - interval '@IDLE_SECONDS@ seconds')
               OR (b.xact_start < clock_timestamp() - interval '@LONGEST_SECONDS@ seconds'
                   AND EXISTS (SELECT 1 FROM pg_locks l
                               WHERE l.pid = b.pid AND l.granted AND l.locktype = 'relation'
                                 AND l.mode IN ('ShareLock', 'ShareRowExclusiveLock',
                                                'ExclusiveLock', 'AccessExclusiveLock'))))
    LOOP
        IF pg_terminate_backend(r.pid) THEN
            v_ended := v_ended + 1;
            PERFORM vipdesk_private.audit_write(vipdesk_clock(NULL), NULL, 'store',
                jsonb_build_array(jsonb_build_object(
                    'action', 'session.end_stall', 'entity', 'staff_account',
                    'entity_id', coalesce(r.account_id::text, 'login:' || left(r.login, 58)),
                    'before', jsonb_build_object('state', r.state, 'since', r.xact_start)::text,
                    'after', '', 'branch_id', r.branch_id)),
                true);
        END IF;
    END LOOP;
    RETURN v_ended;
END
$$;

"""

# Migration 0002's first-administrator function, as it was (the downgrade puts it back); this
# revision takes a lock no login can take first instead of an advisory-lock key, which the
# pre-sign-in login could hold and so keep a new store from being set up.
FIRST_ADMINISTRATOR_0002 = r"""
CREATE OR REPLACE FUNCTION vipdesk_create_first_administrator(
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
    IF p_username IS NULL OR p_username !~ '^[a-z][a-z0-9_]{0,31}$'
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
        PERFORM vipdesk_append_audit(v_now, 'setup', b.id, 'branch.create', 'branch', b.id::text, '',
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
    PERFORM vipdesk_append_audit(v_now, 'setup', b.id, 'account.create', 'staff_account', v_id::text, '',
        '{"branch_id":' || b.id || ',"disabled":false,"display_name":' || to_json(p_display_name)::text
        || ',"locked_until":null,"must_change_password":false,"roles":["administrator"],"username":'
        || to_json(p_username)::text || '}');
    RETURN true;
END
$$;
"""
ADVISORY_SETUP_LOCK = "PERFORM pg_advisory_xact_lock(730101);"
FIRST_ADMINISTRATOR = FIRST_ADMINISTRATOR_0002.replace(
    ADVISORY_SETUP_LOCK, "LOCK TABLE staff_account IN SHARE ROW EXCLUSIVE MODE;")
assert FIRST_ADMINISTRATOR != FIRST_ADMINISTRATOR_0002

SIGNATURES = [
    "vipdesk_account_id()", "vipdesk_may(text)", "vipdesk_require(text)",
    "vipdesk_in_subtree(integer)", "vipdesk_transition(text, text, text)",
    "vipdesk_unchanged(text, jsonb, jsonb, text[])",
    "vipdesk_private.audit_write(timestamp, integer, text, jsonb, boolean)",
    "vipdesk_audit(jsonb, timestamp, integer, text)", "vipdesk_in_command()",
    "vipdesk_private.watch_change()", "vipdesk_end_stalls()",
]
STAFF_FUNCTIONS = [
    "vipdesk_account_id()", "vipdesk_may(text)", "vipdesk_require(text)",
    "vipdesk_in_subtree(integer)", "vipdesk_transition(text, text, text)",
    "vipdesk_unchanged(text, jsonb, jsonb, text[])", "vipdesk_audit(jsonb, timestamp, integer, text)",
    "vipdesk_in_command()", "vipdesk_end_stalls()",
]

# The tables a staff login may write row by row: a change that no event of its own accompanies
# is recorded at the commit. (The AUM and tier tables, written in bulk, are guarded otherwise.)
WATCHED = [
    "branch", "staff_account", "staff_role", "setting", "tier_policy", "tier_exception",
    "aum_import", "customer", "blank_card", "stock_location", "stock_move", "stock_movement",
    "stock_day", "stock_count", "stock_minimum", "contact_record", "complaint", "document",
    "document_template", "card_application", "vip_card", "card_paperwork", "queue_service",
    "queue_counter", "queue_counter_session", "queue_policy", "queue_number", "queue_ticket",
]
WATCH = ("CREATE CONSTRAINT TRIGGER vipdesk_watch AFTER INSERT OR UPDATE OR DELETE ON {table} "
         "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NOT vipdesk_is_owner()) "
         "EXECUTE FUNCTION vipdesk_private.watch_change()")

LANE_TABLE = f"""
CREATE TABLE vipdesk_private.audit_lane (
    lane smallint PRIMARY KEY CHECK (lane BETWEEN 0 AND {LANES - 1}),
    xact xid8,
    by_command boolean NOT NULL DEFAULT false
);
REVOKE ALL ON vipdesk_private.audit_lane FROM PUBLIC;
INSERT INTO vipdesk_private.audit_lane (lane) SELECT g FROM generate_series(0, {LANES - 1}) g;
"""

# Migration 0014's lane head (advisory locks), put back by the downgrade.
OLD_LANE_HEAD = f"""
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


def upgrade() -> None:
    op.create_table(
        'role_permission',
        sa.Column('role', sa.String(length=32), nullable=False),
        sa.Column('permission', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('role', 'permission', name=op.f('pk_role_permission')),
    )
    op.create_table(
        'state_transition',
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('from_state', sa.String(length=20), nullable=False),
        sa.Column('to_state', sa.String(length=20), nullable=False),
        sa.Column('permission', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('entity', 'from_state', 'to_state', 'permission',
                                name=op.f('pk_state_transition')),
    )
    table = sa.table('role_permission', sa.column('role'), sa.column('permission'))
    op.bulk_insert(table, [{"role": role, "permission": permission} for role, permission in ROLE_PERMISSIONS])
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    roles = store_roles(bind)
    signin = bind.execute(sa.text("SELECT quote_ident(vipdesk_group_role('signin'))")).scalar_one()
    run(bind, LANE_TABLE + FUNCTIONS.replace("@LANES@", str(LANES)).replace("@IDLE_SECONDS@", str(IDLE_SECONDS))
        .replace("@LONGEST_SECONDS@", str(LONGEST_SECONDS)) + FIRST_ADMINISTRATOR
        + "DROP FUNCTION audit_lane_head();\n"
        + "REVOKE EXECUTE ON FUNCTION " + ", ".join(SIGNATURES) + " FROM PUBLIC;\n"
        + f"GRANT EXECUTE ON FUNCTION {', '.join(STAFF_FUNCTIONS)} TO {roles['STAFF']};\n"
        + f"GRANT EXECUTE ON FUNCTION vipdesk_end_stalls() TO {signin};\n"
        + "REVOKE ALL ON role_permission, state_transition FROM PUBLIC;\n"
        + f"GRANT SELECT ON role_permission, state_transition TO {roles['STAFF']};\n"
        + f"REVOKE INSERT ON audit_event FROM {roles['STAFF']};\n")
    sequence = bind.execute(sa.text("SELECT pg_get_serial_sequence('audit_event', 'id')")).scalar_one()
    run(bind, f"REVOKE USAGE ON SEQUENCE {sequence} FROM {roles['STAFF']};\n"
        + ";\n".join(WATCH.format(table=table) for table in WATCHED))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        roles = store_roles(bind)
        sequence = bind.execute(sa.text("SELECT pg_get_serial_sequence('audit_event', 'id')")).scalar_one()
        run(bind, ";\n".join(f"DROP TRIGGER vipdesk_watch ON {table}" for table in WATCHED))
        run(bind, FIRST_ADMINISTRATOR_0002 + OLD_LANE_HEAD
            + "REVOKE EXECUTE ON FUNCTION audit_lane_head() FROM PUBLIC;\n"
            + f"GRANT EXECUTE ON FUNCTION audit_lane_head() TO {roles['STAFF']};\n"
            + f"GRANT INSERT ON audit_event TO {roles['STAFF']};\n"
            + f"GRANT USAGE ON SEQUENCE {sequence} TO {roles['STAFF']};\n"
            + "DROP FUNCTION " + ", ".join(reversed(SIGNATURES)) + ";\n"
            + "DROP TABLE vipdesk_private.audit_lane;\n")
    op.drop_table('state_transition')
    op.drop_table('role_permission')
