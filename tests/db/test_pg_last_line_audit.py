"""The audit trail is written by the database (migration 0023), tried with raw SQL as staff logins.

A signed-in person's password opens psql as well as VIP Desk. These probes connect as the demo
logins and try what the app would never do: write an event in someone else's name, elsewhere or
at another time; feed the event writer hostile arguments; hold the locks the writers need; change
a row with SQL and leave no trace. Each is refused, or allowed and recorded as the app would.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import time
from datetime import datetime, timedelta

import psycopg
import pytest
from psycopg import errors, sql
from psycopg.conninfo import make_conninfo
from sqlalchemy import select

from app.audit.chain import EventFields, digest
from app.audit.trail import verify_chain
from app.auth.permissions import ROLE_PERMISSIONS, STAFF_ROLES
from app.demo import DEMO_PASSWORD
from db.models import RolePermission
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

AUDIT = "SELECT vipdesk_audit(%s::jsonb, %s, %s, %s)"


def _event(**fields) -> str:
    return json.dumps([{"action": "customer.view", "entity": "customer", "entity_id": "1", **fields}])


def _newest(demo, count: int = 1) -> list[tuple]:
    return demo.owner.execute(
        "SELECT actor_id, actor_name, branch_id, action, entity, entity_id, before, after, occurred_at"
        " FROM audit_event ORDER BY id DESC LIMIT %s", (count,)).fetchall()


def _count(demo) -> int:
    return demo.owner.execute("SELECT count(*) FROM audit_event").fetchone()[0]


def _intact(demo) -> bool:
    from app.store import Store

    return verify_chain(Store(demo.store.engine)).intact


# The store's watchdog (vipdesk_end_stalls) ends a staff session idle in a blocking transaction
# for migration 0023's IDLE_SECONDS (10 s); the tests shorten it to this, so that proving it
# costs a few seconds of waiting rather than eleven.
SHORT_IDLE_SECONDS = 4


@contextlib.contextmanager
def idle_allowance(owner, seconds: int = SHORT_IDLE_SECONDS):
    """The store (``owner``: a connection as its owner) with its watchdog's idle allowance set to
    ``seconds`` for the block (the function as migration 0023 made it, its one figure replaced;
    put back afterwards)."""
    migration = importlib.import_module("db.migrations.versions.0023_last_line_framework")
    product = f"interval '{migration.IDLE_SECONDS} seconds'"
    source = owner.execute("SELECT pg_get_functiondef('vipdesk_end_stalls()'::regprocedure)").fetchone()[0]
    assert source.count(product) == 1, "the watchdog reads its idle allowance from one place"
    owner.execute(source.replace(product, f"interval '{seconds} seconds'"))
    try:
        yield seconds
    finally:
        owner.execute(source)


def wait_until_idle_for(owner, pid: int, seconds: int) -> None:
    """Return once session ``pid`` has sat idle in its transaction for longer than ``seconds``,
    as the watchdog measures it (pg_stat_activity's state_change, on the server's clock)."""
    for _ in range(int(seconds / 0.1) + 300):
        if owner.execute(
                "SELECT state LIKE 'idle in transaction%%'"
                " AND state_change < clock_timestamp() - make_interval(secs => %s)"
                " FROM pg_stat_activity WHERE pid = %s", (seconds, pid)).fetchone()[0]:
            return
        time.sleep(0.1)
    raise AssertionError(f"session {pid} was not idle in its transaction for {seconds} s")


@pytest.mark.pg
def test_events_of_no_branch_are_read_by_the_head_office_only(demo):  # noqa: F811
    """Migration 0035: as the audit browser shows them (app.audit.trail), the events that name
    no branch are read by a login of the only root branch, not by a branch's staff."""
    branchless = demo.owner.execute("SELECT count(*) FROM audit_event WHERE branch_id IS NULL").fetchone()[0]
    assert branchless > 0, "the demo has store-wide events"
    with connect_as(demo, "auditor") as conn:  # the head office's auditor
        assert conn.execute("SELECT count(*) FROM audit_event WHERE branch_id IS NULL").fetchone()[0] == branchless
    for username in ("teller", "manager"):  # a branch's staff
        with connect_as(demo, username) as conn:
            assert conn.execute("SELECT count(*) FROM audit_event WHERE branch_id IS NULL").fetchone()[0] == 0


