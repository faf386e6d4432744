"""The customer view's "Contacts & complaints" tab: the customer's contact records (newest
first) and complaints, with quick entry of a contact, an edit of a record (version-checked),
and accepting a complaint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.auth.permissions import Permission
from app.care import complaints, contacts
from app.care.common import care_policy
from app.errors import UserError
from ui.care.common import (
    CARE_TABLES, channel_text, follow_up_text, local_text, method_text, satisfaction_text, state_text,
)
from ui.columns import ColumnsModel
from ui.care.dialogs import ComplaintDialog, ContactDialog
from ui.messages import error_text
from ui.tables import read_only_view, selected
from ui.widgets import error_label, named_button, show_text, styled_label, with_mnemonic


class CareTab(QWidget):
    """Shows one customer's contacts and complaints; ``load(customer_id)`` (re)fills it. ``committed(tables)``
    after a form of the tab saved (the customer view passes it on to the pages)."""

    committed = Signal(object)   # frozenset[str]

    def __init__(self, store, actor, customer_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("careTab")
        self.store, self.actor, self.customer_id = store, actor, customer_id
        self.policy = care_policy(store)
        self.dialog = None
        may_care = actor.may(Permission.CARE_FOR_CUSTOMERS)
        self.contacts = ColumnsModel((
            (QT_TRANSLATE_NOOP("CareTables", "Contacted at"), lambda r: r.contacted_at.strftime("%Y-%m-%d %H:%M")),
            (QT_TRANSLATE_NOOP("CareTables", "How"), lambda r: method_text(r.method)),
            (QT_TRANSLATE_NOOP("CareTables", "By"), lambda r: r.staff_name),
            (QT_TRANSLATE_NOOP("CareTables", "Place"), lambda r: r.place),
            (QT_TRANSLATE_NOOP("CareTables", "Follow-up"),
             lambda r: f"{r.follow_up_on.isoformat()} {follow_up_text(r.follow_up_status)}" if r.follow_up_on else ""),
            (QT_TRANSLATE_NOOP("CareTables", "Content"), lambda r: r.content),
            (QT_TRANSLATE_NOOP("CareTables", "Customer needs"), lambda r: r.needs),
        ), CARE_TABLES, self)
        self.complaints = ColumnsModel((
            (QT_TRANSLATE_NOOP("CareTables", "Accepted"), lambda c: local_text(c.accepted_at, self.policy)),
            (QT_TRANSLATE_NOOP("CareTables", "Channel"), lambda c: channel_text(c.channel)),
            (QT_TRANSLATE_NOOP("CareTables", "Level"), lambda c: c.level),
            (QT_TRANSLATE_NOOP("CareTables", "State"), lambda c: state_text(c.state)),
            (QT_TRANSLATE_NOOP("CareTables", "Handled by"), lambda c: c.assigned_to_name),
            (QT_TRANSLATE_NOOP("CareTables", "Satisfaction"), lambda c: satisfaction_text(c.satisfaction)),
            (QT_TRANSLATE_NOOP("CareTables", "Content"), lambda c: c.content),
            (QT_TRANSLATE_NOOP("CareTables", "Resolution"), lambda c: c.resolution),
        ), CARE_TABLES, self)
        self.contacts_title = styled_label("section", self)
        self.complaints_title = styled_label("section", self)
        self.contacts_view = read_only_view(self, self.contacts, "customerContacts")
        self.complaints_view = read_only_view(self, self.complaints, "customerComplaints")
        self.new_button = named_button(self, "newContact", may_care)
        self.edit_button = named_button(self, "editContact", may_care)
        self.complain_button = named_button(self, "newComplaint", may_care)
        self.error = error_label(self)
        row = QHBoxLayout()
        row.addWidget(self.contacts_title)
        row.addStretch(1)
        row.addWidget(self.new_button)
        row.addWidget(self.edit_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.complaints_title)
        row2.addStretch(1)
        row2.addWidget(self.complain_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addWidget(self.contacts_view, 3)
        layout.addLayout(row2)
        layout.addWidget(self.complaints_view, 2)
        self.new_button.clicked.connect(self.new_contact)
        self.edit_button.clicked.connect(self.edit_contact)
        self.complain_button.clicked.connect(self.new_complaint)
        self.contacts_view.activated.connect(lambda _i: self.edit_contact())  # Enter or double-click
        self.retranslateUi()
        if customer_id is not None:
            self.load(customer_id)

    def load(self, customer_id: int) -> None:
        self.customer_id = customer_id
        try:
            self.name = contacts.customer_name(self.store, self.actor, customer_id)
            self.contacts.set_rows(contacts.contacts_of(self.store, self.actor, customer_id))
            self.complaints.set_rows(complaints.list_complaints(self.store, self.actor, which=complaints.ALL,
                                                                customer_id=customer_id))
        except UserError as error:
            show_text(self.error, error_text(error))
            return
        show_text(self.error, "")
        self._titles()

    def _open(self, dialog) -> None:
        dialog.committed.connect(self.committed)
        dialog.saved.connect(lambda _r: self.load(self.customer_id))
        dialog.conflicted.connect(lambda: self.load(self.customer_id))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def new_contact(self) -> None:
        self._open(ContactDialog(self.store, self.actor, self.customer_id, self.name, parent=self))

    def edit_contact(self) -> None:
        record = selected(self.contacts_view)
        if record is None:
            show_text(self.error, self.tr("Select a contact record to change."))
            return
        self._open(ContactDialog(self.store, self.actor, self.customer_id, self.name, record, parent=self))

    def new_complaint(self) -> None:
        self._open(ComplaintDialog(self.store, self.actor, self.customer_id, self.name, parent=self))

    def _titles(self) -> None:
        self.contacts_title.setText(self.tr("Contacts ({count})").format(count=self.contacts.rowCount()))
        self.complaints_title.setText(self.tr("Complaints ({count})").format(count=self.complaints.rowCount()))

    def retranslateUi(self) -> None:  # noqa: N802
        self.new_button.setText(with_mnemonic(self.tr("Record contact…"), "R"))
        self.edit_button.setText(with_mnemonic(self.tr("Change…"), "H"))
        self.complain_button.setText(with_mnemonic(self.tr("Accept a complaint…"), "P"))
        self.contacts.retranslate()
        self.complaints.retranslate()
        self._titles()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
