"""The queue's screens as the lobby and the counters use them all day: issuing a ticket moves
nothing on the page, the lobby display reads across a room, the counter runs from the keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.screens import COUNTER_PC, dressed, settle  # noqa: F401 - fixture
from tests.ui.saving import idle


def _geometry(window, lobby):
    QApplication.processEvents()
    widgets = (window.navigation, lobby.issue_box, lobby.service_box, lobby.customer_box, lobby.issue_button,
               lobby.view, lobby.summary)
    return [w.geometry() for w in widgets] + [w.mapTo(window, w.rect().topLeft()) for w in widgets]


def test_issuing_a_ticket_moves_nothing_on_the_page(qtbot, dressed, main_window, language):  # noqa: F811
    language.set("zh_CN")
    window = main_window("lobby")
    window.resize(COUNTER_PC)
    lobby = window.open_page("lobby")
    settle(qtbot)
    before = _geometry(window, lobby)
    for _ in range(2):
        lobby.issue_button.click()
        qtbot.waitUntil(idle)
        settle(qtbot)
        assert lobby.last_issued.number in lobby.issued_label.text()
        assert _geometry(window, lobby) == before
    box = lobby.service_box
    assert box.width() >= box.sizeHint().width()  # 「G 综合业务」 whole, not 「G 综合业」


def _display(qtbot, main_window, size):
    lobby = main_window("lobby").open_page("lobby")
    display = lobby.open_display()
    qtbot.addWidget(display)
    display.resize(size)
    settle(qtbot)
    return lobby, display


def test_the_display_welcomes_when_nobody_is_called_then_highlights_the_newest_call(
        qtbot, dressed, main_window, language, demo_store):  # noqa: F811
    from PySide6.QtCore import QSize

    language.set("zh_CN")
    lobby, display = _display(qtbot, main_window, QSize(1920, 1080))
    assert not display.board.current
    assert display.idle.isVisible() and display.idle_text.text() == "欢迎光临"
    assert not any(frame.isVisible() for frame in display.rows)
    assert display.branch.text() == "北京朝阳支行" and len(display.clock.text()) == 5  # HH:MM
    counter = main_window("teller").open_page("counter")
    from app.queue import setup, tickets
    from tests.db.helpers import actor_named

    manager = actor_named(demo_store, "manager")
    service = setup.add_service(demo_store, manager, prefix="T", name="测试业务")
    setup.add_counter(demo_store, manager, number="T1", name="测试窗口", service_ids=[service])
    issued = tickets.issue_ticket(demo_store, actor_named(demo_store, "lobby"), service_id=service, customer_id=None)
    counter.refresh()
    for i in range(counter.counter_box.count()):
        if counter.counter_box.itemText(i).startswith("T1 "):
            counter.counter_box.setCurrentIndex(i)
    counter.sign_in_button.click()
    qtbot.waitUntil(idle)
    counter.call_button.click()
    qtbot.waitUntil(idle)
    display.refresh()
    settle(qtbot)
    assert not display.idle.isVisible()
    newest = display.rows[0]
    assert newest.isVisible() and newest.objectName() == "newestCall"  # the highlighted frame
    assert display.current_labels[0][0].text() == issued.number
    assert display.current_labels[0][1].text() == "请到 T1 号窗口"


def test_the_display_scales_with_the_screen_and_esc_closes_it(qtbot, dressed, main_window):  # noqa: F811
    from PySide6.QtCore import QSize, Qt

    _lobby, display = _display(qtbot, main_window, QSize(1920, 1080))
    number = display.current_labels[0][0]
    for size in (QSize(1920, 1080), QSize(960, 540), QSize(1280, 720)):
        display.resize(size)
        settle(qtbot)
        assert number.font().pixelSize() == round(display.SIZES["number"] * display.height() / 1080)
    display.resize(QSize(960, 540))
    settle(qtbot)
    small = number.font().pixelSize()
    display.resize(QSize(1920, 1080))
    settle(qtbot)
    assert number.font().pixelSize() >= 1.5 * small
    assert display.recent.font().pixelSize() > 12  # across a room, not a fixed 22 pt on any screen
    assert display.isVisible()
    qtbot.keyClick(display, Qt.Key.Key_Escape)
    assert not display.isVisible()


def test_the_display_takes_the_second_monitor_and_never_covers_the_only_one():
    from ui.queue.display import target_screen

    assert target_screen(["desk", "tv"], "desk") == ("tv", True)
    assert target_screen(["desk"], "desk") == ("desk", False)


def test_statistics_of_an_empty_period_say_what_to_do(qtbot, main_window, language):
    from PySide6.QtCore import QDate

    language.set("zh_CN")
    page = main_window("lobby").open_page("queue_stats")
    page.refresh()
    assert page.model.rowCount() and not page.empty_hint.isVisible()
    for edit in (page.period.start_edit, page.period.end_edit):
        edit.setDate(QDate(2020, 1, 1))
    page.show_button.click()
    assert page.model.rowCount() == 0 and page.empty_hint.isVisible()
    assert "2020-01-01" in page.empty_hint.text() and "统计" in page.empty_hint.text()
