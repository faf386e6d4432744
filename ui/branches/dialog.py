"""Adding a child branch, and editing a branch's name, address, phone and whether it is open."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from app.auth.branches import LEVEL_ORDER, BranchLevel, BranchRow, create_branch, update_branch
from ui.forms import FormDialog
from ui.messages import level_label

F_CODE = QT_TRANSLATE_NOOP("fields", "Branch code")
F_NAME = QT_TRANSLATE_NOOP("fields", "Branch name")
F_LEVEL = QT_TRANSLATE_NOOP("fields", "Level")
F_ADDRESS = QT_TRANSLATE_NOOP("fields", "Address")
F_PHONE = QT_TRANSLATE_NOOP("fields", "Telephone")


class BranchDialog(FormDialog):
    """``parent_row`` set: a new branch below it; ``branch`` set: edit that branch."""

    def __init__(self, store, actor, *, parent_row: BranchRow | None = None,
                 branch: BranchRow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("branchDialog")
        self.store, self.actor = store, actor
        self.parent_row, self.branch = parent_row, branch
        self.creating = branch is None
        self.parent_label = self.add_row("parent", QLabel(self))
        self.code = self.add_row("code", QLineEdit(self), F_CODE)
        self.code.setMaxLength(16)
        self.name = self.add_row("name", QLineEdit(self), F_NAME)
        self.name.setMaxLength(100)
        self.level = self.add_row("level", QComboBox(self), F_LEVEL)
        self.address = self.add_row("address", QLineEdit(self), F_ADDRESS)
        self.address.setMaxLength(200)
        self.phone = self.add_row("phone", QLineEdit(self), F_PHONE)
        self.phone.setMaxLength(40)
        self.active = self.add_row("active", QCheckBox(self))
        self.setMinimumWidth(520)
        if self.creating:
            start = LEVEL_ORDER.index(parent_row.level) + 1
            for level in LEVEL_ORDER[start:]:
                self.level.addItem("", level.value)
            self.active.setChecked(True)
            self.form.setRowVisible(self.active, False)  # a new branch is open
            self.code.setFocus()
        else:
            self.code.setText(branch.code)
            self.code.setReadOnly(True)
            self.level.addItem("", branch.level.value)
            self.level.setEnabled(False)
            self.name.setText(branch.name)
            self.address.setText(branch.address)
            self.phone.setText(branch.phone)
            self.active.setChecked(branch.active)
            self.name.setFocus()
        self.retranslateUi()

    def submit(self) -> None:
        store, actor = self.store, self.actor
        name, address, phone = self.name.text(), self.address.text(), self.phone.text()
        if self.creating:
            code, level, parent_id = self.code.text(), self.level.currentData(), self.parent_row.id
            self.save(create_branch, store, actor, code=code, name=name, level=level, parent_id=parent_id,
                      address=address, phone=phone)
        else:
            branch, active = self.branch, self.active.isChecked()
            self.save(update_branch, store, actor, branch.id, expected_version=branch.version, name=name,
                      address=address, phone=phone, active=active)

    def retranslateUi(self) -> None:  # noqa: N802
        if self.creating:
            self.setWindowTitle(self.tr("New branch"))
            self.set_label("parent", self.tr("Below"))
            self.parent_label.setText(f"{self.parent_row.code}  {self.parent_row.name}")
            self.set_ok_text(self.tr("Add branch"))
        else:
            self.setWindowTitle(self.tr("Edit branch"))
            self.set_label("parent", self.tr("Branch"))
            self.parent_label.setText(f"{self.branch.code}  {self.branch.name}")
            self.set_ok_text(self.tr("Save"))
        self.set_label("code", self.tr("Code"))
        self.set_label("name", self.tr("Name"))
        self.set_label("level", self.tr("Level"))
        self.set_label("address", self.tr("Address"))
        self.set_label("phone", self.tr("Phone"))
        self.set_label("active", self.tr("Status"))
        self.active.setText(self.tr("Open (an inactive branch stays in the records)"))
        self.code.setPlaceholderText(self.tr("2 to 16 capital letters or digits, e.g. BJ0103"))
        for index in range(self.level.count()):
            self.level.setItemText(index, level_label(BranchLevel(self.level.itemData(index))))
