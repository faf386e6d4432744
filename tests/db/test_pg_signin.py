"""Sign-in on PostgreSQL against a server that really checks passwords (scram-sha-256).

The store's database is owned by a non-superuser login with CREATEROLE, as in production; the
pre-sign-in store connects as that owner (whose clock the definer functions accept, so tests can
move time) except where a test uses a least-privilege sign-in login.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo
from sqlalchemy import select, text

from app.actor import Actor
from app.audit.trail import verify_chain
from app.auth.accounts import create_account, reset_password, set_disabled, change_own_password, update_account, unlock
from app.auth.permissions import Role
from app.auth.policy import SignInPolicy, save_policy
from app.auth.setup import create_first_administrator, needs_first_administrator
from app.auth.gate import DISABLED, LOCKED, WRONG_CREDENTIALS
from app.auth.signin import sign_in, unlock_screen
from app.demo import DEMO_PASSWORD, build_demo
from app.errors import AuthError, PermissionDenied
from app.store import Store, utcnow
from db.engine import make_engine, normalise_url
from db.migrate import upgrade
from db.models import AuditEvent, Branch, StaffAccount
from tests.pg_support import create_database, drop_database, reset_database
from tests.conftest import keyed

pytestmark = pytest.mark.pg

NEW_PASSWORD = "Fresh-Start-2026!"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture(scope="module")
def scram_db(pg_scram_server_url):
    """A database owned by a CREATEROLE (non-superuser) owner, migrated as that owner."""
    owner_url = create_database(pg_scram_server_url, owner="vipdesk_owner", owner_password="Owner-Pass-2026")
    database = owner_url.rsplit("/", 1)[1]
    engine = make_engine(owner_url)
    upgrade(engine)
    engine.dispose()
    yield {"owner_url": owner_url, "superuser_url": f"{pg_scram_server_url}/{database}"}
    drop_database(pg_scram_server_url, database)
    with psycopg.connect(pg_scram_server_url + "/postgres", autocommit=True) as conn:
        conn.execute("DROP ROLE vipdesk_owner")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def empty_store(scram_db, clock):
    """The pre-sign-in store as the owner, on an emptied database, with a movable clock."""
    reset_database(scram_db["superuser_url"])
    engine = make_engine(scram_db["owner_url"])
    yield keyed(engine, clock=clock)
    engine.dispose()


@pytest.fixture
def store(empty_store):
    build_demo(empty_store)
    return empty_store


@pytest.fixture
def signed_in_stores():
    """Dispose every signed-in store a test opens."""
    opened = []
    yield opened
    for signed in opened:
        signed.store.engine.dispose()


def login(store, username, password, opened) -> object:
    signed = sign_in(store, username, password)
    opened.append(signed)
    return signed


def superuser(scram_db):
    return psycopg.connect(scram_db["superuser_url"], autocommit=True)


def role_can_login(scram_db, role: str) -> bool:
    with superuser(scram_db) as conn:
        return conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (role,)).fetchone()[0]


def account(store, username) -> StaffAccount:
    with store.read() as session:
        found = session.scalar(select(StaffAccount).where(StaffAccount.username == username))
        session.expunge_all()  # keep the loaded values after the read's rollback
        return found


def events(store, action: str) -> list[AuditEvent]:
    with store.read() as session:
        found = session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).all()
        session.expunge_all()
        return found


def refused_with(template, store, username, password):
    with pytest.raises(AuthError) as caught:
        sign_in(store, username, password)
    assert caught.value.template == template
    return caught.value


def test_a_demo_user_signs_in_as_their_own_login_role(store, signed_in_stores, scram_db):
    signed = login(store, "teller", DEMO_PASSWORD, signed_in_stores)
    assert (signed.actor.username, signed.actor.branch_code) == ("teller", "BJ0101")
    with signed.store.read() as session:
        current, session_user = session.execute(text("SELECT current_user, session_user")).one()
        codes = set(session.scalars(select(Branch.code)))
    assert current == session_user == account(store, "teller").db_role
    assert codes == {"BJ0101", "BJ010101", "BJ010102"}
    teller = account(store, "teller")
    assert teller.failed_signins == 0 and teller.last_signin_at is not None
    [success] = events(store, "signin.success")
    assert (success.actor_name, success.actor_id, success.entity_id) == ("signin:teller", None, str(teller.id))
    assert verify_chain(store).intact


def test_once_signed_in_the_pre_sign_in_login_holds_no_connection(store, signed_in_stores):
    account(store, "teller")                       # the pre-sign-in pool holds a connection now
    assert store.engine.pool.checkedin() == 1
    signed = login(store, "teller", DEMO_PASSWORD, signed_in_stores)
    assert store.engine.pool.checkedin() == 0      # one server connection per working PC
    assert signed.store.engine.pool.checkedin() == 1
    assert account(store, "teller").last_signin_at is not None   # and it reconnects when needed


def test_wrong_password_and_unknown_user_get_the_same_answer(store, scram_db):
    refused_with(WRONG_CREDENTIALS, store, "teller", "not-the-password")
    refused_with(WRONG_CREDENTIALS, store, "nobody_here", DEMO_PASSWORD)
    refused_with(WRONG_CREDENTIALS, store, "Robert'); DROP TABLE branch;--", DEMO_PASSWORD)
    assert account(store, "teller").failed_signins == 1
    entity_ids = [e.entity_id for e in events(store, "signin.failed")]
    assert entity_ids[0] == str(account(store, "teller").id)
    assert entity_ids[1] == "unknown:nobody_here"
    assert verify_chain(store).intact


def test_five_failures_lock_the_login_and_an_expired_lock_is_lifted(store, clock, signed_in_stores, scram_db):
    role = account(store, "teller").db_role
    for _ in range(4):
        refused_with(WRONG_CREDENTIALS, store, "teller", "not-the-password")
    error = refused_with(LOCKED, store, "teller", "not-the-password")
    locked_until = account(store, "teller").locked_until
    assert locked_until == clock.now + timedelta(minutes=30)
    assert error.params["until"] == f"{locked_until + timedelta(hours=8):%Y-%m-%d %H:%M}"  # Beijing time
    assert not role_can_login(scram_db, role)
    # the database itself refuses the locked account, whatever the tool
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(make_conninfo(scram_db["owner_url"], user=role, password=DEMO_PASSWORD)).close()
    refused_with(LOCKED, store, "teller", DEMO_PASSWORD)
    assert len(events(store, "signin.refused_locked")) == 1
    clock.advance(29)
    refused_with(LOCKED, store, "teller", DEMO_PASSWORD)
    clock.advance(2)
    signed = login(store, "teller", DEMO_PASSWORD, signed_in_stores)
    assert signed.actor.username == "teller"
    assert role_can_login(scram_db, role)
    teller = account(store, "teller")
    assert (teller.locked_until, teller.failed_signins) == (None, 0)
    [lock_event] = [e for e in events(store, "signin.failed") if e.after]
    assert lock_event.after == '{"locked_until":"%s"}' % locked_until
    assert verify_chain(store).intact


def test_the_lockout_follows_the_stored_policy(store, clock, scram_db):
    save_policy(store, Actor.batch("test"), SignInPolicy(max_failed_signins=2, lockout_minutes=5))
    refused_with(WRONG_CREDENTIALS, store, "advisor", "not-the-password")
    refused_with(LOCKED, store, "advisor", "not-the-password")
    assert account(store, "advisor").locked_until == clock.now + timedelta(minutes=5)


def test_an_administrator_manages_accounts_as_their_own_role(store, clock, signed_in_stores, scram_db):
    admin = login(store, "admin", DEMO_PASSWORD, signed_in_stores)
    with admin.store.read() as session:
        assert session.scalar(text("SELECT current_user")) == account(store, "admin").db_role
        bj0101 = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
    row = create_account(admin.store, admin.actor, username="newbie", display_name="新员工",
                         branch_id=bj0101, roles=[Role.COUNTER_STAFF], password="Temporary-Pass-1")
    newbie_role = account(store, "newbie").db_role
    assert role_can_login(scram_db, newbie_role)

    newbie = login(store, "newbie", "Temporary-Pass-1", signed_in_stores)
    assert newbie.actor.must_change_password
    # the person replaces the password over their own (unprivileged) connection
    newbie_actor = change_own_password(newbie.store, newbie.actor, new_password=NEW_PASSWORD)
    assert not newbie_actor.must_change_password
    refused_with(WRONG_CREDENTIALS, store, "newbie", "Temporary-Pass-1")
    login(store, "newbie", NEW_PASSWORD, signed_in_stores)

    # reset by the administrator: the old password stops working, the new one works
    version = account(store, "newbie").version
    reset_password(admin.store, admin.actor, row.id, expected_version=version, new_password="Reset-By-Admin-9")
    refused_with(WRONG_CREDENTIALS, store, "newbie", NEW_PASSWORD)
    assert login(store, "newbie", "Reset-By-Admin-9", signed_in_stores).actor.must_change_password

    # promoted to administrator: the login joins the store's admin group (and leaves it again)
    with superuser(scram_db) as conn:
        admin_group = conn.execute("SELECT vipdesk_group_role('admin')").fetchone()[0]

        def is_admin() -> bool:
            return conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (newbie_role, admin_group)).fetchone()[0]

        assert not is_admin()
        version = account(store, "newbie").version
        update_account(admin.store, admin.actor, row.id, expected_version=version, display_name="新员工",
                       branch_id=bj0101, roles=[Role.COUNTER_STAFF, Role.ADMINISTRATOR])
        assert is_admin()
        version = account(store, "newbie").version
        update_account(admin.store, admin.actor, row.id, expected_version=version, display_name="新员工",
                       branch_id=bj0101, roles=[Role.COUNTER_STAFF])
        assert not is_admin()

    # disabled: the database refuses the login, sign-in says so
    version = account(store, "newbie").version
    set_disabled(admin.store, admin.actor, row.id, expected_version=version, disabled=True)
    assert not role_can_login(scram_db, newbie_role)
    refused_with(DISABLED, store, "newbie", "Reset-By-Admin-9")
    version = account(store, "newbie").version
    set_disabled(admin.store, admin.actor, row.id, expected_version=version, disabled=False)
    assert role_can_login(scram_db, newbie_role)
    login(store, "newbie", "Reset-By-Admin-9", signed_in_stores)
    assert verify_chain(store).intact


def test_a_disabled_demo_account_is_refused(store, signed_in_stores, scram_db):
    admin = login(store, "admin", DEMO_PASSWORD, signed_in_stores)
    teller = account(store, "teller")
    set_disabled(admin.store, admin.actor, teller.id, expected_version=teller.version, disabled=True)
    refused_with(DISABLED, store, "teller", DEMO_PASSWORD)
    refused_with(DISABLED, store, "teller", "not-the-password")
    assert [e.entity_id for e in events(store, "signin.refused_disabled")] == [str(teller.id)] * 2


def test_an_administrator_unlocks_a_locked_account(store, signed_in_stores, scram_db):
    for _ in range(5):
        with pytest.raises(AuthError):
            sign_in(store, "teller2", "not-the-password")
    admin = login(store, "admin", DEMO_PASSWORD, signed_in_stores)
    locked = account(store, "teller2")
    assert not role_can_login(scram_db, locked.db_role)
    unlock(admin.store, admin.actor, locked.id, expected_version=locked.version)
    assert role_can_login(scram_db, locked.db_role)
    login(store, "teller2", DEMO_PASSWORD, signed_in_stores)


def test_the_idle_lock_reauthenticates_on_the_same_store(store, signed_in_stores):
    signed = login(store, "manager", DEMO_PASSWORD, signed_in_stores)
    again = unlock_screen(signed, DEMO_PASSWORD)
    assert again.store is signed.store and again.actor == signed.actor
    with pytest.raises(AuthError) as caught:
        unlock_screen(signed, "not-the-password")
    assert caught.value.template == WRONG_CREDENTIALS
    assert account(store, "manager").failed_signins == 1


@pytest.fixture
def signin_login(scram_db, clock):
    """A least-privilege pre-sign-in store: a login whose only right is the store's signin group."""
    with superuser(scram_db) as conn:
        group = conn.execute("SELECT vipdesk_group_role('signin')").fetchone()[0]
        name = f"{group}_app"
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD 'Signin-Pass-2026' IN ROLE {}").format(
            sql.Identifier(name), sql.Identifier(group)))
    engine = make_engine(normalise_url(scram_db["owner_url"]).set(username=name, password="Signin-Pass-2026"))
    yield Store(engine, clock=clock)
    engine.dispose()
    with superuser(scram_db) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (name,))
        conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))


