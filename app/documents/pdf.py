"""A4 PDFs with reportlab: letterhead, wrapping text, tables, signature blocks, QR, page x of y.

A PDF holds one or more *pieces* (an agreement, a letter, a report); each piece has its own
"page x of y" and its own QR payload, so a batch of letters is one PDF where every letter is
complete in itself. Text is set in the shipped CJK font (:mod:`app.documents.fonts`), wraps
at any CJK character or Latin space, and never runs past the margins: long names and
addresses take more lines, long tables more pages (their header row repeats).

Pages are held back until the document ends (the "numbered canvas" pattern) so that the footer
can say how many pages each piece has.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from app.documents.cjkwrap import install as install_chinese_line_breaking
from app.documents.fonts import register_font
from app.documents.templates import Block

if TYPE_CHECKING:  # reportlab is imported when a PDF is made, not with the module
    from reportlab.platypus import Paragraph

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
MARGIN_X = 20 * MM
HEADER_H = 30 * MM          # letterhead band at the top of every page
FOOTER_H = 30 * MM          # QR code, document number and page x of y
QR_SIZE = 22 * MM
BODY_SIZE = 10.5
PAGE_LABEL = "第 {page} 页 共 {pages} 页"
COPY_STAMP = "副本"
NO_ROWS = "本期无记录"
COPY_NOTE = "本件为重印副本，原件编号 {original}"


@dataclass(frozen=True)
class Table:
    """A report table: column titles, rows of text, relative column widths."""

    columns: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: Sequence[float] = ()


@dataclass(frozen=True)
class Piece:
    """One agreement, letter or report: its blocks (text already filled in), QR payload, and a
    report's tables (the n-th ``[table]`` block shows the n-th)."""

    title: str
    blocks: Sequence[Block]
    payload: str
    tables: Sequence[Table] = ()


@dataclass(frozen=True)
class PdfSpec:
    letterhead: Sequence[str]   # first line: the bank, then the branch's lines
    pieces: Sequence[Piece]
    number: str                 # the document number, printed in the footer
    made_on: str                # e.g. 2026-11-27
    copy_of: str = ""           # the original's number when this is a reprint
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Rendered:
    data: bytes
    pages: int
    piece_pages: tuple[int, ...]


class _Styles:
    """Paragraph styles in the shipped font (made once per process)."""

    _made: _Styles | None = None

    def __init__(self, font: str):
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        install_chinese_line_breaking()
        base = ParagraphStyle("body", fontName=font, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.6,
                              wordWrap="CJK", firstLineIndent=2 * BODY_SIZE, spaceAfter=4)
        self.font = font
        self.body = base
        self.plain = ParagraphStyle("plain", parent=base, firstLineIndent=0)
        self.title = ParagraphStyle("title", parent=base, fontSize=17, leading=24, alignment=TA_CENTER,
                                    firstLineIndent=0, spaceBefore=2, spaceAfter=10)
        self.heading = ParagraphStyle("heading", parent=base, fontSize=11.5, leading=18,
                                      firstLineIndent=0, spaceBefore=6, spaceAfter=2, keepWithNext=1)
        self.right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT, firstLineIndent=0, spaceAfter=0)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, firstLineIndent=0,
                                   spaceAfter=0)
        self.figure = ParagraphStyle("figure", parent=self.cell, alignment=TA_RIGHT)
        self.head_cell = ParagraphStyle("head_cell", parent=self.cell, textColor="#1f3a5f")
        self.head_figure = ParagraphStyle("head_figure", parent=self.head_cell, alignment=TA_RIGHT)
        self.letterhead = ParagraphStyle("lh", parent=base, fontSize=8.5, leading=11, firstLineIndent=0,
                                         textColor="#333333", spaceAfter=0)
        self.bank = ParagraphStyle("bank", parent=base, fontSize=15, leading=19, firstLineIndent=0,
                                   textColor="#8a1c1c", spaceAfter=1)

    @classmethod
    def get(cls) -> _Styles:
        if cls._made is None:
            cls._made = cls(register_font())
        return cls._made


