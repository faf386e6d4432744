"""The documents page's card paperwork tab: the agreements and letters of issued cards still
to print (or every one), printed from here through the preview."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from ui.columns import KeysetColumnsModel
from ui.documents.models import CONTEXT, PAPERWORK_COLUMNS
from ui.tables import read_only_view, selected
from ui.widgets import named_button


class PaperworkTab(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.show_all = QCheckBox(self)
        self.show_all.setObjectName("paperworkAll")
        self.print_button = named_button(self, "printPaperwork")
        self.model = KeysetColumnsModel(PAPERWORK_COLUMNS, CONTEXT, parent=self)
        self.model.loadFailed.connect(page.show_error)
        self.view = read_only_view(self, self.model, "paperworkTable")
        row = QHBoxLayout()
        row.addWidget(self.show_all)
        row.addStretch(1)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.show_all.toggled.connect(self.reload)
        self.print_button.clicked.connect(self.print_selected)

    def retranslateUi(self) -> None:  # noqa: N802
        self.show_all.setText(self.tr("Show what was printed too"))
        self.print_button.setText(self.tr("Print…"))
        self.model.retranslate()

    def reload(self) -> None:
        from app.cards.paperwork import paperwork_due

        store, actor, every = self.page.context.store, self.page.context.actor, self.show_all.isChecked()
        self.model.reset(lambda after, limit: paperwork_due(store, actor, include_printed=every, after_id=after,
                                                            limit=limit))

    def print_selected(self) -> None:
        from ui.card_documents import print_card_document

        row = selected(self.view)
        if row is None:
            self.page.context.dialogs.info(self, self.tr("Card paperwork"), self.tr("Select a document first."))
            return
        print_card_document(self.page, row.card_id, row.kind, paperwork_id=row.id, printing=self.page.printing)
