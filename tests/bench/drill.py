"""The many-counters drill: N simulated counter clients against one PostgreSQL store.

    python -m tests.bench.drill --clients 10 --seconds 60 [--server URL | --private-server N] [--json FILE]

Each client is a separate process that signs in as its own teller (so it connects as that
person's PostgreSQL login role, under row-level security, with its own connection), signs in
at a counter of its own and, until the time is up, does what a counter does all day: calls the
next ticket and serves it, looks customers up by the tail of a phone number, and issues VIP
cards for approved applications from its own drawer in serial order. One more process, the
lobby manager, hands out tickets all the while. The report gives, per operation, how many were
done, the throughput and the latency percentiles; then the books are checked: no ticket called
twice, none lost, no serial issued twice, every card a client issued is in the register, the
day's stock reconciles at every location, and the audit chain is intact. The exit status is
non-zero when a check fails. The store is a fresh database, dropped at the end (``--keep``).

``--private-server N`` runs the drill on a throw-away server of its own started with
``max_connections = N`` (PostgreSQL's server binaries must be installed; the test server's
default of 100 connections cannot hold 200 counters). Clients are forked from a process that
has already imported the program, so hundreds of them start quickly and share its memory.
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
CARDS_PER_CLIENT = 200        # blank cards in each drawer
APPLICATIONS_PER_CLIENT = 5   # approved card applications waiting for each counter
CUSTOMERS = 20_000
# what a counter does, by share of its actions ("finish" follows every successful "call")
OPERATIONS = {"call": 0.45, "search": 0.4, "issue card": 0.15}
REPORTED = ("ticket", "call", "finish", "search", "issue card")
LOBBY = -1                    # the client number of the lobby manager's process
# what every client imports, loaded once in the fork server instead of in each client
PRELOAD = ("app.auth.signin", "app.opening", "app.queue.calling", "app.queue.tickets",
           "app.cards.issue", "app.customers.search", "tests.db.carddata")


@dataclass
class ClientResult:
    client: int
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    issued: list[str] = field(default_factory=list)      # serials of the cards it issued
    tickets: list[int] = field(default_factory=list)     # tickets it called (or, lobby: issued)


@dataclass
class Report:
    clients: int
    seconds: float
    operations: list[dict]
    checks: dict[str, bool]
    notes: list[str]
    waits: dict[str, float] = field(default_factory=dict)   # backends in each wait, on average

    @property
    def passed(self) -> bool:
        return all(self.checks.values())


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))]


# -- set-up --------------------------------------------------------------------------------

def prepare(url: str, clients: int, customers: int = CUSTOMERS,
            applications: int = APPLICATIONS_PER_CLIENT) -> None:
    """A demo store with ``clients`` extra tellers at BJ0101, each with a counter of their own
    (serving every service), a drawer of gold cards and approved applications waiting."""
    from sqlalchemy import select

    from app.actor import Actor
    from app.auth.accounts import insert_account
    from app.auth.credentials import credentials_for
    from app.auth.permissions import Role
    from app.demo import DEMO_PASSWORD, build_demo
    from app.opening import open_store
    from app.queue import setup
    from app.stock import books, moves, views
    from db.models import Branch, QueueService
    from tests.db.carddata import approved
    from tests.db.helpers import actor_named
    from tests.db.tierdata import add_customers

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
    manager = actor_named(store, "manager")
    with store.read() as session:
        branch_id = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
        services = list(session.scalars(select(QueueService.id).where(QueueService.branch_id == branch_id)))
    for n in range(clients):
        setup.add_counter(store, manager, number=f"D{n:03d}", name=f"演练{n:03d}号窗口",
                          service_ids=services, branch_id=branch_id)
    cifs = [f"DRILL{n:03d}{k:04d}" for n in range(clients) for k in range(applications)]
    for _cif, customer_id in add_customers(store, "BJ0101", cifs, tier="gold").items():
        approved(store, customer_id)
    store.engine.dispose()


def _serial(client: int, n: int) -> str:
    return f"A{10_000_000 + client * CARDS_PER_CLIENT + n:08d}"


# -- one counter ---------------------------------------------------------------------------

def counter(url: str, client: int, seconds: float, ready, go, start_at, results) -> None:
    """One client (a process of its own): sign in, wait for the others, then work until the
    time is up; client :data:`LOBBY` is the lobby manager handing out tickets."""
    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from app.opening import open_store

    result = ClientResult(client, {name: [] for name in REPORTED})
    try:
        username = "lobby" if client == LOBBY else f"drill{client:03d}"
        signed_in = sign_in(open_store(url), username, DEMO_PASSWORD)
        work = (_lobby if client == LOBBY else _counter)(signed_in.store, signed_in.actor, client, result)
    except Exception as error:  # a client that cannot start is reported, not hung
        result.errors[f"sign-in: {type(error).__name__}: {str(error)[:400]}"] = 1
        ready.put(client)
        results.put(asdict(result))
        return
    ready.put(client)
    go.wait()
    deadline = start_at.value + seconds
    while time.time() < start_at.value:
        time.sleep(0.001)
    while time.time() < deadline:
        work()
    signed_in.store.engine.dispose()
    results.put(asdict(result))


def _timed(result: ClientResult, operation: str, action):
    """Run ``action``, keeping its latency, or count its failure by kind; returns its value."""
    began = time.perf_counter()
    try:
        value = action()
    except Exception as error:  # counted and reported, the drill goes on
        key = f"{operation}: {type(error).__name__}"
        result.errors[key] = result.errors.get(key, 0) + 1
        return None
    result.latencies[operation].append((time.perf_counter() - began) * 1000)
    return value


def _lobby(store, actor, client: int, result: ClientResult):
    """The lobby manager's work: one anonymous ticket at a time, for any service."""
    from sqlalchemy import select

    from app.queue.tickets import issue_ticket
    from db.models import QueueService

    with store.read() as session:
        services = list(session.scalars(select(QueueService.id).where(QueueService.branch_id == actor.branch_id)))
    rnd = random.Random(client)

    def work() -> None:
        ticket = _timed(result, "ticket", lambda: issue_ticket(store, actor, service_id=rnd.choice(services)))
        if ticket is not None:
            result.tickets.append(ticket.id)
        time.sleep(0.02)   # a person at the lobby desk, not a loop
    return work


