"""The stock page's day-end tab: the reconciliation of a business day (opening + in − out =
closing, per location and card type) and its sign-off."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.auth.permissions import Permission
from app.stock import books
from ui.columns import ColumnsModel
from ui.stock.columns import DAY_COLUMNS
from ui.stock.dialogs import SignOffDialog
from ui.stock.models import CONTEXT, card_type_text
from ui.tables import read_only_view, selected
from ui.widgets import named_button, styled_label


class DayEndTab(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        actor = page.context.actor
        self.day_label = QLabel(self)
        self.day_edit = QDateEdit(self)
        self.day_edit.setObjectName("dayEndDate")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        today = page.context.store.today()
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.day_label.setBuddy(self.day_edit)
        self.reconcile_button = named_button(self, "reconcileDay")
        self.sign_button = named_button(self, "signOffDay", actor.may(Permission.MANAGE_STOCK)
                                        or actor.may(Permission.USE_DRAWER))
        self.day_status = styled_label("section", self, wrap=True)
        self.day_status.setObjectName("dayStatus")
        self.day_model = ColumnsModel(DAY_COLUMNS, CONTEXT, self)
        self.day_view = read_only_view(self, self.day_model, "dayEndTable")
        row = QHBoxLayout()
        row.addWidget(self.day_label)
        row.addWidget(self.day_edit)
        row.addWidget(self.reconcile_button)
        row.addWidget(self.sign_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.day_status)
        layout.addWidget(self.day_view, 1)
        self.reconcile_button.clicked.connect(self.reconcile)
        self.sign_button.clicked.connect(self.sign_off_selected)

    def retranslateUi(self) -> None:  # noqa: N802
        self.day_label.setText(self.tr("Business date"))
        self.reconcile_button.setText(self.tr("Reconcile"))
        self.sign_button.setText(self.tr("Sign off…"))
        self.day_model.retranslate()

    def business_date(self) -> date:
        q = self.day_edit.date()
        return date(q.year(), q.month(), q.day())

    def reconcile(self) -> None:
        context = self.page.context
        try:
            lines = books.reconcile_day(context.store, context.actor, business_date=self.business_date())
        except Exception as error:
            self.page.show_error(error)
            return
        self.day_model.set_rows(lines)
        self.day_view.resizeColumnsToContents()
        unexplained = sum(1 for line in lines if line.unexplained)
        if unexplained:
            self.day_status.setText(self.tr("{count} unexplained difference(s): explain each before signing off.")
                                    .format(count=unexplained))
        else:
            self.day_status.setText(self.tr("The books balance: opening + in − out = closing."))

    def sign_off_selected(self) -> None:
        line = selected(self.day_view)
        if line is None:
            return
        day, context = self.business_date(), self.page.context
        self.page.open_form(SignOffDialog(context.store, context.actor, line, day, self.page),
                            lambda _r: (context.dialogs.info(self, self.tr("Day signed off"), self.tr(
                                "{location}, {card}, {day} is signed off: the day is closed to back-dated moves.")
                                .format(location=line.location_name, card=card_type_text(line.result.card_type),
                                        day=day.isoformat())), self.reconcile()))
