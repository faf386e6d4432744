"""On-the-spot authorisation (现场授权): the second person of a dual-control action enters their
user name and password on the maker's PC instead of signing in on a PC of their own.

Why: branches expect the checker to walk over to the counter and authorise there. The checker
is checked exactly as their own sign-in would check them (:func:`app.auth.signin.sign_in`):
wrong passwords count towards *their* lock-out, a locked or disabled account is refused with
the sign-in's message. What they authorise then runs as them: on SQLite as their actor; on
PostgreSQL over a connection opened as their own database login, so the database's checks
(the second person differs from the maker, their permissions, their branch scope) and the
audit event's actor are the checker's, never the maker's. That connection is closed as soon as
the action is done; the maker stays signed in on the PC.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.actor import Actor
from app.auth.gate import SignedIn
from app.auth.signin import sign_in
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationError
from app.store import Store

AUTHORISED_BY = QT_TRANSLATE_NOOP("fields", "Authorising person")
TEMPORARY_PASSWORD = QT_TRANSLATE_NOOP(
    "errors", "{name} still has the temporary password an administrator gave: they sign in on their "
              "own PC and choose their own password first")
SAME_PERSON = QT_TRANSLATE_NOOP(
    "errors", "must be someone other than {name}, who is signed in on this PC")


@contextmanager
def countersigned(store: Store, actor: Actor, username: str, password: str) -> Iterator[SignedIn]:
    """The checker's own session for one action on ``actor``'s PC, closed when it ends.

    Raises :class:`app.errors.AuthError` as a sign-in would (wrong password, locked, disabled),
    and refuses the person already signed in here, before their password is tried, and a
    checker still on a temporary password (whoever set it would know it)."""
    name = (username or "").strip().lower()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"), field=AUTHORISED_BY)
    if name == actor.username:
        raise PermissionDenied(SAME_PERSON, field=AUTHORISED_BY, name=actor.display_name)
    checker = sign_in(store, name, password, keep_store=True)
    try:
        if checker.actor.must_change_password:  # a temporary password someone else has seen
            raise PermissionDenied(TEMPORARY_PASSWORD, field=AUTHORISED_BY, name=checker.actor.display_name)
        yield checker
    finally:
        if checker.store is not store:
            checker.store.engine.dispose()
