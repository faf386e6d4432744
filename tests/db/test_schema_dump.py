"""The migrated store is the checked-in schema (db/schema/<engine>.txt, db.schema_dump): a
migration that changes a table, an index, a constraint, a policy, a function or a trigger
changes the dump in the same commit (python tools/schema_dump.py --write), so that one revision
number means one schema and every change of it is reviewed as a diff."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from db.schema_dump import dump

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "db" / "schema"
FIX = "the migrations and db/schema/{}.txt differ: run python tools/schema_dump.py --write and review the diff"


def test_the_migrated_store_is_the_checked_in_schema(store):
    kind = store.engine.dialect.name
    with store.engine.connect() as conn:
        found = dump(conn)
    assert found == (SCHEMA_DIR / f"{kind}.txt").read_text(encoding="utf-8"), FIX.format(kind)


def test_a_change_outside_the_migrations_is_seen(store):
    """An index made by hand (or a policy, a function...) is drift the dump shows."""
    with store.engine.begin() as conn:
        before = dump(conn)
        conn.execute(text("CREATE INDEX ix_planted ON setting (version)"))
        after = dump(conn)
        conn.execute(text("DROP INDEX ix_planted"))
    added = set(after.splitlines()) - set(before.splitlines())
    assert len(added) == 1 and "ix_planted" in added.pop()
