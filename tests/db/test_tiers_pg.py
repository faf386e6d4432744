"""The tier services as the signed-in person's own PostgreSQL login role (not the owner): the
evaluation's temporary tables and bulk writes, the AUM import, policy versions and exceptions
all work under row-level security, and a branch manager reaches only their subtree."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.demo import DEMO_PASSWORD
from app.store import Store
from app.tiers.aum_import import import_aum
from app.tiers.evaluation import FIRST_CARD, evaluate_tiers, latest_evaluation, worklist_page
from app.tiers.exceptions import decide_exception, propose_exception
from app.tiers.policy_store import save_policy
from app.tiers.rules import DEFAULT_TIER_POLICY
from db.engine import make_engine
from tests.db.helpers import actor_named
from tests.db.tierdata import NOW, add_customers, set_aum, write_csv

pytestmark = pytest.mark.pg


@pytest.fixture
def as_staff(pg_demo_store):
    with pg_demo_store.engine.connect() as conn:
        prefix = conn.execute(text("SELECT vipdesk_role_prefix()")).scalar_one()
    stores = []

    def make(username: str) -> tuple[Store, object]:
        url = make_url(str(pg_demo_store.engine.url.render_as_string(hide_password=False))).set(
            username=prefix + username, password=DEMO_PASSWORD)
        store = Store(make_engine(url), clock=lambda: NOW)
        stores.append(store)
        return store, actor_named(pg_demo_store, username)

    pg_demo_store.clock = lambda: NOW
    yield make
    for store in stores:
        store.engine.dispose()


def test_tier_services_as_staff_login_roles(pg_demo_store, as_staff, tmp_path):
    owner = pg_demo_store
    bj = add_customers(owner, "BJ010101", ["PGBJ000001", "PGBJ000002"])
    sh = add_customers(owner, "SH0101", ["PGSH000001"])
    admin_store, admin = as_staff("admin")
    lines = ["cif_no,month,avg_daily_aum"] + [
        f"{cif},{m},{v}" for m in ("2026-08", "2026-09", "2026-10")
        for cif, v in (("PGBJ000001", "200000"), ("PGBJ000002", "50"), ("PGSH000001", "700000"))]
    assert import_aum(admin_store, admin, write_csv(tmp_path / "a.csv", lines)).rows_changed == 9
    assert save_policy(admin_store, admin, DEFAULT_TIER_POLICY.__class__(
        1, date(2026, 12, 1), DEFAULT_TIER_POLICY.bands)).version == 2

    manager_store, manager = as_staff("manager")
    result = evaluate_tiers(manager_store, manager, (2026, 10))
    assert result.counts["changed"] >= 1
    latest = latest_evaluation(manager_store, manager)
    assert latest.id == result.evaluation_id
    listed = [r.cif_no for r in worklist_page(manager_store, manager, latest.id, FIRST_CARD, limit=10_000)]
    assert "PGBJ000001" in listed and "PGSH000001" not in listed

    advisor_store, advisor = as_staff("advisor")
    row = propose_exception(advisor_store, advisor, bj["PGBJ000002"], tier="gold", reason="潜力客户",
                            valid_until=date(2027, 6, 30))
    assert decide_exception(manager_store, manager, row.id, approve=True, comment="同意").status == "approved"
    evaluate_tiers(manager_store, manager, (2026, 10))
    set_aum(owner, sh["PGSH000001"], {202610: "700000"})
    with owner.read() as session:
        from db.models import Customer

        assert session.get(Customer, bj["PGBJ000002"]).tier == "gold"
        assert session.get(Customer, sh["PGSH000001"]).tier == "ordinary"


def _tier_updates(owner) -> tuple[int, int]:
    """(updates, heap-only updates) of the customers' tier rows as the statistics hold them."""
    with owner.engine.connect() as conn:
        conn.execute(text("SELECT pg_stat_clear_snapshot()"))
        return tuple(conn.execute(text(
            "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'customer_tier'")).one())


def test_evaluation_rewrites_no_index_of_a_customer_whose_tier_changed(pg_demo_store, batch):
    """No index holds the tier and pages keep room (migrations 0017, 0019): a customer whose tier
    the evaluation changes is a heap-only update of its tier row, no index is touched."""
    import time

    owner = pg_demo_store
    owner.clock = lambda: NOW
    ids = add_customers(owner, "BJ010101", [f"HOT{n:07d}" for n in range(100)])
    movers = [ids[f"HOT{n:07d}"] for n in range(0, 100, 10)]
    for customer_id in movers:
        set_aum(owner, customer_id, {202608: "150000", 202609: "150000", 202610: "150000"})
    evaluator = Store(make_engine(owner.engine.url), clock=lambda: NOW)
    owner.engine.dispose()
    before = _tier_updates(owner)
    result = evaluate_tiers(evaluator, batch, (2026, 10))
    evaluator.engine.dispose()     # a backend hands its statistics over when it ends
    deadline = time.monotonic() + 15
    while (after := _tier_updates(owner))[0] - before[0] < result.counts["changed"] and time.monotonic() < deadline:
        time.sleep(0.2)
    updates, heap_only = after[0] - before[0], after[1] - before[1]
    assert result.counts["changed"] >= len(movers)
    assert updates == result.counts["changed"]
    assert heap_only == updates
