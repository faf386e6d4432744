"""Card paperwork: what each card needs printed, and the agreement's signed status.

The card capability records paperwork; the documents capability (app/documents) renders,
signs and prints it. This module is the whole contract between the two:

- :func:`record_paperwork` (inside the issue transaction): one row per document a card needs
  (kinds in :data:`app.cards.rules.PAPERWORK_KINDS`: ``agreement``, ``welcome``, ``upgrade``,
  ``downgrade``, ``replacement``, ``renewal``, ``renewal_due``), at most one per card and kind.
- :func:`paperwork_due`: rows not yet printed (or all), per branch subtree and/or per card.
- :func:`mark_printed` / :func:`mark_printed_in`: after a successful print, count it and keep
  the document register's id; :func:`mark_batch_printed_in` for every card of a batch of
  letters at once. A printer or PDF failure simply never calls it: the card stays
  issued and the paperwork stays due, to be printed again.
- :func:`letter_data` / :func:`letters_data`: everything an agreement or letter shows, masked
  (customer name, masked ID, card type, masked card number, tier, dates, branch name, address
  and phone, relationship manager).
- :func:`record_renewal_letters` and :func:`cards_expiring_in_month`: renewal-due letters.
- :func:`mark_agreement_signed` (``_in`` inside a caller's unit of work) and
  :func:`unsigned_agreements`: the agreement, printed for
  signature, is marked signed (date, witness); an issued card whose agreement is not marked
  signed by day end shows on the worklist.

Every read is limited to the actor's branch subtree; every change is audited.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.orm import Session, aliased

from app.auth.permissions import Permission, require
from app.cards import rules
from app.cards.common import card_in_scope
from app.cards.policy import card_policy_in
from app.cards.rules import SIGNED_ON, WITNESS
from app.customers.records import mask_policy
from app.customers.rules import mask_card, mask_id
from app.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from app.text import clean_text
from app.tiers.policy_store import policy_in_force_at
from db.models import Branch, CardApplication, CardPaperwork, Customer, StaffAccount, VipCard
from app.actor import Actor
from app.store import Store

DOCUMENT_ID = QT_TRANSLATE_NOOP("fields", "Document")
PAGE = 500


@dataclass(frozen=True)
class PaperworkRow:
    """One document a card needs: what, for which card and customer, printed how often."""

    id: int
    card_id: int
    branch_id: int
    branch_code: str
    kind: str
    created_at: datetime
    printed_count: int
    last_printed_at: datetime | None
    document_id: int | None
    customer_name: str
    card_type: str
    card_number_masked: str


@dataclass(frozen=True)
class LetterData:
    """Everything a card's agreement or letter shows; PII masked (docs/architecture.md)."""

    card_id: int
    customer_id: int
    customer_name: str
    cif_no: str
    id_type: str
    id_masked: str
    card_type: str
    card_number_masked: str
    serial: str
    tier: str
    tier_label: str
    issued_on: date
    expires_on: date
    status: str
    application_kind: str
    replaces_card_number_masked: str
    branch_code: str
    branch_name: str
    branch_address: str
    branch_phone: str
    relationship_manager: str
    issued_by_name: str
    agreement_signed_on: date | None
    agreement_witness: str


@dataclass(frozen=True)
class UnsignedRow:
    """An issued card whose agreement is not marked signed; ``overdue`` once its day is over."""

    card_id: int
    customer_id: int
    customer_name: str
    card_type: str
    card_number_masked: str
    issued_on: date
    issued_by_name: str
    branch_code: str
    overdue: bool


def _require_view(actor: Actor) -> None:
    require(actor, Permission.VIEW_CUSTOMERS)


def _in_scope(actor: Actor):
    return Branch.path.startswith(actor.branch_path)


# ----------------------------------------------------------------------------- recording


