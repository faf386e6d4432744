"""Table models of the queue screens and a refresh that keeps what the user had: the selected
ticket, the sort order (a proxy sorts by :data:`SORT_ROLE`) and the scroll position.

The queue of a day is short (hundreds of rows at most), so a model holds its rows whole; the
live feed refreshes them within a second of a change anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex,
    QSortFilterProxyModel, Qt, QT_TRANSLATE_NOOP,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.queue.rules import STATE_LABELS
from ui.itemroles import ROW_ROLE, SORT_ROLE
from ui.tiers.labels import tier_label

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "QueueTables"


def state_text(state: str) -> str:
    return QCoreApplication.translate("queue_states", STATE_LABELS.get(state, state))


def minutes_text(seconds: int) -> str:
    return QCoreApplication.translate("QueueTables", "{minutes} min").format(minutes=seconds // 60)


def priority_text(priority: int, tier_codes: Sequence[str]) -> str:
    if not tier_codes:
        return str(priority)
    return tier_label(tier_codes[max(0, min(priority, len(tier_codes) - 1))])


Column = tuple[str, Callable[[object], object], Callable[[object], object] | None]


class RowsModel(QAbstractTableModel):
    """Plain rows with an ``id``; columns are (title in "QueueTables", display, sort key)."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list = []
        self.highlight: Callable[[object], bool] = lambda row: False

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

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
        _title, show, sort = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(show(row))
        if role == SORT_ROLE:
            value = (sort or show)(row)
            return value.isoformat() if isinstance(value, datetime) else value
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight(row):
            return QBrush(QColor("#fde2e1"))
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


def sorted_table(parent: QWidget, model: RowsModel, name: str) -> QTableView:
    """A read-only, single-selection table over a sorting proxy of ``model``."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(92)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return view


def selected_row(view: QTableView):
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(ROW_ROLE) if rows else None


def select_id(view: QTableView, row_id) -> bool:
    """Select the row whose object has ``id == row_id``; False when it is not shown."""
    model = view.model()
    for r in range(model.rowCount()):
        if getattr(model.index(r, 0).data(ROW_ROLE), "id", None) == row_id:
            view.selectRow(r)
            return True
    view.clearSelection()
    return False


def refresh_keeping(view: QTableView, model: RowsModel, rows: Sequence) -> None:
    """Replace ``model``'s rows; the selected row (by id), the sort order and the scroll
    position stay as the user left them."""
    chosen = selected_row(view)
    bar = view.verticalScrollBar()
    scrolled = bar.value()
    model.set_rows(rows)
    if chosen is not None:
        select_id(view, chosen.id)
    bar.setValue(min(scrolled, bar.maximum()))


QUEUE_TITLES = (
    QT_TRANSLATE_NOOP("QueueTables", "Number"), QT_TRANSLATE_NOOP("QueueTables", "Service"),
    QT_TRANSLATE_NOOP("QueueTables", "Customer"), QT_TRANSLATE_NOOP("QueueTables", "Tier"),
    QT_TRANSLATE_NOOP("QueueTables", "Priority"), QT_TRANSLATE_NOOP("QueueTables", "State"),
    QT_TRANSLATE_NOOP("QueueTables", "Waited"), QT_TRANSLATE_NOOP("QueueTables", "Counter"),
    QT_TRANSLATE_NOOP("QueueTables", "Note"),
)


def ticket_columns(now: Callable[[], datetime], tier_codes: Callable[[], Sequence[str]]) -> list[Column]:
    """The queue list's columns; ``now`` and ``tier_codes`` come from the latest board."""
    def note(r) -> str:
        if r.lost:
            return QCoreApplication.translate("QueueTables", "Counter lost: re-queue?")
        if r.target_counter:
            return QCoreApplication.translate("QueueTables", "For counter {counter}").format(counter=r.target_counter)
        return r.note
    anonymous = QT_TRANSLATE_NOOP("QueueTables", "Anonymous")
    return [
        (QUEUE_TITLES[0], lambda r: r.number, lambda r: r.id),
        (QUEUE_TITLES[1], lambda r: r.service_name, None),
        (QUEUE_TITLES[2], lambda r: r.customer_label or QCoreApplication.translate(CONTEXT, anonymous), None),
        (QUEUE_TITLES[3], lambda r: tier_label(r.tier), lambda r: r.priority),
        (QUEUE_TITLES[4], lambda r: priority_text(r.priority, tier_codes()), lambda r: r.priority),
        (QUEUE_TITLES[5], lambda r: state_text(r.state), lambda r: r.state),
        (QUEUE_TITLES[6], lambda r: minutes_text(r.waited(now())), lambda r: r.waited(now())),
        (QUEUE_TITLES[7], lambda r: r.counter, None),
        (QUEUE_TITLES[8], note, None),
    ]
