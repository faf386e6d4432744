"""Table models of the stock page: short lists of plain rows, and the lazy movement register
(keyset pages, newest first)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt,
    QT_TRANSLATE_NOOP, Signal,
)

from app.stock.rules import MOVE_LABELS, STATE_LABELS
from app.stock.views import MoveRow
from app.tiers.rules import CARD_TYPE_LABELS
from ui.itemroles import ROW_ROLE

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
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(self.columns[index.column()][1](row))
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.columns):
            return QCoreApplication.translate(CONTEXT, self.columns[section][0])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns) - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))


Fetch = Callable[[int | None, int], list[MoveRow]]


class RegisterModel(StockRowsModel):
    """The movement register, fetched a keyset page at a time as the view scrolls."""

    loadFailed = Signal(object)

    def __init__(self, columns, fetch: Fetch | None = None, *, page_size: int = 200,
                 parent: QObject | None = None):
        super().__init__(columns, parent)
        self._fetch = fetch
        self.page_size = page_size
        self._exhausted = True

    def reset(self, fetch: Fetch) -> None:
        self.beginResetModel()
        self._fetch, self._rows, self._exhausted = fetch, [], False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        before = self._rows[-1].id if self._rows else None
        try:
            page = self._fetch(before, self.page_size)
        except Exception as error:  # noqa: BLE001 - the page shows it
            self._exhausted = True
            self.loadFailed.emit(error)
            return
        if len(page) < self.page_size:
            self._exhausted = True
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
