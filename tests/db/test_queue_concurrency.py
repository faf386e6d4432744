"""Many counters calling at once: every ticket is called exactly once (no duplicate, none lost).

PostgreSQL: 30 threads, each its own connection and counter, first issue 300 tickets at once
(numbers stay unique and gap-free), then call and serve until the queue is empty. SQLite: 4
processes on one store file do the same. The claim is one ``UPDATE … WHERE id = (SELECT …
FOR UPDATE SKIP LOCKED)`` on PostgreSQL and runs under ``BEGIN IMMEDIATE`` on SQLite.
"""

from __future__ import annotations

import multiprocessing
import threading

from sqlalchemy import select

from app.queue import calling, setup, tickets
from app.queue.calling import Desk
from app.store import Store
from db.engine import make_engine
from db.models import QueueTicket
from tests.db.helpers import actor_named


def _prepare(store, counters: int):
    manager, teller = actor_named(store, "manager"), actor_named(store, "teller")
    service = setup.add_service(store, manager, prefix="C", name="并发测试")
    desks = []
    for n in range(counters):
        counter = setup.add_counter(store, manager, number=f"C{n:02d}", name=f"并发{n}", service_ids=[service])
        calling.sign_in_counter(store, teller, counter, f"PC-{n}")
        desks.append(Desk(counter, f"PC-{n}"))
    return service, teller, desks


def _serve_until_empty(store, teller, desk) -> list[int]:
    won = []
    while True:
        row = calling.call_next(store, teller, desk)
        if row is None:
            return won
        won.append(row.id)
        calling.start_service(store, teller, desk, row.id)
        calling.finish_service(store, teller, desk, row.id)


def _check(store, service, called: list[list[int]]) -> None:
    flat = [i for won in called for i in won]
    with store.read() as session:
        issued = session.execute(select(QueueTicket.id, QueueTicket.seq, QueueTicket.state)
                                 .where(QueueTicket.service_id == service)).all()
    assert len(flat) == len(set(flat)), "a ticket was called twice"
    assert sorted(flat) == sorted(i for i, _s, _st in issued), "a ticket was never called"
    assert {st for _i, _s, st in issued} == {"done"}
    assert sorted(s for _i, s, _st in issued) == list(range(1, len(issued) + 1))  # numbers unique, no gap
    assert sum(1 for won in called if won) > 1  # the race was real


def test_thirty_counters_on_postgresql_never_share_or_lose_a_ticket(pg_demo_store):
    workers, per_worker = 30, 10
    service, teller, desks = _prepare(pg_demo_store, workers)
    lobby = actor_named(pg_demo_store, "lobby")
    url = pg_demo_store.engine.url.render_as_string(hide_password=False)
    called: list[list[int]] = [[] for _ in range(workers)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(workers)

    def counter(index: int) -> None:
        engine = make_engine(url)
        own = Store(engine)
        try:
            barrier.wait()
            for _ in range(per_worker):
                tickets.issue_ticket(own, lobby, service_id=service)
            barrier.wait()
            called[index] = _serve_until_empty(own, teller, desks[index])
        except BaseException as exc:  # reported below
            errors.append(exc)
            barrier.abort()
        finally:
            engine.dispose()

    threads = [threading.Thread(target=counter, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    assert not errors, errors[:3]
    assert sum(map(len, called)) == workers * per_worker
    _check(pg_demo_store, service, called)


def _sqlite_worker(args) -> list[int]:
    url, teller, desk, lobby, service, issue = args
    engine = make_engine(url)
    try:
        store = Store(engine)
        for _ in range(issue):
            tickets.issue_ticket(store, lobby, service_id=service)
        return _serve_until_empty(store, teller, desk)
    finally:
        engine.dispose()


def test_four_processes_on_sqlite_never_share_or_lose_a_ticket(sqlite_demo_store):
    processes, per_process = 4, 40
    store = sqlite_demo_store
    service, teller, desks = _prepare(store, processes)
    lobby = actor_named(store, "lobby")
    for _ in range(20):  # some waiting before anyone calls
        tickets.issue_ticket(store, lobby, service_id=service)
    url = store.engine.url.render_as_string(hide_password=False)
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        called = pool.map(_sqlite_worker, [(url, teller, desks[i], lobby, service, per_process)
                                           for i in range(processes)])
    # a process that finished early may have left tickets issued by a slower one after it stopped
    called.append(_serve_until_empty(store, teller, desks[0]))
    assert sum(map(len, called)) == 20 + processes * per_process
    _check(store, service, called)


def test_a_counter_does_not_wait_for_another_expiring_yesterdays_tickets(pg_demo_store):
    """The first call of the morning expires yesterday's open tickets; a second counter calling
    meanwhile skips them (they are being closed) and calls today's ticket without waiting."""
    from datetime import timedelta

    from sqlalchemy import update

    from app.queue.tickets import expire_earlier_days

    service, teller, (first, second) = _prepare(pg_demo_store, 2)
    lobby = actor_named(pg_demo_store, "lobby")
    today = tickets.issue_ticket(pg_demo_store, lobby, service_id=service)
    stale = tickets.issue_ticket(pg_demo_store, lobby, service_id=service)
    with pg_demo_store.engine.begin() as conn:  # left open since yesterday
        conn.execute(update(QueueTicket).where(QueueTicket.id == stale.id)
                     .values(business_date=today.business_date - timedelta(days=1)))
    holding, release = threading.Event(), threading.Event()

    def first_counter_mid_call():
        with pg_demo_store.write(teller) as uow:  # holds yesterday's rows until released
            assert expire_earlier_days(uow.session, uow, teller.branch_id, today.business_date) >= 1
            holding.set()
            release.wait(30)

    other = threading.Thread(target=first_counter_mid_call)
    other.start()
    assert holding.wait(30)
    called: list = []
    caller = threading.Thread(target=lambda: called.append(calling.call_next(pg_demo_store, teller, second)))
    caller.start()
    caller.join(10)
    waited = caller.is_alive()
    release.set()
    caller.join(30)
    other.join(30)
    assert not waited, "the second counter queued behind the first one's expiry"
    assert called[0].id == today.id
    with pg_demo_store.read() as session:
        assert session.get(QueueTicket, stale.id).state == "expired"
