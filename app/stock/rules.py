"""Pure rules of the blank-card stock (重要空白凭证): serial numbers, the blank-card state
machine, reconciliation arithmetic and "serials are used in order" (号码衔接).

No database and no Qt here: services in this package apply these rules inside one unit of work.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.auth.permissions import Permission
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.tiers.rules import CARD_TYPE, CARD_TYPES

SERIALS = QT_TRANSLATE_NOOP("fields", "Serials")
SERIAL = QT_TRANSLATE_NOOP("fields", "Serial")
COUNT = QT_TRANSLATE_NOOP("fields", "Count")
REASON = QT_TRANSLATE_NOOP("fields", "Reason")
EXPLANATION = QT_TRANSLATE_NOOP("fields", "Explanation")
STATE = QT_TRANSLATE_NOOP("fields", "State")

MAX_BATCH = 100_000

# ----------------------------------------------------------------------------- serials


@dataclass(frozen=True)
class SerialFormat:
    """A card type's serials: ``prefix`` (one letter or empty) then ``width`` digits."""

    prefix: str
    width: int

    def example(self) -> str:
        return f"{self.prefix}{'0' * (self.width - 1)}1"


# Default serial formats per card type (a bank's own are policy; see the report of issue 4).
SERIAL_FORMATS: dict[str, SerialFormat] = {
    "gold": SerialFormat("A", 8),
    "platinum": SerialFormat("B", 8),
    "diamond": SerialFormat("C", 8),
}

_SERIAL = re.compile(r"([A-Z]?)(\d{1,18})")
_SPLIT = re.compile(r"[\s,;，；、]+")
_RANGE = re.compile(r"\s*([A-Za-z]?\d+)\s*[-~–—至到]\s*([A-Za-z]?\d+)\s*")


def check_card_type(card_type: str) -> str:
    if card_type not in CARD_TYPES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{card} is not a known card type"),
                              field=CARD_TYPE, card=card_type)
    return card_type


def split_serial(text: str, *, field: str = SERIAL) -> tuple[str, int, int]:
    """``"A00001000"`` → ``("A", 1000, 8)``: prefix, number, digit width."""
    match = _SERIAL.fullmatch(text.strip().upper())
    if match is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "{serial} is not a serial number (an optional letter, then digits)"),
            field=field, serial=text.strip()[:30])
    return match.group(1), int(match.group(2)), len(match.group(2))


def format_serial(prefix: str, number: int, width: int) -> str:
    return f"{prefix}{number:0{width}d}"


def check_serial(card_type: str, serial: str, *, field: str = SERIAL) -> str:
    """The serial in canonical form, refused when it is not of ``card_type``'s format."""
    check_card_type(card_type)
    prefix, number, width = split_serial(serial, field=field)
    fmt = SERIAL_FORMATS[card_type]
    if prefix != fmt.prefix or width != fmt.width:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "{serial} is not a serial of this card type (expected like {example})"),
            field=field, serial=serial.strip()[:30], example=fmt.example())
    return format_serial(prefix, number, width)


def expand_range(first: str, last: str, *, field: str = SERIALS) -> list[str]:
    """Every serial from ``first`` to ``last`` inclusive; same prefix and width, not backwards."""
    p1, n1, w1 = split_serial(first, field=field)
    p2, n2, w2 = split_serial(last, field=field)
    if p1 != p2:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "the range {first}–{last} mixes prefixes"), field=field, first=first, last=last)
    if w1 != w2:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "the range {first}–{last} mixes widths"), field=field, first=first, last=last)
    if n2 < n1:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "the range {first}–{last} runs backwards"), field=field, first=first, last=last)
    if n2 - n1 + 1 > MAX_BATCH:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "at most {limit} serials at a time"), field=field, limit=MAX_BATCH)
    return [format_serial(p1, n, w1) for n in range(n1, n2 + 1)]


