"""Stock moves: receipt into the vault and transfers between vault and drawer under dual
control (made by one person, confirmed by another), issue of one serial, spoilage, customer
returns and destruction. Each call is one transaction with its register rows and audit events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import (
    CursorResult, Date, DateTime, Integer, String, Table, delete, func, insert, literal, null, select, update,
)
from sqlalchemy.orm import Session

from app.auth.countersign import countersigned
from app.auth.permissions import Permission, require
from app.errors import (
    CHANGED_BY_SOMEONE_ELSE, QT_TRANSLATE_NOOP, ConflictError, NotFound, PermissionDenied,
    ValidationError,
)
from app.stock import rules
from app.stock.common import (
    CONFIRMED_BY, DRAWER, VAULT, WITNESS, branch_in_scope, check_open_day, chunks,
    load_cards, location_in_scope, own_drawer, record_movement, require_keeper, second_person_refusal,
    unknown_serial, vault_of,
)
from app.stock.rules import (
    CONFIRM_RECEIPT, DESTROY, IN_STOCK, ISSUED, PENDING, RECEIVE, RETURN, SERIAL, SERIALS, SPOIL,
    TRANSFER, check_card_type, check_serial, describe_runs, parse_serials,
)
from app.text import clean_text
from db.models import BlankCard, Branch, StaffAccount, StockLocation, StockMove, StockMovement
from app.actor import Actor
from app.store import Store

MOVE_PENDING, MOVE_DONE, MOVE_REJECTED = "pending", "done", "rejected"


@dataclass(frozen=True)
class MoveResult:
    id: int
    kind: str
    status: str
    card_type: str
    count: int
    serials: str
    confirmed_by: str = ""   # the second person's name, once confirmed


def _result(move: StockMove, confirmed_by: str = "") -> MoveResult:
    return MoveResult(move.id, move.kind, move.status, move.card_type, move.count, move.serials, confirmed_by)


def _new_move(uow, *, branch_id, kind, card_type, serials, status, from_id=None, to_id=None,
              business_date=None, reason="") -> StockMove:
    move = StockMove(branch_id=branch_id, kind=kind, status=status, card_type=card_type,
                     from_location_id=from_id, to_location_id=to_id, count=len(serials),
                     serials=describe_runs(serials, limit=20), business_date=business_date or uow.today,
                     reason=reason, made_by=uow.actor.account_id, made_by_name=uow.actor.username,
                     made_at=uow.now)
    uow.session.add(move)
    uow.session.flush()
    return move


# ----------------------------------------------------------------------------- receipt


def receive(store: Store, actor: Actor, *, card_type: str, serials: str, count: int | None,
            branch_id: int | None = None, business_date: date | None = None) -> MoveResult:
    """A custodian receives a batch from head office into the branch vault; it counts only
    once a second person confirms it (:func:`confirm`)."""
    require(actor, Permission.RECEIVE_STOCK)
    check_card_type(card_type)
    listed = parse_serials(serials, card_type=card_type, count=count)
    with store.write(actor, keyed=True) as uow:
        session = uow.session
        branch = branch_in_scope(session, actor, branch_id)
        vault = vault_of(session, branch, uow.now)
        day = business_date or uow.today
        check_open_day(session, [vault.id], day, uow.today)
        known = load_cards(session, listed)
        if known:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{serial} is already in the stock books"),
                                  field=SERIALS, serial=min(known))
        move = _new_move(uow, branch_id=branch.id, kind=RECEIVE, card_type=card_type, serials=listed,
                         status=MOVE_PENDING, to_id=vault.id, business_date=day)
        rows = [{"serial": s, "card_type": card_type, "branch_id": branch.id, "location_id": vault.id,
                 "state": PENDING, "move_id": move.id, "updated_at": uow.now} for s in listed]
        clash = ValidationError(QT_TRANSLATE_NOOP(
            "errors", "some of these serials are already in the stock books (perhaps of another branch)"),
            field=SERIALS)
        try:
            with session.begin_nested():
                for part in chunks(rows, 5000):
                    # a Core executemany on the Table (DeclarativeBase types __table__ as a FromClause)
                    session.execute(cast(Table, BlankCard.__table__).insert(), list(part))
        except Exception as exc:
            from sqlalchemy.exc import IntegrityError
            if isinstance(exc, IntegrityError):
                raise clash from None
            raise
        uow.audit("stock.receive", "stock_move", move.id, branch_id=branch.id,
                  after={"card_type": card_type, "count": len(listed), "serials": move.serials})
        return _result(move)


# ----------------------------------------------------------------------------- transfers


def request_transfer(store: Store, actor: Actor, *, card_type: str, serials: str, from_location_id: int,
                     to_location_id: int, count: int | None = None,
                     business_date: date | None = None) -> MoveResult:
    """Vault → drawer (领用) or drawer → vault (上缴), confirmed by a second person. The
    serials are held for this move until it is confirmed or rejected."""
    require(actor, Permission.VIEW_STOCK)
    check_card_type(card_type)
    listed = parse_serials(serials, card_type=card_type, count=count)
    with store.write(actor, keyed=True) as uow:
        session = uow.session
        source = location_in_scope(session, actor, from_location_id)
        target = location_in_scope(session, actor, to_location_id)
        if source.id == target.id or source.branch_id != target.branch_id or VAULT not in (source.kind, target.kind):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "a transfer goes between the branch vault and a drawer of the same branch"),
                field=SERIALS)
        if source.kind == VAULT:
            require(actor, Permission.RECEIVE_STOCK)
        else:
            require_keeper(actor, source)
        day = business_date or uow.today
        check_open_day(session, [source.id, target.id], day, uow.today)
        move = _new_move(uow, branch_id=source.branch_id, kind=TRANSFER, card_type=card_type,
                         serials=listed, status=MOVE_PENDING, from_id=source.id, to_id=target.id,
                         business_date=day)
        _hold(session, listed, card_type, source, move.id)
        uow.audit("stock.transfer.request", "stock_move", move.id, branch_id=source.branch_id,
                  after={"card_type": card_type, "count": len(listed), "from": source.name,
                         "to": target.name, "serials": move.serials})
        return _result(move)


def _hold(session: Session, serials: list[str], card_type: str, source: StockLocation, move_id: int) -> None:
    """Hold every serial for ``move_id`` in one conditional update per chunk, or refuse whole."""
    held = 0
    for part in chunks(serials):
        held += cast(CursorResult[Any], session.execute(  # an UPDATE's result, typed as a plain Result
            update(BlankCard).where(BlankCard.serial.in_(part), BlankCard.location_id == source.id,
                                    BlankCard.card_type == card_type, BlankCard.state == IN_STOCK,
                                    BlankCard.move_id.is_(None))
            .values(move_id=move_id).execution_options(synchronize_session=False))).rowcount
    if held != len(serials):
        cards = load_cards(session, serials)
        for serial in serials:
            card = cards.get(serial)
            if card is None:
                raise unknown_serial(serial)
            if card.card_type != card_type:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "{serial} is not a serial of this card type (expected like {example})"),
                    field=SERIAL, serial=serial, example=rules.SERIAL_FORMATS[card_type].example())
            if card.location_id != source.id or card.state != IN_STOCK:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "{serial} is not in stock at {location}"),
                    field=SERIAL, serial=serial, location=source.name)
            if card.move_id is not None and card.move_id != move_id:
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "errors", "{serial} is already in another move awaiting confirmation"), serial=serial)
        raise ConflictError(CHANGED_BY_SOMEONE_ELSE)


def _pending(session: Session, actor: Actor, move_id: int) -> StockMove:
    move = session.get(StockMove, move_id)
    if move is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That stock move does not exist in your scope."))
    branch_in_scope(session, actor, move.branch_id)
    if move.status != MOVE_PENDING:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "This move has already been confirmed or rejected."))
    return move


def _check_second_person(session: Session, actor: Actor, move: StockMove) -> None:
    require(actor, Permission.CONFIRM_STOCK_MOVE)
    drawers = [session.get_one(StockLocation, i) for i in (move.from_location_id, move.to_location_id) if i]
    refusal = second_person_refusal(actor, move, drawers)
    if refusal is not None:
        raise PermissionDenied(refusal, field=CONFIRMED_BY)


def confirm(store: Store, actor: Actor, move_id: int, *, at_desk_of: str = "") -> MoveResult:
    """The second person confirms a pending receipt or transfer: the stock counts or moves now.
    ``at_desk_of``: the person signed in on the PC where they authorised it on the spot."""
    with store.write(actor) as uow:
        session = uow.session
        move = _pending(session, actor, move_id)
        _check_second_person(session, actor, move)
        check_open_day(session, [move.from_location_id, move.to_location_id], move.business_date,
                       uow.today)
        _move_held_cards(session, move, uow.now)
        move.status = MOVE_DONE
        move.checked_by, move.checked_by_name, move.checked_at = actor.account_id, actor.username, uow.now
        uow.audit(f"stock.{move.kind}.confirm", "stock_move", move.id, branch_id=move.branch_id,
                  before={"status": MOVE_PENDING},
                  after={"status": MOVE_DONE, "count": move.count,
                         **({"on_the_spot_at": at_desk_of} if at_desk_of else {})})
        return _result(move, actor.display_name)


def confirm_on_the_spot(store: Store, actor: Actor, move_id: int, *, username: str, password: str) -> MoveResult:
    """On-the-spot authorisation (现场授权) of ``actor``'s move: the second person types their
    user name and password on ``actor``'s PC; they are checked as their own sign-in and the
    confirmation runs as them (:mod:`app.auth.countersign`), audited in their name."""
    with countersigned(store, actor, username, password) as checker:
        return confirm(checker.store, checker.actor, move_id, at_desk_of=actor.username)


def _move_held_cards(session: Session, move: StockMove, now) -> None:
    """Set-based, for batches of 100,000: one movement row per held card, then the cards move.
    Refused whole unless every card the move holds is still in the state it was held in."""
    kind = CONFIRM_RECEIPT if move.kind == RECEIVE else TRANSFER
    (from_states, to_state) = rules.TRANSITIONS[kind]
    from_state = PENDING if move.kind == RECEIVE else IN_STOCK
    assert from_state in from_states
    held = (BlankCard.move_id == move.id, BlankCard.state == from_state)
    from_location = null() if move.kind == RECEIVE else BlankCard.location_id
    source = select(literal(move.id, Integer), BlankCard.id, BlankCard.serial, BlankCard.card_type,
                    BlankCard.branch_id, literal(move.business_date, Date), from_location,
                    literal(move.to_location_id, Integer), BlankCard.state, literal(to_state, String),
                    literal(now, DateTime)).where(*held).order_by(BlankCard.serial)
    # Session.execute is typed to return a Result; an INSERT's or UPDATE's is a CursorResult
    written = cast(CursorResult[Any], session.execute(insert(StockMovement).from_select(
        ["move_id", "card_id", "serial", "card_type", "branch_id", "business_date", "from_location_id",
         "to_location_id", "from_state", "to_state", "occurred_at"], source))).rowcount
    moved = cast(CursorResult[Any], session.execute(update(BlankCard).where(*held).values(
        state=to_state, location_id=move.to_location_id, move_id=None, updated_at=now)
        .execution_options(synchronize_session=False))).rowcount
    if moved != move.count or written not in (-1, move.count):  # -1: the driver does not say
        raise ConflictError(CHANGED_BY_SOMEONE_ELSE)


def reject(store: Store, actor: Actor, move_id: int, *, reason: str) -> MoveResult:
    """The second person (or the maker, to withdraw) refuses a pending move: nothing moves;
    a rejected receipt's serials leave the books (they never counted)."""
    reason = clean_text(reason, field=rules.REASON, max_length=300)
    with store.write(actor) as uow:
        session = uow.session
        move = _pending(session, actor, move_id)
        if actor.account_id != move.made_by:
            _check_second_person(session, actor, move)
        if move.kind == RECEIVE:
            session.execute(delete(BlankCard).where(BlankCard.move_id == move.id, BlankCard.state == PENDING)
                            .execution_options(synchronize_session=False))
        else:
            session.execute(update(BlankCard).where(BlankCard.move_id == move.id).values(move_id=None)
                            .execution_options(synchronize_session=False))
        move.status, move.reason = MOVE_REJECTED, reason
        move.checked_by, move.checked_by_name, move.checked_at = actor.account_id, actor.username, uow.now
        uow.audit(f"stock.{move.kind}.reject", "stock_move", move.id, branch_id=move.branch_id,
                  before={"status": MOVE_PENDING}, after={"status": MOVE_REJECTED, "reason": reason})
        return _result(move)


