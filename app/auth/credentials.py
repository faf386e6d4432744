"""Where passwords live, one strategy per engine: argon2id hashes in the store (SQLite) or
PostgreSQL login roles (:mod:`app.auth.pg_roles` says why).

Account services and first start talk to this small interface so that the same service code
runs on both engines; on PostgreSQL every staff account is its own login role and the server
checks the password, so no shared database password sits on any PC. Both strategies live here,
below every service that uses them.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import text

from app.auth.passwords import hash_password
from db.models import StaffAccount
from app.store import Store

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


def _raw(session):
    """The psycopg connection under a session (for libpq's password encryption)."""
    return session.connection().connection.driver_connection


def scram_verifier(session, role: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed here: the server never sees the text."""
    pgconn = _raw(session).pgconn
    return pgconn.encrypt_password(password.encode("utf-8"), role.encode("utf-8"),
                                   b"scram-sha-256").decode("ascii")


def role_prefix(session) -> str:
    return session.scalar(text("SELECT vipdesk_role_prefix()"))


class PgCredentials:
    """Account passwords as PostgreSQL login roles, managed through the store's definer functions."""

    def login_role_name(self, uow, username: str) -> str:
        return role_prefix(uow.session) + username

    def create_login(self, uow, account: StaffAccount, password: str) -> None:
        session = uow.session
        session.flush()
        session.execute(text("SELECT vipdesk_create_login(:id, :verifier)"),
                        {"id": account.id, "verifier": scram_verifier(session, account.db_role, password)})

    def set_password(self, uow, account: StaffAccount, password: str) -> None:
        session = uow.session
        session.flush()
        session.execute(text("SELECT vipdesk_set_password(:id, :verifier)"),
                        {"id": account.id, "verifier": scram_verifier(session, account.db_role, password)})

    def set_login_allowed(self, uow, account: StaffAccount, allowed: bool) -> None:
        session = uow.session
        session.flush()  # the function reads the row's disabled / locked_until
        session.execute(text("SELECT vipdesk_set_login(:id, :allowed, :now)"),
                        {"id": account.id, "allowed": allowed, "now": uow.now})


def credentials_for(store: Store) -> Credentials:
    """The strategy of ``store``'s engine."""
    if store.kind == "postgresql":
        return PgCredentials()
    return LocalCredentials()
