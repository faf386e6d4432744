"""Fault drills the suite can run: a connection killed mid-action, a store locked by another
process, the disk filling up under a backup. Nothing is half-written, the user is told, and the
action can simply be retried."""

import psycopg
import pytest
from sqlalchemy import event, func, select

from app.auth import branches
from app.errors import COMMAND_OUTCOME_UNSEEN, StoreUnavailable
from app.store import Store
from db import engine as engine_module
from db.engine import make_engine
from db.models import AuditEvent, Branch
from tests.db.helpers import actor_named


def _counts(store):
    with store.read() as session:
        return (session.scalar(select(func.count()).select_from(Branch)),
                session.scalar(select(func.count()).select_from(AuditEvent)))


def test_connection_killed_in_the_middle_of_an_action(pg_demo_store):
    """pg_terminate_backend from a second connection just before the audit append."""
    store, admin = pg_demo_store, actor_named(pg_demo_store, "admin")
    before = _counts(store)
    killer = psycopg.connect(store.engine.url.render_as_string(hide_password=False)
                             .replace("postgresql+psycopg", "postgresql"), autocommit=True)

    def kill_own_backend(conn, cursor, statement, *_):
        if "vipdesk_audit(" in statement:
            pid = conn.connection.driver_connection.info.backend_pid
            killer.execute("SELECT pg_terminate_backend(%s)", (pid,))

    event.listen(store.engine, "before_cursor_execute", kill_own_backend)
    try:
        with pytest.raises(StoreUnavailable, match="nothing was saved"):
            branches.create_branch(store, admin, code="KILL1", name="断线网点", level="branch",
                                   parent_id=admin.branch_id)
    finally:
        event.remove(store.engine, "before_cursor_execute", kill_own_backend)
        killer.close()
    assert _counts(store) == before
    row = branches.create_branch(store, admin, code="KILL1", name="断线网点", level="branch",
                                 parent_id=admin.branch_id)  # the retry goes through
    assert row.code == "KILL1" and _counts(store) == (before[0] + 1, before[1] + 1)


def test_a_store_locked_by_another_process_waits_then_says_so(sqlite_demo_store, monkeypatch):
    url = sqlite_demo_store.engine.url
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 300)
    impatient = Store(make_engine(url))
    admin = actor_named(impatient, "admin")
    other = make_engine(url).connect().execution_options(vipdesk_write=True)
    other.begin()  # another program holds the write lock
    try:
        with pytest.raises(StoreUnavailable, match="busy.*Nothing was saved"):
            branches.create_branch(impatient, admin, code="LOCK1", name="锁定", level="branch",
                                   parent_id=admin.branch_id)
    finally:
        other.rollback()
        other.close()
    assert branches.create_branch(impatient, admin, code="LOCK1", name="锁定", level="branch",
                                  parent_id=admin.branch_id).code == "LOCK1"


def test_after_the_server_drops_every_connection_the_next_action_reconnects(pg_demo_store):
    """What a PostgreSQL restart looks like to an open app: pooled connections are dead."""
    store, admin = pg_demo_store, actor_named(pg_demo_store, "admin")
    branches.list_branches(store, admin)  # the pool now holds a live connection
    dsn = store.engine.url.render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn, autocommit=True) as admin_conn:
        admin_conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    assert branches.list_branches(store, admin)  # pre-ping notices and reconnects


def test_a_backup_onto_a_full_disk_leaves_nothing_and_says_so(sqlite_demo_store, tmp_path):
    """The disk fills up halfway through the copy (a file-size limit on the backup process,
    which the kernel reports like a full disk): one line on stderr, no file left behind."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    url = str(sqlite_demo_store.engine.url)
    sqlite_demo_store.engine.dispose()
    backups = tmp_path / "backups"
    backups.mkdir()
    out = backups / "copy.sqlite3"
    limited = ("import resource, signal, sys, runpy; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
               "resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024)); "
               "sys.argv = ['main.py', 'backup', sys.argv[1], '--db', sys.argv[2]]; "
               "runpy.run_path('main.py', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", limited, str(out), url], cwd=root, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "could not be written" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert list(backups.iterdir()) == []


def test_a_command_on_a_connection_dropped_within_its_second_fails_once_and_cleanly(pg_demo_store):
    """A counter's one-statement command skips the pool's liveness check for a connection in use
    less than a second ago (db.engine.trusting_recent_use): dropped in that second, the command
    says that whether it was done is not known (it cannot tell whether the statement reached the
    store), and the next one goes through on a new connection. Any other action still gets a
    checked connection."""
    store = pg_demo_store
    assert store.command("SELECT 1", {}) == 1
    dsn = store.engine.url.render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn, autocommit=True) as admin_conn:
        admin_conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    with pytest.raises(StoreUnavailable) as lost:
        store.command("SELECT 1", {})
    assert lost.value.template == COMMAND_OUTCOME_UNSEEN
    assert store.command("SELECT 2", {}) == 2
