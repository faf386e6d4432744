"""First start on a store without accounts: create the head office and the first administrator."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLineEdit, QWidget

from app.auth.policy import load_policy
from app.auth.setup import create_first_administrator
from ui.forms import FormDialog, passwords_differ_text
from ui.widgets import password_edit, styled_label

F_CODE = QT_TRANSLATE_NOOP("fields", "Branch code")
F_NAME = QT_TRANSLATE_NOOP("fields", "Branch name")
F_USER = QT_TRANSLATE_NOOP("fields", "User name")
F_FULL = QT_TRANSLATE_NOOP("fields", "Full name")
F_PASSWORD = QT_TRANSLATE_NOOP("fields", "Password")


class FirstAdministratorDialog(FormDialog):
    """Asks for the head office and the first administrator; creates them in one step."""

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstAdministratorDialog")
        self.store = store
        with store.read() as db:
            self.policy = load_policy(db)
        self.code = self.add_row("code", QLineEdit(self), F_CODE)
        self.code.setMaxLength(16)
        self.name = self.add_row("name", QLineEdit(self), F_NAME)
        self.username = self.add_row("username", QLineEdit(self), F_USER)
        self.username.setMaxLength(32)
        self.full_name = self.add_row("full_name", QLineEdit(self), F_FULL)
        self.password = self.add_row("password", password_edit(self), F_PASSWORD)
        self.repeat = self.add_row("repeat", password_edit(self))
        self.hint = styled_label("hint", self, wrap=True)
        self.form.addRow("", self.hint)
        self.setMinimumWidth(520)
        self.retranslateUi()

    @property
    def created_username(self) -> str:
        return self.username.text().strip().lower()

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.show_error(passwords_differ_text(), self.repeat)
            return
        store = self.store
        values = dict(username=self.username.text(), display_name=self.full_name.text(),
                      password=self.password.text(), head_office_code=self.code.text(),
                      head_office_name=self.name.text())
        self.save(create_first_administrator, store, **values)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Set up VIP Desk"))
        self.set_intro(self.tr(
            "This store has no accounts yet. Name the head office and create the first "
            "administrator's account. There is no built-in password: this one is the key to "
            "the whole store, so keep it safe."))
        self.set_label("code", self.tr("Head office code"))
        self.set_label("name", self.tr("Head office name"))
        self.set_label("username", self.tr("Administrator's user name"))
        self.set_label("full_name", self.tr("Administrator's full name"))
        self.set_label("password", self.tr("Password"))
        self.set_label("repeat", self.tr("Repeat password"))
        self.code.setPlaceholderText(self.tr("e.g. HO"))
        self.username.setPlaceholderText(self.tr("e.g. admin"))
        self.hint.setText(self.tr(
            "User name: 3 to 32 lower-case letters, digits or _. Password: at least {min} "
            "characters, not containing the user name.").format(min=self.policy.min_password_length))
        self.set_ok_text(self.tr("Create"))
