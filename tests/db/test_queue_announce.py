"""The announcer (app.queue.announce): a counter's command returns without waiting for the live
views to be told; they are told within the window, once for the changes of one moment, each
branch once; a store that does not answer loses the announcement and nothing else."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from app.queue import calling
from app.queue.announce import KEY, Announcer
from app.queue.common import CHANNEL
from app.store import Store
from db.engine import driver_conninfo, make_engine
from tests.db.queuehelp import make_queue
from tests.db.test_queue_services import issue

pytestmark = pytest.mark.pg


class Listener:
    """A live view's connection: the payloads of the queue's notifications it has received."""

    def __init__(self, engine):
        self.conn = psycopg.connect(driver_conninfo(engine), autocommit=True)
        self.conn.execute(f"LISTEN {CHANNEL}")

    def received(self, seconds: float) -> list[str]:
        return [n.payload for n in self.conn.notifies(timeout=seconds)]

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def listener(pg_demo_store):
    heard = Listener(pg_demo_store.engine)
    yield heard
    heard.close()


def test_a_command_is_told_to_the_views_within_the_window(pg_demo_store, listener):
    pq = make_queue(pg_demo_store)
    ticket = issue(pq)
    listener.received(0.3)  # the lobby's own notification for the new ticket
    called = calling.call_next(pq.store, pq.teller, pq.desk1)
    assert called.id == ticket.id
    assert listener.received(1.0) == [str(pq.teller.branch_id)]


def test_the_changes_of_one_moment_are_told_once(pg_demo_store, listener):
    pq = make_queue(pg_demo_store)
    announcer = pq.store.plans[KEY] = Announcer(pq.store, window=60)  # only flush() sends
    ticket = issue(pq)
    listener.received(0.3)
    calling.call_next(pq.store, pq.teller, pq.desk1)
    calling.start_service(pq.store, pq.teller, pq.desk1, ticket.id)
    calling.finish_service(pq.store, pq.teller, pq.desk1, ticket.id)
    assert listener.received(0.3) == []  # the counter did not wait for the views
    announcer.flush()
    assert listener.received(0.5) == [str(pq.teller.branch_id)]


def test_each_branch_is_told_once_in_one_statement(pg_demo_store, listener, monkeypatch):
    store = Store(pg_demo_store.engine)
    announcer = Announcer(store, window=60)
    sent = []
    command = store.command
    monkeypatch.setattr(store, "command", lambda statement, params, touches=(): (
        sent.append(statement), command(statement, params, touches))[1])
    for branch in (7, 3, 7, 7, 3):
        announcer.announce(branch)
    announcer.flush()
    assert sorted(listener.received(0.5)) == ["3", "7"] and len(sent) == 1
    announcer.flush()  # nothing waiting: nothing sent
    assert listener.received(0.2) == [] and len(sent) == 1


def test_announcements_go_on_after_a_quiet_spell(pg_demo_store, listener):
    announcer = Announcer(Store(pg_demo_store.engine), window=0.01, idle=0.05)
    announcer.announce(5)
    assert listener.received(1.0) == ["5"]
    time.sleep(0.3)  # the announcer's thread has ended for want of work
    announcer.announce(6)
    assert listener.received(1.0) == ["6"]


def test_a_store_that_does_not_answer_loses_the_announcement_only():
    engine = make_engine("postgresql://nobody@127.0.0.1:1/nowhere")
    try:
        announcer = Announcer(Store(engine), window=60)
        announcer.announce(1)
        announcer.flush()  # refused connection: dropped, not raised
        announcer.announce(2)
        announcer.flush()
    finally:
        engine.dispose()


def test_announcements_go_on_after_a_fault_nobody_foresaw(pg_demo_store, listener, monkeypatch):
    store = Store(pg_demo_store.engine)
    announcer = Announcer(store, window=0.01)
    command = store.command
    faults = iter([RuntimeError("a bug in the sending")])

    def failing_once(statement, params, touches=()):
        fault = next(faults, None)
        if fault is not None:
            raise fault
        return command(statement, params, touches)

    monkeypatch.setattr(store, "command", failing_once)
    monkeypatch.setattr(threading, "excepthook", lambda args: None)  # (the thread's traceback, expected here)
    announcer.announce(8)
    assert listener.received(0.5) == []  # lost with the fault
    announcer.announce(9)
    assert listener.received(1.0) == ["9"]
