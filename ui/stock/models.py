"""Table models of the stock page: short lists of plain rows, and the lazy movement register
(keyset pages, newest first, only the recent pages kept: ui.lazy.KeysetModel)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt,
    QT_TRANSLATE_NOOP,
)

from app.stock.rules import MOVE_LABELS, STATE_LABELS
from app.stock.views import MoveRow
from app.tiers.rules import CARD_TYPE_LABELS
from ui.itemroles import ROW_ROLE
from ui.lazy import Fetch, KeysetModel, no_rows

AnyIndex = QModelIndex | QPersistentModelIndex
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


LOCATION_KINDS = {"vault": QT_TRANSLATE_NOOP("StockTables", "Vault"),
                  "drawer": QT_TRANSLATE_NOOP("StockTables", "Drawer")}


def column_cell(columns, row, column: int, role: int):
    """A cell of ``row`` for columns given as (title, function of a row)."""
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        return str(columns[column][1](row))
    return row if role == ROW_ROLE else None


def column_title(context: str, columns, section: int, orientation: Qt.Orientation, role: int):
    """The translated title of a column given as (title source text, function)."""
    if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
        return None
    return QCoreApplication.translate(context, columns[section][0]) if 0 <= section < len(columns) else None


class StockRowsModel(QAbstractTableModel):
    """Plain rows; columns are (title source text in "StockTables", function of a row)."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[object], object]]], parent: QObject | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return column_cell(self.columns, self._rows[index.row()], index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(CONTEXT, self.columns, section, orientation, role)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns) - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))


class RegisterModel(KeysetModel):
    """The movement register, newest first, fetched a keyset page at a time as the view scrolls
    (``fetch(before_id, limit)``); columns as in :class:`StockRowsModel`."""

    CONTEXT = CONTEXT

    def __init__(self, columns: Sequence[tuple[str, Callable[[object], object]]], fetch: Fetch = no_rows, *,
                 page_size: int = 200, parent: QObject | None = None):
        super().__init__(fetch, page_size=page_size, parent=parent)
        self.columns = list(columns)
        self.COLUMNS = len(self.columns)

    def cell(self, row: MoveRow, column: int, role: int):
        return column_cell(self.columns, row, column, role)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(self.CONTEXT, self.columns, section, orientation, role)
