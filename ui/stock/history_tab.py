"""The stock page's serial-history tab: every move of one blank card, found by its serial."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.stock import views
from ui.columns import ColumnsModel
from ui.stock.columns import HISTORY_COLUMNS
from ui.stock.models import CONTEXT, card_type_text, state_text
from ui.tables import read_only_view
from ui.widgets import named_button, styled_label


class HistoryTab(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.serial_edit = QLineEdit(self)
        self.serial_edit.setObjectName("historySerial")
        self.history_button = named_button(self, "showHistory")
        self.history_status = styled_label("section", self, wrap=True)
        self.history_status.setObjectName("historyStatus")
        self.history_model = ColumnsModel(HISTORY_COLUMNS, CONTEXT, self)
        self.history_view = read_only_view(self, self.history_model, "historyTable")
        row = QHBoxLayout()
        row.addWidget(self.serial_edit)
        row.addWidget(self.history_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.history_status)
        layout.addWidget(self.history_view, 1)
        self.history_button.clicked.connect(self.show_history)
        self.serial_edit.returnPressed.connect(self.show_history)

    def retranslateUi(self) -> None:  # noqa: N802
        self.serial_edit.setPlaceholderText(self.tr("Serial, e.g. A00001000"))
        self.history_button.setText(self.tr("Show history"))
        self.history_model.retranslate()

    def show_history(self) -> None:
        card, rows = views.serial_history(self.page.context.store, self.page.context.actor, self.serial_edit.text())
        self.history_model.set_rows(rows)
        if card is None:
            self.history_status.setText(self.tr("No such serial in your scope."))
        else:
            self.history_status.setText(self.tr("{serial}: {card}, {state}, at {location} ({branch})").format(
                serial=card.serial, card=card_type_text(card.card_type), state=state_text(card.state),
                location=card.location_name, branch=card.branch_code))
