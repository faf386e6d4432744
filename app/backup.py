"""Consistent online copies of a SQLite store; PostgreSQL is backed up with its own tools."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.errors import QT_TRANSLATE_NOOP, StoreUnavailable, ValidationError
from db.urls import servers
from app.store import Store


def backup_sqlite(store: Store, out: Path) -> int:
    """Copy the live store to ``out`` page by page (readers and writers may go on); returns bytes."""
    if store.kind != "sqlite":
        url = store.engine.url
        host, _, port = servers(url)[0].rpartition(":")
        raise StoreUnavailable(QT_TRANSLATE_NOOP(
            "errors", "PostgreSQL stores are backed up on the server: "
                      "pg_dump -Fc -h {host} -p {port} -U <owner> -d {database} -f <file>.dump"),
            host=host, port=port, database=url.database)
    out = Path(out)
    if out.exists():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{path} already exists; choose a new file"),
                              field=QT_TRANSLATE_NOOP("fields", "Backup file"), path=str(out))
    tmp = out.with_name(out.name + ".part")
    raw = store.engine.raw_connection()
    source = raw.driver_connection
    assert source is not None, "a SQLite pool connection always carries its sqlite3 connection"
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target, pages=1024)
        finally:
            target.close()
        tmp.replace(out)
    except (OSError, sqlite3.Error) as exc:  # a full disk comes as either, depending on who wrote
        raise StoreUnavailable(QT_TRANSLATE_NOOP("errors", "The backup could not be written: {reason}"),
                               reason=getattr(exc, "strerror", None) or str(exc)) from exc
    finally:
        raw.close()
        tmp.unlink(missing_ok=True)
    return out.stat().st_size
