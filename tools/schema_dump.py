"""Check or regenerate the checked-in schema dumps (``db/schema/<engine>.txt``, db.schema_dump).

    python tools/schema_dump.py            # migrate fresh stores, compare: exit 1 on drift
    python tools/schema_dump.py --write    # migrate fresh stores, rewrite both dumps

A fresh SQLite store is made in a temporary folder; a fresh PostgreSQL database on the server
of ``VIPDESK_TEST_PG_URL`` (default ``postgresql://postgres@127.0.0.1:5432``, as the tests use),
dropped afterwards with the roles migration 0002 made for it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.engine import make_engine  # after the path
from db.migrate import upgrade
from db.schema_dump import dump

SCHEMA_DIR = ROOT / "db" / "schema"
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432"


def migrated_dump(url: str) -> str:
    """The dump of a store at ``url`` once migrated to head."""
    engine = make_engine(url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            return dump(conn)
    finally:
        engine.dispose()


def sqlite_dump() -> str:
    with tempfile.TemporaryDirectory() as folder:
        return migrated_dump(f"sqlite:///{Path(folder) / 'schema.sqlite3'}")


def postgresql_dump() -> str:
    import psycopg

    from tests.pg_support import store_role_names

    server = os.environ.get("VIPDESK_TEST_PG_URL", PG_DEFAULT).rstrip("/")
    name = f"vipdesk_schema_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        return migrated_dump(f"{server}/{name}")
    finally:
        with psycopg.connect(server + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in store_role_names(conn, name):
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite db/schema/*.txt")
    args = parser.parse_args(argv)
    drifted = []
    for engine, make in (("sqlite", sqlite_dump), ("postgresql", postgresql_dump)):
        path = SCHEMA_DIR / f"{engine}.txt"
        text = make()
        if args.write:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)} ({len(text.splitlines())} lines)")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            drifted.append(str(path.relative_to(ROOT)))
    if drifted:
        print("the migrated schema differs from " + ", ".join(drifted)
              + " (python tools/schema_dump.py --write, then review the diff)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
