"""The customer-assignment page (客户分配) for branch managers: who looks after how many
customers against the cap, the customers nobody looks after or who cannot be reached (a lazy
list), assigning selected customers to someone, assigning a whole subtree by AUM band (shown as
a preview first), and handing a leaving manager's whole book over in one step."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from app.care import assignment
from app.care.common import care_policy
from app.errors import UserError
from ui.care.common import CARE_TABLES, reasons_text, tier_text
from ui.columns import ColumnsModel
from ui.messages import roles_text
from ui.page import Page, PageContext
from ui.tables import fit_columns, read_only_view, selected, selected_rows
from ui.widgets import named_button, styled_label


class AssignmentPage(Page):
    watches = frozenset({"customer", "staff_account", "staff_role", "contact_record", "complaint"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("assignmentPage")
        self.cap = care_policy(context.store).manager_cap
        self.staff = ColumnsModel((
            (QT_TRANSLATE_NOOP("CareTables", "Name"), lambda k: k.display_name),
            (QT_TRANSLATE_NOOP("CareTables", "Branch"), lambda k: k.branch_code),
            (QT_TRANSLATE_NOOP("CareTables", "Roles"), lambda k: roles_text(k.roles)),
            (QT_TRANSLATE_NOOP("CareTables", "Customers"), lambda k: k.customers),
            (QT_TRANSLATE_NOOP("CareTables", "Room under the cap"), lambda k: self.cap - k.customers),
        ), CARE_TABLES, self, tint=lambda k: "#b3261e" if k.customers >= self.cap else None)
        self.unkept = ColumnsModel((
            (QT_TRANSLATE_NOOP("CareTables", "CIF number"), lambda r: r.cif_no),
            (QT_TRANSLATE_NOOP("CareTables", "Customer"), lambda r: r.name),
            (QT_TRANSLATE_NOOP("CareTables", "Tier"), lambda r: tier_text(r.tier)),
            (QT_TRANSLATE_NOOP("CareTables", "Branch"), lambda r: r.branch_code),
            (QT_TRANSLATE_NOOP("CareTables", "Looked after by"), lambda r: r.keeper_name),
            (QT_TRANSLATE_NOOP("CareTables", "Phone"), lambda r: r.phone_masked),
            (QT_TRANSLATE_NOOP("CareTables", "Why listed"), lambda r: reasons_text(r.reasons)),
        ), CARE_TABLES, self, page_size=200)
        self.unkept.loadFailed.connect(self.show_error)
        left = QWidget(self)
        self.staff_title = styled_label("section", left)
        self.staff_view = read_only_view(left, self.staff, "staffLoads")
        self.hand_over_label = QLabel(left)
        self.hand_over_to = QComboBox(left)
        self.hand_over_to.setObjectName("handOverTo")
        self.hand_over_to.setMinimumWidth(180)
        self.hand_over_button = named_button(left, "handOver")
        row = QHBoxLayout()
        row.addWidget(self.hand_over_label)
        row.addWidget(self.hand_over_to, 1)
        row.addWidget(self.hand_over_button)
        layout = QVBoxLayout(left)
        layout.addWidget(self.staff_title)
        layout.addWidget(self.staff_view, 1)
        layout.addLayout(row)

        right = QWidget(self)
        self.unkept_title = styled_label("section", right)
        self.unkept_title.setObjectName("unkeptCount")
        self.vip_only = QCheckBox(right)
        self.vip_only.setObjectName("vipOnly")
        self.unkept_view = read_only_view(right, self.unkept, "unkeptCustomers", multi=True)
        self.assign_label = QLabel(right)
        self.assign_to = QComboBox(right)
        self.assign_to.setObjectName("assignTo")
        self.assign_button = named_button(right, "assignSelected")
        self.rule_button = named_button(right, "assignByRule")
        top = QHBoxLayout()
        top.addWidget(self.unkept_title)
        top.addStretch(1)
        top.addWidget(self.vip_only)
        bottom = QHBoxLayout()
        bottom.addWidget(self.assign_label)
        bottom.addWidget(self.assign_to, 1)
        bottom.addWidget(self.assign_button)
        bottom.addStretch(1)
        bottom.addWidget(self.rule_button)
        layout = QVBoxLayout(right)
        layout.addLayout(top)
        layout.addWidget(self.unkept_view, 1)
        layout.addLayout(bottom)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 740])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        self.vip_only.toggled.connect(lambda _c: self.load_unkept())
        self.assign_button.clicked.connect(self.assign_selected)
        self.rule_button.clicked.connect(self.assign_by_rule)
        self.hand_over_button.clicked.connect(self.hand_over)
        self.retranslateUi()

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        store, actor = self.context.store, self.context.actor
        try:
            people = assignment.staff_loads(store, actor)
        except UserError as error:
            self.handle_error(error)
            return
        self.cap = care_policy(store).manager_cap
        self.staff.set_rows(people)
        fit_columns(self.staff_view, 280)
        for box in (self.assign_to, self.hand_over_to):
            current = box.currentData()
            box.clear()
            for person in people:
                box.addItem(f"{person.display_name} ({person.customers}/{self.cap})", person.id)
            box.setCurrentIndex(max(0, box.findData(current)))
        self.load_unkept()

    def load_unkept(self) -> None:
        store, actor, vip = self.context.store, self.context.actor, self.vip_only.isChecked()
        try:
            total = assignment.unkept_count(store, actor)
            self.unkept.reset(lambda after, limit: assignment.unkept_customers(
                store, actor, after_id=after.id if after else None, limit=limit, vip_only=vip))
        except UserError as error:
            self.handle_error(error)
            return
        fit_columns(self.unkept_view, 280)
        self.unkept_title.setText(self.tr("{count} customers with no one looking after them or lost contact")
                                  .format(count=total))

    def _done(self, text: str) -> None:
        self.context.dialogs.info(self, self.tr("Customer assignment"), text)
        self.refresh()

    # -- actions ----------------------------------------------------------------------------
    def assign_selected(self) -> None:
        rows = selected_rows(self.unkept_view)
        if not rows:
            self.context.dialogs.info(self, self.tr("Customer assignment"), self.tr("Select customers in the list first."))
            return
        try:
            moved = self.command(lambda: assignment.assign_customers(
                self.context.store, self.context.actor, [r.id for r in rows], self.assign_to.currentData()))
        except UserError as error:
            self.handle_error(error)
            return
        self._done(self.tr("{count} customers assigned to {name}.").format(count=moved, name=self.assign_to.currentText()))

    def assign_by_rule(self) -> None:
        store, actor = self.context.store, self.context.actor
        try:
            preview = assignment.assign_by_rule(store, actor, apply=False)
        except UserError as error:
            self.handle_error(error)
            return
        plan = "\n".join(f"  {name}: {count}" for name, count in sorted(preview.assigned.items())) or "  —"
        missing = sum(preview.no_keeper.values())
        text = self.tr("Of {considered} customers without a relationship manager, by the AUM bands:\n{plan}\n"
                       "{below} are below every band and {missing} find no one with room. Assign them now?").format(
            considered=preview.considered, plan=plan, below=preview.below_bands, missing=missing)
        if not self.context.dialogs.confirm(self, self.tr("Assign by AUM band"), text):
            return
        try:
            done = self.command(lambda: assignment.assign_by_rule(store, actor))
        except UserError as error:
            self.handle_error(error)
            return
        self._done(self.tr("{count} customers assigned by AUM band.").format(count=sum(done.assigned.values())))

    def hand_over(self) -> None:
        leaving = selected(self.staff_view)
        if leaving is None:
            self.context.dialogs.info(self, self.tr("Customer assignment"),
                                      self.tr("Select the person who leaves or moves in the staff list first."))
            return
        to_name = self.hand_over_to.currentText()
        if not self.context.dialogs.confirm(self, self.tr("Hand over a book"), self.tr(
                "Hand all {count} customers and the open complaints of {name} to {to}?").format(
                count=leaving.customers, name=leaving.display_name, to=to_name)):
            return
        try:
            moved = self.command(lambda: assignment.hand_over(self.context.store, self.context.actor, leaving.id,
                                                              self.hand_over_to.currentData()))
        except UserError as error:
            self.handle_error(error)
            return
        self._done(self.tr("{count} customers handed over from {name} to {to}.").format(
            count=moved, name=leaving.display_name, to=to_name))

    def select_staff(self, username: str) -> None:
        for n, row in enumerate(self.staff.rows()):
            if row.username == username:
                self.staff_view.selectRow(n)
                return
        raise KeyError(username)

    # -- words ------------------------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802
        self.staff_title.setText(self.tr("Staff and their customers (cap {cap})").format(cap=self.cap))
        self.hand_over_label.setText(self.tr("Hand the selected person's book to"))
        self.hand_over_button.setText(self.tr("Hand over…"))
        self.vip_only.setText(self.tr("VIPs only"))
        self.assign_label.setText(self.tr("Assign selected to"))
        self.assign_button.setText(self.tr("Assign"))
        self.rule_button.setText(self.tr("Assign by AUM band…"))
        self.staff.retranslate()
        self.unkept.retranslate()
