"""The books: day-end reconciliation per location and card type with sign-off, blind physical
counts, minimum levels and their alerts.

The reconciliation checks the two records the stock keeps against each other: the register of
movements (opening + in − out, replayed serial by serial) and the cards' own state (what is on
hand at day end, rolled back over later movements). Any serial where they disagree is a
difference, and it blocks sign-off until explained.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP, ConflictError, PermissionDenied, ValidationError
from app.stock.common import (
    BUSINESS_DATE, WITNESS, branch_in_scope, location_in_scope, may_keep, require_keeper, vault_of,
)
from app.stock.rules import (
    EXPLANATION, IN_STOCK, ISSUED, Movement, Reconciliation, check_card_type,
    describe_runs, parse_serials, reconcile, weeks_left,
)
from app.text import clean_text
from db.models import (
    BlankCard, StaffAccount, StockCount, StockDay, StockLocation, StockMinimum, StockMove, StockMovement,
)
from app.tiers.rules import CARD_TYPES
from app.actor import Actor
from app.store import Store

MINIMUM = QT_TRANSLATE_NOOP("fields", "Minimum")
RATE_WEEKS = 4


@dataclass(frozen=True)
class DayLine:
    """One location and card type on one business day, with its sign-off if any (``signed_by``:
    the person's name)."""

    location_id: int
    location_name: str
    location_kind: str
    result: Reconciliation
    signed_by: str = ""
    explanation: str = ""

    @property
    def signed(self) -> bool:
        return bool(self.signed_by)

    @property
    def unexplained(self) -> bool:
        return not self.result.balanced and not self.explanation


def _state_at_end(session, branch_id: int, day: date) -> dict[str, tuple[int, str, str]]:
    """serial → (location, state, card type) at the end of ``day``: the cards' current state,
    rolled back over every movement after ``day``."""
    state = {serial: (loc, st, ct) for serial, loc, st, ct in session.execute(
        select(BlankCard.serial, BlankCard.location_id, BlankCard.state, BlankCard.card_type)
        .where(BlankCard.branch_id == branch_id, BlankCard.state != "pending"))}
    later = session.execute(
        select(StockMovement.serial, StockMovement.from_location_id, StockMovement.from_state,
               StockMovement.card_type)
        .where(StockMovement.branch_id == branch_id, StockMovement.business_date > day)
        .order_by(StockMovement.id.desc()))
    for serial, loc, st, ct in later:  # newest first: the oldest later movement wins
        state[serial] = (loc, st, ct)
    return state


def _on_hand_by_place(book: dict[str, tuple[int, str, str]]) -> dict[tuple[int, str], set[str]]:
    by: dict[tuple[int, str], set[str]] = {}
    for serial, (location, state, card_type) in book.items():
        if state == IN_STOCK:
            by.setdefault((location, card_type), set()).add(serial)
    return by


def reconcile_day(store: Store, actor: Actor, *, branch_id: int | None = None, branch_code: str | None = None,
                  business_date: date) -> list[DayLine]:
    """Every location and card type of a branch on ``business_date``, down to the serials."""
    require(actor, Permission.VIEW_STOCK)
    with store.read() as session:
        branch = branch_in_scope(session, actor, branch_id, branch_code)
        locations = list(session.scalars(select(StockLocation).where(StockLocation.branch_id == branch.id)
                                         .order_by(StockLocation.kind.desc(), StockLocation.name)))
        if not actor.may(Permission.RECEIVE_STOCK) and not actor.may(Permission.MANAGE_STOCK) and \
                actor.account_id is not None:
            locations = [loc for loc in locations if may_keep(actor, loc)]
        closing_state = _state_at_end(session, branch.id, business_date)
        # Opening from the register alone: replay every movement before the day.
        opening: dict[str, tuple[int, str, str]] = {}
        day_moves: list[Movement] = []
        rows = session.execute(select(
            StockMovement.business_date, StockMovement.serial, StockMovement.card_type,
            StockMovement.from_location_id, StockMovement.to_location_id, StockMovement.from_state,
            StockMovement.to_state).where(
                StockMovement.branch_id == branch.id, StockMovement.business_date <= business_date)
            .order_by(StockMovement.id))
        for day, serial, card_type, source, target, from_state, to_state in rows:
            if day < business_date:
                opening[serial] = (target, to_state, card_type)
            else:
                day_moves.append(Movement(day, serial, card_type, source, target, from_state, to_state))
        signed = {(d.location_id, d.card_type): d for d in session.scalars(select(StockDay).where(
            StockDay.branch_id == branch.id, StockDay.business_date == business_date))}
        signers: dict[int | None, str] = dict(session.execute(select(StaffAccount.id, StaffAccount.display_name).where(
            StaffAccount.id.in_({d.signed_by for d in signed.values() if d.signed_by is not None}))).all())
        opening_by, closing_by = _on_hand_by_place(opening), _on_hand_by_place(closing_state)
        moves_by: dict[tuple[object, str], list[Movement]] = {}  # a movement's places: (location id or None, type)
        for m in day_moves:
            for place in {(m.from_location, m.card_type), (m.to_location, m.card_type)}:
                moves_by.setdefault(place, []).append(m)
        lines = []
        for location in locations:
            for card_type in CARD_TYPES:
                place = (location.id, card_type)
                result = reconcile(location.id, card_type, opening_by.get(place, ()), moves_by.get(place, ()),
                                   closing_by.get(place, ()))
                if not (result.opening or result.received or result.sent or result.closing
                        or (location.id, card_type) in signed):
                    continue
                sign = signed.get((location.id, card_type))
                lines.append(DayLine(location.id, location.name, location.kind, result,
                                     (signers.get(sign.signed_by) or sign.signed_by_name) if sign else "",
                                     sign.explanation if sign else ""))
        return lines


def sign_off(store: Store, actor: Actor, *, location_id: int, card_type: str, business_date: date,
             explanation: str = "") -> DayLine:
    """Sign off one location's card type for the day; a difference needs an explanation.
    The day is then closed to back-dated moves into that location."""
    require(actor, Permission.VIEW_STOCK)
    check_card_type(card_type)
    explanation = clean_text(explanation, field=EXPLANATION, max_length=500, required=False) \
        if explanation else ""
    with store.read() as session:
        location = location_in_scope(session, actor, location_id)
        if not (actor.may(Permission.MANAGE_STOCK) or (may_keep(actor, location) and actor.may(Permission.USE_DRAWER))):
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "You may sign off only your own drawer."))
        branch_id = location.branch_id
        _refuse_while_awaiting(session, location_id, business_date)
    if business_date > store.today():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "cannot be in the future"), field=BUSINESS_DATE)
    lines = [line for line in reconcile_day(store, actor, branch_id=branch_id, business_date=business_date)
             if line.location_id == location_id and line.result.card_type == card_type]
    if lines:
        line = lines[0]
    else:
        line = None
    result = line.result if line else reconcile(location_id, card_type, (), (), ())
    if not result.balanced and not explanation:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "the books differ by {difference}; explain the difference before signing off"),
            field=EXPLANATION, difference=result.difference)
    with store.write(actor) as uow:
        _refuse_while_awaiting(uow.session, location_id, business_date)  # one made meanwhile
        opening, received, sent, closing = result.figures()
        day = StockDay(branch_id=branch_id, location_id=location_id, card_type=card_type,
                       business_date=business_date, opening=opening, received=received, sent=sent,
                       closing=closing, difference=result.difference, explanation=explanation,
                       signed_by=actor.account_id, signed_by_name=actor.username, signed_at=uow.now)
        from app.store import insert_unique
        insert_unique(uow.session, day, ConflictError(QT_TRANSLATE_NOOP(
            "errors", "This day is already signed off.")))
        uow.audit("stock.day.sign_off", "stock_day", day.id, branch_id=branch_id,
                  after={"location": location_id, "card_type": card_type, "date": business_date.isoformat(),
                         "opening": opening, "in": received, "out": sent, "closing": closing,
                         "difference": result.difference, "explanation": explanation,
                         "missing": describe_runs(result.missing), "unexpected": describe_runs(result.unexpected)})
        return DayLine(location_id, "", "", result, actor.display_name, explanation)


