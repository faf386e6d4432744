"""What the stock screens and exports read: stock by location and card type, moves awaiting a
second person, a serial's history, the movement register (keyset pages) and the stock export.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import BigInteger, cast, func, select
from sqlalchemy.orm import aliased

from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP
from app.outfile import Codes, Say, export_csv, zoned
from app.stock.common import LOCATION_KIND_LABELS, branch_in_scope, own_drawer, second_person_refusal
from app.stock.rules import DESTROYED, IN_STOCK, ISSUED, STATE_LABELS
from app.tiers.rules import CARD_TYPE_LABELS
from db.models import BlankCard, Branch, StaffAccount, StockLocation, StockMove, StockMovement
from app.actor import Actor
from app.store import Store

EXPORT_HEADER = (
    QT_TRANSLATE_NOOP("exports", "Serial"),
    QT_TRANSLATE_NOOP("exports", "Card type"),
    QT_TRANSLATE_NOOP("exports", "State"),
    QT_TRANSLATE_NOOP("exports", "Branch"),
    QT_TRANSLATE_NOOP("exports", "Location"),
    QT_TRANSLATE_NOOP("exports", "Location kind"),
    QT_TRANSLATE_NOOP("exports", "Updated at"),
)


@dataclass(frozen=True)
class LocationStock:
    """What a location holds of one card type in one state; ``serials``: its runs of
    consecutive serials (``A00000001–A00000010, A00000015``, "… +n" beyond six runs)."""

    location_id: int
    branch_code: str
    location_name: str
    location_kind: str
    holder_id: int | None
    card_type: str
    state: str
    count: int
    serials: str


@dataclass(frozen=True)
class MoveRow:
    id: int
    branch_code: str
    kind: str
    status: str
    card_type: str
    from_name: str
    to_name: str
    count: int
    serials: str
    business_date: date
    reason: str
    made_by: int | None
    made_by_name: str
    made_at: datetime
    checked_by_name: str
    witness_name: str


@dataclass(frozen=True)
class HistoryRow:
    occurred_at: datetime
    business_date: date
    kind: str
    from_name: str
    to_name: str
    from_state: str
    to_state: str
    made_by_name: str
    checked_by_name: str
    reason: str


@dataclass(frozen=True)
class CardInfo:
    serial: str
    card_type: str
    state: str
    branch_code: str
    location_name: str


@dataclass(frozen=True)
class RegisterFilter:
    branch_code: str = ""
    kind: str = ""
    card_type: str = ""
    status: str = ""
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class Person:
    id: int
    username: str
    display_name: str


def _visible_locations(session, actor: Actor) -> list[tuple[StockLocation, Branch]]:
    rows = session.execute(select(StockLocation, Branch).join(Branch, Branch.id == StockLocation.branch_id)
                           .order_by(Branch.code, StockLocation.kind.desc(), StockLocation.name)).all()
    keeps_all = actor.may(Permission.RECEIVE_STOCK) or actor.may(Permission.MANAGE_STOCK) or \
        actor.may(Permission.VIEW_AUDIT) or actor.account_id is None
    return [(loc, br) for loc, br in rows if actor.sees(br.path) and (
        keeps_all or loc.kind == "vault" or loc.holder_id == actor.account_id)]


RUNS_SHOWN = 6
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def stock_by_location(store: Store, actor: Actor) -> list[LocationStock]:
    """What each location holds, by card type and state: in stock, awaiting a receipt's
    confirmation, spoiled or returned (held for destruction). Issued cards are with their
    customers and destroyed ones gone: neither is shown. Serials as runs, found in one query
    (gaps and islands: a serial's number minus its rank is constant along a run)."""
    require(actor, Permission.VIEW_STOCK)
    with store.read() as session:
        visible = {location.id: (location, branch) for location, branch in _visible_locations(session, actor)}
        if not visible:
            return []
        number = cast(func.ltrim(BlankCard.serial, _LETTERS), BigInteger)
        rank = func.row_number().over(partition_by=(BlankCard.location_id, BlankCard.card_type, BlankCard.state),
                                      order_by=BlankCard.serial)
        cards = (select(BlankCard.location_id, BlankCard.card_type, BlankCard.state, BlankCard.serial,
                        (number - rank).label("island"))
                 .where(BlankCard.location_id.in_(visible), BlankCard.state.not_in((ISSUED, DESTROYED)))
                 .subquery())
        runs = session.execute(
            select(cards.c.location_id, cards.c.card_type, cards.c.state, func.count(), func.min(cards.c.serial),
                   func.max(cards.c.serial))
            .group_by(cards.c.location_id, cards.c.card_type, cards.c.state, cards.c.island)
            .order_by(cards.c.location_id, cards.c.card_type, cards.c.state, func.min(cards.c.serial))).all()
        by_location: dict[int, dict[tuple[str, str], list[tuple[int, str, str]]]] = {}
        for location_id, card_type, state, count, first, last in runs:
            by_location.setdefault(location_id, {}).setdefault((card_type, state), []).append((count, first, last))
        result = []
        for location, branch in visible.values():
            for (card_type, state), parts in by_location.get(location.id, {}).items():
                shown = [first if first == last else f"{first}–{last}" for _n, first, last in parts[:RUNS_SHOWN]]
                if len(parts) > RUNS_SHOWN:
                    shown.append(f"… +{len(parts) - RUNS_SHOWN}")
                result.append(LocationStock(location.id, branch.code, location.name, location.kind, location.holder_id,
                                            card_type, state, sum(n for n, _f, _l in parts), ", ".join(shown)))
        return result


def locations(store: Store, actor: Actor) -> list[tuple[int, str, str, str]]:
    """(id, branch code, name, kind) of every location in scope; the actor's own drawer is made."""
    require(actor, Permission.VIEW_STOCK)
    with store.write(actor) as uow:
        if actor.may(Permission.USE_DRAWER) and actor.account_id is not None:
            own_drawer(uow.session, actor, uow.now)
        if actor.may(Permission.RECEIVE_STOCK) and actor.branch_id is not None:
            from app.stock.common import vault_of
            vault_of(uow.session, branch_in_scope(uow.session, actor), uow.now)
        return [(loc.id, br.code, loc.name, loc.kind) for loc, br in _visible_locations(uow.session, actor)]


def drawers_of_branch(store: Store, actor: Actor, branch_id: int | None = None) -> list[tuple[int, str]]:
    """(location id, holder name) of the counter staff drawers of a branch, made on first use."""
    require(actor, Permission.RECEIVE_STOCK)
    from app.auth.permissions import Role
    from app.stock.common import drawer_of
    from db.models import StaffRole

    with store.write(actor) as uow:
        branch = branch_in_scope(uow.session, actor, branch_id)
        accounts = uow.session.scalars(select(StaffAccount).join(StaffRole).where(
            StaffAccount.branch_id == branch.id, StaffRole.role == Role.COUNTER_STAFF.value,
            StaffAccount.disabled.is_(False)).order_by(StaffAccount.username)).unique().all()
        return [(drawer_of(uow.session, a, uow.now).id, a.display_name) for a in accounts]


def colleagues(store: Store, actor: Actor) -> list[Person]:
    """Active people of the actor's branch subtree (second persons and witnesses)."""
    require(actor, Permission.VIEW_STOCK)
    with store.read() as session:
        rows = session.execute(select(StaffAccount.id, StaffAccount.username, StaffAccount.display_name,
                                      Branch.path).join(Branch, Branch.id == StaffAccount.branch_id)
                               .where(StaffAccount.disabled.is_(False)).order_by(StaffAccount.username)).all()
        return [Person(i, u, d) for i, u, d, path in rows if actor.sees(path) and i != actor.account_id]


def _move_query():
    source, target = aliased(StockLocation), aliased(StockLocation)
    return select(StockMove, Branch.code, source.name, target.name).join(
        Branch, Branch.id == StockMove.branch_id).outerjoin(
        source, source.id == StockMove.from_location_id).outerjoin(target, target.id == StockMove.to_location_id)


class _Names:
    """User name → the person's name: the register keeps user names (what the audit trail
    and the database's checks compare), the screens show people's names."""

    def __init__(self, session):
        self._names = dict(session.execute(select(StaffAccount.username, StaffAccount.display_name)).all())

    def __call__(self, usernames: str) -> str:
        """One user name, or a comma-separated list of them (a destruction's witnesses)."""
        if not usernames:
            return ""
        return ", ".join(self._names.get(u.strip(), u.strip()) for u in usernames.split(","))


def _move_row(names: _Names, move: StockMove, code, source, target) -> MoveRow:
    return MoveRow(move.id, code, move.kind, move.status, move.card_type, source or "", target or "",
                   move.count, move.serials, move.business_date, move.reason, move.made_by,
                   names(move.made_by_name), move.made_at, names(move.checked_by_name), names(move.witness_name))


def pending_moves(store: Store, actor: Actor) -> list[MoveRow]:
    """Receipts and transfers awaiting a second person, in the actor's scope."""
    require(actor, Permission.VIEW_STOCK)
    with store.read() as session:
        return _pending_rows(session, actor)


def _pending_rows(session, actor: Actor, *, keep=lambda move: True) -> list[MoveRow]:
    rows = session.execute(_move_query().where(StockMove.status == "pending").order_by(StockMove.id)).all()
    paths = dict(session.execute(select(Branch.code, Branch.path)).all())
    names = _Names(session)
    return [_move_row(names, *row) for row in rows if actor.sees(paths[row[1]]) and keep(row[0])]


def moves_to_confirm(store: Store, actor: Actor) -> list[MoveRow]:
    """The pending moves ``actor`` may confirm as their second person (待复核): never their own,
    and for counter staff only transfers into or out of their own drawer."""
    require(actor, Permission.VIEW_STOCK)
    with store.read() as session:
        def may_confirm(move: StockMove) -> bool:
            drawers = [session.get_one(StockLocation, i) for i in (move.from_location_id, move.to_location_id) if i]
            return second_person_refusal(actor, move, drawers) is None
        return _pending_rows(session, actor, keep=may_confirm)


def my_moves_awaiting(store: Store, actor: Actor) -> list[MoveRow]:
    """The actor's own moves still awaiting a second person (to authorise on the spot or withdraw)."""
    require(actor, Permission.VIEW_STOCK)
    with store.read() as session:
        return _pending_rows(session, actor, keep=lambda move: move.made_by == actor.account_id)


def register_page(store: Store, actor: Actor, register_filter: RegisterFilter = RegisterFilter(), *,
                  before_id: int | None = None, limit: int = 200) -> list[MoveRow]:
    """The movement register, newest first, one keyset page below ``before_id``."""
    require(actor, Permission.VIEW_STOCK)
    f = register_filter
    with store.read() as session:
        query = _move_query().where(Branch.path.startswith(actor.branch_path))
        if before_id is not None:
            query = query.where(StockMove.id < before_id)
        if f.branch_code:
            query = query.where(Branch.code == f.branch_code.strip().upper())
        if f.kind:
            query = query.where(StockMove.kind == f.kind)
        if f.card_type:
            query = query.where(StockMove.card_type == f.card_type)
        if f.status:
            query = query.where(StockMove.status == f.status)
        if f.date_from:
            query = query.where(StockMove.business_date >= f.date_from)
        if f.date_to:
            query = query.where(StockMove.business_date <= f.date_to)
        rows = session.execute(query.order_by(StockMove.id.desc()).limit(limit)).all()
        names = _Names(session)
        return [_move_row(names, *row) for row in rows]


def serial_history(store: Store, actor: Actor, serial: str) -> tuple[CardInfo | None, list[HistoryRow]]:
    """A serial's card row and every movement of it, oldest first (empty outside scope)."""
    require(actor, Permission.VIEW_STOCK)
    serial = serial.strip().upper()
    with store.read() as session:
        card = session.scalar(select(BlankCard).where(BlankCard.serial == serial))
        if card is None:
            return None, []
        branch = session.get_one(Branch, card.branch_id)
        if not actor.sees(branch.path):
            return None, []
        source, target = aliased(StockLocation), aliased(StockLocation)
        rows = session.execute(
            select(StockMovement, StockMove, source.name, target.name)
            .join(StockMove, StockMove.id == StockMovement.move_id)
            .outerjoin(source, source.id == StockMovement.from_location_id)
            .join(target, target.id == StockMovement.to_location_id)
            .where(StockMovement.card_id == card.id).order_by(StockMovement.id)).all()
        names = _Names(session)
        history = [HistoryRow(m.occurred_at, m.business_date, move.kind, s or "", t or "", m.from_state,
                              m.to_state, names(move.made_by_name),
                              names(move.checked_by_name or move.witness_name), move.reason)
                   for m, move, s, t in rows]
        pending = session.get(StockMove, card.move_id) if card.move_id else None
        if pending is not None and card.state == "pending":
            history.insert(0, HistoryRow(pending.made_at, pending.business_date, pending.kind, "", "", "",
                                         "pending", names(pending.made_by_name), "", pending.reason))
        location = session.get_one(StockLocation, card.location_id)
        return CardInfo(card.serial, card.card_type, card.state, branch.code, location.name), history


def export_stock(store: Store, actor: Actor, out: Path, *, say: Say | None = None,
                 progress: Callable[[int], bool] | None = None) -> int:
    """Every serial in scope with its state and location, as a CSV export
    (:func:`app.outfile.export_csv`); the time of its last movement on the business clocks, its
    offset written out."""
    require(actor, Permission.VIEW_STOCK)
    return export_csv(store, actor, out, header=EXPORT_HEADER, rows=_export_rows(store, actor),
                      action="stock.export", entity="blank_card", say=say, progress=progress,
                      codes={1: Codes("card_types", CARD_TYPE_LABELS), 2: Codes("stock_states", STATE_LABELS),
                             5: Codes("StockTables", LOCATION_KIND_LABELS)})


def _export_rows(store: Store, actor: Actor) -> Iterator[list]:
    """Every serial in the actor's scope as an export line."""
    with store.read() as session:
        query = (select(BlankCard.serial, BlankCard.card_type, BlankCard.state, Branch.code,
                        StockLocation.name, StockLocation.kind, BlankCard.updated_at)
                 .join(Branch, Branch.id == BlankCard.branch_id)
                 .join(StockLocation, StockLocation.id == BlankCard.location_id)
                 .where(Branch.path.startswith(actor.branch_path)).order_by(BlankCard.serial))
        for row in session.execute(query.execution_options(yield_per=2000)):
            yield [*row[:6], zoned(row[6])]


def on_hand_count(store: Store, actor: Actor, location_id: int, card_type: str) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(BlankCard).where(
            BlankCard.location_id == location_id, BlankCard.card_type == card_type,
            BlankCard.state == IN_STOCK)) or 0
