"""Signed QR payloads: the small API every capability uses to make its printouts verifiable.

A payload is short, upper-case and made of QR "alphanumeric" characters, so that it fits a
small code and a handheld scanner (which types what it reads, like a keyboard) reproduces it
exactly::

    VD1.<KIND>.<IDENT>.<SIGNATURE>        e.g.  VD1.D.7KQ2M9XA3F.5CMRJ2XW7Q4TNB6D

``KIND`` names what the code stands for (1–3 letters; ``D`` a registered document, others are
for other capabilities: ``T`` a queue ticket slip, ``C`` a card), ``IDENT`` which one
(letters, digits, ``-``), and ``SIGNATURE`` is the first 80 bits of HMAC-SHA256 over
``VD1.<KIND>.<IDENT>`` in base 32, with the store's signing key.

Where the key lives depends on the engine:

- SQLite (one PC, protected by the file's permissions): in the store's settings, created
  (and audited) on first use, cached per engine; signing and checking happen here.
- PostgreSQL: in ``vipdesk_private.document_signing_key``, which no staff role may read
  (migration 0013). The server signs only what its own rows say (migration 0029): a document
  in the transaction that registers it, once (``vipdesk_qr_sign_document``), and the slip of
  an existing ticket (``vipdesk_qr_sign_ticket``); it checks any code (``vipdesk_qr_verify``).
  A signed-in teller can have their own documents signed, but can neither take the key away
  nor have a code signed in advance for something not yet in the store.

Use::

    from app.documents.qr import check_in, sign_registered, sign_ticket, signing_key
    key = signing_key(store, actor)             # before the unit of work (SQLite makes it once)
    with store.write(actor) as uow:             # register the row, then:
        payloads = sign_registered(uow.session, key, "D", row.id, ["7KQ2M9XA3F-1", "7KQ2M9XA3F-2"], True)
    slip = sign_ticket(store, actor, "T", ticket.id, ticket.number)
    result = check_in(store, payload)           # Check(status, kind, ident, reason)

:func:`sign` and :func:`check` are the same computation with a key in hand (tests, SQLite).

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
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select, text

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from db.models import Setting
from app.actor import Actor
from app.store import Store

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
MISSING_KEY = QT_TRANSLATE_NOOP(
    "errors", "The store has no document-signing key; ask an administrator to run db upgrade.")


def _message(kind: str, ident: str) -> bytes:
    return f"{PREFIX}.{kind}.{ident}".encode("ascii")


def _signature(key: bytes, kind: str, ident: str) -> str:
    mac = hmac.new(key, _message(kind, ident), hashlib.sha256).digest()[:SIGNATURE_BYTES]
    return base64.b32encode(mac).decode("ascii")


def _check_parts(kind: str, ident: str) -> None:
    """ValueError on a bad kind or ident: that is a programming error, not a user's."""
    if not _KIND.match(kind):
        raise ValueError(f"QR kind must be 1-3 capital letters, not {kind!r}")
    if not _IDENT.match(ident):
        raise ValueError(f"QR ident must be 1-40 of 0-9, A-Z and '-', not {ident!r}")


def sign(key: bytes, kind: str, ident: str) -> str:
    """The payload for ``kind``/``ident`` signed with ``key``."""
    _check_parts(kind, ident)
    return f"{PREFIX}.{kind}.{ident}.{_signature(key, kind, ident)}"


def normalise(payload: str) -> str:
    """What a scanner typed, without surrounding blanks and in capitals (scanners can send
    lower case when Caps Lock is on)."""
    return (payload or "").strip().upper()


def _parse(payload: str) -> Check | tuple[str, str, str]:
    """A payload's (kind, ident, signature), or the verdict when it is not well formed."""
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
    return parts[1], parts[2], parts[3]


def _verdict(kind: str, ident: str, matches: bool | None) -> Check:
    """The verdict on a well-formed payload whose signature ``matches`` (None: no key yet)."""
    if matches is None:
        return Check(Status.UNKNOWN, kind, ident, NO_KEY)
    if not matches:
        return Check(Status.ALTERED, kind, ident, BAD_SIGNATURE)
    return Check(Status.GENUINE, kind, ident)


def check(key: bytes | None, payload: str) -> Check:
    """Check ``payload`` against ``key`` (None: the store has no key yet)."""
    parsed = _parse(payload)
    if isinstance(parsed, Check):
        return parsed
    kind, ident, signature = parsed
    if key is None:
        return _verdict(kind, ident, None)
    return _verdict(kind, ident, hmac.compare_digest(signature, _signature(key, kind, ident)))


def _on_server(store: Store) -> bool:
    """Does the server keep the key (PostgreSQL), rather than the store's settings (SQLite)?"""
    return store.kind == "postgresql"


def check_in(store: Store, payload: str) -> Check:
    """Check ``payload`` with ``store``'s key, wherever the engine keeps it."""
    if not _on_server(store):
        return check(_known_key(store), payload)
    parsed = _parse(payload)
    if isinstance(parsed, Check):
        return parsed
    kind, ident, signature = parsed
    with store.read() as session:
        matches = session.scalar(text("SELECT vipdesk_qr_verify(:message, :signature)"),
                                 {"message": _message(kind, ident).decode("ascii"),
                                  "signature": base64.b32decode(signature)})
    return _verdict(kind, ident, matches)


