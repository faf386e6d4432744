"""App memory with 1,000,000 customers, the customer list scrolled to the end (docs/architecture.md:
≤ 300 MB resident), beside a bare QApplication showing one widget, each in its own process."""

import subprocess
import sys
from pathlib import Path

from tests.bench import data
from tests.bench.conftest import record

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("memory_probe.py")
BUDGET_MB = 300


def _probe(*args) -> tuple[float, int]:
    done = subprocess.run([sys.executable, str(PROBE), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=1800)
    assert done.returncode == 0, done.stderr
    mib, rows = done.stdout.split()[-2:]
    return float(mib), int(rows)


def test_memory_with_the_customer_list_scrolled_to_the_end():
    store = data.sqlite_store()
    url = str(store.engine.url)
    store.engine.dispose()
    bare, _ = _probe("bare")
    app, rows = _probe("customers", url)
    assert rows > data.CUSTOMERS // 2   # BJ0101's subtree: about three quarters of them
    megabytes = app * 1.048576
    record(f"app memory, {data.CUSTOMERS:,} customers, list scrolled to the end ({rows:,} rows)",
           "resident", megabytes, "bare QApplication + widget", bare * 1.048576, f"≤ {BUDGET_MB} MB",
           megabytes <= BUDGET_MB, unit="MB")
