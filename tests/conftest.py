"""Shared fixtures: Qt offscreen, SQLite stores per test, a PostgreSQL database per run.

PostgreSQL: ``VIPDESK_TEST_PG_URL`` names a server (default postgres@127.0.0.1:5432); each run
creates its own database and drops it at the end. Tests skip without a server, except under
``CI=true`` where a missing server fails them.
"""

from __future__ import annotations

import os
import shutil
import uuid

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The PC's own settings file (/etc/xdg/VIPDesk/vipdesk.ini) must not steer the tests: an empty one.
os.environ["VIPDESK_SETTINGS"] = os.devnull

import keyring
import pytest
from keyring.backends import fail

from app.actor import Actor
from app.store import Store
from db.engine import make_engine
from db.migrate import upgrade

# Nor the PC's keyring: none, unless a test sets one of its own.
keyring.set_keyring(fail.Keyring())

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist's ``--dist loadgroup`` (scripts/test.sh runs two workers), keep on one
    worker the tests that share a costly fixture wider than a test: every test of the private
    password-checking server (one server per worker otherwise), and a module's tests that share
    a module-scoped fixture (a private server pair, a store built for the module), which each
    worker would otherwise build again. Every other test goes to whichever worker is free."""
    if getattr(config.option, "dist", "no") != "loadgroup":
        return
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        if fixtures is None:
            continue
        if "pg_scram_server_url" in fixtures.names_closure:
            item.add_marker(pytest.mark.xdist_group("pg-scram"))
        elif any(definition.scope == "module" for definitions in fixtures.name2fixturedefs.values()
                 for definition in definitions):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


def _server_url() -> str:
    return os.environ.get("VIPDESK_TEST_PG_URL", PG_DEFAULT).rstrip("/")


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """A PostgreSQL server that answers, or a skip (a failure under CI=true)."""
    import psycopg

    url = _server_url()
    try:
        psycopg.connect(url + "/postgres", connect_timeout=3).close()
    except psycopg.Error as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but no PostgreSQL server answers at {url}: {exc}")
        pytest.skip(f"no PostgreSQL server at {url}")
    return url


@pytest.fixture(scope="session")
def pg_database_url(pg_server_url):
    """A fresh database for this test run, migrated to head; dropped at the end."""
    import psycopg

    name = f"vipdesk_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_server_url + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        # A commit here need not wait for the server to flush its log to disk: the run's data
        # is thrown away, and no test of this database crashes the server (those that do, run
        # servers of their own). Most PostgreSQL tests commit dozens of times.
        conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    url = f"{pg_server_url}/{name}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with psycopg.connect(pg_server_url + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _drop_store_roles(conn, name)


@pytest.fixture(scope="session")
def pg_scram_server_url():
    """A private PostgreSQL server that checks passwords (scram-sha-256), started once per run.

    The shared test server may trust every connection; sign-in tests need one that refuses a
    wrong password. Skips when the server binaries are missing (a failure under CI=true).
    """
    from tests.pg_support import private_cluster_or_skip

    with private_cluster_or_skip() as cluster:
        yield cluster.url


def _drop_store_roles(conn, database: str) -> None:
    """Remove the login roles a test database created (they are cluster-wide)."""
    from tests.pg_support import store_role_names

    for role in store_role_names(conn, database):
        conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def _empty_pg(url: str) -> None:
    from tests.pg_support import reset_database

    reset_database(url)


@pytest.fixture
def settings_file(tmp_path, monkeypatch):
    """This PC's settings file for the test (not yet written), no environment variable over it."""
    from app.pcsettings.fields import ENVIRONMENT

    path = tmp_path / "etc" / "vipdesk.ini"
    monkeypatch.setenv("VIPDESK_SETTINGS", str(path))
    for name in ENVIRONMENT.values():
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture
def memory_keyring():
    """A keyring of the test's own as the system's, for the test's length."""
    from tests.memory_keyring import MemoryKeyring

    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(fail.Keyring())


