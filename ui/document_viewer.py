"""The document preview: a registered PDF shown with QtPdf, printed (the register counts the
copies), or saved as a file (written safely: temporary file, then rename); and
:func:`preview_when_made`, with which another capability's screen makes a document off the GUI
thread and opens it here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.changes import recorded
from app.documents.files import save_pdf
from app.documents.register import Made, record_print
from app.errors import UserError
from ui.background import Task
from ui.dialogs import Dialogs
from ui.printing import Printing, load_pdf
from ui.messages import error_text


class DocumentViewer(QDialog):
    """Preview of one document with Print…, Save as… and Close; ``committed(tables)`` after a
    printing was counted."""

    committed = Signal(object)   # frozenset[str]

    def __init__(self, store, actor, made: Made, dialogs: Dialogs, printing: Printing | None = None,
                 parent: QWidget | None = None, *, record: Callable[[int], int] | None = None):
        """``record(copies)`` counts a printing and returns the total (default: the register's
        count; a card's paperwork also marks itself printed)."""
        super().__init__(parent)
        self.setObjectName("documentViewer")
        self.store, self.actor, self.made, self.dialogs = store, actor, made, dialogs
        self.printing = printing or Printing()
        self.record = record or (lambda copies: record_print(store, actor, made.id, copies))
        self.printed = 0
        self.document, self._buffer = load_pdf(made.pdf, self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.info = QLabel(self)
        self.info.setObjectName("documentInfo")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printDocument")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveDocument")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeDocument")
        row = QHBoxLayout()
        row.addWidget(self.info, 1)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.close_button.clicked.connect(self.accept)
        self.resize(900, 700)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Document {number}").format(number=self.made.number))
        self.info.setText(self.tr("{subject} · No. {number} · {pages} page(s) · printed {printed} time(s)").format(
            subject=self.made.subject, number=self.made.number, pages=self.made.pages, printed=self.printed))
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save as…"))
        self.close_button.setText(self.tr("Close"))

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, UserError):
            raise error
        self.dialogs.warn(self, self.tr("Could not complete the action"), error_text(error))

    def print_document(self) -> None:
        try:
            copies = self.printing.print_pdf(self, self.made.pdf, self.made.subject, self.made.copies)
        except UserError as error:
            self._failed(error)
            return
        if not copies:
            return
        try:
            outcome = recorded(lambda: self.record(copies))
        except UserError as error:
            self._failed(error)
        else:
            self.printed = outcome.result
            self.committed.emit(outcome.changes)
        self.retranslateUi()

    def save_document(self) -> None:
        path = self.dialogs.save_file(self, self.tr("Save the document"), f"{self.made.number}.pdf",
                                      self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            save_pdf(self.made.pdf, path)
        except UserError as error:
            self._failed(error)
            return
        self.dialogs.info(self, self.tr("Saved"), self.tr("The document was saved to {path}.").format(path=path))



def preview_when_made(page, work: Callable, *, printing: Printing | None = None, busy=()) -> Task:
    """Run ``work(progress)`` (it makes a registered document) off the GUI thread with a
    cancellable progress dialog, then open the document in the preview over ``page`` (a
    :class:`ui.page.Page`, which keeps it as ``document_viewer``); the pages that show the
    register hear that a document was made. Returns the background task."""
    store, actor = page.context.store, page.context.actor

    def show(made: Made) -> None:
        viewer = DocumentViewer(store, actor, made, page.context.dialogs, printing, page)
        viewer.committed.connect(page.publish)
        page.document_viewer = viewer
        viewer.open()

    return page.run_command(work, show, label=QCoreApplication.translate("DocumentViewer", "Making the document…"),
                            cancellable=True, busy=busy)
