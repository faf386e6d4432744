"""The documents page's register tab: every registered document, newest first (lazy, filtered
by kind and text, copies shown or not); reprint one as a copy, attach the scan of a signed
agreement."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.documents.register import KIND_LABELS, SIGNABLE, RegisterFilter, attach_scan, register_page, reprint
from app.errors import UserError
from ui.columns import KeysetColumnsModel
from ui.documents.models import COLUMNS, CONTEXT, kind_text
from ui.tables import read_only_view, selected
from ui.widgets import named_button


class RegisterTab(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("documentKind")
        self.kind_filter.addItem("", "")
        for kind in KIND_LABELS:
            self.kind_filter.addItem("", kind)
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("documentText")
        self.copies_box = QCheckBox(self)
        self.copies_box.setObjectName("documentCopies")
        self.copies_box.setChecked(True)
        self.reprint_button = named_button(self, "reprintDocument")
        self.scan_button = named_button(self, "attachScan")
        self.model = KeysetColumnsModel(COLUMNS, CONTEXT, parent=self)
        self.model.loadFailed.connect(page.show_error)
        self.view = read_only_view(self, self.model, "documentsTable")
        for column, width in ((0, 110), (1, 150), (2, 330), (4, 130)):
            self.view.setColumnWidth(column, width)
        row = QHBoxLayout()
        row.addWidget(self.kind_filter)
        row.addWidget(self.text_filter, 1)
        row.addWidget(self.copies_box)
        row.addWidget(self.reprint_button)
        row.addWidget(self.scan_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.kind_filter.currentIndexChanged.connect(self.reload)
        self.text_filter.returnPressed.connect(self.reload)
        self.copies_box.toggled.connect(self.reload)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.scan_button.clicked.connect(self.attach_scan_selected)

    def retranslateUi(self) -> None:  # noqa: N802
        self.kind_filter.setItemText(0, self.tr("All kinds"))
        for index in range(1, self.kind_filter.count()):
            self.kind_filter.setItemText(index, kind_text(self.kind_filter.itemData(index)))
        self.text_filter.setPlaceholderText(self.tr("Subject or document number…"))
        self.copies_box.setText(self.tr("Show copies"))
        self.reprint_button.setText(self.tr("Reprint as copy…"))
        self.scan_button.setText(self.tr("Attach signed scan…"))
        self.model.retranslate()

    def reload(self) -> None:
        store, actor = self.page.context.store, self.page.context.actor
        f = RegisterFilter(kind=self.kind_filter.currentData() or None, text=self.text_filter.text(),
                           copies=self.copies_box.isChecked())
        self.model.reset(lambda before, limit: register_page(store, actor, f, before_id=before, limit=limit))

    def selected(self):
        return selected(self.view)

    def reprint_selected(self) -> None:
        row = self.selected()
        if row is None:
            self.page.context.dialogs.info(self, self.tr("Reprint"), self.tr("Select a document first."))
            return
        store, actor = self.page.context.store, self.page.context.actor
        self.page.run_command(lambda _progress: reprint(store, actor, row.id), self.page.made,
                              label=self.tr("Making the copy…"), busy=[self.reprint_button])

    def attach_scan_selected(self) -> None:
        row = self.selected()
        context = self.page.context
        if row is None or row.kind not in SIGNABLE:
            context.dialogs.info(self, self.tr("Signed scan"), self.tr("Select a service agreement first."))
            return
        path = context.dialogs.open_file(self, self.tr("The scan of the signed agreement"),
                                         self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"))
        if not path:
            return
        try:
            sha = self.page.command(lambda: attach_scan(context.store, context.actor, row.id, Path(path)))
        except UserError as error:
            self.page.show_error(error)
            return
        context.dialogs.info(self, self.tr("Signed scan"), self.tr(
            "The scan {name} is recorded with the agreement (SHA-256 {sha}).").format(name=Path(path).name, sha=sha))
        self.reload()
