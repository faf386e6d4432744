"""A counter's command at less of the server's time: the small helpers every command and guard
runs are inlined or planned once per session, the audit lane is taken in one statement and the
command's checks take fewer.

Revision ID: 0046
Revises: 0045

Measured (tools/queue_profile.py, per ticket: call, start and finish as the teller's login) the
server spent twice as long in the functions around ``vipdesk_queue_command`` (guards, audit,
helpers) as in the command's own statements. PostgreSQL 15 plans the body of a SQL function
that it cannot inline anew in every transaction, and a counter's command is a transaction of
its own, so each of these was parsed and planned again at every call: ``vipdesk_is_owner`` (five times a command: the command, the clock,
the queue guard, the transition check, the watch trigger's condition), ``vipdesk_clock``,
``vipdesk_audit_digest`` (the hash chain), ``vipdesk_account_id`` and ``vipdesk_in_command``.

* ``vipdesk_is_owner``, ``vipdesk_clock`` and ``vipdesk_audit_digest`` become inlinable: no
  ``SET search_path`` (which forbids inlining), every function they name written with its
  schema, so that their meaning does not depend on the caller's path. The digest is declared
  ``STABLE``, which it is (``to_char`` and ``to_json`` read settings; PostgreSQL does not inline
  an ``IMMUTABLE`` function whose body is not), and only the owner may execute it, from the
  definer functions of the audit lanes, whose path is fixed.
* ``vipdesk_account_id`` and ``vipdesk_in_command`` stay owner's definer functions with a fixed
  path, which cannot be inlined; written in PL/pgSQL, their statement's plan is kept for the
  session instead of made again each transaction.
* ``vipdesk_private.audit_write`` takes a free lane and marks it this transaction's in one
  ``UPDATE … WHERE lane = (SELECT … FOR UPDATE SKIP LOCKED) RETURNING`` instead of a locking
  ``SELECT`` and an ``UPDATE``.
* ``vipdesk_queue_command`` asks the same in fewer statements: the counter is looked up with its
  branch's place in the login's subtree in one locking ``SELECT``; a ticket's branch is looked
  up only when it is not the counter's; the answer's service and target counter are read in the
  statement that makes the answer.

Nothing they answer changes: the same owner test, clock, hash (``app.audit.chain`` checks every
chain), account, lanes, refusals and tickets. The guards, the row-level security and the watch still run for every
row a command writes. Function texts are rewritten where PostgreSQL holds them, as migration 0036
does; the downgrade puts them back. Nothing changes on SQLite.
"""
from alembic import op
from sqlalchemy import text

from db.migrations.frozen.pg_scope_r0003 import run


revision = '0046'
down_revision = '0045'
branch_labels = None
depends_on = None

DIGEST = ("vipdesk_audit_digest(text, bigint, timestamp, integer, text, integer, text, text, text, text, "
          "text)")
PATH = "search_path = pg_catalog, public, pg_temp"
# function -> the pieces of its body (as migration 0002 wrote it -> written with their schema)
QUALIFIED = {
    "vipdesk_is_owner()": [("SELECT pg_has_role(", "SELECT pg_catalog.pg_has_role(")],
    "vipdesk_clock(timestamp)": [("AND vipdesk_is_owner()", "AND public.vipdesk_is_owner()"),
                                 ("ELSE (now() AT", "ELSE (pg_catalog.now() AT")],
    DIGEST: [(f"{name}(", f"pg_catalog.{name}(") for name in ("encode", "sha256", "convert_to", "to_json",
                                                              "to_char")],
}
INLINABLE = {"vipdesk_is_owner()": "", "vipdesk_clock(timestamp)": "", DIGEST: "STABLE"}
WAS = {"vipdesk_is_owner()": "", "vipdesk_clock(timestamp)": "", DIGEST: "IMMUTABLE"}

PLANNED_ONCE = r"""
-- The enabled account whose login is connected (session_user: also inside definer functions).
CREATE OR REPLACE FUNCTION vipdesk_account_id() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN (SELECT id FROM staff_account WHERE db_role = session_user AND NOT disabled);
END
$$;

-- Has this transaction written its own audit event (vipdesk_audit)?
CREATE OR REPLACE FUNCTION vipdesk_in_command() RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM vipdesk_private.audit_lane WHERE xact = pg_current_xact_id() AND by_command);
END
$$;
"""
PLANNED_EACH_TIME = r"""
-- The enabled account whose login is connected (session_user: also inside definer functions).
CREATE OR REPLACE FUNCTION vipdesk_account_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT id FROM staff_account WHERE db_role = session_user AND NOT disabled
$$;

-- Has this transaction written its own audit event (vipdesk_audit)?
CREATE OR REPLACE FUNCTION vipdesk_in_command() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM vipdesk_private.audit_lane
                   WHERE xact = pg_current_xact_id() AND by_command)
$$;
"""

