"""PostgreSQL: every staff account is its own login role, and the server checks the password.

Why: a desktop client that connects to the database directly must not carry a shared database
password, since whoever holds it could read every branch with any SQL tool. So the app signs a
person in by connecting *as that person's login role* (SCRAM-SHA-256), and the database enforces
the last line itself (migration 0002): row-level security by branch subtree, an insert-only
audit table, no staff role owning tables, bypassing RLS or creating roles.

Threat model. (1) Anyone at a PC may hold the pre-sign-in credentials (the store URL's role,
member of the store's ``signin`` group): with them one can only call the sign-in functions:
count a failed sign-in, learn that an account is locked or disabled, create the first
administrator of an empty store. No table can be read or written. (2) A signed-in person with
psql sees and changes no more than the app lets them: their branch subtree, audit rows only
appended as themselves, role management only for administrators, through functions that check
the subtree. (3) Lock-outs hold in the database (``NOLOGIN``), so a locked or disabled account
cannot connect with any tool, and its open sessions are ended; the clock for them is the
server's. (4) A password changed outside the app (``ALTER ROLE CURRENT_USER PASSWORD`` in psql,
past the app's policy) is found at the next sign-in check anywhere in the store (the login's
verifier differs from the one the app set, migration 0027): the account is blocked
(``NOLOGIN``, sessions ended, audited) until an administrator resets the password. Staff
sessions carry lock, statement and idle-in-transaction timeouts. Not covered: guessing
passwords with a tool straight against the server is not counted by the app (use ``auth_delay``,
network rules and log monitoring), the owner/superuser and the server's administrators, a
compromised PC (key logger), and plaintext networks (use ``sslmode=verify-full``).

Names. Role names are cluster-wide and one server may carry several stores, so migration 0002
draws a per-store prefix: logins are ``vd_<8 hex>_<user name>``, groups ``vdg_<8 hex>_staff``,
``_admin`` and ``_signin``. Passwords never appear in SQL: the client computes the SCRAM
verifier (libpq's ``PQencryptPasswordConn``) and the definer functions accept nothing else.

Sign-in flow. ``vipdesk_signin_check`` (locked, disabled or password changed outside: refused and
audited; an expired lock is lifted and LOGIN given back) -> connect as the login role with the password -> on an
authentication failure ``vipdesk_signin_failed`` counts it, locks at the policy's limit (locked
until + NOLOGIN) and audits; on success ``vipdesk_signin_succeeded``, called over the person's own
connection, resets the count and audits. These functions chain their audit events in SQL (same
digest as :mod:`app.audit.chain`) so the pre-sign-in role needs no table privilege. They use
the app's clock (``Store.clock``) only when the caller is the store's owner (tests, batch
jobs); otherwise the server's clock, so that no client can move a lock-out by claiming a time.
Unlike SQLite, a disabled account is refused before its password is tried.
"""

from __future__ import annotations

import json
from dataclasses import fields

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.actor import Actor
from app.auth.accounts import actor_for
from app.auth.credentials import role_prefix, scram_verifier
from app.auth.gate import ALREADY_SET_UP, SETUP_ACTOR, SignedIn, gatekeeper, signed_in_or_refused
from app.auth.policy import SignInPolicy, check_new_password
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, StoreUnavailable
from app.store import Store
from db.engine import make_engine
from db.models import StaffAccount

# Connection failures that say nothing about the password (libpq / server texts, English).
NOT_ABOUT_THE_PASSWORD = (
    "could not connect", "connection refused", "timeout expired", "too many clients",
    "too many connections", "remaining connection slots are reserved", "the database system is",
    "no pg_hba.conf entry",
    "could not translate host name", "server closed the connection", "does not allow connections",
)


def load_policy_postgresql(session) -> SignInPolicy:
    """The sign-in policy as the pre-sign-in role may read it (stored values over defaults)."""
    stored = session.scalar(text("SELECT vipdesk_signin_policy()"))
    values = json.loads(stored) if stored else {}
    known = {f.name for f in fields(SignInPolicy)}
    return SignInPolicy(**{k: v for k, v in values.items() if k in known})


