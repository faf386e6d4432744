"""Bench data: a store with the demo branches and staff and 1,000,000 demo customers, on SQLite
and on PostgreSQL, built once and kept between runs so that a re-run is quick.

The size is ``VIPDESK_BENCH_CUSTOMERS`` (default 1,000,000). A cached store is reused when it was
built with the same size and data recipe (:data:`RECIPE`), and migrated to this program's schema
when it is older (migrations add tables; the customers stay valid); otherwise it is rebuilt.
SQLite stores live in the user's cache directory (platformdirs); PostgreSQL stores are
databases named ``vipdesk_bench_<key>`` on the test server (``VIPDESK_TEST_PG_URL``).

The stores are sealed as a bank's are (app.crypto: keys from the store's creation, numbers
sealed on the way in), under a fixed bench master key (:data:`MASTER_KEY`, test data only), and
returned carrying their key ring, so that searches go by blind index. A cached store from
before migration 0042 (sealed beside its clear columns) is finished by the upgrade: whatever it
had not sealed yet is sealed, then the clear columns are dropped (app.opening).
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import platformdirs

from app.demo import build_demo
from app.demo.customers import build_demo_customers
from app.opening import open_store
from app.store import Store

CUSTOMERS = int(os.environ.get("VIPDESK_BENCH_CUSTOMERS", "1000000"))
RECIPE = "demo-staff+customers-v1+sealed"
MASTER_KEY = hashlib.sha256(b"vipdesk bench master key: test data only").digest()
SEED = 2026
CACHE = Path(platformdirs.user_cache_dir("vipdesk-bench"))


def cache_key() -> str:
    text = f"{CUSTOMERS}|{RECIPE}|{SEED}"
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _fill(store: Store) -> None:
    started = time.perf_counter()
    build_demo(store, customers=0, seed=SEED)
    build_demo_customers(store, CUSTOMERS, SEED)
    print(f"\nbench data: {CUSTOMERS:,} customers built (sealed on the way in) in "
          f"{time.perf_counter() - started:.0f} s")


def _open(url: str) -> Store:
    """The bench store at ``url`` (created, or upgraded and sealed), carrying its key ring."""
    return open_store(url, migrate=True, master=MASTER_KEY)


def sqlite_store() -> Store:
    """The cached SQLite bench store, built on first use (into a temporary file, then renamed)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"bench-{cache_key()}.sqlite3"
    if not path.exists():
        for old in CACHE.glob("bench-*.sqlite3*"):
            old.unlink()
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        store = _open(f"sqlite:///{building}")
        _fill(store)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("ANALYZE")
        store.engine.dispose()
        building.rename(path)
    return _open(f"sqlite:///{path}")


def pg_store(server_url: str) -> Store:
    """The cached PostgreSQL bench store on ``server_url``, built on first use."""
    import psycopg

    name = f"vipdesk_bench_{cache_key()}"
    ready = f"{name}_ready"
    with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
        found = {row[0] for row in conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'vipdesk_bench_%'")}
        if ready not in found:
            for old in found:
                conn.execute(f'DROP DATABASE "{old}" WITH (FORCE)')
                _drop_store_roles(conn, old.removesuffix("_ready"))
            conn.execute(f'CREATE DATABASE "{name}"')
            store = _open(f"{server_url}/{name}")
            _fill(store)
            store.engine.dispose()
            with psycopg.connect(f"{server_url}/{name}", autocommit=True) as db:
                db.execute("VACUUM ANALYZE")
            conn.execute(f'ALTER DATABASE "{name}" RENAME TO "{ready}"')
    return _open(f"{server_url}/{ready}")


def _drop_store_roles(conn, database: str) -> None:
    """The login roles and groups of an earlier bench store (cluster-wide, found by the name the
    database had when its schema was made)."""
    from tests.pg_support import store_role_names

    for role in store_role_names(conn, database):
        conn.execute(f'DROP ROLE IF EXISTS "{role}"')
