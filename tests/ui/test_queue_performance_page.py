"""The clerk performance page: the manager's table has every clerk of the branch and a stacked
ratings chart with a bar per clerk; a teller's has only their own rows and no PDF report."""

from __future__ import annotations

from datetime import timedelta

LI_NA, WANG_LEI = "柜员 李娜", "柜员 王磊"


def _show_yesterday_on(page):
    page.period.start_edit.setDate(page.period.end_edit.date().addDays(-1))
    page.refresh()
    return {page.model.row_at(r).key for r in range(page.model.rowCount())}


def test_the_manager_sees_every_clerk_with_a_chart(qtbot, main_window, qtmodeltester):
    page = main_window("manager").open_page("clerk_performance")
    assert {LI_NA, WANG_LEI} <= _show_yesterday_on(page)
    yesterday = (page.period.end_edit.date().toPython() - timedelta(days=1)).isoformat()
    li = next(page.model.row_at(r) for r in range(page.model.rowCount())
              if page.model.row_at(r).id == (yesterday, LI_NA))
    assert li.served > 5 and li.p90_service >= li.avg_service > 0 and li.idle is not None
    series = page.chart.series()
    clerks = {page.model.row_at(r).key for r in range(page.model.rowCount())}
    assert len(series) == 1 and [s.count() for s in series[0].barSets()] == [len(clerks)] * 5
    assert page.report_button.isVisibleTo(page)
    qtmodeltester.check(page.model)
    page.subject_box.setCurrentIndex(page.subject_box.findData("counter"))
    assert page.model.rowCount() > 0 and page.model.row_at(0).key not in (LI_NA, WANG_LEI)


def test_a_teller_sees_only_their_own_rows(qtbot, main_window):
    page = main_window("teller").open_page("clerk_performance")
    assert _show_yesterday_on(page) == {LI_NA}
    assert not page.report_button.isVisibleTo(page)
    page.grain_box.setCurrentIndex(page.grain_box.findData("month"))
    assert {page.model.row_at(r).key for r in range(page.model.rowCount())} == {LI_NA}