CREATOR = "VIP Desk"


def set_metadata(canvas, title: str, author: str) -> None:
    """A PDF's information a document system lists it by: title, author (the bank) and the
    program; the creation date is the canvas's own (made with ``invariant=False``: reportlab's
    invariant mode would stamp every PDF 2000-01-01)."""
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator(CREATOR)


def text(value: str) -> str:
    """Plain text made safe for a reportlab paragraph (``&``, ``<``, ``>`` and line breaks)."""
    return escape(value).replace("\n", "<br/>")


QR_MASK = 2  # fixed: choosing the best of 8 masks is half the time of a batch of letters


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules of ``payload`` (error correction M, no quiet zone: the page leaves it).

    The mask pattern is fixed rather than scored: every mask is valid, scanners read any of
    them, and scoring all eight cost more than laying out the letter itself."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=QR_MASK)
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()


def draw_qr(canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """Draw ``matrix`` as one filled path, bottom-left corner at (x, y)."""
    n = len(matrix)
    cell = size / n
    path = canvas.beginPath()
    for row, line in enumerate(matrix):
        top = y + size - (row + 1) * cell
        col = 0
        while col < n:
            if line[col]:
                start = col
                while col < n and line[col]:
                    col += 1
                path.rect(x + start * cell, top, (col - start) * cell, cell)
            else:
                col += 1
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


class _PieceStart:
    """A zero-size flowable that tells the canvas a new piece begins on this page."""

    def __new__(cls, index: int):
        from reportlab.platypus import Flowable

        class PieceStart(Flowable):
            def __init__(self, number: int):
                super().__init__()
                self.index = number
                self.width = self.height = 0

            def wrap(self, *_):
                return 0, 0

            def draw(self):
                self.canv._vd_piece = self.index

        return PieceStart(index)


def _flowables(piece: Piece, styles: _Styles) -> list:
    from reportlab.platypus import Paragraph, Spacer

    out: list = [Paragraph(text(piece.title), styles.title)]
    tables = iter(piece.tables)
    for block in piece.blocks:
        if block.kind == "heading":
            out.append(Paragraph(text(block.text), styles.heading))
        elif block.kind == "right":
            out.append(Paragraph(text(block.text), styles.right))
        elif block.kind == "table":
            table = next(tables, None)
            if table is not None:
                out.append(_table(table, styles, block.parties or table.columns))
                out.append(Spacer(1, 6))
        elif block.kind == "signatures":
            out.append(_signatures(block.parties, styles))
        else:  # a block of several lines (an address, a party) is set flush, its lines aligned
            out.append(Paragraph(text(block.text), styles.plain if "\n" in block.text.strip() else styles.body))
    return out


def _table(table: Table, styles: _Styles, columns: Sequence[str]):
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    width = PAGE_W - 2 * MARGIN_X
    weights = list(table.widths) or [1.0] * len(columns)
    total = sum(weights)
    widths = [width * w / total for w in weights]
    figures = [all(_is_figure(str(row[i])) for row in table.rows if i < len(row) and str(row[i]).strip())
               and any(i < len(row) and str(row[i]).strip() for row in table.rows) for i in range(len(columns))]
    # a unit in brackets goes on a line of its own, rather than an opening bracket ending a line
    data = [[Paragraph(text(c).replace("（", "<br/>（"), styles.head_figure if figures[i] else styles.head_cell)
             for i, c in enumerate(columns)]]
    data += [[Paragraph(text(str(v)), styles.figure if i < len(figures) and figures[i] else styles.cell)
              for i, v in enumerate(row)] for row in table.rows]
    empty = not table.rows
    if empty:  # a register with nothing in the period says so, rather than showing a bare header
        data.append([Paragraph(NO_ROWS, styles.cell)] + [""] * (len(columns) - 1))
    result = RLTable(data, colWidths=widths, repeatRows=1)
    result.setStyle(TableStyle([*([("SPAN", (0, 1), (-1, 1))] if empty else []),
        ("FONTNAME", (0, 0), (-1, -1), styles.font),  # else the table names Helvetica
        ("GRID", (0, 0), (-1, -1), 0.4, "#8c8c8c"),
        ("BACKGROUND", (0, 0), (-1, 0), "#e8eef5"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return result


_FIGURE = re.compile(r"[-+]?[\d,]*\.?\d+%?|—")
_IDENTIFIER = re.compile(r"\d{7,}")


def _is_figure(value: str) -> bool:
    """A table cell that holds a number (a count, an amount, minutes) or the dash of none:
    set flush right, so that the digits line up. A long run of bare digits is an identifier
    (a customer number), read from the left like a name."""
    value = value.strip()
    return bool(_FIGURE.fullmatch(value)) and not _IDENTIFIER.fullmatch(value)


def _signatures(parties: Sequence[str], styles: _Styles):
    from reportlab.platypus import KeepTogether, Paragraph, Spacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    parties = list(parties) or ["签名"]
    width = PAGE_W - 2 * MARGIN_X
    cells = [[Paragraph(text(p) + "：", styles.plain) for p in parties],
             [Spacer(1, 14 * MM) for _ in parties],
             [Paragraph("日期：&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;年&nbsp;&nbsp;&nbsp;&nbsp;月"
                        "&nbsp;&nbsp;&nbsp;&nbsp;日", styles.plain) for _ in parties]]
    table = RLTable(cells, colWidths=[width / len(parties)] * len(parties))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("LINEBELOW", (0, 1), (-1, 1), 0.6, "#333333"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 18),
    ]))
    return KeepTogether([Spacer(1, 8 * MM), table])


def render(spec: PdfSpec, progress: Callable[[int, int], bool] | None = None) -> Rendered:
    """Lay out ``spec`` and return the PDF bytes with its page counts.

    ``progress(done, total)`` is called after each piece is laid out; returning False stops
    the work with :class:`app.errors.Cancelled` (nothing is returned, nothing written)."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

    from app.errors import Cancelled

    styles = _Styles.get()
    matrices: dict[int, list[list[bool]]] = {}  # each piece's QR code
    piece_pages: dict[int, int] = {}

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = styles.font  # no stray Helvetica reference on any page
            super().__init__(*args, **kwargs)
            self._vd_pages: list[dict] = []
            self._vd_piece = 0

        def showPage(self):  # noqa: N802 - reportlab's name
            self._vd_pages.append(dict(self.__dict__))
            piece_pages[self._vd_piece] = piece_pages.get(self._vd_piece, 0) + 1
            self._startPage()

        def save(self):
            seen: dict[int, int] = {}
            for state in self._vd_pages:
                self.__dict__.update(state)
                piece = state["_vd_piece"]
                seen[piece] = seen.get(piece, 0) + 1
                _footer(self, spec, styles, piece, seen[piece], piece_pages[piece], matrices)
                Canvas.showPage(self)
            Canvas.save(self)

    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                          topMargin=HEADER_H + 6 * MM, bottomMargin=FOOTER_H, title=spec.pieces[0].title
                          if spec.pieces else "", author=spec.letterhead[0] if spec.letterhead else "",
                          subject=spec.number, creator=CREATOR, invariant=0)
    frame = Frame(MARGIN_X, FOOTER_H, PAGE_W - 2 * MARGIN_X, PAGE_H - HEADER_H - 6 * MM - FOOTER_H,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    letterhead = _letterhead(spec, styles)  # laid out once, drawn on every page
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=lambda c, d: _header(c, spec, styles, letterhead))])

    total = len(spec.pieces)
    story: list = []
    for index, piece in enumerate(spec.pieces):
        matrices[index] = qr_matrix(piece.payload)
        if index:
            story.append(PageBreak())
        story.append(_PieceStart(index))
        story.extend(_flowables(piece, styles))
        if progress is not None and not progress(index + 1, total * 2):
            raise Cancelled()

    def after_flowable(flowable):
        if progress is not None and type(flowable).__name__ == "PieceStart":
            if not progress(total + flowable.index, total * 2):
                raise Cancelled()

    doc.afterFlowable = after_flowable
    doc.build(story, canvasmaker=NumberedCanvas)
    counts = tuple(piece_pages.get(i, 0) for i in range(total))
    return Rendered(buffer.getvalue(), sum(counts), counts)


def _letterhead(spec: PdfSpec, styles: _Styles) -> list[tuple[Paragraph, float]]:
    """The letterhead's lines as wrapped paragraphs with their y, as many as fit the band."""
    from reportlab.platypus import Paragraph

    width = PAGE_W - 2 * MARGIN_X - (30 * MM if spec.copy_of else 0)
    y = PAGE_H - 12 * MM
    placed = []
    for i, line in enumerate(spec.letterhead[:4]):
        para = Paragraph(text(line), styles.bank if i == 0 else styles.letterhead)
        _, h = para.wrap(width, HEADER_H)
        if y - h < PAGE_H - HEADER_H - 2 * MM:
            break
        placed.append((para, y - h))
        y -= h
    return placed


def _header(canvas, spec: PdfSpec, styles: _Styles, letterhead: list[tuple[Paragraph, float]]) -> None:
    canvas.saveState()
    for para, y in letterhead:
        para.drawOn(canvas, MARGIN_X, y)
    canvas.setStrokeColorRGB(0.54, 0.11, 0.11)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN_X, PAGE_H - HEADER_H - 1 * MM, PAGE_W - MARGIN_X, PAGE_H - HEADER_H - 1 * MM)
    if spec.copy_of:
        canvas.setStrokeColorRGB(0.75, 0.1, 0.1)
        canvas.setFillColorRGB(0.75, 0.1, 0.1)
        canvas.setLineWidth(1.5)
        x, top = PAGE_W - MARGIN_X - 26 * MM, PAGE_H - 24 * MM
        canvas.rect(x, top, 26 * MM, 12 * MM, stroke=1, fill=0)
        canvas.setFont(styles.font, 16)
        canvas.drawCentredString(x + 13 * MM, top + 3.5 * MM, COPY_STAMP)
        canvas.setFont(styles.font, 70)
        canvas.setFillColorRGB(0.85, 0.85, 0.85)
        canvas.translate(PAGE_W / 2, PAGE_H / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, COPY_STAMP)
    canvas.restoreState()


def _footer(canvas, spec: PdfSpec, styles: _Styles, piece: int, page: int, pages: int, matrices) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, FOOTER_H - 2 * MM, PAGE_W - MARGIN_X, FOOTER_H - 2 * MM)
    draw_qr(canvas, matrices[piece], PAGE_W - MARGIN_X - QR_SIZE, 5 * MM, QR_SIZE)
    canvas.setFillColorRGB(0.2, 0.2, 0.2)
    canvas.setFont(styles.font, 8)
    canvas.drawString(MARGIN_X, 16 * MM, f"文件编号：{spec.number}")
    canvas.drawString(MARGIN_X, 12 * MM, f"制作日期：{spec.made_on}")
    if spec.copy_of:
        canvas.drawString(MARGIN_X, 8 * MM, COPY_NOTE.format(original=spec.copy_of))
    canvas.drawRightString(PAGE_W - MARGIN_X - QR_SIZE - 3 * MM, 8 * MM, "扫描二维码可验证真伪")
    canvas.setFont(styles.font, 9)
    canvas.drawCentredString(PAGE_W / 2, 12 * MM, PAGE_LABEL.format(page=page, pages=pages))
    canvas.restoreState()
