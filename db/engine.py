"""Engine factory: one place that knows how SQLite and PostgreSQL must be set up.

SQLite gets WAL, foreign keys, a busy timeout and explicit BEGIN IMMEDIATE for write
transactions (a deferred transaction that later writes fails with BUSY_SNAPSHOT whatever the
timeout). PostgreSQL goes through psycopg 3 with pre-ping so a restarted server is reconnected;
its URL may name several servers (:mod:`db.urls`), and a connection of one's own (the live
feed's) is made from exactly what the engine hands the driver (:func:`driver_conninfo`).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.engine import URL

from db.errors import StoreError
from db.urls import parse_url, where

SQLITE_BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "vipdesk_write"
NETWORK_FILESYSTEMS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afs", "9p", "ncpfs", "fuse.gvfsd-fuse",
    "davfs", "fuse.rclone", "glusterfs", "ceph", "lustre",
}


def normalise_url(url: str | URL) -> URL:
    """Parse a store URL (either multi-host form, :mod:`db.urls`) and pin PostgreSQL to the
    psycopg 3 driver."""
    try:
        parsed = parse_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with a long text
        raise StoreError(f"not a store URL: {url!s}") from exc
    if parsed.get_backend_name() == "postgresql":
        return parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        return parsed
    raise StoreError(f"unsupported store {parsed.get_backend_name()!r}: use sqlite or postgresql")


def is_network_path(path: Path) -> bool:
    """True when ``path`` lies on a network file system (where SQLite's WAL is unsafe)."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(str(path.resolve()))[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    mounts = _mount_table()
    resolved = str(path.resolve())
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fstype = mount_point, parts[2]
    return fstype in NETWORK_FILESYSTEMS or fstype.startswith("fuse.sshfs")


def _mount_table() -> list[str]:
    try:
        return Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return []


# How every PostgreSQL connection of the app connects: a server that does not answer within
# 5 s counts as down (libpq then tries the URL's next host). A server whose machine died sends
# nothing, not even a reset: TCP keepalives find it gone within about 11 s on an idle
# connection (the queue's LISTEN connection, which would otherwise wait for hours), and
# tcp_user_timeout fails a request left unanswered for 15 s.
CONNECT_ARGS = {"connect_timeout": 5, "application_name": "VIP Desk", "keepalives": 1,
                "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3,
                "tcp_user_timeout": 15_000}


def make_engine(url: str | URL, *, echo: bool = False) -> Engine:
    """Build the engine for a store URL (SQLite file or PostgreSQL server)."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, echo)
    engine = create_engine(parsed, echo=echo, pool_size=2, max_overflow=4, connect_args=CONNECT_ARGS)
    _check_liveness(engine)
    return engine


# How recently a pooled connection must have been in use to go out unchecked, in a block of
# :func:`trusting_recent_use` (as connection pools such as HikariCP do, with 0.5 s).
RECENT_SECONDS = 1.0
_TRUST = threading.local()


@contextmanager
def trusting_recent_use() -> Iterator[None]:
    """Within this block a pooled connection given back less than :data:`RECENT_SECONDS` ago is
    handed out without the liveness check's round trip: for a counter's one-statement commands,
    the hot path. If the server dropped it in that second, the action fails as the store not
    answering (nothing is saved) and the next one gets a checked connection."""
    _TRUST.recent = True
    try:
        yield
    finally:
        _TRUST.recent = False


def _check_liveness(engine: Engine) -> None:
    """The pool checks a connection before handing it out (one round trip), so that one the
    server dropped while it sat idle (a restart, a failover, the store's watchdog) is replaced
    instead of failing the user's action; a new connection needs no check."""
    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection, record, _proxy) -> None:
        given_back = record.info.get("given_back")
        if given_back is None:
            return
        if getattr(_TRUST, "recent", False) and time.monotonic() - given_back < RECENT_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # any failure: the pool replaces the connection
            raise DisconnectionError() from exc

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_connection, record) -> None:
        if record is not None:
            record.info["given_back"] = time.monotonic()


def sqlite_path(url: str | URL) -> Path | None:
    """The file of a SQLite store URL; None for PostgreSQL, memory or SQLite's own URI form."""
    parsed = normalise_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:" \
            or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def _sqlite_engine(url: URL, echo: bool) -> Engine:
    """The engine of a SQLite file. Building it makes no file or folder: SQLite creates the
    file at the first connection, and :func:`app.opening.open_store` decides beforehand
    whether a command may create a store at all."""
    database = url.database or ""
    path = sqlite_path(url)
    if path is not None and is_network_path(path.parent if not path.exists() else path):
        raise StoreError(
            f"{path} is on a network share; SQLite needs a local disk. "
            "For several PCs use a PostgreSQL store (--db postgresql://...)."
        )
    engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if database and database != ":memory:":
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def driver_conninfo(engine: Engine) -> str:
    """The libpq connection string of a PostgreSQL engine's connections: the same servers,
    login, database and options the pool's connections get (every host of a multi-host URL
    with its port, ``target_session_attrs``), for a connection kept outside the pool."""
    from psycopg.conninfo import make_conninfo

    _args, params = engine.dialect.create_connect_args(engine.url)
    params.pop("context", None)  # the dialect's type adapters, not a connection parameter
    return make_conninfo("", **{**params, **CONNECT_ARGS})


def describe(engine: Engine) -> str:
    """Where the store is, for the status bar: the SQLite path or the PostgreSQL
    servers/database."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return f"SQLite {url.database or ':memory:'}"
    return f"PostgreSQL {where(url)}"
