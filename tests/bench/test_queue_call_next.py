"""Call next ticket, 30 counters at once on PostgreSQL (budget: p99 ≤ 20 ms, zero duplicates,
zero lost), against a raw ``UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)`` loop on the
same table in the same run (the floor: one statement, no checks, no audit, no ORM).

Each of 30 processes (counter PCs are separate programs) has its own connection, as the
teller's own login role (as the product connects: row-level security and the database's checks
of every write apply), and its own counter, and calls until the queue is empty; only the call is timed (serving the ticket afterwards is not).
Both runs start from the same number of waiting tickets and are checked for duplicates and
losses.
"""

from __future__ import annotations

import multiprocessing
import time
from datetime import timedelta

import psycopg
from sqlalchemy import insert, select, text

from app.demo import DEMO_PASSWORD
from app.queue import calling, setup
from app.queue.calling import Desk
from app.queue.common import today_of
from app.store import Store
from db.engine import make_engine
from db.models import QueueTicket
from tests.bench.conftest import median, percentile, record
from tests.db.helpers import actor_named

COUNTERS = 30
PER_COUNTER = 20


def _fill(store, branch_id: int, service_id: int, start_seq: int) -> list[int]:
    """COUNTERS × PER_COUNTER waiting tickets across tiers, written in one statement."""
    now = store.clock()
    with store.read() as session:
        _policy, day = today_of(session, branch_id, now)
    rows = []
    for n in range(COUNTERS * PER_COUNTER):
        seq = start_seq + n
        queued = now - timedelta(seconds=COUNTERS * PER_COUNTER - n)
        rows.append(dict(branch_id=branch_id, service_id=service_id, business_date=day, seq=seq,
                         number=f"B{seq:04d}", tier="ordinary", priority=n % 4, state="waiting",
                         issued_at=queued, issued_by_name="bench", queued_at=queued,
                         deadline_at=queued + timedelta(hours=2), front=False, recalls=0, clerk_name="",
                         customer_label="", note=""))
    with store.engine.begin() as conn:
        conn.execute(insert(QueueTicket), rows)
    with store.read() as session:
        return list(session.scalars(select(QueueTicket.id).where(
            QueueTicket.service_id == service_id, QueueTicket.state == "waiting")))


def _race(worker, args: list[tuple]) -> tuple[list[float], list[list[int]]]:
    """Run ``worker(*args[i], barrier, results)`` in one process per counter, all released at
    once; gather each one's call times and the tickets it won."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(len(args)), context.Queue()
    processes = [context.Process(target=worker, args=(*a, barrier, results)) for a in args]
    for process in processes:
        process.start()
    gathered = [results.get(timeout=900) for _ in processes]
    for process in processes:
        process.join(60)
    errors = [g for g in gathered if isinstance(g, str)]
    assert not errors, errors[:3]
    return [t for times, _won in gathered for t in times], [won for _times, won in gathered]


def _service_worker(url, teller, desk, barrier, results) -> None:
    """A counter PC: call_next (checks, ordering policy, claim, audit, notify), then serve."""
    engine = make_engine(url)
    own, times, won = Store(engine), [], []
    try:
        barrier.wait()
        while True:
            start = time.perf_counter()
            row = calling.call_next(own, teller, desk)
            times.append((time.perf_counter() - start) * 1000)
            if row is None:
                break
            won.append(row.id)
            calling.start_service(own, teller, desk, row.id)
            calling.finish_service(own, teller, desk, row.id)
        results.put((times, won))
    except BaseException as exc:  # noqa: BLE001 - reported by _race
        results.put(repr(exc))
    finally:
        engine.dispose()


CLAIM = ("UPDATE queue_ticket SET state = 'called', counter_id = %s, called_at = now() "
         "WHERE id = (SELECT id FROM queue_ticket WHERE branch_id = %s AND service_id = %s "
         "AND state = 'waiting' ORDER BY priority DESC, queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
         "AND state = 'waiting' RETURNING id")


def _raw_worker(raw_url, counter_id, branch_id, service, barrier, results) -> None:
    """The floor: the bare claim statement in a loop, then the ticket marked done."""
    times, won = [], []
    try:
        with psycopg.connect(raw_url) as conn:
            barrier.wait()
            while True:
                start = time.perf_counter()
                got = conn.execute(CLAIM, (counter_id, branch_id, service)).fetchone()
                conn.commit()
                times.append((time.perf_counter() - start) * 1000)
                if got is None:
                    break
                won.append(got[0])
                conn.execute("UPDATE queue_ticket SET state = 'done' WHERE id = %s", (got[0],))
                conn.commit()
        results.put((times, won))
    except BaseException as exc:  # noqa: BLE001 - reported by _race
        results.put(repr(exc))


def _check(expected: list[int], won: list[list[int]]) -> tuple[int, int]:
    flat = [i for w in won for i in w]
    duplicates = len(flat) - len(set(flat))
    lost = len(set(expected) - set(flat))
    return duplicates, lost


def test_call_next_thirty_counters_against_raw_skip_locked(pg_demo_store):
    store = pg_demo_store
    manager, teller = actor_named(store, "manager"), actor_named(store, "teller")
    service = setup.add_service(store, manager, prefix="B", name="压力测试")
    desks = []
    for n in range(COUNTERS):
        counter = setup.add_counter(store, manager, number=f"B{n:02d}", name=f"压测{n}", service_ids=[service])
        calling.sign_in_counter(store, teller, counter, f"BENCH-{n}")
        desks.append(Desk(counter, f"BENCH-{n}"))
    with store.engine.connect() as conn:
        login = conn.execute(text("SELECT vipdesk_role_prefix()")).scalar_one() + "teller"
    url = store.engine.url.set(username=login, password=DEMO_PASSWORD).render_as_string(hide_password=False)

    # -- the service: call_next, 30 counter processes at once
    expected = _fill(store, teller.branch_id, service, 1)
    service_times, service_won = _race(_service_worker, [(url, teller, desk) for desk in desks])
    service_dup, service_lost = _check(expected, service_won)

    # -- the baseline: the bare claim statement in a loop, same table, same amount of work
    baseline_expected = _fill(store, teller.branch_id, service, COUNTERS * PER_COUNTER + 1)
    raw_url = store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    raw_times, raw_won = _race(_raw_worker, [(raw_url, desk.counter_id, teller.branch_id, service)
                                             for desk in desks])
    raw_dup, raw_lost = _check(baseline_expected, raw_won)

    p99, base_p99 = percentile(service_times, 99), percentile(raw_times, 99)
    print(f"\ncall_next: {len(service_times)} calls, median {median(service_times):.2f} ms, p99 {p99:.2f} ms, "
          f"duplicates {service_dup}, lost {service_lost}; raw claim: median {median(raw_times):.2f} ms, "
          f"p99 {base_p99:.2f} ms, duplicates {raw_dup}, lost {raw_lost}")
    record("call next ticket, 30 counters at once (PostgreSQL)", "p99", p99,
           "raw UPDATE … FOR UPDATE SKIP LOCKED loop p99", base_p99,
           "p99 ≤ 20 ms, zero duplicates, zero lost",
           p99 <= 20 and service_dup == 0 and service_lost == 0)
    record("call next ticket, 30 counters at once (PostgreSQL)", "median", median(service_times),
           "raw claim median", median(raw_times), "(for reference)", True)
    assert service_dup == 0 and service_lost == 0
    assert raw_dup == 0 and raw_lost == 0
