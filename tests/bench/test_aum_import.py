"""AUM import + tier evaluation, 1,000,000 customers × 3 months, against the engine's raw bulk
load of the same rows (docs/architecture.md budget: ≤ 2 ×), on SQLite and PostgreSQL.

The extract is a CSV of every customer of the bench store for the three months before today
(amounts spread so that customers land in every tier). The figure is
:func:`app.tiers.aum_import.import_aum` of that file followed by
:func:`app.tiers.evaluation.evaluate_tiers`, on a copy of the cached bench store. The baseline,
on another copy, loads the same rows, already parsed into (customer id, month, amount), into
``aum_month`` with the engine's own bulk path: one ``executemany`` transaction on SQLite,
``COPY`` on PostgreSQL. docs/architecture.md's budgets are medians: the two runs alternate, ``ROUNDS``
times, and the figure and its baseline are the medians of their runs.
"""

from __future__ import annotations

import csv
import random
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy import select

from app.actor import Actor
from app.opening import open_store
from app.tiers.aum_import import import_aum
from app.tiers.evaluation import evaluate_tiers, last_month
from db.models import Customer
from tests.bench import data
from tests.bench.conftest import median, record

BUDGET = 2.0
ROUNDS = 3


def _months(store) -> list[tuple[int, int]]:
    year, month = last_month(store.today())
    window = []
    for _ in range(3):
        window.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return window[::-1]


def _extract(store, path: Path) -> list[tuple[int, int, str]]:
    """Write the extract; returns the same rows as (customer id, yyyymm, amount)."""
    rnd = random.Random(11)
    with store.read() as session:
        customers = session.execute(select(Customer.id, Customer.cif_no).order_by(Customer.id)).all()
    rows = []
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["cif_no", "month", "avg_daily_aum"])
        for customer_id, cif in customers:
            level = rnd.lognormvariate(11.5, 1.6)  # median about 100,000 CNY
            for year, month in _months(store):
                amount = f"{level * rnd.uniform(0.85, 1.15):.2f}"
                writer.writerow([cif, f"{year}-{month:02d}", amount])
                rows.append((customer_id, year * 100 + month, amount))
    return rows


@contextmanager
def _copy(store, server_url: str | None, tmp_path: Path):
    """A throwaway copy of the cached bench store."""
    url = store.engine.url
    store.engine.dispose()
    if server_url is None:
        path = tmp_path / f"copy-{time.monotonic_ns()}.sqlite3"
        shutil.copyfile(url.database, path)
        copy = open_store(f"sqlite:///{path}")
        try:
            yield copy
        finally:
            copy.engine.dispose()
        return
    name = f"{url.database}_copy"
    with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # copied file by file and checkpointed, so that the run measured next does not pay for
        # writing the copy (the default strategy logs every page of it, a gigabyte of WAL)
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{url.database}" STRATEGY FILE_COPY')
        conn.execute("CHECKPOINT")
    copy = open_store(f"{server_url}/{name}")
    try:
        yield copy
    finally:
        copy.engine.dispose()
        with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _bulk_load(store, rows) -> float:
    connection = store.engine.raw_connection()
    try:
        cursor = connection.cursor()
        start = time.perf_counter()
        if store.engine.dialect.name == "postgresql":
            with cursor.copy("COPY aum_month (customer_id, month, avg_daily_aum) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:  # the engine's connections leave BEGIN to the caller (db/engine.py)
            cursor.execute("BEGIN")
            cursor.executemany("INSERT INTO aum_month (customer_id, month, avg_daily_aum) VALUES (?, ?, ?)", rows)
        connection.commit()
        return time.perf_counter() - start
    finally:
        connection.close()


def _import_and_evaluate(store, server_url: str | None, engine_name: str, tmp_path: Path) -> None:
    extract = tmp_path / "aum.csv"
    rows = _extract(store, extract)
    batch = Actor.batch("bench")
    raws, apps = [], []
    for _ in range(ROUNDS):
        with _copy(store, server_url, tmp_path) as copy:
            raws.append(_bulk_load(copy, rows))
        with _copy(store, server_url, tmp_path) as copy:
            start = time.perf_counter()
            result = import_aum(copy, batch, extract)
            evaluation = evaluate_tiers(copy, batch)
            apps.append(time.perf_counter() - start)
        assert result.rows_changed == len(rows)
        assert evaluation.counts
    app, raw = median(apps), median(raws)
    print(f"\nAUM {engine_name}: runs {', '.join(f'{a:.2f}' for a in apps)} s; "
          f"raw {', '.join(f'{r:.2f}' for r in raws)} s")
    record(f"AUM import + tier evaluation, {data.CUSTOMERS:,} × 3 months, {engine_name}",
           f"median of {ROUNDS}", app, "raw bulk load (" + ("COPY" if server_url else "one executemany")
           + f"), median of {ROUNDS}", raw, f"≤ {BUDGET:.0f} × baseline", app <= BUDGET * raw, unit="s")


def test_aum_import_sqlite(tmp_path):
    _import_and_evaluate(data.sqlite_store(), None, "SQLite", tmp_path)


def test_aum_import_postgresql(pg_server_url, tmp_path):
    _import_and_evaluate(data.pg_store(pg_server_url), pg_server_url, "PostgreSQL", tmp_path)
