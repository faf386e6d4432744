"""Pure blank-card stock rules: serials, the state machine, reconciliation, order of use;
hypothesis: any sequence of moves keeps every serial in one place and the books reconciled."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.stock import rules
from app.stock.rules import (
    DESTROY, ISSUE, RECEIVE, CONFIRM_RECEIPT, RETURN, SPOIL, TRANSFER, Book, Movement, check_in_order,
    check_serial, compress, describe_runs, next_state, parse_serials, reconcile, weeks_left,
)


def test_parse_ranges_lists_and_scans():
    assert parse_serials("A00001000-A00001002") == ["A00001000", "A00001001", "A00001002"]
    assert parse_serials("a00001005\nA00001001, A00001003；A00001004") == [
        "A00001001", "A00001003", "A00001004", "A00001005"]
    assert parse_serials("A00001000 - A00001001 A00001009", card_type="gold", count=3) == [
        "A00001000", "A00001001", "A00001009"]
    assert parse_serials("000123~000124") == ["000123", "000124"]


@pytest.mark.parametrize("text, count, field, message", [
    ("A00001099-A00001000", None, "Serials", "backwards"),
    ("A00001000-B00001001", None, "Serials", "mixes prefixes"),
    ("A0001000-A00001001", None, "Serials", "mixes widths"),
    ("A00001000 B00001001", None, "Serials", "different prefixes"),
    ("A00001000 A0001001", None, "Serials", "different widths"),
    ("A00001000-A00001099", 99, "Count", "is 99 but the serials given are 100"),
    ("A00001000 A00001000", None, "Serials", "more than once"),
    ("", None, "Serials", "no serial"),
    ("AB0001", None, "Serials", "not a serial number"),
])
def test_bad_serials_are_refused_naming_the_field(text, count, field, message):
    with pytest.raises(ValidationError, match=message) as caught:
        parse_serials(text, count=count)
    assert caught.value.field == field


def test_serial_of_the_wrong_card_type():
    assert check_serial("gold", "a00000001") == "A00000001"
    with pytest.raises(ValidationError, match="not a serial of this card type"):
        check_serial("platinum", "A00000001")
    with pytest.raises(ValidationError, match="not a known card type") as caught:
        check_serial("black", "A00000001")
    assert caught.value.field == "Card type"
    with pytest.raises(ValidationError, match="not a serial of this card type"):
        parse_serials("A00000001-A00000002", card_type="diamond")


def test_runs():
    assert compress(["A03", "A01", "A02", "A07"]) == [("A01", "A03"), ("A07", "A07")]
    assert describe_runs([f"A{i:02d}" for i in range(0, 40, 2)], limit=2) == "A00, A02, … +18"


def test_state_machine_is_a_table():
    assert next_state(RECEIVE, None) == "pending"
    assert next_state(CONFIRM_RECEIPT, "pending") == "in_stock"
    assert next_state(ISSUE, "in_stock") == "issued"
    assert next_state(SPOIL, "issued") == "spoiled"
    assert next_state(RETURN, "issued") == "returned"
    assert next_state(DESTROY, "returned") == "destroyed"
    for move in (TRANSFER, ISSUE, CONFIRM_RECEIPT):  # never back to stock once issued
        with pytest.raises(ValidationError):
            next_state(move, "issued")
    with pytest.raises(ValidationError):
        next_state(DESTROY, "in_stock")
    with pytest.raises(ValidationError, match="not in the stock books"):
        next_state(ISSUE, None, "A1")


def test_reconcile_figures_and_serials():
    moves = [Movement(1, "A2", "gold", "V", "D", "in_stock", "in_stock"),
             Movement(1, "A3", "gold", None, "V", "pending", "in_stock"),
             Movement(1, "A1", "gold", "V", "V", "in_stock", "issued")]
    r = reconcile("V", "gold", {"A1", "A2"}, moves, {"A3"})
    assert r.figures() == (2, 1, 2, 1) and r.balanced and r.sent == ("A1", "A2")
    wrong = reconcile("V", "gold", {"A1", "A2"}, moves, {"A3", "A9"})
    assert wrong.difference == 1 and wrong.unexpected == {"A9"} and not wrong.missing


def test_serials_are_used_in_order():
    check_in_order("A2", ["A2", "A3"])
    with pytest.raises(ValidationError, match="issue A1 first"):
        check_in_order("A2", ["A1", "A2"])
    check_in_order("A2", ["A1", "A2"], spoiled=["A1"])


def test_weeks_left():
    assert weeks_left(10, 4, 4) == 10
    assert weeks_left(10, 0, 4) is None


# ----------------------------------------------------------------------------- properties

LOCATIONS = ["vault", "d1", "d2"]
SERIAL_POOL = [f"A{n:08d}" for n in range(12)]

move_strategy = st.tuples(
    st.sampled_from([RECEIVE, CONFIRM_RECEIPT, TRANSFER, ISSUE, SPOIL, RETURN, DESTROY]),
    st.lists(st.sampled_from(SERIAL_POOL), min_size=1, max_size=4),
    st.sampled_from(LOCATIONS),
    st.sampled_from(LOCATIONS + [None]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(move_strategy, max_size=40))
def test_any_sequence_of_moves_keeps_every_serial_in_one_place_and_the_books_reconciled(plan):
    book = Book()
    day_of = {}
    for index, (move, serials, to, at) in enumerate(plan):
        day = index // 8
        before = (dict(book.cards), list(book.movements))
        try:
            book.apply(day, move, "gold", serials, to=to, at=at)
        except ValidationError:
            assert (book.cards, book.movements) == before  # refused moves change nothing
            continue
        day_of.update({s: day for s in serials})
    # exactly one place and state per serial: the last movement of each serial says where it is
    last = {}
    for day, serial, _type, _from, to, _fs, state in book.movements:
        last[serial] = (to, state)
    assert last == book.cards
    # every day, every location: opening + in − out = closing
    days = sorted({m[0] for m in book.movements})
    for location in LOCATIONS:
        for day in days:
            before = Book()
            for m in book.movements:
                if m[0] < day:
                    before.cards[m[1]] = (m[4], m[6])
                    before.card_types[m[1]] = m[2]
            after = Book()
            for m in book.movements:
                if m[0] <= day:
                    after.cards[m[1]] = (m[4], m[6])
                    after.card_types[m[1]] = m[2]
            movements = [Movement(*m[:1], m[1], m[2], m[3], m[4], m[5], m[6]) for m in book.movements if m[0] == day]
            opening = rules.book_on_hand(before.cards, before.card_types, location, "gold")
            closing = rules.book_on_hand(after.cards, after.card_types, location, "gold")
            result = reconcile(location, "gold", opening, movements, closing)
            assert result.balanced
            assert len(opening) + len(result.received) - len(result.sent) == len(closing)


@given(st.sampled_from(SERIAL_POOL))
def test_issued_never_returns_to_stock(serial):
    book = Book()
    book.apply(0, RECEIVE, "gold", [serial], to="vault")
    book.apply(0, CONFIRM_RECEIPT, "gold", [serial])
    book.apply(0, ISSUE, "gold", [serial])
    for move in (TRANSFER, CONFIRM_RECEIPT, ISSUE, RECEIVE):
        with pytest.raises(ValidationError):
            book.apply(1, move, "gold", [serial], to="d1")
    assert book.cards[serial] == ("vault", "issued")
