"""Tier exceptions: the approver's inbox of pending proposals (with its count), every exception
of the user's branches, propose (relationship managers), approve or reject with a comment
(branch managers, never their own proposal), withdraw (the proposer)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Permission
from app.errors import UserError
from app.tiers.exceptions import (
    COMMENT, PROPOSED, ExceptionRow, decide_exception, find_customer_by_cif, list_exceptions,
    pending_count, propose_exception, withdraw_exception,
)
from app.tiers.policy_store import policy_in_force_at
from app.tiers.rules import REASON, TIER, VALID_UNTIL
from app.customers.rules import CIF_NUMBER
from ui.forms import FormDialog
from ui.messages import error_text, field_label
from ui.page import Page, PageContext
from ui.tables import read_only_view, selected
from ui.tier_labels import status_label, tier_label
from ui.columns import ColumnsModel
from ui.widgets import error_label, show_text, styled_label

COLUMNS = (
    (QT_TRANSLATE_NOOP("TierTables", "CIF number"), lambda r: r.cif_no),
    (QT_TRANSLATE_NOOP("TierTables", "Customer"), lambda r: r.customer_name),
    (QT_TRANSLATE_NOOP("TierTables", "Branch"), lambda r: r.branch_code),
    (QT_TRANSLATE_NOOP("TierTables", "Tier"), lambda r: tier_label(r.tier)),
    (QT_TRANSLATE_NOOP("TierTables", "Valid until"), lambda r: r.valid_until.isoformat()),
    (QT_TRANSLATE_NOOP("TierTables", "Status"), lambda r: status_label(r.status)),
    (QT_TRANSLATE_NOOP("TierTables", "Proposed by"), lambda r: r.proposed_by_name),
    (QT_TRANSLATE_NOOP("TierTables", "Decided by"), lambda r: r.decided_by_name),
    (QT_TRANSLATE_NOOP("TierTables", "Reason"), lambda r: r.reason),
)


class ProposeExceptionDialog(FormDialog):
    """A relationship manager proposes a tier above the AUM band for one customer."""

    def __init__(self, store, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("proposeExceptionDialog")
        self.store, self.actor = store, actor
        self.cif = self.add_row("cif", QLineEdit(self), CIF_NUMBER)
        self.cif.setMaxLength(64)
        self.tier = self.add_row("tier", QComboBox(self), TIER)
        self.valid_until = self.add_row("until", QDateEdit(self), VALID_UNTIL)
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("yyyy-MM-dd")
        self.reason = self.add_row("reason", QPlainTextEdit(self), REASON)
        self.reason.setFixedHeight(80)
        today = store.today()
        with store.read() as session:
            policy = policy_in_force_at(session, today)
        for band in policy.bands[1:]:
            self.tier.addItem(tier_label(band.code, policy), band.code)
        end = date(today.year, 12, 31) if today.month < 12 else date(today.year + 1, 12, 31)
        self.valid_until.setDate(QDate(end.year, end.month, end.day))
        self.retranslateUi()

    def submit(self) -> None:
        qdate = self.valid_until.date()
        until = date(qdate.year(), qdate.month(), qdate.day())

        store, actor, cif = self.store, self.actor, self.cif.text()
        tier, reason = self.tier.currentData(), self.reason.toPlainText()

        def work():
            customer = find_customer_by_cif(store, actor, cif)
            return propose_exception(store, actor, customer.id, tier=tier, reason=reason, valid_until=until)
        self.save(work)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Propose a tier exception"))
        self.set_intro(self.tr("For a notable or high-potential customer: a tier above what their "
                               "AUM reaches, until an end date. A branch manager decides; the next "
                               "evaluation applies it."))
        self.set_label("cif", field_label(CIF_NUMBER))
        self.set_label("tier", field_label(TIER))
        self.set_label("until", field_label(VALID_UNTIL))
        self.set_label("reason", field_label(REASON))
        self.set_ok_text(self.tr("Propose"))


class TierExceptionsPage(Page):
    watches = frozenset({"tier_exception", "customer_tier", "tier_policy"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        actor = context.actor
        self.may_propose = actor.may(Permission.PROPOSE_TIER_EXCEPTION)
        self.may_decide = actor.may(Permission.APPROVE_TIER_EXCEPTION)
        self.inbox_label = styled_label("section", self)
        self.inbox_label.setObjectName("pendingCount")
        self.show_label = QLabel(self)
        self.show_box = QComboBox(self)
        self.show_box.setObjectName("exceptionFilter")
        self.show_box.addItem("", PROPOSED)
        self.show_box.addItem("", "")
        self.show_label.setBuddy(self.show_box)
        self.propose_button = QPushButton(self)
        self.propose_button.setObjectName("proposeException")
        self.propose_button.setVisible(self.may_propose)
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.setVisible(self.may_propose)
        top = QHBoxLayout()
        top.addWidget(self.inbox_label)
        top.addStretch(1)
        top.addWidget(self.show_label)
        top.addWidget(self.show_box)
        top.addWidget(self.propose_button)
        top.addWidget(self.withdraw_button)
        self.model = ColumnsModel(COLUMNS, "TierTables", self)
        self.view = read_only_view(self, self.model, "exceptionsTable")
        for column, width in enumerate((110, 80, 80, 80, 100, 70, 120, 120)):
            self.view.setColumnWidth(column, width)
        self.comment_label = QLabel(self)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("decisionComment")
        self.comment.setMaxLength(500)
        self.comment_label.setBuddy(self.comment)
        self.approve_button = QPushButton(self)
        self.approve_button.setObjectName("approveException")
        self.approve_button.setProperty("primary", True)
        self.reject_button = QPushButton(self)
        self.reject_button.setObjectName("rejectException")
        decide = QHBoxLayout()
        decide.addWidget(self.comment_label)
        decide.addWidget(self.comment, 1)
        decide.addWidget(self.approve_button)
        decide.addWidget(self.reject_button)
        for widget in (self.comment_label, self.comment, self.approve_button, self.reject_button):
            widget.setVisible(self.may_decide)
        self.error = error_label(self)
        self.error.setObjectName("exceptionError")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(decide)
        layout.addWidget(self.error)
        self.show_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.propose_button.clicked.connect(self.open_propose)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        if not self.may_decide:
            self.show_box.setCurrentIndex(1)
        self.retranslateUi()

    def refresh(self) -> None:
        store, actor = self.context.store, self.context.actor
        try:
            rows = list_exceptions(store, actor, status=self.show_box.currentData() or None)
            self.pending = pending_count(store, actor)
        except UserError as error:
            self.handle_error(error)
            return
        self.model.set_rows(rows)
        self._show_count()

    def _show_count(self) -> None:
        if self.may_decide:
            self.inbox_label.setText(self.tr("Pending your decision: {count}").format(
                count=getattr(self, "pending", 0)))
        else:
            self.inbox_label.setText(self.tr("Tier exceptions"))

    def selected(self) -> ExceptionRow | None:
        return selected(self.view)

    def select(self, exception_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == exception_id:
                self.view.selectRow(row)
                return True
        return False

    def open_propose(self) -> ProposeExceptionDialog:
        dialog = ProposeExceptionDialog(self.context.store, self.context.actor, self)
        return self.open_form(dialog, lambda _row: self._changed())

    def _changed(self) -> None:
        self.refresh()

    def _act(self, work) -> bool:
        show_text(self.error, "")
        row = self.selected()
        if row is None:
            show_text(self.error, self.tr("Select an exception first."))
            return False
        try:
            self.command(lambda: work(row))
        except UserError as error:
            if not self.handle_error(error):
                raise
            show_text(self.error, error_text(error))
            return False
        self.comment.clear()
        self._changed()
        return True

    def decide(self, approve: bool) -> bool:
        store, actor = self.context.store, self.context.actor
        return self._act(lambda row: decide_exception(
            store, actor, row.id, approve=approve, comment=self.comment.text(), expected_version=row.version))

    def withdraw(self) -> bool:
        store, actor = self.context.store, self.context.actor
        return self._act(lambda row: withdraw_exception(store, actor, row.id, expected_version=row.version))

    def retranslateUi(self) -> None:  # noqa: N802
        self.show_label.setText(self.tr("Show"))
        self.show_box.setItemText(0, self.tr("Pending"))
        self.show_box.setItemText(1, self.tr("All"))
        self.propose_button.setText(self.tr("Propose…"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.comment_label.setText(field_label(COMMENT))
        self.approve_button.setText(self.tr("Approve"))
        self.reject_button.setText(self.tr("Reject"))
        self.model.retranslate()
        self._show_count()
