"""The shipped CJK font for PDFs, located and registered with reportlab without Qt.

``resources/fonts/wqy-microhei.ttc`` (face 0, "WenQuanYi Micro Hei") is embedded in every PDF
as a subset, so a printout looks the same on every PC and its text can be extracted. Parsing
the 5 MB collection takes a tenth of a second, so it happens once per process. A missing or
unreadable font file is a :class:`DocumentsUnavailable` naming the file, never a PDF with
blank boxes; :func:`check_font` lets the program refuse at start instead of at first print.
"""

from __future__ import annotations

import threading
from pathlib import Path

from app.errors import QT_TRANSLATE_NOOP, StoreUnavailable

FONT_NAME = "VipDeskCJK"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
FONT_FACE = 0
FONT_MISSING = QT_TRANSLATE_NOOP(
    "errors", "The document font {path} is missing or cannot be read, so no document can be "
              "made. Reinstall VIP Desk.")

_lock = threading.Lock()
_registered: str | None = None


class DocumentsUnavailable(StoreUnavailable):
    """Documents cannot be made on this installation (the font is missing or broken)."""


def resources_dir() -> Path:
    """``resources/`` beside the repository root (the project runs from a checkout)."""
    return Path(__file__).resolve().parents[2] / "resources"


def font_path() -> Path:
    return resources_dir().joinpath(*FONT_FILE)


def check_font(path: Path | None = None) -> Path:
    """Raise :class:`DocumentsUnavailable` unless the font file exists and is readable.

    Cheap (no parsing): meant for start-up."""
    path = path or font_path()
    try:
        with path.open("rb") as handle:
            if handle.read(4) not in (b"ttcf", b"\x00\x01\x00\x00"):
                raise OSError("not a TrueType font")
    except OSError:
        raise DocumentsUnavailable(FONT_MISSING, path=str(path)) from None
    return path


def register_font(path: Path | None = None) -> str:
    """Register the font with reportlab (once per process) and return its reportlab name."""
    global _registered
    if _registered is not None and path is None:
        return _registered
    with _lock:
        if _registered is not None and path is None:
            return _registered
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        path = check_font(path)
        try:
            font = TTFont(FONT_NAME, str(path), subfontIndex=FONT_FACE)
        except (TTFError, OSError, ValueError):
            raise DocumentsUnavailable(FONT_MISSING, path=str(path)) from None
        pdfmetrics.registerFont(font)
        _registered = FONT_NAME
        return FONT_NAME
