"""Data keys, wrapped by a master key that is never stored in the database.

A store has one index key (the blind indexes: it must not change, or every index would) and one
or more sealing keys (the newest seals; older ones still open what they sealed). Each is kept
in the store only wrapped (RFC 3394 AES key wrap) under the master key, together with a
fingerprint of that master key so that a wrong master key is named as such. Rotating the
master key re-wraps these few rows; no personal value is re-encrypted, nothing stops.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.keywrap import (
    InvalidUnwrap,
    aes_key_unwrap,
    aes_key_wrap,
)

from app.crypto import blind, cipher
from app.errors import QT_TRANSLATE_NOOP, UserError

MASTER_KEY_BYTES = 32
INDEX_KEY_BYTES = 32
SEAL = "seal"
NO_KEYS = QT_TRANSLATE_NOOP("errors", "the store has no data keys: run `python main.py keys init`")
INDEX = "index"


class KeyUnavailable(UserError):
    """The master key does not open the store's data keys, or the store has none."""


@dataclass(frozen=True)
class WrappedKey:
    """One data key as the store keeps it."""

    key_id: int
    purpose: str          # SEAL or INDEX
    algorithm: str        # a cipher algorithm for SEAL, "hmac-sha256" for INDEX
    wrapped: bytes
    master_check: bytes


def master_check(master: bytes) -> bytes:
    """A fingerprint of the master key: tells which master key wrapped a data key, and reveals
    nothing of it."""
    return hmac.new(master, b"vipdesk master key check", hashlib.sha256).digest()[:8]


def _wrap(master: bytes, key_id: int, purpose: str, algorithm: str, key: bytes) -> WrappedKey:
    return WrappedKey(key_id, purpose, algorithm, aes_key_wrap(master, key), master_check(master))


def unwrap(master: bytes, wrapped: WrappedKey) -> bytes:
    """One data key in the clear, checked to have been wrapped by ``master``."""
    if bytes(wrapped.master_check) != master_check(master):
        raise KeyUnavailable(QT_TRANSLATE_NOOP("errors", "this master key did not wrap the store's data keys"))
    try:
        return aes_key_unwrap(master, bytes(wrapped.wrapped))
    except InvalidUnwrap:
        raise KeyUnavailable(QT_TRANSLATE_NOOP("errors", "a data key is damaged: it does not unwrap")) from None


def new_keys(master: bytes, algorithm: str = cipher.AES_GCM) -> list[WrappedKey]:
    """A fresh index key (id 1) and sealing key (id 2) for a store, wrapped."""
    if algorithm not in cipher.ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}")
    return [_wrap(master, 1, INDEX, "hmac-sha256", os.urandom(INDEX_KEY_BYTES)),
            _wrap(master, 2, SEAL, algorithm, os.urandom(cipher.KEY_BYTES[algorithm]))]


def rewrap(old_master: bytes, new_master: bytes, wrapped: list[WrappedKey]) -> list[WrappedKey]:
    """The same data keys wrapped under a new master key (``keys rotate``)."""
    return [_wrap(new_master, w.key_id, w.purpose, w.algorithm, unwrap(old_master, w)) for w in wrapped]


class KeyRing:
    """The unwrapped data keys of one store: seals, opens and indexes personal values."""

    def __init__(self, master: bytes, wrapped: list[WrappedKey]):
        index = [w for w in wrapped if w.purpose == INDEX]
        seals = [w for w in wrapped if w.purpose == SEAL]
        if len(index) != 1 or not seals:
            raise KeyUnavailable(NO_KEYS)
        self._index_key = unwrap(master, index[0])
        self._seal_keys = {w.key_id: (w.algorithm, unwrap(master, w)) for w in seals}
        self._current = max(self._seal_keys)

    def seal(self, table: str, column: str, row_key: object, plain: str) -> bytes:
        """``plain`` sealed with the newest key, bound to its table, column and row."""
        algorithm, key = self._seal_keys[self._current]
        return cipher.seal(algorithm, self._current, key, plain, cipher.associated_data(table, column, row_key))

    def open(self, table: str, column: str, row_key: object, sealed: bytes) -> str:
        """The clear value of a sealed value read from ``table.column`` of row ``row_key``."""
        entry = self._seal_keys.get(cipher.key_id_of(bytes(sealed)))
        if entry is None:
            raise cipher.DecryptError("sealed with a data key this store does not have")
        algorithm, key = entry
        return cipher.open_sealed(algorithm, key, bytes(sealed), cipher.associated_data(table, column, row_key))

    def index(self, field: str, value: str) -> bytes:
        """The blind index of a whole value."""
        return blind.blind_index(self._index_key, field, value)

    def tail(self, field: str, typed: str) -> bytes:
        """The blind index of the last digits a clerk typed."""
        return blind.tail_index(self._index_key, field, typed)

    def tails(self, field: str, value: str) -> list[bytes]:
        """The blind indexes of every tail of a value a clerk may type (4 digits and more)."""
        return blind.tail_indexes(self._index_key, field, value)
