"""What the card screens, the tier evaluation and the export read: a customer's card history,
the cards expiring within N days (keyset pages), the clerk's drawer stock by card type and the
serial to take next, the card type each customer holds, and the masked card export.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP
from app.cards import rules
from app.cards.common import customer_in_scope
from app.cards.policy import card_policy_in
from app.customers.records import mask_policy
from app.customers.rules import mask_card
from app.outfile import Codes, Say, export_csv
from app.stock.common import own_drawer
from app.stock.rules import IN_STOCK
from app.tiers.rules import CARD_TYPE_LABELS
from db.models import BlankCard, Branch, Customer, StaffAccount, VipCard
from app.actor import Actor
from app.store import Store

EXPORT_HEADER = (
    QT_TRANSLATE_NOOP("exports", "Card ID"),
    QT_TRANSLATE_NOOP("exports", "CIF number"),
    QT_TRANSLATE_NOOP("exports", "Customer"),
    QT_TRANSLATE_NOOP("exports", "Branch"),
    QT_TRANSLATE_NOOP("exports", "Card type"),
    QT_TRANSLATE_NOOP("exports", "Card number (masked)"),
    QT_TRANSLATE_NOOP("exports", "Serial"),
    QT_TRANSLATE_NOOP("exports", "Status"),
    QT_TRANSLATE_NOOP("exports", "Issued on"),
    QT_TRANSLATE_NOOP("exports", "Expires on"),
    QT_TRANSLATE_NOOP("exports", "Replaces card"),
    QT_TRANSLATE_NOOP("exports", "Agreement signed on"),
    QT_TRANSLATE_NOOP("exports", "Issued by"),
)


@dataclass(frozen=True)
class CardRow:
    """One card as lists show it; the number masked."""

    id: int
    customer_id: int
    cif_no: str
    customer_name: str
    branch_code: str
    card_type: str
    card_number_masked: str
    serial: str
    status: str
    issued_on: date
    expires_on: date
    replaces_id: int | None
    replaced_by_id: int | None
    issued_by_name: str
    ended_at: datetime | None
    ended_reason: str
    returned: bool | None
    agreement_signed_on: date | None
    agreement_witness: str
    days_left: int
    version: int


def _require_view(actor: Actor) -> None:
    require(actor, Permission.VIEW_CUSTOMERS)


def _query():
    successor, issuer = aliased(VipCard), aliased(StaffAccount)
    return (select(VipCard, Customer.cif_no, Customer.name, Branch.code, successor.id, issuer.display_name)
            .join(Customer, Customer.id == VipCard.customer_id)
            .join(Branch, Branch.id == VipCard.branch_id)
            .outerjoin(successor, successor.replaces_id == VipCard.id)
            .outerjoin(issuer, issuer.id == VipCard.issued_by))


def _rows(session: Session, query, today: date) -> list[CardRow]:
    """Card rows; ``issued_by_name``: the issuing clerk's name (the card keeps their user name)."""
    policy = mask_policy(session)
    return [CardRow(c.id, c.customer_id, cif, name, code, c.card_type, mask_card(c.card_masked, policy), c.serial,
                    c.status, c.issued_on, c.expires_on, c.replaces_id, successor, issuer or c.issued_by_name,
                    c.ended_at, c.ended_reason, c.returned, c.agreement_signed_on, c.agreement_witness,
                    rules.days_left(c.expires_on, today), c.version)
            for c, cif, name, code, successor, issuer in session.execute(query).all()]


def card_history(store: Store, actor: Actor, customer_id: int) -> list[CardRow]:
    """Every card the customer has held, newest first (VIEW_CUSTOMERS, customer in scope)."""
    _require_view(actor)
    with store.read() as session:
        customer_in_scope(session, actor, customer_id, active=False)
        return _rows(session, _query().where(VipCard.customer_id == customer_id).order_by(VipCard.id.desc()),
                     store.today())


def get_card(store: Store, actor: Actor, card_id: int) -> CardRow:
    from app.cards.common import card_in_scope

    _require_view(actor)
    with store.read() as session:
        card_in_scope(session, actor, card_id)
        return _rows(session, _query().where(VipCard.id == card_id), store.today())[0]


