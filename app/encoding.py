"""Deciding an extract's encoding with evidence, never by a guess that silently stores mojibake.

Core-banking extracts come as UTF-8 or GB18030 (what Chinese Windows tools write). The
evidence, in order:

1. a byte-order mark (UTF-8, UTF-16 LE or BE) decides;
2. else the encoding the user declared (``--encoding utf-8|gb18030``) decides;
3. else the whole file is decoded strictly: UTF-8 when every byte sequence is UTF-8, otherwise
   GB18030.

Whatever decided, a file whose bytes are not all text in that encoding is refused naming the
first line that is not. Without a BOM or a declaration the decoded text must also be
*plausible*: a line whose reading holds characters no Chinese extract holds (Latin-1 letters,
Cyrillic, private-use code points, or ideographs outside GB2312, which is where mojibake lands
— 张三 written in UTF-8 and read as GB18030 is 寮犱笁) while the other encoding reads it as
plausible text, is a line in the other encoding: the file mixes encodings (or its bytes merely
happen to be valid in the wrong one), and it is refused naming that first line and both
readings, so that the user can say which with ``--encoding``. In a file read as GB18030, any
line that is valid UTF-8 and reads as plausible text is such a line. A genuine rare character
in a name (生僻字 outside GB2312) is kept: the other reading of its bytes is not plausible
either. The limit: a GB18030 file every line of which is also valid UTF-8 reading as plausible
Chinese (about two in a million three-character names each) is taken for UTF-8.

A UTF-16 file without a BOM (NUL bytes in every other position) is refused as such.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from functools import cache

from app.errors import QT_TRANSLATE_NOOP, ValidationError

FILE = QT_TRANSLATE_NOOP("fields", "File")
UTF8, GB18030 = "utf-8", "gb18030"
ENCODINGS = (UTF8, GB18030)
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
SHOWN = 20   # characters of a suspicious line shown in the message


def decode(data: bytes, encoding: str | None = None) -> str:
    """The file's text, decided as the module says; :class:`ValidationError` naming the line."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _strict(data, codec)
    if encoding is not None:
        if encoding not in ENCODINGS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is not an encoding VIP Desk reads "
                                                              "(utf-8 or gb18030)"),
                                  field=QT_TRANSLATE_NOOP("fields", "Encoding"), value=encoding)
        return _strict(data, encoding)
    _refuse_utf16_without_bom(data)
    try:
        text, chosen = data.decode(UTF8), UTF8
    except UnicodeDecodeError:
        try:
            text, chosen = data.decode(GB18030), GB18030
        except UnicodeDecodeError as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "line {line} is neither UTF-8 nor GB18030 text"),
                                  field=FILE, line=_line_at(data, exc.start)) from None
    if not text.isascii():
        _refuse_mixed(data, text, chosen)
    return text


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if codec == "utf-16":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not {encoding} text"),
                                  field=FILE, encoding=_name(codec)) from None
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "line {line} is not {encoding} text"),
                              field=FILE, line=_line_at(data, exc.start), encoding=_name(codec)) from None


def _name(codec: str) -> str:
    return {"utf-8-sig": "UTF-8", UTF8: "UTF-8", GB18030: "GB18030", "utf-16": "UTF-16"}[codec]


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, max(offset, 0)) + 1


def _refuse_utf16_without_bom(data: bytes) -> None:
    head = data[:4096]
    if len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "is UTF-16 text without a byte-order mark; save it as UTF-8 or GB18030 "
                      "(or as UTF-16 with its mark)"), field=FILE)


LATIN = re.compile("[\u00c0-\u024f]")
LONE_LATIN = re.compile("(?<![A-Za-z\u00c0-\u024f])[\u00c0-\u024f]++(?![A-Za-z])")