@pytest.mark.pg
def test_no_staff_login_may_insert_an_audit_event_even_a_well_hashed_one(demo):  # noqa: F811
    lane, seq, prev = demo.owner.execute(
        "SELECT lane, seq, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    when = datetime(2026, 1, 1, 9, 0, 0)
    fields = EventFields(seq + 1, when, demo.accounts["admin"], "admin", demo.branches["HO"],
                         "account.disable", "staff_account", str(demo.accounts["manager"]), "", "")
    before = _count(demo)
    for login in ("teller", "manager", "auditor", "admin"):
        with connect_as(demo, login) as conn:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(
                    "INSERT INTO audit_event (lane, seq, occurred_at, actor_id, actor_name, branch_id, action,"
                    " entity, entity_id, before, after, prev_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s,"
                    " %s, %s, '', '', %s, %s)",
                    (lane, seq + 1, when, fields.actor_id, fields.actor_name, fields.branch_id, fields.action,
                     fields.entity, fields.entity_id, prev, digest(prev, fields)))
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("SELECT vipdesk_private.audit_write(now()::timestamp, 1, 'admin', '[]', true)")
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("SELECT vipdesk_append_audit(now()::timestamp, 'admin', NULL, 'x', 'x', 'x', '', '')")
    assert _count(demo) == before and _intact(demo)


@pytest.mark.pg
def test_an_event_names_the_login_its_subtree_and_the_servers_time_whatever_it_is_told(demo):  # noqa: F811
    with connect_as(demo, "teller") as conn:
        conn.execute(AUDIT, (_event(action="account.disable", entity="staff_account",
                                    entity_id=str(demo.accounts["manager"]), before='{"x":1}'),
                             datetime(2020, 1, 1), demo.accounts["admin"], "admin"))
    actor_id, actor_name, branch_id, action, entity, entity_id, before, _after, at = _newest(demo)[0]
    server_now = demo.owner.execute("SELECT (now() AT TIME ZONE 'UTC')::timestamp").fetchone()[0]
    assert (actor_id, actor_name, branch_id) == (demo.accounts["teller"], "teller", demo.branches["BJ0101"])
    assert (action, entity, entity_id, before) == ("account.disable", "staff_account",
                                                   str(demo.accounts["manager"]), '{"x":1}')
    assert abs(server_now - at) < timedelta(minutes=1)
    # a branch inside the subtree is taken as named (the entity's branch); one outside is refused
    with connect_as(demo, "manager") as conn:
        conn.execute(AUDIT, (_event(branch_id=demo.branches["BJ010101"]), None, None, None))
        assert _newest(demo)[0][2] == demo.branches["BJ010101"]
        before_count = _count(demo)
        for outside in ("HO", "BJ01", "SH0101"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(AUDIT, (_event(branch_id=demo.branches[outside]), None, None, None))
    assert _count(demo) == before_count and _intact(demo)


@pytest.mark.pg
@pytest.mark.parametrize("events", [
    None, "{}", "[]", "[1]", '["x"]', "[null]",
    json.dumps([{"action": "x", "entity": "customer", "entity_id": "1"}] * 10001),
    _event(action="x'; DROP TABLE customer; --"), _event(action="A.B"), _event(action="x" * 65),
    _event(action=None), _event(entity="Customer"), _event(entity="x" * 41), _event(entity_id="9" * 65),
    _event(before=7), _event(after={"x": 1}), _event(branch_id="1 OR 1=1"), _event(branch_id=[1]),
])
def test_hostile_events_are_refused_and_nothing_is_written(demo, events):  # noqa: F811
    before = _count(demo)
    with connect_as(demo, "teller") as conn:
        with pytest.raises((errors.InvalidParameterValue, errors.InvalidTextRepresentation,
                            errors.NumericValueOutOfRange)):
            conn.execute(AUDIT, (events, None, None, None))
    assert _count(demo) == before


@pytest.mark.pg
def test_the_pre_signin_login_writes_no_event_and_a_disabled_login_none_either(demo):  # noqa: F811
    before = _count(demo)
    with psycopg.connect(demo.url, autocommit=True) as conn:
        conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(demo.group("signin"))))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(AUDIT, (_event(), None, None, None))
    demo.owner.execute("UPDATE staff_account SET disabled = true WHERE username = 'teller2'")
    try:
        with connect_as(demo, "teller2") as conn:  # still connected: the role keeps LOGIN here
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(AUDIT, (_event(), None, None, None))
    finally:
        demo.owner.execute("UPDATE staff_account SET disabled = false WHERE username = 'teller2'")
    assert _count(demo) == before


BUMP = "UPDATE staff_account SET version = version + 1 WHERE db_role = current_user"


