"""Account dialogs: a new account or an edit (name, branch, roles), and a password reset."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from app.auth import AccountRow, BranchRow, SignInPolicy, create_account, reset_password, update_account
from app.auth.permissions import STAFF_ROLES, Role
from ui.forms import FormDialog, passwords_differ_text
from ui.messages import role_label
from ui.widgets import password_edit, styled_label

F_USER = QT_TRANSLATE_NOOP("fields", "User name")
F_FULL = QT_TRANSLATE_NOOP("fields", "Full name")
F_ROLES = QT_TRANSLATE_NOOP("fields", "Roles")
F_PASSWORD = QT_TRANSLATE_NOOP("fields", "Password")


class RolesBox(QWidget):
    """One check box per role a person can hold, in two columns."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        self.boxes: dict[Role, QCheckBox] = {}
        for i, role in enumerate(STAFF_ROLES):
            box = QCheckBox(self)
            box.setObjectName(f"role_{role.value}")
            grid.addWidget(box, i // 2, i % 2)
            self.boxes[role] = box
        self.retranslate()

    def roles(self) -> list[Role]:
        return [role for role, box in self.boxes.items() if box.isChecked()]

    def set_roles(self, roles) -> None:
        for role, box in self.boxes.items():
            box.setChecked(role in set(roles))

    def retranslate(self) -> None:
        for role, box in self.boxes.items():
            box.setText(role_label(role))


class AccountDialog(FormDialog):
    """``account`` None: a new account (with its first password); else edit that account."""

    def __init__(self, store, actor, branches: list[BranchRow], policy: SignInPolicy, *,
                 account: AccountRow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.store, self.actor, self.account, self.policy = store, actor, account, policy
        self.creating = account is None
        self.username = self.add_row("username", QLineEdit(self), F_USER)
        self.username.setMaxLength(32)
        self.full_name = self.add_row("full_name", QLineEdit(self), F_FULL)
        self.full_name.setMaxLength(60)
        self.branch = self.add_row("branch", QComboBox(self))
        self.roles = self.add_row("roles", RolesBox(self), F_ROLES)
        self.password = self.repeat = self.hint = None
        if self.creating:
            self.password = self.add_row("password", password_edit(self), F_PASSWORD)
            self.repeat = self.add_row("repeat", password_edit(self))
            self.hint = styled_label("hint", self, wrap=True)
            self.form.addRow(QLabel(self), self.hint)
        current = account.branch_id if account else actor.branch_id
        for branch in branches:
            if branch.active or branch.id == current:
                self.branch.addItem(f"{branch.code}  {branch.name}", branch.id)
        index = self.branch.findData(current)
        self.branch.setCurrentIndex(max(0, index))
        if account is not None:
            self.username.setText(account.username)
            self.username.setReadOnly(True)
            self.full_name.setText(account.display_name)
            self.roles.set_roles(account.roles)
            self.full_name.setFocus()
        self.setMinimumWidth(560)
        self.retranslateUi()

    def submit(self) -> None:
        store, actor = self.store, self.actor
        full_name, branch_id, roles = self.full_name.text(), self.branch.currentData(), self.roles.roles()
        if self.creating:
            if self.password.text() != self.repeat.text():
                self.show_error(passwords_differ_text(), self.repeat)
                return
            username, password = self.username.text(), self.password.text()
            self.save(create_account, store, actor, username=username, display_name=full_name, branch_id=branch_id,
                      roles=roles, password=password)
            return
        account = self.account
        self.save(update_account, store, actor, account.id, expected_version=account.version, display_name=full_name,
                  branch_id=branch_id, roles=roles)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("New account") if self.creating else self.tr("Edit account"))
        self.set_label("username", self.tr("User name"))
        self.set_label("full_name", self.tr("Full name"))
        self.set_label("branch", self.tr("Branch"))
        self.set_label("roles", self.tr("Roles"))
        self.roles.retranslate()
        if self.creating:
            self.set_intro(self.tr(
                "The person signs in with the first password you give here and must then "
                "choose their own."))
            self.username.setPlaceholderText(self.tr("e.g. zhang_wei"))
            self.set_label("password", self.tr("First password"))
            self.set_label("repeat", self.tr("Repeat first password"))
            self.hint.setText(self.tr(
                "User name: 3 to 32 lower-case letters, digits or _. Password: at least {min} "
                "characters, not containing the user name.").format(min=self.policy.min_password_length))
            self.set_ok_text(self.tr("Create account"))
        else:
            self.set_ok_text(self.tr("Save"))


class ResetPasswordDialog(FormDialog):
    """A temporary password, entered twice; the person must replace it at next sign-in."""

    def __init__(self, store, actor, account: AccountRow, policy: SignInPolicy,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self.store, self.actor, self.account, self.policy = store, actor, account, policy
        self.who = self.add_row("who", QLabel(self))
        self.password = self.add_row("password", password_edit(self), F_PASSWORD)
        self.repeat = self.add_row("repeat", password_edit(self))
        self.hint = styled_label("hint", self, wrap=True)
        self.form.addRow(QLabel(self), self.hint)
        self.repeat.returnPressed.connect(self.submit)
        self.password.setFocus()
        self.retranslateUi()

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.show_error(passwords_differ_text(), self.repeat)
            return
        store, actor, account, password = self.store, self.actor, self.account, self.password.text()
        self.save(reset_password, store, actor, account.id, expected_version=account.version, new_password=password)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Reset password"))
        self.set_intro(self.tr(
            "Give the person a temporary password in person. It also lifts a lock-out; at the "
            "next sign-in they must choose their own password."))
        self.set_label("who", self.tr("Account"))
        self.who.setText(f"{self.account.display_name} ({self.account.username})")
        self.set_label("password", self.tr("Temporary password"))
        self.set_label("repeat", self.tr("Repeat temporary password"))
        self.hint.setText(self.tr("At least {min} characters; not the user name.").format(
            min=self.policy.min_password_length))
        self.set_ok_text(self.tr("Reset password"))
