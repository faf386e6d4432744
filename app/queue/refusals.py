"""Why a counter's command is refused: one place for each message, so that the program's own
checks (SQLite) and the store's answers (PostgreSQL, :mod:`app.queue.desk_commands`) tell the
user the same thing."""

from __future__ import annotations

from app.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from app.queue.rules import TICKET

COUNTER = QT_TRANSLATE_NOOP("fields", "Counter")


def no_counter() -> NotFound:
    return NotFound(QT_TRANSLATE_NOOP("errors", "That counter does not exist in your scope."), field=COUNTER)


def no_ticket() -> NotFound:
    return NotFound(QT_TRANSLATE_NOOP("errors", "That ticket does not exist in your scope."), field=TICKET)


def closed(counter: str) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("errors", "counter {number} is closed"), field=COUNTER, number=counter)


def no_service(counter: str) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP(
        "errors", "counter {number} has no service assigned: ask the lobby manager to assign one"),
        field=COUNTER, number=counter)


def holds(counter: str, number: str) -> ConflictError:
    return ConflictError(QT_TRANSLATE_NOOP(
        "errors", "Counter {counter} still holds {number}: finish it, transfer it or mark a no-show first."),
        field=COUNTER, counter=counter, number=number)


def not_signed_in(counter: str) -> ConflictError:
    return ConflictError(QT_TRANSLATE_NOOP(
        "errors", "You are not signed in at counter {number} on this PC any more: sign in again."),
        field=COUNTER, number=counter)


def not_held(counter: str, number: str) -> ConflictError:
    return ConflictError(QT_TRANSLATE_NOOP(
        "errors", "Ticket {number} is not at counter {counter}; only its own counter may do this."),
        field=TICKET, number=number, counter=counter)
