"""The customer-care page (客户维护): today's worklist of a keeper (contacts due or overdue,
birthdays and important dates ahead, follow-ups, complaints they handle) with quick contact
entry, and the complaints of the branch subtree with a live countdown to each deadline;
overdue ones are escalated to the branch manager when the page loads them."""

from __future__ import annotations

from PySide6.QtCore import QTimer, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.auth.permissions import Permission
from app.care import assignment, complaints, contacts, worklist
from app.care.common import care_policy
from app.care.rules import OPEN_STATES, RESOLVED
from app.errors import UserError
from ui.care.common import (
    CARE_TABLES, channel_text, kind_text, left_text, local_text, state_text,
    tier_text,
)
from ui.care.dialogs import ASSIGN, CLOSE, INVESTIGATE, RESOLVE, ComplaintDialog, ComplaintStepDialog, ContactDialog
from ui.columns import ColumnsModel
from ui.page import Page, PageContext
from ui.tables import fit_columns, read_only_view, selected
from ui.tier_labels import card_label
from ui.widgets import named_button, styled_label
from ui.visit.appointments import MyAppointmentsLine

KIND_FILTERS = (
    ("", QT_TRANSLATE_NOOP("CarePage", "Everything")),
    ("contact", QT_TRANSLATE_NOOP("CarePage", "Contacts due or overdue")),
    ("dates", QT_TRANSLATE_NOOP("CarePage", "Birthdays and important dates")),
    ("follow_up", QT_TRANSLATE_NOOP("CarePage", "Follow-ups")),
    ("complaint", QT_TRANSLATE_NOOP("CarePage", "Complaints")),
    ("cards", QT_TRANSLATE_NOOP("CarePage", "VIP cards expiring")),
)
FILTER_KINDS = {"contact": ("overdue", "due"), "dates": ("birthday", "date"), "follow_up": ("follow_up",),
                "complaint": ("complaint",), "cards": ("card_expiry",)}
COMPLAINT_FILTERS = (
    (complaints.OPEN, QT_TRANSLATE_NOOP("CarePage", "Open")),
    (complaints.OVERDUE, QT_TRANSLATE_NOOP("CarePage", "Overdue")),
    (complaints.MINE, QT_TRANSLATE_NOOP("CarePage", "Assigned to me")),
    (complaints.ALL, QT_TRANSLATE_NOOP("CarePage", "All")),
)


def _vip(row) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("CareTables", "VIP") if row.vip else ""


