"""The sign-in policy: password length, lock-out and idle lock, as the bank sets them."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from app.auth.policy import SignInPolicy, load_policy, save_policy
from app.errors import UserError
from ui.messages import error_text, field_label
from ui.page import Page, PageContext
from ui.widgets import error_label, set_invalid, show_text, styled_label

# The labels ``SignInPolicy.validate`` names in its errors (context "fields").
FIELD_LABELS = {
    "min_password_length": QT_TRANSLATE_NOOP("fields", "Minimum password length"),
    "max_failed_signins": QT_TRANSLATE_NOOP("fields", "Failed sign-ins before lock-out"),
    "lockout_minutes": QT_TRANSLATE_NOOP("fields", "Lock-out minutes"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("fields", "Idle minutes before the screen locks"),
}


class PolicyPage(Page):
    watches = frozenset({"setting"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.policy = SignInPolicy()
        self.hint = styled_label("hint", self, wrap=True)
        self.box = QGroupBox(self)
        self.box.setMaximumWidth(720)
        form = QFormLayout(self.box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        self.labels: dict[str, QLabel] = {}
        self.spins: dict[str, QSpinBox] = {}
        for name in FIELD_LABELS:
            spin = QSpinBox(self.box)
            spin.setObjectName(name)
            spin.setRange(0, 9999)  # the policy's own limits are checked on save, naming the field
            spin.setMinimumWidth(140)
            label = QLabel(self.box)
            label.setBuddy(spin)
            form.addRow(label, spin)
            self.labels[name], self.spins[name] = label, spin
        self.error = error_label(self)
        self.error.setObjectName("policyError")
        self.saved_label = styled_label("hint", self)
        self.saved_label.setObjectName("policySaved")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("savePolicy")
        self.save_button.setProperty("primary", True)
        self.defaults_button = QPushButton(self)
        self.reload_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.saved_label)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.hint)
        layout.addWidget(self.box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.defaults_button.clicked.connect(lambda: self._show(SignInPolicy()))
        self.reload_button.clicked.connect(self.refresh)
        for spin in self.spins.values():
            spin.valueChanged.connect(lambda _v: show_text(self.saved_label, ""))
        self.retranslateUi()

    def refresh(self) -> None:
        try:
            with self.context.store.read() as db:
                self.policy = load_policy(db)
        except UserError as error:
            self.handle_error(error)
            return
        self._show(self.policy)
        self._clear_error()

    def _show(self, policy: SignInPolicy) -> None:
        for name, spin in self.spins.items():
            spin.setValue(getattr(policy, name))

    def edited(self) -> SignInPolicy:
        return SignInPolicy(**{f.name: self.spins[f.name].value() for f in fields(SignInPolicy)})

    def _clear_error(self) -> None:
        show_text(self.error, "")
        for spin in self.spins.values():
            set_invalid(spin, False)

    def save(self) -> bool:
        self._clear_error()
        policy = self.edited()
        try:
            self.command(lambda: save_policy(self.context.store, self.context.actor, policy))
        except UserError as error:
            if not error.field:
                return not self.handle_error(error)
            show_text(self.error, error_text(error))
            for name, label in FIELD_LABELS.items():
                if label == error.field:
                    set_invalid(self.spins[name], True)
                    self.spins[name].setFocus()
            return False
        self.policy = policy
        show_text(self.saved_label, self.tr("Saved. The new policy applies from now on."))
        return True

    def retranslateUi(self) -> None:  # noqa: N802
        self.hint.setText(self.tr(
            "These rules apply to every account in the store. The defaults follow PCI DSS: "
            "passwords of at least 12 characters, lock-out after 5 failed sign-ins for 30 "
            "minutes, and the screen locks after 15 idle minutes."))
        self.box.setTitle(self.tr("Sign-in rules"))
        for name, label in self.labels.items():
            label.setText(field_label(FIELD_LABELS[name]))
        self.save_button.setText(self.tr("Save"))
        self.defaults_button.setText(self.tr("Restore defaults"))
        self.reload_button.setText(self.tr("Reload"))
