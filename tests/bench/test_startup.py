"""Start to login window, against a bare QApplication showing one widget (budget 1.5x)."""

import subprocess
import sys
import time
from pathlib import Path

from tests.bench.conftest import median, record

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("startup_probe.py")
RUNS = 9


def _time(*args) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(PROBE), *args], cwd=ROOT, capture_output=True,
                          timeout=60)
    elapsed = (time.perf_counter() - start) * 1000
    assert done.returncode == 0, done.stderr.decode()
    return elapsed


def test_start_to_login_window(tmp_path):
    from app.demo import build_demo
    from app.opening import open_store

    url = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    build_demo(open_store(url, migrate=True))
    _time("bare"), _time("app", url)  # warm the OS file cache for both
    bare, app = [], []
    for _ in range(RUNS):  # interleaved, so drift in the machine's load hits both alike
        bare.append(_time("bare"))
        app.append(_time("app", url))
    ratio = median(app) / median(bare)
    record("start to login window", "median", median(app), "bare QApplication + widget",
           median(bare), "≤ 1.5 × baseline", ratio <= 1.5)
