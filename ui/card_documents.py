"""Printing a card's agreement or letter from the card screens: one call for the card pages.

    from ui.card_documents import print_card_document
    print_card_document(page, card_id, "agreement", paperwork_id=row.id)

The document is made (and registered) off the GUI thread, then shown in the preview; printing
it there counts the printing and marks the card's paperwork printed with the document's id.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.documents.letters import make_card_document, record_card_print
from ui.document_viewer import DocumentViewer


def print_card_document(page, card_id: int, kind: str, *, paperwork_id: int | None = None, printing=None):
    """Make card ``card_id``'s document ``kind`` and open it in the preview over ``page`` (a
    :class:`ui.page.Page`); returns the background task."""
    store, actor = page.context.store, page.context.actor

    def show(document) -> None:
        viewer = DocumentViewer(store, actor, document.made, page.context.dialogs, printing, page,
                                record=lambda copies: record_card_print(store, actor, document, copies))
        viewer.committed.connect(page.publish)
        viewer.finished.connect(lambda _code: page.refresh())
        page.document_viewer = viewer
        viewer.open()

    return page.run_command(lambda _progress: make_card_document(store, actor, card_id, kind, paperwork_id=paperwork_id),
                            show, label=QCoreApplication.translate("CardDocuments", "Making the document…"))


def print_agreement_label() -> str:
    """The card screens' button text (kept here, in the documents catalogue)."""
    return QCoreApplication.translate("CardDocuments", "Print agreement…")
