"""Where a counter's command spends the server's time: per ticket (call, start and finish, as
the teller's login does them), each store function's calls and self time from
``pg_stat_user_functions``, and the server process's processor time.

    python tools/queue_profile.py                          # a fresh store at head
    python tools/queue_profile.py -r 0045 -r head          # before and after, side by side

Each revision gets a store of its own (made for the run, dropped afterwards); the stores take
turns, a round of tickets each, so that a change in the machine's load falls on all of them.
The processor time is the connected backend's (read from /proc: the server must run on this
machine); it leaves out the client's time and the waits for the disk and for the processors,
which another program's load makes vary, so it is the figure to compare on a busy machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402  (after the path)

from app.queue import calling  # noqa: E402
from app.store import Store  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.migrate import upgrade  # noqa: E402
from tests.bench.test_queue_call_next import _counters, _fill, _teller_url, _warm_up  # noqa: E402
from tests.conftest import keyed  # noqa: E402
from tests.pg_support import create_database, drop_database  # noqa: E402

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432"
STATS = ("SELECT schemaname || '.' || funcname, calls, self_time, total_time FROM pg_stat_user_functions "
         "WHERE calls > 0 ORDER BY self_time DESC")
FLUSH_SECONDS = 1.5  # a backend's statistics reach the shared counters within a second of going idle


@dataclass
class Run:
    """One revision's store, its counter and what was measured there."""

    revision: str
    url: str
    own: Store
    teller: object
    desk: object
    cpu_ms: list[float] = field(default_factory=list)  # per ticket, each round
    wall_ms: list[float] = field(default_factory=list)


def _backend_cpu_ms(url: str, login: str) -> float:
    """Processor time so far of the server processes connected as ``login`` to this store."""
    with psycopg.connect(url, autocommit=True) as conn:
        pids = [r[0] for r in conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                                           " AND usename = %s", (login,))]
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks * 1000 / os.sysconf("SC_CLK_TCK")


def _prepare(server: str, revision: str, tickets: int) -> Run:
    url = create_database(server)
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{url.rsplit("/", 1)[1]}" SET track_functions = \'all\'')
    engine = make_engine(url)
    upgrade(engine, revision)
    from app.demo import build_demo

    store = keyed(engine)
    build_demo(store)
    teller, service, desks = _counters(store, 1, "Q")
    _fill(store, teller.branch_id, service, tickets)
    own = Store(make_engine(_teller_url(store)))
    engine.dispose()  # the owner's statistics leave with its connections
    _warm_up(own, teller, desks)
    return Run(revision, url, own, teller, desks[0])


def _round(run: Run, tickets: int) -> None:
    login = run.own.engine.url.username
    cpu, began = _backend_cpu_ms(run.url, login), time.perf_counter()
    for _n in range(tickets):
        row = calling.call_next(run.own, run.teller, run.desk)
        assert row is not None, "the queue ran out before its tickets were called"
        ticket = calling.start_service(run.own, run.teller, run.desk, row.id).id
        calling.finish_service(run.own, run.teller, run.desk, ticket)
    run.wall_ms.append((time.perf_counter() - began) * 1000 / tickets)
    run.cpu_ms.append((_backend_cpu_ms(run.url, login) - cpu) / tickets)


def _report(run: Run, tickets: int) -> None:
    with psycopg.connect(run.url, autocommit=True) as conn:
        rows = conn.execute(STATS).fetchall()
    print(f"\nrevision {run.revision}, {tickets} tickets (call + start + finish each): server processor "
          f"{statistics.median(run.cpu_ms):.2f} ms/ticket (median of rounds; min {min(run.cpu_ms):.2f}), "
          f"wall {statistics.median(run.wall_ms):.1f} ms/ticket")
    print(f"{'function':48} {'calls':>6} {'self ms':>8} {'total ms':>9}   (per ticket)")
    for function, calls, self_time, total_time in rows:
        print(f"{function:48} {calls / tickets:6.1f} {self_time / tickets:8.3f} {total_time / tickets:9.3f}")
    print(f"{'all functions, self':48} {'':6} {sum(r[2] for r in rows) / tickets:8.3f}")


def profile(server: str, revisions: list[str], per_round: int, rounds: int) -> None:
    runs = []
    try:
        for revision in revisions:
            runs.append(_prepare(server, revision, per_round * rounds))
        time.sleep(FLUSH_SECONDS)
        for run in runs:
            with psycopg.connect(run.url, autocommit=True) as conn:
                conn.execute("SELECT pg_stat_reset()")
        for _round_number in range(rounds):
            for run in runs:
                _round(run, per_round)
        for run in runs:
            run.own.engine.dispose()
        time.sleep(FLUSH_SECONDS)
        for run in runs:
            _report(run, per_round * rounds)
    finally:
        for run in runs:
            run.own.engine.dispose()
            drop_database(server, run.url.rsplit("/", 1)[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--revision", action="append", help="a store at this revision (repeat to compare;"
                        " default head)")
    parser.add_argument("-n", "--tickets", type=int, default=50, help="tickets per round and store")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args(argv)
    profile(os.environ.get("VIPDESK_TEST_PG_URL", PG_DEFAULT).rstrip("/"), args.revision or ["head"],
            args.tickets, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