def signing_key(store: Store, actor: Actor) -> bytes | None:
    """What a unit of work signs with: the SQLite store's key (created on first use, in a
    transaction of its own); None on PostgreSQL, whose server signs."""
    return None if _on_server(store) else _local_key(store, actor)


def sign_registered(session, key: bytes | None, kind: str, document_id: int, idents: Sequence[str],
                    batch: bool) -> list[str]:
    """The payloads of a document registered in ``session``'s transaction, one per ident (its
    pieces, in order). On PostgreSQL the server signs what its register row says, once, in the
    transaction that registered it (migration 0029); a payload signed for an ident that differs
    from the row's would not verify."""
    for ident in idents:
        _check_parts(kind, ident)
    if key is not None:
        return [sign(key, kind, ident) for ident in idents]
    macs = session.scalar(text("SELECT vipdesk_qr_sign_document(:id, :batch)"), {"id": document_id, "batch": batch})
    if macs is None:
        raise ValidationError(MISSING_KEY, field=KEY_SETTING)
    return [_payload(kind, ident, mac) for ident, mac in zip(idents, macs)]


def sign_ticket(store: Store, actor: Actor, kind: str, ticket_id: int, number: str) -> str:
    """The payload of an existing ticket's slip; on PostgreSQL the server signs it from the
    ticket row (migration 0029), so no slip can be signed before its ticket exists."""
    ident = f"{ticket_id}-{number}"
    _check_parts(kind, ident)
    if not _on_server(store):
        return sign(_local_key(store, actor), kind, ident)
    with store.read() as session:
        mac = session.scalar(text("SELECT vipdesk_qr_sign_ticket(:id)"), {"id": ticket_id})
    if mac is None:
        raise ValidationError(MISSING_KEY, field=KEY_SETTING)
    return _payload(kind, ident, mac)


def _payload(kind: str, ident: str, mac: bytes) -> str:
    return f"{PREFIX}.{kind}.{ident}.{base64.b32encode(bytes(mac)).decode('ascii')}"


# A new PostgreSQL signing key, made by the server: the SHA-256 of three random UUIDs (366 bits
# from its strong random source). Made there, the key never travels as a statement parameter,
# which a server logging every parameter (log_parameter_max_length = -1) writes to its log in
# clear (tests/db/test_pg_server_log.py). (A new store's first key is still made and moved
# as a parameter by migrations 0009 and 0013: README, "What is proved, and the limits".)
SERVER_MADE_KEY = ("sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text"
                   " || gen_random_uuid()::text, 'UTF8'))")


def make_key(store: Store, actor: Actor) -> None:
    """Give the store a signing key if it has none (audited, without the key itself).

    On SQLite the first signature would make it anyway; on PostgreSQL the migration makes it
    and only the schema owner may make it again (a store whose tables were emptied: demo and
    test stores)."""
    if not _on_server(store):
        _local_key(store, actor)
        return
    with store.read() as session:
        if session.scalar(text("SELECT vipdesk_qr_has_key()")):
            return
    with store.write(actor) as uow:
        made = uow.session.execute(text(
            f"INSERT INTO vipdesk_private.document_signing_key (id, key, created_at) VALUES (1, {SERVER_MADE_KEY}, :now) "
            "ON CONFLICT (id) DO NOTHING RETURNING id"), {"now": uow.now}).scalar() is not None
        if made:
            uow.audit("documents.key.create", "document_signing_key", 1)


def _decode(raw: str | None) -> bytes | None:
    if not raw:
        return None
    try:
        return base64.b32decode(json.loads(raw)["key"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The store's document-signing key is damaged; ask an administrator."),
            field=KEY_SETTING) from exc


def _stored_key(session) -> bytes | None:
    """The key in the store's settings (SQLite), or None when nothing was ever signed."""
    return _decode(session.scalar(select(Setting.value).where(Setting.key == KEY_SETTING)))


def _known_key(store: Store) -> bytes | None:
    """The SQLite store's key for verifying (cached per engine once it exists); never creates one."""
    key = _keys.get(store.engine)
    if key is None:
        with store.read() as session:
            key = _stored_key(session)
        if key is not None:
            _keys[store.engine] = key
    return key


def _local_key(store: Store, actor: Actor) -> bytes:
    """The SQLite store's signing key, created with 256 random bits on first use (audited,
    without the key itself: the audit trail is readable by auditors)."""
    key = _known_key(store)
    if key is not None:
        return key
    with store.write(actor) as uow:
        key = _stored_key(uow.session)
        if key is None:
            key = secrets.token_bytes(32)
            uow.session.add(Setting(key=KEY_SETTING, value=json.dumps(
                {"key": base64.b32encode(key).decode("ascii")})))
            uow.audit("documents.key.create", "setting", KEY_SETTING)
    _keys[store.engine] = key
    return key