def expiring_cards(store: Store, actor: Actor, *, within_days: int | None = None, after: tuple[date, int] | None = None,
                   limit: int = 200) -> list[CardRow]:
    """Active cards in scope whose last valid day is within ``within_days`` (default: the
    policy's window, 60 days) or already past, soonest first; keyset by (expiry, id) after
    ``after``. What renewal applications and renewal letters start from."""
    _require_view(actor)
    today = store.today()
    with store.read() as session:
        days = within_days if within_days is not None else card_policy_in(session).expiring_days
        query = _query().where(VipCard.status == rules.ACTIVE, VipCard.expires_on <= today + timedelta(days=days),
                               Branch.path.startswith(actor.branch_path))
        if after is not None:
            query = query.where((VipCard.expires_on > after[0])
                                | ((VipCard.expires_on == after[0]) & (VipCard.id > after[1])))
        return _rows(session, query.order_by(VipCard.expires_on, VipCard.id).limit(limit), today)


def expiring_count(store: Store, actor: Actor, within_days: int | None = None) -> int:
    _require_view(actor)
    today = store.today()
    with store.read() as session:
        days = within_days if within_days is not None else card_policy_in(session).expiring_days
        return session.scalar(
            select(func.count()).select_from(VipCard).join(Branch, Branch.id == VipCard.branch_id)
            .where(VipCard.status == rules.ACTIVE, VipCard.expires_on <= today + timedelta(days=days),
                   Branch.path.startswith(actor.branch_path))) or 0


@dataclass(frozen=True)
class DrawerStock:
    """The clerk's own drawer for one card type: blanks in stock and the serial to take next
    (the lowest: serials are used in order)."""

    card_type: str
    count: int
    next_serial: str | None


def my_drawer(store: Store, actor: Actor) -> list[DrawerStock]:
    """The signed-in clerk's drawer stock by card type (ISSUE_CARD)."""
    require(actor, Permission.ISSUE_CARD)
    with store.write(actor) as uow:  # the drawer is made on first use
        drawer = own_drawer(uow.session, actor, uow.now)
        rows = dict((t, (n, first)) for t, n, first in uow.session.execute(
            select(BlankCard.card_type, func.count(), func.min(BlankCard.serial))
            .where(BlankCard.location_id == drawer.id, BlankCard.state == IN_STOCK, BlankCard.move_id.is_(None))
            .group_by(BlankCard.card_type)).all())
    from app.tiers.rules import CARD_TYPES

    return [DrawerStock(t, rows.get(t, (0, None))[0], rows.get(t, (0, None))[1]) for t in CARD_TYPES]


def export_cards(store: Store, actor: Actor, out: Path, *, say: Say | None = None,
                 progress: Callable[[int], bool] | None = None) -> int:
    """Every card in scope, card numbers masked, as a CSV export (:func:`app.outfile.export_csv`:
    atomic, audited, headers in the reader's language)."""
    _require_view(actor)
    return export_csv(store, actor, out, header=EXPORT_HEADER, rows=_export_rows(store, actor),
                      action="card.export", entity="vip_card", say=say, progress=progress,
                      codes={4: Codes("card_types", CARD_TYPE_LABELS),
                             7: Codes("card_status", rules.CARD_STATUS_LABELS)})


def _export_rows(store: Store, actor: Actor) -> Iterator[list]:
    """Every card in the actor's scope as an export line, card numbers masked."""
    with store.read() as session:
        policy = mask_policy(session)
        query = (select(VipCard, Customer.cif_no, Customer.name, Branch.code)
                 .join(Customer, Customer.id == VipCard.customer_id)
                 .join(Branch, Branch.id == VipCard.branch_id)
                 .where(Branch.path.startswith(actor.branch_path)).order_by(VipCard.id))
        for c, cif, name, code in session.execute(query.execution_options(yield_per=2000)):
            yield [c.id, cif, name, code, c.card_type, mask_card(c.card_masked, policy), c.serial,
                   c.status, c.issued_on.isoformat(), c.expires_on.isoformat(),
                   c.replaces_id or "", c.agreement_signed_on.isoformat() if c.agreement_signed_on else "",
                   c.issued_by_name]
