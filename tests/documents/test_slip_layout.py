"""The ticket slip's PDF (what the system spooler prints on a receipt printer's queue) read back
line by line: with long English and Chinese names on 80 and 58 mm paper, every line stays
between the margins (hanging closing marks apart), the number is drawn whole on one line, and
the names come back in order. The slip once counted a Latin letter as half a Chinese character:
"WUMART WAREHOUSE MANAGEMENT PLAZA 北" came out 237 points wide on 204 between the margins."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from app.documents.linebreak import bad_breaks
from app.queue.slip import MARGIN_MM, SlipContent, render_slip

CONTENT = SlipContent("示范银行股份有限公司", "WUMART WAREHOUSE MANAGEMENT PLAZA 北京朝阳支行（望京·酒仙桥）",
                      "Private Banking 贵宾理财 “钻石” MMMMMMMM Wealth Management Consultation", "VP10240",
                      "2026-12-06 10:15", 1234, "VD1.T.42-VP10240.SIGNATURE")


def drawn_lines(pdf: bytes) -> tuple[float, list[tuple[str, float, float]]]:
    """The page's width and each line drawn on it: (text, left edge, type size)."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    lines: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            lines.append((text.strip(), tm[4], size))

    page.extract_text(visitor_text=visit)
    return float(page.mediabox.width), lines


@pytest.mark.parametrize("width_mm", [80, 58])
def test_every_line_of_a_slip_with_long_names_fits_between_the_margins(width_mm):
    page, lines = drawn_lines(render_slip(CONTENT, width_mm))
    margin = MARGIN_MM * mm
    for text, left, size in lines:
        # centred: as far in from the right edge as from the left; up to two closing marks
        # may hang past the margin (app.documents.cjkwrap.MAX_HANGING), half of them each side
        assert left >= margin - size - 0.01, (text, left, size)
        assert left + 0.01 >= 0 and left < page / 2, (text, left)
    texts = [text for text, _, _ in lines]
    assert CONTENT.number in texts
    assert not bad_breaks(texts)
    joined = "".join(texts).replace(" ", "")
    for name in (CONTENT.branch, CONTENT.service):
        assert name.replace(" ", "") in joined, name
    assert sum(1 for text in texts if text in CONTENT.branch) >= 2  # the branch's name broken
