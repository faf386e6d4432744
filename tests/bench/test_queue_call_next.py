"""Call next ticket (docs/architecture.md budgets): 8 and 30 counter processes at once on PostgreSQL, 4 on
SQLite, and an open loop at a bank's peak rate; each beside the raw claim run the same way in
the same run.

Closed loop (saturation): every counter process calls as fast as it can for
:data:`RUN_SECONDS`, serving each ticket it wins (start, finish; untimed), while the lobby keeps
:data:`LINE` tickets waiting. Three runs of the same length at the same length of line: *after*,
the product's path (on PostgreSQL one statement, migration 0033); *before*, the program's unit
of work that was the path until then (still SQLite's); and the raw ``UPDATE … WHERE id =
(SELECT … FOR UPDATE SKIP LOCKED) RETURNING`` loop (the floor: no checks, no audit, no ORM),
each ticket then marked serving and done by one statement each, as the product starts and
finishes it. (Runs that drain a fixed set of tickets instead made the fast raw loop's runs a
third as long as the product's, so that the start and the end of a run weighed on the two
differently.) Counter processes connect as the teller's own login role, as the product does
(row-level security and the queue's guards apply). Before the run each counter process is
where a counter is in the middle of its day: it has called, started and finished
:data:`WARM_CALLS` tickets sent to it (not counted), so that the server has settled the plans
of the statements it runs (a session plans each one anew for its first five runs) and the
driver has prepared its own; the raw loop runs its statements as often first, finding nothing.
The figure is then the hot path's, not the first few calls' of a new connection.

Open loop: 200 counters, calls arriving at 20 a second (Poisson) and tickets at the same rate
on top of a waiting line, for 30 s; the figure is each call's latency from the moment it was
due (a late start counts), not the throughput at saturation.

Every run is checked: no ticket called twice, none lost (closed loop: every ticket that left the
line was won by one counter and ended done).
"""

from __future__ import annotations

import multiprocessing
import random
import sqlite3
import time
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import func, insert, select, text, update

from app.demo import DEMO_PASSWORD
from app.queue import calling, setup
from app.queue.announce import announcer_of
from app.queue.calling import Desk
from app.queue.common import today_of
from app.errors import UserError
from app.store import Store, utcnow
from db.engine import make_engine
from db.models import QueueTicket
from tests.bench.conftest import median, percentile, record, settle
from tests.db.helpers import actor_named

LINE = {4: 50, 8: 80, 30: 150}   # waiting tickets the lobby keeps in the line, closed loop
RUN_SECONDS = 4.0                # each closed-loop run, the same for every path
ROUNDS = 2
WARM_CALLS = 6  # calls a counter makes before the run: past the store's first plans of each statement (five)
OPEN_COUNTERS, OPEN_RATE, OPEN_SECONDS, OPEN_WORKERS, OPEN_BACKLOG = 200, 20.0, 30.0, 20, 200
CLAIM_PG = ("UPDATE queue_ticket SET state = 'called', counter_id = %s, called_at = now() "
            "WHERE id = (SELECT id FROM queue_ticket WHERE branch_id = %s AND service_id = %s "
            "AND state = 'waiting' ORDER BY priority DESC, queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
            "AND state = 'waiting' RETURNING id")
CLAIM_SQLITE = CLAIM_PG.replace("%s", "?").replace(" FOR UPDATE SKIP LOCKED", "").replace(
    "called_at = now()", "called_at = CURRENT_TIMESTAMP")


# -- the store: a service, counters signed in, waiting tickets ------------------------------------

def _counters(store, count: int, prefix: str) -> tuple[object, int, list[Desk]]:
    manager, teller = actor_named(store, "manager"), actor_named(store, "teller")
    service = setup.add_service(store, manager, prefix=prefix, name="压力测试")
    desks = []
    for n in range(count):
        counter = setup.add_counter(store, manager, number=f"{prefix}{n:03d}", name=f"压测{n}", service_ids=[service])
        calling.sign_in_counter(store, teller, counter, f"BENCH-{n}")
        desks.append(Desk(counter, f"BENCH-{n}"))
    return teller, service, desks


