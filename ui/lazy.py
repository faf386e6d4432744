"""Lazy keyset tables that stay small however far they are scrolled.

A :class:`KeysetModel` grows a page at a time through ``canFetchMore``/``fetchMore``: the
service is asked for ``limit`` rows after the key of the last row shown (keyset pagination, in
the list's own order). It keeps the key of every row loaded (8 bytes each) but the full rows of
only the pages used last; a row whose page was dropped is fetched again, after the key of the
row before its page, when it is next painted. A customer list of 1,000,000 rows scrolled to the
end costs its keys (about 8 MB), not a million row objects (docs/architecture.md: ≤ 300 MB resident).

Subclasses give ``COLUMNS``, :meth:`key_of` and the cells (:meth:`cell`); a bounded result (a
search) is shown whole with :meth:`show_rows` and kept whole.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

Fetch = Callable[[int | None, int], Sequence]
AnyIndex = QModelIndex | QPersistentModelIndex


def no_rows(_after: int | None, _limit: int) -> list:
    return []


class KeysetModel(QAbstractTableModel):
    """Rows from ``fetch(after_key, limit)``, newest page kept, older pages fetched again."""

    loadFailed = Signal(object)   # the exception a page fetch raised (the page shows it)
    COLUMNS = 0
    KEPT_PAGES = 16

    def __init__(self, fetch: Fetch = no_rows, *, page_size: int = 200, parent: QObject | None = None):
        super().__init__(parent)
        self.page_size = page_size
        self._fetch = fetch
        self._keys = array("q")
        self._pages: OrderedDict[int, Sequence] = OrderedDict()
        self._exhausted = True
        self._whole = False       # show_rows: a bounded list, every page kept
        self._failed = False      # a fetch failed: no more fetching until the next reset

    # -- what subclasses give --------------------------------------------------------------
    @staticmethod
    def key_of(row) -> int:
        """The row's key in the list's order (what ``fetch`` continues after)."""
        return row.id

    def cell(self, row, column: int, role: int):
        """What ``data`` answers for ``row`` (a fetched value), ``column`` and ``role``."""
        raise NotImplementedError

    # -- filling ---------------------------------------------------------------------------
    def reset(self, fetch: Fetch) -> None:
        """Browse with ``fetch`` from the start; the first page loads now. Nothing can be
        fetched while the reset is announced: a view answering ``modelReset`` would otherwise
        insert rows inside the reset."""
        self.beginResetModel()
        self._start(fetch, whole=True)
        self.endResetModel()
        self._whole = self._exhausted = False
        self.fetchMore(QModelIndex())

    def show_rows(self, rows: Sequence) -> None:
        """Show a finished, bounded result (a search): nothing more to fetch."""
        self.beginResetModel()
        self._start(no_rows, whole=True)
        self._keys.extend(self.key_of(r) for r in rows)
        for start in range(0, len(rows), self.page_size):
            self._pages[start // self.page_size] = list(rows[start:start + self.page_size])
        self.endResetModel()

    def _start(self, fetch: Fetch, *, whole: bool) -> None:
        self._fetch, self._whole, self._failed = fetch, whole, False
        self._keys, self._pages, self._exhausted = array("q"), OrderedDict(), whole

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def row_at(self, row: int):
        """The value of row ``row`` (fetched again if its page was dropped), or None."""
        if not 0 <= row < len(self._keys):
            return None
        index, offset = divmod(row, self.page_size)
        rows = self._page(index)
        return rows[offset] if offset < len(rows) else None

    def _page(self, index: int) -> Sequence:
        rows = self._pages.get(index)
        if rows is not None:
            self._pages.move_to_end(index)
            return rows
        if self._failed:
            return ()
        after = self._keys[index * self.page_size - 1] if index else None
        rows = self._call(after)
        if rows is None:
            return ()
        self._keep(index, rows)
        return rows

    def _call(self, after: int | None) -> Sequence | None:
        try:
            return self._fetch(after, self.page_size)
        except Exception as error:  # the page decides what to show
            self._failed = self._exhausted = True
            self.loadFailed.emit(error)
            return None

    def _keep(self, index: int, rows: Sequence) -> None:
        self._pages[index] = rows
        while not self._whole and len(self._pages) > self.KEPT_PAGES:
            self._pages.popitem(last=False)

    # -- lazy loading ----------------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        rows = self._call(self._keys[-1] if self._keys else None)
        if rows is None:
            return
        self._exhausted = len(rows) < self.page_size
        if rows:
            first = len(self._keys)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._keys.extend(self.key_of(r) for r in rows)
            self._keep(first // self.page_size, list(rows))
            self.endInsertRows()

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        return None if row is None else self.cell(row, index.column(), role)

    def retranslate(self) -> None:
        """Repaint the headers and every cell in the new language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.COLUMNS - 1))
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, self.COLUMNS - 1))
