"""What every page of the main window is: a :class:`Page` gets a :class:`PageContext` and talks
to the rest of the window only through it and its signals:

- the change bus (:mod:`ui.changes`): the tables its commands changed, as the store reported
  them, go to every page that ``watches`` one of them (it reloads now if shown, else when next
  shown); commands and form saves run off the GUI thread (:meth:`Page.run_command`);
- ``sessionEnded(message)`` when a service says the signed-in account may no longer act;
- ``actorChanged(actor)`` when the signed-in person's own details changed.

It lives in ``ui`` itself, beside the other shared widgets, because every capability's page
derives from it while the capabilities never import one another (the layer contracts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from app.auth.signin import SignedIn
from app.changes import Outcome, recorded
from app.errors import SessionExpired, UserError
from ui.background import Progress, Task, run_in_background
from ui.changes import ChangeBus
from ui.dialogs import Dialogs
from ui.messages import error_text
from ui.tables import fit_tables


@dataclass
class PageContext:
    """What a page needs: the signed-in session (replaced when the actor changes) and dialogs."""

    session: SignedIn
    dialogs: Dialogs
    changes: ChangeBus = field(default_factory=ChangeBus)

    @property
    def store(self):
        return self.session.store

    @property
    def actor(self):
        return self.session.actor


class Page(QWidget):
    """Base of every page. Subclasses build their widgets, implement ``refresh`` and
    ``retranslateUi``, and set ``watches`` to the tables they show (``db.models`` names)."""

    sessionEnded = Signal(str)
    actorChanged = Signal(object)  # Actor

    watches: frozenset[str] = frozenset()

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.dialog = None  # the form dialog open on this page, if any
        self._stale = True
        context.changes.changed.connect(self._heard)

    def open_form(self, dialog, on_saved):
        """Open a :class:`ui.forms.FormDialog` window-modally: ``on_saved`` gets its result, a
        conflict reloads the page, an ended session is passed on."""
        dialog.committed.connect(self.publish)
        dialog.saved.connect(on_saved)
        dialog.conflicted.connect(self.refresh)
        dialog.sessionEnded.connect(self.sessionEnded)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        fit_tables(dialog)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        """Reload what the page shows from the store."""

    def focus_widget(self) -> QWidget | None:
        """Where the keyboard starts when the page opens the session (the search box)."""
        return None

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        """Set every visible text in the current language."""

    def _heard(self, tables: frozenset[str], origin: QObject | None) -> None:
        if origin is not self:
            self.on_changed(tables)

    def on_changed(self, tables: frozenset[str]) -> None:
        """A command elsewhere changed ``tables``: reload now if shown, else when next shown."""
        if tables & self.watches:
            self._stale = True
            if self.isVisible():
                self.activate()

    def activate(self) -> None:
        """The page is being shown: reload it if something it shows may have changed."""
        if self._stale:
            self._stale = False
            self.refresh()

    def publish(self, tables: Iterable[str]) -> None:
        """Tell the other pages what a command of this page changed."""
        self.context.changes.publish(tables, self)

    def run_command(self, work: Callable[[Progress], Any], on_done: Callable[[Any], None] | None = None, *,
                    on_failure: Callable[[BaseException], None] | None = None,
                    on_cancel: Callable[[], None] | None = None, busy: Iterable[QWidget] = (),
                    label: str | None = None, cancellable: bool = False) -> Task:
        """Run the service call ``work(progress)`` off the GUI thread (as
        :func:`ui.background.run_in_background`); what it changed goes to the other pages, then
        ``on_done(result)`` runs; an error goes to ``on_failure`` (default: shown)."""
        def done(outcome: Outcome) -> None:
            self.publish(outcome.changes)
            if on_done is not None:
                on_done(outcome.result)
        return run_in_background(self, lambda progress: recorded(lambda: work(progress)), on_success=done,
                                 on_failure=on_failure or self.show_error, on_cancel=on_cancel, busy=busy,
                                 label=label, cancellable=cancellable)

    def command(self, work: Callable[[], Any]) -> Any:
        """Run the service call ``work()`` now (a quick one whose answer the page needs at
        once) and tell the other pages what it changed; returns its result."""
        outcome = recorded(work)
        self.publish(outcome.changes)
        return outcome.result

    def handle_error(self, error: BaseException, title: str | None = None) -> bool:
        """Show an app error; an ended session is signalled. Returns False for a bug (re-raise)."""
        if isinstance(error, SessionExpired):
            self.sessionEnded.emit(error_text(error))
            return True
        if not isinstance(error, UserError):
            return False
        heading = title or QCoreApplication.translate("Page", "Could not complete the action")
        self.context.dialogs.warn(self, heading, error_text(error))
        return True

    def show_error(self, error: BaseException) -> None:
        """``on_failure`` for background work: shows app errors, re-raises anything else."""
        if not self.handle_error(error):
            raise error

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
