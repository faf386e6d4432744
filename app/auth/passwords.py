"""Password hashing for SQLite stores: argon2id with argon2-cffi's defaults (above OWASP's floor)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id, t=3, m=64 MiB, p=4
# A real hash of a random password: verifying against it costs what a real check costs, so an
# unknown user name takes as long to refuse as a wrong password.
_DUMMY = _hasher.hash("no account has this password 7f3a")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; an absent hash is checked against a dummy (same cost)."""
    try:
        return _hasher.verify(stored_hash or _DUMMY, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
