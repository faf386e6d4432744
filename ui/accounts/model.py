"""The accounts table model: plain :class:`AccountRow` values, one per row; sorting and
filtering happen in a ``QSortFilterProxyModel`` over it (see :func:`make_proxy`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt,
)
from PySide6.QtGui import QColor

from app.auth.accounts import AccountRow
from ui.formatting import local_time
from ui.itemroles import ROW_ROLE, SORT_ROLE
from ui.messages import roles_text

USERNAME, FULL_NAME, BRANCH, ROLES, STATUS, LAST_SIGNIN = range(6)
MUTED, WARNING = QColor("#8a949e"), QColor("#b42318")

AnyIndex = QModelIndex | QPersistentModelIndex


class AccountsModel(QAbstractTableModel):
    def __init__(self, now: Callable[[], datetime], parent: QObject | None = None):
        super().__init__(parent)
        self._now = now
        self._rows: list[AccountRow] = []

    def set_rows(self, rows: list[AccountRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[AccountRow]:
        return list(self._rows)

    def row_at(self, row: int) -> AccountRow:
        return self._rows[row]

    def row_of(self, account_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == account_id), -1)

    def is_locked(self, row: AccountRow) -> bool:
        return row.locked_until is not None and row.locked_until > self._now()

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 6

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            if column == LAST_SIGNIN:
                return row.last_signin_at.isoformat() if row.last_signin_at else ""
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            if row.disabled:
                return MUTED
            if self.is_locked(row):
                return WARNING
        if role == Qt.ItemDataRole.ToolTipRole and column == ROLES:
            return roles_text(row.roles)
        return None

    def _display(self, row: AccountRow, column: int) -> str:
        if column == USERNAME:
            return row.username
        if column == FULL_NAME:
            return row.display_name
        if column == BRANCH:
            return f"{row.branch_code} {row.branch_name}"
        if column == ROLES:
            return roles_text(row.roles)
        if column == STATUS:
            return self.status_text(row)
        if column == LAST_SIGNIN:
            return local_time(row.last_signin_at) or self.tr("Never")
        return ""

    def status_text(self, row: AccountRow) -> str:
        if row.disabled:
            return self.tr("Disabled")
        if self.is_locked(row):
            return self.tr("Locked until {time}").format(time=local_time(row.locked_until))
        if row.must_change_password:
            return self.tr("Enabled, new password pending")
        return self.tr("Enabled")

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = (self.tr("User name"), self.tr("Full name"), self.tr("Branch"), self.tr("Roles"),
                  self.tr("Status"), self.tr("Last sign-in"))
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        """The language changed: headers and translated cells read anew."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 5))


def make_proxy(model: AccountsModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    """Sort by :data:`SORT_ROLE`, filter on any column, case-insensitively."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
