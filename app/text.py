"""Cleaning what a clerk types, before any field-specific rule looks at it.

Every field cleaner in ``app`` starts with :func:`clean_text`, so that all fields agree on what
"the same text" means and refuse the same hostile input with the same messages:

- **NFKC** folds what an input method or a copy from a web page produces into the plain form:
  full-width digits and letters (``１２３``, ``ＡＢＣ``) become ``123``, ``ABC``; the
  ideographic space becomes a plain space; ``￥`` becomes ``¥``. Chinese characters are unchanged.
- **Whitespace**: surrounding whitespace is stripped and every inner run of whitespace (tabs,
  new lines, non-breaking and ideographic spaces) becomes one space, so ``"张  三"`` and
  ``"张 三"`` are one value. A multi-line field keeps its line breaks (one per line, no blank
  runs beyond one empty line).
- **Invisible paste noise** (zero-width space, byte-order mark) is dropped silently; it is never
  meant and would make two equal-looking values differ.
- **Refused**: control characters, other format characters (bidirectional overrides can make a
  value display differently from what is stored), private-use, unassigned and surrogate code
  points, and by default anything outside the Basic Multilingual Plane (emoji). Names may opt
  in to the rare CJK ideographs of the supplementary planes (生僻字 such as 𠇔), which real
  people carry in their names, while still refusing emoji.
- **Digits** are ASCII ``0``–``9``. Full-width digits (``０``–``９``, what Chinese input methods
  type) are the same digits after NFKC; digits of every other script (Arabic-Indic ``٣``,
  Devanagari, superscripts…) are not digits to VIP Desk, and a field that wants digits refuses
  them, because no core-banking system or clerk here writes them and ``int()`` would silently
  read them. Patterns match with ``[0-9]`` or ``re.ASCII``, never a bare ``\\d``.
- **Length**: counted in characters after cleaning. Input that is far longer than the limit (a
  pasted 10 MB) is refused before any work is done on it.

Pure functions: no database, no Qt, no I/O.
"""

from __future__ import annotations

import re
import unicodedata

from app.errors import QT_TRANSLATE_NOOP, ValidationError

# Dropped without a word: invisible characters that only ever arrive by copy and paste.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))
_SPACES = re.compile(r"[^\S\n]+")  # whitespace other than a line break
_WHITESPACE = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n{3,}")
# Input longer than this many times the limit is refused unread (plus slack for stray spaces).
_RAW_FACTOR = 4
_RAW_SLACK = 64


def normalise(raw: str) -> str:
    """NFKC, invisible characters dropped, whitespace stripped and collapsed; never raises.

    For building search keys or comparing what a user typed, where refusing is not wanted.
    """
    text = unicodedata.normalize("NFKC", raw).translate(_INVISIBLE)
    return _WHITESPACE.sub(" ", text).strip()


def compact(text: str) -> str:
    """``text`` without any whitespace: for codes that clerks type in groups (IDs, cards)."""
    return _WHITESPACE.sub("", text)


def is_rare_ideograph(ch: str) -> bool:
    """A CJK ideograph outside the Basic Multilingual Plane (extensions B and later)."""
    return ord(ch) > 0xFFFF and unicodedata.name(ch, "").startswith(
        ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def clean_text(raw: str | None, *, field: str, max_length: int, required: bool = True,
               multiline: bool = False, allow_rare_ideographs: bool = False) -> str:
    """Return ``raw`` normalised (see the module text), or raise :class:`ValidationError`.

    ``field`` is the field's label, marked by the caller with
    ``QT_TRANSLATE_NOOP("fields", ...)``. An empty result is refused when ``required`` and
    returned as ``""`` otherwise (``None`` counts as empty). ``multiline`` keeps line breaks
    (for addresses and notes); single-line fields turn them into spaces.
    """
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        raise TypeError(f"clean_text expects text, not {type(raw).__name__}")
    if len(raw) > max_length * _RAW_FACTOR + _RAW_SLACK:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at most {max} characters"),
                              field=field, max=max_length)
    text = unicodedata.normalize("NFKC", raw).translate(_INVISIBLE)
    # Before collapsing: Python counts some control characters (\x1c-\x1f, \x85) as spaces.
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r" for ch in text):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "must not contain control characters"), field=field)
    if multiline:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        text = "\n".join(_SPACES.sub(" ", line).strip() for line in lines)
        text = _BLANK_LINES.sub("\n\n", text).strip()
    else:
        text = _WHITESPACE.sub(" ", text).strip()
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cf", "Co", "Cs", "Cn"):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "contains an invisible or unassigned character"),
                field=field)
        if ord(ch) > 0xFFFF and not (allow_rare_ideographs and is_rare_ideograph(ch)):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "must not contain emoji or other special symbols"),
                field=field)
    if not text:
        if required:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"), field=field)
        return ""
    if len(text) > max_length:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at most {max} characters"),
                              field=field, max=max_length)
    return text
