"""The customer view's "Tier & AUM" tab: the last months of AUM, the rolling quarterly
average, the current tier and why (the band the average reaches, or the exception above it),
tier history and exceptions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.errors import UserError
from app.tiers.summary import TierSummary, tier_summary
from ui.messages import error_text
from ui.tables import read_only_view
from ui.formatting import money
from ui.tier_labels import cause_label, day_text, month_text, status_label, tier_label
from ui.columns import ColumnsModel
from ui.widgets import error_label, show_text, styled_label

MONTH_COLUMNS = (
    (QT_TRANSLATE_NOOP("TierTables", "Month"), lambda r: month_text(r[0])),
    (QT_TRANSLATE_NOOP("TierTables", "Average daily AUM"), lambda r: money(r[1])),
)
HISTORY_COLUMNS = (
    (QT_TRANSLATE_NOOP("TierTables", "Changed at"), lambda r: day_text(r.changed_at)),
    (QT_TRANSLATE_NOOP("TierTables", "From"), lambda r: tier_label(r.from_tier)),
    (QT_TRANSLATE_NOOP("TierTables", "To"), lambda r: tier_label(r.to_tier)),
    (QT_TRANSLATE_NOOP("TierTables", "Average"), lambda r: money(r.average)),
    (QT_TRANSLATE_NOOP("TierTables", "Cause"), lambda r: cause_label(r.cause)),
    (QT_TRANSLATE_NOOP("TierTables", "Policy version"), lambda r: str(r.policy_version or "")),
)
EXCEPTION_COLUMNS = (
    (QT_TRANSLATE_NOOP("TierTables", "Tier"), lambda r: tier_label(r.tier)),
    (QT_TRANSLATE_NOOP("TierTables", "Valid until"), lambda r: r.valid_until.isoformat()),
    (QT_TRANSLATE_NOOP("TierTables", "Status"), lambda r: status_label(r.status)),
    (QT_TRANSLATE_NOOP("TierTables", "Proposed by"), lambda r: r.proposed_by_name),
    (QT_TRANSLATE_NOOP("TierTables", "Decided by"), lambda r: r.decided_by_name),
    (QT_TRANSLATE_NOOP("TierTables", "Reason"), lambda r: r.reason),
)


class TierTab(QWidget):
    """Shows one customer's tier and AUM; ``load(customer_id)`` (re)fills it."""

    def __init__(self, store, actor, customer_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tierTab")
        self.store, self.actor = store, actor
        self.customer_id = customer_id
        self.summary: TierSummary | None = None
        self.facts = QGroupBox(self)
        form = QFormLayout(self.facts)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ("tier", "why", "average"):
            label, value = QLabel(self.facts), QLabel(self.facts)
            value.setObjectName(f"tier_{key}")
            value.setWordWrap(True)
            form.addRow(label, value)
            self.labels[key], self.values[key] = label, value
        self.months = ColumnsModel(MONTH_COLUMNS, "TierTables", self)
        self.months_view = read_only_view(self, self.months, "aumMonths")
        self.history = ColumnsModel(HISTORY_COLUMNS, "TierTables", self)
        self.history_view = read_only_view(self, self.history, "tierHistory")
        self.exceptions = ColumnsModel(EXCEPTION_COLUMNS, "TierTables", self)
        self.exceptions_view = read_only_view(self, self.exceptions, "tierExceptions")
        self.months_title = styled_label("section", self)
        self.history_title = styled_label("section", self)
        self.exceptions_title = styled_label("section", self)
        self.error = error_label(self)
        left = QVBoxLayout()
        left.addWidget(self.facts)
        left.addWidget(self.months_title)
        left.addWidget(self.months_view, 1)
        right = QVBoxLayout()
        right.addWidget(self.history_title)
        right.addWidget(self.history_view, 1)
        right.addWidget(self.exceptions_title)
        right.addWidget(self.exceptions_view, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addLayout(columns, 1)
        self.retranslateUi()
        if customer_id is not None:
            self.load(customer_id)

    def load(self, customer_id: int) -> None:
        self.customer_id = customer_id
        try:
            self.summary = tier_summary(self.store, self.actor, customer_id)
        except UserError as error:
            show_text(self.error, error_text(error))
            return
        show_text(self.error, "")
        s = self.summary
        self.months.set_rows(s.months)
        self.history.set_rows(s.history)
        self.exceptions.set_rows(s.exceptions)
        for view in (self.history_view, self.exceptions_view):   # a few rows: every time and tier whole
            view.resizeColumnsToContents()
        self._show_facts()

    def _show_facts(self) -> None:
        s = self.summary
        if s is None:
            return
        since = (" (" + self.tr("since {date}").format(date=s.tier_since.isoformat()) + ")"
                 if s.tier_since else "")
        self.values["tier"].setText(tier_label(s.tier, s.policy) + since)
        self.values["average"].setText(
            self.tr("{average} as of {month}").format(average=money(s.average), month=month_text(s.as_of[0] * 100 + s.as_of[1]))
            if s.average is not None else self.tr("No AUM figures for the last quarter"))
        if s.active_exception is not None and (s.band is None or s.active_exception.tier == s.tier):
            e = s.active_exception
            why = self.tr("Exception until {date}, approved by {who}: {reason}").format(
                date=e.valid_until.isoformat(), who=e.decided_by_name, reason=e.reason)
        elif s.band is not None:
            why = self.tr("The average reaches the {tier} band (from {bound}), policy version {version}").format(
                tier=tier_label(s.band.code, s.policy), bound=money(s.band.lower_bound), version=s.policy.version)
        else:
            why = self.tr("No evaluation data yet")
        self.values["why"].setText(why)

    def retranslateUi(self) -> None:  # noqa: N802
        self.facts.setTitle(self.tr("Tier"))
        self.labels["tier"].setText(self.tr("Current tier"))
        self.labels["why"].setText(self.tr("Why"))
        self.labels["average"].setText(self.tr("Rolling quarterly average"))
        self.months_title.setText(self.tr("Monthly average daily AUM"))
        self.history_title.setText(self.tr("Tier history"))
        self.exceptions_title.setText(self.tr("Exceptions"))
        for model in (self.months, self.history, self.exceptions):
            model.retranslate()
        self._show_facts()

    def changeEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
