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
    store = Store(demo_store.engine, clock=clock)
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
