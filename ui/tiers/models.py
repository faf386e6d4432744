"""Table models of the tier screens: a lazy worklist (keyset pages) and plain row lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.tiers.evaluation import PAGE_SIZE, WorklistRow
from ui.itemroles import ROW_ROLE, SORT_ROLE
from ui.lazy import Fetch, KeysetModel, no_rows
from ui.formatting import money
from ui.tiers.labels import card_label, tier_label
from ui.tables import SortableRows

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class WorklistModel(KeysetModel):
    """One worklist of an evaluation, fetched a page at a time as the view scrolls."""

    COLUMNS = 8
    CIF, NAME, BRANCH, PHONE, AVERAGE, COMPUTED, EFFECTIVE, CARD = range(8)

    def __init__(self, fetch: Fetch = no_rows, *, page_size: int = PAGE_SIZE, parent: QObject | None = None):
        super().__init__(fetch, page_size=page_size, parent=parent)
        self.policy = None

    def reset(self, fetch: Fetch, policy=None) -> None:
        self.policy = policy
        super().reset(fetch)

    @staticmethod
    def key_of(row: WorklistRow) -> int:
        return row.customer_id

    def cell(self, row: WorklistRow, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return float(row.average or 0) if column == self.AVERAGE else self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AVERAGE:
            return RIGHT
        return None

    def _display(self, row: WorklistRow, column: int) -> str:
        return (row.cif_no, row.name, row.branch_code, row.phone_masked, money(row.average),
                tier_label(row.computed_tier, self.policy), tier_label(row.effective_tier, self.policy),
                card_label(row.card_type_held) if row.card_type_held else self.tr("Not recorded"))[column]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("CIF number"), self.tr("Name"), self.tr("Branch"), self.tr("Phone"),
                  self.tr("Rolling quarterly average"), self.tr("Computed tier"),
                  self.tr("Effective tier"), self.tr("Card held"))
        return titles[section] if 0 <= section < len(titles) else None


class RowsModel(SortableRows, QAbstractTableModel):
    """A short list of plain rows (policy versions, exceptions, imports, problems): columns are
    (title source text, function of a row) pairs; titles translate in the "TierTables" context.
    Sorts by header (:class:`ui.widgets.SortableRows`)."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[object], str]]], parent: QObject | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = self.sorted_rows(rows)
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
            return self.columns[index.column()][1](row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.columns):
            from PySide6.QtCore import QCoreApplication

            return QCoreApplication.translate("TierTables", self.columns[section][0])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns) - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))
