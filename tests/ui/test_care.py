"""Care screens: the worklist with quick contact entry (a past follow-up date refused in the
dialog), follow-up done, the complaint lifecycle with its live countdown, two people editing
one contact record, the assignment page (cap, hand-over), the dashboard with its charts and
CSV export, the customer view's tab; qtmodeltester on the models; no English on Chinese screens."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.care import complaints, contacts
from app.care.common import save_policy
from app.care.contacts import ContactInput
from app.care.rules import CarePolicy, local_today
from db.models import ContactRecord, Customer
from tests.db.helpers import actor_named
from ui.background import wait_for_background
from tests.ui.saving import submit


def _pick(box, data):
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def _contacts(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(ContactRecord))


@pytest.fixture
def windows(main_window):
    opened = {}

    def page(username, key="care"):
        if (username, key) not in opened:
            opened[(username, key)] = main_window(username).open_page(key)
        page = opened[(username, key)]
        page.refresh()
        wait_for_background()
        return page

    return page


def test_worklist_quick_contact_entry_refuses_a_past_follow_up(windows, demo_store, qtbot, qtmodeltester):
    page = windows("advisor")
    assert "100 customers" in page.summary.text() and "contacts overdue" in page.summary.text()
    item = page.select_item(lambda i: i.kind == "overdue")
    assert item is not None
    before = _contacts(demo_store)
    page.contact_button.click()
    dialog = page.dialog
    assert dialog.isVisible() and item.customer_name in dialog.intro.text()
    _pick(dialog.method, "phone")
    dialog.content.setPlainText("电话问候，介绍新发行理财产品")
    dialog.follow_up.setChecked(True)
    yesterday = local_today(demo_store.clock()) - timedelta(days=1)
    dialog.follow_date.setDate(yesterday)
    submit(dialog)
    assert dialog.isVisible() and "Follow-up date" in dialog.error.text() and "past" in dialog.error.text()
    assert dialog.follow_date.property("invalid") is True
    assert _contacts(demo_store) == before
    dialog.follow_date.setDate(yesterday + timedelta(days=3))
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert _contacts(demo_store) == before + 1
    assert item.customer_id not in {i.customer_id for i in page.items.rows() if i.kind in ("overdue", "due")}
    qtmodeltester.check(page.items)
    # the filter narrows the list
    _pick(page.kind_box, "dates")
    assert page.items.rowCount() > 0 and {i.kind for i in page.items.rows()} <= {"birthday", "date"}
    _pick(page.kind_box, "cards")                                  # VIP cards expiring (cards capability)
    assert page.items.rowCount() >= 1 and page.items.index(0, 0).data() == "VIP card expiring"
    assert page.items.index(0, 7).data().endswith("card")


def test_follow_up_done_from_the_worklist(windows, demo_store):
    page = windows("advisor")
    _pick(page.kind_box, "follow_up")
    count = page.items.rowCount()
    item = page.select_item(lambda i: i.kind == "follow_up")
    page.done_button.click()
    assert page.items.rowCount() == count - 1
    assert contacts.contact(demo_store, actor_named(demo_store, "advisor"), item.ref_id).follow_up_status == "done"


def test_complaint_lifecycle_with_countdown(windows, demo_store, dialogs, qtmodeltester):
    lobby = windows("advisor")
    assert lobby.keeper_box.isHidden()
    item = lobby.select_item(lambda i: True)
    lobby.complain_button.click()
    dialog = lobby.dialog
    _pick(dialog.channel, "counter")
    _pick(dialog.level, 1)
    dialog.content.setPlainText("贵宾室空调故障，等候环境差")
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    new = max(complaints.list_complaints(demo_store, actor_named(demo_store, "advisor")), key=lambda c: c.id)
    assert new.customer_id == item.customer_id and new.state == "accepted"
    assert lobby.select_complaint(new.id)
    row = [r.id for r in lobby.complaints.rows()].index(new.id)
    left = lobby.complaints.index(row, 5).data()
    assert left in ("5:00:00", "4:59:59", "4:59:58")           # the live countdown
    qtmodeltester.check(lobby.complaints)

    manager = windows("manager")
    manager.select_complaint(new.id)
    manager.assign_button.click()
    _pick(manager.dialog.handler, actor_named(demo_store, "advisor").account_id)
    submit(manager.dialog)
    assert not manager.dialog.isVisible(), manager.dialog.error.text()

    advisor = windows("advisor")
    advisor.tabs.setCurrentIndex(1)
    assert advisor.select_complaint(new.id)
    advisor.investigate_button.click()
    advisor.dialog.investigation.setPlainText("联系物业检修")
    submit(advisor.dialog)
    advisor.select_complaint(new.id)
    advisor.close_button.click()
    dialog = advisor.dialog
    _pick(dialog.satisfaction, "satisfied")
    submit(dialog)                                               # no resolution in words
    assert dialog.isVisible() and "Resolution" in dialog.error.text()
    assert complaints.complaint(demo_store, actor_named(demo_store, "advisor"), new.id).state == "investigating"
    dialog.resolution.setPlainText("已更换空调，并致电客户致歉")
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    done = complaints.complaint(demo_store, actor_named(demo_store, "advisor"), new.id)
    assert done.state == "closed" and done.satisfaction == "satisfied" and done.resolution.startswith("已更换空调")
    assert new.id not in [r.id for r in advisor.complaints.rows()]   # the open list no longer shows it
    _pick(advisor.complaint_filter, "all")
    assert advisor.select_complaint(new.id)
    advisor.close_button.click()
    assert "already closed" in dialogs.of("info")[-1][2]


def test_overdue_complaints_show_escalated_to_the_branch_manager(windows):
    page = windows("manager")
    page.tabs.setCurrentIndex(1)
    _pick(page.complaint_filter, "overdue")
    assert page.complaints.rowCount() >= 1
    assert page.complaints.index(0, 8).data() == "行长 陈建国"
    assert page.complaints.index(0, 5).data().startswith("overdue ")  # not a negative timer


def test_two_people_editing_one_contact_record(main_window, demo_store, dialogs):
    from ui.care.customer_tab import CareTab

    advisor, manager = actor_named(demo_store, "advisor"), actor_named(demo_store, "manager")
    with demo_store.read() as session:
        customer = session.scalar(select(Customer.id).where(Customer.relationship_manager_id == advisor.account_id)
                                  .order_by(Customer.id).limit(1))
    contacts.record_contact(demo_store, advisor, customer, ContactInput(method="visit", content="上门拜访"))
    first, second = CareTab(demo_store, advisor, customer), CareTab(demo_store, manager, customer)
    for tab in (first, second):
        tab.contacts_view.selectRow(0)
        tab.edit_button.click()
    first.dialog.content.setPlainText("上门拜访，客户关注养老规划")
    submit(first.dialog)
    assert not first.dialog.isVisible(), first.dialog.error.text()
    second.dialog.needs.setPlainText("行长补充：希望下周面谈")
    submit(second.dialog)
    assert second.dialog.isVisible() and "changed by someone else" in second.dialog.error.text()
    assert second.dialog.needs.toPlainText() == "行长补充：希望下周面谈"       # what they typed is kept
    saved = contacts.contacts_of(demo_store, advisor, customer)[0]
    assert saved.content.startswith("上门拜访,客户关注养老规划") and saved.needs == ""
    assert first.contacts.rowCount() == second.contacts.rowCount()
    for tab in (first, second):
        tab.deleteLater()


def test_customer_view_has_the_contacts_and_complaints_tab(main_window, demo_store, qtmodeltester):
    from ui.customers.tabs import CUSTOMER_TABS

    assert "care" in [t.key for t in CUSTOMER_TABS]
    from ui.care.customer_tab import CareTab

    advisor = actor_named(demo_store, "advisor")
    with demo_store.read() as session:
        customer = session.scalar(select(Customer.id).where(Customer.relationship_manager_id == advisor.account_id)
                                  .order_by(Customer.id).limit(1))
    tab = CareTab(demo_store, advisor, customer)
    tab.new_button.click()
    tab.dialog.content.setPlainText("网点面谈")
    _pick(tab.dialog.method, "in_branch")
    submit(tab.dialog)
    assert tab.contacts.rowCount() >= 1 and tab.contacts.row_at(0).method == "in_branch"
    qtmodeltester.check(tab.contacts)
    qtmodeltester.check(tab.complaints)
    tab.deleteLater()


def test_assignment_refuses_over_the_cap_and_hands_a_book_over(windows, demo_store, dialogs, login_as):
    save_policy(demo_store, actor_named(demo_store, "admin"), CarePolicy(manager_cap=8))
    page = windows("manager", "care_assignment")
    assert "cap 8" in page.staff_title.text()
    lobby = actor_named(demo_store, "lobby").account_id
    _pick(page.assign_to, lobby)
    for row in range(3):
        page.unkept_view.selectionModel().select(
            page.unkept.index(row, 0), page.unkept_view.selectionModel().SelectionFlag.Select
            | page.unkept_view.selectionModel().SelectionFlag.Rows)
    page.assign_button.click()
    (_kind, _title, text), = dialogs.of("warn")
    assert "Relationship manager" in text and "the cap is 8" in text
    with demo_store.read() as session:
        assert session.scalar(select(func.count()).select_from(Customer).where(
            Customer.relationship_manager_id == lobby)) == 6
    # hand the lobby manager's book to the second teller
    save_policy(demo_store, actor_named(demo_store, "admin"), CarePolicy(manager_cap=800))
    page.refresh()
    page.select_staff("lobby")
    _pick(page.hand_over_to, actor_named(demo_store, "teller2").account_id)
    page.hand_over_button.click()
    assert "6 customers handed over" in dialogs.of("info")[-1][2]
    assert next(r for r in page.staff.rows() if r.username == "lobby").customers == 0
    assert next(r for r in page.staff.rows() if r.username == "teller2").customers == 12


def test_assign_by_band_after_a_preview(windows, demo_store, dialogs):
    page = windows("manager", "care_assignment")
    before = page.unkept.rowCount()
    dialogs.confirm_answer = False
    page.rule_button.click()
    assert "by the AUM bands" in dialogs.of("confirm")[-1][2]
    page.refresh()
    assert page.unkept.rowCount() == before
    dialogs.confirm_answer = True
    page.rule_button.click()
    assert "assigned by AUM band" in dialogs.of("info")[-1][2]
    assert page.unkept.rowCount() < before


def test_dashboard_charts_table_and_export(windows, demo_store, dialogs, tmp_path, qtmodeltester, qtbot):
    page = windows("manager", "care_dashboard")
    qtbot.waitUntil(lambda: page.board is not None)
    assert page.board is not None and page.board.vip_total > 0
    for view in page.findChildren(QChartView):
        assert view.chart().series(), view.objectName()
        axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
        assert not axis.truncateLabels(), view.objectName()   # 私人银行 showed as 私人银...
    assert "Private banking" in page.findChild(QChartView, "vipChart").chart().axes(Qt.Orientation.Horizontal)[0].categories()
    for view in page.findChildren(QChartView):
        values = view.chart().axes(Qt.Orientation.Vertical)[0]
        step = values.max() / (values.tickCount() - 1)
        assert step == int(step) and str(int(step)).rstrip("0") in ("1", "2", "5"), view.objectName()
    trend = page.findChild(QChartView, "trendChart")  # the 12 months name their years
    title = trend.chart().axes(Qt.Orientation.Horizontal)[0].titleText()
    assert str(page.board.trend[0][0] // 100) in title and str(page.board.trend[-1][0] // 100) in title
    assert page.branches.rowCount() == 3
    assert "VIPs" in page.headline.text()
    qtmodeltester.check(page.branches)
    dialogs.save_path = str(tmp_path / "care.csv")
    page.export_button.click()
    text = (tmp_path / "care.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Section,Item,Figure,Value"
    assert f"VIPs,Gold,,{page.board.counts['gold']}" in text
    assert "Saved to" in dialogs.of("info")[-1][2]


def test_auditor_sees_the_dashboard_but_not_the_care_pages(main_window):
    window = main_window("auditor")
    assert "care_dashboard" in window.page_keys()
    assert "care" not in window.page_keys() and "care_assignment" not in window.page_keys()


def test_chinese_care_screens_have_no_english(main_window, language, demo_store, windows, qtbot):
    from tests.ui.test_translations import english_words, strip_data, texts_on

    language.set("zh_CN")
    built = []
    care = windows("manager")
    built.append(("care", care))
    care.select_item(lambda i: True)
    care.tabs.setCurrentIndex(1)
    built.append(("complaints", care))
    care.select_complaint(care.complaints.row_at(0).id)
    for step in ("assign", "investigate", "resolve", "close"):
        care.complaint_step(step)
        built.append((step, care.dialog))
    care.tabs.setCurrentIndex(0)
    care.select_item(lambda i: True)
    care.record_contact()
    built.append(("contact dialog", care.dialog))
    care.accept_complaint()
    built.append(("complaint dialog", care.dialog))
    built.append(("assignment", windows("manager", "care_assignment")))
    built.append(("dashboard", windows("manager", "care_dashboard")))
    qtbot.waitUntil(lambda: built[-1][1].board is not None)
    problems = []
    for name, widget in built:
        for text in texts_on(widget):
            leftover = english_words(strip_data(text, demo_store.describe()))
            if leftover:
                problems.append((name, text, leftover))
    assert problems == []


def test_the_care_policy_page_changes_deadlines_and_weekends(windows, demo_store, dialogs):
    from app.care.common import care_policy

    page = windows("admin", "care_policy")
    assert page.hours[1].value() == 5 and not page.weekends.isChecked() and page.days["private"].value() == 7
    page.hours[1].setValue(4)
    page.weekends.setChecked(True)
    page.cap.setValue(600)
    page.bounds["counter_staff"].setText("")
    page.save_button.click()
    assert "saved" in dialogs.of("info")[-1][2]
    policy = care_policy(demo_store)
    assert policy.deadline_hours[1] == 4 and policy.skip_weekends and policy.manager_cap == 600
    assert [b.role for b in policy.bands] == ["lobby_manager", "relationship_manager"]
    page.zone.setText("Mars/Olympus")
    page.save_button.click()
    assert "Time zone" in page.error.text() and care_policy(demo_store).time_zone == "Asia/Shanghai"
    page.bounds["lobby_manager"].setText("lots")
    page.save_button.click()
    assert "write an amount" in page.error.text()
