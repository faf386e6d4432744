"""Customer screens: search as you type, open, create, edit (also a conflicting edit), reveal,
mark inactive, import with a bad file, export; the lazy table model under qtmodeltester."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from app.customers.fields import CustomerInput
from app.customers.records import create_customer, input_for_edit, update_customer
from app.customers.search import customer_page
from db.models import AuditEvent
from tests.db.helpers import actor_named
from tests.db.test_customers import ID_LI, ID_ZHANG
from ui.background import wait_for_background
from ui.customers.model import CustomerModel
from tests.ui.saving import submit


@pytest.fixture
def zhang(demo_store):
    teller = actor_named(demo_store, "teller")
    return create_customer(demo_store, teller, CustomerInput(
        cif_no="CIF000001", name="张三", id_number=ID_ZHANG, phone="13800138000"))


def settle(qtbot, task):
    if task is not None:
        qtbot.waitUntil(lambda: not task.running, timeout=20_000)
    wait_for_background()


def names(page):
    return [page.model.row_at(r).name for r in range(page.model.rowCount())]


def test_search_as_you_type_and_open(main_window, zhang, qtbot):
    page = main_window("teller").open_page("customers")
    assert page.model.rowCount() > 0                      # the browse list before typing
    qtbot.keyClicks(page.search_box, "zs")
    qtbot.waitUntil(lambda: "张三" in names(page), timeout=5_000)
    row = names(page).index("张三")
    assert page.model.data(page.model.index(row, 3)) == "110***********002X"
    page.search_box.setText("8000")
    qtbot.waitUntil(lambda: "张三" in names(page) and page.search_task and not page.search_task.running, timeout=5_000)
    page.search_box.setText("'; drop table customer; --")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5_000)
    assert "No customer found" in page.status.text()
    page.search_box.setText("张三")
    qtbot.waitUntil(lambda: names(page) == ["张三"], timeout=5_000)
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, "\r")
    view = page.view_dialog
    assert view is not None and view.values["id_number"].text() == "110***********002X"
    assert not view.show_buttons["id_number"].isVisible()      # a teller may not reveal
    assert [view.tabs.widget(i).objectName() for i in range(2)] == ["recordTab", "tierTab"]   # the record first
    assert view.tabs.currentIndex() == 0 and view.values["id_number"].isVisible()
    view.reject()
    wait_for_background()


def test_reveal_is_audited(main_window, zhang, demo_store, qtbot):
    page = main_window("manager").open_page("customers")
    view = page.open_customer(zhang.id)
    assert view.show_buttons["phone"].isVisible()
    view.show_buttons["phone"].click()
    assert view.values["phone"].text() == "13800138000"
    assert view.values["id_number"].text() == "110***********002X"
    with demo_store.read() as session:
        actions = session.scalars(select(AuditEvent.action).where(
            AuditEvent.entity_id == str(zhang.id)).order_by(AuditEvent.id)).all()
    assert actions[-2:] == ["customer.view", "customer.reveal"]
    viewers = [view.tabs.widget(i) for i in range(view.tabs.count())
               if view.tabs.widget(i).objectName() == "viewersTab"]
    assert viewers and viewers[0].model.rowCount() >= 1
    view.reject()


def test_create_with_field_errors_then_success(main_window, demo_store, qtbot):
    page = main_window("teller").open_page("customers")
    form = page.new_customer()
    form.edits["cif_no"].setText("CIF000777")
    form.edits["name"].setText("李四😀")
    form.edits["id_number"].setText(ID_LI)
    form.edits["phone"].setText("13900139000")
    submit(form)
    assert form.isVisible() and "Name" in form.error.text()
    assert form.edits["name"].property("invalid") is True
    form.edits["name"].setText("李四")
    form.edits["phone"].setText("12345")
    submit(form)
    assert "Phone" in form.error.text() and form.edits["phone"].property("invalid") is True
    form.edits["phone"].setText("139 0013 9000")
    submit(form)
    assert not form.isVisible()
    qtbot.waitUntil(lambda: names(page) == ["李四"], timeout=5_000)


def test_the_form_names_every_bad_field_in_one_go(main_window, language):
    language.set("zh_CN")
    page = main_window("teller").open_page("customers")
    form = page.new_customer()
    form.edits["cif_no"].setText("CIF000778")
    form.edits["name"].setText("王五😀")
    form.edits["id_number"].setText(ID_LI)
    form.edits["phone"].setText("12345")
    form.edits["email"].setText("not an address")
    submit(form)
    lines = form.error.text().splitlines()
    assert len(lines) == 3 and lines[0].startswith("姓名") and lines[1].startswith("手机号") \
        and lines[2].startswith("电子邮箱"), lines   # the form's words, the glossary's words
    assert all(form.edits[key].property("invalid") is True for key in ("name", "phone", "email"))
    assert form.edits["id_number"].property("invalid") is not True
    assert form.edits["name"].hasFocus() or form.focusWidget() is form.edits["name"]


def test_edit_and_a_conflicting_edit(main_window, zhang, demo_store, qtbot):
    page = main_window("teller").open_page("customers")
    view = page.open_customer(zhang.id)
    form = view.edit()
    assert form.edits["id_number"].text() == "" and form.edits["id_number"].placeholderText() == "110***********002X"
    # someone else saves first
    other = actor_named(demo_store, "teller2")
    start, version = input_for_edit(demo_store, other, zhang.id)
    update_customer(demo_store, other, zhang.id, replace(start, employer="别人改的"), expected_version=version)
    form.edits["employer"].setText("我改的")
    submit(form)
    assert form.isVisible() and "changed by someone else" in form.error.text()
    form.reject()
    assert view.values["employer"].text() == "别人改的"        # the view reloaded
    form = view.edit()
    form.edits["employer"].setText("我改的")
    submit(form)
    assert not form.isVisible() and view.values["employer"].text() == "我改的"
    view.toggle_active()
    assert view.values["status"].text() == "Inactive"
    view.reject()


def test_import_with_a_bad_file_then_skip_bad_and_export(main_window, demo_store, dialogs, qtbot, tmp_path):
    page = main_window("admin").open_page("customers")
    bad = tmp_path / "bad.csv"
    bad.write_text("客户号,姓名,证件类型,证件号码,手机号,网点号\n"
                   f"CIF000001,张三,身份证,{ID_ZHANG},13800138000,BJ0101\n"
                   "CIF000002,李四,身份证,110105194912310021,13900139000,BJ0101\n", encoding="gb18030")
    dialogs.open_path = str(bad)
    settle(qtbot, page.choose_and_import())
    assert "1 bad lines" in page.error.text()
    assert page.problems.rowCount() == 1 and page.problems.data(page.problems.index(0, 0)) == "3"
    assert "ID number" in page.problems.data(page.problems.index(0, 1))
    page.skip_bad.setChecked(True)
    settle(qtbot, page.choose_and_import())
    assert "1 new" in page.status.text() and page.last_import.inserted == 1
    dialogs.save_path = str(tmp_path / "out.csv")
    settle(qtbot, page.choose_and_export())
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert "CIF000001,张三,BJ0101" in text and ID_ZHANG not in text


def test_model_is_lazy_and_sound(demo_store, qtmodeltester):
    teller = actor_named(demo_store, "teller")
    model = CustomerModel(page_size=25)
    model.reset(lambda after, limit: customer_page(demo_store, teller, "", after, limit).rows)
    assert model.rowCount() == 25 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 50
    qtmodeltester.check(model)


def test_a_long_scroll_keeps_only_recent_pages_and_refetches_the_rest(demo_store):
    teller = actor_named(demo_store, "teller")
    calls = []

    def fetch(after, limit):
        calls.append(after)
        return customer_page(demo_store, teller, "", after, limit).rows

    model = CustomerModel(page_size=10)
    model.KEPT_PAGES = 3
    model.reset(fetch)
    while model.canFetchMore():
        model.fetchMore()
    everyone = customer_page(demo_store, teller, "", None, 500).rows
    assert model.rowCount() == len(everyone) > 40
    assert len(model._pages) == 3                      # the newest pages only
    fetched = len(calls)
    assert [model.row_at(r).id for r in range(model.rowCount())] == [c.id for c in everyone]
    assert len(calls) > fetched                        # dropped pages came back by their key
    assert calls[fetched] is None and calls[fetched + 1] == everyone[9].id
    assert model.row_at(model.rowCount()) is None


def test_important_dates_and_relatives_in_the_form_and_the_view(main_window, zhang, qtbot):
    view = main_window("teller").open_page("customers").open_customer(zhang.id)
    form = view.edit()
    form.lines["important_dates"].setPlainText("结婚纪念日 05-20\n退休 2030-13-01")
    form.lines["relatives"].setPlainText("配偶 李四 1950-02-01")
    submit(form)
    assert form.isVisible() and "line 2" in form.error.text()
    assert form.lines["important_dates"].property("invalid") is True
    form.lines["important_dates"].setPlainText("结婚纪念日 05-20\n退休 2030-12-01")
    submit(form)
    assert not form.isVisible()
    assert view.values["important_dates"].text() == "结婚纪念日 05-20; 退休 2030-12-01"
    assert view.values["relatives"].text() == "配偶 李四 1950-02-01"
    assert view.edit().lines["relatives"].toPlainText() == "配偶 李四 1950-02-01"
