"""What every page of the main window is: a :class:`Page` gets a :class:`PageContext` and talks
to the rest of the window only through its signals:

- ``changed(topics)`` after it changed something, so other pages that ``watch`` one of the
  topics reload when they are next shown (every change is also an "audit" change);
- ``sessionEnded(message)`` when a service says the signed-in account may no longer act;
- ``actorChanged(actor)`` when the signed-in person's own details changed.

It lives in ``ui`` itself, beside the other shared widgets, because every capability's page
derives from it while the capabilities never import one another (the layer contracts).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QWidget

from app.auth.signin import SignedIn
from app.errors import SessionExpired, UserError
from ui.dialogs import Dialogs
from ui.messages import error_text
from ui.tables import fit_tables

# Topics a page's ``changed`` names and other pages ``watch``.
BRANCHES, ACCOUNTS, POLICY, AUDIT, ME = "branches", "accounts", "policy", "audit", "me"


@dataclass
class PageContext:
    """What a page needs: the signed-in session (replaced when the actor changes) and dialogs."""

    session: SignedIn
    dialogs: Dialogs

    @property
    def store(self):
        return self.session.store

    @property
    def actor(self):
        return self.session.actor


class Page(QWidget):
    """Base of every page. Subclasses build their widgets, implement ``refresh`` and
    ``retranslateUi``, and set ``watches`` to the topics they show."""

    changed = Signal(object)       # frozenset[str]
    sessionEnded = Signal(str)
    actorChanged = Signal(object)  # Actor

    watches: frozenset[str] = frozenset()

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.dialog = None  # the form dialog open on this page, if any
        self._stale = True

    def open_form(self, dialog, on_saved):
        """Open a :class:`ui.forms.FormDialog` window-modally: ``on_saved`` gets its result, a
        conflict reloads the page, an ended session is passed on."""
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

    def on_changed(self, topics: frozenset[str]) -> None:
        """Another page changed ``topics``: reload now if shown, else when next shown."""
        if topics & self.watches:
            self._stale = True
            if self.isVisible():
                self.activate()

    def activate(self) -> None:
        """The page is being shown: reload it if something it shows may have changed."""
        if self._stale:
            self._stale = False
            self.refresh()

    def announce(self, *topics: str) -> None:
        self.changed.emit(frozenset(topics) | {AUDIT})

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
