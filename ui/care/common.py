"""What the care screens share: words for the care codes, a plain-rows table model whose
column titles translate in the "CareTables" context, table views and small helpers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTableView, QWidget

from app.care.rules import (
    CHANNEL_LABELS, FOLLOW_UP_LABELS, LEVEL_LABELS, METHOD_LABELS, SATISFACTION_LABELS, STATE_LABELS,
    countdown_text, to_local,
)
from ui.formatting import overdue_text
from ui.tiers.common import table_view as tiers_table_view
from ui.tiers.labels import tier_label
from ui.tiers.models import RowsModel

AnyIndex = QModelIndex | QPersistentModelIndex
CARE_TOPIC = "care"

KIND_LABELS = {
    "overdue": QT_TRANSLATE_NOOP("CareKinds", "Contact overdue"),
    "due": QT_TRANSLATE_NOOP("CareKinds", "Contact due today"),
    "birthday": QT_TRANSLATE_NOOP("CareKinds", "Birthday"),
    "date": QT_TRANSLATE_NOOP("CareKinds", "Important date"),
    "follow_up": QT_TRANSLATE_NOOP("CareKinds", "Follow-up due"),
    "complaint": QT_TRANSLATE_NOOP("CareKinds", "Complaint"),
    "card_expiry": QT_TRANSLATE_NOOP("CareKinds", "VIP card expiring"),
}
REASON_LABELS = {
    "no_manager": QT_TRANSLATE_NOOP("CareKinds", "No relationship manager"),
    "manager_disabled": QT_TRANSLATE_NOOP("CareKinds", "Manager's account disabled"),
    "no_phone": QT_TRANSLATE_NOOP("CareKinds", "No valid phone (lost contact)"),
}


def care_text(labels: dict, code) -> str:
    text = labels.get(code)
    return QCoreApplication.translate("care", text) if text else str(code)


def method_text(code: str) -> str:
    return care_text(METHOD_LABELS, code)


def channel_text(code: str) -> str:
    return care_text(CHANNEL_LABELS, code)


def state_text(code: str) -> str:
    return care_text(STATE_LABELS, code)


def level_text(level: int) -> str:
    return care_text(LEVEL_LABELS, level)


def satisfaction_text(code: str) -> str:
    return care_text(SATISFACTION_LABELS, code) if code else ""


def follow_up_text(code: str) -> str:
    return care_text(FOLLOW_UP_LABELS, code)


def kind_text(code: str) -> str:
    return QCoreApplication.translate("CareKinds", KIND_LABELS.get(code, code))


def reasons_text(codes: Sequence[str]) -> str:
    return QCoreApplication.translate("lists", ", ").join(
        QCoreApplication.translate("CareKinds", REASON_LABELS.get(c, c)) for c in codes)


def tier_text(code: str) -> str:
    return tier_label(code) if code else ""


def local_text(utc: datetime | None, policy) -> str:
    """A stored UTC time as the branch's wall clock, to the minute."""
    return to_local(utc, policy).strftime("%Y-%m-%d %H:%M") if utc else ""


def left_text(deadline: datetime, now: datetime) -> str:
    """Time left as a countdown ("4:59:59"); past the deadline, how long overdue ("overdue 1 d 2 h")."""
    return countdown_text(deadline - now) if deadline >= now else overdue_text(now - deadline)


class CareRowsModel(RowsModel):
    """Plain rows (see :class:`ui.tiers.models.RowsModel`) whose column titles translate in the
    "CareTables" context; ``tint(row)`` may return a colour name for a row's text (overdue in
    red); ``refresh_column`` repaints the live countdown."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[object], object]]], parent: QObject | None = None,
                 tint: Callable[[object], str | None] | None = None):
        super().__init__(columns, parent)
        self._tint = tint

    def rows(self) -> list:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and self._tint is not None and index.isValid() \
                and 0 <= index.row() < len(self._rows):
            colour = self._tint(self._rows[index.row()])
            return QBrush(QColor(colour)) if colour else None
        value = super().data(index, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and value is not None:
            return str(value)
        return value

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return QCoreApplication.translate("CareTables", self.columns[section][0])
        return None

    def refresh_column(self, column: int) -> None:
        """Repaint one column (the live countdown) without reloading anything."""
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column),
                                  [Qt.ItemDataRole.DisplayRole])


def table_view(parent: QWidget, model, name: str, *, multi: bool = False) -> QTableView:
    view = tiers_table_view(parent, model, name)
    if multi:
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.horizontalHeader().setDefaultSectionSize(100)
    return view


def selected_rows(view: QTableView) -> list:
    model = view.model()
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    return [model.row_at(i.row()) for i in sorted(indexes, key=lambda i: i.row())]


def selected(view: QTableView):
    rows = selected_rows(view)
    return rows[0] if rows else None


def button(parent: QWidget, name: str, visible: bool = True) -> QPushButton:
    b = QPushButton(parent)
    b.setObjectName(name)
    b.setVisible(visible)
    return b


class LazyRowsModel(CareRowsModel):
    """Rows fetched a page at a time as the view scrolls (keyset by ``row.id``):
    ``fetch(after_id, limit)`` returns the next page."""

    def __init__(self, columns, parent: QObject | None = None, *, page_size: int = 200, tint=None):
        super().__init__(columns, parent, tint)
        self.page_size = page_size
        self._fetch = None
        self._exhausted = True

    def reset(self, fetch) -> None:
        self.beginResetModel()
        self._fetch, self._rows, self._exhausted = fetch, [], False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        page = self._fetch(self._rows[-1].id if self._rows else None, self.page_size)
        self._exhausted = len(page) < self.page_size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()


def fit_columns(view: QTableView, widest: int = 280) -> None:
    """Size columns to what they show (short lists only), none wider than ``widest``."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(column, min(max(header.sectionSize(column), 72), widest))
