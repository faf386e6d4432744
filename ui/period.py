"""The period picker of the report pages: "From [first day] to [last day]", two calendar date
edits in one row. One widget, so that every page that asks for a period asks the same way
(the queue statistics and clerk performance pages, the documents page's stock reports); each
page gives its own starting period. A report that asks for one day (or a month) uses the same
calendar edit (:func:`date_edit`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QWidget


def date_edit(parent: QWidget, name: str, day: date) -> QDateEdit:
    """A calendar date edit named ``name``, on ``day``, shown as ISO dates (yyyy-MM-dd)."""
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class PeriodPicker(QWidget):
    """The first and last day of a period. ``name`` prefixes the object names of the picker and
    its edits (``{name}Period``, ``{name}Start``, ``{name}End``), unique on a window."""

    def __init__(self, name: str, start: date, end: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{name}Period")
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        self.start_edit = date_edit(self, f"{name}Start", start)
        self.end_edit = date_edit(self, f"{name}End", end)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.from_label, self.start_edit, self.to_label, self.end_edit):
            row.addWidget(widget)
        self.retranslateUi()

    def dates(self) -> tuple[date, date]:
        """The period's first and last day, as picked (the services refuse a reversed one)."""
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
