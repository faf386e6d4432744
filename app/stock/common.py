"""What every stock service shares: locations (made on first use), scope checks, the closed-day
check, and writing one serial's movement row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.permissions import Permission
from app.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationError
from app.stock.rules import SERIAL, TRANSFER
from db.models import BlankCard, Branch, StaffAccount, StockDay, StockLocation, StockMovement
from app.actor import Actor

VAULT, DRAWER = "vault", "drawer"
LOCATION_KIND_LABELS = {VAULT: QT_TRANSLATE_NOOP("StockTables", "Vault"),
                        DRAWER: QT_TRANSLATE_NOOP("StockTables", "Drawer")}
BRANCH = QT_TRANSLATE_NOOP("fields", "Branch")
LOCATION = QT_TRANSLATE_NOOP("fields", "Location")
BUSINESS_DATE = QT_TRANSLATE_NOOP("fields", "Business date")
WITNESS = QT_TRANSLATE_NOOP("fields", "Witness")
CONFIRMED_BY = QT_TRANSLATE_NOOP("fields", "Confirmed by")
CHUNK = 900  # bound parameters per IN (...) list, safe on SQLite


def chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def branch_in_scope(session: Session, actor: Actor, branch_id: int | None = None, code: str | None = None) -> Branch:
    if code is not None:
        branch = session.scalar(select(Branch).where(Branch.code == code.strip().upper()))
    else:
        branch = session.get(Branch, branch_id if branch_id is not None else actor.branch_id)
    if branch is None or not actor.sees(branch.path):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That branch does not exist in your scope."))
    return branch


def vault_of(session: Session, branch: Branch, now) -> StockLocation:
    """The branch's vault, made on first use."""
    return _location(session, f"vault:{branch.id}", branch.id, VAULT, None, branch.name, now)


def drawer_of(session: Session, account: StaffAccount, now) -> StockLocation:
    """A counter person's drawer, made on first use."""
    return _location(session, f"drawer:{account.id}", account.branch_id, DRAWER, account.id,
                     account.display_name, now)


def _location(session, key, branch_id, kind, holder_id, name, now) -> StockLocation:
    location = session.scalar(select(StockLocation).where(StockLocation.key == key))
    if location is None:
        location = StockLocation(key=key, branch_id=branch_id, kind=kind, holder_id=holder_id,
                                 name=name, created_at=now)
        try:
            with session.begin_nested():
                session.add(location)
                session.flush()
        except Exception:  # made at the same moment by another PC: use theirs
            location = session.scalar(select(StockLocation).where(StockLocation.key == key))
    return location


def own_drawer(session: Session, actor: Actor, now) -> StockLocation:
    if actor.account_id is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Only a signed-in person has a drawer."))
    return drawer_of(session, session.get_one(StaffAccount, actor.account_id), now)


def location_in_scope(session: Session, actor: Actor, location_id: int) -> StockLocation:
    location = session.get(StockLocation, location_id)
    branch = session.get(Branch, location.branch_id) if location else None
    if location is None or branch is None or not actor.sees(branch.path):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That stock location does not exist in your scope."),
                       field=LOCATION)
    return location


def may_keep(actor: Actor, location: StockLocation) -> bool:
    """A custodian or manager keeps any location in scope; a clerk only their own drawer."""
    if actor.may(Permission.RECEIVE_STOCK) or actor.may(Permission.MANAGE_STOCK):
        return True
    return location.kind == DRAWER and location.holder_id == actor.account_id and actor.may(
        Permission.USE_DRAWER)


def second_person_refusal(actor: Actor, move, drawers: Iterable[StockLocation]) -> str | None:
    """Why ``actor`` may not confirm ``move`` as its second person, or None when they may:
    someone other than its maker, and a custodian or manager, or the holder of the drawer a
    transfer goes into or out of. ``drawers``: the move's locations. The one rule behind both
    the confirmation and the list of moves a person is asked to confirm."""
    if not actor.may(Permission.CONFIRM_STOCK_MOVE):
        return QT_TRANSLATE_NOOP("errors", "You may not confirm stock moves.")
    if actor.account_id is None or actor.account_id == move.made_by:
        return QT_TRANSLATE_NOOP("errors", "must be someone other than the person who made the move")
    if actor.may(Permission.RECEIVE_STOCK) or actor.may(Permission.MANAGE_STOCK):
        return None
    if move.kind == TRANSFER and any(d is not None and d.kind == DRAWER and d.holder_id == actor.account_id
                                       for d in drawers):
        return None
    return QT_TRANSLATE_NOOP("errors", "You may confirm only a transfer into or out of your own drawer.")


def require_keeper(actor: Actor, location: StockLocation) -> None:
    if not may_keep(actor, location):
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "You may move blank cards only in your own drawer."), field=LOCATION)


def check_open_day(session: Session, location_ids: Iterable[int | None], business_date: date,
                   today: date) -> None:
    """A move on ``business_date`` is refused in the future or into a signed-off day."""
    if business_date > today:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "cannot be in the future"), field=BUSINESS_DATE)
    ids = [i for i in location_ids if i is not None]
    closed = session.scalar(select(func.max(StockDay.business_date)).where(
        StockDay.location_id.in_(ids), StockDay.business_date >= business_date)) if ids else None
    if closed is not None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "{day} is signed off; the day is closed to back-dated moves"),
            field=BUSINESS_DATE, day=closed.isoformat())


def record_movement(session: Session, move, card: BlankCard, *, from_location_id, from_state: str,
                    to_location_id: int, to_state: str, now) -> None:
    session.add(StockMovement(
        move_id=move.id, card_id=card.id, serial=card.serial, card_type=card.card_type,
        branch_id=card.branch_id, business_date=move.business_date, from_location_id=from_location_id,
        to_location_id=to_location_id, from_state=from_state, to_state=to_state, occurred_at=now))


def load_cards(session: Session, serials: Sequence[str]) -> dict[str, BlankCard]:
    found: dict[str, BlankCard] = {}
    for part in chunks(list(serials)):
        for card in session.scalars(select(BlankCard).where(BlankCard.serial.in_(part))):
            found[card.serial] = card
    return found


def unknown_serial(serial: str) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("errors", "{serial} is not in the stock books"),
                           field=SERIAL, serial=serial)
