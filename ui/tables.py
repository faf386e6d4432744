"""Tables sized to their content and sorted by header, once for every page.

Columns are sized to what they show, so that a masked card number, an ID or a serial range is
read whole; free text (notes, reasons) stops at FREE_TEXT_WIDEST (the models give the whole
text as the cell's tooltip). The last column, which stretches, takes the room the others leave
(at least its header's width, a masked value whole), so that no list scrolls sideways for a
long note at its end. Only the column sorted by keeps room for the sort arrow
(:class:`TitleHeader`, the header of every list), and a report's many figure columns may break
their titles onto two lines (:func:`two_lines`), so that a report fits a 1366-pixel counter PC
without scrolling sideways. The shell fits every table of every page it builds, and of every
form a page opens (``fit_tables``), so a page only builds its views; a model that holds its
rows whole sorts by header (``SortableRows``). Every list is built by :func:`read_only_view`
and read by :func:`selected` (the row object, the same behind a sorting proxy).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QRect, QSize, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QStyle, QStyleOptionHeader, QTableView, QTableWidget, QWidget,
)
from shiboken6 import isValid

from ui.itemroles import ROW_ROLE, SORT_ROLE

FREE_TEXT_WIDEST = 320
_ROWS_MEASURED = 300   # rows a refit reads per column (a lazy list is never read whole)


def fit_columns(view: QTableView, widest: int = FREE_TEXT_WIDEST, *, grow_only: bool = False,
                only: Collection[int] | None = None) -> None:
    """Size each column of ``view`` (or the columns ``only``) to its header and cells (none wider
    than ``widest``, but never narrower than its header or than a masked value in it); the last
    one stretches over the room left, from its header's width.
    ``grow_only``: a column only widens (a live list refreshed every few seconds does not
    make its columns jump back and forth)."""
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    header.setResizeContentsPrecision(_ROWS_MEASURED)
    view.verticalHeader().setResizeContentsPrecision(_ROWS_MEASURED)
    stretched = _stretched_column(header)
    for column in range(header.count()) if only is None else sorted(c for c in only if 0 <= c < header.count()):
        if header.isSectionHidden(column) or header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            continue
        title = header.sectionSizeHint(column)
        cells = view.sizeHintForColumn(column)
        masked = _masked_column(model, column)
        if column == stretched and not masked:
            cells = 0   # it takes the room the others leave: no sideways scroll for its text
        elif cells > widest and not masked:
            cells = widest
        wanted = max(title, cells, header.minimumSectionSize())
        if not grow_only or wanted > header.sectionSize(column):
            header.resizeSection(column, wanted)


def _stretched_column(header: QHeaderView) -> int:
    """The column the header stretches to its end (the last one shown), or -1 for none."""
    if not header.stretchLastSection():
        return -1
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    return max(shown, key=header.visualIndex, default=-1)


def _masked_column(model: QAbstractItemModel, column: int) -> bool:
    """Whether the column's first rows hold masked values (which must show whole)."""
    for row in range(min(model.rowCount(), 20)):
        if is_masked(str(model.index(row, column).data() or "")):
            return True
    return False


def two_lines(title: str) -> str:
    """``title`` on two lines, so that a column of short figures need not be as wide as its
    title: a trailing unit in brackets goes to the second line ("Avg wait (min)", "平均等候（分钟）"),
    else the words part where the two lines come out most even ("Satisfied share"); a single
    word stays whole. For a report's table of many figure columns, which must fit the
    counter PC's width without scrolling sideways (``ColumnsModel(..., two_line_titles=True)``)."""
    unit = _UNIT.search(title)
    if unit and unit.start() > 0:
        return f"{title[:unit.start()]}\n{unit.group().strip()}"
    words = title.split()
    if len(words) < 2:
        return title
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return f"{' '.join(words[:cut])}\n{' '.join(words[cut:])}"


_UNIT = re.compile(r"\s*[(（][^()（）]*[)）]$")


def is_masked(text: str) -> bool:
    """A masked card number, ID number or phone: digits around a run of asterisks."""
    return bool(_MASKED.search(text))


