"""Choosing a new password: forced after an administrator's reset, before the main window."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.auth.accounts import change_own_password
from app.auth.policy import load_policy
from ui.forms import FormDialog, passwords_differ_text
from ui.widgets import password_edit, styled_label

PASSWORD_FIELD = QT_TRANSLATE_NOOP("fields", "Password")


class ChangePasswordDialog(FormDialog):
    """New password twice; ``result_value`` is the updated Actor after it is saved."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.session = session
        with session.store.read() as db:
            self.policy = load_policy(db)
        self.new_password = self.add_row("new", password_edit(self), PASSWORD_FIELD)
        self.repeat = self.add_row("repeat", password_edit(self))
        self.hint = styled_label("hint", self, wrap=True)
        self.form.addRow("", self.hint)
        self.repeat.returnPressed.connect(self.submit)
        self.retranslateUi()

    def submit(self) -> None:
        password = self.new_password.text()
        if password != self.repeat.text():
            self.show_error(passwords_differ_text(), self.repeat)
            return
        store, actor = self.session.store, self.session.actor
        self.save(change_own_password, store, actor, new_password=password)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Choose your password"))
        self.set_intro(self.tr(
            "{name}, your password was set by an administrator. Choose your own password "
            "before you continue.").format(name=self.session.actor.display_name))
        self.set_label("new", self.tr("New password"))
        self.set_label("repeat", self.tr("Repeat new password"))
        self.hint.setText(self.tr("At least {min} characters; not your user name.").format(
            min=self.policy.min_password_length))
        self.set_ok_text(self.tr("Save password"))