def parse_serials(text: str, *, card_type: str | None = None, count: int | None = None,
                  field: str = SERIALS) -> list[str]:
    """Serials typed or scanned: ranges ``A00001000-A00001099``, single serials, separated by
    commas, spaces or new lines, in any mix. Refused: nothing given, a serial twice, mixed
    prefixes or widths, a serial not of ``card_type``, and a ``count`` that disagrees."""
    items = [piece for piece in _split_items(text or "")]
    if not items:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "no serial given"), field=field)
    serials: list[str] = []
    for item in items:
        match = _RANGE.fullmatch(item)
        if match:
            serials += expand_range(match.group(1).upper(), match.group(2).upper(), field=field)
        else:
            prefix, number, width = split_serial(item, field=field)
            serials.append(format_serial(prefix, number, width))
        if len(serials) > MAX_BATCH:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "at most {limit} serials at a time"), field=field, limit=MAX_BATCH)
    prefixes = {s[:1] if s[:1].isalpha() else "" for s in serials}
    if len(prefixes) > 1:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "mixes serials of different prefixes"),
                              field=field)
    if len({len(s) for s in serials}) > 1:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "mixes serials of different widths"),
                              field=field)
    twice = [s for s, n in Counter(serials).items() if n > 1]
    if twice:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{serial} is given more than once"),
                              field=field, serial=min(twice))
    if card_type is not None:
        check_serial(card_type, serials[0], field=field)
    if count is not None and count != len(serials):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "is {count} but the serials given are {actual}"),
            field=COUNT, count=count, actual=len(serials))
    return sorted(serials)


def _split_items(text: str) -> Iterable[str]:
    # Keep "A1 - A9" together: normalise spaces around range dashes before splitting.
    text = re.sub(r"\s*([-~–—至到])\s*", r"\1", text.strip())
    return (piece for piece in _SPLIT.split(text) if piece)


def compress(serials: Iterable[str]) -> list[tuple[str, str]]:
    """Sorted serials as runs of consecutive numbers: ``[(first, last), ...]``."""
    runs: list[tuple[str, str]] = []
    previous = None
    for serial in sorted(serials):
        prefix, number, width = split_serial(serial)
        if previous and previous[0] == (prefix, width) and previous[1] + 1 == number:
            runs[-1] = (runs[-1][0], serial)
        else:
            runs.append((serial, serial))
        previous = ((prefix, width), number)
    return runs


def describe_runs(serials: Iterable[str], limit: int = 6) -> str:
    """``A00000001–A00000010, A00000015`` (and "… +n more" beyond ``limit`` runs)."""
    runs = compress(serials)
    parts = [a if a == b else f"{a}–{b}" for a, b in runs[:limit]]
    if len(runs) > limit:
        parts.append(f"… +{len(runs) - limit}")
    return ", ".join(parts)


# ----------------------------------------------------------------------------- states

PENDING, IN_STOCK, ISSUED, SPOILED, RETURNED, DESTROYED = (
    "pending", "in_stock", "issued", "spoiled", "returned", "destroyed")
STATES = (PENDING, IN_STOCK, ISSUED, SPOILED, RETURNED, DESTROYED)
STATE_LABELS = {
    PENDING: QT_TRANSLATE_NOOP("stock_states", "Awaiting confirmation"),
    IN_STOCK: QT_TRANSLATE_NOOP("stock_states", "In stock"),
    ISSUED: QT_TRANSLATE_NOOP("stock_states", "Issued"),
    SPOILED: QT_TRANSLATE_NOOP("stock_states", "Spoiled"),
    RETURNED: QT_TRANSLATE_NOOP("stock_states", "Returned"),
    DESTROYED: QT_TRANSLATE_NOOP("stock_states", "Destroyed"),
}

# Moves (kinds of stock movement) and the state change each makes: from → to.
RECEIVE, CONFIRM_RECEIPT, TRANSFER, ISSUE, SPOIL, RETURN, DESTROY = (
    "receive", "confirm_receipt", "transfer", "issue", "spoil", "return", "destroy")
