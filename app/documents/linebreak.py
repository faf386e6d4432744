"""Chinese line breaking (禁则): no line starts with closing punctuation (，。、；：？！）》」…)
and none ends with an opening bracket (（《「…), a run of Latin letters or digits (a ticket
number, a time, an amount) is not cut, and a Chinese character is as wide as two Latin ones.
The receipt printer's text uses it; the PDFs get the same rule from reportlab's CJK wrapping,
and the document tests check every line of every document kind with :func:`bad_breaks`."""

from __future__ import annotations

import re
import unicodedata

CLOSING = "，。、；：？！）》」』】〕〉〗”’…,.;:?!)]}%"
OPENING = "（《「『【〔〈〖“‘([{"
# Units a figure is counted in: "41.0 分钟", "3 张", "5,000.00 元" are not split between the
# figure and its unit. Longest first, so that "分钟" is matched before "分".
UNITS = ("万元", "分钟", "小时", "笔", "张", "项", "次", "名", "个", "位", "人", "户", "份", "元",
         "天", "日", "月", "年", "秒", "分", "件", "页")
_TOKEN = re.compile(r"[!-~]+| +|.", re.DOTALL)


def width(text: str) -> int:
    """Columns ``text`` takes on a fixed-pitch printer: two for a wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _units(text: str) -> list[str]:
    """The pieces a line may break between: a Latin run, a space, a Chinese character; closing
    punctuation stays with what it closes, an opening bracket with what it opens."""
    units: list[str] = []
    carry = ""
    for token in _TOKEN.findall(text):
        if token[0] in CLOSING and units and not carry:
            units[-1] += token
        elif token[-1] in OPENING and not token.isspace():
            carry += token
        else:
            units.append(carry + token)
            carry = ""
    if carry:
        units.append(carry)
    return units


def break_lines(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` columns by the rules above (a unit wider than a
    whole line is cut where it must)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for unit in _units(paragraph):
            if width(line + unit) > columns and line.strip():
                lines.append(line.rstrip())
                line = "" if unit.isspace() else unit
            else:
                line += unit
            while width(line) > columns:
                cut = next(i for i in range(len(line), 0, -1) if width(line[:i]) <= columns)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def bad_breaks(lines: list[str]) -> list[str]:
    """The lines that break the rules: starting with closing punctuation, or ending with an
    opening bracket."""
    return [line for line in (ln.strip() for ln in lines)
            if line and (line[0] in CLOSING or line[-1] in OPENING)]