def _counter(store, actor, client: int, result: ClientResult):
    """A teller's work at their own counter: call and serve, look up, issue a card."""
    from sqlalchemy import select

    from app.cards.issue import issue_card
    from app.customers.search import search_customers
    from app.queue.calling import Desk, call_next, finish_service, sign_in_counter, start_service
    from db.models import CardApplication, Customer, QueueCounter
    from tests.db.carddata import card_number

    with store.read() as session:
        counter_id = session.scalar(select(QueueCounter.id).where(QueueCounter.number == f"D{client:03d}"))
        waiting = list(session.scalars(select(CardApplication.id).join(Customer, Customer.id == CardApplication.customer_id)
                                       .where(Customer.cif_no.like(f"DRILL{client:03d}%"),
                                              CardApplication.status == "approved").order_by(CardApplication.id)))
    desk = Desk(counter_id, f"DRILL-PC-{client:03d}")
    sign_in_counter(store, actor, counter_id, desk.pc)
    rnd = random.Random(client)
    names, weights = list(OPERATIONS), list(OPERATIONS.values())
    state = {"serial": 0}

    def serve() -> None:
        ticket = _timed(result, "call", lambda: call_next(store, actor, desk))
        if ticket is not None:
            result.tickets.append(ticket.id)
            _timed(result, "finish", lambda: (start_service(store, actor, desk, ticket.id),
                                               finish_service(store, actor, desk, ticket.id)))

    def give_card() -> None:
        if not waiting or state["serial"] >= CARDS_PER_CLIENT:
            return
        serial = _serial(client, state["serial"])
        number = card_number(n=client * 100_000 + state["serial"])
        if _timed(result, "issue card", lambda: issue_card(store, actor, waiting[0], serial=serial,
                                                            card_number=number)) is not None:
            waiting.pop(0)
            state["serial"] += 1
            result.issued.append(serial)

    def work() -> None:
        operation = rnd.choices(names, weights)[0]
        if operation == "call":
            serve()
        elif operation == "search":
            _timed(result, "search", lambda: search_customers(store, actor, f"{rnd.randrange(10_000):04d}"))
        else:
            give_card()
    return work


# -- the books -----------------------------------------------------------------------------

def check_books(url: str, results: list[dict]) -> dict[str, bool]:
    from sqlalchemy import func, select

    from app.actor import Actor
    from app.audit.trail import verify_chain
    from app.opening import open_store
    from app.stock import books
    from db.models import QueueTicket, StockMovement

    store = open_store(url)
    claimed = [serial for r in results for serial in r["issued"]]
    called = [ticket for r in results if r["client"] != LOBBY for ticket in r["tickets"]]
    handed_out = [ticket for r in results if r["client"] == LOBBY for ticket in r["tickets"]]
    with store.read() as session:
        states = dict(session.execute(select(QueueTicket.id, QueueTicket.state)).all())
    with store.read() as session:
        issued = session.execute(select(StockMovement.serial, func.count()).where(
            StockMovement.to_state == "issued", StockMovement.card_type == "gold")
            .group_by(StockMovement.serial)).all()   # the demo issues no gold cards
    twice = [serial for serial, count in issued if count > 1]
    lines = books.reconcile_day(store, Actor.batch("drill"), branch_code="BJ0101",
                                business_date=store.today())
    checks = {
        "no ticket called twice": len(called) == len(set(called)),
        "no ticket lost (every one handed out is still there; every one called was served)":
            all(t in states for t in handed_out) and all(states.get(t) == "done" for t in called),
        "no serial issued twice": not twice,
        "every card a client issued is in the register": {s for s, _ in issued} == set(claimed),
        "stock reconciles at every location": all(line.result.balanced for line in lines),
        "audit chain intact": verify_chain(store).intact,
    }
    store.engine.dispose()
    return checks


