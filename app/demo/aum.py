"""Demo AUM histories: plausible monthly average daily AUM across every tier.

Each customer gets a level drawn log-normally around a band picked so that every tier of the
default policy is populated (private banking ≥ 6,000,000 included), then a path over the months:
most customers wander a few percent a month, some trend up or down strongly enough to cross a
band, and a few move funds in from another bank in the last two months (some of them reach a
card tier in the latest month), so the evaluation's worklists are not empty. Deterministic for
a given seed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from datetime import date
from typing import cast

from sqlalchemy import Table, select

from app.actor import Actor
from app.tiers.evaluation import last_month
from db.models import AumMonth, Customer
from app.store import Store

# share of customers, (low, high) of their starting level in CNY
PROFILES = (
    (0.34, (3_000, 95_000)),           # ordinary
    (0.30, (100_000, 490_000)),        # gold
    (0.14, (500_000, 980_000)),        # platinum
    (0.14, (1_000_000, 5_800_000)),    # diamond
    (0.08, (6_000_000, 40_000_000)),   # private banking
)
TREND_UP, TREND_DOWN = 0.12, 0.12
FUNDS_IN = 0.04                         # share of customers moving funds in, last two months
FUNDS_IN_CNY = (150_000, 600_000)


def _months(end: tuple[int, int], count: int) -> list[int]:
    index = end[0] * 12 + end[1] - 1
    return [(i // 12) * 100 + i % 12 + 1 for i in range(index - count + 1, index + 1)]


def demo_history(rnd: random.Random, months: int) -> list[int]:
    """One customer's monthly averages in cents, oldest first."""
    pick = rnd.random()
    low, high = PROFILES[-1][1]
    for share, bounds in PROFILES:
        if pick < share:
            low, high = bounds
            break
        pick -= share
    level = math.exp(rnd.uniform(math.log(low), math.log(high)))
    roll = rnd.random()
    drift = (rnd.uniform(0.12, 0.35) if roll < TREND_UP
             else -rnd.uniform(0.12, 0.35) if roll < TREND_UP + TREND_DOWN else 0.0)
    values = []
    for _ in range(months):
        values.append(max(0, int(round(level * 100))))
        level *= math.exp(drift + rnd.gauss(0, 0.04))
    if roll >= 1 - FUNDS_IN:    # the amount from the same roll: the other customers' draws stay as they were
        low, high = FUNDS_IN_CNY
        moved_in = (low + (roll - (1 - FUNDS_IN)) / FUNDS_IN * (high - low)) * 100
        values[-2:] = [v + int(moved_in) for v in values[-2:]]
    return values


def build_demo_aum(store: Store, customers: Iterable[int | str], *, months: int = 6, seed: int = 2026,
                   end: tuple[int, int] | None = None) -> int:
    """Write ``months`` months of AUM (ending last month, or ``end``) for the customers given by
    id or CIF number; returns the number of rows written. One transaction, bulk insert."""
    wanted = list(customers)
    end = end or last_month(store.today())
    month_keys = _months(end, months)
    with store.write(Actor.batch("demo")) as uow:
        session = uow.session
        cifs = [c for c in wanted if isinstance(c, str)]
        ids = [c for c in wanted if isinstance(c, int)]
        if cifs:
            ids += list(session.scalars(select(Customer.id).where(Customer.cif_no.in_(cifs))))
        rnd = random.Random(seed)
        rows = []
        for customer_id in sorted(set(ids)):
            for month, cents in zip(month_keys, demo_history(rnd, months)):
                rows.append({"customer_id": customer_id, "month": month,
                             "avg_daily_aum": f"{cents // 100}.{cents % 100:02d}"})
        table = cast(Table, AumMonth.__table__)  # typed FromClause by DeclarativeBase
        session.execute(table.delete().where(
            AumMonth.customer_id.in_(sorted(set(ids))), AumMonth.month.in_(month_keys)))
        for start in range(0, len(rows), 20_000):
            session.execute(table.insert(), rows[start:start + 20_000])
        uow.audit("aum.demo", "aum_month", "*", after={"customers": len(set(ids)), "months": months})
        return len(rows)


def _refresh_statistics(store: Store) -> None:
    """PostgreSQL plans the evaluation by its statistics of the tables; those just filled have
    none yet (autovacuum reaches them about a minute later), and with 20,000 demo customers the
    first evaluation then ran for minutes on plans made for empty tables."""
    if store.kind == "postgresql":
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE customer, customer_tier, aum_month")


def add_demo_tiers(store: Store, *, seed: int = 2026) -> None:
    """After the demo customers exist: their AUM histories, an evaluation as of last month
    (so the worklists have rows) and one pending exception for the branch manager's inbox."""
    from app.auth.accounts import actor_for
    from app.tiers.evaluation import evaluate_tiers
    from app.tiers.exceptions import propose_exception
    from app.tiers.rules import DEFAULT_TIER_POLICY
    from db.models import Branch, StaffAccount, TierExceptionGrant

    with store.read() as session:
        customer_ids = list(session.scalars(select(Customer.id).where(Customer.active.is_(True))))
    if not customer_ids:
        return
    build_demo_aum(store, customer_ids, seed=seed)
    _refresh_statistics(store)
    # two months ago first, then last month: customers whose AUM trends cross a band show up
    # on the upgrade and below-standard lists of the latest evaluation
    year, month = last_month(store.today())
    earlier = (year, month - 2) if month > 2 else (year - 1, month + 10)
    evaluate_tiers(store, Actor.batch("demo"), earlier)
    evaluate_tiers(store, Actor.batch("demo"), (year, month))
    with store.read() as session:
        advisor = session.scalar(select(StaffAccount).where(StaffAccount.username == "advisor"))
        if advisor is None:
            return
        actor = actor_for(advisor)
        candidate = session.scalar(
            select(Customer.id).join(Branch, Branch.id == Customer.branch_id)
            .where(Branch.path.startswith(actor.branch_path), Customer.tier == DEFAULT_TIER_POLICY.bands[0].code,
                   Customer.active.is_(True),
                   ~select(TierExceptionGrant.id).where(TierExceptionGrant.customer_id == Customer.id).exists())
            .order_by(Customer.id).limit(1))
    if candidate is not None:
        today = store.today()
        propose_exception(store, actor, candidate, tier="gold",
                          reason="潜力客户：新设企业主，预计三个月内资产达标",
                          valid_until=date(today.year + 1, 6, 30))
