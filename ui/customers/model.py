"""The customer list: plain masked rows, fetched a keyset page at a time as the view scrolls.

The model (a :class:`ui.lazy.KeysetModel`) holds :class:`app.customers.search.CustomerRow`
values from a ``fetch(after_id, limit)`` callable the page binds to the service. A search's
results arrive whole (``show_rows``): a search is bounded, the browse list is lazy and keeps
only the pages in use.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from app.customers.search import CustomerRow
from ui.customers.labels import gender_label, id_type_label
from ui.itemroles import ROW_ROLE, SORT_ROLE
from ui.lazy import Fetch, KeysetModel, no_rows
from ui.tier_labels import tier_label

CIF, NAME, GENDER, ID, PHONE, BRANCH, TIER, STATUS = range(8)
PAGE_SIZE = 200


class CustomerModel(KeysetModel):
    """Customers by id; ``fetch(after_id, limit)`` gives the next rows of the browse list."""

    COLUMNS = 8

    def __init__(self, fetch: Fetch = no_rows, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None):
        super().__init__(fetch, page_size=page_size, parent=parent)

    def cell(self, row: CustomerRow, column: int, role: int):
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
