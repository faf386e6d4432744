"""Issue at the counter: an approved application becomes a card in the customer's hand, in ONE
transaction (docs/architecture.md): the application claimed (fulfilled), the blank serial taken from the
clerk's own drawer, the card it replaces ended (its blank returned to stock for destruction, or
recorded as not handed back with a reason), the new card written active, the service agreement
and the card's letter recorded for printing, and the audit event. Any refusal or clash rolls
everything back.

Two PCs issuing the same application: the claim is one conditional UPDATE (status approved →
fulfilled), so the second waits for the first and then finds nothing to claim. Two PCs taking
the same serial: :func:`app.stock.moves.take_serial` claims it with one conditional UPDATE that
skips a row another transaction holds. At most one active card per customer and a card number
used once are unique indexes that see every row (also those row-level security hides).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import IntegrityError

from app.auth.permissions import Permission, require
from app.cards import rules
from app.cards.applications import change_status
from app.cards.common import application_in_scope, customer_in_scope
from app.cards.paperwork import record_paperwork
from app.cards.policy import card_policy_in
from app.cards.rules import CARD_NUMBER, OLD_CARD, REASON
from app.crypto.sealing import CARD_NUMBER as CARD, reseal_card, ring_of
from app.customers.records import mask_policy
from app.customers.rules import mask_card
from app.errors import QT_TRANSLATE_NOOP, ConflictError, PermissionDenied, ValidationError
from app.stock.moves import return_serial, take_serial
from app.text import clean_text
from db.models import CardApplication, VipCard
from app.actor import Actor
from app.store import Store

ISSUED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "errors", "This application was issued, changed or cancelled at another counter just now; reload it.")
NUMBER_IN_USE = QT_TRANSLATE_NOOP("errors", "is already the number of another card")
ALREADY_HOLDS = QT_TRANSLATE_NOOP(
    "errors", "The customer already holds an active VIP card; a second one cannot be issued.")


@dataclass(frozen=True)
class IssueResult:
    card_id: int
    card_number_masked: str
    serial: str
    expires_on: date
    warnings: tuple[str, ...]
    paperwork_ids: tuple[int, ...]


@dataclass(frozen=True)
class OldCard:
    """What became of the card being replaced: handed back (returned to stock for destruction)
    or not. ``reason``: why not (required then); for a returned card, the note the stock
    register shows (the screen passes it in the clerk's language; optional)."""

    returned: bool
    reason: str = ""


def check_number(store: Store, actor: Actor, application_id: int, card_number: str) -> rules.CardNumberCheck:
    """The wizard's check as the clerk types: the number's form for the application's card
    product, and whether it is already in use (nothing is written)."""
    require(actor, Permission.ISSUE_CARD)
    with store.read() as session:
        application = application_in_scope(session, actor, application_id)
        check = rules.check_card_number(card_number, application.card_type, card_policy_in(session))
        _refuse_number_in_use(session, ring_of(store).index(CARD, check.number))
        return check


def _refuse_number_in_use(session, index: bytes) -> None:
    """A card number is never reused: looked up by its blind index (the number is sealed)."""
    if session.scalar(select(VipCard.id).where(VipCard.card_number_index == index)) is not None:
        raise ValidationError(NUMBER_IN_USE, field=CARD_NUMBER)


def old_card_answer(old_card: OldCard | None) -> OldCard:
    if old_card is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "say whether the customer handed the old card back"), field=OLD_CARD)
    if old_card.returned:
        return OldCard(True, clean_text(old_card.reason, field=REASON, max_length=300) if old_card.reason else "")
    return OldCard(False, clean_text(old_card.reason or "", field=REASON, max_length=300))


