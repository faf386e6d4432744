"""The PDFs' Chinese line breaking (:mod:`app.documents.cjkwrap`) on its own: a figure keeps its
decimal point, its digits and the unit after it on one line, whatever the width of the line
(the queue day report once printed "41." at the end of one line and "0 分钟" on the next)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.documents.cjkwrap import word_split
from app.documents.fonts import register_font
from app.documents.linebreak import UNITS, bad_breaks

SIZE = 10.0
SUMMARY = ("本期共取号 12 张，已办理 11 张，过号 1 张。客户平均等候 41.0 分钟，九成客户等候不超过"
           " 58.5 分钟，最长等候 63.2 分钟；平均办理 7.4 分钟。")


def _lines(text: str, width: float) -> list[str]:
    return [line for _, line in word_split(text, [width], register_font(), SIZE)]


def _figures(text: str) -> list[str]:
    """Every figure of ``text`` with the unit after it, as it must appear on one line."""
    units = "|".join(UNITS)
    return re.findall(rf"\d+(?:[.,]\d+)*(?: *(?:{units}))?", text)


def test_the_day_reports_summary_never_cuts_a_figure_from_its_unit():
    for width in range(60, 400, 3):
        lines = _lines(SUMMARY, float(width))
        assert "".join(lines).replace(" ", "") == SUMMARY.replace(" ", "")
        for figure in _figures(SUMMARY):
            assert any(figure in line for line in lines), (width, figure, lines)
        assert not bad_breaks(lines), (width, lines)


def test_a_figure_too_long_for_the_line_is_still_cut():
    lines = _lines("卡号 6222020200112233445566778899", 40.0)
    assert len(lines) > 2 and "".join(lines).replace(" ", "") == "卡号6222020200112233445566778899"


_WORDS = st.sampled_from(["客户", "平均", "等候", "，", "。", "办理", "（", "）", "合计", " "])
_FIGURES = st.builds(lambda whole, tenths, unit: f"{whole}.{tenths} {unit}" if tenths >= 0 else f"{whole} {unit}",
                     st.integers(0, 99999), st.integers(-1, 9), st.sampled_from(UNITS))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_WORDS, _FIGURES), min_size=1, max_size=30), st.integers(80, 300))
def test_digits_points_and_a_following_unit_stay_on_one_line(pieces, width):
    text = "".join(pieces)
    lines = _lines(text, float(width))
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for figure in _figures(text):
        assert any(figure in line for line in lines), (figure, lines)


def test_a_time_a_date_and_a_ticket_number_stay_whole():
    """The PDFs break by the printer's rule (:func:`app.documents.linebreak.joined`): a Latin
    run keeps its punctuation, so "10:15" is not cut after its colon."""
    text = "取号时间 2026-12-06 10:15，您的号码 VP1024，请到 A3 号柜台办理。"
    for width in range(60, 300, 2):
        lines = _lines(text, float(width))
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for whole in ("2026-12-06", "10:15", "VP1024"):
            assert any(whole in line for line in lines), (width, whole, lines)
        assert not bad_breaks(lines), (width, lines)
