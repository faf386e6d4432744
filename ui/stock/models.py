"""Words of the stock page's tables (card types, states, moves, statuses, location kinds); the
tables themselves are :mod:`ui.columns` models."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.stock.common import LOCATION_KIND_LABELS
from app.stock.rules import MOVE_LABELS, STATE_LABELS
from app.tiers.rules import CARD_TYPE_LABELS

CONTEXT = "StockTables"
STATUS_LABELS = {
    "pending": QT_TRANSLATE_NOOP("StockStatus", "Awaiting confirmation"),
    "done": QT_TRANSLATE_NOOP("StockStatus", "Done"),
    "rejected": QT_TRANSLATE_NOOP("StockStatus", "Rejected"),
}


def card_type_text(card_type: str) -> str:
    return QCoreApplication.translate("card_types", CARD_TYPE_LABELS.get(card_type, card_type))


def state_text(state: str) -> str:
    return QCoreApplication.translate("stock_states", STATE_LABELS.get(state, state))


def move_text(kind: str) -> str:
    return QCoreApplication.translate("stock_moves", MOVE_LABELS.get(kind, kind))


def status_text(status: str) -> str:
    return QCoreApplication.translate("StockStatus", STATUS_LABELS.get(status, status))


def location_kind_text(kind: str) -> str:
    return QCoreApplication.translate("StockTables", LOCATION_KINDS.get(kind, kind))


LOCATION_KINDS = LOCATION_KIND_LABELS
