"""A lazy table of audit events, newest first, fetched a keyset page at a time.

The model holds plain :class:`AuditRow` values and a ``fetch(before_seq, limit)`` callable
(the page binds it to the service and the current filter); views ask for more through
``canFetchMore``/``fetchMore`` as they scroll, so the trail is never loaded whole.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from app.audit.trail import PAGE_SIZE, AuditRow
from ui.audit.labels import action_label, entity_label
from ui.formatting import local_seconds
from ui.itemroles import ROW_ROLE, SORT_ROLE

SEQ, TIME, ACTOR, BRANCH, ACTION, ENTITY, ENTITY_ID = range(7)
COLUMNS = 7

Fetch = Callable[[int | None, int], list[AuditRow]]
AnyIndex = QModelIndex | QPersistentModelIndex


def _no_rows(_before: int | None, _limit: int) -> list[AuditRow]:
    return []


class AuditModel(QAbstractTableModel):
    loadFailed = Signal(object)   # the exception a page fetch raised

    def __init__(self, fetch: Fetch = _no_rows, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._fetch = fetch
        self.page_size = page_size
        self._rows: list[AuditRow] = []
        self._exhausted = True

    def reset(self, fetch: Fetch) -> None:
        """Start over with ``fetch`` (a new filter) and load the first page."""
        self.beginResetModel()
        self._fetch = fetch
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    # -- lazy loading ----------------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        before = self._rows[-1].seq if self._rows else None
        try:
            page = self._fetch(before, self.page_size)
        except Exception as error:  # noqa: BLE001 - the page decides what to show
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

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return row.seq if column == SEQ else self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column in (ACTION, ACTOR):
            return row.action if column == ACTION else row.actor_name
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: AuditRow, column: int) -> str:
        if column == SEQ:
            return str(row.seq)
        if column == TIME:
            return local_seconds(row.occurred_at)
        if column == ACTOR:
            return row.actor_name
        if column == BRANCH:
            return row.branch_code
        if column == ACTION:
            return action_label(row.action)
        if column == ENTITY:
            return entity_label(row.entity)
        if column == ENTITY_ID:
            return row.entity_id
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = (self.tr("No."), self.tr("Time"), self.tr("By"), self.tr("Branch"),
                  self.tr("Action"), self.tr("Record"), self.tr("Record ID"))
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, ACTION), self.index(len(self._rows) - 1, ENTITY))