def sign_in_postgresql(store: Store, username: str, password: str, *, keep_store: bool = False) -> SignedIn:
    """Sign in by connecting as the person's login role; see the module's docstring."""
    username = username.replace("\x00", "")
    with store.write(gatekeeper(username), check_session=False) as uow:
        status, until, login_role = uow.session.execute(
            text("SELECT status, until, login_role FROM vipdesk_signin_check(:u, :now)"),
            {"u": username, "now": uow.now}).one()
    if status != "go":
        return signed_in_or_refused(store, status, until, None)
    engine = None
    if login_role is not None and "\x00" not in password:
        engine = make_engine(store.engine.url.set(username=login_role, password=password))
        try:
            engine.connect().close()
        except DBAPIError as exc:
            engine.dispose()
            engine = None
            if _not_about_the_password(exc):
                raise StoreUnavailable(
                    QT_TRANSLATE_NOOP("errors", "The store {where} did not answer: {reason}"),
                    where=store.describe(), reason=_reason(exc.orig)) from exc
    if engine is None:
        with store.write(gatekeeper(username), check_session=False) as uow:
            status, until = uow.session.execute(
                text("SELECT status, until FROM vipdesk_signin_failed(:u, :now)"),
                {"u": username, "now": uow.now}).one()
        return signed_in_or_refused(store, status, until, None)
    signed_in = Store(engine, clock=store.clock, keys=store.keys)
    try:
        with signed_in.write(gatekeeper(username), check_session=False) as uow:
            status, account_id, until = uow.session.execute(
                text("SELECT status, account_id, until FROM vipdesk_signin_succeeded(:now)"),
                {"now": uow.now}).one()
            actor = actor_for(uow.session.get_one(StaffAccount, account_id)) if status == "ok" else None
    except BaseException:
        engine.dispose()
        raise
    if status != "ok":
        engine.dispose()
        return signed_in_or_refused(store, status, until, None)
    if store.engine.url.username == login_role:  # re-authentication (idle lock): keep the session's store
        engine.dispose()
        signed_in = store
    elif not keep_store:
        # Nobody signs in on this PC again until this person signs out: the pre-sign-in login
        # keeps no idle server connection meanwhile (one connection per working PC, not two).
        store.engine.dispose()
    return signed_in_or_refused(signed_in, "ok", None, actor)


def _not_about_the_password(exc: DBAPIError) -> bool:
    message = str(exc.orig).lower()
    return any(phrase in message for phrase in NOT_ABOUT_THE_PASSWORD)


def _reason(error: object) -> str:
    lines = str(error).strip().splitlines()
    return lines[-1].strip() if lines else type(error).__name__


def needs_first_administrator_postgresql(store: Store) -> bool:
    """True while the store has no account (asked through a definer function)."""
    with store.read() as session:
        return bool(session.scalar(text("SELECT vipdesk_needs_first_administrator()")))


def create_first_administrator_postgresql(store: Store, *, username: str, display_name: str, password: str,
                                          head_office_code: str, head_office_name: str) -> None:
    """The head office (if the tree is empty) and the first administrator with their login.

    One definer function does it all, only while the store has no account (it serializes on an
    advisory lock and audits as ``setup``), so the pre-sign-in role can run it at first start.
    """
    with store.write(Actor.batch(SETUP_ACTOR), check_session=False) as uow:
        session = uow.session
        check_new_password(password, username, load_policy_postgresql(session))
        verifier = scram_verifier(session, role_prefix(session) + username, password)
        created = session.scalar(
            text("SELECT vipdesk_create_first_administrator(:u, :d, :v, :code, :name, :now)"),
            {"u": username, "d": display_name, "v": verifier, "code": head_office_code,
             "name": head_office_name, "now": uow.now})
        if not created:
            raise PermissionDenied(ALREADY_SET_UP)
