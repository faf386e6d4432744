"""Tier screens: AUM import with a bad file, evaluation filling the worklists, exceptions
(approve; the proposer cannot), the tier policy page saving a new version; model tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt

from app.tiers.exceptions import propose_exception
from app.tiers.policy_store import list_policies
from tests.db.tierdata import NOW, add_customers, aum_of, set_aum, write_csv
from ui.background import wait_for_background
from tests.ui.saving import submit


@pytest.fixture
def tier_store(demo_store):
    demo_store.clock = lambda: NOW
    ids = add_customers(demo_store, "BJ010101", ["UIGOLD0001", "UIPLAT0001", "UIORD00001"])
    for cif, value in (("UIGOLD0001", "150000"), ("UIPLAT0001", "650000"), ("UIORD00001", "900")):
        set_aum(demo_store, ids[cif], {202608: value, 202609: value, 202610: value})
    return demo_store, ids


def settle(qtbot, task):
    qtbot.waitUntil(lambda: not task.running, timeout=20_000)
    wait_for_background()


def test_import_with_a_bad_file_shows_the_line_reasons(main_window, tier_store, dialogs, qtbot, tmp_path):
    store, ids = tier_store
    page = main_window("admin").open_page("aum_import")
    bad = write_csv(tmp_path / "bad.csv", ["客户号,月份,月日均资产", "UIGOLD0001,2026-10,100",
                                            "NOBODY0001,2026-10,5", "UIPLAT0001,2026-14,5"])
    dialogs.open_path = str(bad)
    settle(qtbot, page.choose_and_import())
    assert "2 bad lines" in page.error.text()
    reasons = [page.problems.data(page.problems.index(r, 1)) for r in range(page.problems.rowCount())]
    lines = [page.problems.data(page.problems.index(r, 0)) for r in range(page.problems.rowCount())]
    assert lines == ["3", "4"]
    assert "NOBODY0001 is not a known customer" in reasons[0] and "Month" in reasons[1]
    assert aum_of(store, ids["UIGOLD0001"])[202610] == 150000
    page.skip_bad.setChecked(True)
    settle(qtbot, page.choose_and_import())
    assert "1 values changed" in page.result_label.text()
    assert page.history.rowCount() == 1


def test_evaluation_action_fills_the_worklists(main_window, tier_store, qtbot, qtmodeltester, dialogs, tmp_path):
    page = main_window("manager").open_page("tier_worklists")
    page.as_of.setDate(QDate(2026, 10, 1))
    settle(qtbot, page.run_evaluation())
    assert "2026-10" in page.summary.text()
    first = page.models["first_card"]
    while first.canFetchMore():
        first.fetchMore()
    rows = {first.row_at(r).cif_no: r for r in range(first.rowCount())}
    assert {"UIGOLD0001", "UIPLAT0001"} <= set(rows) and "UIORD00001" not in rows
    row = rows["UIGOLD0001"]
    assert "*" in first.data(first.index(row, 3))
    assert first.data(first.index(row, 4)) == "CNY 150,000.00"
    assert f"({first.rowCount()})" in page.tabs.tabText(2)   # the user's own customers
    qtmodeltester.check(first)
    dialogs.save_path = str(tmp_path / "out.csv")
    page.tabs.setCurrentIndex(2)
    settle(qtbot, page.export_current())
    assert "UIGOLD0001" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")


def test_approve_an_exception_and_the_proposer_cannot(main_window, tier_store, login_as, qtbot):
    store, ids = tier_store
    advisor_window = main_window("advisor")
    page = advisor_window.open_page("tier_exceptions")
    dialog = page.open_propose()
    dialog.cif.setText("uiord00001")
    dialog.tier.setCurrentIndex(dialog.tier.findData("gold"))
    dialog.reason.setPlainText("潜力客户：新设企业主")
    submit(dialog)
    assert dialog.error.text() == ""
    proposed = next(page.model.row_at(r) for r in range(page.model.rowCount())
                    if page.model.row_at(r).cif_no == "UIORD00001")
    assert not page.approve_button.isVisible()
    # the proposer holds no approval permission; a manager who proposed would be refused too
    manager_page = main_window("manager").open_page("tier_exceptions")
    pending = manager_page.pending
    assert f"{pending}" in manager_page.inbox_label.text()
    assert manager_page.select(proposed.id)
    manager_page.comment.setText("同意")
    assert manager_page.decide(True)
    assert not manager_page.select(proposed.id)   # left the pending list
    assert manager_page.pending == pending - 1


def test_a_manager_cannot_approve_their_own_proposal(main_window, tier_store, qtbot, monkeypatch):
    store, ids = tier_store
    from app.auth.permissions import ROLE_PERMISSIONS, Permission, Role

    monkeypatch.setitem(ROLE_PERMISSIONS, Role.BRANCH_MANAGER,
                        ROLE_PERMISSIONS[Role.BRANCH_MANAGER] | {Permission.PROPOSE_TIER_EXCEPTION})
    window = main_window("manager")
    row = propose_exception(store, window.session.actor, ids["UIORD00001"], tier="gold", reason="r",
                            valid_until=date(2027, 3, 31))
    page = window.open_page("tier_exceptions")
    assert page.select(row.id)
    assert not page.decide(True)
    assert "someone other than the person who proposed it" in page.error.text()


def test_policy_page_saves_a_new_version(main_window, tier_store, qtmodeltester):
    store, _ids = tier_store
    page = main_window("admin").open_page("tier_policy")
    assert page.table.rowCount() == 5
    page.table.item(1, 2).setText("50,000.00")
    page.effective.setDate(QDate(2026, 12, 1))
    assert page.save(), page.error.text()
    with store.read() as session:
        versions = list_policies(session)
    assert versions[0].version == 2 and versions[0].policy.bands[1].lower_bound == 50000
    assert page.history.rowCount() == 2
    qtmodeltester.check(page.history)
    page.table.item(2, 2).setText("40000")
    assert not page.save()
    assert page.error.text().startswith("Lower bound:")
    page.table.item(2, 2).setText("1.234")
    assert not page.save()
    assert "Lower bound" in page.error.text()


def test_customer_tier_tab_shows_months_average_tier_and_why(qtbot, tier_store, login_as, qtmodeltester):
    from app.tiers.evaluation import evaluate_tiers
    from app.actor import Actor
    from ui.tiers.customer_tab import TierTab

    store, ids = tier_store
    evaluate_tiers(store, Actor.batch("test"), (2026, 10))
    tab = TierTab(store, login_as("manager").actor, ids["UIPLAT0001"])
    qtbot.addWidget(tab)
    assert tab.values["tier"].text().startswith("Platinum")
    assert "650,000.00" in tab.values["average"].text()
    assert "Platinum band" in tab.values["why"].text()
    assert tab.months.rowCount() == 6 and tab.history.rowCount() == 1
    view = tab.history_view   # the change's date and time whole, not elided
    assert all(view.columnWidth(c) >= view.sizeHintForColumn(c) for c in range(tab.history.columnCount()))
    qtmodeltester.check(tab.months)
    qtmodeltester.check(tab.history)


def test_customer_view_has_the_tier_and_aum_tab(main_window, tier_store):
    from app.actor import Actor
    from app.tiers.evaluation import evaluate_tiers

    store, ids = tier_store
    evaluate_tiers(store, Actor.batch("test"), (2026, 10))
    page = main_window("manager").open_page("customers")
    view = page.open_customer(ids["UIGOLD0001"])
    # && shows as one &; a single & marks the tab's Alt letter
    titles = [view.tabs.tabText(i).replace("&&", "\0").replace("&", "").replace("\0", "&&")
              for i in range(view.tabs.count())]
    assert "Tier && AUM" in titles
    tab = view.tabs.widget(titles.index("Tier && AUM"))
    assert tab.values["tier"].text().startswith("Gold")
    assert "150,000.00" in tab.values["average"].text()
    view.close()


def test_policy_history_shows_every_tier_whole(main_window, tier_store, language, qtbot):
    """On a 1366x768 counter PC a version's bands read whole, the top tier's bound included."""
    language.set("zh_CN")
    window = main_window("admin")
    window.resize(1366, 768)
    page = window.open_page("tier_policy")
    qtbot.waitExposed(window)
    view, model = page.history_view, page.history
    tiers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index("等级档位（元）")
    assert model.rowCount() == 1 and "≥ 6,000,000" in model.index(0, tiers).data()
    assert view.columnWidth(tiers) >= view.sizeHintForColumn(tiers)


def test_policy_page_edits_the_below_standard_rule(main_window, tier_store, tmp_path):
    store, _ids = tier_store
    page = main_window("admin").open_page("tier_policy")
    assert (page.months.value(), page.tolerance.text()) == (1, "0.00")
    page.effective.setDate(QDate(2026, 12, 1))
    page.tolerance.setText("60")
    assert not page.save()
    assert page.error.text().startswith("Below-standard tolerance:")
    assert page.tolerance.property("invalid") and not page.table.property("invalid")
    page.tolerance.setText("abc")
    assert not page.save() and "Below-standard tolerance" in page.error.text()
    with store.read() as session:
        assert [p.version for p in list_policies(session)] == [1]
    page.months.setValue(3)
    page.tolerance.setText("2.5 %")
    assert page.save(), page.error.text()
    assert not page.tolerance.property("invalid")
    with store.read() as session:
        saved = list_policies(session)[0].policy
    assert (saved.version, saved.below_standard.months, saved.below_standard.tolerance_percent) == (
        2, 3, Decimal("2.50"))
    assert (page.months.value(), page.tolerance.text()) == (3, "2.50")    # reloaded from the store
    assert "3 month-end(s), 2.5% tolerance" in page.history.data(page.history.index(0, 2))
