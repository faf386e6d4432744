"""Chinese line breaking (禁则), the product's one set of rules for where a line may end, and the
receipt printer's fitting of them into columns.

No line starts with closing punctuation (，。、；：？！）》」…) or ends with an opening bracket
(（《「…); a run of Latin letters, digits and their punctuation (a ticket number, a card serial,
a time, an English word) is not cut, nor is a figure from its decimal point, its thousands
separators or the unit after it ("41.0 分钟", "5,000.00 元", "15 位"). :func:`joined` says where
those runs forbid a break; :func:`break_lines` fits text into the columns of a fixed-pitch
printer (the ESC/POS receipt printers, :mod:`app.printing.escpos`) by them, and
:mod:`app.documents.cjkwrap` fits the PDFs' paragraphs (letters, reports, the ticket slip) into
points by the same :func:`joined`. The document tests check every line of every document kind
with :func:`bad_breaks`."""

from __future__ import annotations

import unicodedata

CLOSING = "，。、；：？！）》」』】〕〉〗”’…,.;:?!)]}%"
OPENING = "（《「『【〔〈〖“‘([{"
# Units a figure is counted in: "41.0 分钟", "3 张", "5,000.00 元" are not split between the
# figure and its unit. Longest first, so that "分钟" is matched before "分".
UNITS = ("万元", "分钟", "小时", "笔", "张", "项", "次", "名", "个", "位", "人", "户", "份", "元",
         "天", "日", "月", "年", "秒", "分", "件", "页")


def width(text: str) -> int:
    """Columns ``text`` takes on a fixed-pitch Chinese printer: two for a wide or full-width
    character, and for an ambiguous one (·, —, …, “”, é: wide in a Chinese context, UAX #11,
    sent as a two-byte GB18030 code that the printer prints full width); one for the rest."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _latin(ch: str) -> bool:
    return "!" <= ch <= "~"


def joined(text: str) -> list[bool]:
    """``joined[i]``: no line may break before character ``i`` of ``text`` (one past the end
    too): inside a run of Latin letters, digits and their punctuation (a figure with its decimal
    point and thousands separators is one), and between a figure and the unit after it (spaces
    between them included)."""
    count = len(text)
    joined = [0 < i < count and _latin(text[i - 1]) and _latin(text[i]) for i in range(count + 1)]
    for i in range(1, count):
        if text[i - 1].isdigit() and not text[i].isdigit():
            unit_at = i
            while unit_at < count and text[unit_at] == " ":
                unit_at += 1
            unit = next((u for u in UNITS if text.startswith(u, unit_at)), "")
            for j in range(i, unit_at + len(unit)) if unit else ():
                joined[j] = True
    return joined


def _kinsoku(text: str, i: int) -> bool:
    """Whether a line may not break before character ``i`` by punctuation alone: ``text[i]``
    closes, or ``text[i - 1]`` opens."""
    return (i < len(text) and text[i] in CLOSING) or (i > 0 and text[i - 1] in OPENING)


def _fit(text: str, columns: int) -> list[str]:
    """One paragraph in lines of at most ``columns`` columns. A line ends at the last place that
    fits where :func:`joined` and the punctuation allow a break; failing that (a Latin run wider
    than the line), where the punctuation alone allows; failing that, where the line is full.
    Spaces where a line breaks are dropped."""
    count, start, lines = len(text), 0, []
    forbidden = joined(text)
    while True:
        end, used = start, 0
        while end < count and used + width(text[end]) <= columns:
            used += width(text[end])
            end += 1
        if end == count:
            lines.append(text[start:].rstrip(" "))
            return lines
        cut = next((i for i in range(end, start, -1) if not forbidden[i] and not _kinsoku(text, i)), None)
        cut = cut or next((i for i in range(end, start, -1) if not _kinsoku(text, i)), None)
        cut = cut or max(end, start + 1)
        lines.append(text[start:cut].rstrip(" "))
        start = cut
        while start < count and text[start] == " ":
            start += 1
        if start == count:
            return lines


def break_lines(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` columns (:func:`width`) by the rules above, each
    of its own lines broken on its own."""
    return [line for paragraph in text.splitlines() or [""] for line in _fit(paragraph, columns)]


def bad_breaks(lines: list[str]) -> list[str]:
    """The lines that break the rules: starting with closing punctuation, or ending with an
    opening bracket."""
    return [line for line in (ln.strip() for ln in lines)
            if line and (line[0] in CLOSING or line[-1] in OPENING)]
