"""What the card services share: loading a customer, application or card within the actor's
branch subtree (the customer's branch decides), what a customer holds, and the eligibility
facts (tier on record, the card it entitles to, rolling AUM average, active exception)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cards.rules import ACTIVE, EXPIRED, LOST, NEW, Eligibility, Holding, check_eligibility
from app.errors import QT_TRANSLATE_NOOP, NotFound
from app.tiers.exceptions import APPROVED, computed_average
from app.tiers.policy_store import policy_in_force_at
from db.models import Branch, CardApplication, Customer, TierExceptionGrant, VipCard
from app.actor import Actor

CUSTOMER_NOT_FOUND = QT_TRANSLATE_NOOP("errors", "That customer does not exist in your scope.")


def customer_in_scope(session: Session, actor: Actor, customer_id: int, *, active: bool = True) -> Customer:
    """The customer, when their branch lies in the actor's subtree (and, by default, active)."""
    row = session.execute(select(Customer, Branch.path).join(Branch, Branch.id == Customer.branch_id)
                          .where(Customer.id == customer_id)).first()
    if row is None or not actor.sees(row[1]) or (active and not row[0].active):
        raise NotFound(CUSTOMER_NOT_FOUND)
    return row[0]


def application_in_scope(session: Session, actor: Actor, application_id: int, *, lock: bool = False) -> CardApplication:
    query = (select(CardApplication).join(Branch, Branch.id == CardApplication.branch_id)
             .where(CardApplication.id == application_id, Branch.path.startswith(actor.branch_path)))
    application = session.scalar(query.with_for_update(of=CardApplication) if lock else query)
    if application is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That card application does not exist in your scope."))
    return application


def card_in_scope(session: Session, actor: Actor, card_id: int) -> VipCard:
    card = session.scalar(select(VipCard).join(Customer, Customer.id == VipCard.customer_id)
                          .join(Branch, Branch.id == Customer.branch_id)
                          .where(VipCard.id == card_id, Branch.path.startswith(actor.branch_path)))
    if card is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That VIP card does not exist in your scope."))
    return card


def active_card(session: Session, customer_id: int) -> VipCard | None:
    return session.scalar(select(VipCard).where(VipCard.customer_id == customer_id, VipCard.status == ACTIVE))


def last_unreplaced_card(session: Session, customer_id: int) -> VipCard | None:
    """The customer's latest card when it is lost or expired and no later card replaces it."""
    last = session.scalars(select(VipCard).where(VipCard.customer_id == customer_id)
                           .order_by(VipCard.id.desc())).first()
    if last is None or last.status not in (LOST, EXPIRED):
        return None
    replaced = session.scalar(select(VipCard.id).where(VipCard.replaces_id == last.id))
    return None if replaced else last


def holding_of(session: Session, customer_id: int) -> tuple[Holding, VipCard | None]:
    """What the customer holds, with the card a new one would replace (active, else lost or
    expired and not yet replaced)."""
    active = active_card(session, customer_id)
    if active is not None:
        return Holding(active.card_type), active
    last = last_unreplaced_card(session, customer_id)
    if last is None:
        return Holding(), None
    if last.status == LOST:
        return Holding(lost_type=last.card_type), last
    return Holding(expired_type=last.card_type), last


@dataclass(frozen=True)
class EligibilityFacts:
    """What the application form shows beside its verdict: the tier on record and the card it
    entitles to, the rolling quarterly AUM average as of last month, an active tier exception,
    the card held now, and the verdict with its reason."""

    customer_id: int
    tier: str
    tier_label: str
    entitled: str | None
    average: Decimal | None
    exception_note: str
    holding: Holding
    replaces_card_id: int | None
    verdict: Eligibility


def eligibility_facts(session: Session, customer: Customer, kind: str, card_type: str, today: date) -> EligibilityFacts:
    policy = policy_in_force_at(session, today)
    band = next((b for b in policy.bands if b.code == customer.tier), None)
    entitled = band.card_type if band else None
    tier_label = band.label if band else customer.tier
    grant = session.scalars(select(TierExceptionGrant).where(
        TierExceptionGrant.customer_id == customer.id, TierExceptionGrant.status == APPROVED,
        TierExceptionGrant.valid_until >= today).order_by(TierExceptionGrant.valid_until.desc())).first()
    note = f"{grant.tier} → {grant.valid_until.isoformat()}: {grant.reason}"[:500] if grant else ""
    holding, current = holding_of(session, customer.id)
    verdict = check_eligibility(kind, card_type, holding, entitled, tier_label=tier_label)
    replaces = current.id if current is not None and kind != NEW else None
    return EligibilityFacts(customer.id, customer.tier, tier_label, entitled,
                            computed_average(session, customer.id, today), note, holding, replaces, verdict)
