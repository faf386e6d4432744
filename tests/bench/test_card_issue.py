"""Issue a card at the counter on PostgreSQL: the whole transaction (application claimed, serial
taken from the drawer, card written, agreement and letter recorded, audit chained) against a
bare single-row INSERT + COMMIT on the same engine, measured interleaved in the same run.
The card is issued as the product issues it: connected as the teller's own login role, under
row-level security and the database's checks of every write (migration 0023 on).
Budget (docs/architecture.md): p95 ≤ 30 ms."""

from __future__ import annotations

import time

from sqlalchemy import text

from app.auth.signin import sign_in
from app.cards import issue
from app.demo import DEMO_PASSWORD
from tests.bench.conftest import median, percentile, record, settle
from tests.db.carddata import approved, card_number, light_demo, stock_drawer
from tests.db.tierdata import add_customers

ISSUES = 60
WARM_UP = 5


def test_issue_a_card_on_postgresql(pg_store):
    store = light_demo(pg_store)
    count = ISSUES + WARM_UP
    stock_drawer(store, "teller", f"A00001000-A{1000 + count - 1:08d}")
    cifs = [f"BENCHC{i:04d}" for i in range(count)]
    ids = add_customers(store, "BJ010101", cifs, tier="gold")
    applications = [approved(store, ids[c]) for c in cifs]
    signed_in = sign_in(store, "teller", DEMO_PASSWORD)
    counter, teller = signed_in.store, signed_in.actor
    with store.engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_probe (id serial PRIMARY KEY, value integer NOT NULL)"))

    def bare() -> float:
        start = time.perf_counter()
        with store.engine.begin() as conn:
            conn.execute(text("INSERT INTO bench_probe (value) VALUES (1)"))
        return (time.perf_counter() - start) * 1000

    def one(i: int) -> float:
        start = time.perf_counter()
        issue.issue_card(counter, teller, applications[i], serial=f"A{1000 + i:08d}", card_number=card_number())
        return (time.perf_counter() - start) * 1000

    settle(store)
    for i in range(WARM_UP):
        one(i), bare()
    issued, baseline = [], []
    for i in range(WARM_UP, count):   # interleaved, so drift in the machine's load hits both alike
        issued.append(one(i))
        baseline.append(bare())
    p95 = percentile(issued, 95)
    counter.engine.dispose()
    record("issue a card (PostgreSQL, teller's login)", "median", median(issued), "single-row INSERT + COMMIT, median",
           median(baseline), "p95 ≤ 30 ms", p95 <= 30)
    record("issue a card (PostgreSQL, teller's login)", "p95", p95, "single-row INSERT + COMMIT, p95",
           percentile(baseline, 95), "p95 ≤ 30 ms", p95 <= 30)
