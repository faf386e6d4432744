"""Staff logins guarded by the database itself (migration 0027), tested with psql-like sessions.

A password changed behind the app's back blocks the account until an administrator resets it;
disabling, locking or blocking an account ends its open sessions; every staff login carries
lock, statement and idle-in-transaction timeouts, which long jobs raise for their own
transaction. Each test gets the demo store put back (the shared test server trusts every
connection, so the password a test connects with is not what counts: the database's own
comparison of verifiers is).
"""

from __future__ import annotations

import contextlib
import secrets
import time
from types import SimpleNamespace

import psycopg
import pytest
from psycopg import errors, sql
from psycopg.conninfo import make_conninfo
from sqlalchemy import create_engine, select, text

from alembic import command
from alembic.script import ScriptDirectory

from app.auth.accounts import create_account, reset_password, set_disabled
from app.auth.permissions import Role
from app.auth.setup import create_first_administrator
from app.auth.gate import DISABLED, RESET_NEEDED
from app.auth.signin import sign_in
from app.audit.trail import verify_chain
from app.demo import DEMO_PASSWORD
from app.errors import AuthError, PermissionDenied
from app.store import Store
from db.engine import make_engine, normalise_url
from db.migrate import _config as migrate_config, upgrade
from db.models import Branch
from db.session_limits import allow_long_job
from tests.pg_support import create_database, drop_database, drop_roles

pytestmark = pytest.mark.pg

# migration 0027's policy, as pg_roles.rolconfig shows it
SESSION_LIMITS = {"idle_in_transaction_session_timeout=60s", "lock_timeout=5s", "statement_timeout=60s"}
NEW_PASSWORD = "Counter-Again-2026"


@pytest.fixture
def demo(pg_demo_store, pg_database_url):
    """The demo store put back, an owner connection, and every signed-in store disposed after."""
    owner = psycopg.connect(pg_database_url, autocommit=True)
    signed = []
    yield SimpleNamespace(
        store=pg_demo_store, url=pg_database_url, owner=owner, signed=signed,
        prefix=owner.execute("SELECT vipdesk_role_prefix()").fetchone()[0],
        accounts=dict(owner.execute("SELECT username, id FROM staff_account")))
    for one in signed:
        one.store.engine.dispose()
    owner.close()


def login(demo, username: str, password: str = DEMO_PASSWORD):
    signed = sign_in(demo.store, username, password)
    demo.signed.append(signed)
    return signed


@contextlib.contextmanager
def connect_as(demo, username: str):
    """A psql-like session as the staff account's own login role."""
    conn = psycopg.connect(make_conninfo(demo.url, user=demo.prefix + username, password=DEMO_PASSWORD),
                           autocommit=True)
    try:
        yield conn
    finally:
        conn.close()


def ended(conn) -> bool:
    """Whether the server ended this session (its next statement fails)."""
    deadline = time.monotonic() + 2
    while True:
        try:
            conn.execute("SELECT 1")
        except psycopg.Error:
            return conn.broken
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def refused_with(template, demo, username, password):
    with pytest.raises(AuthError) as caught:
        sign_in(demo.store, username, password)
    assert caught.value.template == template


def verifier(conn, role: str, password: str) -> str:
    return conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()


def marked(demo, username: str) -> bool:
    return demo.owner.execute(
        "SELECT changed_outside_at IS NOT NULL FROM vipdesk_private.login_verifier WHERE account_id = %s",
        (demo.accounts[username],)).fetchone()[0]


def can_login(demo, username: str) -> bool:
    return demo.owner.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s",
                              (demo.prefix + username,)).fetchone()[0]


def events(demo, *actions: str) -> list[tuple[str, str, str]]:
    return demo.owner.execute(
        "SELECT action, actor_name, entity_id FROM audit_event WHERE action = ANY(%s) ORDER BY id",
        (list(actions),)).fetchall()


def version(demo, username: str) -> int:
    return demo.owner.execute("SELECT version FROM staff_account WHERE username = %s", (username,)).fetchone()[0]


# -- a password changed outside the app ---------------------------------------------------------