# ----------------------------------------------------------------------------- issue


def take_serial(uow, actor: Actor, card_type: str, serial: str) -> int:
    """Take ``serial`` from the issuing clerk's drawer inside the caller's unit of work (the card
    capability's issue): the lowest serial of the drawer first (号码衔接), never twice. Returns
    the blank card's id. On PostgreSQL the claim is one conditional UPDATE that skips a row
    another transaction holds, so two PCs can never both take it."""
    require(actor, Permission.USE_DRAWER)
    serial = check_serial(card_type, serial)
    session = uow.session
    drawer = own_drawer(session, actor, uow.now)
    check_open_day(session, [drawer.id], uow.today, uow.today)
    lower = session.scalar(select(func.min(BlankCard.serial)).where(
        BlankCard.location_id == drawer.id, BlankCard.card_type == card_type,
        BlankCard.state == IN_STOCK, BlankCard.serial < serial))
    if lower is not None:
        rules.check_in_order(serial, [lower])
    claim = (select(BlankCard.id).where(
        BlankCard.serial == serial, BlankCard.location_id == drawer.id, BlankCard.card_type == card_type,
        BlankCard.state == IN_STOCK, BlankCard.move_id.is_(None))
        .with_for_update(skip_locked=True).scalar_subquery())
    taken = session.execute(
        update(BlankCard).where(BlankCard.id == claim)
        .values(state=ISSUED, issued_on=uow.today, updated_at=uow.now)
        .returning(BlankCard.id).execution_options(synchronize_session=False)).scalar_one_or_none()
    if taken is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "{serial} is not in stock in your drawer (issued, moved or held by another move)"),
            field=SERIAL, serial=serial)
    card = session.get(BlankCard, taken)
    session.refresh(card)
    move = _new_move(uow, branch_id=drawer.branch_id, kind=rules.ISSUE, card_type=card_type,
                     serials=[serial], status=MOVE_DONE, from_id=drawer.id, to_id=drawer.id)
    record_movement(session, move, card, from_location_id=drawer.id, from_state=IN_STOCK,
                    to_location_id=drawer.id, to_state=ISSUED, now=uow.now)
    uow.audit("stock.issue", "blank_card", serial, branch_id=drawer.branch_id,
              before={"state": IN_STOCK}, after={"state": ISSUED, "move": move.id})
    return taken


