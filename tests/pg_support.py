"""Helpers for PostgreSQL tests: emptying the run's database between tests."""

from __future__ import annotations

import psycopg

TABLES = ["audit_event", "staff_role", "staff_account", "setting", "branch"]


def store_role_names(conn, database: str) -> list[str]:
    """Login roles that belong to staff accounts of ``database`` (none until roles exist)."""
    return []


def reset_database(url: str) -> None:
    """Empty every table of the test database (identities restart)."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("TRUNCATE " + ", ".join(TABLES) + " RESTART IDENTITY CASCADE")