def awaiting_second_person(session, location_id: int, business_date: date) -> list[tuple[int, str, str]]:
    """(move id, serials, maker's name) of the moves into or out of ``location_id`` dated on or
    before ``business_date`` that still await their second person: signing the day off would
    close it to their confirmation, stranding the cards (the other side could only reject)."""
    rows = session.execute(
        select(StockMove.id, StockMove.serials, StockMove.made_by_name, StaffAccount.display_name)
        .outerjoin(StaffAccount, StaffAccount.id == StockMove.made_by)
        .where(StockMove.status == "pending", StockMove.business_date <= business_date,
               (StockMove.from_location_id == location_id) | (StockMove.to_location_id == location_id))
        .order_by(StockMove.id)).all()
    return [(move_id, serials, display or username) for move_id, serials, username, display in rows]


def _awaiting_refusal(session, location_id: int, business_date: date) -> ConflictError | None:
    waiting = awaiting_second_person(session, location_id, business_date)
    if not waiting:
        return None
    return ConflictError(QT_TRANSLATE_NOOP(
        "errors", "{count} move(s) of this location still await a second person: {moves}. "
                  "Have each confirmed or sent back before signing off the day."),
        count=len(waiting), moves="; ".join(f"#{i} {serials} ({who})" for i, serials, who in waiting))


def _refuse_while_awaiting(session, location_id: int, business_date: date) -> None:
    refusal = _awaiting_refusal(session, location_id, business_date)
    if refusal is not None:
        raise refusal


def sign_off_blocker(store: Store, actor: Actor, *, location_id: int, business_date: date) -> ConflictError | None:
    """What :func:`sign_off` would refuse for the moves still awaiting a second person, asked
    before the sign-off dialog is filled in (so the custodian sees it at once)."""
    require(actor, Permission.VIEW_STOCK)
    with store.read() as session:
        location_in_scope(session, actor, location_id)
        return _awaiting_refusal(session, location_id, business_date)