def _fill(store, branch_id: int, service_id: int, count: int, target: int | None = None) -> list[int]:
    """``count`` waiting tickets across tiers, written in one statement; the ids of the service's
    waiting tickets. With ``target``: sent to that counter, at the front (its warm-up's own)."""
    now = store.clock()
    with store.read() as session:
        _policy, day = today_of(session, branch_id, now)
        start = (session.scalar(select(QueueTicket.seq).where(QueueTicket.service_id == service_id)
                                .order_by(QueueTicket.seq.desc()).limit(1)) or 0) + 1
    rows = [dict(branch_id=branch_id, service_id=service_id, business_date=day, seq=start + n,
                 number=f"B{start + n:04d}", tier="ordinary", priority=n % 4, state="waiting",
                 issued_at=now - timedelta(seconds=count - n), issued_by_name="bench",
                 queued_at=now - timedelta(seconds=count - n), deadline_at=now + timedelta(hours=2),
                 front=target is not None, target_counter_id=target, recalls=0, clerk_name="", customer_label="",
                 note="") for n in range(count)]
    if rows:
        with store.engine.begin() as conn:
            conn.execute(insert(QueueTicket), rows)
    with store.read() as session:
        return list(session.scalars(select(QueueTicket.id).where(
            QueueTicket.service_id == service_id, QueueTicket.state == "waiting")))


def _teller_url(store) -> str:
    with store.engine.connect() as conn:
        login = conn.execute(text("SELECT vipdesk_role_prefix()")).scalar_one() + "teller"
    return store.engine.url.set(username=login, password=DEMO_PASSWORD).render_as_string(hide_password=False)


