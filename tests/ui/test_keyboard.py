"""The keyboard alone: search takes focus after sign-in, Down goes into the results, Enter opens
a single hit; a counter calls, recalls, marks a no-show, starts and finishes on F5–F9."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.customers.fields import CustomerInput
from app.customers.records import create_customer
from tests.db.helpers import actor_named
from tests.db.test_customers import ID_ZHANG
from ui.background import wait_for_background
from ui.queue.counter_panels import CALL_KEY, FINISH_KEY, NO_SHOW_KEY, RECALL_KEY, START_KEY
from tests.ui.saving import idle


def test_search_has_the_keyboard_after_sign_in_and_enter_opens_the_single_hit(qtbot, main_window, demo_store):
    create_customer(demo_store, actor_named(demo_store, "teller"), CustomerInput(
        cif_no="CIF000001", name="张三丰", id_number=ID_ZHANG, phone="13800138000"))
    window = main_window("teller")
    window.activateWindow()
    page = window.current_page()
    assert page is window.page("customers")
    assert QApplication.focusWidget() is page.search_box or page.search_box.hasFocus() \
        or window.focusWidget() is page.search_box
    qtbot.keyClicks(page.search_box, "CIF000001")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view_dialog is not None, timeout=10_000)
    assert page.view_dialog.values["cif_no"].text() == "CIF000001"
    page.view_dialog.reject()
    wait_for_background()


def test_down_arrow_goes_into_the_results_and_enter_opens_one(qtbot, main_window):
    window = main_window("teller")
    page = window.open_page("customers")
    qtbot.waitUntil(lambda: page.model.rowCount() > 1, timeout=10_000)  # the browse list
    page.search_box.setFocus()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert page.table.hasFocus() or window.focusWidget() is page.table
    assert page.table.currentIndex().row() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.view_dialog is not None
    assert page.view_dialog.values["cif_no"].text() == page.model.row_at(1).cif_no
    page.view_dialog.reject()
    wait_for_background()


def _press(qtbot, counter, key: str) -> None:
    """A function key pressed wherever the focus is in the counter's window; the button it
    names clicks as a shortcut does (animated: it is held down, and its click lands when it
    comes up a moment later, so we wait for that)."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton

    target = QApplication.focusWidget() or counter.window()
    qtbot.keyClick(target, QKeySequence(key)[0].key())
    buttons = counter.findChildren(QAbstractButton)
    assert any(button.isDown() for button in buttons), f"{key} pressed no button"
    qtbot.waitUntil(lambda: not any(button.isDown() for button in buttons), timeout=5_000)
    qtbot.waitUntil(idle)  # the command it started runs off the GUI thread


def test_a_counter_runs_on_function_keys_shown_in_the_tooltips(qtbot, main_window, demo_store):
    from datetime import timedelta

    from app.queue import setup, tickets

    start = demo_store.clock()
    moved = [timedelta(0)]
    demo_store.clock = lambda: start + moved[0]  # a recall waits out the policy's gap

    manager = actor_named(demo_store, "manager")
    service = setup.add_service(demo_store, manager, prefix="T", name="测试业务")
    setup.add_counter(demo_store, manager, number="T1", name="测试窗口", service_ids=[service])
    first = tickets.issue_ticket(demo_store, actor_named(demo_store, "lobby"), service_id=service, customer_id=None)
    second = tickets.issue_ticket(demo_store, actor_named(demo_store, "lobby"), service_id=service, customer_id=None)
    window = main_window("teller")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    counter = window.open_page("counter")
    counter.refresh()
    for i in range(counter.counter_box.count()):
        if counter.counter_box.itemText(i).startswith("T1 "):
            counter.counter_box.setCurrentIndex(i)
    counter.sign_in_button.click()
    qtbot.waitUntil(idle)
    for button, key in ((counter.call_button, CALL_KEY), (counter.recall_button, RECALL_KEY),
                        (counter.no_show_button, NO_SHOW_KEY), (counter.start_button, START_KEY),
                        (counter.finish_button, FINISH_KEY)):
        assert button.toolTip().endswith(f"({key})"), button.toolTip()

    _press(qtbot, counter, CALL_KEY)
    assert counter.state.held.id == first.id and counter.state.held.state == "called"
    recalls = counter.state.held.recalls
    for n in (1, 2):  # the policy's recalls before a no-show, a gap apart
        moved[0] = timedelta(minutes=n)
        _press(qtbot, counter, RECALL_KEY)
        assert counter.state.held.recalls == recalls + n
    _press(qtbot, counter, NO_SHOW_KEY)
    assert counter.state.held is None
    _press(qtbot, counter, CALL_KEY)
    assert counter.state.held.id == second.id
    _press(qtbot, counter, START_KEY)
    assert counter.state.held.state == "serving"
    _press(qtbot, counter, FINISH_KEY)
    assert counter.state.held is None