MOVE_LABELS = {
    RECEIVE: QT_TRANSLATE_NOOP("stock_moves", "Receipt (awaiting confirmation)"),
    CONFIRM_RECEIPT: QT_TRANSLATE_NOOP("stock_moves", "Receipt"),
    TRANSFER: QT_TRANSLATE_NOOP("stock_moves", "Transfer"),
    ISSUE: QT_TRANSLATE_NOOP("stock_moves", "Issue"),
    SPOIL: QT_TRANSLATE_NOOP("stock_moves", "Spoilage"),
    RETURN: QT_TRANSLATE_NOOP("stock_moves", "Customer return"),
    DESTROY: QT_TRANSLATE_NOOP("stock_moves", "Destruction"),
}
TRANSITIONS: dict[str, tuple[frozenset[str | None], str]] = {
    RECEIVE: (frozenset({None}), PENDING),
    CONFIRM_RECEIPT: (frozenset({PENDING}), IN_STOCK),
    TRANSFER: (frozenset({IN_STOCK}), IN_STOCK),
    ISSUE: (frozenset({IN_STOCK}), ISSUED),
    SPOIL: (frozenset({IN_STOCK, ISSUED}), SPOILED),
    RETURN: (frozenset({ISSUED}), RETURNED),
    DESTROY: (frozenset({SPOILED, RETURNED}), DESTROYED),
}
# Who may make each move (the services require these; on PostgreSQL the database checks a staff
# login's raw writes of blank cards by the same table, migration 0024's state_transition rows).
# A transfer changes no state: its second person is checked on the move itself.
MOVE_PERMISSIONS: dict[str, tuple[Permission, ...]] = {
    RECEIVE: (Permission.RECEIVE_STOCK,),
    CONFIRM_RECEIPT: (Permission.CONFIRM_STOCK_MOVE,),
    TRANSFER: (Permission.CONFIRM_STOCK_MOVE,),
    ISSUE: (Permission.USE_DRAWER,),
    SPOIL: (Permission.USE_DRAWER, Permission.RECEIVE_STOCK),
    RETURN: (Permission.USE_DRAWER, Permission.RECEIVE_STOCK),
    DESTROY: (Permission.RECEIVE_STOCK,),
}
# Moves that change where a card is: the rest leave it at its location.
MOVES_LOCATION = frozenset({RECEIVE, TRANSFER})
# States that count as stock on hand of a location in the day-end books.
ON_HAND = frozenset({IN_STOCK})


def next_state(move: str, state: str | None, serial: str = "") -> str:
    """The state after ``move``, or a ValidationError naming the serial and its state."""
    allowed, after = TRANSITIONS[move]
    if state not in allowed:
        if state is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{serial} is not in the stock books"),
                                  field=SERIAL, serial=serial)
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "{serial} is {state}; this move is not allowed for it"),
            field=SERIAL, serial=serial, state=state)
    return after


@dataclass
class Book:
    """Where every serial is and in what state: ``serial → (location, state)``; with the
    movements that got it there. The in-memory twin of the stock tables (used by the tests
    and to explain the rules)."""

    cards: dict[str, tuple[str, str]] = field(default_factory=dict)
    card_types: dict[str, str] = field(default_factory=dict)
    movements: list[tuple[int, str, str, str | None, str | None, str, str]] = field(default_factory=list)

    def apply(self, day: int, move: str, card_type: str, serials: list[str], *, to: str | None = None,
              at: str | None = None) -> None:
        """Apply one move to every serial, or refuse it whole (nothing changes)."""
        check_card_type(card_type)
        plan = []
        for serial in serials:
            location, state = self.cards.get(serial, (None, None))
            if location is not None and self.card_types[serial] != card_type:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "{serial} is not a serial of this card type (expected like {example})"),
                    field=SERIAL, serial=serial, example=SERIAL_FORMATS[card_type].example())
            if at is not None and location is not None and location != at:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "{serial} is not held at this location"), field=SERIAL, serial=serial)
            after = next_state(move, state, serial)
            target = to if move in MOVES_LOCATION else location
            if target is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "a location is needed"), field=SERIAL)
            if move == TRANSFER and target == location:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "the source and the destination are the same"), field=SERIAL)
            plan.append((serial, location, state, target, after))
        if len({p[0] for p in plan}) != len(plan):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "a serial is given more than once"),
                                  field=SERIALS)
        for serial, location, state, target, after in plan:
            self.cards[serial] = (target, after)
            self.card_types[serial] = card_type
            self.movements.append((day, serial, card_type, location, target, state or "", after))


