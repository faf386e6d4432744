"""Password hashing for SQLite stores: argon2id with OWASP's recommended parameters."""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP's argon2id recommendation (19 MiB, 2 iterations, 1 lane): a counter PC signs in fast
# while an offline guess still costs 19 MiB of memory each.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)
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
