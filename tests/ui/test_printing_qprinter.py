"""The Windows spooler's path (QPrinter, each page rendered by QtPdf) keeps the slip's own page:
painted into a PDF file here, an 80 mm slip stays 80 × 120 mm and one page, a missing printer
is named."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.printing.failures import PrinterFailed
from app.queue.slip import SlipContent, render_slip, slip_size_mm
from ui.printing import paint_on_printer

SLIP = SlipContent("示范银行股份有限公司", "北京朝阳支行", "贵宾理财", "V020", "2026-12-06 10:15", 3, "VD1.T.1-V020.X")


@pytest.mark.parametrize("width", [80, 58])
def test_the_slip_keeps_its_page_through_qprinter(qapp, tmp_path, width):
    out = tmp_path / "printed.pdf"
    paint_on_printer(render_slip(SLIP, width), "", copies=1, title="V020", page_mm=slip_size_mm(width),
                     output_file=str(out))
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == \
        tuple(round(side) for side in slip_size_mm(width))


def test_a_printer_this_pc_lacks_is_named(qapp):
    with pytest.raises(PrinterFailed, match="Lobby-Thermal-9"):
        paint_on_printer(b"%PDF", "Lobby-Thermal-9", copies=1, title="x", page_mm=(80, 120))
