"""The tier worklist's lazy table model (keyset pages); plain row lists use :mod:`ui.columns`."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from app.tiers.evaluation import PAGE_SIZE, WorklistRow
from ui.itemroles import ROW_ROLE, SORT_ROLE
from ui.lazy import Fetch, KeysetModel, no_rows
from ui.formatting import money
from ui.tier_labels import card_label, tier_label

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
