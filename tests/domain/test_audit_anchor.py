"""The audit anchor's text form: round trip, typing mistakes told from cuts, and the verdict."""

import hashlib
import string

import pytest
from hypothesis import given, strategies as st

from app.audit.anchor import AnchorMalformed, anchor_of, anchor_problem, parse_anchor
from app.errors import UserError


def h(word: str) -> str:
    return hashlib.sha256(word.encode()).hexdigest()


HEADS = [(0, 1523, h("a")), (1, 88, h("b")), (5, 3, h("c"))]
ANCHOR = anchor_of(HEADS)
TEXT = ANCHOR.text()

heads_strategy = st.lists(
    st.tuples(st.integers(0, 32767), st.integers(1, 2**63 - 1), st.binary(min_size=1).map(
        lambda b: hashlib.sha256(b).hexdigest())),
    max_size=40, unique_by=lambda head: head[0])


def test_the_form_names_each_lane_position_and_hash_prefix():
    assert TEXT.startswith(f"VDA1-0:1523:{h('a')[:4].upper()},1:88:{h('b')[:4].upper()},5:3:")
    form, lanes, digest, check = TEXT.split("-")
    assert (form, len(digest), len(check)) == ("VDA1", 20, 4)  # 80 bits over every full hash
    assert TEXT == TEXT.upper() and " " not in TEXT            # one word for a shell
    assert len(anchor_of(HEADS[:1]).text()) < 45                 # one lane: short enough to copy by hand


def test_an_empty_trail_has_an_anchor_too():
    empty = anchor_of([])
    assert empty.text().startswith("VDA1-NONE-") and parse_anchor(empty.text()) == empty
    assert anchor_problem(empty, {}, {}) == ""


@given(heads_strategy)
def test_round_trip(heads):
    anchor = anchor_of(heads)
    assert parse_anchor(anchor.text()) == anchor
    assert anchor_of(list(reversed(heads))) == anchor  # the order heads are found in does not matter


def test_what_a_person_may_do_when_copying_is_forgiven():
    wrapped = TEXT[:20] + "\n  " + TEXT[20:]                      # a printout's line break
    full_width = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in TEXT)  # Chinese IME
    for text in (TEXT.lower(), f"  {TEXT}\n", wrapped, full_width):
        assert parse_anchor(text) == ANCHOR


@pytest.mark.parametrize("text, reason", [
    ("", "is not an audit anchor"),
    ("6B3F9A0C2D4E1F07", "is not an audit anchor"),
    ("VDA2-" + TEXT[5:], "is not an audit anchor"),
    (TEXT.rsplit("-", 1)[0], "is not written as"),                        # check left off
    (TEXT.replace(",1:88:", ",1:088:"), "is not written as"),             # leading zero
    (TEXT.replace(",1:88:", ",1:0:"), "is not written as"),               # no event 0
    (TEXT.replace("1:88", "9:88"), "is not written as"),                  # lanes out of order
    (TEXT.replace(",", ";", 1), "is not written as"),
    (TEXT.replace("1523", "1532"), "has a typing mistake"),               # digits swapped
    (TEXT.replace("1523", "1528"), "has a typing mistake"),               # one digit wrong
    ("VDA1-0:" + "9" * 30 + ":ABCD-" + "0" * 20 + "-0000", "is not written as"),  # beyond any seq
    ("VDA1-" + "1" * 20_000, "is not an audit anchor"),
])
def test_malformed_text_is_named_as_such(text, reason):
    with pytest.raises(AnchorMalformed, match=reason) as info:
        parse_anchor(text)
    assert isinstance(info.value, UserError) and str(info.value).startswith("Audit anchor: ")


@given(st.text(max_size=200) | st.builds(lambda a, b: a + b, st.just("VDA1-"), st.text(
    alphabet=string.hexdigits + ":,-NOE \n", max_size=80)))
def test_parsing_never_raises_anything_but_the_domain_error(text):
    try:
        anchor = parse_anchor(text)
    except AnchorMalformed:
        return
    assert parse_anchor(anchor.text()) == anchor


@given(heads_strategy.filter(bool), st.data())
def test_one_character_typed_wrong_or_two_swapped_is_always_caught(heads, data):
    text = anchor_of(heads).text()
    i = data.draw(st.integers(0, len(text) - 1))
    typed = data.draw(st.sampled_from(string.ascii_letters + string.digits + string.punctuation)
                      .filter(lambda c: c.upper() != text[i].upper()))
    mistakes = [text[:i] + typed + text[i + 1:]]
    if i + 1 < len(text) and text[i] != text[i + 1]:
        mistakes.append(text[:i] + text[i + 1] + text[i] + text[i + 2:])
    for mistake in mistakes:
        with pytest.raises(AnchorMalformed):
            parse_anchor(mistake)


def test_a_trail_that_grew_holds_the_anchor():
    # every lane reaches further now; the noted events are still there with the noted hashes
    ends = {0: 1600, 1: 88, 5: 40, 7: 2}
    assert anchor_problem(ANCHOR, ends, {lane: head for lane, _seq, head in HEADS}) == ""


def test_a_lane_cut_back_past_the_anchor_is_named():
    at = {lane: head for lane, _seq, head in HEADS}
    assert anchor_problem(ANCHOR, {0: 1523, 1: 80, 5: 3}, at) == (
        "lane 1 was cut back past the anchor: it ends at event 80, the anchor noted event 88")
    assert "lane 5 was cut back past the anchor: it has no events" in anchor_problem(
        ANCHOR, {0: 1523, 1: 88}, at)


def test_a_lane_that_holds_another_event_at_the_noted_place_is_named():
    at = {lane: head for lane, _seq, head in HEADS} | {0: h("forged")}
    problem = anchor_problem(ANCHOR, {0: 1530, 1: 88, 5: 3}, at)
    assert problem.startswith("lane 0 no longer holds the anchor's event 1523")
    assert "cut back past the anchor and written again, or rewritten at or before event 1523" in problem


def test_a_hash_that_only_matches_the_short_prefix_does_not_pass():
    forged = h("a")[:4] + h("forged")[4:]  # what 65,536 tries at re-writing lane 0 would give
    at = {lane: head for lane, _seq, head in HEADS} | {0: forged}
    assert "do not give the anchor's digest" in anchor_problem(ANCHOR, {0: 1523, 1: 88, 5: 3}, at)
