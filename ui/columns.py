"""The one table model of plain rows under column definitions, for every capability's lists.

A column is ``(title, show)`` or ``(title, show, sort)``: the title is source text translated
in the model's ``context``, ``show(row)`` the cell's text (also its tooltip, so a cut-off note
reads whole), ``sort(row)`` an optional value that orders right (a time, a number). Every
row answers :data:`ui.itemroles.ROW_ROLE` with its plain row object, so a view reads its
selection the same way behind a sorting proxy (:func:`ui.tables.selected`).

:class:`ColumnsModel` holds its rows whole: :meth:`ColumnsModel.set_rows` shows a short list
(sorted by header), :meth:`ColumnsModel.reset` with ``fetch(last_row, limit)`` loads keyset
pages as the view scrolls (a key of several columns reads them off the last row).
:class:`KeysetColumnsModel` is the same columns over :class:`ui.lazy.KeysetModel`, for a
register that grows without bound (only its recent pages are kept).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal,
)
from PySide6.QtGui import QBrush, QColor

from ui.itemroles import ROW_ROLE, SORT_ROLE
from ui.lazy import Fetch, KeysetModel, no_rows
from ui.tables import SortableRows, sort_key, two_lines

AnyIndex = QModelIndex | QPersistentModelIndex
Column = tuple  # (title, show) or (title, show, sort): see the module's docstring
# fetch(last row shown or None, how many) -> the next rows
RowFetch = Callable[[object | None, int], Sequence]
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def column_cell(columns: Sequence[Column], row, column: int, role: int):
    """What a cell of ``row`` answers for ``role`` under ``columns``."""
    if role in TEXT_ROLES:
        value = columns[column][1](row)
        return "" if value is None else str(value)
    if role == ROW_ROLE:
        return row
    if role == SORT_ROLE:
        if len(columns[column]) > 2 and columns[column][2] is not None:
            value = columns[column][2](row)
        else:   # the shown value: a number shown as text ("1,200.00", "¥95") still sorts as a number
            value = columns[column][1](row)
            key = sort_key(value) if isinstance(value, str) else None
            value = float(key[1]) if key is not None and key[0] == 0 else value
        return value.isoformat() if isinstance(value, (date, datetime)) else value
    return None


def column_title(context: str, columns: Sequence[Column], section: int, orientation: Qt.Orientation,
                 role: int, *, two_line: bool = False):
    """The translated title of column ``section`` (``two_line``: as :func:`ui.tables.two_lines`
    breaks it)."""
    if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
        return None
    if not 0 <= section < len(columns):
        return None
    title = QCoreApplication.translate(context, columns[section][0])
    return two_lines(title) if two_line else title


class ColumnsModel(SortableRows, QAbstractTableModel):
    """Plain rows under ``columns``, titles in ``context``; ``tint(row)`` may name a colour for
    a row's text (an overdue complaint in red), ``highlight(row)`` a row's background;
    ``two_line_titles`` breaks the titles onto two lines (a report's many figure columns, which
    must fit a 1366-pixel screen: :func:`ui.tables.two_lines`)."""

    loadFailed = Signal(object)   # the exception a page fetch raised (the page shows it)

    def __init__(self, columns: Sequence[Column], context: str, parent: QObject | None = None, *,
                 page_size: int = 100, tint: Callable[[object], str | None] | None = None,
                 two_line_titles: bool = False):
        super().__init__(parent)
        self.columns = list(columns)
        self.two_line_titles = two_line_titles
        self.context = context
        self.page_size = page_size
        self.tint = tint
        self.highlight: Callable[[object], bool] | None = None
        self._rows: list = []
        self._fetch: RowFetch | None = None
        self._more = False
        self._fetching = False

    # -- filling ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence) -> None:
        """Show a short list whole (in the order the user sorted by, if any)."""
        self.beginResetModel()
        self._fetch, self._more = None, False
        self._rows = self.sorted_rows(rows)
        self.endResetModel()

    def reset(self, fetch: RowFetch) -> None:
        """Browse with ``fetch`` from the start, a keyset page at a time as the view asks."""
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
            page = list(self._fetch(self._rows[-1] if self._rows else None, self.page_size))
            self._more = len(page) >= self.page_size
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
        except Exception as error:  # the page shows it
            self._more = False
            self.loadFailed.emit(error)
        finally:
            self._fetching = False

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and self.tint is not None:
            colour = self.tint(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight is not None and self.highlight(row):
            return QBrush(QColor("#fde2e1"))
        return column_cell(self.columns, row, index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(self.context, self.columns, section, orientation, role,
                            two_line=self.two_line_titles)

    def retranslate(self) -> None:
        """Repaint the headers and every cell in the new language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns) - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    def refresh_column(self, column: int) -> None:
        """Repaint one column (a live countdown) without reloading anything."""
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column),
                                  [Qt.ItemDataRole.DisplayRole])


class KeysetColumnsModel(KeysetModel):
    """Columns as in :class:`ColumnsModel` over a register that grows without bound, fetched
    with ``fetch(after_key, limit)`` a keyset page at a time (only the recent pages kept)."""

    def __init__(self, columns: Sequence[Column], context: str, fetch: Fetch = no_rows, *,
                 page_size: int = 200, parent: QObject | None = None):
        super().__init__(fetch, page_size=page_size, parent=parent)
        self.columns = list(columns)
        self.context = context
        self.COLUMNS = len(self.columns)

    def cell(self, row, column: int, role: int):
        return column_cell(self.columns, row, column, role)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(self.context, self.columns, section, orientation, role)
