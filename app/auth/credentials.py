"""Where passwords live: argon2id hashes in the store (SQLite) or PostgreSQL login roles.

Account services talk to this small interface so that the same service code runs on both
engines; on PostgreSQL every staff account is its own login role and the server checks the
password, so no shared database password sits on any PC.
"""

from __future__ import annotations

from typing import Protocol

from app.auth.passwords import hash_password
from db.models import StaffAccount

DB_ROLE_PREFIX = "vd_"  # SQLite: informative only; PostgreSQL uses the store's own prefix


class Credentials(Protocol):
    def login_role_name(self, uow, username: str) -> str:
        """The value of ``StaffAccount.db_role`` for a new account (its login role on PostgreSQL)."""

    def create_login(self, uow, account: StaffAccount, password: str) -> None:
        """Give a new account its password (and, on PostgreSQL, its login role)."""

    def set_password(self, uow, account: StaffAccount, password: str) -> None:
        """Replace an account's password."""

    def set_login_allowed(self, uow, account: StaffAccount, allowed: bool) -> None:
        """Let the account sign in or not (disabled accounts and lock-outs)."""


class LocalCredentials:
    """SQLite: the app's own argon2id hashes are the only line."""

    def login_role_name(self, uow, username: str) -> str:
        return DB_ROLE_PREFIX + username

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