def issue_serial(store: Store, actor: Actor, *, card_type: str, serial: str) -> int:
    """:func:`take_serial` in a unit of work of its own (tests, and until cards exist)."""
    with store.write(actor, keyed=True) as uow:
        return take_serial(uow, actor, card_type, serial)


# ----------------------------------------------------------------------------- spoilage, returns


def spoil(store: Store, actor: Actor, *, card_type: str, serial: str, reason: str) -> MoveResult:
    """A card spoiled at the counter (misprint, damaged): from one's own drawer (a custodian:
    the vault too); an issued card only on its day of issue. Held for destruction."""
    require(actor, Permission.VIEW_STOCK)
    serial = check_serial(card_type, serial)
    reason = clean_text(reason, field=rules.REASON, max_length=300)
    with store.write(actor, keyed=True) as uow:
        session = uow.session
        card = _card_in_scope(session, actor, serial, card_type)
        location = session.get_one(StockLocation, card.location_id)
        if location.kind == DRAWER:
            if location.holder_id != actor.account_id:
                raise PermissionDenied(QT_TRANSLATE_NOOP(
                    "errors", "You may spoil only a card from your own drawer."), field=SERIAL)
            require(actor, Permission.USE_DRAWER)
        else:
            require(actor, Permission.RECEIVE_STOCK)
        if card.move_id is not None:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "errors", "{serial} is already in another move awaiting confirmation"), serial=serial)
        if card.state == ISSUED and card.issued_on != uow.today:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{serial} was issued on another day; record it as a customer return"),
                field=SERIAL, serial=serial)
        return _change_state(uow, card, location, SPOIL, reason)


