"""The report pages (queue statistics, clerk performance) on a 1366x768 counter PC, in Chinese
and in English: their tables never scroll sideways, whatever they are grouped by, a month of
rows (the vertical scroll bar), a sort by another column or the other language switched to
live, and no column is narrower than its title."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.screens import COUNTER_PC, cut_short, dressed, settle  # noqa: F401 - dressed is a fixture

# every choice of the page's grouping boxes, as (box, index) pairs to set before Show
CHOICES = {
    "queue_stats": lambda page: [((page.by_box, i),) for i in range(page.by_box.count())],
    "clerk_performance": lambda page: [((page.grain_box, g), (page.subject_box, s))
                                       for g in range(page.grain_box.count())
                                       for s in range(page.subject_box.count())],
}


def _fits(page) -> None:
    view = page.view
    assert page.model.rowCount(), "the demo has figures to show"
    settle(None)
    assert view.horizontalScrollBar().maximum() == 0, [view.columnWidth(c) for c in range(page.model.columnCount())]
    assert cut_short(view) == []


@pytest.mark.parametrize("tongue", ["zh_CN", "en"])
@pytest.mark.parametrize("key", sorted(CHOICES))
def test_a_report_table_fits_a_counter_pc_without_scrolling_sideways(
        qtbot, dressed, main_window, language, tongue, key):  # noqa: F811
    language.set(tongue)
    window = main_window("manager")
    window.resize(COUNTER_PC)
    page = window.open_page(key)
    page.period.start_edit.setDate(page.period.end_edit.date().addDays(-30))   # the demo's days, and more
    for choice in CHOICES[key](page):
        for box, index in choice:
            box.setCurrentIndex(index)
        page.refresh()
        _fits(page)
    page.model.set_rows(page.rows * 30)   # a month of rows: the vertical scroll bar takes its width
    _fits(page)
    assert page.view.verticalScrollBar().isVisible()
    page.view.sortByColumn(page.model.columnCount() - 2, Qt.SortOrder.DescendingOrder)   # the arrow moves
    _fits(page)
    language.set("en" if tongue == "zh_CN" else "zh_CN")   # switched live: the titles fitted anew
    _fits(page)
