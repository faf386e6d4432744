"""A queue of its own on the demo store for service tests: a test service and two counters that
only it uses, a clock the test moves, the demo people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from app.queue import calling, setup
from app.queue.calling import Desk
from app.store import Store
from db.models import Customer
from tests.db.helpers import actor_named


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass
class Q:
    store: Store
    clock: Clock
    lobby: object
    teller: object
    teller2: object
    manager: object
    service: int
    other_service: int
    desk1: Desk
    desk2: Desk

    def customer_of_tier(self, tier: str) -> int:
        with self.store.read() as session:
            return session.scalar(select(Customer.id).where(Customer.tier == tier, Customer.active.is_(True),
                                                            Customer.branch_id == self.lobby.branch_id)
                                  .order_by(Customer.id))


def make_queue(demo_store, prefix: str = "T", start: datetime = datetime(2026, 11, 27, 2, 0)) -> Q:
    """``start`` defaults to 10:00 in Shanghai."""
    clock = Clock(start)
    store = Store(demo_store.engine, clock=clock, keys=demo_store.keys)
    manager = actor_named(store, "manager")
    service = setup.add_service(store, manager, prefix=prefix, name="测试业务")
    other = setup.add_service(store, manager, prefix=prefix[0] + "X" if len(prefix) == 1 else "ZZ", name="另一业务")
    c1 = setup.add_counter(store, manager, number=f"{prefix}1", name="测试一", service_ids=[service])
    c2 = setup.add_counter(store, manager, number=f"{prefix}2", name="测试二", service_ids=[service])
    teller, teller2 = actor_named(store, "teller"), actor_named(store, "teller2")
    desk1, desk2 = Desk(c1, "PC-A"), Desk(c2, "PC-B")
    calling.sign_in_counter(store, teller, c1, "PC-A")
    calling.sign_in_counter(store, teller2, c2, "PC-B")
    return Q(store, clock, actor_named(store, "lobby"), teller, teller2, manager, service, other, desk1, desk2)


def serve(q: Q, desk: Desk, clerk, wait_minutes: float, service_minutes: float):
    """Issue a ticket of the test service, call it after ``wait_minutes`` and serve it for
    ``service_minutes`` at ``desk``."""
    from app.queue import tickets

    ticket = tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    q.clock.tick(minutes=wait_minutes)
    calling.call_next(q.store, clerk, desk)
    calling.start_service(q.store, clerk, desk, ticket.id)
    q.clock.tick(minutes=service_minutes)
    calling.finish_service(q.store, clerk, desk, ticket.id)
    return ticket


def known_day(q: Q):
    """Figures a test can check: three tickets served at the first counter (waits 2, 4 and 6
    minutes; service 5, 3 and 10) and one called at the second after 8 minutes, recalled twice
    and marked a no-show, which is returned."""
    for wait, service in [(2, 5), (4, 3), (6, 10)]:
        serve(q, q.desk1, q.teller, wait, service)
    return no_show(q)


def no_show(q: Q):
    """A ticket called at the second counter after 8 minutes, recalled twice 30 s apart and
    marked a no-show (a minute with the clerk); returned."""
    from app.queue import tickets

    gone = tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    q.clock.tick(minutes=8)
    calling.call_next(q.store, q.teller2, q.desk2)
    for _ in range(2):
        q.clock.tick(seconds=30)
        calling.recall(q.store, q.teller2, q.desk2, gone.id)
    calling.mark_no_show(q.store, q.teller2, q.desk2, gone.id)
    return gone
