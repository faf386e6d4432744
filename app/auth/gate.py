"""What sign-in and first start share on both engines (:mod:`app.auth.signin` on SQLite,
:mod:`app.auth.pg_roles` on PostgreSQL, :mod:`app.auth.setup`): who an attempt to enter the
store is audited as, and how its outcome becomes a signed-in session or an error.

Kept below the engine-specific modules so that neither imports the other's private names.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.actor import Actor
from app.business_day import wall_clock
from app.errors import QT_TRANSLATE_NOOP, AuthError
from app.store import Store

SETUP_ACTOR = "setup"
ALREADY_SET_UP = QT_TRANSLATE_NOOP(
    "errors", "This store already has accounts; ask an administrator to create yours.")
WRONG_CREDENTIALS = QT_TRANSLATE_NOOP("errors", "Wrong user name or password.")
LOCKED = QT_TRANSLATE_NOOP(
    "errors", "Too many failed sign-ins: this account is locked until {until} (Beijing time). "
              "An administrator can unlock it sooner.")
DISABLED = QT_TRANSLATE_NOOP("errors", "This account is disabled. Ask an administrator.")
# PostgreSQL: the login's password was changed outside VIP Desk (migration 0027).
RESET_NEEDED = QT_TRANSLATE_NOOP(
    "errors", "The password of this account was changed outside VIP Desk, so the account cannot "
              "sign in. Ask an administrator to reset your password.")


@dataclass(frozen=True)
class SignedIn:
    """A signed-in session: the store as this person reaches it, and who they are."""

    store: Store
    actor: Actor


def signed_in_or_refused(store: Store, outcome: str, until, actor: Actor | None) -> SignedIn:
    """The session of a sign-in whose ``outcome`` is "ok", else the :class:`AuthError` that says
    why not (the same words on both engines)."""
    if outcome == "ok" and actor is not None:
        return SignedIn(store, actor)
    if outcome == "locked":
        raise AuthError(LOCKED, until=wall_clock(until).strftime("%Y-%m-%d %H:%M"))
    if outcome == "disabled":
        raise AuthError(DISABLED)
    if outcome == "reset_needed":
        raise AuthError(RESET_NEEDED)
    raise AuthError(WRONG_CREDENTIALS)


def gatekeeper(username: str) -> Actor:
    """The actor that audit events of a sign-in attempt are written as."""
    return Actor.batch(f"signin:{username[:32]}")