def test_the_first_administrator_is_created_through_the_signin_login(empty_store, signin_login, signed_in_stores):
    assert needs_first_administrator(signin_login)
    create_first_administrator(signin_login, username="boss", display_name="行长", password="First-Admin-2026",
                               head_office_code="ho", head_office_name="总行")
    assert not needs_first_administrator(signin_login)
    with pytest.raises(PermissionDenied):
        create_first_administrator(signin_login, username="boss2", display_name="x", password="Second-Admin-2026",
                                   head_office_code="HO", head_office_name="总行")
    boss = login(signin_login, "boss", "First-Admin-2026", signed_in_stores)
    assert boss.actor.roles == frozenset({Role.ADMINISTRATOR}) and boss.actor.branch_path == "/1/"
    assert [(e.action, e.actor_name) for e in events(empty_store, "branch.create") + events(empty_store, "account.create")] \
        == [("branch.create", "setup"), ("account.create", "setup")]
    assert verify_chain(empty_store).intact


def test_the_signin_login_reads_nothing_and_cannot_move_the_clock(store, signin_login, clock, signed_in_stores):
    with signin_login.read() as session, pytest.raises(Exception, match="permission denied"):
        session.execute(select(StaffAccount.username)).all()
    assert login(signin_login, "teller", DEMO_PASSWORD, signed_in_stores).actor.username == "teller"
    clock.advance(-24 * 60)  # the client claims yesterday: the server's clock counts
    for _ in range(5):
        with pytest.raises(AuthError):
            sign_in(signin_login, "lobby", "not-the-password")
    locked_until = account(store, "lobby").locked_until
    server_now = utcnow()
    assert abs(locked_until - (server_now + timedelta(minutes=30))) < timedelta(minutes=1)
    clock.advance(24 * 60 + 60)  # and a client an hour ahead cannot lift the lock
    refused_with(LOCKED, signin_login, "lobby", DEMO_PASSWORD)
