"""Chinese line breaking for reportlab's paragraphs (``wordWrap="CJK"``).

reportlab's own CJK wrapping knows the Japanese rules only: its characters that may not start a
line lack the full-width comma, semicolon, colon and marks Chinese uses, it hangs at most one
of them, never keeps an opening bracket off the end of a line, and cuts a run of Latin letters
or digits when the run reaches back further than half a line. Letters, agreements and reports
then had lines beginning with 「，」. :func:`split` and :func:`word_split` replace its
splitters (of paragraphs of several fragments and of one), with the rules of
:mod:`app.documents.linebreak` (where :func:`~app.documents.linebreak.joined` forbids a break):
a run of Latin letters, digits and their punctuation (a card number, a date, a time, an amount)
moves whole to the next line, and so does a figure with the unit that follows it ("41.0 分钟"
was cut after "41." in the queue day report, and "10:15" after its colon, "." and ":" being
closing punctuation), closing punctuation hangs at the end of the line before (the PDFs have
margins to hang it in; the receipt printer's columns do not), an opening bracket moves to the
next line."""

from __future__ import annotations

from app.documents.linebreak import CLOSING, OPENING, joined

MAX_HANGING = 2   # closing marks allowed past the right margin ("）。")


def _width(u, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


def _breaks(glyphs, widths, max_widths, hard_after) -> list[tuple[int, int, bool]]:
    """(start, end, ends with a forced break) of each line: ``widths[i]`` of glyph ``i`` on a
    line ``max_widths[n]`` wide, a forced break after each glyph ``hard_after(i)`` says."""
    from reportlab.platypus.paragraph import _FUZZ

    lines: list[tuple[int, int, bool]] = []
    start, count = 0, len(glyphs)
    forbidden = joined("".join(g if len(g) == 1 else "\0" for g in glyphs))
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used, end, hard = 0.0, start, False
        while end < count:
            if hard_after(end):
                end, hard = end + 1, True
                break
            if used + widths(end, max_width) > max_width + _FUZZ and end > start:
                break
            used += widths(end, max_width)
            end += 1
        if not hard and end < count:
            run = end
            while run > start and forbidden[run]:
                run -= 1
            if run > start:
                end = run
            hung = 0
            while end < count and glyphs[end] in CLOSING and hung < MAX_HANGING:
                end, hung = end + 1, hung + 1
            while end - 1 > start and glyphs[end - 1] in OPENING:
                end -= 1
        last = end
        if not hard:  # a space where a line breaks is dropped, not set at either end
            while last > start and glyphs[last - 1] == " ":
                last -= 1
            while end < count and glyphs[end] == " ":
                end += 1
        lines.append((start, last, hard))
        start = end
    return lines


def split(frags, maxWidths, calcBounds, encoding="utf8"):  # noqa: N803 - reportlab's names
    """reportlab's ``cjkFragSplit`` (paragraphs of several fragments) with the Chinese rules."""
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

    glyphs = []
    for frag in frags:
        text = frag.text.decode(encoding) if isinstance(frag.text, bytes) else frag.text
        glyphs.extend([cjkU(t, frag, encoding) for t in text] if text else [cjkU(text, frag, encoding)])
    lines = []
    for start, end, hard in _breaks(glyphs, lambda i, m: _width(glyphs[i], m), maxWidths,
                                    lambda i: hasattr(glyphs[i].frag, "lineBreak")):
        max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
        used = sum(_width(g, max_width) for g in glyphs[start:end])
        lines.append(makeCJKParaLine(glyphs[start:end], max_width, used, max_width - used, hard, calcBounds))
    return ParaLines(kind=1, lines=lines)


def word_split(text, maxWidths, fontName, fontSize, encoding="utf8"):  # noqa: N803 - reportlab's names
    """reportlab's ``wordSplit`` (a paragraph of one fragment) with the Chinese rules: a list of
    (space left over, line text)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if isinstance(text, bytes):
        text = text.decode(encoding)
    max_widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
    widths = [stringWidth(ch, fontName, fontSize) for ch in text]
    lines: list[tuple[float, str]] = []
    for n, (start, end, _hard) in enumerate(_breaks(text, lambda i, m: widths[i], max_widths, lambda i: False)):
        max_width = max_widths[min(n, len(max_widths) - 1)]
        lines.append((max_width - sum(widths[start:end]), text[start:end]))
    return lines


def install() -> None:
    """Make reportlab's paragraphs break lines by :func:`split` (once, when the first document's
    styles are made; nothing happens at import)."""
    from reportlab.platypus import paragraph

    paragraph.cjkFragSplit = split
    paragraph.wordSplit = word_split
