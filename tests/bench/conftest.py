"""The bench suite: docs/architecture.md's budget scenarios, each beside its baseline measured in the same run.

Run with ``pytest -m bench tests/bench -s`` (add ``--bench-json FILE`` to keep the table for
comparing runs). Everything here is marked ``bench`` and stays out of the default run. Each
scenario calls :func:`record` with its figure, its baseline and the budget; at the end one table
is printed with the ratio against the baseline.
"""

from __future__ import annotations

import json
import platform
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

RESULTS: list["BenchResult"] = []


@dataclass
class BenchResult:
    scenario: str
    figure: str
    value: float
    baseline_name: str
    baseline: float
    budget: str
    within: bool | None  # None: docs/architecture.md sets no budget
    unit: str = "ms"

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")


def percentile(samples: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``samples``."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def settle(store) -> None:
    """Before a PostgreSQL measurement: write out the server's dirty pages (``CHECKPOINT``), so
    that the writes of the bench before it do not land in this one's timings. Measured: the
    search's p95 21.0 ms right after the call-next bench, 8.3 and 8.7 ms with this first."""
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect() as conn:
            conn.exec_driver_sql("CHECKPOINT")


def record(scenario: str, figure: str, value: float, baseline_name: str, baseline: float,
           budget: str, within: bool | None, unit: str = "ms") -> None:
    """Add one row to the table printed at the end of the run."""
    RESULTS.append(BenchResult(scenario, figure, value, baseline_name, baseline, budget, within, unit))


def pytest_addoption(parser):
    parser.addoption("--bench-json", metavar="FILE", help="also write the bench table as JSON")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.bench)


def machine() -> str:
    import os

    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def pytest_terminal_summary(terminalreporter, config):
    if not RESULTS:
        return
    write = terminalreporter.write_line
    write("")
    write(f"Bench table ({machine()})")
    header = "| scenario | figure | baseline | ratio | budget | within |"
    write(header)
    write("|---|---|---|---|---|---|")
    for r in RESULTS:
        write(f"| {r.scenario} | {r.figure}: {r.value:.2f} {r.unit} | {r.baseline_name}: {r.baseline:.2f} {r.unit} "
              f"| {r.ratio:.2f} | {r.budget} | {'—' if r.within is None else 'yes' if r.within else 'NO'} |")
    out = config.getoption("--bench-json")
    if out:
        Path(out).write_text(json.dumps({"machine": machine(), "results": [asdict(r) | {"ratio": r.ratio} for r in RESULTS]},
                                        indent=2, ensure_ascii=False))
