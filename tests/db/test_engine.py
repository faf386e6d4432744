"""Engine set-up: SQLite pragmas and the refusal of network shares."""

from pathlib import Path

import pytest
from sqlalchemy import text

from db import engine as engine_module
from db.engine import make_engine
from db.errors import StoreError


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 's.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000


def test_write_transactions_begin_immediate(tmp_path):
    """A second writer waits for (rather than fails after) the first one's lock."""
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    first, second = make_engine(url), make_engine(url)
    with first.connect() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
    writer = first.connect().execution_options(vipdesk_write=True)
    writer.begin()
    reader = second.connect().execution_options(vipdesk_write=True)
    reader.connection.driver_connection.execute("PRAGMA busy_timeout = 50")
    with pytest.raises(Exception, match="locked"):
        reader.begin()  # BEGIN IMMEDIATE cannot start while another writer holds the lock
    writer.rollback()
    writer.close()
    reader.close()


@pytest.mark.parametrize("path", ["//fileserver/share/vip.sqlite3", "\\\\fileserver\\share\\vip.sqlite3"])
def test_unc_paths_are_network_paths(path):
    assert engine_module.is_network_path(Path(path))


def test_a_store_on_an_nfs_mount_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(engine_module, "is_network_path", lambda p: True)
    with pytest.raises(StoreError, match="network share.*PostgreSQL"):
        make_engine(f"sqlite:///{tmp_path / 'vip.sqlite3'}")


def test_mount_table_lookup_picks_the_deepest_mount(tmp_path, monkeypatch):
    mounts = f"/dev/vda / ext4 rw 0 0\nserver:/x {tmp_path} nfs4 rw 0 0\n"
    monkeypatch.setattr(engine_module, "_mount_table", lambda: mounts.splitlines())
    assert engine_module.is_network_path(tmp_path / "vip.sqlite3")
    assert not engine_module.is_network_path(Path("/usr/lib"))


def test_unknown_engines_are_refused():
    with pytest.raises(StoreError, match="unsupported"):
        make_engine("mysql://x@localhost/y")
