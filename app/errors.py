"""Errors a user must read: each carries an English source template and named parameters.

The GUI translates ``template`` (and ``field``) through Qt's translator in the "errors" context
before formatting; the CLI prints the English text. ``QT_TRANSLATE_NOOP`` only marks a string
for pyside6-lupdate so that messages raised here land in the translation source.
"""

from __future__ import annotations

CONTEXT = "errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class UserError(Exception):
    """Something the user can understand and act on; nothing was changed."""

    def __init__(self, template: str, *, field: str | None = None, **params: object):
        self.template = template
        self.field = field
        self.params = params
        super().__init__(str(self))

    def __str__(self) -> str:
        reason = self.template.format(**self.params)
        return f"{self.field}: {reason}" if self.field else reason


class ValidationError(UserError):
    """Bad input: ``field`` names the field, the template the reason."""


class ValidationErrors(ValidationError):
    """Several fields are wrong at once: a form says all of them in one go. ``problems`` holds
    one :class:`ValidationError` per field, in the form's order; the first stands for them
    where only one can be shown."""

    def __init__(self, problems: list[ValidationError]):
        self.problems = list(problems)
        first = self.problems[0]
        super().__init__(first.template, field=first.field, **first.params)

    def __str__(self) -> str:
        return "; ".join(str(problem) for problem in getattr(self, "problems", ()))


def raise_all(problems: list[ValidationError]) -> None:
    """Raise nothing for no problem, the problem itself for one, :class:`ValidationErrors` for more."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ValidationErrors(problems)


class PermissionDenied(UserError):
    """The acting user may not do this here."""


class NotFound(UserError):
    """The thing asked for does not exist (or is outside the user's branch scope)."""


class ConflictError(UserError):
    """Someone else changed the same thing first; reload and try again."""


class AuthError(UserError):
    """Sign-in refused: wrong credentials, locked or disabled account."""


class SessionExpired(UserError):
    """The signed-in session is no longer valid; sign in again."""


class StoreUnavailable(UserError):
    """The store did not answer or cannot be used as it is."""


CHANGED_BY_SOMEONE_ELSE = QT_TRANSLATE_NOOP(
    "errors", "This record was changed by someone else. Reload it and make your change again.")
STORE_BUSY = QT_TRANSLATE_NOOP(
    "errors", "The store is busy: another program has been writing to it for too long. "
              "Nothing was saved; try again in a moment.")
STORE_DID_NOT_ANSWER = QT_TRANSLATE_NOOP(
    "errors", "The store did not answer; nothing was saved. Check the connection and try again.")
# The connection was lost at the commit of a command that creates something (app.store).
LOST_NOT_SAVED = QT_TRANSLATE_NOOP(
    "errors", "The connection to the store was lost as this was being saved. The store says it "
              "was not saved: do it again.")
# The connection was lost during a counter's one-statement command (app.store.Store.command),
# which may or may not have reached the store; the counter's screen is refreshed from the store.
COMMAND_OUTCOME_UNSEEN = QT_TRANSLATE_NOOP(
    "errors", "The connection to the store was lost during this, so whether it was done is not "
              "known. The screen shows what the store holds as soon as it answers again.")
OUTCOME_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "The connection to the store was lost as this was being saved, and the store has "
              "not answered since: whether it was saved is not known. Look for it in the lists "
              "before doing it again.")


class Cancelled(Exception):
    """The user stopped a long operation before it finished; nothing was changed."""