def record_paperwork(uow, card: VipCard, kinds: Iterable[str], *, new_card: bool = False) -> list[CardPaperwork]:
    """Record ``kinds`` of paperwork due for ``card`` in the caller's unit of work (the issue
    transaction); a kind the card already has is left as it is (``new_card``: it has none)."""
    rows = []
    for kind in kinds:
        if kind not in rules.PAPERWORK_KINDS:
            raise ValueError(f"unknown paperwork kind {kind!r}")
        existing = None if new_card else uow.session.scalar(select(CardPaperwork).where(
            CardPaperwork.card_id == card.id, CardPaperwork.kind == kind))
        if existing is None:
            existing = CardPaperwork(card_id=card.id, branch_id=card.branch_id, kind=kind,
                                     created_at=uow.now, printed_count=0)
            uow.session.add(existing)
        rows.append(existing)
    uow.session.flush()
    return rows


def record_renewal_letters(store: Store, actor: Actor, *, within_days: int | None = None,
                           branch_id: int | None = None) -> int:
    """Record a renewal-due letter for every active card in scope (or in ``branch_id``'s
    subtree) expiring within ``within_days`` (default: the policy's window) that has none;
    returns how many were recorded (SERVICE_CARDS)."""
    require(actor, Permission.SERVICE_CARDS)
    with store.write(actor) as uow:
        session = uow.session
        days = within_days if within_days is not None else card_policy_in(session).expiring_days
        _check_days(days)
        path = _branch_path(session, actor, branch_id)
        today = uow.today
        has_letter = exists().where(CardPaperwork.card_id == VipCard.id, CardPaperwork.kind == rules.RENEWAL_DUE)
        cards = session.execute(
            select(VipCard.id, VipCard.branch_id).join(Branch, Branch.id == VipCard.branch_id)
            .where(VipCard.status == rules.ACTIVE, VipCard.expires_on <= today + timedelta(days=days),
                   Branch.path.startswith(path), ~has_letter)).all()
        for card_id, card_branch in cards:
            session.add(CardPaperwork(card_id=card_id, branch_id=card_branch, kind=rules.RENEWAL_DUE,
                                      created_at=uow.now, printed_count=0))
        if cards:
            uow.audit("card_paperwork.renewal_letters", "card_paperwork", path, after={
                "within_days": days, "count": len(cards)})
        return len(cards)


def _check_days(days: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 366:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from {low} to {high}"),
                              field=rules.EXPIRING_DAYS, low=1, high=366)


def _branch_path(session: Session, actor: Actor, branch_id: int | None) -> str:
    if branch_id is None:
        return actor.branch_path
    branch = session.get(Branch, branch_id)
    if branch is None or not actor.sees(branch.path):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That branch does not exist in your scope."))
    return branch.path


# ----------------------------------------------------------------------------- due and printed


def paperwork_due(store: Store, actor: Actor, *, branch_id: int | None = None, card_id: int | None = None,
                  kinds: Sequence[str] | None = None, include_printed: bool = False,
                  after_id: int | None = None, limit: int = PAGE) -> list[PaperworkRow]:
    """Paperwork in the actor's scope (or ``branch_id``'s subtree, or one card's), oldest
    first, keyset by id after ``after_id``; only what was never printed unless
    ``include_printed`` (a reprint looks for the card's rows with it)."""
    _require_view(actor)
    with store.read() as session:
        path = _branch_path(session, actor, branch_id)
        policy = mask_policy(session)
        query = (select(CardPaperwork, Branch.code, Customer.name, VipCard.card_type, VipCard.card_masked)
                 .join(VipCard, VipCard.id == CardPaperwork.card_id)
                 .join(Customer, Customer.id == VipCard.customer_id)
                 .join(Branch, Branch.id == CardPaperwork.branch_id)
                 .where(Branch.path.startswith(path)))
        if card_id is not None:
            query = query.where(CardPaperwork.card_id == card_id)
        if kinds:
            query = query.where(CardPaperwork.kind.in_(list(kinds)))
        if not include_printed:
            query = query.where(CardPaperwork.printed_count == 0)
        if after_id is not None:
            query = query.where(CardPaperwork.id > after_id)
        rows = session.execute(query.order_by(CardPaperwork.id).limit(limit)).all()
        return [PaperworkRow(p.id, p.card_id, p.branch_id, code, p.kind, p.created_at, p.printed_count,
                             p.last_printed_at, p.document_id, name, card_type, mask_card(number, policy))
                for p, code, name, card_type, number in rows]