def _race(worker, args: list[tuple]) -> tuple[list[float], list[list[int]]]:
    """Run ``worker(*args[i], barrier, results)`` in one process each, all released at once;
    gather each one's call times and the tickets it won."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(len(args)), context.Queue()
    processes = [context.Process(target=worker, args=(*a, barrier, results)) for a in args]
    for process in processes:
        process.start()
    gathered = [results.get(timeout=1800) for _ in processes]
    for process in processes:
        process.join(60)
    errors = [g for g in gathered if isinstance(g, str)]
    assert not errors, errors[:3]
    return [t for times, _won in gathered for t in times], [won for _times, won in gathered]


def _check(expected: list[int] | None, won: list[list[int]]) -> tuple[int, int]:
    flat = [i for w in won for i in w]
    duplicates = len(flat) - len(set(flat))
    lost = len(set(expected) - set(flat)) if expected is not None else 0
    return duplicates, lost


# -- the workers (one process = one counter PC) ---------------------------------------------------

def _paths(path: str):
    """The call and the steps of the product (``after``) or of the unit of work (``before``)."""
    if path == "after":
        return (calling.call_next, lambda s, a, d, t: calling.start_service(s, a, d, t),
                lambda s, a, d, t: calling.finish_service(s, a, d, t))
    return (calling.call_next_unit_of_work,
            lambda s, a, d, t: calling.act_unit_of_work(s, a, d, t, "start"),
            lambda s, a, d, t: calling.act_unit_of_work(s, a, d, t, "finish"))


def _warm_up(store, teller, desks) -> None:
    """What a counter PC has done by the time it calls in the morning: connected, made its
    branch's plan, its store session's statements prepared (a step refused changes nothing),
    and told the live views of a change once while a command ran, so that its pool holds the
    two connections it keeps (db.engine; the announcer's thread uses the second on PostgreSQL
    when a command holds the first): opening a login's connection (a password exchange) in
    the middle of the run would be a cost of the morning, not of the call."""
    for desk in desks:
        calling.heartbeat(store, teller, desk)
        for act in (calling.recall, lambda s, a, d, t: calling.act_unit_of_work(s, a, d, t, "recall")):
            try:
                act(store, teller, desk, 0)
            except UserError:
                pass
    if store.kind == "postgresql":
        with store.engine.connect() as held:
            held.exec_driver_sql("SELECT 1")
            announcer = announcer_of(store)
            announcer.announce(teller.branch_id)
            announcer.flush()


def _service_worker(url, teller, desk, path, seconds, barrier, results) -> None:
    """A counter PC calling as fast as it can for ``seconds``, serving each ticket it wins."""
    call, start, finish = _paths(path)
    engine = make_engine(url)
    own, times, won = Store(engine), [], []
    try:
        _warm_up(own, teller, [desk])
        for _call in range(WARM_CALLS):  # the tickets sent to this counter for it (not counted)
            row = call(own, teller, desk)
            finish(own, teller, desk, start(own, teller, desk, row.id).id)
        barrier.wait()
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            began = time.perf_counter()
            row = call(own, teller, desk)
            if row is not None:  # (the lobby keeps the line: a call finding nobody is not timed)
                times.append((time.perf_counter() - began) * 1000)
                won.append(row.id)
                finish(own, teller, desk, start(own, teller, desk, row.id).id)
        results.put((times, won))
    except BaseException as exc:  # reported by _race
        results.put(repr(exc))
    finally:
        engine.dispose()


def _raw_worker(raw_url, counter_id, branch_id, service, seconds, barrier, results) -> None:
    """The floor: the bare claim statement in a loop, each ticket then marked serving and done
    (one statement each, as the counter's start and finish)."""
    times, won = [], []
    try:
        sqlite = raw_url.startswith("sqlite:")
        conn = (sqlite3.connect(raw_url.removeprefix("sqlite:///"), isolation_level=None, timeout=30)
                if sqlite else psycopg.connect(raw_url))
        begin = (lambda: conn.execute("BEGIN IMMEDIATE")) if sqlite else (lambda: None)
        commit = (lambda: conn.execute("COMMIT")) if sqlite else conn.commit
        claim = CLAIM_SQLITE if sqlite else CLAIM_PG
        serve, finish = (f"UPDATE queue_ticket SET state = '{state}' WHERE id = " + ("?" if sqlite else "%s")
                         for state in ("serving", "done"))
        with conn:
            for _call in range(WARM_CALLS):  # the same statements, finding nothing (no such branch, no such ticket)
                for statement, params in ((claim, (counter_id, -1, service)), (serve, (-1,)), (finish, (-1,))):
                    begin()
                    conn.execute(statement, params)
                    commit()
            barrier.wait()
            end = time.perf_counter() + seconds
            while time.perf_counter() < end:
                began = time.perf_counter()
                begin()
                got = conn.execute(claim, (counter_id, branch_id, service)).fetchone()
                commit()
                if got is None:
                    continue
                times.append((time.perf_counter() - began) * 1000)
                won.append(got[0])
                for step in (serve, finish):  # as a counter serves it: started, then finished
                    begin()
                    conn.execute(step, (got[0],))
                    commit()
        results.put((times, won))
    except BaseException as exc:  # reported by _race
        results.put(repr(exc))


# -- closed loop ----------------------------------------------------------------------------------

def _closed_loop(store, counters: int, engine_label: str, paths: tuple[str, ...]) -> dict[str, tuple]:
    """Each of ``paths`` and the raw claim for :data:`RUN_SECONDS` each with the line kept at
    :data:`LINE` tickets, in :data:`ROUNDS` alternating rounds (so that a change in the
    machine's load falls on all of them): name -> (times of every round, duplicates, lost)."""
    teller, service, desks = _counters(store, counters, "B")
    sqlite = store.engine.dialect.name == "sqlite"
    url = store.engine.url.render_as_string(hide_password=False) if sqlite else _teller_url(store)
    raw_url = url if sqlite else store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    runs = {name: ([], 0, 0) for name in (*paths, "raw")}
    for _round in range(ROUNDS):
        for name in runs:
            settle(store)
            floor = _last_ticket(store)  # this run's tickets come after it
            warm = set()
            if name != "raw":
                for desk in desks:
                    warm |= set(_fill(store, teller.branch_id, service, WARM_CALLS, target=desk.counter_id))
            context = multiprocessing.get_context("spawn")
            stop = context.Event()
            lobby = context.Process(target=_keep_line, args=(store.engine.url.render_as_string(hide_password=False),
                                                             teller.branch_id, service, LINE[counters], stop))
            lobby.start()
            try:
                if name == "raw":
                    times, won = _race(_raw_worker, [(raw_url, d.counter_id, teller.branch_id, service, RUN_SECONDS)
                                                     for d in desks])
                else:
                    times, won = _race(_service_worker, [(url, teller, d, name, RUN_SECONDS) for d in desks])
            finally:
                stop.set()
                lobby.join()
            duplicates, lost = _served(store, service, floor, warm, won)
            runs[name] = (runs[name][0] + times, runs[name][1] + duplicates, runs[name][2] + lost)
    for name, (times, duplicates, lost) in runs.items():
        print(f"\n{engine_label} {counters} counters, {name}: {len(times)} calls, median {median(times):.2f} ms, "
              f"p99 {percentile(times, 99):.2f} ms, duplicates {duplicates}, lost {lost}")
    return runs


TOP_UP = text(
    "WITH RECURSIVE seq(n) AS (SELECT CAST(:first AS INTEGER) UNION ALL SELECT n + 1 FROM seq WHERE n < :last)"
    " INSERT INTO queue_ticket (branch_id, service_id, business_date, seq, number, tier, priority, state, issued_at,"
    " issued_by_name, queued_at, deadline_at, front, recalls, clerk_name, customer_label, note)"
    " SELECT :branch, :service, :day, n, 'B' || n, 'ordinary', n % 4, 'waiting', :now, 'bench', :now, :deadline,"
    " false, 0, '', '', '' FROM seq")
WAITING = text("SELECT count(*) FROM queue_ticket WHERE service_id = :service AND state = 'waiting'")


def _keep_line(url: str, branch_id: int, service: int, line: int, stop) -> None:
    """The lobby during a closed-loop run (a process of its own, as the counters are): tops the
    line up to ``line`` waiting tickets every few milliseconds, one statement each time, so that
    every path is measured at the same length of line."""
    engine = make_engine(url)
    try:
        store = Store(engine)
        with store.read() as session:
            _policy, day = today_of(session, branch_id, store.clock())
            seq = (session.scalar(select(func.max(QueueTicket.seq)).where(QueueTicket.service_id == service)) or 0) + 1
        with engine.connect() as conn:
            while not stop.is_set():
                short = line - conn.execute(WAITING, {"service": service}).scalar_one()
                conn.commit()  # (on SQLite a read then a write in one transaction cannot wait for the lock)
                if short > 0:
                    _hand_out(conn, branch_id, service, day, seq, seq + short - 1)
                    seq += short
                stop.wait(0.002)
    finally:
        engine.dispose()


def _hand_out(conn, branch_id: int, service: int, day, first: int, last: int) -> None:
    """The lobby hands out tickets ``first`` to ``last`` of the day, in one statement, committed."""
    now = utcnow()
    conn.execute(TOP_UP, {"first": first, "last": last, "branch": branch_id, "service": service, "day": day,
                          "now": now, "deadline": now + timedelta(hours=2)})
    conn.commit()


def _last_ticket(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.max(QueueTicket.id))) or 0


