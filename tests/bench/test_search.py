"""Customer search on 1,000,000 customers, SQLite and PostgreSQL: p95 ≤ 20 ms (docs/architecture.md).

What a clerk types, drawn from the stored customers themselves: ID tails, phone tails, full
names, name prefixes, pinyin initials and CIF numbers (ID numbers and phones sealed, found by
their blind indexes, tests/bench/data.py), searched by a branch manager of BJ0101
(whose subtree holds about three quarters of the customers), signed in: on PostgreSQL that is
their own login role, under row-level security. The figure is the service call,
:func:`app.customers.search.search_customers`, end to end (scope, every lookup, masking). The
baseline is the floor under it: the same first lookup as one raw indexed SELECT on the
driver's cursor, with no scope, no ORM and no masking.
"""

from __future__ import annotations

import random
import time

from sqlalchemy import select

from app.customers.search import plans_for, search_customers
from db.models import Customer, SealedValue
from tests.bench import data
from tests.bench.conftest import median, percentile, record, settle
from app.auth.signin import sign_in
from app.demo import DEMO_PASSWORD

QUERIES_PER_KIND = 150
BUDGET_MS = 20.0


def _typed(store, rnd: random.Random) -> list[str]:
    """What clerks type, mixed kinds, from customers actually in the store."""
    with store.read() as session:
        top = session.scalar(select(Customer.id).order_by(Customer.id.desc()).limit(1))
        ids = [rnd.randint(1, top) for _ in range(QUERIES_PER_KIND)]
        rows = session.execute(select(Customer.id, Customer.name, Customer.name_initials, Customer.cif_no)
                               .where(Customer.id.in_(ids))).all()
        sealed = {(s.entity_id, s.field): bytes(s.sealed) for s in session.scalars(
            select(SealedValue).where(SealedValue.entity == "customer", SealedValue.entity_id.in_(ids)))}
    typed = []
    for customer_id, name, initials, cif in rows:
        id_number = store.keys.open("customer", "id_number", customer_id, sealed[(customer_id, "id_number")])
        phone = store.keys.open("customer", "phone", customer_id, sealed[(customer_id, "phone")])
        typed += [id_number[-rnd.choice((4, 6)):], phone[-4:], name, name[:2], initials, cif]
    rnd.shuffle(typed)
    return typed


def _raw_sql(plan, dialect: str) -> tuple[str, tuple]:
    column = plan.column.key
    mark = "%s" if dialect == "postgresql" else "?"
    if column == "digest":      # a tail's blind index
        return (f"SELECT c.id, c.name FROM customer_tail t JOIN customer c ON c.id = t.customer_id "
                f"WHERE t.digest = {mark} LIMIT 50", (plan.value,))
    if not plan.prefix:
        return f"SELECT id, name FROM customer WHERE {column} = {mark} LIMIT 50", (plan.value,)
    if dialect == "postgresql":  # the leakproof range, as the service (row-level security)
        return (f"SELECT id, name FROM customer WHERE {column} ~>=~ {mark} AND {column} ~<~ {mark} "
                f"ORDER BY {column} USING ~<~ LIMIT 50", (plan.value, plan.value + "\U0010ffff"))
    return (f"SELECT id, name FROM customer WHERE {column} >= ? AND {column} < ? "
            f"ORDER BY {column} LIMIT 50", (plan.value, plan.value + "\U0010ffff"))


def _search(store, engine_name: str) -> None:
    rnd = random.Random(7)
    settle(store)
    typed = _typed(store, rnd)  # as the store's owner: a manager's login cannot read sealed values
    signed_in = sign_in(store, "manager", DEMO_PASSWORD)
    store, actor = signed_in.store, signed_in.actor
    dialect = store.engine.dialect.name
    for text in typed[:20]:  # warm caches for both
        search_customers(store, actor, text)
    service, raw = [], []
    connection = store.engine.raw_connection()
    try:
        cursor = connection.cursor()
        for text in typed:  # interleaved, so drift in the machine's load hits both alike
            start = time.perf_counter()
            search_customers(store, actor, text)
            service.append((time.perf_counter() - start) * 1000)
            sql, params = _raw_sql(plans_for(text, store.keys)[0], dialect)
            start = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            raw.append((time.perf_counter() - start) * 1000)
        connection.rollback()
    finally:
        connection.close()
    p95 = percentile(service, 95)
    record(f"customer search, {data.CUSTOMERS:,} customers, {engine_name}",
           f"p95 of {len(service)} (median {median(service):.2f})", p95,
           "raw indexed SELECT p95", percentile(raw, 95), f"p95 ≤ {BUDGET_MS:.0f} ms", p95 <= BUDGET_MS)


def test_search_sqlite():
    _search(data.sqlite_store(), "SQLite")


def test_search_postgresql(pg_server_url):
    _search(data.pg_store(pg_server_url), "PostgreSQL")