def mark_printed_in(uow, actor: Actor, paperwork_id: int, document_id: int | None) -> PaperworkRow | None:
    """Count one printing of ``paperwork_id`` in the caller's unit of work (the documents
    capability's print transaction, beside its document register row); ``document_id`` is
    that row's id. Returns nothing; raises :class:`NotFound` outside the actor's scope."""
    _require_view(actor)
    if document_id is not None and (isinstance(document_id, bool) or not isinstance(document_id, int)):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number"), field=DOCUMENT_ID)
    session = uow.session
    row = session.execute(select(CardPaperwork, Branch.path).join(Branch, Branch.id == CardPaperwork.branch_id)
                          .where(CardPaperwork.id == paperwork_id)).first()
    if row is None or not actor.sees(row[1]):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That paperwork does not exist in your scope."))
    paperwork = row[0]
    session.execute(update(CardPaperwork).where(CardPaperwork.id == paperwork.id).values(
        printed_count=CardPaperwork.printed_count + 1, last_printed_at=uow.now,
        document_id=document_id if document_id is not None else CardPaperwork.document_id)
        .execution_options(synchronize_session=False))
    session.refresh(paperwork)
    uow.audit("card_paperwork.print", "card_paperwork", paperwork.id, branch_id=paperwork.branch_id,
              after={"card_id": paperwork.card_id, "kind": paperwork.kind,
                     "printed_count": paperwork.printed_count, "document_id": paperwork.document_id})
    return None


def mark_batch_printed_in(uow, actor: Actor, card_ids: Sequence[int], kind: str, document_id: int) -> int:
    """Count one printing of the ``kind`` paperwork of every card in ``card_ids`` in the caller's
    unit of work (the documents capability registering a batch of letters as ``document_id``).
    A card that has no such row yet gets one, printed: the letter went out all the same. One
    audit event names the batch's cards; a card outside the actor's scope refuses the whole
    batch. Returns how many cards were marked."""
    _require_view(actor)
    if kind not in rules.PAPERWORK_KINDS:
        raise ValueError(f"unknown paperwork kind {kind!r}")
    session = uow.session
    ids = list(dict.fromkeys(card_ids))
    created: list[int] = []
    marked = 0
    for start in range(0, len(ids), 900):
        part = ids[start:start + 900]
        cards = dict(session.execute(select(VipCard.id, VipCard.branch_id).join(Branch, Branch.id == VipCard.branch_id)
                                     .where(VipCard.id.in_(part), _in_scope(actor))).all())
        if len(cards) != len(part):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That paperwork does not exist in your scope."))
        have = set(session.scalars(select(CardPaperwork.card_id).where(CardPaperwork.card_id.in_(part),
                                                                       CardPaperwork.kind == kind)))
        for card_id in part:
            if card_id not in have:
                session.add(CardPaperwork(card_id=card_id, branch_id=cards[card_id], kind=kind, created_at=uow.now,
                                          printed_count=0))
                created.append(card_id)
        session.flush()
        marked += session.execute(
            update(CardPaperwork).where(CardPaperwork.card_id.in_(part), CardPaperwork.kind == kind)
            .values(printed_count=CardPaperwork.printed_count + 1, last_printed_at=uow.now, document_id=document_id)
            .execution_options(synchronize_session=False)).rowcount
    uow.audit("card_paperwork.print_batch", "card_paperwork", f"document:{document_id}",
              after={"kind": kind, "document_id": document_id, "cards": ids, "recorded_now": created})
    return marked


