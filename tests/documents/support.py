"""Reading back what a document test made: text (pypdf), pages as images (pdftoppm), QR codes
(zxing-cpp), and where each piece of text sits on the page."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

UNMASKED_ID = r"\d{6}(19|20)\d{2}[01]\d[0-3]\d{4}[\dX]"  # 18-character resident ID in full
CARD_IN_FULL = r"\b62\d{14,17}\b"


def pdf_text(data: bytes) -> list[str]:
    """The text of every page, as pypdf extracts it."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def text_positions(data: bytes) -> list[tuple[int, float, float, str]]:
    """(page, x, y, text) of every text run, for checks that nothing leaves the page."""
    from pypdf import PdfReader

    found = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, 1):
        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((number, x, y, text))
        page.extract_text(visitor_text=visit)
    return found


def page_images(data: bytes, dpi: int = 150, first: int | None = None, last: int | None = None) -> list[Path]:
    """The pages rendered by pdftoppm (skips the test when poppler-utils is missing)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    folder = Path(tempfile.mkdtemp(prefix="vd-pages-"))
    (folder / "doc.pdf").write_bytes(data)
    argv = ["pdftoppm", "-r", str(dpi), "-png"]
    if first:
        argv += ["-f", str(first)]
    if last:
        argv += ["-l", str(last)]
    subprocess.run(argv + [str(folder / "doc.pdf"), str(folder / "page")], check=True, timeout=120)
    return sorted(folder.glob("page-*.png"))


def qr_codes(image: Path) -> list[str]:
    """Every QR code zxing-cpp finds on a page image."""
    import zxingcpp
    from PIL import Image

    with Image.open(image) as picture:
        return [r.text for r in zxingcpp.read_barcodes(picture) if r.format == zxingcpp.BarcodeFormat.QRCode]
