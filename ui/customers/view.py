"""The customer view: one customer's record (masked, a "Show" button beside the ID number and
phone for those who may reveal them, audited), actions (edit, mark inactive) and the tabs that
other capabilities add through :mod:`ui.customers.tabs`.

The record is the first tab, and the heading names the customer, the CIF number and the tier:
on a 1366x768 counter PC the record above the tabs left their lists one and a half to three
rows (the screenshot review); as a tab of its own it leaves every list the dialog's height.

Opening it is itself logged by the service (who looked at whom).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from app.auth.permissions import Permission
from app.changes import recorded
from app.customers.records import CustomerDetail, input_for_edit, open_customer, reveal, set_active
from app.errors import SessionExpired, UserError
from ui.customers.form import CustomerForm
from ui.customers.labels import gender_label, id_type_label
from ui.customers.tabs import CUSTOMER_TABS
from ui.messages import error_text
from ui.tier_labels import tier_label
from ui.widgets import error_label, show_text, styled_label, with_mnemonic

# key, label source text (context CustomerView); left column, then right column
LEFT = ("cif_no", "id_type", "id_number", "gender", "birthday", "phone", "email", "address", "postcode",
        "important_dates")
RIGHT = ("branch", "manager", "tier", "status", "employer", "department", "title", "occupation", "notes",
         "relatives")


class CustomerView(QDialog):
    """Shows one customer; ``changed(tables)`` fires after a command here or in a tab changed
    the store (an edit, a status change, a reveal's audit entry, a card or a contact)."""

    changed = Signal(object)   # frozenset[str]: the tables changed
    sessionEnded = Signal(str)

    def __init__(self, store, actor, dialogs, customer_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("customerView")
        self.store, self.actor, self.dialogs = store, actor, dialogs
        self.customer_id = customer_id
        self.detail: CustomerDetail | None = None
        self.form: CustomerForm | None = None
        self.resize(1100, 700)  # fits a 1366x768 screen with the task bar
        self.heading = styled_label("title", self)
        self.heading.setObjectName("customerHeading")
        self.error = error_label(self)
        self.record = QGroupBox(self)
        grid = QGridLayout(self.record)
        grid.setContentsMargins(12, 6, 12, 6)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.show_buttons: dict[str, QPushButton] = {}
        for column, keys in enumerate((LEFT, RIGHT)):
            form = QFormLayout()
            form.setHorizontalSpacing(12)
            form.setVerticalSpacing(3)
            for key in keys:
                label, value = QLabel(self.record), QLabel(self.record)
                value.setObjectName(f"value_{key}")
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setWordWrap(key in ("address", "notes", "important_dates", "relatives"))
                self.labels[key], self.values[key] = label, value
                if key in ("id_number", "phone"):
                    button = QPushButton(self.record)
                    button.setObjectName(f"show_{key}")
                    button.setVisible(actor.may(Permission.REVEAL_PII))
                    button.clicked.connect(lambda _=False, k=key: self.reveal(k))
                    self.show_buttons[key] = button
                    row = QHBoxLayout()
                    row.setContentsMargins(0, 0, 0, 0)
                    row.addWidget(value)
                    row.addSpacing(10)
                    row.addWidget(button)
                    row.addStretch(1)
                    form.addRow(label, row)
                else:
                    form.addRow(label, value)
            grid.addLayout(form, 0, column)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("customerTabs")
        record_tab = QWidget(self.tabs)
        record_tab.setObjectName("recordTab")
        record_layout = QVBoxLayout(record_tab)
        record_layout.addWidget(self.record)
        record_layout.addStretch(1)
        self.tabs.addTab(record_tab, "")
        self.tab_specs = [spec for spec in CUSTOMER_TABS
                          if spec.permission is None or actor.may(spec.permission)]
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editCustomer")
        self.active_button = QPushButton(self)
        self.active_button.setObjectName("toggleActive")
        for button in (self.edit_button, self.active_button):
            button.setVisible(actor.may(Permission.EDIT_CUSTOMERS))
        self.edit_button.clicked.connect(self.edit)
        self.active_button.clicked.connect(self.toggle_active)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.edit_button)
        bar.addWidget(self.active_button)
        bar.addStretch(1)
        bar.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)
        self.retranslateUi()
        self.load()
        if self.detail is not None:
            for spec in self.tab_specs:
                tab = spec.tab_class()(store, actor, customer_id, self.tabs)
                if hasattr(tab, "committed"):
                    tab.committed.connect(self.changed)
                self.tabs.addTab(tab, spec.translated_title())

    # -- data -------------------------------------------------------------------------------
    def load(self) -> None:
        """(Re)read the record; the service logs the look."""
        try:
            self.detail = open_customer(self.store, self.actor, self.customer_id)
        except UserError as error:
            self._fail(error)
            return
        show_text(self.error, "")
        self._show()

    def _show(self) -> None:
        d = self.detail
        if d is None:
            return
        self.heading.setText(f"{d.name}  ·  {d.cif_no}  ·  {tier_label(d.tier)}")
        status = self.tr("Active") if d.active else self.tr("Inactive")
        text = {
            "cif_no": d.cif_no, "id_type": id_type_label(d.id_type), "id_number": d.id_masked,
            "gender": gender_label(d.gender), "birthday": d.birthday.isoformat() if d.birthday else "",
            "phone": d.phone_masked, "email": d.email, "address": d.address, "postcode": d.postcode,
            "branch": f"{d.branch_code} {d.branch_name}", "manager": d.relationship_manager_name or "—",
            "tier": tier_label(d.tier), "status": status, "employer": d.employer,
            "department": d.department, "title": d.title, "occupation": d.occupation, "notes": d.notes,
            "important_dates": self.tr("; ").join(f"{label} {day}" for label, day in d.important_dates),
            "relatives": self.tr("; ").join(" ".join(p for p in person if p) for person in d.relatives),
        }
        for key, value in text.items():
            self.values[key].setText(value)
        for button in self.show_buttons.values():
            button.setEnabled(True)
        self.active_button.setText(with_mnemonic(
            self.tr("Mark inactive") if d.active else self.tr("Mark active"), "M"))

    def _fail(self, error: UserError) -> None:
        if isinstance(error, SessionExpired):
            self.sessionEnded.emit(error_text(error))
            self.reject()
            return
        show_text(self.error, error_text(error))

    # -- actions ----------------------------------------------------------------------------
    def reveal(self, field: str) -> None:
        """Show one field in full (the service checks the permission and audits it)."""
        try:
            outcome = recorded(lambda: reveal(self.store, self.actor, self.customer_id, field))
        except UserError as error:
            self._fail(error)
            return
        value = outcome.result
        self.changed.emit(outcome.changes)
        self.values[field].setText(value)
        self.show_buttons[field].setEnabled(False)

    def edit(self) -> CustomerForm | None:
        try:
            start, version = input_for_edit(self.store, self.actor, self.customer_id)
        except UserError as error:
            self._fail(error)
            return None
        form = CustomerForm(self.store, self.actor, detail=self.detail, start=start,
                            version=version, parent=self)
        form.committed.connect(self.changed)
        form.saved.connect(self._saved)
        form.conflicted.connect(self.load)
        form.sessionEnded.connect(self.sessionEnded)
        form.finished.connect(form.deleteLater)
        self.form = form
        form.open()
        return form

    def _saved(self, detail: CustomerDetail) -> None:
        self.detail = detail
        self._show()
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if hasattr(tab, "load"):
                tab.load(self.customer_id)

    def toggle_active(self) -> None:
        d = self.detail
        if d is None:
            return
        if d.active and not self.dialogs.confirm(
                self, self.tr("Mark inactive"),
                self.tr("Mark {name} inactive? The record is kept and can be made active again.").format(name=d.name)):
            return
        try:
            outcome = recorded(lambda: set_active(self.store, self.actor, d.id, expected_version=d.version,
                                                  active=not d.active))
        except UserError as error:
            self._fail(error)
            self.load()
            return
        self.changed.emit(outcome.changes)
        self._saved(outcome.result)

    # -- language ---------------------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Customer"))
        names = {
            "cif_no": self.tr("CIF number"), "id_type": self.tr("ID type"), "id_number": self.tr("ID number"),
            "gender": self.tr("Gender"), "birthday": self.tr("Birthday"), "phone": self.tr("Phone"),
            "email": self.tr("E-mail"), "address": self.tr("Address"), "postcode": self.tr("Postcode"),
            "branch": self.tr("Home branch"), "manager": self.tr("Relationship manager"),
            "tier": self.tr("Tier"), "status": self.tr("Status"), "employer": self.tr("Employer"),
            "department": self.tr("Department"), "title": self.tr("Title"),
            "occupation": self.tr("Occupation"), "notes": self.tr("Notes"),
            "important_dates": self.tr("Important dates"), "relatives": self.tr("Close relatives"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        for button in self.show_buttons.values():
            button.setText(self.tr("Show"))
            button.setToolTip(self.tr("Show in full; this is recorded in the audit trail"))
        self.edit_button.setText(with_mnemonic(self.tr("Edit…"), "E"))
        self.tabs.setTabText(0, with_mnemonic(self.tr("Record"), "O"))
        for i, spec in enumerate(self.tab_specs[:self.tabs.count() - 1], start=1):
            self.tabs.setTabText(i, spec.translated_title())
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