def mark_printed(store: Store, actor: Actor, paperwork_id: int, document_id: int | None = None) -> None:
    """:func:`mark_printed_in` in a transaction of its own."""
    with store.write(actor) as uow:
        mark_printed_in(uow, actor, paperwork_id, document_id)


# ----------------------------------------------------------------------------- letter data


def letter_data(store: Store, actor: Actor, card_id: int) -> LetterData:
    """Everything card ``card_id``'s agreement or letter needs (VIEW_CUSTOMERS, in scope)."""
    _require_view(actor)
    with store.read() as session:
        card_in_scope(session, actor, card_id)
        return letters_data_in(session, actor, [card_id], store.today())[0]


def letters_data(store: Store, actor: Actor, card_ids: Sequence[int]) -> list[LetterData]:
    """:func:`letter_data` for many cards in a few queries (batches of letters); cards outside
    the actor's scope are left out. Order follows ``card_ids``."""
    _require_view(actor)
    with store.read() as session:
        return letters_data_in(session, actor, card_ids, store.today())


def letters_data_in(session: Session, actor: Actor, card_ids: Sequence[int], today: date) -> list[LetterData]:
    """:func:`letters_data` inside a session the caller holds (tier names as of ``today``)."""
    policy = mask_policy(session)
    tiers = policy_in_force_at(session, today)
    labels = {band.code: band.label for band in tiers.bands}
    replaced = aliased(VipCard)
    found: dict[int, LetterData] = {}
    ids = list(card_ids)
    for start in range(0, len(ids), 900):
        part = ids[start:start + 900]
        rows = session.execute(
            select(VipCard, Customer, Branch, StaffAccount.display_name, CardApplication.kind,
                   replaced.card_masked)
            .join(Customer, Customer.id == VipCard.customer_id)
            .join(Branch, Branch.id == VipCard.branch_id)
            .join(CardApplication, CardApplication.id == VipCard.application_id)
            .outerjoin(StaffAccount, StaffAccount.id == Customer.relationship_manager_id)
            .outerjoin(replaced, replaced.id == VipCard.replaces_id)
            .where(VipCard.id.in_(part), _in_scope(actor))).all()
        for card, customer, branch, manager, kind, old_number in rows:
            found[card.id] = LetterData(
                card.id, customer.id, customer.name, customer.cif_no, customer.id_type,
                mask_id(customer.id_masked, policy), card.card_type, mask_card(card.card_masked, policy),
                card.serial, customer.tier, labels.get(customer.tier, customer.tier), card.issued_on,
                card.expires_on, card.status, kind, mask_card(old_number, policy) if old_number else "",
                branch.code, branch.name, branch.address, branch.phone, manager or "", card.issued_by_name,
                card.agreement_signed_on, card.agreement_witness)
    return [found[i] for i in ids if i in found]


def cards_expiring_in_month(store: Store, actor: Actor, *, branch_code: str, year: int, month: int) -> list[LetterData]:
    """Active cards of branch ``branch_code``'s subtree expiring in ``year``-``month``, by
    expiry date: what renewal letters for that month are printed from."""
    _require_view(actor)
    first = date(year, month, 1)
    after = date(year + (month == 12), month % 12 + 1, 1)
    with store.read() as session:
        branch = session.scalar(select(Branch).where(Branch.code == branch_code.strip().upper()))
        if branch is None or not actor.sees(branch.path):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That branch does not exist in your scope."))
        ids = list(session.scalars(
            select(VipCard.id).join(Branch, Branch.id == VipCard.branch_id)
            .where(VipCard.status == rules.ACTIVE, VipCard.expires_on >= first, VipCard.expires_on < after,
                   Branch.path.startswith(branch.path)).order_by(VipCard.expires_on, VipCard.id)))
        return letters_data_in(session, actor, ids, store.today())


