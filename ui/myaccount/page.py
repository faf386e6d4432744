"""My account: who I am (name, branch, roles) and changing my own password."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.auth.accounts import change_own_password
from app.auth.policy import load_policy
from app.auth.gate import DISABLED, LOCKED
from app.auth.signin import unlock_screen
from app.errors import AuthError, UserError
from ui.forms import passwords_differ_text
from ui.messages import error_text, roles_text
from ui.page import Page, PageContext
from ui.widgets import error_label, password_edit, set_invalid, show_text, styled_label


class MyAccountPage(Page):
    watches = frozenset({"staff_account"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.min_length = 12
        self.info_box = QGroupBox(self)
        self.info_box.setMaximumWidth(720)
        info = QFormLayout(self.info_box)
        info.setVerticalSpacing(10)
        info.setHorizontalSpacing(16)
        self.info_labels = [QLabel(self.info_box) for _ in range(4)]
        self.name_value, self.user_value, self.branch_value, self.roles_value = (
            QLabel(self.info_box) for _ in range(4))
        self.roles_value.setWordWrap(True)
        for label, value in zip(self.info_labels, (self.name_value, self.user_value,
                                                   self.branch_value, self.roles_value)):
            info.addRow(label, value)

        self.password_box = QGroupBox(self)
        self.password_box.setMaximumWidth(720)
        form = QFormLayout(self.password_box)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(16)
        self.current = password_edit(self.password_box)
        self.current.setObjectName("currentPassword")
        self.new_password = password_edit(self.password_box)
        self.new_password.setObjectName("newPassword")
        self.repeat = password_edit(self.password_box)
        self.repeat.setObjectName("repeatPassword")
        self.password_labels = [QLabel(self.password_box) for _ in range(3)]
        for label, edit in zip(self.password_labels, (self.current, self.new_password, self.repeat)):
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.hint = styled_label("hint", self.password_box, wrap=True)
        form.addRow(QLabel(self.password_box), self.hint)
        self.error = error_label(self)
        self.error.setObjectName("passwordError")
        self.done_label = styled_label("hint", self)
        self.done_label.setObjectName("passwordDone")
        self.change_button = QPushButton(self)
        self.change_button.setObjectName("changePassword")
        self.change_button.setProperty("primary", True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.done_label)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.info_box)
        layout.addWidget(self.password_box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.change_button.clicked.connect(self.change_password)
        self.repeat.returnPressed.connect(self.change_password)
        self.retranslateUi()

    def refresh(self) -> None:
        try:
            with self.context.store.read() as db:
                self.min_length = load_policy(db).min_password_length
        except UserError as error:
            self.handle_error(error)
        self.retranslateUi()

    def _edits(self):
        return (self.current, self.new_password, self.repeat)

    def _fail(self, text: str, widget=None) -> None:
        show_text(self.error, text)
        if widget is not None:
            set_invalid(widget, True)
            widget.setFocus()

    def change_password(self) -> None:
        show_text(self.error, "")
        show_text(self.done_label, "")
        for edit in self._edits():
            set_invalid(edit, False)
        current, new, repeat = self.current.text(), self.new_password.text(), self.repeat.text()
        if not current:
            self._fail(self.tr("Enter your current password."), self.current)
            return
        if new != repeat:
            self._fail(passwords_differ_text(), self.repeat)
            return
        session = self.context.session

        def work(_progress):
            # who is at the keyboard must know the password now in use (counts as a sign-in)
            confirmed = unlock_screen(session, current)
            return change_own_password(confirmed.store, confirmed.actor, new_password=new)

        self.run_command(work, self._changed, on_failure=self._refused, busy=[self.change_button, *self._edits()])

    def _changed(self, actor) -> None:
        for edit in self._edits():
            edit.clear()
        show_text(self.done_label, self.tr("Your password has been changed."))
        self.actorChanged.emit(actor)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            raise error
        if isinstance(error, AuthError):
            if error.template in (LOCKED, DISABLED):
                self.sessionEnded.emit(error_text(error))
                return
            self.current.clear()
            self._fail(self.tr("The current password is not right."), self.current)
            return
        if error.field:
            self._fail(error_text(error), self.new_password)
            return
        self.handle_error(error)

    def retranslateUi(self) -> None:  # noqa: N802
        actor = self.context.actor
        self.info_box.setTitle(self.tr("Who I am"))
        for label, text in zip(self.info_labels, (self.tr("Name"), self.tr("User name"),
                                                  self.tr("Branch"), self.tr("Roles"))):
            label.setText(text)
        self.name_value.setText(actor.display_name)
        self.user_value.setText(actor.username)
        self.branch_value.setText(f"{actor.branch_code}  {actor.branch_name}")
        self.roles_value.setText(roles_text(sorted(actor.roles)))
        self.password_box.setTitle(self.tr("Change my password"))
        for label, text in zip(self.password_labels, (self.tr("Current password"),
                                                      self.tr("New password"),
                                                      self.tr("Repeat new password"))):
            label.setText(text)
        self.hint.setText(self.tr("At least {min} characters; not your user name.").format(
            min=self.min_length))
        self.change_button.setText(self.tr("Change password"))
