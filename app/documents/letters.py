"""A card's paperwork as registered documents: the service agreement and each card letter from
its own template, and the batch of renewal-due letters for a branch and month in one PDF.

The card capability says what each card needs and supplies the data, masked
(:mod:`app.cards.paperwork`); this module fills the templates, makes the registered PDF and,
once it has gone to the printer, marks the paperwork printed with the document's id in the
same transaction that counts the printing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.documents.register import Made, PieceData, chinese_date, make_document, record_print
from app.documents.wording import (
    APPLICATION_KIND_NAMES, REPLACEMENT_REASONS, card_type_name, id_type_name, salutation,
)
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from db.models import Branch, Customer
from app.actor import Actor
from app.store import Store

MONTH = QT_TRANSLATE_NOOP("fields", "Month")
# Paperwork kind (app.cards.rules.PAPERWORK_KINDS, and "expired") -> template key.
TEMPLATE_FOR = {
    "agreement": "agreement", "welcome": "letter_welcome", "upgrade": "letter_upgrade",
    "downgrade": "letter_downgrade", "replacement": "letter_replacement", "renewal": "letter_renewal",
    "renewal_due": "letter_renewal_due", "expired": "letter_expired",
}
Progress = Callable[[int, int], bool] | None


@dataclass(frozen=True)
class CardDocument:
    """A card document made, with the paperwork row it answers (None: printed on demand)."""

    made: Made
    card_id: int
    kind: str
    paperwork_id: int | None


def _customers(store: Store, customer_ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
    """customer id -> (address, postcode, gender), for addressing letters."""
    found: dict[int, tuple[str, str, str]] = {}
    ids = list(dict.fromkeys(customer_ids))
    with store.read() as session:
        for start in range(0, len(ids), 900):
            for cid, address, postcode, gender in session.execute(
                    select(Customer.id, Customer.address, Customer.postcode, Customer.gender)
                    .where(Customer.id.in_(ids[start:start + 900]))):
                found[cid] = (address or "", postcode or "", gender or "")
    return found


def card_fields(data, customer: tuple[str, str, str]) -> dict[str, str]:
    """Every placeholder a card document may use, from :class:`app.cards.paperwork.LetterData`
    (already masked) and the customer's address."""
    from app.documents.wording import tier_name

    address, postcode, gender = customer
    previous = data.replaces_card_number_masked
    return {
        "customer_name": data.customer_name, "salutation": salutation(gender), "customer_address": address,
        "customer_postcode": postcode, "id_type_name": id_type_name(data.id_type), "id_masked": data.id_masked,
        "card_type": data.card_type, "card_type_name": card_type_name(data.card_type),
        "card_masked": data.card_number_masked, "tier_name": tier_name(data.tier),
        "valid_from": chinese_date(data.issued_on), "valid_until": chinese_date(data.expires_on),
        "application_kind": APPLICATION_KIND_NAMES.get(data.application_kind, data.application_kind),
        "previous_card_masked": previous or "无", "previous_card_type_name": "原卡种",
        "replacement_reason": REPLACEMENT_REASONS.get(data.application_kind, "您的原卡已更换"),
    }


def _previous_types(store: Store, card_ids: Sequence[int]) -> dict[int, str]:
    """card id -> the card type of the card it replaced (for upgrade and downgrade letters)."""
    from sqlalchemy.orm import aliased

    from db.models import VipCard

    old = aliased(VipCard)
    with store.read() as session:
        return dict(session.execute(select(VipCard.id, old.card_type).join(old, old.id == VipCard.replaces_id)
                                    .where(VipCard.id.in_(list(card_ids)))).all())