# ----------------------------------------------------------------------------- reconciliation


@dataclass(frozen=True)
class Movement:
    """One serial's move on a business day: from where in what state, to where in what state."""

    day: object
    serial: str
    card_type: str
    from_location: object
    to_location: object
    from_state: str
    to_state: str


@dataclass(frozen=True)
class Reconciliation:
    """One location's books for one card type on one day, down to the serials."""

    location: object
    card_type: str
    opening: frozenset[str]
    received: tuple[str, ...]    # a serial that came and went twice is listed twice
    sent: tuple[str, ...]
    closing: frozenset[str]      # what the register says is on hand at day end
    expected: frozenset[str]     # opening + in − out

    @property
    def difference(self) -> int:
        return len(self.closing) - len(self.expected)

    @property
    def balanced(self) -> bool:
        return self.closing == self.expected

    @property
    def missing(self) -> frozenset[str]:
        return self.expected - self.closing

    @property
    def unexpected(self) -> frozenset[str]:
        return self.closing - self.expected

    def figures(self) -> tuple[int, int, int, int]:
        return len(self.opening), len(self.received), len(self.sent), len(self.closing)


def on_hand(state: str) -> bool:
    return state in ON_HAND


def reconcile(location, card_type: str, opening: Iterable[str], movements: Iterable[Movement],
              closing: Iterable[str]) -> Reconciliation:
    """Opening + in − out = closing for ``location`` and ``card_type``: *in* are the serials
    that became on hand here during the day, *out* those that stopped being on hand here."""
    opening = frozenset(opening)
    held = set(opening)
    received: list[str] = []
    sent: list[str] = []
    for m in movements:
        if m.card_type != card_type:
            continue
        was_here = m.from_location == location and on_hand(m.from_state)
        now_here = m.to_location == location and on_hand(m.to_state)
        if was_here and not now_here:
            held.discard(m.serial)
            sent.append(m.serial)
        elif now_here and not was_here:
            held.add(m.serial)
            received.append(m.serial)
    return Reconciliation(location, card_type, opening, tuple(sorted(received)), tuple(sorted(sent)),
                          frozenset(closing), frozenset(held))


def book_on_hand(cards: Mapping[str, tuple[object, str]], card_types: Mapping[str, str],
                 location, card_type: str) -> frozenset[str]:
    return frozenset(s for s, (loc, state) in cards.items()
                     if loc == location and on_hand(state) and card_types[s] == card_type)


# ----------------------------------------------------------------------------- order of use


def check_in_order(serial: str, drawer_serials: Iterable[str], spoiled: Iterable[str] = ()) -> None:
    """号码衔接: ``serial`` must be the lowest in-stock serial of the drawer (same card type);
    a lower one must first be spoiled with a reason, so that every gap is explained."""
    lower = sorted(s for s in drawer_serials if s < serial and s not in set(spoiled))
    if lower:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "serials are used in order: issue {lowest} first, or spoil it with a reason"),
            field=SERIAL, lowest=lower[0])


def weeks_left(on_hand_count: int, issued_recently: int, weeks: int) -> float | None:
    """Weeks of issuing left at the rate of the last ``weeks`` weeks; None when nothing was issued."""
    if issued_recently <= 0 or weeks <= 0:
        return None
    return on_hand_count / (issued_recently / weeks)
