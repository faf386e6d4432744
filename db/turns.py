"""Bulk jobs that take turns on PostgreSQL: a transaction-level advisory lock per kind of job.

Two operators running the same import at once each insert the rows that are new to them and
the second then fails on the first's keys. Taking the job's turn first, the second waits
until the first commits (or for the long-job lock timeout of :mod:`db.session_limits`, which
ends in "the store is busy"), then sees what the first wrote. The lock ends with the
transaction. On SQLite every write transaction holds the store's one write lock from its
``BEGIN IMMEDIATE``: the same turns, and this does nothing.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

# job -> its advisory lock key (fixed numbers: every program version must agree on them)
JOBS = {"aum_import": 0x5644_4155_4D31, "customer_import": 0x5644_4355_5331}


def take_turn(target: Session | Connection, job: str) -> None:
    """Wait for ``job``'s turn in the current transaction (PostgreSQL)."""
    conn = target.connection() if isinstance(target, Session) else target
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": JOBS[job]})
