"""The tier policy: bands (code, name, lower bound, card type), the below-standard rule (months
under the card's band before the downgrade review, tolerance) and an effective date, saved as a
new version; the history of versions below."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.errors import UserError, ValidationError
from app.tiers.policy_store import list_policies, save_policy
from app.tiers.rules import (
    BELOW_STANDARD_MONTHS, BELOW_STANDARD_TOLERANCE, CARD_TYPE, CARD_TYPES, LOWER_BOUND,
    MAX_BELOW_STANDARD_MONTHS, TIER_CODE, TIER_LABEL, BelowStandardRule, TierBand, TierPolicy,
    parse_tolerance,
)
from app.customers.rules import parse_amount
from ui.messages import error_text
from ui.page import Page, PageContext
from ui.tables import read_only_view
from ui.tier_labels import card_label, day_text, tier_label
from ui.columns import ColumnsModel
from ui.widgets import error_label, set_invalid, show_text, styled_label

CODE, NAME, BOUND, CARD = range(4)
FIELD_COLUMNS = {TIER_CODE: CODE, TIER_LABEL: NAME, LOWER_BOUND: BOUND, CARD_TYPE: CARD}

# The bands last, in yuan named once in the header: the column that stretches, so that every
# tier and its bound reads whole on a 1366x768 screen (as a middle column, each bound with its
# currency and cents, the table kit stopped it at its free-text width and elided the top tiers).
HISTORY_COLUMNS = (
    (QT_TRANSLATE_NOOP("TierTables", "Version"), lambda r: str(r.version)),
    (QT_TRANSLATE_NOOP("TierTables", "Effective from"), lambda r: r.effective_from.isoformat()),
    (QT_TRANSLATE_NOOP("TierTables", "Below standard"), lambda r: rule_text(r.policy.below_standard)),
    (QT_TRANSLATE_NOOP("TierTables", "Saved by"), lambda r: r.created_by or "—"),
    (QT_TRANSLATE_NOOP("TierTables", "Saved at"), lambda r: day_text(r.created_at)),
    (QT_TRANSLATE_NOOP("TierTables", "Tiers (CNY)"), lambda r: " · ".join(
        f"{tier_label(b.code, r.policy)} ≥ {bound_text(b.lower_bound)}" for b in r.policy.bands)),
)


def bound_text(amount: Decimal) -> str:
    """A band's lower bound without its currency, its cents only when it has some: 100,000."""
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"


def rule_text(rule: BelowStandardRule) -> str:
    """The below-standard rule in a few words, for the history of versions."""
    return QCoreApplication.translate(
        "TierTables", "after {months} month-end(s), {tolerance}% tolerance").format(
        months=rule.months, tolerance=f"{rule.tolerance_percent:.2f}".rstrip("0").rstrip("."))


