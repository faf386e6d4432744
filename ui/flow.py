"""The desk's life: login window -> (password change) -> main window -> back to login.

:class:`DeskFlow` owns the windows in turn and the open store. It shows the login window
first and opens the store off the GUI thread; ``finished(code)`` asks the application to
quit with that exit code (non-zero when the store could not be opened).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ui.background import run_in_background
from ui.dialogs import Dialogs
from ui.language import Language
from ui.login.window import LoginWindow

EXIT_STORE_PROBLEM = 2


class DeskFlow(QObject):
    finished = Signal(int)
    mainWindowShown = Signal(object)   # MainWindow

    def __init__(self, *, store_url: str | None, demo: bool, dialogs: Dialogs, language: Language,
                 idle_timeout_ms: int | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store_url, self.demo = store_url, demo
        self.dialogs, self.language = dialogs, language
        self.idle_timeout_ms = idle_timeout_ms
        self.opened = None
        self.main_window = None
        self.login = LoginWindow(language)
        self.login.signedIn.connect(self._signed_in)
        self.login.firstAdministratorRequested.connect(self.ask_first_administrator)
        self.first_run_dialog = None
        self.password_dialog = None
        self.problem = ""   # why the store could not be opened, in English (for stderr)

    def start(self) -> None:
        """Show the login window, and open the store once the event loop runs: the window
        paints first, before the opening's imports compete with it (start-up budget)."""
        self.login.show()
        QTimer.singleShot(0, self._open_store)

    def _open_store(self) -> None:
        from ui.startup import open_for_gui

        url, demo = self.store_url, self.demo
        run_in_background(self.login, lambda _p: open_for_gui(url, demo),
                          on_success=self._store_opened, on_failure=self._store_failed)

    def close(self) -> None:
        """Release the store (a demo store's folder is removed)."""
        if self.opened is not None:
            self.opened.close()
            self.opened = None

    # -- opening ----------------------------------------------------------------------------
    def _store_opened(self, opened) -> None:
        self.opened = opened
        self.login.set_store(opened.store, demo_logins=opened.demo_logins,
                             needs_first_administrator=opened.needs_first_administrator)
        if opened.key_problem:     # the store opens for sign-in; personal data says why it cannot show
            self.login.show_message(opened.key_problem)
        if opened.needs_first_administrator:
            self.ask_first_administrator()

    def _store_failed(self, error: BaseException) -> None:
        from app.errors import UserError
        from ui.messages import error_text
        from ui.startup import StartupProblem

        if isinstance(error, StartupProblem):
            text, details = error.translated(), error.details
        elif isinstance(error, UserError):
            text, details = error_text(error), ""
        else:
            raise error
        self.problem = " ".join(str(error).split())
        self.login.set_failed()
        self.dialogs.error(self.login, self.tr("VIP Desk cannot start"), text, details)
        self.finished.emit(EXIT_STORE_PROBLEM)

    def ask_first_administrator(self) -> None:
        from ui.login.first_run import FirstAdministratorDialog

        dialog = FirstAdministratorDialog(self.opened.store, self.login)
        dialog.saved.connect(lambda _r: self.login.first_administrator_created(dialog.created_username))
        dialog.finished.connect(dialog.deleteLater)
        self.first_run_dialog = dialog
        dialog.open()

    # -- signing in and out -----------------------------------------------------------------
    def _signed_in(self, session) -> None:
        if session.actor.must_change_password:
            from ui.login.change_password import ChangePasswordDialog

            dialog = ChangePasswordDialog(session, self.login)
            dialog.saved.connect(lambda actor: self._show_main(type(session)(session.store, actor)))
            dialog.rejected.connect(lambda: self.login.reset(self.tr(
                "You must choose your own password before you can continue.")))
            dialog.finished.connect(dialog.deleteLater)
            self.password_dialog = dialog
            dialog.open()
            return
        self._show_main(session)

    def _show_main(self, session) -> None:
        from ui.shell.window import MainWindow

        window = MainWindow(session, dialogs=self.dialogs, language=self.language,
                            idle_timeout_ms=self.idle_timeout_ms)
        window.signedOut.connect(self._signed_out)
        self.main_window = window
        window.show()
        self.login.hide()
        self.mainWindowShown.emit(window)

    def _signed_out(self, message: str) -> None:
        self.main_window = None
        self.login.reset(message)
        self.login.show()
        self.login.activateWindow()
