"""The migrated schema as normalised text, one per engine, checked in under ``db/schema/``.

What the migrations leave in a store is not all in ``db/models.py``: row-level policies,
functions and triggers exist only in migration text. The dump lists everything a fresh store
upgraded to head holds, in a stable order and with store-specific names replaced, so that a
reviewer sees any change of the schema as a diff and ``tests/db/test_schema_dump.py`` fails when
the migrations and the checked-in dump part ways (``python tools/schema_dump.py --write``
regenerates both files).

SQLite: every table, index and trigger as ``sqlite_master`` holds its statement, white space
collapsed. PostgreSQL: tables and their columns, indexes, constraints, row-level security and
its policies, functions (their whole definition) and triggers of the store's own schemas; the
per-store role prefix (migration 0002, ``vd_<hex>_`` and ``vdg_<hex>_``) written as ``<login>_``
and ``<group>_``. A function's definition keeps its lines (indented under its signature), so
that a changed function shows as a readable diff.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.engine import Connection

SCHEMAS = ("public", "vipdesk_private")
_ROLE_PREFIX = re.compile(r"\bvdg?_[0-9a-f]{8}_")
_SPACE = re.compile(r"\s+")


def dump(conn: Connection) -> str:
    """The schema of the store ``conn`` reaches, as the checked-in dump writes it."""
    lines = _sqlite(conn) if conn.dialect.name == "sqlite" else _postgresql(conn)
    return "\n".join(lines) + "\n"


def _sqlite(conn: Connection) -> list[str]:
    rows = conn.execute(text(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY type, tbl_name, name")).all()
    return [f"{kind} {table}.{name}: {_SPACE.sub(' ', sql).strip()}" for kind, name, table, sql in rows]


def _stable(value: str) -> str:
    return _ROLE_PREFIX.sub(lambda m: "<group>_" if m.group().startswith("vdg") else "<login>_", value)


def _rows(conn: Connection, title: str, sql: str) -> list[str]:
    found = [" | ".join("" if v is None else _SPACE.sub(" ", str(v)).strip() for v in row)
             for row in conn.execute(text(sql), {"schemas": list(SCHEMAS)})]
    return [f"-- {title}", *sorted(_stable(line) for line in found)]


def _functions(conn: Connection, sql: str) -> list[str]:
    found = sorted(conn.execute(text(sql), {"schemas": list(SCHEMAS)}).all())
    lines = ["-- functions"]
    for signature, definition in found:
        lines.append(signature)
        lines += ["    " + line.rstrip() for line in _stable(definition).strip().splitlines()]
    return lines


def _postgresql(conn: Connection) -> list[str]:
    in_schemas = "= ANY(:schemas)"
    return [
        *_rows(conn, "columns", f"""
            SELECT c.table_schema || '.' || c.table_name, c.column_name, c.data_type,
                   c.character_maximum_length, c.numeric_precision, c.numeric_scale, c.is_nullable,
                   c.column_default
            FROM information_schema.columns c JOIN information_schema.tables t
              ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema {in_schemas} AND t.table_type = 'BASE TABLE'"""),
        *_rows(conn, "indexes", f"""
            SELECT schemaname || '.' || tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname {in_schemas}"""),
        *_rows(conn, "constraints", f"""
            SELECT n.nspname || '.' || r.relname, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname {in_schemas}"""),
        *_rows(conn, "row-level security", f"""
            SELECT n.nspname || '.' || r.relname, r.relrowsecurity, r.relforcerowsecurity
            FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace
            WHERE r.relkind = 'r' AND n.nspname {in_schemas} AND r.relrowsecurity"""),
        *_rows(conn, "policies", f"""
            SELECT schemaname || '.' || tablename, policyname, permissive, cmd,
                   array_to_string(ARRAY(SELECT unnest(roles) ORDER BY 1), ','), qual, with_check
            FROM pg_policies WHERE schemaname {in_schemas}"""),
        *_functions(conn, f"""
            SELECT p.oid::regprocedure::text, pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname {in_schemas} AND p.prokind IN ('f', 'p')"""),
        *_rows(conn, "triggers", f"""
            SELECT n.nspname || '.' || r.relname, t.tgname, pg_get_triggerdef(t.oid)
            FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = r.relnamespace
            WHERE NOT t.tgisinternal AND n.nspname {in_schemas}"""),
    ]