@pytest.mark.pg
def test_a_change_made_with_sql_leaves_an_event_naming_the_login(demo):  # noqa: F811
    version = demo.owner.execute("SELECT version FROM staff_account WHERE username = 'teller'").fetchone()[0]
    with connect_as(demo, "teller") as conn:
        conn.execute(BUMP)
    actor_id, actor_name, branch_id, action, entity, entity_id, before, after, _ = _newest(demo)[0]
    assert (actor_id, actor_name, branch_id, action, entity, entity_id) == (
        demo.accounts["teller"], "teller", demo.branches["BJ0101"], "sql.update", "staff_account",
        str(demo.accounts["teller"]))
    assert (json.loads(before), json.loads(after)) == ({"version": version}, {"version": version + 1})
    assert _intact(demo)


@pytest.mark.pg
def test_a_command_that_writes_its_own_event_is_not_recorded_twice(demo):  # noqa: F811
    for event_first in (True, False):
        before = _count(demo)
        with connect_as(demo, "teller") as conn:
            with conn.transaction():
                if event_first:
                    conn.execute(AUDIT, (_event(action="account.touch"), None, None, None))
                conn.execute(BUMP)
                if not event_first:  # as the app does: the changes, then its events at the end
                    conn.execute(AUDIT, (_event(action="account.touch"), None, None, None))
        assert _count(demo) == before + 1
        assert _newest(demo)[0][3] == "account.touch"
    # a rolled-back change leaves nothing
    before = _count(demo)
    with connect_as(demo, "teller") as conn:
        conn.execute("BEGIN")
        conn.execute(BUMP)
        conn.execute("ROLLBACK")
    assert _count(demo) == before and _intact(demo)


@pytest.mark.pg
def test_no_login_can_take_the_locks_the_audited_writes_wait_for(demo):  # noqa: F811
    """The lanes used to be advisory-lock keys anyone could take; now they are rows in a schema
    no login can see, and a lane held open by a forgotten transaction only sends the others on."""
    from app.auth import branches
    from tests.db.helpers import actor_named

    squatters = []
    try:
        pre_signin = psycopg.connect(demo.url, autocommit=True)
        squatters.append(pre_signin)
        pre_signin.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(demo.group("signin"))))
        pre_signin.execute("SELECT pg_advisory_lock(730100, g) FROM generate_series(0, 31) g")
        pre_signin.execute("SELECT pg_advisory_lock(730100), pg_advisory_lock(730101)")
        for login in ("teller", "manager", "auditor", "admin"):
            with connect_as(demo, login) as probe:
                for statement in ("SELECT * FROM vipdesk_private.audit_lane FOR UPDATE",
                                  "LOCK TABLE audit_event IN SHARE MODE",
                                  "LOCK TABLE role_permission IN SHARE MODE",
                                  "LOCK TABLE state_transition IN SHARE MODE"):
                    with pytest.raises(errors.InsufficientPrivilege), probe.transaction():
                        probe.execute(statement)
        idle = psycopg.connect(make_conninfo(demo.url, user=demo.prefix + "teller", password=DEMO_PASSWORD))
        squatters.append(idle)
        idle.execute(AUDIT, (_event(), None, None, None))  # its transaction left open: a lane held
        admin = actor_named(demo.store, "admin")
        before = _count(demo)
        branches.create_branch(demo.store, admin, code="LANE1", name="车道", level="branch",
                               parent_id=admin.branch_id)
        assert _count(demo) == before + 1
    finally:
        for conn in squatters:
            conn.close()
    assert _intact(demo)