# ----------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class CountResult:
    id: int
    expected: int
    counted: int
    missing: tuple[str, ...]
    unexpected: tuple[str, ...]

    @property
    def agrees(self) -> bool:
        return not self.missing and not self.unexpected


def record_count(store: Store, actor: Actor, *, location_id: int, card_type: str, serials: str,
                 witness_id: int) -> CountResult:
    """A blind count: the serials physically present are entered or scanned first; only then
    are they compared with the books (the expected figure is never shown before). Lists the
    missing and the unexpected serials and records the result with its witness."""
    require(actor, Permission.VIEW_STOCK)
    counted = set(parse_serials(serials, card_type=card_type)) if serials.strip() else set()
    if witness_id == actor.account_id:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be someone other than the counter"),
                              field=WITNESS)
    with store.write(actor) as uow:
        session = uow.session
        location = location_in_scope(session, actor, location_id)
        require_keeper(actor, location)
        witness = session.get(StaffAccount, witness_id)
        if witness is None or witness.disabled or not actor.sees(witness.branch.path):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a colleague in your scope"),
                                  field=WITNESS)
        expected = set(session.scalars(select(BlankCard.serial).where(
            BlankCard.location_id == location.id, BlankCard.card_type == card_type,
            BlankCard.state == IN_STOCK)))
        missing, unexpected = sorted(expected - counted), sorted(counted - expected)
        count = StockCount(branch_id=location.branch_id, location_id=location.id, card_type=card_type,
                           counted_at=uow.now, counted_by=actor.account_id, counted_by_name=actor.username,
                           witness_name=witness.username, expected=len(expected), counted=len(counted),
                           missing=",".join(missing), unexpected=",".join(unexpected))
        session.add(count)
        session.flush()
        uow.audit("stock.count", "stock_count", count.id, branch_id=location.branch_id,
                  after={"location": location.name, "card_type": card_type, "expected": len(expected),
                         "counted": len(counted), "missing": describe_runs(missing),
                         "unexpected": describe_runs(unexpected), "witness": witness.username})
        return CountResult(count.id, len(expected), len(counted), tuple(missing), tuple(unexpected))


# ----------------------------------------------------------------------------- minimums, alerts


@dataclass(frozen=True)
class StockAlert:
    branch_id: int
    branch_code: str
    card_type: str
    on_hand: int
    minimum: int
    weeks_left: float | None


def set_minimum(store: Store, actor: Actor, *, card_type: str, minimum: int, branch_id: int | None = None) -> None:
    require(actor, Permission.MANAGE_STOCK)
    check_card_type(card_type)
    if not isinstance(minimum, int) or minimum < 0 or minimum > 1_000_000:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from 0 to 1,000,000"),
                              field=MINIMUM)
    with store.write(actor) as uow:
        branch = branch_in_scope(uow.session, actor, branch_id)
        row = uow.session.scalar(select(StockMinimum).where(StockMinimum.branch_id == branch.id,
                                                            StockMinimum.card_type == card_type))
        before = row.minimum if row else None
        if row is None:
            row = StockMinimum(branch_id=branch.id, card_type=card_type, minimum=minimum)
            uow.session.add(row)
        row.minimum = minimum
        uow.session.flush()
        uow.audit("stock.minimum", "stock_minimum", f"{branch.code}:{card_type}", branch_id=branch.id,
                  before={"minimum": before}, after={"minimum": minimum})


def stock_alerts(store: Store, actor: Actor) -> list[StockAlert]:
    """Card types of branches in scope whose stock on hand is below the minimum, with the weeks
    of issuing left at the rate of the last four weeks."""
    require(actor, Permission.VIEW_STOCK)
    from db.models import Branch

    with store.read() as session:
        today = store.today()
        alerts = []
        rows = session.execute(select(StockMinimum, Branch).join(Branch, Branch.id == StockMinimum.branch_id)
                               .order_by(Branch.code, StockMinimum.card_type)).all()
        for minimum, branch in rows:
            if not actor.sees(branch.path):
                continue
            on_hand = session.scalar(select(func.count()).select_from(BlankCard).where(
                BlankCard.branch_id == branch.id, BlankCard.card_type == minimum.card_type,
                BlankCard.state == IN_STOCK)) or 0
            if on_hand >= minimum.minimum:
                continue
            issued = session.scalar(select(func.count()).select_from(StockMovement).where(
                StockMovement.branch_id == branch.id, StockMovement.card_type == minimum.card_type,
                StockMovement.to_state == ISSUED,
                StockMovement.business_date > today - timedelta(weeks=RATE_WEEKS))) or 0
            alerts.append(StockAlert(branch.id, branch.code, minimum.card_type, on_hand, minimum.minimum,
                                     weeks_left(on_hand, issued, RATE_WEEKS)))
        return alerts


def vault_id(store: Store, actor: Actor, branch_id: int | None = None) -> int:
    """The branch vault's id (made on first use)."""
    with store.write(actor) as uow:
        return vault_of(uow.session, branch_in_scope(uow.session, actor, branch_id), uow.now).id