_MASKED = re.compile(r"\d\*{2,}[0-9Xx]")


class TitleHeader(QHeaderView):
    """A list's column titles, where only the column sorted by keeps room for the sort arrow,
    as wide as the style draws it. Qt keeps a square as high as the title beside every title
    instead, whether its column is sorted by or not: 22 pixels a column with the shipped font and
    style sheet, 38 for a title on two lines, a quarter of the clerk performance table's width.
    The title is centred, so the arrow and its gap are kept on both sides.
    When the arrow moves, :class:`TableFitter` fits the column it left and the one it reached."""

    def __init__(self, parent: QWidget):
        super().__init__(Qt.Orientation.Horizontal, parent)

    def sectionSizeFromContents(self, logical: int) -> QSize:  # noqa: N802
        size = super().sectionSizeFromContents(logical)
        if not self.isSortIndicatorShown() or self.model() is None:
            return size
        option, style = QStyleOptionHeader(), self.style()
        self.initStyleOption(option)
        option.section = logical
        option.text = str(self.model().headerData(logical, self.orientation()) or "")
        plain = style.sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), self)
        if logical != self.sortIndicatorSection():
            return QSize(min(size.width(), plain.width()), size.height())
        option.rect = QRect(0, 0, plain.width(), plain.height())
        arrow = style.subElementRect(QStyle.SubElement.SE_HeaderArrow, option, self).width()
        room = 2 * (arrow + style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, self))
        return QSize(min(size.width(), plain.width() + room), size.height())


class TableFitter(QObject):
    """Fits its view's columns to a new model and a new language, and widens them for each
    list loaded again (reset, first rows); the user's own widths stand until a column needs
    more. Enables sorting by header on a model that can sort (a proxy, or ``SORTABLE``) while
    it holds every row."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self._model: QAbstractItemModel | None = None
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._arrow_at = header.sortIndicatorSection()
        header.sortIndicatorChanged.connect(self._arrow_moved)
        self.attach()

    def attach(self) -> None:
        """Follow the view's current model (call again after ``setModel``)."""
        model = self.view.model()
        if model is self._model:
            return
        if self._model is not None:
            for signal, slot in ((self._model.modelReset, self.refresh),
                                 (self._model.headerDataChanged, self._headers_changed),
                                 (self._model.rowsInserted, self._rows_inserted)):
                signal.disconnect(slot)
        self._model = model
        if model is not None:
            model.modelReset.connect(self.refresh)
            model.headerDataChanged.connect(self._headers_changed)
            model.rowsInserted.connect(self._rows_inserted)
        self.refit()

    def _rows_inserted(self, _parent: QModelIndex, first: int, _last: int) -> None:
        if first == 0:  # the first rows of a list; later pages keep the widths the user sees
            self.refresh()

    def _arrow_moved(self, section: int, _order: Qt.SortOrder) -> None:
        """The sort arrow moved: the column it left gives its room back, the one it reached
        takes it (a :class:`TitleHeader` keeps the room in the sorted column only)."""
        left, self._arrow_at = self._arrow_at, section
        if left != section and isValid(self.view):
            fit_columns(self.view, only={left, section})

    def _headers_changed(self, *_section) -> None:
        self.refit()

    def refresh(self) -> None:
        """The list was loaded again: columns widen for what it shows now, none narrows."""
        self.refit(grow_only=True)

    def refit(self, grow_only: bool = False) -> None:
        """Fit every column anew (a new model, a new language), or only widen them."""
        if not isValid(self.view):  # the view's model speaking while the view is destroyed
            return
        self._sorting()
        self._eliding()
        fit_columns(self.view, grow_only=grow_only)

    def _eliding(self) -> None:
        """A title cut short ends in "…"; but Qt elides a title of two lines as if it were one
        line, so titles on two lines are never elided (each line fits: see ``fit_columns``)."""
        model, header = self._model, self.view.horizontalHeader()
        folded = model is not None and any(
            "\n" in str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            for column in range(model.columnCount()))
        header.setTextElideMode(Qt.TextElideMode.ElideNone if folded else Qt.TextElideMode.ElideRight)

    def _sorting(self) -> None:
        model = self._model
        sortable = isinstance(model, QSortFilterProxyModel) or (
            getattr(model, "SORTABLE", False) and not model.canFetchMore(QModelIndex()))
        if sortable == self.view.isSortingEnabled():
            return
        header = self.view.horizontalHeader()
        if sortable and not isinstance(model, QSortFilterProxyModel):
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order first
        self.view.setSortingEnabled(sortable)


