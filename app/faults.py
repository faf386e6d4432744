"""What a failure of the store means to the user: one classification for every write path.

The ORM's statements fail as SQLAlchemy's ``DBAPIError`` wrapping the driver's error; the bulk
paths that talk to the driver directly (the AUM import's ``json_each`` insert and ``COPY``, the
care figures' rebuild) fail with the driver's own ``sqlite3.Error`` or ``psycopg.Error``. Both
are classified here, by SQLite's message or PostgreSQL's SQLSTATE, into the
:class:`app.errors.UserError` a person can act on: busy, full, read-only, refused, gone. The
unit of work (:mod:`app.store`) raises what this returns, and the command line uses it as its
last line so that no store fault reaches a user as a traceback.
"""

from __future__ import annotations

from app.errors import (
    CHANGED_BY_SOMEONE_ELSE, QT_TRANSLATE_NOOP, STORE_BUSY, STORE_DID_NOT_ANSWER, ConflictError,
    PermissionDenied, StoreUnavailable, UserError,
)

# PostgreSQL's last line (privileges, row-level security) refused what the app's checks let by.
INSUFFICIENT_PRIVILEGE = "42501"
# A lock wait or a statement ran out of time (the staff logins' lock_timeout and
# statement_timeout): most often someone holds what this action needs.
TIMED_OUT = {"55P03", "57014"}
UNIQUE_VIOLATION = "23505"
READ_ONLY_TRANSACTION = "25006"      # a standby, or default_transaction_read_only
OUT_OF_RANGE = "22003"

REFUSED_BY_THE_STORE = QT_TRANSLATE_NOOP(
    "errors", "The store refused this for your account (branch scope or permission); nothing was saved.")
STORE_FULL = QT_TRANSLATE_NOOP(
    "errors", "The store's disk is full; nothing was saved. Free some space on it and try again.")
STORE_READ_ONLY = QT_TRANSLATE_NOOP(
    "errors", "The store can only be read here (a read-only file, disk or server); nothing was saved.")
STORE_DISK_FAILED = QT_TRANSLATE_NOOP(
    "errors", "The store's disk failed to read or write (full, read-only or failing); nothing was saved.")
STORE_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "errors", "A figure is larger than the store can compute with; nothing was saved.")


def driver_error(exc: BaseException) -> BaseException | None:
    """The database driver's error behind ``exc`` (itself, or what SQLAlchemy wrapped), or
    None when ``exc`` is not a store failure."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        return exc.orig if exc.orig is not None else exc
    if type(exc).__module__.startswith(("sqlite3", "psycopg")):
        return exc
    return None


def translate(exc: BaseException) -> UserError | None:
    """The user's error for store failure ``exc`` (ORM or raw driver), or None when it is not
    one this module knows (then it is a bug, and stays a traceback)."""
    from sqlalchemy.exc import DBAPIError, IntegrityError
    from sqlalchemy.orm.exc import StaleDataError

    if isinstance(exc, (StaleDataError, IntegrityError)):
        return ConflictError(CHANGED_BY_SOMEONE_ELSE)
    orig = driver_error(exc)
    if orig is None:
        return None
    if type(orig).__module__.startswith("psycopg"):
        found = _postgresql(orig)
    else:
        found = _sqlite(str(orig).lower())
    if found is None and isinstance(exc, DBAPIError) and exc.connection_invalidated:
        found = StoreUnavailable(STORE_DID_NOT_ANSWER)
    return found


def is_timeout(exc: BaseException) -> bool:
    """A PostgreSQL lock wait or statement that ran out of time."""
    orig = driver_error(exc)
    return getattr(orig, "sqlstate", None) in TIMED_OUT


def _sqlite(message: str) -> UserError | None:
    if "locked" in message or "busy" in message:
        return StoreUnavailable(STORE_BUSY)
    if "disk is full" in message:
        return StoreUnavailable(STORE_FULL)
    if "readonly" in message or "read-only" in message:
        return StoreUnavailable(STORE_READ_ONLY)
    if "disk i/o" in message:
        return StoreUnavailable(STORE_DISK_FAILED)
    if "unable to open" in message:
        return StoreUnavailable(STORE_DID_NOT_ANSWER)
    if "constraint failed" in message:
        return ConflictError(CHANGED_BY_SOMEONE_ELSE)
    return None


def _postgresql(orig: BaseException) -> UserError | None:
    state = getattr(orig, "sqlstate", None) or ""
    if state in TIMED_OUT:
        return StoreUnavailable(STORE_BUSY)
    if state == INSUFFICIENT_PRIVILEGE:
        return PermissionDenied(REFUSED_BY_THE_STORE)
    if state == "53100":
        return StoreUnavailable(STORE_FULL)
    if state == READ_ONLY_TRANSACTION:
        return StoreUnavailable(STORE_READ_ONLY)
    if state == OUT_OF_RANGE:
        return StoreUnavailable(STORE_OUT_OF_RANGE)
    if state.startswith(("23", "40")):    # a key or check; a deadlock or serialization failure
        return ConflictError(CHANGED_BY_SOMEONE_ELSE)
    if state.startswith(("08", "57P")) or type(orig).__name__ in {"OperationalError", "AdminShutdown",
                                                                  "InterfaceError"}:
        return StoreUnavailable(STORE_DID_NOT_ANSWER)
    return None
