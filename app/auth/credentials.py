"""Where passwords live: argon2id hashes in the store (SQLite) or PostgreSQL login roles.

Account services talk to this small interface so that the same service code runs on both
engines; on PostgreSQL every staff account is its own login role and the server checks the
password, so no shared database password sits on any PC.
"""

from __future__ import annotations

from typing import Protocol

from app.auth.passwords import hash_password
from db.models import StaffAccount


class Credentials(Protocol):
    def create_login(self, uow, account: StaffAccount, password: str) -> None:
        """Give a new account its password (and, on PostgreSQL, its login role)."""

    def set_password(self, uow, account: StaffAccount, password: str) -> None:
        """Replace an account's password."""

    def set_login_allowed(self, uow, account: StaffAccount, allowed: bool) -> None:
        """Let the account sign in or not (disabled accounts and lock-outs)."""


class LocalCredentials:
    """SQLite: the app's own argon2id hashes are the only line."""

    def create_login(self, uow, account: StaffAccount, password: str) -> None:
        self.set_password(uow, account, password)

    def set_password(self, uow, account: StaffAccount, password: str) -> None:
        account.password_hash = hash_password(password)

    def set_login_allowed(self, uow, account: StaffAccount, allowed: bool) -> None:
        """Nothing to do: sign-in reads ``disabled`` and ``locked_until`` itself."""


def credentials_for(store) -> Credentials:
    if store.kind == "postgresql":
        from app.auth.pg_roles import PgCredentials

        return PgCredentials()
    return LocalCredentials()
