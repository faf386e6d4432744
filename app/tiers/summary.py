"""A customer's tier and why: the last months of AUM, the rolling quarterly average, the
current tier with the band or exception behind it, tier history and exceptions (the customer
view's "Tier & AUM" tab)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP, NotFound
from app.tiers.evaluation import last_month
from app.tiers.exceptions import ExceptionRow, list_exceptions
from app.tiers.policy_store import policy_in_force_at
from app.tiers.rules import TierBand, TierPolicy, month_end, rolling_quarterly_average, tier_for
from db.models import AumMonth, Branch, Customer, TierChange, TierEvaluation
from app.actor import Actor
from app.store import Store

MONTHS_SHOWN = 6


@dataclass(frozen=True)
class TierChangeRow:
    changed_at: datetime
    from_tier: str
    to_tier: str
    average: Decimal | None
    cause: str
    as_of: int | None
    policy_version: int | None


@dataclass(frozen=True)
class TierSummary:
    customer_id: int
    tier: str
    tier_since: date | None
    as_of: tuple[int, int]
    months: list[tuple[int, Decimal | None]]   # yyyymm, newest first (None: no figure)
    average: Decimal | None                    # rolling quarterly average as of ``as_of``
    band: TierBand | None                      # the band the average reaches
    policy: TierPolicy
    active_exception: ExceptionRow | None      # approved and not ended: why the tier is above the band
    history: list[TierChangeRow]
    exceptions: list[ExceptionRow]


def _months_back(as_of: tuple[int, int], count: int) -> list[int]:
    index = as_of[0] * 12 + as_of[1] - 1
    return [(i // 12) * 100 + i % 12 + 1 for i in range(index, index - count, -1)]


def tier_summary(store: Store, actor: Actor, customer_id: int) -> TierSummary:
    """Everything behind one customer's tier (VIEW_CUSTOMERS, customer in scope)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    today = store.today()
    as_of = last_month(today)
    with store.read() as session:
        row = session.execute(select(Customer, Branch.path).join(Branch, Branch.id == Customer.branch_id)
                              .where(Customer.id == customer_id)).first()
        if row is None or not actor.sees(row[1]):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That customer does not exist in your scope."))
        customer = row[0]
        wanted = _months_back(as_of, MONTHS_SHOWN)
        stored = {m: Decimal(str(v)).quantize(Decimal("0.01")) for m, v in session.execute(
            select(AumMonth.month, AumMonth.avg_daily_aum).where(
                AumMonth.customer_id == customer_id, AumMonth.month.in_(wanted))).all()}
        average = rolling_quarterly_average({(m // 100, m % 100): v for m, v in stored.items()}, as_of)
        policy = policy_in_force_at(session, month_end(as_of))
        history = [TierChangeRow(c.changed_at, c.from_tier, c.to_tier, c.average, c.cause, as_of_, version)
                   for c, as_of_, version in session.execute(
                       select(TierChange, TierEvaluation.as_of, TierEvaluation.policy_version)
                       .outerjoin(TierEvaluation, TierEvaluation.id == TierChange.evaluation_id)
                       .where(TierChange.customer_id == customer_id)
                       .order_by(TierChange.id.desc())).all()]
        tier, since = customer.tier, customer.tier_since
    exceptions = list_exceptions(store, actor, customer_id=customer_id)
    active = next((e for e in exceptions if e.status == "approved" and e.valid_until >= today), None)
    return TierSummary(customer_id, tier, since, as_of, [(m, stored.get(m)) for m in wanted], average,
                       tier_for(average, policy) if average is not None else None, policy, active,
                       history, exceptions)
