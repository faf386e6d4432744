"""The login window: user name, password, language, the store it signs in to.

It appears before the store is open (so start-up is quick) and enables signing in once the
flow hands it the store. Signing in runs off the GUI thread (password hashing takes a moment);
``signedIn`` fires with the :class:`app.auth.signin.SignedIn` session.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.background import run_in_background
from ui.language import LANGUAGE_NAMES, Language
from ui.login.demo_logins import DemoLoginsCard
from ui.widgets import error_label, password_edit, show_text, styled_label


class LoginWindow(QWidget):
    signedIn = Signal(object)                 # SignedIn
    firstAdministratorRequested = Signal()

    def __init__(self, language: Language, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loginWindow")
        self.language = language
        self.store = None
        self.demo_logins: list = []
        self._status = "connecting"   # connecting | ready | no_accounts | failed | busy
        self.resize(1280, 720)
        self.setMinimumSize(900, 600)

        # the sign-in card
        self.card = QFrame(self)
        self.card.setObjectName("card")
        self.card.setFixedWidth(420)
        self.title = styled_label("title", self.card)
        self.subtitle = styled_label("hint", self.card, wrap=True)
        self.username_label = QLabel(self.card)
        self.username = QLineEdit(self.card)
        self.username.setObjectName("username")
        self.username.setMaxLength(64)
        self.username_label.setBuddy(self.username)
        self.password_label = QLabel(self.card)
        self.password = password_edit(self.card)
        self.password.setObjectName("password")
        self.password_label.setBuddy(self.password)
        self.error = error_label(self.card)
        self.error.setObjectName("loginError")
        self.sign_in_button = QPushButton(self.card)
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.setProperty("primary", True)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setAutoDefault(True)
        self.status = styled_label("hint", self.card, wrap=True)
        self.first_admin_button = QPushButton(self.card)
        self.first_admin_button.setVisible(False)

        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(32, 28, 32, 28)
        card_layout.setSpacing(8)
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.subtitle)
        card_layout.addSpacing(10)
        card_layout.addWidget(self.username_label)
        card_layout.addWidget(self.username)
        card_layout.addSpacing(4)
        card_layout.addWidget(self.password_label)
        card_layout.addWidget(self.password)
        card_layout.addWidget(self.error)
        card_layout.addSpacing(10)
        card_layout.addWidget(self.sign_in_button)
        card_layout.addWidget(self.first_admin_button)
        card_layout.addWidget(self.status)

        self.demo_card = DemoLoginsCard(self)   # demo logins (only with --demo)
        self.demo_card.chosen.connect(self._fill_login)
        self.demo_card.signInRequested.connect(lambda login: (self._fill_login(login), self.sign_in()))

        # language switch, top right; the store, bottom
        self.language_label = QLabel(self)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_label.setBuddy(self.language_box)
        self.store_label = styled_label("hint", self)
        self.store_label.setObjectName("storeLabel")

        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.language_label)
        top.addWidget(self.language_box)
        middle = QHBoxLayout()
        middle.addStretch(1)
        centred = QVBoxLayout()   # the card at its own height, centred (stretches, not Qt's
        centred.addStretch(1)     # alignment flag: the Qt namespace costs start-up time)
        centred.addWidget(self.card)
        centred.addStretch(1)
        middle.addLayout(centred)
        middle.addSpacing(24)
        middle.addWidget(self.demo_card, 0)
        middle.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.store_label)
        bottom.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 12)
        outer.addLayout(top)
        outer.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(1)
        outer.addLayout(bottom)

        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.sign_in)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.first_admin_button.clicked.connect(self.firstAdministratorRequested)
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        language.changed.connect(self._sync_language_box)
        self._sync_language_box(language.current)
        self._apply_status()
        self.retranslateUi()

    # -- states ---------------------------------------------------------------------------
    def set_store(self, store, *, demo_logins=(), needs_first_administrator: bool = False) -> None:
        """The store is open: show where it is and let people sign in."""
        self.store = store
        self.demo_logins = list(demo_logins)
        from PySide6.QtCore import Qt   # not before the window shows (start-up budget)

        self.store_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._status = "no_accounts" if needs_first_administrator else "ready"
        self.demo_card.set_logins(self.demo_logins)
        self._apply_status()
        self.retranslateUi()
        (self.first_admin_button if needs_first_administrator else self.username).setFocus()

    def set_failed(self) -> None:
        """The store could not be opened; nothing can be done here any more."""
        self._status = "failed"
        self._apply_status()
        self.retranslateUi()

    def first_administrator_created(self, username: str) -> None:
        self._status = "ready"
        self._apply_status()
        self.retranslateUi()
        self.username.setText(username)
        self.password.clear()
        self.password.setFocus()

    def show_message(self, text: str) -> None:
        """A reason shown above the button, e.g. why the last session ended."""
        show_text(self.error, text)

    def reset(self, message: str = "") -> None:
        """Back to an empty password (after signing out or a refused password change)."""
        self.password.clear()
        self.show_message(message)
        if self._status == "busy":
            self._status = "ready"
        self._apply_status()
        self.retranslateUi()
        (self.password if self.username.text() else self.username).setFocus()

    @property
    def ready(self) -> bool:
        return self._status == "ready"

    def _apply_status(self) -> None:
        ready = self._status == "ready"
        for widget in (self.username, self.password, self.sign_in_button):
            widget.setEnabled(ready)
        self.first_admin_button.setVisible(self._status == "no_accounts")
        self.demo_card.table.setEnabled(ready)

    # -- demo -------------------------------------------------------------------------------
    def fill_demo_login(self, row: int) -> None:
        """Put the demo login of ``row`` into the form."""
        if 0 <= row < len(self.demo_logins):
            self._fill_login(self.demo_logins[row])

    def _fill_login(self, login) -> None:
        if not self.ready:
            return
        self.username.setText(login.username)
        self.password.setText(login.password)
        self.show_message("")
        self.sign_in_button.setFocus()

    # -- signing in -------------------------------------------------------------------------
    def _username_entered(self) -> None:
        if self.password.text():
            self.sign_in()
        else:
            self.password.setFocus()

    def sign_in(self) -> None:
        if not self.ready:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.show_message(self.tr("Enter your user name and password."))
            (self.password if username else self.username).setFocus()
            return
        store = self.store
        self._status = "busy"
        self.show_message("")
        self._apply_status()
        self.retranslateUi()

        def work(_progress):
            from app.auth.signin import sign_in

            return sign_in(store, username, password)

        run_in_background(self, work, on_success=self._signed_in, on_failure=self._refused)

    def _signed_in(self, session) -> None:
        self._status = "ready"
        self.password.clear()
        self._apply_status()
        self.retranslateUi()
        self.signedIn.emit(session)

    def _refused(self, error: BaseException) -> None:
        from app.errors import UserError
        from ui.messages import error_text

        self._status = "ready"
        self._apply_status()
        self.retranslateUi()
        if not isinstance(error, UserError):
            raise error
        self.password.clear()
        self.show_message(error_text(error))
        self.password.setFocus()

    # -- language ---------------------------------------------------------------------------
    def _language_chosen(self, index: int) -> None:
        code = self.language_box.itemData(index)
        if code and code != self.language.current:
            self.language.set(code)

    def _sync_language_box(self, code: str) -> None:
        index = self.language_box.findData(code)
        if index >= 0 and index != self.language_box.currentIndex():
            self.language_box.blockSignals(True)
            self.language_box.setCurrentIndex(index)
            self.language_box.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("VIP Desk — Sign in"))
        self.title.setText(self.tr("VIP Desk"))
        self.subtitle.setText(self.tr("Sign in with your staff account."))
        self.username_label.setText(self.tr("&User name"))
        self.password_label.setText(self.tr("&Password"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.first_admin_button.setText(self.tr("Create the first administrator…"))
        self.language_label.setText(self.tr("Language"))
        status = {
            "connecting": self.tr("Opening the store…"),
            "busy": self.tr("Signing in…"),
            "no_accounts": self.tr("This store has no accounts yet. Create the first administrator to begin."),
            "failed": self.tr("The store could not be opened."),
        }.get(self._status, "")
        show_text(self.status, status)
        self.store_label.setText(
            self.tr("Store: {store}").format(store=self.store.describe()) if self.store is not None else "")
        self.demo_card.retranslateUi()
