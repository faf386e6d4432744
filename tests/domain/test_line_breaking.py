"""The receipt printer's line breaking (:func:`app.documents.linebreak.break_lines`) on its own:
lines never wider than the printer's columns counted in display width (a Chinese character, and
the ambiguous ·, —, “”, which a Chinese printer prints full width, take two), the text kept in
order with only the spaces at a break dropped, and a ticket number, a card number, a time or a
figure with its unit never cut while a line can hold it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.documents.linebreak import UNITS, bad_breaks, break_lines, width


def assert_in_order(text: str, lines: list[str]) -> None:
    """``lines`` are ``text`` in order, with nothing left out but spaces where a line breaks."""
    at = 0
    for line in lines:
        found = text.find(line, at)
        assert found >= 0 and not text[at:found].strip(" "), (text, lines, line)
        at = found + len(line)
    assert not text[at:].strip(" "), (text, lines)


def test_width_counts_what_a_chinese_printer_prints_full_width_as_two():
    assert width("V020 ab") == 7 and width("北京朝阳支行") == 12 and width("ＡＢ，。（）") == 12
    # GB18030 sends these as two-byte codes, which the printer prints in a full-width cell
    for ch in "·—…“”‘’×°±§①éü":
        assert len(ch.encode("gb18030")) == 2 and width(ch) == 2, ch
    assert width("艾力·买买提") == 12


@pytest.mark.parametrize(("text", "columns", "lines"), [
    ("取号时间 2026-12-06 10:15", 16, ["取号时间", "2026-12-06 10:15"]),
    ("取号时间 2026-12-06 10:15", 14, ["取号时间", "2026-12-06", "10:15"]),
    ("前面还有 15 位客户等候", 12, ["前面还有", "15 位客户等", "候"]),
    ("客户平均等候 41.0 分钟，九成", 14, ["客户平均等候", "41.0 分钟，九", "成"]),
    ("请留意叫号屏幕与广播，过号请联系大堂经理。", 20, ["请留意叫号屏幕与广", "播，过号请联系大堂经", "理。"]),
    ("见附件（贵宾通道）", 8, ["见附件", "（贵宾通", "道）"]),
    ("Private Banking 贵宾理财", 12, ["Private", "Banking 贵宾", "理财"]),
    ("Ali Private  ", 3, ["Ali", "Pri", "vat", "e"]),
    ("ABCDEFGHIJ，好", 10, ["ABCDEFGHI", "J，好"]),
    ("", 8, [""]),
    ("第一行\n第二行", 20, ["第一行", "第二行"]),
])
def test_break_lines(text, columns, lines):
    assert break_lines(text, columns) == lines


def test_a_character_wider_than_the_line_still_goes_out_one_a_line():
    assert break_lines("中文", 1) == ["中", "文"]


TICKET = st.from_regex(r"[A-Z]{1,2}[0-9]{3,6}", fullmatch=True)
CARD = st.from_regex(r"62[0-9]{14,17}", fullmatch=True)
WORDS = st.sampled_from(["北京朝阳支行", "贵宾理财", "客户", "您的号码", "Private", "Banking", "Wang Xiaoming",
                         "艾力·买买提", "“金卡”", "，", "。", "（", "）", "、", " ", "  ", "—", "Ltd.", "10:15"])
FIGURE = st.builds(lambda whole, tenths, unit: f"{whole}.{tenths} {unit}" if tenths >= 0 else f"{whole}{unit}",
                   st.integers(0, 9999), st.integers(-1, 9), st.sampled_from(UNITS))


def _text(pieces: list[str]) -> str:
    return "".join(pieces)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, TICKET, FIGURE), max_size=25).map(_text), st.integers(2, 64))
def test_no_line_is_wider_than_the_paper_and_the_text_stays_in_order(text, columns):
    lines = break_lines(text, columns)
    assert all(width(line) <= columns for line in lines), (columns, lines)
    assert_in_order(text, lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, FIGURE), max_size=12), st.lists(TICKET, min_size=1, max_size=3),
       st.integers(8, 48), st.randoms(use_true_random=False))
def test_a_ticket_number_is_never_split(words, numbers, columns, random):
    pieces = words + numbers
    random.shuffle(pieces)
    # a number touching a Latin word would be part of a longer run: keep them apart
    text = " ".join(pieces)
    lines = break_lines(text, columns)
    for number in numbers:
        assert any(re.search(rf"(?<![A-Z0-9]){number}(?![0-9])", line) for line in lines), (number, columns, lines)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(WORDS, CARD), max_size=12).map(" ".join), st.integers(20, 48))
def test_a_card_number_is_never_split_when_a_line_can_hold_it(text, columns):
    lines = break_lines(text, columns)
    for card in re.findall(r"62[0-9]{14,17}", text):
        assert any(card in line for line in lines), (card, lines)


PLAIN = st.sampled_from(["北京朝阳支行", "贵宾理财", "客户", "Private Banking", "艾力·买买提", "Ltd.", "10:15"])
CLAUSE = st.builds(lambda opening, body, closing: opening + body + closing, st.sampled_from(["", "（", "“", "《"]),
                   st.one_of(PLAIN, TICKET, FIGURE), st.sampled_from(["", "，", "。", "）", "”，", "）。", "、", " "]))


@settings(max_examples=300, deadline=None)
@given(st.lists(CLAUSE, min_size=1, max_size=20).map(_text), st.integers(16, 48))
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(text, columns):
    lines = break_lines(text, columns)
    assert not bad_breaks(lines), (columns, lines)
