"""The customer list: plain masked rows, fetched a keyset page at a time as the view scrolls.

The model holds :class:`app.customers.search.CustomerRow` values and a ``fetch(after_key,
limit)`` callable returning a :class:`CustomerPage`; the page binds it to the service. A
search's results arrive whole (``show_rows``): a search is bounded, the browse list is lazy.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from app.customers.search import CustomerPage, CustomerRow
from ui.customers.labels import gender_label, id_type_label
from ui.itemroles import ROW_ROLE, SORT_ROLE
from ui.tiers.labels import tier_label

CIF, NAME, GENDER, ID, PHONE, BRANCH, TIER, STATUS = range(8)
COLUMNS = 8
PAGE_SIZE = 200

Fetch = Callable[[int | None, int], CustomerPage]
AnyIndex = QModelIndex | QPersistentModelIndex


def _nothing(_after: int | None, _limit: int) -> CustomerPage:
    return CustomerPage([], None)


class CustomerModel(QAbstractTableModel):
    loadFailed = Signal(object)   # the exception a page fetch raised

    def __init__(self, fetch: Fetch = _nothing, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._fetch = fetch
        self.page_size = page_size
        self._rows: list[CustomerRow] = []
        self._next: int | None = None
        self._exhausted = True

    def reset(self, fetch: Fetch) -> None:
        """Browse with ``fetch`` from the start; the first page loads now."""
        self.beginResetModel()
        self._fetch, self._rows, self._next, self._exhausted = fetch, [], None, False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def show_rows(self, rows: list[CustomerRow]) -> None:
        """Show a finished search's rows (nothing more to fetch)."""
        self.beginResetModel()
        self._rows, self._next, self._exhausted = list(rows), None, True
        self.endResetModel()

    def row_at(self, row: int) -> CustomerRow:
        return self._rows[row]

    # -- lazy loading ----------------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        try:
            page = self._fetch(self._next, self.page_size)
        except Exception as error:  # noqa: BLE001 - the page decides what to show
            self._exhausted = True
            self.loadFailed.emit(error)
            return
        self._next = page.next_key
        self._exhausted = page.next_key is None
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == ID:
            return id_type_label(row.id_type)
        if role == Qt.ItemDataRole.ToolTipRole and column == BRANCH:
            return row.branch_name
        if role == ROW_ROLE:
            return row
        return None

    def _display(self, row: CustomerRow, column: int) -> str:
        if column == CIF:
            return row.cif_no
        if column == NAME:
            return row.name
        if column == GENDER:
            return gender_label(row.gender)
        if column == ID:
            return row.id_masked
        if column == PHONE:
            return row.phone_masked
        if column == BRANCH:
            return row.branch_code
        if column == TIER:
            return tier_label(row.tier)
        if column == STATUS:
            return self.tr("Active") if row.active else self.tr("Inactive")
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = (self.tr("CIF number"), self.tr("Name"), self.tr("Gender"), self.tr("ID number"),
                  self.tr("Phone"), self.tr("Branch"), self.tr("Tier"), self.tr("Status"))
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMNS - 1))
