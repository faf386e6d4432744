"""A customer's important dates and close relatives, as a clerk types them and as stored.

The care capability greets customers on these days, so the record keeps them in a form it can
read: ``important_dates`` is JSON ``[{"label", "date"}]`` and ``relatives`` is JSON
``[{"relation", "name", "birthday"}]``, where a date is ``YYYY-MM-DD`` or, when the year is
unknown or does not matter, ``MM-DD``. The form edits them as text, one entry per line:

- important date: ``结婚纪念日 05-20`` or ``公司成立 2010-03-01`` (label, then the date);
- relative: ``配偶 王芳 1980-05-17`` (relation, name, then an optional birthday).

Relatives' phone numbers and ID numbers are deliberately not kept: they are a third party's
personal data that the VIP service has no need for. Pure: no database, no Qt.
"""

from __future__ import annotations

import json
import re
from datetime import date

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.text import clean_text, normalise

IMPORTANT_DATES = QT_TRANSLATE_NOOP("fields", "Important dates")
RELATIVES = QT_TRANSLATE_NOOP("fields", "Close relatives")

MAX_ENTRIES = 20
MAX_LABEL = 30
_RELATIVE_LINE = QT_TRANSLATE_NOOP(
    "errors", "line {line}: write the relation, then the name (and a birthday if known)")
_DATE = re.compile(r"(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?", re.ASCII)


def parse_day(raw: str) -> str | None:
    """``2010-03-01`` / ``2010/3/1`` / ``2010年3月1日`` → ``2010-03-01``; ``5-20`` /
    ``5月20日`` → ``05-20``; anything else (or an impossible day) → None."""
    match = _DATE.fullmatch(raw)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date(int(year) if year else 2000, int(month), int(day))  # 2000: 02-29 exists
    except ValueError:
        return None
    if year is not None and not 1900 <= int(year) <= 2100:
        return None
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}" if year else f"{int(month):02d}-{int(day):02d}"


def _lines(text: str, field: str) -> list[tuple[int, list[str]]]:
    cleaned = clean_text(text or "", field=field, required=False, max_length=4000, multiline=True)
    lines = [(n, normalise(line).split()) for n, line in enumerate(cleaned.splitlines(), 1)]
    lines = [(n, words) for n, words in lines if words]
    if len(lines) > MAX_ENTRIES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "at most {count} entries"), field=field,
                              count=MAX_ENTRIES)
    return lines


def _words(words: list[str], n: int, field: str, missing: str) -> str:
    text = " ".join(words)
    if not text:
        raise ValidationError(missing, field=field, line=n)
    if len(text) > MAX_LABEL:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "line {line}: at most {count} characters"),
                              field=field, line=n, count=MAX_LABEL)
    return text


def clean_important_dates(text: str) -> str:
    """The stored JSON for the typed lines; a bad line raises :class:`ValidationError` naming it."""
    entries = []
    for n, words in _lines(text, IMPORTANT_DATES):
        day = parse_day(words[-1])
        if day is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "line {line}: end it with a date like 05-20 or 2010-03-01"),
                field=IMPORTANT_DATES, line=n)
        entries.append({"label": _words(words[:-1], n, IMPORTANT_DATES, QT_TRANSLATE_NOOP(
            "errors", "line {line}: write what the day is before the date")), "date": day})
    return json.dumps(entries, ensure_ascii=False)


def clean_relatives(text: str) -> str:
    """The stored JSON for the typed lines; a bad line raises :class:`ValidationError` naming it."""
    entries = []
    for n, words in _lines(text, RELATIVES):
        birthday = parse_day(words[-1])
        if birthday is not None:
            words = words[:-1]
        if len(words) < 2:
            raise ValidationError(_RELATIVE_LINE, field=RELATIVES, line=n)
        entries.append({"relation": _words(words[:1], n, RELATIVES, _RELATIVE_LINE), "birthday": birthday or "",
                        "name": _words(words[1:], n, RELATIVES, _RELATIVE_LINE)})
    return json.dumps(entries, ensure_ascii=False)


def _stored(raw: str | None) -> list[dict]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def important_dates_of(raw: str | None) -> list[tuple[str, str]]:
    """(label, date) of the stored JSON; entries an import left unreadable are skipped."""
    return [(str(i.get("label", "")), str(i.get("date", ""))) for i in _stored(raw) if i.get("date")]


def relatives_of(raw: str | None) -> list[tuple[str, str, str]]:
    """(relation, name, birthday or "") of the stored JSON."""
    return [(str(i.get("relation", "")), str(i.get("name", "")), str(i.get("birthday") or ""))
            for i in _stored(raw) if i.get("name")]


def important_dates_text(raw: str | None) -> str:
    """The stored JSON as the form's lines (what :func:`clean_important_dates` reads back)."""
    return "\n".join(f"{label} {day}" for label, day in important_dates_of(raw))


def relatives_text(raw: str | None) -> str:
    """The stored JSON as the form's lines (what :func:`clean_relatives` reads back)."""
    return "\n".join(" ".join(p for p in person if p) for person in relatives_of(raw))