class CarePage(Page):
    watches = frozenset({"contact_record", "complaint", "customer", "vip_card", "staff_account", "visit_appointment"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("carePage")
        store, actor = context.store, context.actor
        self.policy = care_policy(store)
        self.list: worklist.Worklist | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("careTabs")

        # -- today
        today = QWidget(self)
        self.summary = styled_label("section", today, wrap=True)
        self.summary.setObjectName("worklistSummary")
        self.keeper_label = QLabel(today)
        self.keeper_box = QComboBox(today)
        self.keeper_box.setObjectName("worklistKeeper")
        may_assign = actor.may(Permission.ASSIGN_CUSTOMERS)
        self.keeper_label.setVisible(may_assign)
        self.keeper_box.setVisible(may_assign)
        if may_assign:
            for person in sorted(assignment.staff_loads(store, actor), key=lambda k: -k.customers):
                self.keeper_box.addItem(f"{person.display_name} ({person.customers})", person.id)
        self.kind_box = QComboBox(today)
        self.kind_box.setObjectName("worklistFilter")
        self.contact_button = named_button(today, "recordContact")
        self.done_button = named_button(today, "followUpDone")
        self.complain_button = named_button(today, "acceptComplaint")
        self.reload_button = named_button(today, "reloadWorklist")
        self.items = ColumnsModel((
            (QT_TRANSLATE_NOOP("CareTables", "To do"), lambda i: kind_text(i.kind)),
            (QT_TRANSLATE_NOOP("CareTables", "Customer"), lambda i: i.customer_name),
            (QT_TRANSLATE_NOOP("CareTables", "Tier"), lambda i: tier_text(i.tier)),
            (QT_TRANSLATE_NOOP("CareTables", "Phone"), lambda i: i.phone_masked),
            (QT_TRANSLATE_NOOP("CareTables", "Date"), lambda i: i.when.isoformat()),
            (QT_TRANSLATE_NOOP("CareTables", "Days late / time left"), lambda i: self._days(i)),
            (QT_TRANSLATE_NOOP("CareTables", "Last contact"), lambda i: i.last_contact.isoformat() if i.last_contact else "—"),
            (QT_TRANSLATE_NOOP("CareTables", "Detail"),
             lambda i: card_label(i.detail) if i.kind == "card_expiry" else i.detail),
        ), CARE_TABLES, self, tint=lambda i: "#b3261e" if i.kind == "overdue" or (i.kind == "complaint" and i.deadline
                                                                     and i.deadline < self.context.store.clock()) else None)
        self.items_view = read_only_view(today, self.items, "worklistTable")
        top = QHBoxLayout()
        top.addWidget(self.keeper_label)
        top.addWidget(self.keeper_box)
        top.addWidget(self.kind_box)
        top.addStretch(1)
        top.addWidget(self.reload_button)
        actions = QHBoxLayout()
        for b in (self.contact_button, self.done_button, self.complain_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(today)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        self.appointments = MyAppointmentsLine(context, today)
        layout.addWidget(self.appointments)
        layout.addLayout(actions)
        layout.addWidget(self.items_view, 1)
        self.tabs.addTab(today, "")

        # -- complaints
        board = QWidget(self)
        self.complaint_filter = QComboBox(board)
        self.complaint_filter.setObjectName("complaintFilter")
        self.complaint_count = styled_label("section", board)
        self.complaint_count.setObjectName("complaintCount")
        self.assign_button = named_button(board, "assignComplaint")
        self.investigate_button = named_button(board, "investigateComplaint")
        self.resolve_button = named_button(board, "resolveComplaint")
        self.close_button = named_button(board, "closeComplaint")
        now = self.context.store.clock
        self.complaints = ColumnsModel((
            (QT_TRANSLATE_NOOP("CareTables", "No."), lambda c: c.id),
            (QT_TRANSLATE_NOOP("CareTables", "Customer"), lambda c: c.customer_name),
            (QT_TRANSLATE_NOOP("CareTables", "VIP"), _vip),
            (QT_TRANSLATE_NOOP("CareTables", "Level"), lambda c: c.level),
            (QT_TRANSLATE_NOOP("CareTables", "State"), lambda c: state_text(c.state)),
            (QT_TRANSLATE_NOOP("CareTables", "Time left"),
             lambda c: left_text(c.deadline_at, now()) if c.state in OPEN_STATES else "—"),
            (QT_TRANSLATE_NOOP("CareTables", "Deadline"), lambda c: local_text(c.deadline_at, self.policy)),
            (QT_TRANSLATE_NOOP("CareTables", "Handled by"), lambda c: c.assigned_to_name),
            (QT_TRANSLATE_NOOP("CareTables", "Escalated to"), lambda c: c.escalated_to_name),
            (QT_TRANSLATE_NOOP("CareTables", "Channel"), lambda c: channel_text(c.channel)),
            (QT_TRANSLATE_NOOP("CareTables", "Accepted"), lambda c: local_text(c.accepted_at, self.policy)),
            (QT_TRANSLATE_NOOP("CareTables", "Content"), lambda c: c.content),
        ), CARE_TABLES, self, tint=lambda c: "#b3261e" if c.state in OPEN_STATES and c.deadline_at < now() else None)
        self.complaints_view = read_only_view(board, self.complaints, "complaintsTable")
        row = QHBoxLayout()
        row.addWidget(self.complaint_filter)
        row.addWidget(self.complaint_count)
        row.addStretch(1)
        for b in (self.assign_button, self.investigate_button, self.resolve_button, self.close_button):
            row.addWidget(b)
        layout = QVBoxLayout(board)
        layout.addLayout(row)
        layout.addWidget(self.complaints_view, 1)
        self.tabs.addTab(board, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        self.countdown.start()

        self.keeper_box.currentIndexChanged.connect(lambda _i: self.load_worklist())
        self.kind_box.currentIndexChanged.connect(lambda _i: self._show_items())
        self.complaint_filter.currentIndexChanged.connect(lambda _i: self.load_complaints())
        self.reload_button.clicked.connect(self.refresh)
        self.contact_button.clicked.connect(self.record_contact)
        self.done_button.clicked.connect(self.follow_up_done)
        self.complain_button.clicked.connect(self.accept_complaint)
        self.assign_button.clicked.connect(lambda: self.complaint_step(ASSIGN))
        self.investigate_button.clicked.connect(lambda: self.complaint_step(INVESTIGATE))
        self.resolve_button.clicked.connect(lambda: self.complaint_step(RESOLVE))
        self.close_button.clicked.connect(lambda: self.complaint_step(CLOSE))
        self.items_view.activated.connect(lambda _i: self.record_contact())  # Enter or double-click
        self.retranslateUi()

    # -- data -------------------------------------------------------------------------------
    def _days(self, item) -> str:
        if item.kind == "complaint" and item.deadline is not None:
            return left_text(item.deadline, self.context.store.clock())
        return str(item.days) if item.days > 0 else ""

    def refresh(self) -> None:
        self.load_worklist()
        self.load_complaints()

    def load_worklist(self) -> None:
        store, actor = self.context.store, self.context.actor
        staff = self.keeper_box.currentData() if self.keeper_box.isVisibleTo(self) else None
        try:
            self.list = worklist.today_worklist(store, actor, staff)
        except UserError as error:
            self.handle_error(error)
            return
        self.appointments.refresh()
        self._show_items()

    def _show_items(self) -> None:
        if self.list is None:
            return
        wanted = FILTER_KINDS.get(self.kind_box.currentData() or "")
        self.items.set_rows([i for i in self.list.items if wanted is None or i.kind in wanted])
        fit_columns(self.items_view, 280)
        self._show_summary()

    def _show_summary(self) -> None:
        w = self.list
        if w is None:
            return
        self.summary.setText(self.tr(
            "{name}: {customers} customers. Today {today}: {overdue} contacts overdue, {due} due, "
            "{dates} birthdays and dates ahead, {follow} follow-ups, {complaints} complaints, "
            "{cards} VIP cards expiring.").format(
            name=w.keeper_name, customers=w.customers, today=w.today.isoformat(), overdue=w.count("overdue"),
            due=w.count("due"), dates=w.count("birthday", "date"), follow=w.count("follow_up"),
            complaints=w.count("complaint"), cards=w.count("card_expiry")))

    def load_complaints(self) -> None:
        store, actor = self.context.store, self.context.actor
        try:
            complaints.escalate_overdue(store, actor)
            rows = complaints.list_complaints(store, actor, which=self.complaint_filter.currentData() or complaints.OPEN)
        except UserError as error:
            self.handle_error(error)
            return
        self.complaints.set_rows(rows)
        fit_columns(self.complaints_view, 200)
        self.complaint_count.setText(self.tr("{count} complaints").format(count=len(rows)))

    def _tick(self) -> None:
        if self.isVisible():
            self.complaints.refresh_column(5)
            self.items.refresh_column(5)

    # -- actions ----------------------------------------------------------------------------
    def _item(self):
        item = selected(self.items_view)
        if item is None:
            self.context.dialogs.info(self, self.tr("Customer care"), self.tr("Select a line of the worklist first."))
        return item

    def _saved(self, _result) -> None:
        self.refresh()

    def record_contact(self) -> None:
        item = self._item()
        if item is not None:
            self.open_form(ContactDialog(self.context.store, self.context.actor, item.customer_id,
                                         item.customer_name, parent=self), self._saved)

    def follow_up_done(self) -> None:
        item = self._item()
        if item is None:
            return
        if item.kind != "follow_up":
            self.context.dialogs.info(self, self.tr("Customer care"), self.tr("Select a follow-up line."))
            return
        try:
            self.command(lambda: contacts.complete_follow_up(self.context.store, self.context.actor, item.ref_id,
                                                             expected_version=item.ref_version))
        except UserError as error:
            self.handle_error(error)
        self._saved(None)

    def accept_complaint(self) -> None:
        item = self._item()
        if item is not None:
            self.open_form(ComplaintDialog(self.context.store, self.context.actor, item.customer_id,
                                           item.customer_name, parent=self), self._saved)

    def complaint_step(self, step: str) -> None:
        row = selected(self.complaints_view)
        if row is None:
            self.context.dialogs.info(self, self.tr("Complaints"), self.tr("Select a complaint first."))
            return
        if step == CLOSE and row.state not in (*OPEN_STATES, RESOLVED):
            self.context.dialogs.info(self, self.tr("Complaints"), self.tr("This complaint is already closed."))
            return
        self.open_form(ComplaintStepDialog(self.context.store, self.context.actor, row, step, parent=self), self._saved)

    def select_complaint(self, complaint_id: int) -> bool:
        for n, row in enumerate(self.complaints.rows()):
            if row.id == complaint_id:
                self.complaints_view.selectRow(n)
                return True
        return False

    def select_item(self, predicate) -> object | None:
        for n, row in enumerate(self.items.rows()):
            if predicate(row):
                self.items_view.selectRow(n)
                return row
        return None

    # -- words ------------------------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802
        self.tabs.setTabText(0, self.tr("Today"))
        self.tabs.setTabText(1, self.tr("Complaints"))
        self.keeper_label.setText(self.tr("Worklist of"))
        for box, choices in ((self.kind_box, KIND_FILTERS), (self.complaint_filter, COMPLAINT_FILTERS)):
            current = box.currentIndex()
            box.blockSignals(True)
            box.clear()
            for code, text in choices:
                box.addItem(self.tr(text), code)
            box.setCurrentIndex(max(0, current))
            box.blockSignals(False)
        self.contact_button.setText(self.tr("Record contact…"))
        self.done_button.setText(self.tr("Follow-up done"))
        self.complain_button.setText(self.tr("Accept a complaint…"))
        self.reload_button.setText(self.tr("Reload"))
        self.assign_button.setText(self.tr("Assign…"))
        self.investigate_button.setText(self.tr("Investigate…"))
        self.resolve_button.setText(self.tr("Resolve…"))
        self.close_button.setText(self.tr("Follow up and close…"))
        self.items.retranslate()
        self.complaints.retranslate()
        self._show_summary()
        if self.complaints.rowCount():
            self.complaint_count.setText(self.tr("{count} complaints").format(count=self.complaints.rowCount()))