def issue_card(store: Store, actor: Actor, application_id: int, *, serial: str, card_number: str,
               old_card: OldCard | None = None) -> IssueResult:
    """Issue the card of an approved application (ISSUE_CARD) from the clerk's own drawer.

    ``old_card`` is required when the new card replaces one (renewal, upgrade, downgrade,
    damaged replacement): returned (its blank goes to the clerk's drawer as returned, for
    destruction) or not returned with a reason. A lost card is never handed back.
    """
    require(actor, Permission.ISSUE_CARD)
    if actor.account_id is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Only a signed-in person has a drawer."))
    with store.write(actor, keyed=True) as uow:
        session = uow.session
        application = application_in_scope(session, actor, application_id)
        rules.next_application_status(rules.FULFIL, application.status)
        customer = customer_in_scope(session, actor, application.customer_id)
        policy = card_policy_in(session)
        check = rules.check_card_number(card_number, application.card_type, policy)
        ring = ring_of(store)
        index = ring.index(CARD, check.number)
        _refuse_number_in_use(session, index)
        answer = old_card_answer(old_card) if application.kind in rules.REPLACING_KINDS else None
        try:
            change_status(session, application, None, status=rules.FULFILLED)
        except ConflictError:
            raise ConflictError(ISSUED_ELSEWHERE) from None

        old = _end_replaced_card(uow, actor, application, answer)
        blank_id = take_serial(uow, actor, application.card_type, serial)
        today = uow.today
        card = VipCard(
            customer_id=customer.id, branch_id=application.branch_id, card_type=application.card_type,
            card_masked=mask_card(check.number), card_number_index=index, blank_card_id=blank_id, serial=serial.strip().upper(),
            application_id=application.id, replaces_id=old.id if old is not None else None,
            status=rules.ACTIVE, issued_on=today, expires_on=rules.expiry_for(today, policy),
            issued_by=actor.account_id, issued_by_name=actor.username, issued_at=uow.now,
            ended_by_name="", ended_reason="", agreement_witness="", agreement_marked_by="")
        _insert_card(session, card)
        reseal_card(session, ring, card.id, check.number)
        session.execute(update(CardApplication).where(CardApplication.id == application.id)
                        .values(card_id=card.id).execution_options(synchronize_session=False))
        paperwork = record_paperwork(uow, card, rules.paperwork_on_issue(application.kind), new_card=True)
        masked = mask_card(card.card_masked, mask_policy(session))
        uow.audit("card.issue", "vip_card", card.id, branch_id=card.branch_id, after={
            "customer_id": customer.id, "application_id": application.id, "kind": application.kind,
            "card_type": card.card_type, "card_number": masked, "serial": card.serial,
            "expires_on": card.expires_on.isoformat(), "replaces": card.replaces_id,
            "old_card_returned": None if answer is None else answer.returned,
            "warnings": [w.format(number=masked) for w in check.warnings],
            "paperwork": [p.kind for p in paperwork]})
        return IssueResult(card.id, masked, card.serial, card.expires_on, check.warnings,
                           tuple(p.id for p in paperwork))


def _end_replaced_card(uow, actor: Actor, application: CardApplication, answer: OldCard | None) -> VipCard | None:
    """End the card this application replaces (or, for a lost card, check it still awaits its
    replacement); hand its blank back to stock when the customer returned it."""
    if application.kind == rules.NEW:
        return None
    session = uow.session
    old = session.get(VipCard, application.replaces_card_id) if application.replaces_card_id else None
    if old is None or old.customer_id != application.customer_id:
        raise ConflictError(ISSUED_ELSEWHERE)
    if application.kind == rules.REPLACE_LOST:
        if old.status != rules.LOST:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "errors", "The card to replace is {status}, not lost; cancel this application."), status=old.status)
        return old
    assert answer is not None, "the other kinds replace a card in hand: issue_card asked what became of it"
    before = old.status
    after = rules.next_card_status(rules.REPLACE, before)
    done = cast(CursorResult[Any], session.execute(  # an UPDATE's result, typed as a plain Result
        update(VipCard).where(VipCard.id == old.id, VipCard.status == before, VipCard.version == old.version)
        .values(status=after, ended_at=uow.now, ended_by_name=actor.username,
                ended_reason=answer.reason, returned=answer.returned,
                version=old.version + 1)
        .execution_options(synchronize_session=False))).rowcount
    if done != 1:
        raise ConflictError(ISSUED_ELSEWHERE)
    session.refresh(old)
    if answer.returned:
        return_serial(uow, actor, card_type=old.card_type, serial=old.serial,
                      reason=answer.reason or f"card_application {application.id}: {application.kind}")
    uow.audit("card.replace", "vip_card", old.id, branch_id=old.branch_id, before={"status": before},
              after={"status": after, "returned": answer.returned, "reason": answer.reason,
                     "application_id": application.id})
    return old


def _insert_card(session, card: VipCard) -> None:
    """Insert the card; the unique indexes decide between two PCs (number, active card). No
    savepoint: a clash refuses the whole issue, so the transaction is rolled back anyway."""
    try:
        session.add(card)
        session.flush()
    except IntegrityError as exc:
        message = str(exc.orig)
        if "card_number" in message:        # its blind index's unique index
            raise ValidationError(NUMBER_IN_USE, field=CARD_NUMBER) from None
        if "replaces_id" in message:
            raise ConflictError(ISSUED_ELSEWHERE) from None
        raise ConflictError(ALREADY_HOLDS) from None