def run(clients: int, seconds: float, server: str = SERVER, keep: bool = False,
        customers: int = CUSTOMERS, applications: int = APPLICATIONS_PER_CLIENT) -> Report:
    """Prepare a fresh store, run the clients, check the books; the store is dropped after."""
    import psycopg

    name = f"vipdesk_drill_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{server}/{name}"
    try:
        prepare(url, clients, customers, applications)
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(PRELOAD))
        queue, ready, go, start_at = context.Queue(), context.Queue(), context.Event(), context.Value("d", 0.0)
        processes = [context.Process(target=counter, args=(url, n, seconds, ready, go, start_at, queue))
                     for n in (LOBBY, *range(clients))]
        for process in processes:
            process.start()
        for _ in processes:  # the clock starts once every client has signed in
            ready.get(timeout=600)
        start_at.value = time.time() + 0.2
        go.set()
        waits = sample_waits(url, start_at.value, seconds)
        results = [queue.get(timeout=seconds + 600) for _ in processes]
        for process in processes:
            process.join()
        operations = []
        for operation in REPORTED:
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
        return Report(clients, seconds, operations, check_books(url, results), notes, waits)
    finally:
        if not keep:
            from tests.pg_support import store_role_names

            with psycopg.connect(server + "/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                for role in store_role_names(conn, name):
                    conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def sample_waits(url: str, start: float, seconds: float, every: float = 0.25) -> dict[str, float]:
    """What the store's busy server processes were doing while the clients worked: sampled
    from ``pg_stat_activity``, the average number of them in each wait ("CPU" when running or
    runnable, "Lock: advisory" when queued for the audit chain, "Client: ClientRead" when
    waiting for their client process to send the next statement, and so on; a lock wait names
    the start of the statement that waits)."""
    import psycopg

    totals: dict[str, float] = {}
    samples = 0
    with psycopg.connect(url, autocommit=True) as conn:
        while time.time() < start:
            time.sleep(0.01)
        while time.time() < start + seconds:
            for kind, event, statement, count in conn.execute(
                    "SELECT wait_event_type, wait_event, CASE WHEN wait_event_type = 'Lock' "
                    "THEN left(regexp_replace(query, '\\s+', ' ', 'g'), 70) END, count(*) "
                    "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND state IN ('active', 'idle in transaction') GROUP BY 1, 2, 3"):
                key = f"{kind}: {event}" if kind else "CPU"
                if statement:
                    key += f" — {statement}"
                totals[key] = totals.get(key, 0) + count
            samples += 1
            time.sleep(every)
    return {key: total / samples for key, total in sorted(totals.items(), key=lambda kv: -kv[1])} if samples else {}


def format_report(report: Report) -> str:
    lines = [f"Many-counters drill: {report.clients} clients for {report.seconds:.0f} s "
             f"({os.cpu_count()} cores)", "",
             "| operation | done | per second | median ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|"]
    lines += [f"| {o['operation']} | {o['count']} | {o['per_second']:.1f} | {o['median_ms']:.1f} "
              f"| {o['p95_ms']:.1f} | {o['p99_ms']:.1f} |" for o in report.operations]
    lines += ["", *[f"- {name}: {'yes' if ok else 'NO'}" for name, ok in report.checks.items()]]
    lines += [f"- failed operations: {note}" for note in report.notes]
    if report.waits:
        lines += ["", "Server processes of the store during the run (average number, by what they waited for):"]
        lines += [f"- {key}: {count:.1f}" for key, count in report.waits.items() if count >= 0.05]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.drill", description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--server", default=SERVER, help="PostgreSQL server URL (no database)")
    where.add_argument("--private-server", type=int, metavar="MAX_CONNECTIONS",
                       help="start a throw-away server with this many connection slots and use it")
    parser.add_argument("--json", metavar="FILE", help="also write the report as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the drill's database")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.seconds <= 0:
        parser.error("--clients and --seconds must be positive")
    if args.private_server is not None and args.private_server <= args.clients + 5:
        parser.error("--private-server needs more connection slots than clients (at least --clients + 6)")
    if args.private_server:
        from tests.pg_support import scram_cluster

        with scram_cluster(max_connections=args.private_server) as cluster:
            report = run(args.clients, args.seconds, cluster.url, args.keep)
    else:
        report = run(args.clients, args.seconds, args.server, args.keep)
    print(format_report(report))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(asdict(report) | {"passed": report.passed}, out, indent=2, ensure_ascii=False)
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
