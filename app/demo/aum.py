"""Demo AUM histories: plausible monthly average daily AUM across every tier.

Each customer gets a level drawn log-normally around a band picked so that every tier of the
default policy is populated (private banking ≥ 6,000,000 included), then a path over the months:
most customers wander a few percent a month, some trend up or down strongly enough to cross a
band, and a few move funds in from another bank in the last two months (some of them reach a
card tier in the latest month), so the evaluation's worklists are not empty. Before those six
months each customer's level wandered quietly (:data:`PAST_MONTHS` more), and the tiers were
evaluated at every month's end of the last year, each run on its own date, so the care
dashboard's twelve-month charts read a year of tier changes from the store (they showed the
current month only when every tier change of the demo was made today). Deterministic for a
given seed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable
from datetime import date, datetime
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
RECENT_MONTHS = 6                       # the months demo_history draws, trends and moves included
PAST_MONTHS = 9                         # quieter months before them: a year of evaluations needs 15
PAST_WANDER = 0.05                      # a month's move of a quiet month, standard deviation
EVALUATED_MONTHS = 13                   # one before the dashboard's twelve, so its first month is not everyone's first tier
EVALUATION_DAY, EVALUATION_HOUR = 3, 1  # the month's evaluation runs on the 3rd, 09:00 Beijing (01:00 UTC)


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


def demo_past(rnd: random.Random, first: int, months: int) -> list[int]:
    """``months`` quiet monthly averages in cents before a history starting at ``first``,
    oldest first: a random walk back from it, a few percent a month."""
    values, level = [], float(first)
    for _ in range(months):
        level *= math.exp(rnd.gauss(0, PAST_WANDER))
        values.append(max(0, int(round(level))))
    return values[::-1]


def build_demo_aum(store: Store, customers: Iterable[int | str], *, months: int = RECENT_MONTHS,
                   seed: int = 2026, end: tuple[int, int] | None = None, past: int = 0) -> int:
    """Write ``months`` months of AUM (ending last month, or ``end``), after ``past`` quiet
    months, for the customers given by id or CIF number; returns the number of rows written.
    One transaction, bulk insert. The recent months are drawn as without ``past`` (the quiet
    months from a random stream of their own), so a customer's latest tier does not depend on it."""
    wanted = list(customers)
    end = end or last_month(store.today())
    month_keys = _months(end, past + months)
    with store.write(Actor.batch("demo")) as uow:
        session = uow.session
        cifs = [c for c in wanted if isinstance(c, str)]
        ids = [c for c in wanted if isinstance(c, int)]
        if cifs:
            ids += list(session.scalars(select(Customer.id).where(Customer.cif_no.in_(cifs))))
        rnd, quiet = random.Random(seed), random.Random(f"{seed}:past")
        rows = []
        for customer_id in sorted(set(ids)):
            recent = demo_history(rnd, months)
            for month, cents in zip(month_keys, demo_past(quiet, recent[0], past) + recent):
                rows.append({"customer_id": customer_id, "month": month,
                             "avg_daily_aum": f"{cents // 100}.{cents % 100:02d}"})
        table = cast(Table, AumMonth.__table__)  # typed FromClause by DeclarativeBase
        session.execute(table.delete().where(
            AumMonth.customer_id.in_(sorted(set(ids))), AumMonth.month.in_(month_keys)))
        for start in range(0, len(rows), 20_000):
            session.execute(table.insert(), rows[start:start + 20_000])
        uow.audit("aum.demo", "aum_month", "*", after={"customers": len(set(ids)), "months": past + months})
        return len(rows)


def _refresh_statistics(store: Store) -> None:
    """PostgreSQL plans the evaluation by its statistics of the tables; those just filled have
    none yet (autovacuum reaches them about a minute later), and with 20,000 demo customers the
    first evaluation then ran for minutes on plans made for empty tables."""
    if store.kind == "postgresql":
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE customer, customer_tier, aum_month")


def _stopped_at(moment: datetime) -> Callable[[], datetime]:
    """A store clock that always says ``moment``."""
    return lambda: moment


def _evaluate_the_past_year(store: Store) -> None:
    """The monthly evaluations of the last :data:`EVALUATED_MONTHS` month-ends, each on the
    store's clock of the day it runs (the 3rd of the month after), the latest one now: the
    tier changes carry the dates a bank that evaluates monthly would have. Customers whose
    AUM trends cross a band show up on the worklists of the latest evaluation."""
    from app.tiers.evaluation import evaluate_tiers

    latest = last_month(store.today())
    as_of = _months(latest, EVALUATED_MONTHS)
    for month in as_of[:-1]:
        year, number = divmod(month, 100)
        run_year, run_month = (year + 1, 1) if number == 12 else (year, number + 1)
        run_at = datetime(run_year, run_month, EVALUATION_DAY, EVALUATION_HOUR)
        evaluate_tiers(Store(store.engine, clock=_stopped_at(run_at), keys=store.keys), Actor.batch("demo"),
                       (year, number))
    evaluate_tiers(store, Actor.batch("demo"), latest)


def add_demo_tiers(store: Store, *, seed: int = 2026) -> None:
    """After the demo customers exist: their AUM histories, an evaluation as of last month
    (so the worklists have rows) and one pending exception for the branch manager's inbox."""
    from app.auth.accounts import actor_for
    from app.tiers.exceptions import propose_exception
    from app.tiers.rules import DEFAULT_TIER_POLICY
    from db.models import Branch, StaffAccount, TierExceptionGrant

    with store.read() as session:
        customer_ids = list(session.scalars(select(Customer.id).where(Customer.active.is_(True))))
    if not customer_ids:
        return
    build_demo_aum(store, customer_ids, seed=seed, past=PAST_MONTHS)
    _refresh_statistics(store)
    _evaluate_the_past_year(store)
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
