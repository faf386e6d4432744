"""Signed QR payloads: the small API every capability uses to make its printouts verifiable.

A payload is short, upper-case and made of QR "alphanumeric" characters, so that it fits a
small code and a handheld scanner (which types what it reads, like a keyboard) reproduces it
exactly::

    VD1.<KIND>.<IDENT>.<SIGNATURE>        e.g.  VD1.D.7KQ2M9XA3F.5CMRJ2XW7Q4TNB6D

``KIND`` names what the code stands for (1–3 letters; ``D`` a registered document, others are
for other capabilities: ``T`` a queue ticket slip, ``C`` a card), ``IDENT`` which one
(letters, digits, ``-``), and ``SIGNATURE`` is the first 80 bits of HMAC-SHA256 over
``VD1.<KIND>.<IDENT>`` in base 32, with a key kept in the store's settings (created on first use).

Use::

    from app.documents.qr import signing_key, sign, check
    key = signing_key(store, actor)            # bytes; created (and audited) the first time
    payload = sign(key, "T", "BJ0101-20261127-A012")
    result = check(key, payload)               # Check(status, kind, ident, reason)

To have ``doc verify`` and the GUI's verify box say *what* a genuine code is, add your kind to
``app.documents.verify.DESCRIBERS`` (a "module:function" taking ``(session, ident)`` and
returning a one-line description, or None when there is no such thing).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import weakref
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from db.models import Setting

KEY_SETTING = "documents.qr_key"
PREFIX = "VD1"
SIGNATURE_BYTES = 10  # 80 bits: 16 base-32 characters
SIGNATURE_LENGTH = 16
_KIND = re.compile(r"^[A-Z]{1,3}$")
_IDENT = re.compile(r"^[0-9A-Z-]{1,40}$")
_SIGNATURE = re.compile(r"^[A-Z2-7]{16}$")

_keys: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine -> key


class Status(StrEnum):
    GENUINE = "genuine"
    ALTERED = "altered"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Check:
    """What a payload says about itself: its status, and (when readable) kind and ident.
    ``reason`` is an English source text (context "errors") for altered and unknown."""

    status: Status
    kind: str = ""
    ident: str = ""
    reason: str = ""


NOT_OURS = QT_TRANSLATE_NOOP("errors", "This is not a VIP Desk document code.")
DAMAGED = QT_TRANSLATE_NOOP(
    "errors", "The code is incomplete or damaged: it may have been cut short or changed.")
BAD_SIGNATURE = QT_TRANSLATE_NOOP(
    "errors", "The code does not match its signature: it was altered, or it comes from another store.")
NO_KEY = QT_TRANSLATE_NOOP("errors", "This store has never signed a document, so the code is not one of its own.")


def _message(kind: str, ident: str) -> bytes:
    return f"{PREFIX}.{kind}.{ident}".encode("ascii")


def _signature(key: bytes, kind: str, ident: str) -> str:
    mac = hmac.new(key, _message(kind, ident), hashlib.sha256).digest()[:SIGNATURE_BYTES]
    return base64.b32encode(mac).decode("ascii")


def sign(key: bytes, kind: str, ident: str) -> str:
    """The payload for ``kind``/``ident`` signed with ``key`` (ValueError on a bad kind/ident:
    that is a programming error, not a user's)."""
    if not _KIND.match(kind):
        raise ValueError(f"QR kind must be 1-3 capital letters, not {kind!r}")
    if not _IDENT.match(ident):
        raise ValueError(f"QR ident must be 1-40 of 0-9, A-Z and '-', not {ident!r}")
    return f"{PREFIX}.{kind}.{ident}.{_signature(key, kind, ident)}"


def normalise(payload: str) -> str:
    """What a scanner typed, without surrounding blanks and in capitals (scanners can send
    lower case when Caps Lock is on)."""
    return (payload or "").strip().upper()


def check(key: bytes | None, payload: str) -> Check:
    """Check ``payload`` against ``key`` (None: the store has no key yet)."""
    text = normalise(payload)
    if not text.startswith(PREFIX + "."):
        if PREFIX.startswith(text.split(".")[0]) and text:
            return Check(Status.ALTERED, reason=DAMAGED)  # "VD" or "VD1" cut short
        return Check(Status.UNKNOWN, reason=NOT_OURS)
    parts = text.split(".")
    if len(parts) != 4 or not _KIND.match(parts[1]) or not _IDENT.match(parts[2]) \
            or not _SIGNATURE.match(parts[3]):
        kind = parts[1] if len(parts) > 1 and _KIND.match(parts[1]) else ""
        return Check(Status.ALTERED, kind=kind, reason=DAMAGED)
    _, kind, ident, signature = parts
    if key is None:
        return Check(Status.UNKNOWN, kind, ident, NO_KEY)
    if not hmac.compare_digest(signature, _signature(key, kind, ident)):
        return Check(Status.ALTERED, kind, ident, BAD_SIGNATURE)
    return Check(Status.GENUINE, kind, ident)


def _decode(raw: str | None) -> bytes | None:
    if not raw:
        return None
    try:
        return base64.b32decode(json.loads(raw)["key"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The store's document-signing key is damaged; ask an administrator."),
            field=KEY_SETTING) from exc


def stored_key(session) -> bytes | None:
    """The store's signing key, or None when nothing was ever signed (no key made yet)."""
    return _decode(session.scalar(select(Setting.value).where(Setting.key == KEY_SETTING)))


def known_key(store) -> bytes | None:
    """The store's key for verifying (cached per engine once it exists); never creates one."""
    key = _keys.get(store.engine)
    if key is None:
        with store.read() as session:
            key = stored_key(session)
        if key is not None:
            _keys[store.engine] = key
    return key


def signing_key(store, actor) -> bytes:
    """The store's signing key, created with 256 random bits on first use (audited, without
    the key itself: the audit trail is readable by auditors)."""
    key = known_key(store)
    if key is not None:
        return key
    with store.write(actor) as uow:
        key = stored_key(uow.session)
        if key is None:
            key = secrets.token_bytes(32)
            uow.session.add(Setting(key=KEY_SETTING, value=json.dumps(
                {"key": base64.b32encode(key).decode("ascii")})))
            uow.audit("documents.key.create", "setting", KEY_SETTING)
    _keys[store.engine] = key
    return key
