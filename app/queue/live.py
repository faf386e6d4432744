"""Live updates (docs/architecture.md): learn within a second that the queue changed, without hammering
the store. One small interface, two ways behind it:

- PostgreSQL: a connection of its own that ``LISTEN``s on the queue's channel; every queue
  service sends ``pg_notify`` in its transaction (delivered at commit, dropped on rollback),
  a counter's one-statement commands within a tenth of a second of their commit (app.queue.announce).
- SQLite: a connection of its own that polls ``PRAGMA data_version`` (a counter SQLite bumps
  when another connection commits; reading it touches no table) every ``poll_seconds``.

``feed = open_feed(engine)``; ``feed.wait(timeout)`` returns True as soon as something changed
(False after ``timeout`` seconds of quiet); ``feed.close()``. The ui bridges it to a Qt signal.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Protocol

from sqlalchemy import Engine

from app.queue.common import CHANNEL
from db.engine import driver_conninfo


class ChangeFeed(Protocol):
    def wait(self, timeout: float) -> bool: ...

    def close(self) -> None: ...


class PostgresFeed:
    """LISTEN on the queue channel over a dedicated autocommit connection, made as the engine
    makes its own (every server of a multi-host URL, the writable one chosen)."""

    def __init__(self, engine: Engine):
        import psycopg

        self._conn = psycopg.connect(driver_conninfo(engine), autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> bool:
        got = False
        for _notice in self._conn.notifies(timeout=timeout, stop_after=1):
            got = True
        if got:  # several commits in a burst count as one change
            for _notice in self._conn.notifies(timeout=0.05):
                pass
        return got

    def close(self) -> None:
        self._conn.close()


class SqliteFeed:
    """Poll ``PRAGMA data_version`` on a dedicated read-only connection."""

    def __init__(self, engine: Engine, poll_seconds: float = 0.2):
        database = engine.url.database or ""
        self._conn = sqlite3.connect(database, timeout=5, check_same_thread=False)
        self._poll = poll_seconds
        self._version = self._read()

    def _read(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def wait(self, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while True:
            version = self._read()
            if version != self._version:
                self._version = version
                return True
            left = end - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(self._poll, left))

    def close(self) -> None:
        self._conn.close()


def open_feed(engine: Engine) -> ChangeFeed:
    """The change feed for ``engine``'s store."""
    if engine.dialect.name == "postgresql":
        return PostgresFeed(engine)
    return SqliteFeed(engine)
