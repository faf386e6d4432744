"""Day-end reconciliation of 100,000 blank-card serials, on SQLite and PostgreSQL (issue 4).

The day before: 100,000 gold serials received into BJ0101's vault and confirmed. The day:
50,000 of them handed to a teller's drawer (confirmed by the teller), 200 issued in serial
order and 5 spoilt. The figure is :func:`app.stock.books.reconcile_day` for that day (every
location, opening + in - out = closing with the serials behind each figure). The baseline is
the floor under it: reading the same register rows (every movement of the branch up to the
day) as one raw SELECT on the driver's cursor. docs/architecture.md sets no budget for this scenario.
"""

from __future__ import annotations

import time
from datetime import timedelta

from app.demo import build_demo
from app.stock import books, moves, views
from app.store import Store
from tests.bench.conftest import median, record
from tests.db.helpers import actor_named

SERIALS = 100_000
RUNS = 5


def _stock_day(store: Store):
    """Fill ``store`` as described above; returns (the day, the custodian)."""
    build_demo(store, customers=0)
    custodian, custodian2, teller = (actor_named(store, name) for name in ("custodian", "custodian2", "teller"))
    today = store.clock()
    before = Store(store.engine, clock=lambda: today - timedelta(days=1), keys=store.keys)
    receipt = moves.receive(before, custodian, card_type="gold", serials=f"A00100001-A{100000 + SERIALS:08d}",
                            count=SERIALS)
    moves.confirm(before, custodian2, receipt.id)
    drawer = dict((name, i) for i, name in views.drawers_of_branch(store, custodian))[teller.display_name]
    transfer = moves.request_transfer(store, custodian, card_type="gold", serials="A00100001-A00150000",
                                      from_location_id=books.vault_id(store, custodian), to_location_id=drawer)
    moves.confirm(store, teller, transfer.id)
    for number in range(100001, 100206):
        serial = f"A{number:08d}"
        if number % 41 == 0:
            moves.spoil(store, teller, card_type="gold", serial=serial, reason="印刷错误")
        else:
            moves.issue_serial(store, teller, card_type="gold", serial=serial)
    return today.date(), custodian


def test_day_end_reconciliation(store):
    day, custodian = _stock_day(store)
    lines = books.reconcile_day(store, custodian, branch_code="BJ0101", business_date=day)
    gold = [line.result for line in lines if line.result.card_type == "gold"]
    assert sum(len(r.closing) for r in gold) == SERIALS - 205 and all(r.balanced for r in gold)
    mark = "%s" if store.engine.dialect.name == "postgresql" else "?"
    sql = ("SELECT business_date, serial, card_type, from_location_id, to_location_id, from_state, to_state "
           f"FROM stock_movement WHERE branch_id = (SELECT id FROM branch WHERE code = {mark}) "
           f"AND business_date <= {mark} ORDER BY id")
    service, raw = [], []
    connection = store.engine.raw_connection()
    try:
        cursor = connection.cursor()
        for _ in range(RUNS):
            start = time.perf_counter()
            books.reconcile_day(store, custodian, branch_code="BJ0101", business_date=day)
            service.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            cursor.execute(sql, ("BJ0101", day))
            rows = cursor.fetchall()
            raw.append((time.perf_counter() - start) * 1000)
        connection.rollback()
    finally:
        connection.close()
    assert len(rows) >= SERIALS
    engine = "PostgreSQL" if store.engine.dialect.name == "postgresql" else "SQLite"
    record(f"day-end reconciliation, {SERIALS:,} serials, {engine}", f"median of {RUNS}", median(service),
           "raw SELECT of the register rows", median(raw), "none set", None)