def fit_table(view: QTableView) -> TableFitter:
    """Give ``view`` a :class:`TableFitter` (once); returns it."""
    fitter = view.findChild(TableFitter, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if fitter is None:
        fitter = TableFitter(view)
    else:
        fitter.attach()
    return fitter


def fit_tables(root: QWidget) -> None:
    """Fit every table view under ``root`` (a page, a dialog). An editing grid (a
    QTableWidget, filled cell by cell with editors in its cells) keeps the sizes its page
    gave it."""
    for view in root.findChildren(QTableView):
        if not isinstance(view, QTableWidget):
            fit_table(view)


def sort_key(value) -> tuple:
    """Orders numbers, dates and text in one column without comparing across kinds; empty last."""
    if value is None or value == "":
        return (3, "")
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, (int, float, Decimal)):
        return (0, value)
    if isinstance(value, (date, datetime)):
        return (1, value.isoformat())
    text = str(value)
    number = _NUMBER.fullmatch(text.replace(",", "").strip())
    return (0, Decimal(number.group(1))) if number else (2, text)


_NUMBER = re.compile(r"[¥￥]?\s*(-?\d+(?:\.\d+)?)\s*(?:元|%|分钟|天)?")


class SortableRows:
    """For a table model that holds its rows whole in ``self._rows``: ``sort`` reorders them by
    :data:`ui.itemroles.SORT_ROLE` (else the shown text), keeping the selection; column -1 is
    the order the service gave. Call :meth:`sorted_rows` in ``set_rows`` so that a reload keeps
    the order the user chose. While a lazy model can fetch more it does not sort (a sort of the
    rows fetched so far would mislead)."""

    SORTABLE = True
    _sort_column = -1
    _sort_order = Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        if self.canFetchMore(QModelIndex()):
            return
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        arrival = getattr(self, "_arrival", None)
        same = arrival is not None and sorted(map(id, arrival)) == sorted(map(id, before))
        self._rows = self.sorted_rows(arrival if same else before)
        where = {id(row): number for number, row in enumerate(self._rows)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [
            self.index(where[id(before[i.row()])], i.column()) if 0 <= i.row() < len(before) else QModelIndex()
            for i in old])
        self.layoutChanged.emit()

    def sorted_rows(self, rows) -> list:
        """``rows`` (the service's order, remembered) in the order the user chose."""
        self._arrival = list(rows)
        if self._sort_column < 0:
            return list(rows)
        keyed = []
        saved, self._rows = getattr(self, "_rows", []), list(rows)
        try:
            for number in range(len(rows)):
                index = self.index(number, self._sort_column)
                value = index.data(SORT_ROLE)
                keyed.append((sort_key(index.data() if value is None else value), number))
        finally:
            self._rows = saved
        keyed.sort(reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        return [rows[number] for _key, number in keyed]


def read_only_view(parent: QWidget, model: QAbstractItemModel, name: str, *, multi: bool = False) -> QTableView:
    """A list to read and pick from: whole rows selected (one, or several with ``multi``), no
    editing, alternating rows; sorted by header once the shell fits it (:class:`TableFitter`)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setHorizontalHeader(TitleHeader(view))
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(28)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(110)
    return view


def selected_rows(view: QTableView) -> list:
    """The row objects selected in ``view``, top to bottom as shown (through any proxy)."""
    chosen = view.selectionModel().selectedRows() if view.selectionModel() else []
    return [index.data(ROW_ROLE) for index in sorted(chosen, key=lambda i: i.row())]


def selected(view: QTableView):
    """The row object selected in ``view``, or None."""
    rows = selected_rows(view)
    return rows[0] if rows else None