# ----------------------------------------------------------------------------- agreement signed


def mark_agreement_signed(store: Store, actor: Actor, card_id: int, *, signed_on: date, witness: str) -> LetterData:
    """The customer signed the printed service agreement of card ``card_id`` on ``signed_on``
    (not before the issue, not in the future) before ``witness`` (SERVICE_CARDS). Marked once."""
    require(actor, Permission.SERVICE_CARDS)
    with store.write(actor) as uow:
        mark_agreement_signed_in(uow, actor, card_id, signed_on=signed_on, witness=witness)
        return letters_data_in(uow.session, actor, [card_id], uow.today)[0]


def mark_agreement_signed_in(uow, actor: Actor, card_id: int, *, signed_on: date, witness: str) -> None:
    """:func:`mark_agreement_signed` inside the caller's unit of work."""
    require(actor, Permission.SERVICE_CARDS)
    witness = clean_text(witness or "", field=WITNESS, max_length=64)
    if not isinstance(signed_on, date):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a date"), field=SIGNED_ON)
    session = uow.session
    card = card_in_scope(session, actor, card_id)
    if signed_on > uow.today:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "cannot be in the future"), field=SIGNED_ON)
    if signed_on < card.issued_on:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "cannot be before the card was issued ({day})"),
                              field=SIGNED_ON, day=card.issued_on.isoformat())
    done = session.execute(
        update(VipCard).where(VipCard.id == card.id, VipCard.agreement_signed_on.is_(None))
        .values(agreement_signed_on=signed_on, agreement_witness=witness,
                agreement_marked_by=actor.username, version=card.version + 1)
        .execution_options(synchronize_session=False)).rowcount
    if done != 1:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This card's agreement is already marked signed."))
    session.expire(card)
    uow.audit("card.agreement_signed", "vip_card", card.id, branch_id=card.branch_id,
              before={"agreement_signed_on": None},
              after={"agreement_signed_on": signed_on.isoformat(), "witness": witness})


def unsigned_agreements(store: Store, actor: Actor, *, as_of: date | None = None, limit: int = PAGE) -> list[UnsignedRow]:
    """Cards in scope issued on or before ``as_of`` (default today) whose agreement is not
    marked signed, oldest first; those issued before today are overdue (their day is over)."""
    _require_view(actor)
    today = store.today()
    as_of = as_of or today
    with store.read() as session:
        policy = mask_policy(session)
        rows = session.execute(
            select(VipCard.id, VipCard.customer_id, Customer.name, VipCard.card_type, VipCard.card_masked,
                   VipCard.issued_on, func.coalesce(StaffAccount.display_name, VipCard.issued_by_name), Branch.code)
            .join(Customer, Customer.id == VipCard.customer_id)
            .outerjoin(StaffAccount, StaffAccount.id == VipCard.issued_by)
            .join(Branch, Branch.id == VipCard.branch_id)
            .where(VipCard.agreement_signed_on.is_(None), VipCard.issued_on <= as_of,
                   VipCard.status.in_([rules.ACTIVE, rules.EXPIRED]), _in_scope(actor))
            .order_by(VipCard.issued_on, VipCard.id).limit(limit)).all()
        return [UnsignedRow(cid, cust, name, ctype, mask_card(number, policy), issued, by, code, issued < today)
                for cid, cust, name, ctype, number, issued, by, code in rows]


def unsigned_count(store: Store, actor: Actor) -> int:
    """How many issued cards in scope are overdue for a signed agreement (issued before today)."""
    _require_view(actor)
    today = store.today()
    with store.read() as session:
        return session.scalar(
            select(func.count()).select_from(VipCard).join(Branch, Branch.id == VipCard.branch_id)
            .where(and_(VipCard.agreement_signed_on.is_(None), VipCard.issued_on < today,
                        VipCard.status == rules.ACTIVE, _in_scope(actor)))) or 0
