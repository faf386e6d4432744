"""One personal-data value sealed with authenticated encryption, bound to where it is stored.

A sealed value is ``version | key id | nonce | ciphertext and tag``: the key id names the data
key (so values sealed before a rotation of the data key still open), the associated data is
``table.column:row key``, so that swapping two customers' ciphertexts, or an ID number's
ciphertext into the phone column, makes the tag check fail instead of showing the wrong value.
"""

from __future__ import annotations

import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

AES_GCM = "aes-256-gcm"
SM4_GCM = "sm4-gcm"           # GB/T 32907 block cipher in GCM mode (OpenSSL's SM4 via cryptography)
ALGORITHMS = (AES_GCM, SM4_GCM)
KEY_BYTES = {AES_GCM: 32, SM4_GCM: 16}

_VERSION = 1
_HEADER = struct.Struct(">BI")     # format version, data key id
_NONCE = 12
_TAG = 16


class DecryptError(Exception):
    """A sealed value does not open: wrong key, wrong row or column, or altered bytes."""


def associated_data(table: str, column: str, row_key: object) -> bytes:
    """What a value is bound to: its table, its column and its row's key."""
    return f"{table}.{column}:{row_key}".encode()


def _sm4_seal(key: bytes, nonce: bytes, plain: bytes, aad: bytes) -> bytes:
    encryptor = Cipher(algorithms.SM4(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(aad)
    return encryptor.update(plain) + encryptor.finalize() + encryptor.tag


def _sm4_open(key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
    decryptor = Cipher(algorithms.SM4(key), modes.GCM(nonce, sealed[-_TAG:])).decryptor()
    decryptor.authenticate_additional_data(aad)
    return decryptor.update(sealed[:-_TAG]) + decryptor.finalize()


def seal(algorithm: str, key_id: int, key: bytes, plain: str, aad: bytes) -> bytes:
    """``plain`` encrypted under data key ``key_id`` and bound to ``aad``."""
    nonce = os.urandom(_NONCE)
    data = plain.encode("utf-8")
    body = AESGCM(key).encrypt(nonce, data, aad) if algorithm == AES_GCM else _sm4_seal(key, nonce, data, aad)
    return _HEADER.pack(_VERSION, key_id) + nonce + body


def key_id_of(sealed: bytes) -> int:
    """The id of the data key a value was sealed with."""
    if len(sealed) < _HEADER.size + _NONCE + _TAG or sealed[0] != _VERSION:
        raise DecryptError("not a sealed value")
    return _HEADER.unpack_from(sealed)[1]


def open_sealed(algorithm: str, key: bytes, sealed: bytes, aad: bytes) -> str:
    """The clear text of a value sealed by :func:`seal` with this key and ``aad``."""
    key_id_of(sealed)
    nonce = sealed[_HEADER.size:_HEADER.size + _NONCE]
    body = bytes(sealed[_HEADER.size + _NONCE:])
    try:
        data = AESGCM(key).decrypt(nonce, body, aad) if algorithm == AES_GCM else _sm4_open(key, nonce, body, aad)
    except InvalidTag:
        raise DecryptError("the value does not belong here or was altered") from None
    return data.decode("utf-8")
