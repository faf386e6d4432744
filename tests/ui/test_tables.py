"""The shared table kit: columns sized to their content, masked values whole, sort by header."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from ui.columns import ColumnsModel
from ui.tables import FREE_TEXT_WIDEST, fit_table, is_masked, sort_key


@dataclass(frozen=True)
class Row:
    id: int
    card: str
    amount: str
    note: str


ROWS = [Row(1, "622208******9202", "1,200.00", "short"),
        Row(2, "622203******8399", "95.50", "x" * 300),
        Row(3, "622208******1234", "10,000.00", "")]
COLUMNS = [("Card", lambda r: r.card), ("Amount", lambda r: r.amount), ("Note", lambda r: r.note),
           ("Last", lambda r: "")]


def make(qtbot, rows=ROWS, columns=COLUMNS, width=1200):
    model = ColumnsModel(columns, "TierTables")
    model.set_rows(rows)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(width, 400)
    view.show()
    fit_table(view)
    return model, view


def test_masked_values_show_whole_and_free_text_stops_at_a_width(qtbot):
    model, view = make(qtbot)
    assert view.columnWidth(0) >= view.sizeHintForIndex(model.index(0, 0)).width()
    assert view.columnWidth(2) == FREE_TEXT_WIDEST
    header = view.horizontalHeader()
    assert all(header.sectionSize(c) >= header.sectionSizeHint(c) for c in range(3))


def test_a_masked_column_is_not_capped(qtbot):
    wide = [Row(1, "6222" + "0" * 60 + "******1234", "1", "")]
    model, view = make(qtbot, wide)
    assert view.columnWidth(0) > FREE_TEXT_WIDEST
    assert view.columnWidth(0) >= view.sizeHintForIndex(model.index(0, 0)).width()


def test_a_new_list_is_fitted_again(qtbot):
    model, view = make(qtbot, [Row(1, "1", "1", "a")])
    narrow = view.columnWidth(0)
    model.set_rows(ROWS)
    assert view.columnWidth(0) > narrow


def test_a_reload_only_widens_and_a_new_language_fits_anew(qtbot):
    model, view = make(qtbot)
    wide = view.columnWidth(0)
    model.set_rows([Row(1, "1", "1", "a")])  # a live list refreshed: no jumping back
    assert view.columnWidth(0) == wide
    model.retranslate()  # the headers change: every column fits what it shows now
    assert view.columnWidth(0) < wide


def test_sorts_by_header_numbers_as_numbers_keeping_the_selection(qtbot):
    model, view = make(qtbot)
    assert view.isSortingEnabled()
    assert [model.row_at(r).id for r in range(3)] == [1, 2, 3]  # the service's order first
    view.selectRow(0)
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).id for r in range(3)] == [2, 1, 3]
    assert view.selectionModel().selectedRows()[0].row() == 1  # still row id 1
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(r).id for r in range(3)] == [3, 1, 2]
    model.set_rows(list(reversed(ROWS)))  # a reload keeps the user's order
    assert [model.row_at(r).id for r in range(3)] == [3, 1, 2]
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).id for r in range(3)] == [3, 2, 1]  # as the reload gave them


def test_sort_key_orders_kinds_apart_and_empty_last():
    values = ["", "b", 3, "2", "1,000.00", None, "a"]
    assert sorted(values, key=sort_key) == ["2", 3, "1,000.00", "a", "b", "", None]


def test_what_counts_as_masked():
    assert is_masked("622208******9202") and is_masked("110***********123X") and is_masked("138****5678")
    assert not is_masked("C00100001 – C00300008") and not is_masked("2*3")


def test_selected_reads_the_row_object_behind_a_sorting_proxy(qtbot):
    """The kit's one way to read a selection: the row object (ROW_ROLE), right after a proxy
    reordered the rows, for one row or several."""
    from PySide6.QtCore import QSortFilterProxyModel

    from ui.itemroles import SORT_ROLE
    from ui.tables import read_only_view, selected, selected_rows

    model = ColumnsModel(COLUMNS, "TierTables")
    model.set_rows(ROWS)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = read_only_view(None, proxy, "sorted", multi=True)
    qtbot.addWidget(view)
    view.setSortingEnabled(True)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)   # 10,000.00 first: row 3
    view.selectRow(0)
    assert selected(view) is ROWS[2]
    view.selectAll()
    assert [r.id for r in selected_rows(view)] == [3, 1, 2]


def test_the_columns_model_pages_by_keyset_and_passes_the_model_tester(qtmodeltester):
    """Keyset pages: each fetch continues after the last row shown; no sorting while more can
    be fetched (a sort of what is loaded so far would mislead)."""
    rows = [Row(n, f"622208******{n:04d}", f"{n}.00", "") for n in range(1, 8)]
    asked = []

    def fetch(last, limit):
        asked.append(last.id if last else None)
        start = 0 if last is None else rows.index(last) + 1
        return rows[start:start + limit]

    model = ColumnsModel(COLUMNS, "TierTables", page_size=3)
    model.reset(fetch)
    assert model.rowCount() == 3 and model.canFetchMore()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(i).id for i in range(3)] == [1, 2, 3]
    while model.canFetchMore():
        model.fetchMore()
    assert asked == [None, 3, 6] and [model.row_at(i).id for i in range(model.rowCount())] == list(range(1, 8))
    qtmodeltester.check(model)


def test_free_text_in_the_last_column_takes_the_room_left_without_sideways_scroll(qtbot):
    model, view = make(qtbot, columns=COLUMNS[:3], width=450)   # the note last: the column that stretches
    qtbot.waitExposed(view)
    assert view.columnWidth(0) >= view.sizeHintForIndex(model.index(0, 0)).width()   # the card whole
    assert view.horizontalHeader().length() <= view.viewport().width()


def test_two_lines_puts_a_unit_below_else_parts_the_words_evenly():
    from ui.tables import two_lines

    assert two_lines("Avg wait (min)") == "Avg wait\n(min)"
    assert two_lines("90% 分位等候（分钟）") == "90% 分位等候\n（分钟）"
    assert two_lines("Satisfied share") == "Satisfied\nshare"
    assert two_lines("Clerk or counter") == "Clerk or\ncounter"
    assert [two_lines(word) for word in ("Served", "满意率", "(min)")] == ["Served", "满意率", "(min)"]


def test_two_line_titles_are_asked_for_and_never_elided_as_one_line(qtbot):
    from ui.tables import read_only_view

    model = ColumnsModel([("Avg wait (min)", lambda r: r.amount), ("Note", lambda r: r.note)], "TierTables",
                         two_line_titles=True)
    model.set_rows(ROWS)
    view = read_only_view(None, model, "twoLines")
    qtbot.addWidget(view)
    fit_table(view)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Avg wait\n(min)"
    assert view.horizontalHeader().textElideMode() == Qt.TextElideMode.ElideNone
    plain = ColumnsModel(COLUMNS, "TierTables")
    assert plain.headerData(0, Qt.Orientation.Horizontal) == "Card"
    view.setModel(plain)
    fit_table(view)
    assert view.horizontalHeader().textElideMode() == Qt.TextElideMode.ElideRight


def test_only_the_sorted_column_keeps_room_for_the_arrow_and_the_room_moves_with_it(qtbot):
    from ui.tables import read_only_view

    columns = [(title, lambda r: "1") for title in ("First", "Second", "Third", "Last")]
    model = ColumnsModel(columns, "TierTables")
    model.set_rows(ROWS)
    view = read_only_view(None, model, "arrowRoom")
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    fit_table(view)
    header = view.horizontalHeader()
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    sorted_first = [header.sectionSize(c) for c in range(3)]
    qt_view = QTableView()   # Qt's own header keeps the arrow's room beside every title
    qtbot.addWidget(qt_view)
    qt_view.setModel(model)
    qt_view.setSortingEnabled(True)
    qt_header = qt_view.horizontalHeader()
    assert header.sectionSizeHint(1) < qt_header.sectionSizeHint(1)
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    sorted_second = [header.sectionSize(c) for c in range(3)]
    room = sorted_first[0] - sorted_second[0]
    assert room > 0 and sorted_second[1] - sorted_first[1] == room   # the room moved, the total stayed
    assert sorted_second[2] == sorted_first[2]
    assert all(header.sectionSize(c) >= header.sectionSizeHint(c) for c in range(header.count()))