def _sqlite_snapshot(engine) -> None:
    """Fold the write-ahead log into the file, so that a copy of the file alone is the store."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


# Every store has its data keys from its creation (app.opening.attach_keys); the tests' stores
# are all wrapped by this one fixed master key, which a store carries as its key ring.
TEST_MASTER_KEY = bytes(range(32))


def keyed(engine, master: bytes = TEST_MASTER_KEY, **options) -> Store:
    """A store on ``engine`` (``options`` as for :class:`Store`) given data keys under the test
    master key if it has none, carrying its ring."""
    from app.crypto import vault

    store = Store(engine, **options)
    if vault.master_check_of(store) is None:
        vault.give_keys(store, Actor.batch("test"), master)
    else:
        store.keys = vault.open_ring(store, master)
    return store


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """An empty SQLite store migrated to head once per run; each test gets a copy of the file
    instead of running every migration again."""
    from tests.templates import built_once

    def build(path) -> None:
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        keyed(engine)
        _sqlite_snapshot(engine)

    return built_once(tmp_path_factory, "store.sqlite3", build)


def _sqlite_copy(template, tmp_path, name: str) -> Store:
    path = tmp_path / name
    shutil.copyfile(template, path)
    return keyed(make_engine(f"sqlite:///{path}"))


@pytest.fixture
def sqlite_store(tmp_path, sqlite_template) -> Store:
    store = _sqlite_copy(sqlite_template, tmp_path, "store.sqlite3")
    yield store
    store.engine.dispose()


@pytest.fixture
def pg_store(pg_database_url) -> Store:
    _empty_pg(pg_database_url)
    engine = make_engine(pg_database_url)
    yield keyed(engine)
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request) -> Store:
    """The same service test on both engines."""
    return request.getfixturevalue("sqlite_store" if request.param == "sqlite" else "pg_store")


@pytest.fixture(scope="session")
def sqlite_demo_template(tmp_path_factory):
    """A SQLite store with the demo data, built once per run and copied for each test."""
    from app.demo import build_demo
    from tests.templates import built_once

    def build(path) -> None:
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        build_demo(keyed(engine))
        _sqlite_snapshot(engine)

    return built_once(tmp_path_factory, "demo.sqlite3", build)


@pytest.fixture
def sqlite_demo_store(tmp_path, sqlite_demo_template) -> Store:
    store = _sqlite_copy(sqlite_demo_template, tmp_path, "demo.sqlite3")
    yield store
    store.engine.dispose()


@pytest.fixture(scope="session")
def pg_demo_snapshot(pg_database_url):
    """The demo data on PostgreSQL, built once per run and put back for each test."""
    from app.demo import build_demo
    from tests.pg_support import take_snapshot

    _empty_pg(pg_database_url)
    engine = make_engine(pg_database_url)
    build_demo(keyed(engine))
    engine.dispose()
    return take_snapshot(pg_database_url)


@pytest.fixture(scope="session")
def pg_demo_admin_snapshot(pg_demo_snapshot, pg_database_url):
    """The demo plus a BJ01-level administrator (bj_admin) on PostgreSQL, built once per run from
    the demo's snapshot and kept as a snapshot of its own: the modules that share
    tests/db/test_pg_security.py's ``demo`` each start from it (about a second) instead of
    building the demo again (its passwords hashed at full cost: tens of seconds a module)."""
    from app.auth.accounts import create_account
    from app.auth.permissions import Role
    from app.demo import DEMO_PASSWORD
    from tests.pg_support import restore_snapshot, take_snapshot

    restore_snapshot(pg_database_url, pg_demo_snapshot)
    engine = make_engine(pg_database_url)
    with engine.connect() as conn:
        bj01 = conn.exec_driver_sql("SELECT id FROM branch WHERE code = 'BJ01'").scalar_one()
    create_account(keyed(engine), Actor.batch("test"), username="bj_admin", display_name="分行管理员",
                   branch_id=bj01, roles=[Role.ADMINISTRATOR], password=DEMO_PASSWORD)
    engine.dispose()
    return take_snapshot(pg_database_url)


@pytest.fixture
def pg_demo_store(pg_demo_snapshot, pg_database_url) -> Store:
    from tests.pg_support import restore_snapshot

    restore_snapshot(pg_database_url, pg_demo_snapshot)
    engine = make_engine(pg_database_url)
    yield keyed(engine)
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_store(request) -> Store:
    """A store with the demo branch tree and staff, on both engines."""
    return request.getfixturevalue(f"{'sqlite' if request.param == 'sqlite' else 'pg'}_demo_store")


@pytest.fixture
def batch() -> Actor:
    return Actor.batch("test")


@pytest.fixture(autouse=True, scope="session")
def _key_folder(tmp_path_factory):
    """Master key files the code under test makes go to a folder of the run, never the user's;
    the test master key is kept there as this PC's."""
    from app.crypto import custody
    from app.crypto.keys import master_check

    folder = tmp_path_factory.mktemp("keys")
    old = os.environ.get("VIPDESK_KEY_DIR")
    os.environ["VIPDESK_KEY_DIR"] = str(folder)
    # this "PC" keeps the test master key, so a store opened by URL (the GUI, the CLI) finds it
    custody.keep_in_default_file(TEST_MASTER_KEY, master_check(TEST_MASTER_KEY))
    yield folder
    if old is None:
        os.environ.pop("VIPDESK_KEY_DIR", None)
    else:
        os.environ["VIPDESK_KEY_DIR"] = old