@pytest.mark.parametrize("how", ["plain", "verifier"])
def test_a_password_changed_in_psql_blocks_the_account_until_an_administrator_resets_it(demo, how):
    teller = str(demo.accounts["teller"])
    with connect_as(demo, "teller") as psql, connect_as(demo, "teller") as other:
        weak = "a"
        if how == "plain":
            psql.execute(sql.SQL("ALTER ROLE CURRENT_USER PASSWORD {}").format(sql.Literal(weak)))
        else:   # what psql's \password sends: a verifier computed on the client
            psql.execute(sql.SQL("ALTER ROLE CURRENT_USER PASSWORD {}").format(
                sql.Literal(verifier(psql, demo.prefix + "teller", weak))))
        refused_with(RESET_NEEDED, demo, "teller", weak)
        assert ended(psql) and ended(other)          # the sessions that could have used it
    assert marked(demo, "teller") and not can_login(demo, "teller")
    assert events(demo, "account.password_changed_outside", "signin.refused_reset_needed") == [
        ("account.password_changed_outside", "login_guard", teller),
        ("signin.refused_reset_needed", "signin:teller", teller)]
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(make_conninfo(demo.url, user=demo.prefix + "teller", password=weak)).close()
    refused_with(RESET_NEEDED, demo, "teller", DEMO_PASSWORD)   # whatever password is tried

    admin = login(demo, "admin")
    reset_password(admin.store, admin.actor, demo.accounts["teller"], expected_version=version(demo, "teller"),
                   new_password=NEW_PASSWORD)
    assert not marked(demo, "teller") and can_login(demo, "teller")
    again = login(demo, "teller", NEW_PASSWORD)
    assert again.actor.username == "teller" and again.actor.must_change_password
    assert verify_chain(demo.store).intact


def test_a_password_changed_outside_is_found_when_anyone_signs_in(demo):
    with connect_as(demo, "teller") as psql:
        psql.execute("ALTER ROLE CURRENT_USER PASSWORD 'short'")
        assert login(demo, "manager").actor.username == "manager"   # someone else, another PC
        assert ended(psql)
    assert marked(demo, "teller") and not can_login(demo, "teller")
    assert not marked(demo, "manager") and can_login(demo, "manager")
    assert [(a, who) for a, who, _id in events(demo, "account.password_changed_outside")] == [
        ("account.password_changed_outside", "login_guard")]


def test_found_over_the_persons_own_connection_their_other_sessions_end(demo):
    """The check after connecting (a password changed between the check and the connection)."""
    with connect_as(demo, "teller") as other, connect_as(demo, "teller") as conn:
        conn.execute("ALTER ROLE CURRENT_USER PASSWORD 'short'")
        status, account_id = conn.execute("SELECT status, account_id FROM vipdesk_signin_succeeded()").fetchone()
        assert (status, account_id) == ("reset_needed", demo.accounts["teller"])
        assert conn.execute("SELECT 1").fetchone() == (1,)   # the caller's own session is kept
        assert ended(other)
    assert marked(demo, "teller") and not can_login(demo, "teller")


def test_the_person_cannot_make_a_password_set_outside_their_recorded_one(demo):
    with connect_as(demo, "teller") as conn:
        conn.execute("ALTER ROLE CURRENT_USER PASSWORD 'short'")
        with pytest.raises(errors.InsufficientPrivilege, match="changed outside"):
            conn.execute("SELECT vipdesk_set_password(%s, %s)",
                         (demo.accounts["teller"], verifier(conn, demo.prefix + "teller", "short")))
    refused_with(RESET_NEEDED, demo, "teller", "short")


def test_a_disabled_account_with_a_password_changed_outside_stays_blocked_when_enabled(demo):
    admin = login(demo, "admin")
    set_disabled(admin.store, admin.actor, demo.accounts["teller"], expected_version=version(demo, "teller"),
                 disabled=True)
    demo.owner.execute(sql.SQL("ALTER ROLE {} PASSWORD 'short'").format(sql.Identifier(demo.prefix + "teller")))
    refused_with(DISABLED, demo, "teller", "short")
    assert marked(demo, "teller")
    set_disabled(admin.store, admin.actor, demo.accounts["teller"], expected_version=version(demo, "teller"),
                 disabled=False)
    assert not can_login(demo, "teller")
    refused_with(RESET_NEEDED, demo, "teller", "short")