class TierPolicyPage(Page):
    watches = frozenset({"tier_policy"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.current: TierPolicy | None = None
        self.hint = styled_label("hint", self, wrap=True)
        self.box = QGroupBox(self)
        self.table = QTableWidget(0, 4, self.box)
        self.table.setObjectName("tierBands")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.add_button, self.remove_button = QPushButton(self.box), QPushButton(self.box)
        self.effective_label = QLabel(self.box)
        self.effective = QDateEdit(self.box)
        self.effective.setObjectName("effectiveFrom")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.effective_label.setBuddy(self.effective)
        row = QHBoxLayout()
        row.addWidget(self.effective_label)
        row.addWidget(self.effective)
        row.addStretch(1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        box_layout = QVBoxLayout(self.box)
        box_layout.addWidget(self.table)
        box_layout.addLayout(row)
        self.rule_box = QGroupBox(self)
        self.months_label = QLabel(self.rule_box)
        self.months = QSpinBox(self.rule_box)
        self.months.setObjectName("belowStandardMonths")
        self.months.setRange(1, MAX_BELOW_STANDARD_MONTHS)
        self.months_label.setBuddy(self.months)
        self.tolerance_label = QLabel(self.rule_box)
        self.tolerance = QLineEdit(self.rule_box)
        self.tolerance.setObjectName("belowStandardTolerance")
        self.tolerance.setMaximumWidth(90)
        self.tolerance_label.setBuddy(self.tolerance)
        self.rule_hint = styled_label("hint", self.rule_box, wrap=True)
        rule_row = QHBoxLayout()
        rule_row.addWidget(self.months_label)
        rule_row.addWidget(self.months)
        rule_row.addSpacing(24)
        rule_row.addWidget(self.tolerance_label)
        rule_row.addWidget(self.tolerance)
        rule_row.addStretch(1)
        rule_layout = QVBoxLayout(self.rule_box)
        rule_layout.addLayout(rule_row)
        rule_layout.addWidget(self.rule_hint)
        self.rule_fields = {BELOW_STANDARD_MONTHS: self.months, BELOW_STANDARD_TOLERANCE: self.tolerance}
        self.error = error_label(self)
        self.error.setObjectName("tierPolicyError")
        self.saved_label = styled_label("hint", self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveTierPolicy")
        self.save_button.setProperty("primary", True)
        self.reload_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.saved_label)
        buttons.addStretch(1)
        self.history_title = styled_label("section", self)
        self.history = ColumnsModel(HISTORY_COLUMNS, "TierTables", self)
        self.history_view = read_only_view(self, self.history, "tierPolicyHistory")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.hint)
        layout.addWidget(self.box)
        layout.addWidget(self.rule_box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history_view, 1)
        self.save_button.clicked.connect(self.save)
        self.reload_button.clicked.connect(self.refresh)
        self.add_button.clicked.connect(lambda: self._add_band(TierBand("", "", 0, None)))
        self.remove_button.clicked.connect(self._remove_band)
        self.retranslateUi()

    # -- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            with self.context.store.read() as session:
                history = list_policies(session)
        except UserError as error:
            self.handle_error(error)
            return
        self.history.set_rows(history)
        latest = max(history, key=lambda r: (r.effective_from, r.version))
        self.current = latest.policy
        self.show_policy(latest.policy)
        today = self.context.store.today()
        self.effective.setDate(QDate(today.year, today.month, today.day))
        self._clear_error()

    def show_policy(self, policy: TierPolicy) -> None:
        self.table.setRowCount(0)
        for band in policy.bands:
            self._add_band(band)
        self.months.setValue(policy.below_standard.months)
        self.tolerance.setText(f"{policy.below_standard.tolerance_percent:.2f}")

    def _add_band(self, band: TierBand) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, CODE, QTableWidgetItem(band.code))
        # our default names show in the current language; a bank's own names pass through
        self.table.setItem(row, NAME, QTableWidgetItem(
            QCoreApplication.translate("tiers", band.label) if band.label else ""))
        self.table.setItem(row, BOUND, QTableWidgetItem(f"{band.lower_bound:,.2f}" if band.code else ""))
        combo = QComboBox(self.table)
        combo.addItem(card_label(None), None)
        for card in CARD_TYPES:
            combo.addItem(card_label(card), card)
        combo.setCurrentIndex(max(0, combo.findData(band.card_type)) if band.card_type else 0)
        self.table.setCellWidget(row, CARD, combo)

    def _remove_band(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self.table.rowCount() > 0:
            self.table.removeRow(row)

    # -- saving ---------------------------------------------------------------------------
    def edited(self) -> TierPolicy:
        """The policy as typed; a malformed bound names its field and row."""
        bands = []
        for row in range(self.table.rowCount()):
            def cell(column: int) -> str:
                item = self.table.item(row, column)
                return item.text().strip() if item else ""
            try:
                bound = parse_amount(cell(BOUND), field=LOWER_BOUND)
            except ValidationError as error:
                error.row = row
                raise
            combo = self.table.cellWidget(row, CARD)
            bands.append(TierBand(cell(CODE), cell(NAME), bound, combo.currentData()))
        rule = BelowStandardRule(self.months.value(), parse_tolerance(self.tolerance.text()))
        qdate = self.effective.date()
        return TierPolicy(1, date(qdate.year(), qdate.month(), qdate.day()), tuple(bands), rule)

    def _clear_error(self) -> None:
        show_text(self.error, "")
        for widget in (self.table, self.effective, *self.rule_fields.values()):
            set_invalid(widget, False)

    def save(self) -> bool:
        self._clear_error()
        show_text(self.saved_label, "")
        try:
            saved = self.command(lambda: save_policy(self.context.store, self.context.actor, self.edited()))
        except UserError as error:
            if not error.field:
                return not self.handle_error(error)
            show_text(self.error, error_text(error))
            if error.field in self.rule_fields:
                set_invalid(self.rule_fields[error.field], True)
                self.rule_fields[error.field].setFocus()
            elif error.field in FIELD_COLUMNS or getattr(error, "row", None) is not None:
                set_invalid(self.table, True)
                self._focus_cell(error)
            else:
                set_invalid(self.effective, True)
                self.effective.setFocus()
            return False
        self.refresh()
        show_text(self.saved_label, self.tr("Saved as version {version}, in force from {date}.").format(
            version=saved.version, date=saved.effective_from.isoformat()))
        return True

    def _focus_cell(self, error: UserError) -> None:
        column = FIELD_COLUMNS.get(error.field, CODE)
        row = getattr(error, "row", None)
        if row is None:
            tier = error.params.get("tier")
            row = next((r for r in range(self.table.rowCount())
                        if self.table.item(r, CODE) and self.table.item(r, CODE).text().strip() == tier), 0)
        self.table.setCurrentCell(row, column)
        self.table.setFocus()

    def retranslateUi(self) -> None:  # noqa: N802
        self.hint.setText(self.tr(
            "A customer's tier comes from the rolling quarterly daily-average AUM as of last month. "
            "Each band starts at its lower bound (inclusive) and ends where the next begins. "
            "Saving adds a new version from its effective date; earlier evaluations keep the "
            "version they used."))
        self.box.setTitle(self.tr("Tiers and bands (CNY)"))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Lower bound"),
                                              self.tr("Card type")])
        self.effective_label.setText(self.tr("Effective from"))
        self.rule_box.setTitle(self.tr("Below standard (downgrade review)"))
        self.months_label.setText(self.tr("Months below standard before review"))
        self.tolerance_label.setText(self.tr("Below-standard tolerance (%)"))
        self.rule_hint.setText(self.tr(
            "A cardholder whose card is above what their tier entitles to goes on the downgrade-review "
            "list once their average has stayed under the card's band, less the tolerance, at this "
            "many month-ends in a row. Nobody's card is changed without an application."))
        self.add_button.setText(self.tr("Add tier"))
        self.remove_button.setText(self.tr("Remove tier"))
        self.save_button.setText(self.tr("Save as new version"))
        self.reload_button.setText(self.tr("Reload"))
        self.history_title.setText(self.tr("Versions"))
        self.history.retranslate()