def _served(store, service: int, floor: int, warm: set[int], won: list[list[int]]) -> tuple[int, int]:
    """After a run: tickets called twice, and tickets lost (of the run's, those that left the
    line but were won by no counter, or won but not done); what still waits is closed so that
    the next run starts afresh."""
    with store.engine.begin() as conn:
        rows = conn.execute(select(QueueTicket.id, QueueTicket.state).where(QueueTicket.service_id == service,
                                                                          QueueTicket.id > floor)).all()
        conn.execute(update(QueueTicket).where(QueueTicket.service_id == service, QueueTicket.state == "waiting")
                     .values(state="cancelled"))
    flat = [i for w in won for i in w]
    done = {i for i, state in rows if state == "done"}
    left = {i for i, state in rows if state != "waiting"} - warm
    return len(flat) - len(set(flat)), len(left ^ set(flat)) + len(set(flat) - done)


@pytest.mark.parametrize("counters", [8, 30])
def test_call_next_counter_processes_against_the_raw_claim_on_postgresql(pg_demo_store, counters):
    runs = _closed_loop(pg_demo_store, counters, "PostgreSQL", ("after", "before"))
    raw_times = runs["raw"][0]
    scenario = f"call next ticket, {counters} counter processes (PostgreSQL, teller's login)"
    after, dup, lost = runs["after"]
    clean = dup == 0 and lost == 0
    record(scenario, "median", median(after), "raw claim median", median(raw_times),
           "median ≤ 3× raw claim, zero duplicates, zero lost", median(after) <= 3 * median(raw_times) and clean)
    record(scenario, "p99", percentile(after, 99), "raw claim p99", percentile(raw_times, 99),
           "p99 ≤ 5× raw claim, zero duplicates, zero lost", percentile(after, 99) <= 5 * percentile(raw_times, 99)
           and clean)
    before = runs["before"][0]
    record(scenario + ", before (unit of work)", "median / p99", median(before), "raw claim median",
           median(raw_times), f"(before; p99 {percentile(before, 99):.0f} ms)", None)
    assert all(run[1] == 0 and run[2] == 0 for run in runs.values())