def test_the_owner_may_accept_a_password_it_set_by_hand(demo):
    """E.g. the only administrator's forgotten password, set again by the DBA in psql."""
    demo.owner.execute(sql.SQL("ALTER ROLE {} PASSWORD 'Set-By-The-DBA-2026'").format(
        sql.Identifier(demo.prefix + "admin")))
    refused_with(RESET_NEEDED, demo, "admin", "Set-By-The-DBA-2026")
    with connect_as(demo, "teller") as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("SELECT vipdesk_accept_login_password(%s)", (demo.accounts["admin"],))
    demo.owner.execute("SELECT vipdesk_accept_login_password(%s)", (demo.accounts["admin"],))
    assert login(demo, "admin", "Set-By-The-DBA-2026").actor.username == "admin"
    assert [a for a, _who, _id in events(demo, "account.password_accepted")] == ["account.password_accepted"]


# -- blocking an account ends its sessions ------------------------------------------------------

def test_disabling_an_account_ends_its_open_sessions(demo):
    admin = login(demo, "admin")
    with connect_as(demo, "teller") as psql, connect_as(demo, "teller") as other:
        set_disabled(admin.store, admin.actor, demo.accounts["teller"], expected_version=version(demo, "teller"),
                     disabled=True)
        assert ended(psql) and ended(other)
    with connect_as(demo, "manager") as bystander:  # nobody else's
        assert not ended(bystander)
    with pytest.raises(PermissionDenied):  # the app refuses an administrator's own
        set_disabled(admin.store, admin.actor, demo.accounts["admin"], expected_version=version(demo, "admin"),
                     disabled=True)


def test_an_administrator_taking_their_own_login_away_keeps_the_session_doing_it(demo):
    with connect_as(demo, "admin") as conn, connect_as(demo, "admin") as other:
        conn.execute("SELECT vipdesk_set_login(%s, false)", (demo.accounts["admin"],))
        assert conn.execute("SELECT 1").fetchone() == (1,)
        assert ended(other)
    assert not can_login(demo, "admin")


def test_a_lockout_after_failed_signins_ends_the_accounts_sessions(demo):
    with connect_as(demo, "teller") as psql:
        for _ in range(5):   # what the pre-sign-in login records for five wrong passwords
            status = demo.owner.execute("SELECT status FROM vipdesk_signin_failed('teller')").fetchone()[0]
        assert status == "locked"
        assert ended(psql)
    assert not can_login(demo, "teller")


# -- session timeouts ---------------------------------------------------------------------------

def rolconfig(demo, username: str) -> set[str]:
    return set(demo.owner.execute("SELECT coalesce(rolconfig, '{}') FROM pg_roles WHERE rolname = %s",
                                  (demo.prefix + username,)).fetchone()[0])


def test_every_staff_login_carries_the_session_timeouts(demo):
    logins = demo.owner.execute("SELECT username FROM staff_account").fetchall()
    assert len(logins) > 5
    assert all(SESSION_LIMITS <= rolconfig(demo, name) for (name,) in logins)
    with connect_as(demo, "teller") as conn:
        shown = [conn.execute(f"SHOW {name}").fetchone()[0]
                 for name in ("lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout")]
        assert shown == ["5s", "1min", "1min"]
        conn.execute("ALTER ROLE CURRENT_USER RESET ALL")   # a person may take them off their login...
    assert not SESSION_LIMITS & rolconfig(demo, "teller")
    login(demo, "teller")                                   # ...they are back at the next sign-in
    assert SESSION_LIMITS <= rolconfig(demo, "teller")

    admin = login(demo, "admin")
    with admin.store.read() as session:
        branch = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
    create_account(admin.store, admin.actor, username="newbie", display_name="新员工", branch_id=branch,
                   roles=[Role.COUNTER_STAFF], password="Temporary-Pass-1")
    assert SESSION_LIMITS <= rolconfig(demo, "newbie")


def test_an_abandoned_transaction_holding_a_row_lock_is_ended(demo):
    teller = demo.accounts["teller"]
    with connect_as(demo, "teller") as conn:
        assert conn.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0] == "1min"
        conn.execute("SET idle_in_transaction_session_timeout = '300ms'")   # the login's 60 s, shortened
        conn.execute("BEGIN")
        conn.execute("SELECT id FROM staff_account WHERE id = %s FOR UPDATE", (teller,))
        time.sleep(0.8)   # walked away from the counter
        demo.owner.execute("SET lock_timeout = '2s'")
        assert demo.owner.execute("UPDATE staff_account SET version = version WHERE id = %s",
                                  (teller,)).rowcount == 1   # not held up
        assert ended(conn)


