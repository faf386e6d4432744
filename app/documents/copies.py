"""How many copies a document says it is made in: an agreement that reads 「本协议一式两份」
is printed twice, one for the customer and one for the branch's file."""

from __future__ import annotations

import re

_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_STATED = re.compile(r"一式([一二两三四五六七八九]|[1-9])份")


def copies_stated(text: str) -> int:
    """The copies ``text`` states with 一式N份 (Chinese or Arabic numeral), else 1."""
    found = _STATED.search(text)
    if found is None:
        return 1
    word = found.group(1)
    return _NUMERALS.get(word) or int(word)