def test_call_next_four_processes_on_sqlite(sqlite_demo_store):
    runs = _closed_loop(sqlite_demo_store, 4, "SQLite", ("after",))
    after, raw_times = runs["after"][0], runs["raw"][0]
    scenario = "call next ticket, 4 counter processes (SQLite)"
    record(scenario, "median", median(after), "raw claim median", median(raw_times), "(no budget; reported)", None)
    record(scenario, "p99", percentile(after, 99), "raw claim p99", percentile(raw_times, 99),
           "(no budget; reported)", None)
    assert all(run[1] == 0 and run[2] == 0 for run in runs.values())


# -- open loop ------------------------------------------------------------------------------------

def _open_worker(url, raw_url, teller, desks, path, schedule, branch_id, service, barrier, results) -> None:
    """Calls due at ``schedule`` (seconds after the start) at ``desks`` in turn; each call's
    latency runs from when it was due."""
    times, won = [], []
    engine = make_engine(url) if path != "raw" else None
    try:
        own = Store(engine) if engine else None
        raw = psycopg.connect(raw_url) if path == "raw" else None
        call, start, finish = _paths(path) if path != "raw" else (None, None, None)
        if own is not None:
            _warm_up(own, teller, desks)
        barrier.wait()
        origin = time.perf_counter()
        for n, due in enumerate(schedule):
            desk = desks[n % len(desks)]
            wait = origin + due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            if raw is not None:
                got = raw.execute(CLAIM_PG, (desk.counter_id, branch_id, service)).fetchone()
                raw.commit()
                ticket = got[0] if got else None
            else:
                row = call(own, teller, desk)
                ticket = row.id if row else None
            times.append((time.perf_counter() - origin - due) * 1000)
            if ticket is None:
                continue
            won.append(ticket)
            if raw is not None:
                for state in ("serving", "done"):
                    raw.execute("UPDATE queue_ticket SET state = %s WHERE id = %s", (state, ticket))
                    raw.commit()
            else:
                finish(own, teller, desk, start(own, teller, desk, ticket).id)
        results.put((times, won))
    except BaseException as exc:  # reported by _race
        results.put(repr(exc))
    finally:
        if engine is not None:
            engine.dispose()


