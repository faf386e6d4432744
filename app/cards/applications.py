"""Card applications: entered with the eligibility check (tier on record, rolling AUM, any
exception, the card held), decided by a branch manager who did not enter it, with a comment,
and withdrawn while open. An application that is not eligible is refused with the reason; a
customer has at most one open application (the schema keeps that too). Every step audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import aliased
from sqlalchemy.orm.attributes import set_committed_value

from app.auth.permissions import Permission, require
from app.cards import rules
from app.cards.common import (
    EligibilityFacts, application_in_scope, customer_in_scope, eligibility_facts,
)
from app.cards.rules import APPROVED_BY, COMMENT, NOTE, REASON
from app.errors import CHANGED_BY_SOMEONE_ELSE, QT_TRANSLATE_NOOP, ConflictError, PermissionDenied
from app.store import insert_unique
from app.text import clean_text
from db.models import Branch, CardApplication, Customer, StaffAccount
from app.actor import Actor
from app.store import Store

PAGE = 200


@dataclass(frozen=True)
class ApplicationRow:
    """One application as lists and the issue wizard show it (plain values)."""

    id: int
    customer_id: int
    cif_no: str
    customer_name: str
    branch_code: str
    kind: str
    card_type: str
    replaces_card_id: int | None
    status: str
    tier: str
    average: Decimal | None
    exception_note: str
    note: str
    entered_by: int | None
    entered_by_name: str
    entered_at: datetime
    decided_by_name: str
    decided_at: datetime | None
    decision_comment: str
    card_id: int | None
    version: int


def check_application(store: Store, actor: Actor, customer_id: int, *, kind: str, card_type: str) -> EligibilityFacts:
    """The eligibility the entry form shows while the clerk chooses (nothing is written)."""
    require(actor, Permission.APPLY_FOR_CARD)
    with store.read() as session:
        customer = customer_in_scope(session, actor, customer_id)
        return eligibility_facts(session, customer, kind, card_type, store.today())


def submit_application(store: Store, actor: Actor, customer_id: int, *, kind: str, card_type: str,
                       note: str = "") -> ApplicationRow:
    """Enter an application (APPLY_FOR_CARD) for a customer in scope: refused with the reason
    when not eligible, or when the customer already has an open application."""
    require(actor, Permission.APPLY_FOR_CARD)
    if actor.account_id is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Applications are entered by a signed-in person."))
    note = clean_text(note, field=NOTE, max_length=500, required=False) if note else ""
    with store.write(actor) as uow:
        session = uow.session
        customer = customer_in_scope(session, actor, customer_id)
        facts = eligibility_facts(session, customer, kind, card_type, uow.today)
        if not facts.verdict.eligible:
            raise facts.verdict.refusal()
        _refuse_second_open(session, customer.id)
        application = CardApplication(
            customer_id=customer.id, branch_id=customer.branch_id, kind=kind, card_type=card_type,
            replaces_card_id=facts.replaces_card_id, status=rules.SUBMITTED, tier=customer.tier,
            average=facts.average, exception_note=facts.exception_note, note=note,
            entered_by=actor.account_id, entered_by_name=actor.username, entered_at=uow.now,
            decided_by_name="", decision_comment="")
        insert_unique(session, application, ConflictError(OPEN_ALREADY))
        uow.audit("card_application.submit", "card_application", application.id, branch_id=customer.branch_id,
                  after=_snapshot(application))
        return _rows(session, [application.id])[0]


OPEN_ALREADY = QT_TRANSLATE_NOOP(
    "errors", "This customer already has an open card application; decide, issue or cancel it first.")


def _refuse_second_open(session, customer_id: int) -> None:
    open_id = session.scalar(select(CardApplication.id).where(
        CardApplication.customer_id == customer_id, CardApplication.status.in_(rules.OPEN_STATUSES)))
    if open_id is not None:
        raise ConflictError(OPEN_ALREADY)


def decide_application(store: Store, actor: Actor, application_id: int, *, approve: bool, comment: str,
                       expected_version: int | None = None) -> ApplicationRow:
    """A branch manager (APPROVE_CARD) who did not enter the application approves or rejects
    it with a comment (required either way: it is the decision's record)."""
    require(actor, Permission.APPROVE_CARD)
    comment = clean_text(comment or "", field=COMMENT, max_length=500)
    with store.write(actor) as uow:
        session = uow.session
        application = application_in_scope(session, actor, application_id)
        if actor.account_id is None or application.entered_by == actor.account_id:
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "must be someone other than the person who entered the application"),
                field=APPROVED_BY)
        action = rules.APPROVE if approve else rules.REJECT
        before = _snapshot(application)
        after = rules.next_application_status(action, application.status)
        change_status(session, application, expected_version, status=after, decided_by=actor.account_id,
                    decided_by_name=actor.username, decided_at=uow.now, decision_comment=comment)
        uow.audit(f"card_application.{action}", "card_application", application.id,
                  branch_id=application.branch_id, before=before, after=_snapshot(application))
        return _rows(session, [application.id])[0]


