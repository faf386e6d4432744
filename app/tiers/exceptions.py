"""Tier exceptions: a relationship manager proposes a tier above the AUM band for a notable or
high-potential customer, with a reason and an end date; a branch manager who is not the
proposer approves or rejects it with a comment (maker-checker, enforced here); the proposer
may withdraw a pending proposal. Approval changes no tier by itself: the next evaluation
applies the exception, and the first evaluation after its end date returns the customer to
the computed tier. Every step is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.auth.permissions import Permission, require
from app.errors import CHANGED_BY_SOMEONE_ELSE, QT_TRANSLATE_NOOP, ConflictError, NotFound, PermissionDenied, ValidationError
from app.tiers.evaluation import last_month
from app.tiers.policy_store import policy_in_force_at
from app.tiers.rules import APPROVED_BY, REASON, TIER, VALID_UNTIL, quarter_window, rolling_quarterly_average, tier_for
from app.text import clean_text
from db.models import AumMonth, Branch, Customer, StaffAccount, TierExceptionGrant
from app.actor import Actor
from app.store import Store

PROPOSED, APPROVED, REJECTED, WITHDRAWN = "proposed", "approved", "rejected", "withdrawn"
# An exception's steps, with who may take them ('' = proposing it). The services check these; on
# PostgreSQL the database checks a staff login's raw writes by the same table (migration 0026).
TRANSITIONS: dict[tuple[str, str], Permission] = {
    ("", PROPOSED): Permission.PROPOSE_TIER_EXCEPTION,
    (PROPOSED, APPROVED): Permission.APPROVE_TIER_EXCEPTION,
    (PROPOSED, REJECTED): Permission.APPROVE_TIER_EXCEPTION,
    (PROPOSED, WITHDRAWN): Permission.PROPOSE_TIER_EXCEPTION,
}
STATUS_LABELS = {
    PROPOSED: QT_TRANSLATE_NOOP("exception_status", "Pending"),
    APPROVED: QT_TRANSLATE_NOOP("exception_status", "Approved"),
    REJECTED: QT_TRANSLATE_NOOP("exception_status", "Rejected"),
    WITHDRAWN: QT_TRANSLATE_NOOP("exception_status", "Withdrawn"),
}
COMMENT = QT_TRANSLATE_NOOP("fields", "Comment")
CUSTOMER = QT_TRANSLATE_NOOP("fields", "Customer")
MAX_YEARS = 3


@dataclass(frozen=True)
class ExceptionRow:
    id: int
    customer_id: int
    cif_no: str
    customer_name: str
    branch_code: str
    tier: str
    reason: str
    valid_until: date
    status: str
    proposed_by: int
    proposed_by_name: str
    proposed_at: datetime
    decided_by_name: str
    decided_at: datetime | None
    decision_comment: str
    version: int


def _customer(session: Session, actor: Actor, customer_id: int) -> Customer:
    row = session.execute(select(Customer, Branch.path).join(Branch, Branch.id == Customer.branch_id)
                          .where(Customer.id == customer_id)).first()
    if row is None or not actor.sees(row[1]) or not row[0].active:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That customer does not exist in your scope."))
    return row[0]


def computed_average(session: Session, customer_id: int, today: date) -> Decimal | None:
    """The rolling quarterly daily-average AUM as of last month (None without any figure)."""
    window = quarter_window(last_month(today))
    rows = session.execute(select(AumMonth.month, AumMonth.avg_daily_aum).where(
        AumMonth.customer_id == customer_id,
        AumMonth.month.in_([y * 100 + m for y, m in window]))).all()
    monthly = {(m // 100, m % 100): Decimal(str(v)) for m, v in rows}
    return rolling_quarterly_average(monthly, last_month(today))


def propose_exception(store: Store, actor: Actor, customer_id: int, *, tier: str, reason: str,
                      valid_until: date) -> ExceptionRow:
    """Propose ``tier`` for a customer in scope (PROPOSE_TIER_EXCEPTION): a tier of the policy
    in force, above the band the customer's AUM reaches, a reason, an end date from today to
    at most three years ahead; one pending proposal per customer."""
    require(actor, Permission.PROPOSE_TIER_EXCEPTION)
    if actor.account_id is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "Exceptions are proposed by a signed-in relationship manager."))
    reason = clean_text(reason, field=REASON, max_length=500)
    with store.write(actor) as uow:
        session = uow.session
        today = uow.today
        customer = _customer(session, actor, customer_id)
        policy = policy_in_force_at(session, today)
        policy.band(tier)  # names "Tier" when unknown
        average = computed_average(session, customer.id, today)
        floor = tier_for(average, policy) if average is not None else policy.bands[0]
        if policy.rank(tier) <= policy.rank(floor.code):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "must be above the tier the customer's AUM already reaches ({tier})"),
                field=TIER, tier=floor.code)
        if not isinstance(valid_until, date) or valid_until < today:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a date from today on"),
                                  field=VALID_UNTIL)
        if valid_until > today + timedelta(days=365 * MAX_YEARS + 1):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be at most {years} years ahead"),
                                  field=VALID_UNTIL, years=MAX_YEARS)
        pending = session.scalar(select(func.count()).select_from(TierExceptionGrant).where(
            TierExceptionGrant.customer_id == customer.id, TierExceptionGrant.status == PROPOSED))
        if pending:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "errors", "This customer already has a pending exception; decide or withdraw it first."))
        grant = TierExceptionGrant(customer_id=customer.id, tier=tier, reason=reason,
                                   valid_until=valid_until, status=PROPOSED,
                                   proposed_by=actor.account_id, proposed_at=uow.now,
                                   decision_comment="")
        session.add(grant)
        session.flush()
        uow.audit("tier_exception.propose", "tier_exception", grant.id, after=_snapshot(grant),
                  branch_id=customer.branch_id)
        return _rows(session, actor, [grant.id])[0]


def _load(session: Session, actor: Actor, exception_id: int, expected_version: int | None) -> tuple[TierExceptionGrant, Customer]:
    grant = session.get(TierExceptionGrant, exception_id)
    if grant is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That exception does not exist in your scope."))
    customer = _customer(session, actor, grant.customer_id)
    if expected_version is not None and grant.version != expected_version:
        raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
    if grant.status != PROPOSED:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This exception has already been decided or withdrawn."))
    return grant, customer


def decide_exception(store: Store, actor: Actor, exception_id: int, *, approve: bool, comment: str = "",
                     expected_version: int | None = None) -> ExceptionRow:
    """Approve or reject a pending exception (APPROVE_TIER_EXCEPTION), never one's own; a
    rejection needs a comment."""
    require(actor, Permission.APPROVE_TIER_EXCEPTION)
    comment = clean_text(comment or "", field=COMMENT, max_length=500, required=False) \
        if comment else ""
    if not approve and not comment:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required to reject"), field=COMMENT)
    with store.write(actor) as uow:
        grant, customer = _load(uow.session, actor, exception_id, expected_version)
        if actor.account_id is None or grant.proposed_by == actor.account_id:
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "must be someone other than the person who proposed it"), field=APPROVED_BY)
        if approve and grant.valid_until < uow.today:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "has already passed"), field=VALID_UNTIL)
        before = _snapshot(grant)
        grant.status = APPROVED if approve else REJECTED
        grant.decided_by, grant.decided_at, grant.decision_comment = actor.account_id, uow.now, comment
        uow.session.flush()
        uow.audit("tier_exception.approve" if approve else "tier_exception.reject", "tier_exception",
                  grant.id, before=before, after=_snapshot(grant), branch_id=customer.branch_id)
        return _rows(uow.session, actor, [grant.id])[0]


def withdraw_exception(store: Store, actor: Actor, exception_id: int, *,
                       expected_version: int | None = None) -> ExceptionRow:
    """The proposer takes back a pending proposal."""
    require(actor, Permission.PROPOSE_TIER_EXCEPTION)
    with store.write(actor) as uow:
        grant, customer = _load(uow.session, actor, exception_id, expected_version)
        if grant.proposed_by != actor.account_id:
            raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Only the person who proposed it may withdraw it."))
        before = _snapshot(grant)
        grant.status, grant.decided_at = WITHDRAWN, uow.now
        uow.session.flush()
        uow.audit("tier_exception.withdraw", "tier_exception", grant.id, before=before,
                  after=_snapshot(grant), branch_id=customer.branch_id)
        return _rows(uow.session, actor, [grant.id])[0]


def _snapshot(grant: TierExceptionGrant) -> dict:
    return {"customer_id": grant.customer_id, "tier": grant.tier, "reason": grant.reason,
            "valid_until": grant.valid_until.isoformat(), "status": grant.status,
            "decision_comment": grant.decision_comment}


def _query(actor: Actor):
    proposer, decider = aliased(StaffAccount), aliased(StaffAccount)
    query = (select(TierExceptionGrant, Customer.cif_no, Customer.name, Branch.code,
                    proposer.display_name, decider.display_name)
             .join(Customer, Customer.id == TierExceptionGrant.customer_id)
             .join(Branch, Branch.id == Customer.branch_id)
             .outerjoin(proposer, proposer.id == TierExceptionGrant.proposed_by)
             .outerjoin(decider, decider.id == TierExceptionGrant.decided_by))
    if actor.branch_path != "/":
        query = query.where(Branch.path.startswith(actor.branch_path))
    return query


def _row(grant, cif, name, code, proposer, decider) -> ExceptionRow:
    return ExceptionRow(grant.id, grant.customer_id, cif, name, code, grant.tier, grant.reason,
                        grant.valid_until, grant.status, grant.proposed_by, proposer or "",
                        grant.proposed_at, decider or "", grant.decided_at, grant.decision_comment,
                        grant.version)


def _rows(session: Session, actor: Actor, ids: list[int]) -> list[ExceptionRow]:
    rows = session.execute(_query(actor).where(TierExceptionGrant.id.in_(ids))).all()
    return [_row(*r) for r in rows]


def list_exceptions(store: Store, actor: Actor, *, status: str | None = None, customer_id: int | None = None,
                    limit: int = 500) -> list[ExceptionRow]:
    """Exceptions of customers in the actor's scope, newest first; ``status`` narrows them
    (``"proposed"``: the approver's inbox)."""
    if not (actor.may(Permission.VIEW_CUSTOMERS) or actor.may(Permission.APPROVE_TIER_EXCEPTION)):
        require(actor, Permission.VIEW_CUSTOMERS)
    query = _query(actor)
    if status:
        query = query.where(TierExceptionGrant.status == status)
    if customer_id is not None:
        query = query.where(TierExceptionGrant.customer_id == customer_id)
    with store.read() as session:
        rows = session.execute(query.order_by(TierExceptionGrant.id.desc()).limit(limit)).all()
        return [_row(*r) for r in rows]


def pending_count(store: Store, actor: Actor) -> int:
    """Pending proposals the actor could decide (in scope, not their own)."""
    if not actor.may(Permission.APPROVE_TIER_EXCEPTION):
        return 0
    query = _query(actor).where(TierExceptionGrant.status == PROPOSED)
    if actor.account_id is not None:
        query = query.where(TierExceptionGrant.proposed_by != actor.account_id)
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(query.subquery())) or 0


@dataclass(frozen=True)
class CustomerBrief:
    id: int
    cif_no: str
    name: str
    tier: str
    branch_code: str


def find_customer_by_cif(store: Store, actor: Actor, cif: str) -> CustomerBrief:
    """An active customer in the actor's scope by CIF number (for proposing an exception)."""
    from app.customers.rules import clean_cif

    require(actor, Permission.VIEW_CUSTOMERS)
    cif = clean_cif(cif)
    with store.read() as session:
        row = session.execute(select(Customer, Branch.code, Branch.path)
                              .join(Branch, Branch.id == Customer.branch_id)
                              .where(Customer.cif_no == cif)).first()
        if row is None or not actor.sees(row[2]) or not row[0].active:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No customer with CIF number {cif} in your scope."),
                           cif=cif)
        c = row[0]
        return CustomerBrief(c.id, c.cif_no, c.name, c.tier, row[1])
