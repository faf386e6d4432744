"""The many-counters drill: N simulated counter clients against one PostgreSQL store.

    python -m tests.bench.drill --clients 10 --seconds 60 [--server URL] [--json FILE]

Each client is a separate process that signs in as its own teller (so it connects as that
person's PostgreSQL login role, under row-level security, with its own connection) and, until
the time is up, does what a counter does all day: looks customers up by the tail of a phone
number and issues blank cards from its own drawer in serial order. The report gives, per
operation, how many were done, the throughput and the latency percentiles; then the books are
checked: no serial issued twice, every issue a client counted is in the register, the day's
stock reconciles at every location, and the audit chain is intact. The exit status is non-zero
when a check fails. The store is a fresh database, dropped at the end (``--keep`` keeps it).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field

SERVER = os.environ.get("VIPDESK_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432").rstrip("/")
CARDS_PER_CLIENT = 5_000
CUSTOMERS = 20_000
OPERATIONS = {"search": 0.7, "issue": 0.3}   # what a counter does, by share of its actions


@dataclass
class ClientResult:
    client: int
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    issued: list[str] = field(default_factory=list)


@dataclass
class Report:
    clients: int
    seconds: float
    operations: list[dict]
    checks: dict[str, bool]
    notes: list[str]

    @property
    def passed(self) -> bool:
        return all(self.checks.values())


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))]


# -- set-up --------------------------------------------------------------------------------

def prepare(url: str, clients: int, customers: int = CUSTOMERS) -> None:
    """A demo store with ``clients`` extra tellers at BJ0101, each with a drawer of gold cards."""
    from sqlalchemy import select

    from app.actor import Actor
    from app.auth.accounts import insert_account
    from app.auth.credentials import credentials_for
    from app.auth.permissions import Role
    from app.demo import DEMO_PASSWORD, build_demo
    from app.opening import open_store
    from app.stock import books, moves, views
    from db.models import Branch
    from tests.db.helpers import actor_named

    store = open_store(url, migrate=True)
    build_demo(store, customers=customers)
    credentials = credentials_for(store)
    with store.write(Actor.batch("drill")) as uow:
        branch = uow.session.scalar(select(Branch).where(Branch.code == "BJ0101"))
        for n in range(clients):
            insert_account(uow, credentials, username=f"drill{n:03d}", display_name=f"柜员 {n:03d}号",
                           branch=branch, roles=[Role.COUNTER_STAFF], password=DEMO_PASSWORD,
                           must_change_password=False)
    custodian, custodian2 = actor_named(store, "custodian"), actor_named(store, "custodian2")
    first, last = _serial(0, 0), _serial(clients - 1, CARDS_PER_CLIENT - 1)
    receipt = moves.receive(store, custodian, card_type="gold", serials=f"{first}-{last}",
                            count=clients * CARDS_PER_CLIENT)
    moves.confirm(store, custodian2, receipt.id)
    vault = books.vault_id(store, custodian)
    drawers = dict((name, i) for i, name in views.drawers_of_branch(store, custodian))
    for n in range(clients):
        teller = actor_named(store, f"drill{n:03d}")
        transfer = moves.request_transfer(
            store, custodian, card_type="gold", serials=f"{_serial(n, 0)}-{_serial(n, CARDS_PER_CLIENT - 1)}",
            from_location_id=vault, to_location_id=drawers[teller.display_name])
        moves.confirm(store, teller, transfer.id)
    store.engine.dispose()


def _serial(client: int, n: int) -> str:
    return f"A{10_000_000 + client * CARDS_PER_CLIENT + n:08d}"


# -- one counter ---------------------------------------------------------------------------

def counter(url: str, client: int, seconds: float, ready, go, start_at, results) -> None:
    """One counter client (a process of its own): sign in, wait for the others, then work until
    the time is up."""
    from app.auth.signin import sign_in
    from app.customers.search import search_customers
    from app.demo import DEMO_PASSWORD
    from app.opening import open_store
    from app.stock import moves

    rnd = random.Random(client)
    result = ClientResult(client, {name: [] for name in OPERATIONS})
    try:
        signed_in = sign_in(open_store(url), f"drill{client:03d}", DEMO_PASSWORD)
    except Exception as error:  # noqa: BLE001 - a client that cannot sign in is reported, not hung
        result.errors[f"sign-in: {type(error).__name__}: {str(error)[:120]}"] = 1
        ready.put(client)
        results.put(asdict(result))
        return
    store, actor = signed_in.store, signed_in.actor
    next_card = 0
    names, weights = list(OPERATIONS), list(OPERATIONS.values())
    ready.put(client)
    go.wait()
    deadline = start_at.value + seconds
    while time.time() < start_at.value:
        time.sleep(0.001)
    while time.time() < deadline:
        operation = rnd.choices(names, weights)[0]
        began = time.perf_counter()
        try:
            if operation == "search":
                search_customers(store, actor, f"{rnd.randrange(10_000):04d}")
            elif next_card < CARDS_PER_CLIENT:
                serial = _serial(client, next_card)
                moves.issue_serial(store, actor, card_type="gold", serial=serial)
                next_card += 1
                result.issued.append(serial)
            else:
                continue
        except Exception as error:  # noqa: BLE001 - counted and reported, the drill goes on
            result.errors[f"{operation}: {type(error).__name__}"] = \
                result.errors.get(f"{operation}: {type(error).__name__}", 0) + 1
            continue
        result.latencies[operation].append((time.perf_counter() - began) * 1000)
    store.engine.dispose()
    results.put(asdict(result))


# -- the books -----------------------------------------------------------------------------

def check_books(url: str, results: list[dict]) -> dict[str, bool]:
    from sqlalchemy import func, select

    from app.actor import Actor
    from app.audit.trail import verify_chain
    from app.opening import open_store
    from app.stock import books
    from db.models import StockMovement

    store = open_store(url)
    claimed = [serial for r in results for serial in r["issued"]]
    with store.read() as session:
        issued = session.execute(select(StockMovement.serial, func.count()).where(
            StockMovement.to_state == "issued", StockMovement.card_type == "gold")
            .group_by(StockMovement.serial)).all()   # the demo issues no gold cards
    twice = [serial for serial, count in issued if count > 1]
    lines = books.reconcile_day(store, Actor.batch("drill"), branch_code="BJ0101",
                                business_date=store.clock().date())
    checks = {
        "no serial issued twice": not twice,
        "every issue a client counted is in the register": {s for s, _ in issued} == set(claimed),
        "stock reconciles at every location": all(line.result.balanced for line in lines),
        "audit chain intact": verify_chain(store).intact,
    }
    store.engine.dispose()
    return checks


def run(clients: int, seconds: float, server: str = SERVER, keep: bool = False,
        customers: int = CUSTOMERS) -> Report:
    """Prepare a fresh store, run the clients, check the books; the store is dropped after."""
    import psycopg

    name = f"vipdesk_drill_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{server}/{name}"
    try:
        prepare(url, clients, customers)
        context = multiprocessing.get_context("spawn")
        queue, ready, go, start_at = context.Queue(), context.Queue(), context.Event(), context.Value("d", 0.0)
        processes = [context.Process(target=counter, args=(url, n, seconds, ready, go, start_at, queue))
                     for n in range(clients)]
        for process in processes:
            process.start()
        for _ in processes:  # the clock starts once every client has signed in
            ready.get(timeout=600)
        start_at.value = time.time() + 0.2
        go.set()
        results = [queue.get(timeout=seconds + 600) for _ in processes]
        for process in processes:
            process.join()
        operations = []
        for operation in OPERATIONS:
            samples = [ms for r in results for ms in r["latencies"][operation]]
            if samples:
                operations.append({
                    "operation": operation, "count": len(samples), "per_second": len(samples) / seconds,
                    "median_ms": statistics.median(samples), "p95_ms": _percentile(samples, 95),
                    "p99_ms": _percentile(samples, 99)})
        errors = {}
        for r in results:
            for key, count in r["errors"].items():
                errors[key] = errors.get(key, 0) + count
        notes = [f"{key}: {count}" for key, count in sorted(errors.items())]
        return Report(clients, seconds, operations, check_books(url, results), notes)
    finally:
        if not keep:
            from tests.pg_support import store_role_names

            with psycopg.connect(server + "/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                for role in store_role_names(conn, name):
                    conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def format_report(report: Report) -> str:
    lines = [f"Many-counters drill: {report.clients} clients for {report.seconds:.0f} s "
             f"({os.cpu_count()} cores)", "",
             "| operation | done | per second | median ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|"]
    lines += [f"| {o['operation']} | {o['count']} | {o['per_second']:.1f} | {o['median_ms']:.1f} "
              f"| {o['p95_ms']:.1f} | {o['p99_ms']:.1f} |" for o in report.operations]
    lines += ["", *[f"- {name}: {'yes' if ok else 'NO'}" for name, ok in report.checks.items()]]
    lines += [f"- failed operations: {note}" for note in report.notes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.drill", description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--server", default=SERVER, help="PostgreSQL server URL (no database)")
    parser.add_argument("--json", metavar="FILE", help="also write the report as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the drill's database")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.seconds <= 0:
        parser.error("--clients and --seconds must be positive")
    report = run(args.clients, args.seconds, args.server, args.keep)
    print(format_report(report))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(asdict(report) | {"passed": report.passed}, out, indent=2, ensure_ascii=False)
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
