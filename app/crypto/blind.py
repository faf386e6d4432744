"""Keyed blind indexes: what a search or a uniqueness check compares instead of the clear value.

A blind index is HMAC-SHA256 under the index key (never the encryption key) of a label and the
value, cut to 16 bytes. The label names the field and, for a tail, its length, so the last 4
digits of a phone never equal the last 4 of an ID number nor a whole short value. Without the
index key a table of indexes cannot be tested against guessed numbers; with it only the exact
value (or exact tail) typed by a clerk finds a row.
"""

from __future__ import annotations

import hashlib
import hmac
import re

DIGEST_BYTES = 16
SHORTEST_TAIL = 4      # clerks type the last 4 to 8 digits (app.customers.search, _TAIL)
LONGEST_TAIL = 8


_NOT_KEYED = re.compile(r"[^0-9A-Z]")


def normalise(value: str) -> str:
    """The form an index is taken of: digits and upper-case letters only (an ID's check
    character ``x`` as ``X``; a landline's dash and spaces dropped, as clerks type its digits)."""
    return _NOT_KEYED.sub("", value.upper())


def blind_index(index_key: bytes, field: str, value: str) -> bytes:
    """The index of a whole value of ``field``."""
    message = f"{field}\x00full\x00{normalise(value)}".encode()
    return hmac.new(index_key, message, hashlib.sha256).digest()[:DIGEST_BYTES]


def tail_index(index_key: bytes, field: str, tail: str) -> bytes:
    """The index of the last ``len(tail)`` characters of a value of ``field``."""
    tail = normalise(tail)
    message = f"{field}\x00tail{len(tail)}\x00{tail}".encode()
    return hmac.new(index_key, message, hashlib.sha256).digest()[:DIGEST_BYTES]


def tail_indexes(index_key: bytes, field: str, value: str) -> list[bytes]:
    """One index per tail a clerk may type: the last 4 characters, 5, ... 8 (a value of 4 to 8
    characters is also its own tail; the whole value is :func:`blind_index`)."""
    value = normalise(value)
    return [tail_index(index_key, field, value[-n:]) for n in range(SHORTEST_TAIL, min(LONGEST_TAIL, len(value)) + 1)]