def test_a_long_job_raises_the_limits_for_its_own_transaction_only(demo):
    engine = make_engine(normalise_url(demo.url).set(username=demo.prefix + "teller", password=DEMO_PASSWORD))

    def limits(conn) -> list[str]:
        return [conn.execute(text(f"SHOW {name}")).scalar_one()
                for name in ("statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout")]

    try:
        with engine.connect() as conn:
            with conn.begin():
                allow_long_job(conn)
                assert limits(conn) == ["30min", "2min", "30min"]
            with conn.begin():
                assert limits(conn) == ["1min", "5s", "1min"]
        with Store(engine).read() as session:   # a Session works as well
            allow_long_job(session)
            assert session.execute(text("SHOW statement_timeout")).scalar_one() == "30min"
    finally:
        engine.dispose()
    sqlite = create_engine("sqlite://")
    with sqlite.connect() as conn:   # nothing to raise on SQLite
        allow_long_job(conn)
    sqlite.dispose()


# -- the migration ------------------------------------------------------------------------------

def test_0027_goes_down_and_up(pg_server_url):
    url = create_database(pg_server_url)
    engine = make_engine(url)
    store = Store(engine)
    try:
        upgrade(engine)
        create_first_administrator(store, username="boss", display_name="行长", password="First-Admin-2026",
                                   head_office_code="HO", head_office_name="总行")
        with psycopg.connect(url, autocommit=True) as conn:
            role = conn.execute("SELECT db_role FROM staff_account").fetchone()[0]

            def state():
                return conn.execute(
                    "SELECT coalesce(r.rolconfig, '{}'), to_regclass('vipdesk_private.login_verifier') IS NOT NULL,"
                    " to_regprocedure('vipdesk_accept_login_password(integer, timestamp)') IS NOT NULL"
                    " FROM pg_roles r WHERE r.rolname = %s", (role,)).fetchone()

            config, table, accept = state()
            assert SESSION_LIMITS <= set(config) and table and accept
            recorded = conn.execute("SELECT verifier FROM vipdesk_private.login_verifier").fetchall()
            before = ScriptDirectory.from_config(migrate_config(engine)).get_revision("0027").down_revision
            command.downgrade(migrate_config(engine), before)
            assert state() == ([], False, False)
            source = conn.execute("SELECT prosrc FROM pg_proc WHERE proname = 'vipdesk_signin_check'").fetchone()[0]
            assert "vipdesk_private" not in source and "reset_needed" not in source
            upgrade(engine)
            config, table, accept = state()
            assert SESSION_LIMITS <= set(config) and table and accept
            assert conn.execute("SELECT verifier FROM vipdesk_private.login_verifier").fetchall() == recorded
        signed = sign_in(store, "boss", "First-Admin-2026")   # the recorded verifier is the login's
        signed.store.engine.dispose()
    finally:
        engine.dispose()
        drop_database(pg_server_url, url.rsplit("/", 1)[1])


def test_the_upgrade_refuses_an_owner_that_cannot_read_verifiers_or_end_sessions(pg_server_url):
    token = secrets.token_hex(4)
    owner, database = f"vipdesk_guard_owner_{token}", f"vipdesk_test_{token}"
    with psycopg.connect(pg_server_url + "/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE").format(sql.Identifier(owner)))
        conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(database), sql.Identifier(owner)))
    engine = make_engine(normalise_url(f"{pg_server_url}/{database}").set(username=owner))
    try:
        with pytest.raises(RuntimeError) as caught:
            upgrade(engine)
        assert "GRANT SELECT ON pg_catalog.pg_authid" in str(caught.value)
        assert "GRANT pg_signal_backend" in str(caught.value)
    finally:
        engine.dispose()
        drop_database(pg_server_url, database)
        with psycopg.connect(pg_server_url + "/postgres", autocommit=True) as conn:
            drop_roles(conn, [owner])
