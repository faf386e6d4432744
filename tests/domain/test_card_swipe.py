"""Card swipes read as card numbers (app/swipe.py). Hypothesis over well-formed tracks
(track 1, track 2, both, with track 3, full-width marks): the card number and nothing else;
over damaged ones (a character lost, changed or added, the swipe cut short): refused with the
card field named, or the very same number, never another one, and no message quotes the
track; typed input without track marks is left alone; the Luhn digit as the policy wants it;
the card number field of the issue wizard takes a swipe."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cards.rules import DEFAULT_CARD_POLICY, CardPolicy, CardProduct, check_card_number, with_check_digit
from app.swipe import CARD_NUMBER, card_number_field, is_swipe, swiped_number
from app.errors import ValidationError

DIGITS = "0123456789"
NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ /."


@st.composite
def card_numbers(draw, bins=("622202", "622203", "622208", "621700")):
    """A Luhn-valid card number of 16 or 19 digits."""
    length = draw(st.sampled_from((16, 19)))
    start = draw(st.sampled_from(bins))
    body = start + draw(st.text(DIGITS, min_size=length - 1 - len(start), max_size=length - 1 - len(start)))
    return with_check_digit(body)


@st.composite
def swipes(draw):
    """(what the reader types, the card number): track 1, track 2 or both, maybe track 3."""
    number = draw(card_numbers())
    expiry = draw(st.text(DIGITS, min_size=4, max_size=4) | st.just(""))
    service = draw(st.text(DIGITS, min_size=3, max_size=3))
    name = draw(st.text(NAME_CHARS, min_size=2, max_size=26).filter(lambda n: n.strip()))
    data1 = draw(st.text(DIGITS + "ABCDEF ", max_size=79 - 30 - len(number)))
    data2 = draw(st.text(DIGITS, max_size=max(0, 37 - len(number) - 7)))
    track1 = f"%B{number}^{name}^{expiry or '^'}{service}{data1}?"
    track2 = f";{number}={expiry or '='}{service}{data2}?"
    track3 = ";99" + number + "=" + draw(st.text(DIGITS, max_size=40)) + "?"
    kind = draw(st.sampled_from(("1", "2", "12", "123", "23")))
    typed = {"1": track1, "2": track2, "12": track1 + track2, "123": track1 + track2 + track3,
             "23": track2 + track3}[kind]
    return typed, number, name


FULL_WIDTH = str.maketrans({";": "；", "%": "％", "=": "＝", "?": "？", "^": "＾"})


@given(swipes(), st.booleans())
def test_a_well_formed_swipe_gives_its_card_number_and_nothing_else(swipe, full_width):
    typed, number, _name = swipe
    if full_width:  # a Chinese input method left on: the marks arrive full-width
        typed = typed.translate(FULL_WIDTH)
    assert is_swipe(typed)
    assert swiped_number(typed) == number
    assert card_number_field(typed) == number


def _damaged(draw, typed: str) -> str:
    kind = draw(st.sampled_from(("lose", "change", "add", "cut")))
    at = draw(st.integers(0, len(typed) - 1))
    other = draw(st.sampled_from(DIGITS + "=^?;%AZ /"))
    if kind == "lose":
        return typed[:at] + typed[at + 1:]
    if kind == "change":
        return typed[:at] + other + typed[at + 1:]
    if kind == "add":
        return typed[:at] + other + typed[at:]
    return typed[:at]


@settings(max_examples=400)
@given(st.data())
def test_a_damaged_swipe_is_refused_or_gives_the_same_number_never_another(data):
    typed, number, _name = data.draw(swipes())
    damaged = _damaged(data.draw, typed)
    try:
        read = swiped_number(damaged)
    except ValidationError as error:
        assert error.field == CARD_NUMBER
        assert set(error.params) <= {"count"}  # nothing of the track quoted, at most a length
        assert number not in str(error)
        return
    assert read in (None, number), (damaged, read)


@given(st.text(DIGITS + " -", max_size=30) | st.text("张三李四王 ABCxyz0123456789", max_size=20)
       | st.sampled_from(("'; drop table customer; --", "50%", "a=b?", "6222021234567894=2812101?")))
def test_typed_input_without_track_marks_is_left_to_the_field(typed):
    assert not is_swipe(typed)
    assert swiped_number(typed) is None
    assert card_number_field(typed) == typed


@pytest.mark.parametrize("typed, reason", [
    (";E?", "could not read"),
    ("%E?;E?", "could not read"),
    (";6222021234567894=2812", "not read whole"),
    ("x;6222021234567894=2812101?", "not read whole"),
    ("%B6222021234567894^ZHANG/SAN^2812?;6222021234567895=2812?", "different numbers"),
    (";622202123456789=2812?", "15 digits"),
    (";6222021234567895=2812?", "Luhn"),
    (";6222021234567894=2812?x", "not read whole"),
    (";6" + "?" * 300, "not read whole"),
])
def test_damaged_swipes_say_why(typed, reason):
    with pytest.raises(ValidationError) as caught:
        swiped_number(typed)
    assert caught.value.field == CARD_NUMBER and reason in str(caught.value)


def test_a_read_error_on_one_track_keeps_the_other():
    assert swiped_number("%E?;6222021234567894=2812101?") == "6222021234567894"


def test_luhn_is_waived_only_for_the_bins_whose_product_warns():
    no_luhn = ";6222021234567895=2812101?"
    policy = CardPolicy((CardProduct("gold", ("622202",), "warn"), CardProduct("platinum", ("622203",)),
                         CardProduct("diamond", ("622208",))))
    assert policy.luhn_optional_bins == ("622202",)
    assert swiped_number(no_luhn, policy.luhn_optional_bins) == "6222021234567895"
    with pytest.raises(ValidationError, match="Luhn"):
        swiped_number(";6222031234567895=2812101?", policy.luhn_optional_bins)
    assert DEFAULT_CARD_POLICY.luhn_optional_bins == ()


@given(card_numbers(bins=("622208",)))
def test_the_issue_wizards_card_number_takes_a_swipe(number):
    checked = check_card_number(f"%B{number}^LI/SI^2812101?;{number}=2812101?", "diamond")
    assert checked.number == number and not checked.warnings
    with pytest.raises(ValidationError, match="Luhn"):
        check_card_number(f";{number[:-1]}{(int(number[-1]) + 1) % 10}=2812?", "diamond")

