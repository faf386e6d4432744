"""The customer view's "Viewed by" tab (auditors, managers): who opened the record or revealed
one of its fields, from the audit trail."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.customers.records import viewers_of
from app.errors import UserError
from ui.formatting import local_seconds
from ui.messages import error_text
from ui.tables import read_only_view
from ui.columns import ColumnsModel
from ui.widgets import error_label, show_text


def _what(row) -> str:
    if row.action == "customer.view":
        return QCoreApplication.translate("ViewersTab", "Opened the record")
    field = {"id_number": QCoreApplication.translate("ViewersTab", "ID number"),
             "phone": QCoreApplication.translate("ViewersTab", "Phone")}.get(row.field, row.field)
    return QCoreApplication.translate("ViewersTab", "Revealed: {field}").format(field=field)


COLUMNS = (
    (QT_TRANSLATE_NOOP("TierTables", "Time"), lambda r: local_seconds(r.occurred_at)),
    (QT_TRANSLATE_NOOP("TierTables", "By"), lambda r: r.actor_name),
    (QT_TRANSLATE_NOOP("TierTables", "What"), _what),
)


class ViewersTab(QWidget):
    def __init__(self, store, actor, customer_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("viewersTab")
        self.store, self.actor = store, actor
        self.model = ColumnsModel(COLUMNS, "TierTables", self)
        self.view = read_only_view(self, self.model, "viewers")
        self.view.setColumnWidth(0, 170)
        self.view.setColumnWidth(1, 160)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        self.load(customer_id)

    def load(self, customer_id: int) -> None:
        try:
            self.model.set_rows(viewers_of(self.store, self.actor, customer_id))
            show_text(self.error, "")
        except UserError as error:
            show_text(self.error, error_text(error))
