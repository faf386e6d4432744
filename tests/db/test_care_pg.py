"""Care tables on PostgreSQL as staff login roles (row-level security by branch subtree, no row
deleted), the care services end to end as the signed-in relationship manager, and concurrency:
two people saving one contact record at the same moment (one wins, the other is told to
reload); the dashboard's kept figures under concurrent writers (no increment lost, no writer
waiting for another's transaction on a shared counter row, a fold beside them)."""

from __future__ import annotations

import threading

import psycopg
import pytest
from sqlalchemy import select

from app.auth.accounts import actor_for
from app.care import complaints, contacts, dashboard
from app.care.contacts import ContactInput
from app.demo import DEMO_PASSWORD
from app.errors import ConflictError, NotFound
from app.store import Store
from db.engine import make_engine, normalise_url
from db import care_figures
from db.models import Branch, Customer, StaffAccount
from tests.db.helpers import actor_named
from tests.db.test_care_figures import assert_figures_exact
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg
CARE_TABLES = ["contact_record", "complaint"]
FIGURE_TABLES = [f.table for f in care_figures.FIGURES]


def test_other_branches_care_rows_are_invisible_and_never_deleted(demo):  # noqa: F811
    for table in CARE_TABLES + FIGURE_TABLES:
        assert demo.owner.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    with connect_as(demo, "sh_teller") as conn:
        for table in CARE_TABLES:
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
        assert conn.execute("UPDATE complaint SET state = 'closed'").rowcount == 0
    sh_branches = {row[0] for row in demo.owner.execute("SELECT id FROM branch WHERE path LIKE "
                                                        "(SELECT path FROM branch WHERE code = 'SH01') || '%'")}
    for name in ("sh_teller", "advisor"):   # the dashboard's figures: one's own subtree's only
        with connect_as(demo, name) as conn:
            mine = {row[0] for row in conn.execute("SELECT id FROM branch")}
            for table in FIGURE_TABLES:
                seen = {row[0] for row in conn.execute(f"SELECT DISTINCT branch_id FROM {table}")}
                assert seen <= mine, table
            shanghai = {row[0] for row in conn.execute("SELECT branch_id FROM care_tier_count")} & sh_branches
            assert bool(shanghai) == (name == "sh_teller")
    with connect_as(demo, "advisor") as conn:   # figures are written by the database alone
        for statement in ("INSERT INTO care_tier_count (branch_id, tier, slot, count) SELECT id, 'gold', 0, 1 FROM branch",
                          "UPDATE care_tier_count SET count = 0", "DELETE FROM care_tier_count",
                          "SELECT care_rebuild_figures()"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
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
        except Exception as error:  # collected for the assertion
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


def test_concurrent_writers_of_one_branch_lose_no_increment(pg_demo_store):
    """Eight people at once record contacts, accept complaints and make customers inactive and
    active again at one branch while dashboards fold the figures: every change is counted once."""
    store = pg_demo_store
    manager = actor_named(store, "manager")
    with store.read() as session:
        branch = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
        ids = list(session.scalars(select(Customer.id).where(Customer.branch_id == branch, Customer.active.is_(True))
                                   .order_by(Customer.id).limit(16)))

    def work(own, index):
        for round_ in range(6):
            customer = ids[(index * 2 + round_) % len(ids)]
            contacts.record_contact(own, manager, customer, ContactInput(method="phone", content=f"问候 {round_}"))
            complaints.accept_complaint(own, manager, customer, channel="phone", content="排队", level=1 + round_ % 3)
            for active in (False, True):
                with own.write(manager) as uow:
                    uow.session.execute(Customer.__table__.update().where(Customer.id == customer)
                                        .values(active=active))
            if index % 4 == 0:
                dashboard.fold_figures(own, manager)
        return True

    results = _race(store, work, count=8)
    assert results == [True] * 8, results
    assert_figures_exact(store)
    dashboard.fold_figures(store, manager)
    assert_figures_exact(store)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM care_tier_count WHERE slot <> 0").scalar_one() == 0


def test_a_writer_never_waits_for_another_transaction_of_its_branch(pg_demo_store):
    """Two open transactions change gold customers of one branch (the same figure keys): the
    second does not wait for the first to commit (it would hit the lock timeout), and neither
    does a fold; both commits count."""
    import time

    store = pg_demo_store
    with store.read() as session:
        branch = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
        first, second = session.scalars(select(Customer.id).where(
            Customer.branch_id == branch, Customer.tier == "gold", Customer.active.is_(True)).limit(2))
    with store.engine.connect() as a, store.engine.connect() as b:
        a.exec_driver_sql("UPDATE customer SET active = false, last_contact_at = now() WHERE id = %s", (first,))
        b.exec_driver_sql("SET lock_timeout = '200ms'")
        started = time.perf_counter()
        b.exec_driver_sql("UPDATE customer SET active = false, last_contact_at = now() WHERE id = %s", (second,))
        b.commit()
        waited_ms = (time.perf_counter() - started) * 1000
        b.exec_driver_sql("SET lock_timeout = '200ms'")
        b.exec_driver_sql("SELECT care_fold_figures()")
        b.commit()
        a.commit()
    print(f"\nsecond writer of the branch, first one's transaction open: {waited_ms:.1f} ms")
    assert_figures_exact(store)


def test_the_dashboard_folds_once_it_reads_many_unfolded_rows(pg_demo_store, monkeypatch):
    store = pg_demo_store
    manager = actor_named(store, "manager")
    with store.read() as session:
        customer = session.scalar(select(Customer.id).where(Customer.tier == "gold", Customer.active.is_(True)).limit(1))
    for active in (False, True, False, True):   # four transactions: four rows of one key
        with store.write(manager) as uow:
            uow.session.execute(Customer.__table__.update().where(Customer.id == customer).values(active=active))
    unfolded = "SELECT count(*) FROM care_tier_count WHERE slot <> 0"
    monkeypatch.setattr(dashboard, "FOLD_AFTER", 10 ** 9)
    before = dashboard.care_dashboard(store, manager)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql(unfolded).scalar_one() >= 4
    monkeypatch.setattr(dashboard, "FOLD_AFTER", 3)
    assert dashboard.care_dashboard(store, manager) == before
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql(unfolded).scalar_one() == 0
    assert dashboard.care_dashboard(store, manager) == before
    assert_figures_exact(store)


def test_the_figure_triggers_are_not_compiled_by_jit(pg_demo_store):
    """Their plans are costed for large transition tables: with JIT, PostgreSQL spent about
    0.4 s compiling them on every single-row update (found by the drill's demo build)."""
    from sqlalchemy import text

    with pg_demo_store.engine.connect() as conn:
        configs = dict(conn.execute(text(
            "SELECT proname, proconfig FROM pg_proc WHERE proname LIKE 'care\\_figures\\_%'")).all())
    assert set(configs) == {f"care_figures_{source.table}" for f in care_figures.FIGURES for source in f.sources}
    assert all("jit=off" in (config or []) for config in configs.values()), configs