def _arrivals(url, branch_id, service, day, rate, seconds, start_seq, stop) -> None:
    """Tickets arriving at ``rate`` a second (the lobby), one statement each."""
    rng = random.Random(5)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            origin, seq, due = time.perf_counter(), start_seq, 0.0
            while due < seconds and not stop.is_set():
                due += rng.expovariate(rate)
                wait = origin + due - time.perf_counter()
                if wait > 0:
                    time.sleep(wait)
                _hand_out(conn, branch_id, service, day, seq, seq)
                seq += 1
    finally:
        engine.dispose()


def _open_loop(store, teller, service, desks, url, raw_url, path: str) -> tuple[list[float], int, int]:
    settle(store)
    _fill(store, teller.branch_id, service, OPEN_BACKLOG)
    with store.read() as session:
        _policy, day = today_of(session, teller.branch_id, store.clock())
        start_seq = session.scalar(select(QueueTicket.seq).where(QueueTicket.service_id == service)
                                   .order_by(QueueTicket.seq.desc()).limit(1)) + 1
    rng = random.Random(11)
    due, schedule = 0.0, []
    while True:
        due += rng.expovariate(OPEN_RATE)
        if due >= OPEN_SECONDS:
            break
        schedule.append(due)
    per_worker = [schedule[w::OPEN_WORKERS] for w in range(OPEN_WORKERS)]
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    lobby = context.Process(target=_arrivals, args=(raw_url, teller.branch_id, service, day, OPEN_RATE,
                                                    OPEN_SECONDS, start_seq, stop))
    lobby.start()
    try:
        times, won = _race(_open_worker, [(url, raw_url, teller, desks[w::OPEN_WORKERS], path, per_worker[w],
                                           teller.branch_id, service) for w in range(OPEN_WORKERS)])
    finally:
        stop.set()
        lobby.join(60)
    duplicates, _lost = _check(None, won)
    empty = len(times) - sum(map(len, won))
    with store.engine.begin() as conn:  # the next run starts from the same line
        conn.execute(text("UPDATE queue_ticket SET state = 'cancelled' WHERE service_id = :s AND state = 'waiting'"),
                     {"s": service})
    return times, duplicates, empty


def test_call_next_open_loop_at_a_banks_peak_rate(pg_demo_store):
    store = pg_demo_store
    teller, service, desks = _counters(store, OPEN_COUNTERS, "P")
    url = _teller_url(store)
    raw_url = store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    runs = {path: _open_loop(store, teller, service, desks, url, raw_url, path) for path in ("after", "before", "raw")}
    for path, (times, duplicates, empty) in runs.items():
        print(f"\nopen loop {path}: {len(times)} calls, median {median(times):.2f} ms, p99 {percentile(times, 99):.2f} ms, "
              f"duplicates {duplicates}, found nobody {empty}")
    scenario = f"call next ticket, open loop {OPEN_RATE:.0f} calls/s over {OPEN_COUNTERS} counters (PostgreSQL)"
    after, raw_times = runs["after"][0], runs["raw"][0]
    record(scenario, "p99", percentile(after, 99), "raw claim p99 at the same rate", percentile(raw_times, 99),
           "p99 ≤ 3× raw claim's p99, zero duplicates", percentile(after, 99) <= 3 * percentile(raw_times, 99)
           and runs["after"][1] == 0)
    record(scenario, "median", median(after), "raw claim median", median(raw_times), "(for reference)", None)
    before = runs["before"][0]
    record(scenario + ", before (unit of work)", "p99", percentile(before, 99), "raw claim p99",
           percentile(raw_times, 99), "(before)", None)
    assert all(run[1] == 0 for run in runs.values())
