"""The documents page's columns: the register and card paperwork due, and the kinds' names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.documents.register import KIND_LABELS
from ui.formatting import local_time
from ui.tier_labels import card_label

CONTEXT = "DocumentsTable"


def kind_text(kind: str) -> str:
    return QCoreApplication.translate("documents", KIND_LABELS.get(kind, kind))


COLUMNS = (
    (QT_TRANSLATE_NOOP("DocumentsTable", "No."), lambda r: r.number),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Kind"), lambda r: kind_text(r.kind)),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Subject"), lambda r: r.subject),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Branch"), lambda r: r.branch_code),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Made at"), lambda r: local_time(r.made_at)),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Made by"), lambda r: r.made_by),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Template"), lambda r: f"v{r.template_version}"),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Pages"), lambda r: r.pages),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Printed"), lambda r: r.printed),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Copy of"), lambda r: r.copy_of),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Signed scan"), lambda r: r.scan_name),
)


def paperwork_text(kind: str) -> str:
    """A card paperwork kind named like the register names the document it becomes."""
    return kind_text("agreement" if kind == "agreement" else f"letter_{kind}")


PAPERWORK_COLUMNS = (
    (QT_TRANSLATE_NOOP("DocumentsTable", "Document"), lambda r: paperwork_text(r.kind)),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Customer"), lambda r: r.customer_name),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Card type"), lambda r: card_label(r.card_type)),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Card number"), lambda r: r.card_number_masked),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Branch"), lambda r: r.branch_code),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Due since"), lambda r: local_time(r.created_at)),
    (QT_TRANSLATE_NOOP("DocumentsTable", "Printed"), lambda r: r.printed_count),
)

