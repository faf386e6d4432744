"""The stock page's movement register: every move, newest first (lazy, filtered by move and card
type), and the stock's CSV export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from app.stock import views
from app.stock.rules import MOVE_LABELS
from app.tiers.rules import CARD_TYPES
from ui.columns import KeysetColumnsModel
from ui.messages import translate
from ui.stock.columns import MOVE_COLUMNS
from ui.stock.models import CONTEXT, card_type_text, move_text
from ui.tables import read_only_view
from ui.widgets import named_button


class MovementRegisterTab(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("registerKind")
        self.kind_filter.addItem("", "")
        for kind in MOVE_LABELS:
            self.kind_filter.addItem("", kind)
        self.type_filter = QComboBox(self)
        self.type_filter.setObjectName("registerCardType")
        self.type_filter.addItem("", "")
        for card_type in CARD_TYPES:
            self.type_filter.addItem("", card_type)
        self.export_button = named_button(self, "exportStock")
        self.register_model = KeysetColumnsModel(MOVE_COLUMNS, CONTEXT, parent=self)
        self.register_model.loadFailed.connect(page.show_error)
        self.register_view = read_only_view(self, self.register_model, "registerTable")
        row = QHBoxLayout()
        row.addWidget(self.kind_filter)
        row.addWidget(self.type_filter)
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.register_view, 1)
        self.kind_filter.currentIndexChanged.connect(self.reload)
        self.type_filter.currentIndexChanged.connect(self.reload)
        self.export_button.clicked.connect(self.export)

    def retranslateUi(self) -> None:  # noqa: N802
        self.kind_filter.setItemText(0, self.tr("Every move"))
        for index, kind in enumerate(MOVE_LABELS, start=1):
            self.kind_filter.setItemText(index, move_text(kind))
        self.type_filter.setItemText(0, self.tr("Every card type"))
        for index, card_type in enumerate(CARD_TYPES, start=1):
            self.type_filter.setItemText(index, card_type_text(card_type))
        self.export_button.setText(self.tr("Export stock (CSV)…"))
        self.register_model.retranslate()

    def reload(self) -> None:
        store, actor = self.page.context.store, self.page.context.actor
        f = views.RegisterFilter(kind=self.kind_filter.currentData() or "",
                                 card_type=self.type_filter.currentData() or "")
        self.register_model.reset(lambda before, limit: views.register_page(
            store, actor, f, before_id=before, limit=limit))

    def export(self) -> None:
        context = self.page.context
        path = context.dialogs.save_file(self, self.tr("Export stock"), "stock.csv", self.tr("CSV files (*.csv)"))
        if not path:
            return
        store, actor = context.store, context.actor
        self.page.run_command(lambda progress: views.export_stock(store, actor, Path(path), say=translate, progress=progress),
                              lambda count: context.dialogs.info(
                                  self, self.tr("Export stock"),
                                  self.tr("{count} serials written to {file}.").format(count=count, file=path)),
                              label=self.tr("Exporting the stock…"), cancellable=True, busy=[self.export_button])
