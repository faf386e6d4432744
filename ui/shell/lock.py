"""The lock screen: hides the work and asks the same person's password to continue.

Wrong passwords count as sign-in failures (``app.auth.signin.unlock_screen``); when that locks
or has disabled the account, the session ends and the login window comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.auth.gate import DISABLED, LOCKED
from app.auth.signin import unlock_screen
from app.errors import AuthError, UserError
from ui.background import run_in_background
from ui.messages import error_text
from ui.widgets import error_label, password_edit, show_text, styled_label


class LockScreen(QWidget):
    unlocked = Signal(object)      # SignedIn
    sessionEnded = Signal(str)     # why (locked out, disabled)
    signOutRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.session = None
        self.card = QFrame(self)
        self.card.setObjectName("card")
        self.card.setFixedWidth(440)
        self.title = styled_label("title", self.card)
        self.who = QLabel(self.card)
        self.who.setWordWrap(True)
        self.password_label = QLabel(self.card)
        self.password = password_edit(self.card)
        self.password.setObjectName("unlockPassword")
        self.password_label.setBuddy(self.password)
        self.error = error_label(self.card)
        self.unlock_button = QPushButton(self.card)
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setProperty("primary", True)
        self.sign_out_button = QPushButton(self.card)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addSpacing(6)
        layout.addWidget(self.password_label)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.password.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button.clicked.connect(self.signOutRequested)
        self.retranslateUi()

    def lock(self, session) -> None:
        self.session = session
        self.password.clear()
        show_text(self.error, "")
        self._set_busy(False)
        self.retranslateUi()
        self.password.setFocus()

    def try_unlock(self) -> None:
        if self.session is None or not self.unlock_button.isEnabled():
            return
        password = self.password.text()
        if not password:
            show_text(self.error, self.tr("Enter your password."))
            return
        session = self.session
        self._set_busy(True)
        run_in_background(self, lambda _p: unlock_screen(session, password),
                          on_success=self._unlocked, on_failure=self._refused)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.password, self.unlock_button, self.sign_out_button):
            widget.setEnabled(not busy)

    def _unlocked(self, session) -> None:
        self._set_busy(False)
        self.password.clear()
        self.session = session
        self.unlocked.emit(session)

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, UserError):
            raise error
        self.password.clear()
        if isinstance(error, AuthError) and error.template in (LOCKED, DISABLED):
            self.sessionEnded.emit(error_text(error))
            return
        show_text(self.error, error_text(error))
        self.password.setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802
        self.title.setText(self.tr("Screen locked"))
        name = self.session.actor.display_name if self.session else ""
        user = self.session.actor.username if self.session else ""
        self.who.setText(self.tr(
            "The screen was locked to protect customer data. {name} ({user}), enter your "
            "password to continue.").format(name=name, user=user))
        self.password_label.setText(self.tr("&Password"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.sign_out_button.setText(self.tr("Sign out"))
