"""Table model of the card screens: plain row objects under column definitions, filled a keyset
page at a time as the view scrolls (applications, expiring cards, unsigned agreements) or all
at once (a customer's few cards). Words for the card capability's codes live here too."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal,
)

from app.cards.rules import APPLICATION_STATUS_LABELS, CARD_STATUS_LABELS, KIND_LABELS, PAPERWORK_LABELS
from app.tiers.rules import CARD_TYPE_LABELS
from ui.itemroles import ROW_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "CardTables"
Column = tuple[str, Callable[[object], object]]
# fetch(last row shown or None, how many) -> the next rows
Fetch = Callable[[object | None, int], list]


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


class CardRowsModel(QAbstractTableModel):
    """Rows under ``columns`` ((header source text in "CardTables", value of a row)).

    :meth:`set_rows` shows a short list whole; :meth:`reset` with a ``fetch`` loads keyset
    pages of ``page_size`` as the view asks for more (``canFetchMore``/``fetchMore``)."""

    loadFailed = Signal(object)

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None, *, page_size: int = 100):
        super().__init__(parent)
        self.columns = list(columns)
        self.page_size = page_size
        self._rows: list = []
        self._fetch: Fetch | None = None
        self._more = False
        self._fetching = False

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows, self._fetch, self._more = list(rows), None, False
        self.endResetModel()

    def reset(self, fetch: Fetch) -> None:
        self.beginResetModel()
        self._rows, self._fetch, self._more = [], fetch, True
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def row_at(self, row: int):
        return self._rows[row]

    def rows(self) -> list:
        return list(self._rows)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802
        # a view may ask for more again while rows are being inserted: one page at a time
        if parent.isValid() or not self._more or self._fetch is None or self._fetching:
            return
        self._fetching = True
        try:
            page = self._fetch(self._rows[-1] if self._rows else None, self.page_size)
        except Exception as error:  # the page shows it
            self._more = False
            self._fetching = False
            self.loadFailed.emit(error)
            return
        self._more = len(page) >= self.page_size
        try:
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
        finally:
            self._fetching = False

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.columns[index.column()][1](row)
            return "" if value is None else str(value)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return QCoreApplication.translate(CONTEXT, self.columns[section][0])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns) - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))
