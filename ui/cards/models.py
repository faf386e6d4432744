"""Words for the card capability's codes in the card screens' tables (the tables themselves are
:class:`ui.columns.ColumnsModel`, keyset pages or whole lists)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.cards.rules import APPLICATION_STATUS_LABELS, CARD_STATUS_LABELS, KIND_LABELS, PAPERWORK_LABELS
from app.tiers.rules import CARD_TYPE_LABELS

CONTEXT = "CardTables"


def card_type_text(card_type: str | None) -> str:
    return QCoreApplication.translate("card_types", CARD_TYPE_LABELS.get(card_type or "", card_type or ""))


def kind_text(kind: str) -> str:
    return QCoreApplication.translate("card_kinds", KIND_LABELS.get(kind, kind))


def application_status_text(status: str) -> str:
    return QCoreApplication.translate("card_status", APPLICATION_STATUS_LABELS.get(status, status))


def card_status_text(status: str) -> str:
    return QCoreApplication.translate("card_status", CARD_STATUS_LABELS.get(status, status))


def paperwork_text(kind: str) -> str:
    return QCoreApplication.translate("paperwork", PAPERWORK_LABELS.get(kind, kind))
