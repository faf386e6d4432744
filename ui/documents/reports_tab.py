"""The documents page's reports tab: renewal-due letters, the stock reports (day-end
reconciliation, physical counts, destruction register) and a tier worklist, each made off the
GUI thread and opened in the preview; a part shows to those who may make it. The stock reports
of a period ask for it with the report pages' one period picker (``ui.period``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.auth.permissions import Permission
from app.documents import reports
from app.errors import UserError
from app.tiers.evaluation import WORKLIST_LABELS as WORKLISTS
from ui.messages import translate
from ui.period import PeriodPicker, date_edit
from ui.widgets import named_button

_TIER_WORK = (Permission.RUN_TIER_EVALUATION, Permission.PROPOSE_TIER_EXCEPTION, Permission.APPROVE_TIER_EXCEPTION)


class ReportsTab(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        actor, today = page.context.actor, page.context.store.today()
        stock = actor.may(Permission.VIEW_STOCK)
        tiers = actor.may(Permission.VIEW_CUSTOMERS) and any(actor.may(p) for p in _TIER_WORK)
        letters = actor.may(Permission.VIEW_CUSTOMERS)
        self.shows_any = stock or tiers or letters

        self.stock_box = QGroupBox(self)
        self.stock_box.setVisible(stock)
        self.day_edit = date_edit(self.stock_box, "reportDay", today)
        self.period = PeriodPicker("report", today.replace(day=1), today, self.stock_box)   # this month so far
        self.reconciliation_button = named_button(self.stock_box, "reportReconciliation")
        self.count_button = named_button(self.stock_box, "reportCounts")
        self.destruction_button = named_button(self.stock_box, "reportDestruction")
        self.day_label, self.period_label = QLabel(self.stock_box), QLabel(self.stock_box)
        form = QFormLayout(self.stock_box)
        form.addRow(self.day_label, _row(self.day_edit, self.reconciliation_button))
        form.addRow(self.period_label, _row(self.period, self.count_button, self.destruction_button))

        self.tier_box = QGroupBox(self)
        self.tier_box.setVisible(tiers)
        self.worklist_combo = QComboBox(self.tier_box)
        self.worklist_combo.setObjectName("reportWorklist")
        for kind in WORKLISTS:
            self.worklist_combo.addItem("", kind)
        self.worklist_button = named_button(self.tier_box, "reportWorklist")
        self.worklist_label = QLabel(self.tier_box)
        QFormLayout(self.tier_box).addRow(self.worklist_label, _row(self.worklist_combo, self.worklist_button))

        self.letters_box = QGroupBox(self)
        self.letters_box.setVisible(letters)
        self.letters_branch = QLineEdit(actor.branch_code, self.letters_box)
        self.letters_branch.setObjectName("renewalBranch")
        self.letters_branch.setMaximumWidth(120)
        self.letters_month = date_edit(self.letters_box, "renewalMonth", today)
        self.letters_month.setDisplayFormat("yyyy-MM")
        self.letters_button = named_button(self.letters_box, "renewalLetters")
        self.letters_label = QLabel(self.letters_box)
        QFormLayout(self.letters_box).addRow(self.letters_label, _row(self.letters_branch, self.letters_month,
                                                                      self.letters_button))
        layout = QVBoxLayout(self)
        layout.addWidget(self.letters_box)
        layout.addWidget(self.stock_box)
        layout.addWidget(self.tier_box)
        layout.addStretch(1)

        self.reconciliation_button.clicked.connect(self.make_reconciliation)
        self.count_button.clicked.connect(self.make_counts)
        self.destruction_button.clicked.connect(self.make_destruction)
        self.worklist_button.clicked.connect(self.make_worklist)
        self.letters_button.clicked.connect(self.make_renewal_letters)

    def retranslateUi(self) -> None:  # noqa: N802
        self.letters_box.setTitle(self.tr("Renewal-due letters"))
        self.letters_label.setText(self.tr("Branch and month the cards expire"))
        self.letters_button.setText(self.tr("Make all the letters"))
        self.stock_box.setTitle(self.tr("Blank-card stock"))
        self.day_label.setText(self.tr("Business day"))
        self.period_label.setText(self.tr("Period"))
        self.reconciliation_button.setText(self.tr("Day-end reconciliation"))
        self.count_button.setText(self.tr("Physical counts"))
        self.destruction_button.setText(self.tr("Destruction register"))
        self.tier_box.setTitle(self.tr("Tier evaluation"))
        self.worklist_label.setText(self.tr("Worklist of the latest evaluation"))
        for index in range(self.worklist_combo.count()):
            self.worklist_combo.setItemText(index, translate("worklists", WORKLISTS[self.worklist_combo.itemData(index)]))
        self.worklist_button.setText(self.tr("Make the worklist"))

    def _make(self, work, button: QPushButton) -> None:
        self.page.run_command(work, self.page.made, label=self.tr("Making the document…"), cancellable=True,
                              busy=[button])

    def make_reconciliation(self) -> None:
        store, actor, day = self.page.context.store, self.page.context.actor, self.day_edit.date().toPython()
        self._make(lambda progress: reports.stock_reconciliation(store, actor, business_date=day, progress=progress),
                   self.reconciliation_button)

    def make_counts(self) -> None:
        store, actor = self.page.context.store, self.page.context.actor
        start, end = self.period.dates()
        self._make(lambda progress: reports.stock_counts(store, actor, start=start, end=end, progress=progress),
                   self.count_button)

    def make_destruction(self) -> None:
        store, actor = self.page.context.store, self.page.context.actor
        start, end = self.period.dates()
        self._make(lambda progress: reports.destruction_register(store, actor, start=start, end=end,
                                                                  progress=progress), self.destruction_button)

    def make_worklist(self) -> None:
        from app.tiers.evaluation import latest_evaluation

        store, actor, kind = self.page.context.store, self.page.context.actor, self.worklist_combo.currentData()
        try:
            evaluation = latest_evaluation(store, actor)
        except UserError as error:
            self.page.show_error(error)
            return
        if evaluation is None:
            self.page.context.dialogs.info(self, self.tr("Tier worklist"), self.tr("No evaluation has been run yet."))
            return
        self._make(lambda progress: reports.tier_worklist(store, actor, evaluation_id=evaluation.id, kind=kind,
                                                           progress=progress), self.worklist_button)

    def make_renewal_letters(self) -> None:
        from app.documents.letters import renewal_letters

        store, actor = self.page.context.store, self.page.context.actor
        code, month = self.letters_branch.text().strip(), self.letters_month.date()
        self._make(lambda progress: renewal_letters(store, actor, branch_code=code, year=month.year(),
                                                     month=month.month(), progress=progress), self.letters_button)


def _row(*widgets: QWidget) -> QHBoxLayout:
    """The widgets side by side, the rest of the line empty."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