@pytest.mark.pg
def test_a_table_locked_from_a_sql_tool_and_left_is_released_by_the_store(demo):  # noqa: F811
    """A teller locks the customer table in psql, lifts their own timeouts and walks away: the
    next action that waits for it is told the store is busy, the store ends the teller's session
    (audited), and the action's retry goes through."""
    from sqlalchemy import text

    from app.actor import Actor
    from app.errors import StoreUnavailable
    from app.store import Store
    from db.engine import make_engine

    engine = make_engine(demo.url + "?options=-c%20lock_timeout%3D1000")
    store = Store(engine)
    with engine.connect():
        pass  # connected before the lock: the first try waits only for its lock
    squatter = psycopg.connect(make_conninfo(demo.url, user=demo.prefix + "teller", password=DEMO_PASSWORD))
    try:
        with idle_allowance(demo.owner) as allowance:
            squatter.execute("SET idle_in_transaction_session_timeout = 0")
            squatter.execute("LOCK TABLE customer IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(StoreUnavailable):  # within the idle allowance: nobody is ended
                with store.write(Actor.batch("test")) as uow:
                    uow.session.execute(text("SELECT count(*) FROM customer"))
            assert not squatter.closed and squatter.execute("SELECT 1").fetchone() == (1,)
            wait_until_idle_for(demo.owner, squatter.info.backend_pid, allowance)
            with pytest.raises(StoreUnavailable):
                with store.write(Actor.batch("test")) as uow:
                    uow.session.execute(text("SELECT count(*) FROM customer"))
        with store.write(Actor.batch("test")) as uow:  # the retry
            assert uow.session.execute(text("SELECT count(*) FROM customer")).scalar() > 0
        with pytest.raises(psycopg.OperationalError):
            squatter.execute("SELECT 1")
        assert _newest(demo)[0][3:6] == ("session.end_stall", "staff_account", str(demo.accounts["teller"]))
    finally:
        squatter.close()
        engine.dispose()
    assert _intact(demo)



@pytest.mark.pg
def test_logins_writing_at_once_keep_every_lane_unbroken_and_a_killed_one_leaves_nothing(demo):  # noqa: F811
    from concurrent.futures import ThreadPoolExecutor

    logins = ["teller", "teller2", "manager", "advisor", "lobby", "custodian", "custodian2", "auditor"]
    before = _count(demo)

    def write(login: str) -> None:
        with connect_as(demo, login) as conn:
            for n in range(10):
                with conn.transaction():
                    conn.execute(AUDIT, (_event(entity_id=f"{login}-{n}"), None, None, None))

    with ThreadPoolExecutor(max_workers=len(logins)) as pool:
        list(pool.map(write, logins))
    assert _count(demo) == before + 10 * len(logins) and _intact(demo)
    doomed = psycopg.connect(make_conninfo(demo.url, user=demo.prefix + "teller", password=DEMO_PASSWORD))
    doomed.execute(AUDIT, (_event(entity_id="doomed"), None, None, None))
    demo.owner.execute("SELECT pg_terminate_backend(%s)", (doomed.info.backend_pid,))
    doomed.close()
    with connect_as(demo, "teller2") as conn:  # the lane it held is free again
        conn.execute(AUDIT, (_event(entity_id="after"), None, None, None))
    assert _count(demo) == before + 10 * len(logins) + 1 and _intact(demo)
    assert demo.owner.execute("SELECT count(*) FROM audit_event WHERE entity_id = 'doomed'").fetchone()[0] == 0


@pytest.mark.pg
def test_an_account_row_held_by_the_pre_signin_login_is_released_by_the_store(demo):  # noqa: F811
    """The pre-sign-in login's password is on every PC: one who counts a failed sign-in in an
    open transaction and leaves it holds that account's row; the store ends that session."""
    from sqlalchemy import text

    from app.actor import Actor
    from app.errors import StoreUnavailable
    from app.store import Store
    from db.engine import make_engine

    login = demo.prefix + "kiosk"
    demo.owner.execute(sql.SQL("CREATE ROLE {} LOGIN IN ROLE {}").format(
        sql.Identifier(login), sql.Identifier(demo.group("signin"))))
    engine = make_engine(demo.url + "?options=-c%20lock_timeout%3D1000")
    store = Store(engine)
    squatter = psycopg.connect(make_conninfo(demo.url, user=login))
    try:
        squatter.execute("SET idle_in_transaction_session_timeout = 0")
        squatter.execute("SELECT * FROM vipdesk_signin_failed('manager', NULL)")
        touch = text("UPDATE staff_account SET version = version WHERE username = 'manager'")
        with idle_allowance(demo.owner) as allowance:
            wait_until_idle_for(demo.owner, squatter.info.backend_pid, allowance)
            with pytest.raises(StoreUnavailable):
                with store.write(Actor.batch("test")) as uow:
                    uow.session.execute(touch)
        with store.write(Actor.batch("test")) as uow:
            uow.session.execute(touch)
        with pytest.raises(psycopg.OperationalError):
            squatter.execute("SELECT 1")
        assert _newest(demo)[0][3:6] == ("session.end_stall", "staff_account", f"login:{login}")
    finally:
        squatter.close()
        engine.dispose()
        demo.owner.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(login)))
    assert _intact(demo)

# Last: it empties the run's database, which the module's demo fixture lives in.
@pytest.mark.parametrize("engine_kind", ["sqlite", "postgresql"])
def test_the_stores_permission_table_is_the_apps(request, engine_kind):
    store = request.getfixturevalue("sqlite_store" if engine_kind == "sqlite" else "pg_store")
    from db.migrate import upgrade

    upgrade(store.engine)
    with store.read() as session:
        stored = set(tuple(row) for row in session.execute(select(RolePermission.role, RolePermission.permission)).all())
    assert stored == {(role.value, permission.value) for role in STAFF_ROLES
                      for permission in ROLE_PERMISSIONS[role]}
