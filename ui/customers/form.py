"""The customer record form: new customer, or an edit of one (with the version it was read at).

On an edit the ID number and phone fields start empty with the masked values as placeholders:
left empty they stay as stored, typed they replace it (the form never holds them in full).
A field the service refuses is outlined and its reason shown; a stale edit says "changed by
someone else" and the page reloads.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.customers import fields as F
from app.customers import (
    CustomerDetail, CustomerInput, branch_choices, create_customer, manager_choices, update_customer,
)
from app.customers.occasions import IMPORTANT_DATES, RELATIVES
from app.customers.rules import BIRTHDAY, CIF_NUMBER, EMAIL, GENDER, ID_NUMBER, ID_TYPE, NAME, PHONE, POSTCODE, Gender, IdType
from ui.customers.labels import gender_label, id_type_label
from ui.forms import FormDialog

TEXT_FIELDS = (
    ("cif_no", CIF_NUMBER), ("name", NAME), ("id_number", ID_NUMBER), ("birthday", BIRTHDAY),
    ("phone", PHONE), ("email", EMAIL), ("address", F.ADDRESS), ("postcode", POSTCODE),
    ("employer", F.EMPLOYER), ("department", F.DEPARTMENT), ("title", F.TITLE),
    ("occupation", F.OCCUPATION), ("notes", F.NOTES),
)
# one entry per line (app.customers.occasions)
LINE_FIELDS = (("important_dates", IMPORTANT_DATES), ("relatives", RELATIVES))


class CustomerForm(FormDialog):
    """``detail`` and ``start`` (from :func:`input_for_edit`) for an edit; neither for a new one."""

    def __init__(self, store, actor, *, detail: CustomerDetail | None = None,
                 start: CustomerInput | None = None, version: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("customerForm")
        self.setMinimumWidth(780)
        self.store, self.actor = store, actor
        self.detail, self.version = detail, version
        self.edits: dict[str, QLineEdit] = {}
        self.id_type = QComboBox(self)
        self.id_type.setObjectName("id_type")
        self.gender = QComboBox(self)
        self.gender.setObjectName("gender")
        self.branch = QComboBox(self)
        self.branch.setObjectName("branch")
        self.manager = QComboBox(self)
        self.manager.setObjectName("manager")
        for key, field in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(key)
            self.edits[key] = edit
            self.add_row(key, edit, field)
            if key == "name":
                self.add_row("id_type", self.id_type, ID_TYPE)
            if key == "id_number":
                self.add_row("gender", self.gender, GENDER)
            if key == "postcode":  # identity and contact on the left, work and the rest on the right
                self.next_column()
        self.lines: dict[str, QPlainTextEdit] = {}
        for key, field in LINE_FIELDS:
            edit = QPlainTextEdit(self)
            edit.setObjectName(key)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            self.lines[key] = edit
            self.add_row(key, edit, field)
        self.add_row("branch", self.branch, F.HOME_BRANCH)
        self.add_row("manager", self.manager, F.RELATIONSHIP_MANAGER)
        for member in IdType:
            self.id_type.addItem("", member.value)
        self.gender.addItem("", "")
        for member in Gender:
            self.gender.addItem("", member.value)
        for choice in branch_choices(store, actor):
            self.branch.addItem(f"{choice.code} {choice.name}", choice.id)
        self.manager.addItem("—", None)
        for choice in manager_choices(store, actor):
            self.manager.addItem(choice.name, choice.id)
        if start is not None:
            for key, _ in TEXT_FIELDS:
                self.edits[key].setText(getattr(start, key) or "")
            for key, _ in LINE_FIELDS:
                self.lines[key].setPlainText(getattr(start, key) or "")
            self._select(self.id_type, start.id_type)
            self._select(self.gender, start.gender)
            self._select(self.branch, start.branch_id)
            self._select(self.manager, start.relationship_manager_id)
        else:
            self._select(self.branch, actor.branch_id)
        if detail is not None:
            self.edits["id_number"].setPlaceholderText(detail.id_masked)
            self.edits["phone"].setPlaceholderText(detail.phone_masked)
        self.retranslateUi()

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def value(self) -> CustomerInput:
        return CustomerInput(
            **{key: self.edits[key].text() for key, _ in TEXT_FIELDS},
            **{key: self.lines[key].toPlainText() for key, _ in LINE_FIELDS},
            id_type=self.id_type.currentData(), gender=self.gender.currentData() or "",
            branch_id=self.branch.currentData(), relationship_manager_id=self.manager.currentData())

    def submit(self) -> None:
        data = self.value()
        store, actor = self.store, self.actor
        if self.detail is None:
            self.save(create_customer, store, actor, data)
        else:
            customer_id, version = self.detail.id, self.version
            self.save(update_customer, store, actor, customer_id, data, expected_version=version)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("New customer") if self.detail is None
                            else self.tr("Edit customer {name}").format(name=self.detail.name))
        labels = {
            "cif_no": self.tr("CIF number"), "name": self.tr("Name"), "id_type": self.tr("ID type"),
            "id_number": self.tr("ID number"), "gender": self.tr("Gender"),
            "birthday": self.tr("Birthday"), "phone": self.tr("Phone"), "email": self.tr("E-mail"),
            "address": self.tr("Address"), "postcode": self.tr("Postcode"),
            "employer": self.tr("Employer"), "department": self.tr("Department"),
            "title": self.tr("Title"), "occupation": self.tr("Occupation"), "notes": self.tr("Notes"),
            "important_dates": self.tr("Important dates"), "relatives": self.tr("Close relatives"),
            "branch": self.tr("Home branch"), "manager": self.tr("Relationship manager"),
        }
        for key, text in labels.items():
            self.set_label(key, text)
        for i in range(self.id_type.count()):
            self.id_type.setItemText(i, id_type_label(self.id_type.itemData(i)))
        self.gender.setItemText(0, self.tr("From the ID number"))
        for i in range(1, self.gender.count()):
            self.gender.setItemText(i, gender_label(self.gender.itemData(i)))
        self.lines["important_dates"].setPlaceholderText(
            self.tr("One per line, the date last, e.g.\nWedding anniversary 05-20"))
        self.lines["relatives"].setPlaceholderText(
            self.tr("One per line: relation, name, birthday if known, e.g.\nSpouse Wang Fang 1980-05-17"))
        self.edits["birthday"].setToolTip(self.tr("For a resident ID card the birthday comes from the ID number."))
        if self.detail is not None:
            self.set_intro(self.tr("Leave the ID number and phone empty to keep them as they are."))
        self.set_ok_text(self.tr("Create") if self.detail is None else self.tr("Save"))
