"""Demo AUM: every tier populated, worklists not empty, a pending exception, a year of tier
changes for the care dashboard's charts."""

from __future__ import annotations

from sqlalchemy import func, select

from app.care.dashboard import MONTHS, care_dashboard
from app.demo.aum import PAST_MONTHS, RECENT_MONTHS, add_demo_tiers, build_demo_aum
from app.tiers.evaluation import latest_evaluation
from app.tiers.exceptions import pending_count
from db.models import AumMonth, CustomerTier, TierChange, TierEvaluation
from tests.db.helpers import actor_named
from tests.db.tierdata import NOW, add_customers


def test_demo_histories_cover_every_tier_and_fill_the_worklists(demo_store):
    """The demo as ``build_demo`` makes it (its customers, then AUM and evaluations)."""
    with demo_store.read() as session:
        tiers = dict(session.execute(select(CustomerTier.tier, func.count()).group_by(CustomerTier.tier)).all())
        months = set(session.scalars(select(AumMonth.month).distinct()))
    assert set(tiers) == {"ordinary", "gold", "platinum", "diamond", "private"}
    assert len(months) == PAST_MONTHS + RECENT_MONTHS
    manager = actor_named(demo_store, "manager")
    latest = latest_evaluation(demo_store, manager)
    assert latest.as_of == max(months)
    assert latest.counts["upgrade"] > 0 and latest.counts["below_standard"] > 0
    assert pending_count(demo_store, manager) == 1


def test_the_demo_has_a_year_of_tier_history_on_the_dashboard(demo_store):
    """The care dashboard's twelve-month charts read tier changes from the store: the demo's
    are spread over the year (monthly evaluations on their own dates), not all made today."""
    board = care_dashboard(demo_store, actor_named(demo_store, "manager"))
    moved = [m.month for m in board.moves if m.upgrades or m.downgrades]
    assert len(board.moves) == MONTHS and len(moved) >= MONTHS // 2
    assert min(moved) < board.moves[MONTHS // 2].month
    first_month, first = board.trend[0]
    assert sum(first.values()) > 0.8 * board.vip_total, (first_month, first, board.counts)
    with demo_store.read() as session:
        runs = {(r.year, r.month) for r in session.scalars(select(TierEvaluation.run_at))}
        changed = {(c.year, c.month) for c in session.scalars(select(TierChange.changed_at))}
    assert len(runs) > MONTHS and changed <= runs


def test_demo_tiers_for_added_customers(demo_store):
    demo_store.clock = lambda: NOW
    ids = add_customers(demo_store, "BJ010101", [f"DEMO{i:06d}" for i in range(50)])
    assert build_demo_aum(demo_store, list(ids.values()), end=(2026, 10)) == 300
    add_demo_tiers(demo_store)   # the same six months rewritten, not doubled, and the quiet ones before
    with demo_store.read() as session:
        assert session.scalar(select(func.count()).select_from(AumMonth).where(
            AumMonth.customer_id.in_(list(ids.values())))) == 50 * (PAST_MONTHS + RECENT_MONTHS)


def test_same_seed_same_histories(sqlite_demo_store):
    store = sqlite_demo_store
    store.clock = lambda: NOW
    add_customers(store, "BJ010101", ["SEED000001", "SEED000002"])
    assert build_demo_aum(store, ["SEED000001", "SEED000002"], months=3, seed=7) == 6
    with store.read() as session:
        first = session.execute(select(AumMonth.avg_daily_aum).order_by(AumMonth.customer_id, AumMonth.month)).all()
    build_demo_aum(store, ["SEED000001", "SEED000002"], months=3, seed=7)
    with store.read() as session:
        again = session.execute(select(AumMonth.avg_daily_aum).order_by(AumMonth.customer_id, AumMonth.month)).all()
    assert first == again
