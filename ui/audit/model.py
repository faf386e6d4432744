"""A lazy table of audit events, newest first, fetched a keyset page at a time.

The model (a :class:`ui.lazy.KeysetModel`) holds plain :class:`AuditRow` values from a
``fetch(before, limit)`` callable (the page binds it to the service and the current
filter); views ask for more as they scroll, so the trail is never loaded whole, and only the
pages in use are kept.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from app.audit.trail import PAGE_SIZE, AuditRow
from ui.audit.labels import action_label, actor_label, entity_label, record_id_label
from ui.formatting import local_seconds
from ui.itemroles import ROW_ROLE, SORT_ROLE
from ui.lazy import Fetch, KeysetModel, no_rows

SEQ, TIME, ACTOR, BRANCH, ACTION, ENTITY, ENTITY_ID = range(7)


class AuditModel(KeysetModel):
    """Audit events newest first; ``fetch(before, limit)`` gives the next older ones."""

    COLUMNS = 7

    def __init__(self, fetch: Fetch = no_rows, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None):
        super().__init__(fetch, page_size=page_size, parent=parent)

    @staticmethod
    def key_of(row: AuditRow) -> int:
        return row.number

    def cell(self, row: AuditRow, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return row.number if column == SEQ else self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column in (ACTION, ACTOR):
            return row.action if column == ACTION else row.actor_name  # the code, the user name
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: AuditRow, column: int) -> str:
        if column == SEQ:
            return str(row.number)
        if column == TIME:
            return local_seconds(row.occurred_at)
        if column == ACTOR:
            return actor_label(row.actor_name, row.actor_display)
        if column == BRANCH:
            return row.branch_code
        if column == ACTION:
            return action_label(row.action)
        if column == ENTITY:
            return entity_label(row.entity)
        if column == ENTITY_ID:
            return record_id_label(row.entity, row.entity_id)
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