@cache
def _outside() -> re.Pattern:
    """What no Chinese extract holds, bar the Latin rule: anything but ASCII, the GB2312
    ideographs, CJK and full-width punctuation and forms, a few signs of names and money
    (· ¥ — “ ” ‘ ’ …) and Latin letters with marks. One character class: a scan of the whole
    file runs at the regex engine's speed (a quarter of a second for a million lines)."""
    ideographs = "".join(chr(c) for c in range(0x4E00, 0xA000) if _in_gb2312(chr(c)))
    allowed = ("\x00-\x7f\u00b7\u00a5\u00d7\u2010-\u2027\u2030-\u203b\u3000-\u303f\uff00-\uffef"
               "\u00c0-\u024f" + re.escape(ideographs))
    return re.compile(f"[^{allowed}]")


def _implausible_at(text: str) -> Iterator[int]:
    """Where ``text`` holds what no Chinese extract holds, in order: :func:`_outside`, and Latin
    letters with marks outside a Latin word (José, Müller are foreign customers' names; a lone
    é is 茅 in GB18030 read as UTF-8)."""
    outside = (m.start() for m in _outside().finditer(text))
    if LATIN.search(text) is None:
        return outside
    return heapq.merge(outside, (m.start() for m in LONE_LATIN.finditer(text)))


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def plausible(text: str) -> bool:
    """Whether every character of ``text`` is one a Chinese extract holds (see above)."""
    return next(iter(_implausible_at(text)), None) is None


def _refuse_mixed(data: bytes, text: str, chosen: str) -> None:
    """Refuse the file at its first line in the other encoding (see the module text)."""
    if chosen == UTF8:
        _refuse_gb18030_lines(data, text)
    else:
        _refuse_utf8_lines(data)


def _refuse_gb18030_lines(data: bytes, text: str) -> None:
    """A file that is valid UTF-8 throughout: its first line whose UTF-8 reading is implausible
    while its GB18030 reading is plausible (GB18030 bytes that happen to be valid UTF-8)."""
    lines = data.split(b"\n")
    index, counted_to, skip_to = 0, 0, 0
    for at in _implausible_at(text):
        if at < skip_to:
            continue
        index += text.count("\n", counted_to, at)
        counted_to = at
        skip_to = text.find("\n", at) + 1 or len(text)
        try:
            alternative = lines[index].decode(GB18030)
        except UnicodeDecodeError:
            continue
        if plausible(alternative):
            _mixed(index, lines[index], UTF8)


def _refuse_utf8_lines(data: bytes) -> None:
    """A file that is not UTF-8 throughout, read as GB18030: its first line of non-ASCII bytes
    that are valid UTF-8 reading as plausible text, or whose GB18030 reading is not (a UTF-8
    line among GB18030 ones: GB18030 text is valid UTF-8 by chance about twice in a million
    three-character names, and then never reads as Chinese)."""
    for index, raw in enumerate(data.split(b"\n")):
        if raw.isascii():
            continue
        try:
            utf8 = raw.decode(UTF8)
        except UnicodeDecodeError:
            continue
        if plausible(utf8) or not plausible(raw.decode(GB18030)):
            _mixed(index, raw, GB18030)


def _mixed(index: int, raw: bytes, chosen: str) -> None:
    other = GB18030 if chosen == UTF8 else UTF8
    raise ValidationError(QT_TRANSLATE_NOOP(
        "errors", "line {line} reads as “{read}” in {encoding} but as “{other_read}” in {other}: the file "
                  "mixes encodings, or is in the other one; say which with --encoding"),
        field=FILE, line=index + 1, read=_shown(raw.decode(chosen)), encoding=_name(chosen),
        other_read=_shown(raw.decode(other)), other=_name(other))


def _shown(line: str) -> str:
    """The field of ``line`` where its first non-ASCII character is, and what follows, up to
    :data:`SHOWN` characters: what the two readings differ in."""
    first = next((i for i, ch in enumerate(line) if ord(ch) > 127), 0)
    start = line.rfind(",", 0, first) + 1
    return line[start:start + SHOWN].strip()