def withdraw_application(store: Store, actor: Actor, application_id: int, *, reason: str,
                         expected_version: int | None = None) -> ApplicationRow:
    """Cancel an open application (the customer changed their mind, or it was entered in
    error): its author, or a branch manager, with a reason."""
    if not (actor.may(Permission.APPLY_FOR_CARD) or actor.may(Permission.APPROVE_CARD)):
        require(actor, Permission.APPLY_FOR_CARD)
    reason = clean_text(reason or "", field=REASON, max_length=500)
    with store.write(actor) as uow:
        session = uow.session
        application = application_in_scope(session, actor, application_id)
        if application.entered_by != actor.account_id and not actor.may(Permission.APPROVE_CARD):
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "Only the person who entered it or a branch manager may cancel an application."))
        before = _snapshot(application)
        after = rules.next_application_status(rules.WITHDRAW, application.status)
        change_status(session, application, expected_version, status=after, decision_comment=reason,
                    decided_at=uow.now, decided_by_name=actor.username, decided_by=actor.account_id)
        uow.audit("card_application.cancel", "card_application", application.id,
                  branch_id=application.branch_id, before=before, after=_snapshot(application))
        return _rows(session, [application.id])[0]


def change_status(session, application: CardApplication, expected_version: int | None, **values) -> None:
    """One conditional UPDATE from the status read: a second PC that decided or issued first
    makes this one fail with a clear conflict instead of overwriting."""
    if expected_version is not None and expected_version != application.version:
        raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
    done = session.execute(
        update(CardApplication).where(CardApplication.id == application.id,
                                      CardApplication.status == application.status,
                                      CardApplication.version == application.version)
        .values(**values, version=application.version + 1)
        .execution_options(synchronize_session=False)).rowcount
    if done != 1:
        raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
    # the row now holds what was written: say so without reading it back
    for name, value in {**values, "version": application.version + 1}.items():
        set_committed_value(application, name, value)


def _snapshot(application: CardApplication) -> dict:
    return {"customer_id": application.customer_id, "kind": application.kind,
            "card_type": application.card_type, "status": application.status,
            "replaces_card_id": application.replaces_card_id, "tier": application.tier,
            "average": None if application.average is None else str(application.average),
            "comment": application.decision_comment, "card_id": application.card_id}


# ----------------------------------------------------------------------------- lists


def _select():
    """Applications with the customer, the branch, and the names of the people who entered and
    decided them (the rows keep user names, which the database's checks compare)."""
    enterer, decider = aliased(StaffAccount), aliased(StaffAccount)
    return (select(CardApplication, Customer.cif_no, Customer.name, Branch.code, enterer.display_name,
                   decider.display_name)
            .join(Customer, Customer.id == CardApplication.customer_id)
            .join(Branch, Branch.id == CardApplication.branch_id)
            .outerjoin(enterer, enterer.id == CardApplication.entered_by)
            .outerjoin(decider, decider.id == CardApplication.decided_by))


def _query(actor: Actor):
    return _select().where(Branch.path.startswith(actor.branch_path))


def _row(a: CardApplication, cif: str, name: str, code: str, entered_by: str | None,
         decided_by: str | None) -> ApplicationRow:
    return ApplicationRow(a.id, a.customer_id, cif, name, code, a.kind, a.card_type, a.replaces_card_id,
                          a.status, a.tier, a.average, a.exception_note, a.note, a.entered_by,
                          entered_by or a.entered_by_name, a.entered_at,
                          (decided_by or a.decided_by_name) if a.decided_by_name else "", a.decided_at,
                          a.decision_comment, a.card_id, a.version)


def _rows(session, ids: list[int]) -> list[ApplicationRow]:
    return [_row(*r) for r in session.execute(_select().where(CardApplication.id.in_(ids))).all()]


def _require_view(actor: Actor) -> None:
    if not any(actor.may(p) for p in (Permission.VIEW_CUSTOMERS, Permission.APPROVE_CARD, Permission.ISSUE_CARD)):
        require(actor, Permission.VIEW_CUSTOMERS)


def list_applications(store: Store, actor: Actor, *, status: str | None = None, customer_id: int | None = None,
                      after_id: int | None = None, limit: int = PAGE) -> list[ApplicationRow]:
    """Applications in the actor's scope, oldest first (keyset by id after ``after_id``):
    ``status="submitted"`` is the approvals inbox, ``"approved"`` the counter's queue."""
    _require_view(actor)
    query = _query(actor)
    if status:
        query = query.where(CardApplication.status == status)
    if customer_id is not None:
        query = query.where(CardApplication.customer_id == customer_id)
    if after_id is not None:
        query = query.where(CardApplication.id > after_id)
    with store.read() as session:
        return [_row(*r) for r in session.execute(query.order_by(CardApplication.id).limit(limit)).all()]


def get_application(store: Store, actor: Actor, application_id: int) -> ApplicationRow:
    _require_view(actor)
    with store.read() as session:
        application = application_in_scope(session, actor, application_id)
        return _rows(session, [application.id])[0]


def count_applications(store: Store, actor: Actor, status: str) -> int:
    """How many applications in scope have ``status`` (the navigation's counts)."""
    _require_view(actor)
    query = (select(func.count()).select_from(CardApplication)
             .join(Branch, Branch.id == CardApplication.branch_id)
             .where(CardApplication.status == status, Branch.path.startswith(actor.branch_path)))
    with store.read() as session:
        return session.scalar(query) or 0


def awaiting_my_decision(store: Store, actor: Actor) -> int:
    """The approvals inbox count of a branch manager: submitted applications in scope entered
    by someone else (0 for anyone who may not approve)."""
    if not actor.may(Permission.APPROVE_CARD):
        return 0
    query = (select(func.count()).select_from(CardApplication)
             .join(Branch, Branch.id == CardApplication.branch_id)
             .where(CardApplication.status == rules.SUBMITTED, Branch.path.startswith(actor.branch_path),
                    CardApplication.entered_by != (actor.account_id or -1)))
    with store.read() as session:
        return session.scalar(query) or 0

