"""A card swiped through a magnetic-stripe reader, read as a card number.

A branch's stripe reader is a keyboard: it types what the card's tracks hold (ISO/IEC 7813)
into whatever field has the focus, then Enter. So every field that takes a card number may
receive a whole track instead of the number:

- track 2: ``;`` card number ``=`` expiry YYMM, service code, discretionary data ``?``
  (``;6222021234567890=28121010000000000000?``);
- track 1: ``%B`` card number ``^`` name ``^`` expiry, service code, discretionary data ``?``
  (``%B6222021234567890^ZHANG/SAN^2812101000000000?``);
- both, track 1 first, as readers set to send every track do (``%B…?;…?``); a reader's read
  error is a track holding just ``E`` (``;E?``).

:func:`swiped_number` keeps the card number (PAN) alone: the name, expiry, service code and
discretionary data are dropped here, before anything could store, log or show them, and no
message quotes them. A damaged swipe (a track cut short, a stray character, two tracks that
disagree, a number failing its Luhn check digit) is refused with a message asking for another
swipe, never turned into some other card's number. Input that holds no track start (a start
sentinel before a digit) is left to the field's own rules.

No database and no Qt here.
"""

from __future__ import annotations

import re

from stdnum import luhn

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.text import normalise

CARD_NUMBER = QT_TRANSLATE_NOOP("fields", "Card number")

# How a track begins: a start sentinel before the number (track 1 with its format code B), or
# before the reader's E of a read error. Text that merely holds a ``;`` or ``%`` is not a swipe.
_TRACK_START = re.compile(r"%B?[0-9]|;[0-9]|[%;]E\?", re.ASCII)
# One track between its start and end sentinels (the reader's LRC is never typed).
_TRACK = re.compile(r"([%;])([^%;?]*)\?")
_TRACK1 = re.compile(r"B([0-9]{1,19})\^([^^]{1,26})\^([0-9]{4}|\^)(.*)", re.ASCII)
_TRACK2 = re.compile(r"([0-9]{1,19})=([0-9]{4}|=)([0-9]*)", re.ASCII)
_READ_ERROR = "E"
MAX_SWIPE = 200          # three tracks at most: 79 + 40 + 107 characters, less their sentinels
PAN_LENGTHS = (16, 19)   # as a VIP card number (DOMAIN.md "VIP cards")

SWIPE_AGAIN = QT_TRANSLATE_NOOP(
    "errors", "the swipe was not read whole or is damaged: swipe the card again, or type the number")
READ_ERROR = QT_TRANSLATE_NOOP("errors", "the reader could not read the card: swipe it again")
TRACKS_DISAGREE = QT_TRANSLATE_NOOP(
    "errors", "the card's two tracks hold different numbers: swipe the card again")
PAN_LENGTH = QT_TRANSLATE_NOOP(
    "errors", "the swiped card's number has {count} digits, not 16 or 19: not a card VIP Desk knows")
PAN_LUHN = QT_TRANSLATE_NOOP(
    "errors", "the swiped card's number fails the Luhn check digit: swipe the card again")


def is_swipe(raw: str | None) -> bool:
    """Whether ``raw`` holds the start of a track (full-width marks too, as an input method
    types them), wherever it begins: a swipe into a field that held text is still a swipe."""
    return isinstance(raw, str) and bool(_TRACK_START.search(normalise(raw[:MAX_SWIPE + 1]).replace(" ", "")))


def _refuse(template: str, **params: object) -> ValidationError:
    return ValidationError(template, field=CARD_NUMBER, **params)


def _pans(text: str) -> list[str]:
    """The card number of track 1 and of track 2 in ``text``; refuses anything outside the
    tracks. A second ``;`` track is track 3 (ISO 4909, which Chinese bank cards carry: a format
    code before the number), read by no rule here and skipped; a track the reader could not
    read (``E``) is skipped when another track was read."""
    pans: list[str] = []
    seen: set[str] = set()
    position, read_error = 0, False
    for match in _TRACK.finditer(text):
        if match.start() != position:
            raise _refuse(SWIPE_AGAIN)
        position = match.end()
        sentinel, body = match.groups()
        if sentinel in seen:
            if sentinel == ";":
                continue
            raise _refuse(SWIPE_AGAIN)
        seen.add(sentinel)
        if body == _READ_ERROR:
            read_error = True
            continue
        track = (_TRACK1 if sentinel == "%" else _TRACK2).fullmatch(body)
        if track is None:
            raise _refuse(SWIPE_AGAIN)
        pans.append(track.group(1))
    if position != len(text):
        raise _refuse(SWIPE_AGAIN)
    if not pans:
        raise _refuse(READ_ERROR if read_error else SWIPE_AGAIN)
    return pans


def swiped_number(raw: str | None, luhn_optional: tuple[str, ...] = (), *,
                  check_digit: bool = True) -> str | None:
    """The card number of a swipe; ``None`` when ``raw`` is not a swipe (see :func:`is_swipe`).

    Raises :class:`ValidationError` (field: card number) for a damaged swipe. The Luhn check
    digit is enforced except for numbers beginning with one of ``luhn_optional`` (the BINs of
    the card products whose policy only warns, :attr:`CardPolicy.luhn_optional_bins`), or not
    at all with ``check_digit=False`` (a lookup: a number no card has finds nobody)."""
    if raw is None or not is_swipe(raw):
        return None
    if len(raw) > MAX_SWIPE:
        raise _refuse(SWIPE_AGAIN)
    text = normalise(raw).replace(" ", "")
    pans = _pans(text)
    if len(set(pans)) != 1:
        raise _refuse(TRACKS_DISAGREE)
    number = pans[0]
    if len(number) not in PAN_LENGTHS:
        raise _refuse(PAN_LENGTH, count=len(number))
    if check_digit and not luhn.is_valid(number) and not number.startswith(tuple(luhn_optional)):
        raise _refuse(PAN_LUHN)
    return number


def card_number_field(raw: str | None, luhn_optional: tuple[str, ...] = ()) -> str:
    """What a card-number field holds once a swipe is read: the swipe's card number, or what
    was typed, unchanged, for the field's own rules."""
    number = swiped_number(raw, luhn_optional)
    return (raw or "") if number is None else number


__all__ = ["CARD_NUMBER", "PAN_LENGTHS", "card_number_field", "is_swipe", "swiped_number"]