LANE_IN_TWO = """        SELECT l.lane INTO v_lane FROM vipdesk_private.audit_lane l
            ORDER BY l.lane LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF v_lane IS NULL THEN  -- every lane is being written: queue for one (spread by process)
            SELECT l.lane INTO v_lane FROM vipdesk_private.audit_lane l
                WHERE l.lane = pg_backend_pid() % 32 FOR UPDATE;
        END IF;
        UPDATE vipdesk_private.audit_lane SET xact = pg_current_xact_id(), by_command = p_by_command
            WHERE lane = v_lane;
"""
LANE_IN_ONE = """        UPDATE vipdesk_private.audit_lane SET xact = pg_current_xact_id(), by_command = p_by_command
            WHERE lane = (SELECT l.lane FROM vipdesk_private.audit_lane l
                          ORDER BY l.lane LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING lane INTO v_lane;
        IF v_lane IS NULL THEN  -- every lane is being written: queue for one (spread by process)
            UPDATE vipdesk_private.audit_lane SET xact = pg_current_xact_id(), by_command = p_by_command
                WHERE lane = pg_backend_pid() % 32
                RETURNING lane INTO v_lane;
        END IF;
"""
AUDIT_WRITE = "vipdesk_private.audit_write(timestamp, integer, text, jsonb, boolean)"

COMMAND = ("vipdesk_queue_command(text, integer, text, integer, text, integer[], integer, text, integer, "
           "integer, text, text, timestamp, integer, text, text)")
# migration 0033's text -> the same checks in fewer statements
FEWER_STATEMENTS = [
    ("""    v_events jsonb := '[]';
    s queue_service%ROWTYPE;
""", """    v_events jsonb := '[]';
"""),
    ("""    SELECT * INTO c FROM queue_counter WHERE id = p_counter FOR UPDATE;
    IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM branch b WHERE b.id = c.branch_id AND starts_with(b.path, v_scope)) THEN
""", """    SELECT * INTO c FROM queue_counter q WHERE q.id = p_counter
        AND EXISTS (SELECT 1 FROM branch b WHERE b.id = q.branch_id AND starts_with(b.path, v_scope))
        FOR UPDATE OF q;
    IF NOT FOUND THEN
"""),
    ("""        IF NOT FOUND OR (t.branch_id <> c.branch_id AND NOT EXISTS (
                SELECT 1 FROM branch b WHERE b.id = t.branch_id AND starts_with(b.path, v_scope))) THEN
            RETURN jsonb_build_object('refusal', 'no_ticket');
        END IF;
""", """        IF NOT FOUND THEN
            RETURN jsonb_build_object('refusal', 'no_ticket');
        ELSIF t.branch_id <> c.branch_id THEN  -- another branch's ticket: looked up only then
            IF NOT EXISTS (SELECT 1 FROM branch b WHERE b.id = t.branch_id AND starts_with(b.path, v_scope)) THEN
                RETURN jsonb_build_object('refusal', 'no_ticket');
            END IF;
        END IF;
"""),
    ("""    SELECT * INTO s FROM queue_service WHERE id = t.service_id;
    RETURN jsonb_build_object('ticket', to_jsonb(t) || jsonb_build_object(
        'service_prefix', coalesce(s.prefix, ''), 'service_name', coalesce(s.name, ''), 'counter', c.number,
        'target_counter', coalesce((SELECT o.number FROM queue_counter o WHERE o.id = t.target_counter_id), '')));
""", """    RETURN (SELECT jsonb_build_object('ticket', to_jsonb(t) || jsonb_build_object(
                'service_prefix', coalesce(sv.prefix, ''), 'service_name', coalesce(sv.name, ''),
                'counter', c.number, 'target_counter', coalesce(tc.number, '')))
            FROM (SELECT 1) answer
            LEFT JOIN queue_service sv ON sv.id = t.service_id
            LEFT JOIN queue_counter tc ON tc.id = t.target_counter_id);
"""),
]


def _rewrite(bind, function: str, pieces: list[tuple[str, str]]) -> None:
    """Rewrite ``function``'s text where PostgreSQL holds it, each ``(old, new)`` piece once."""
    definition = bind.execute(text("SELECT pg_get_functiondef(CAST(:f AS regprocedure))"), {"f": function}).scalar_one()
    for old, new in pieces:
        if definition.count(old) < 1:
            raise RuntimeError(f"{function} is not as the migration before this one made it")
        definition = definition.replace(old, new)
    run(bind, definition)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for function, pieces in QUALIFIED.items():
        _rewrite(bind, function, pieces)
        run(bind, f"ALTER FUNCTION {function} {INLINABLE[function]} RESET search_path")
    run(bind, PLANNED_ONCE)
    _rewrite(bind, AUDIT_WRITE, [(LANE_IN_TWO, LANE_IN_ONE)])
    _rewrite(bind, COMMAND, FEWER_STATEMENTS)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    _rewrite(bind, COMMAND, [(new, old) for old, new in FEWER_STATEMENTS])
    _rewrite(bind, AUDIT_WRITE, [(LANE_IN_ONE, LANE_IN_TWO)])
    run(bind, PLANNED_EACH_TIME)
    for function, pieces in QUALIFIED.items():
        run(bind, f"ALTER FUNCTION {function} {WAS[function]} SET {PATH}")
        _rewrite(bind, function, [(new, old) for old, new in pieces])