def record_return(store: Store, actor: Actor, *, card_type: str, serial: str, reason: str) -> MoveResult:
    """A card a customer gives back (replaced, upgraded, cancelled), held for destruction in
    the receiver's drawer (or the vault, for a custodian)."""
    require(actor, Permission.VIEW_STOCK)
    serial = check_serial(card_type, serial)
    reason = clean_text(reason, field=rules.REASON, max_length=300)
    with store.write(actor, keyed=True) as uow:
        return return_serial(uow, actor, card_type=card_type, serial=serial, reason=reason)


def return_serial(uow, actor: Actor, *, card_type: str, serial: str, reason: str) -> MoveResult:
    """:func:`record_return` inside the caller's unit of work (the card capability hands the
    old card back in the same transaction as the card that replaces it)."""
    require(actor, Permission.VIEW_STOCK)
    serial = check_serial(card_type, serial)
    reason = clean_text(reason, field=rules.REASON, max_length=300)
    session = uow.session
    card = _card_in_scope(session, actor, serial, card_type)
    if actor.may(Permission.USE_DRAWER) and actor.account_id is not None:
        holder = own_drawer(session, actor, uow.now)
    else:
        require(actor, Permission.RECEIVE_STOCK)
        holder = vault_of(session, branch_in_scope(session, actor, card.branch_id), uow.now)
    if holder.branch_id != card.branch_id:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "{serial} belongs to the stock of another branch"), field=SERIAL, serial=serial)
    return _change_state(uow, card, holder, RETURN, reason)