def make_card_document(store: Store, actor: Actor, card_id: int, kind: str, *, paperwork_id: int | None = None) -> CardDocument:
    """The agreement or letter ``kind`` of card ``card_id``, rendered and registered."""
    from app.cards.paperwork import letter_data

    require(actor, Permission.VIEW_DOCUMENTS)
    template = TEMPLATE_FOR.get(kind)
    if template is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such document for a card."))
    data = letter_data(store, actor, card_id)
    fields = card_fields(data, _customers(store, [data.customer_id]).get(data.customer_id, ("", "", "")))
    previous = _previous_types(store, [card_id]).get(card_id)
    if previous:
        fields["previous_card_type_name"] = card_type_name(previous)
    with store.read() as session:  # the card's own branch
        branch_id = session.scalars(select(Branch.id).where(Branch.code == data.branch_code)).one()
    label = {"agreement": "贵宾服务协议"}.get(kind, "卡函")
    made = make_document(store, actor, kind="agreement" if kind == "agreement" else f"letter_{kind}",
                         template_key=template, subject=f"{label} {data.customer_name} {data.card_number_masked}",
                         branch_id=branch_id, subject_ref=f"card:{card_id}", pieces=[PieceData(fields)])
    return CardDocument(made, card_id, kind, paperwork_id)


def record_card_print(store: Store, actor: Actor, document: CardDocument, copies: int) -> int:
    """Count the printing of a card document and mark its paperwork printed with the
    document's id, in one transaction; returns how often the document has been printed."""
    from app.cards.paperwork import mark_printed_in

    def mark(uow) -> None:
        if document.paperwork_id is not None:
            mark_printed_in(uow, actor, document.paperwork_id, document.made.id)

    return record_print(store, actor, document.made.id, copies, then=mark)


def parse_month(raw: str) -> tuple[int, int]:
    """``YYYY-MM`` -> (year, month); a clear error naming the field otherwise."""
    text = (raw or "").strip()
    try:
        year, month = (int(part) for part in text.split("-"))
        if len(text) != 7 or not 1 <= month <= 12 or not 2000 <= year <= 2200:
            raise ValueError
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is not a month (YYYY-MM)"), field=MONTH,
                              value=text[:20]) from None
    return year, month


def renewal_letters(store: Store, actor: Actor, *, branch_code: str, year: int, month: int,
                    progress: Progress = None, deliver=None) -> Made:
    """All renewal-due letters of branch ``branch_code`` (and its sub-branches) for the cards
    that expire in ``year``-``month``: one PDF, one letter per page set, registered as one
    batch document (each letter's QR names the batch and the letter's place in it). Every
    card's renewal-due paperwork is marked printed with the batch's id in the transaction that
    registers it; a cancelled or failed batch marks nothing. ``deliver`` (see
    :func:`app.documents.register.make_document`) writes the PDF in that transaction."""
    from app.cards.paperwork import cards_expiring_in_month, mark_batch_printed_in
    from app.cards.rules import RENEWAL_DUE

    require(actor, Permission.VIEW_DOCUMENTS)
    cards = cards_expiring_in_month(store, actor, branch_code=branch_code, year=year, month=month)
    if not cards:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "No card of {branch} expires in {month}: there is no renewal letter to print."),
            field=MONTH, branch=branch_code.upper(), month=f"{year}-{month:02d}")
    customers = _customers(store, [c.customer_id for c in cards])
    pieces = [PieceData(card_fields(c, customers.get(c.customer_id, ("", "", "")))) for c in cards]
    with store.read() as session:  # the branch the cards were found in
        branch_id = session.scalars(select(Branch.id).where(Branch.code == branch_code.strip().upper())).one()

    def mark_printed(uow: object, document_id: int) -> None:
        mark_batch_printed_in(uow, actor, [c.card_id for c in cards], RENEWAL_DUE, document_id)

    return make_document(store, actor, kind="renewal_batch", template_key="letter_renewal_due",
                         subject=f"到期续卡提示函 {branch_code.upper()} {year}-{month:02d}（{len(cards)} 份）",
                         branch_id=branch_id, subject_ref=f"renewals:{branch_code.upper()}:{year}-{month:02d}",
                         pieces=pieces, batch=True, progress=progress, deliver=deliver, registered=mark_printed)
