"""Care tables on PostgreSQL as staff login roles (row-level security by branch subtree, no row
deleted), the care services end to end as the signed-in relationship manager, and concurrency:
two people saving one contact record at the same moment (one wins, the other is told to
reload), two dashboards counting tier changes at the same moment (each change counted once)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from app.auth.accounts import actor_for
from app.care import contacts, dashboard
from app.care.contacts import ContactInput
from app.demo import DEMO_PASSWORD
from app.errors import ConflictError, NotFound
from app.store import Store
from db.engine import make_engine, normalise_url
from db.models import Branch, CareMoveCount, Customer, StaffAccount, TierChange
from tests.db.helpers import actor_named
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg
CARE_TABLES = ["contact_record", "complaint", "care_move_count", "care_move_mark"]


def test_other_branches_care_rows_are_invisible_and_never_deleted(demo):  # noqa: F811
    dashboard.care_dashboard(demo.store, actor_named(demo.store, "manager"))  # fills the tally
    for table in CARE_TABLES:
        assert demo.owner.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    with connect_as(demo, "sh_teller") as conn:
        for table in CARE_TABLES:
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
        assert conn.execute("UPDATE complaint SET state = 'closed'").rowcount == 0
    with connect_as(demo, "advisor") as conn:
        assert conn.execute("SELECT count(*) FROM complaint").fetchone()[0] > 0
        for table in ("contact_record", "complaint"):
            with pytest.raises(Exception):  # noqa: B017 - no DELETE privilege
                conn.execute(f"DELETE FROM {table}")


def _own_store(demo, username):  # noqa: F811
    engine = make_engine(normalise_url(demo.url).set(username=demo.prefix + username, password=DEMO_PASSWORD))
    store = Store(engine)
    with store.read() as session:
        actor = actor_for(session.scalar(select(StaffAccount).where(StaffAccount.username == username)))
    return store, actor


def test_contacts_and_the_dashboard_as_the_signed_in_staff(demo):  # noqa: F811
    store, advisor = _own_store(demo, "advisor")
    sh_store, sh_manager = _own_store(demo, "sh_manager")
    try:
        with store.read() as session:
            customer = session.scalar(select(Customer.id).where(Customer.relationship_manager_id == advisor.account_id)
                                      .order_by(Customer.id).limit(1))
        row = contacts.record_contact(store, advisor, customer, ContactInput(method="phone", content="问候"))
        assert contacts.contacts_of(store, advisor, customer)[0].id == row.id
        with pytest.raises(NotFound):
            contacts.record_contact(sh_store, sh_manager, customer, ContactInput(method="phone", content="越权"))
        board = dashboard.care_dashboard(sh_store, sh_manager)
        assert board.complaints == 0 and all(b.code.startswith("SH") for b in board.branches)
    finally:
        store.engine.dispose()
        sh_store.engine.dispose()


def _race(store, work, count=2):
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(index):
        engine = make_engine(store.engine.url.render_as_string(hide_password=False))
        try:
            barrier.wait()
            results[index] = work(Store(engine), index)
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            results[index] = error
        finally:
            engine.dispose()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_people_saving_one_contact_at_once(pg_demo_store):
    store = pg_demo_store
    advisor, manager = actor_named(store, "advisor"), actor_named(store, "manager")
    with store.read() as session:
        customer = session.scalar(select(Customer.id).where(Customer.relationship_manager_id == advisor.account_id)
                                  .order_by(Customer.id).limit(1))
    record = contacts.record_contact(store, advisor, customer, ContactInput(method="visit", content="拜访"))
    people = (advisor, manager)
    results = _race(store, lambda own, i: contacts.update_contact(
        own, people[i], record.id, ContactInput(method="visit", content=f"拜访 {i}"),
        expected_version=record.version))
    wins = [r for r in results if not isinstance(r, BaseException)]
    assert len(wins) == 1 and isinstance(next(r for r in results if r not in wins), ConflictError), results
    assert contacts.contact(store, advisor, record.id).content == wins[0].content


def test_two_dashboards_at_once_count_each_tier_change_once(pg_demo_store):
    store = pg_demo_store
    manager = actor_named(store, "manager")
    with store.read() as session:
        changes = session.scalar(
            select(func.count()).select_from(TierChange).join(Customer, Customer.id == TierChange.customer_id)
            .join(Branch, Branch.id == Customer.branch_id).where(Branch.path.startswith(manager.branch_path)))
    assert changes > 0
    results = _race(store, lambda own, _i: dashboard.count_new_moves(own, manager), count=3)
    assert all(isinstance(r, int) for r in results), results
    assert sum(results) == changes
    with store.read() as session:
        assert session.scalar(select(func.sum(CareMoveCount.count))) == changes