def _card_in_scope(session: Session, actor: Actor, serial: str, card_type: str) -> BlankCard:
    card = session.scalar(select(BlankCard).where(BlankCard.serial == serial))
    if card is None or not actor.sees(session.get_one(Branch, card.branch_id).path):
        raise unknown_serial(serial)  # what row-level security shows on PostgreSQL too
    if card.card_type != card_type:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "{serial} is not a serial of this card type (expected like {example})"),
            field=SERIAL, serial=serial, example=rules.SERIAL_FORMATS[card_type].example())
    return card


def _change_state(uow, card: BlankCard, to: StockLocation, kind: str, reason: str) -> MoveResult:
    session = uow.session
    from_location, from_state = card.location_id, card.state
    after = rules.next_state(kind, from_state, card.serial)
    check_open_day(session, [from_location, to.id], uow.today, uow.today)
    move = _new_move(uow, branch_id=card.branch_id, kind=kind, card_type=card.card_type,
                     serials=[card.serial], status=MOVE_DONE, from_id=from_location, to_id=to.id,
                     reason=reason)
    done = session.execute(update(BlankCard).where(BlankCard.id == card.id, BlankCard.state == from_state,
                                                   BlankCard.move_id.is_(None))
                           .values(state=after, location_id=to.id, updated_at=uow.now)
                           .execution_options(synchronize_session=False)).rowcount
    if done != 1:
        raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
    record_movement(session, move, card, from_location_id=from_location, from_state=from_state,
                    to_location_id=to.id, to_state=after, now=uow.now)
    uow.audit(f"stock.{kind}", "blank_card", card.serial, branch_id=card.branch_id,
              before={"state": from_state}, after={"state": after, "reason": reason, "move": move.id})
    return _result(move)


# ----------------------------------------------------------------------------- destruction


def destroy(store: Store, actor: Actor, *, card_type: str, serials: str, witnesses: tuple[int, int],
            count: int | None = None, branch_id: int | None = None) -> MoveResult:
    """A destruction session (销毁): spoiled and returned cards destroyed before two witnesses,
    other than the custodian and each other; the register lists every serial."""
    require(actor, Permission.RECEIVE_STOCK)
    listed = parse_serials(serials, card_type=card_type, count=count)
    first, second = witnesses
    if first == second or actor.account_id in (first, second):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "two different people, neither of them the custodian, witness a destruction"),
            field=WITNESS)
    with store.write(actor, keyed=True) as uow:
        session = uow.session
        branch = branch_in_scope(session, actor, branch_id)
        names = []
        for witness_id in witnesses:
            account = session.get(StaffAccount, witness_id)
            if account is None or account.disabled or not actor.sees(account.branch.path):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a colleague in your scope"),
                                      field=WITNESS)
            names.append(account.username)
        cards = load_cards(session, listed)
        for serial in listed:
            card = cards.get(serial)
            if card is None:
                raise unknown_serial(serial)
            if card.branch_id != branch.id:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "{serial} belongs to the stock of another branch"), field=SERIAL, serial=serial)
            rules.next_state(DESTROY, card.state, serial)
        vault = vault_of(session, branch, uow.now)
        check_open_day(session, {c.location_id for c in cards.values()} | {vault.id}, uow.today,
                       uow.today)
        move = _new_move(uow, branch_id=branch.id, kind=DESTROY, card_type=card_type, serials=listed,
                         status=MOVE_DONE, to_id=vault.id)
        move.serials = ", ".join(a if a == b else f"{a}–{b}" for a, b in rules.compress(listed))
        move.witness_name = ", ".join(names)
        move.checked_by, move.checked_by_name, move.checked_at = witnesses[0], names[0], uow.now
        for serial in listed:
            card = cards[serial]
            from_location, from_state = card.location_id, card.state
            card.state, card.location_id, card.updated_at = rules.DESTROYED, vault.id, uow.now
            record_movement(session, move, card, from_location_id=from_location, from_state=from_state,
                            to_location_id=vault.id, to_state=rules.DESTROYED, now=uow.now)
        uow.audit("stock.destroy", "stock_move", move.id, branch_id=branch.id,
                  after={"card_type": card_type, "count": len(listed), "witnesses": names,
                         "serials": move.serials})
        return _result(move)

