"""The rating after service on screen: finishing a ticket at the counter opens the customer's
window full-size (the bank, the counter, the clerk, the ticket number — never the customer's
name); a touch stores the rating; left untouched it closes and stores nothing; an 不满意 needs a
reason, and its reason becomes, on the clerk's screen, an offer of a complaint that opens the
care intake prefilled and links the complaint to the rating. In English and in Chinese."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import select

from app.queue import setup, tickets
from app.visit.ratings import rating_of
from db.models import Customer
from tests.db.helpers import actor_named
from tests.ui.saving import submit
from ui.visit.rating import RatingComplaintDialog, RatingWindow, customer_screen


def _finish_one(qtbot, main_window, demo_store, *, with_customer: bool):
    """A ticket issued (to a customer of the branch, or to nobody known), called, served and
    finished on the teller's counter page; returns the page, the ticket and the customer's name."""
    manager, lobby = actor_named(demo_store, "manager"), actor_named(demo_store, "lobby")
    service = setup.add_service(demo_store, manager, prefix="T", name="测试业务")
    setup.add_counter(demo_store, manager, number="T1", name="测试窗口", service_ids=[service])
    customer = None
    if with_customer:
        with demo_store.read() as session:
            customer = session.execute(select(Customer.id, Customer.name).where(
                Customer.branch_id == lobby.branch_id, Customer.active.is_(True)).order_by(Customer.id)).first()
    ticket = tickets.issue_ticket(demo_store, lobby, service_id=service, customer_id=customer[0] if customer else None)
    counter = main_window("teller").open_page("counter")
    counter.refresh()
    counter.counter_box.setCurrentIndex(next(i for i in range(counter.counter_box.count())
                                             if counter.counter_box.itemText(i).startswith("T1 ")))
    counter.sign_in_button.click()
    counter.call_button.click()
    counter.start_button.click()
    counter.finish_button.click()
    assert counter.state.held is None
    return counter, ticket, customer[1] if customer else None


def _window(counter) -> RatingWindow:
    [window] = [w for w in counter.window().findChildren(RatingWindow) if w.isVisible()]
    return window


def _texts(window) -> str:
    return " ".join([label.text() for label in window.findChildren(QLabel)]
                    + [button.text() for button in window.findChildren(QPushButton)])


def test_a_touch_stores_the_rating_and_the_window_shows_nothing_private(qtbot, main_window, demo_store):
    counter, ticket, name = _finish_one(qtbot, main_window, demo_store, with_customer=True)
    window = _window(counter)
    assert window.isFullScreen() and window.timer.isActive()
    shown = _texts(window)
    assert ticket.number in shown and "T1" in shown and "Very satisfied" in shown and "Dissatisfied" in shown
    assert window.shown.bank_name and window.shown.bank_name in shown
    assert name not in shown and ticket.customer_label not in shown
    window.score_buttons[4].click()
    qtbot.waitUntil(lambda: rating_of(demo_store, counter.context.actor, ticket.id) is not None)
    assert rating_of(demo_store, counter.context.actor, ticket.id).score == 4
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 2)
    assert "Thank you" in window.thanks.text() and not window.timer.isActive()


def test_left_untouched_the_window_closes_and_nothing_is_stored(qtbot, main_window, demo_store, dialogs):
    counter, ticket, _name = _finish_one(qtbot, main_window, demo_store, with_customer=False)
    window = _window(counter)
    with qtbot.waitSignal(window.timedOut):
        window.timer.timeout.emit()
    assert not window.isVisible()
    assert rating_of(demo_store, counter.context.actor, ticket.id) is None
    assert dialogs.of("confirm") == []


def test_dissatisfied_with_a_reason_becomes_a_complaint_in_chinese(qtbot, main_window, demo_store, dialogs, language):
    language.set("zh_CN")
    counter, ticket, name = _finish_one(qtbot, main_window, demo_store, with_customer=True)
    window = _window(counter)
    shown = _texts(window)
    assert all(word in shown for word in ("非常满意", "满意", "一般", "不满意")) and name not in shown
    window.score_buttons[1].click()
    assert window.pages.currentIndex() == 1 and "等候时间太长" in _texts(window)
    window.submit_button.click()            # no reason yet: asked for one, nothing stored
    assert window.reason_error.isVisible() and window.reason_error.text()
    assert rating_of(demo_store, counter.context.actor, ticket.id) is None
    window.reason_buttons["Waited too long"].click()
    window.reason_edit.setText("排了四十分钟")
    window.submit_button.click()
    qtbot.waitUntil(lambda: isinstance(counter.dialog, RatingComplaintDialog))
    rating = rating_of(demo_store, counter.context.actor, ticket.id)
    assert (rating.score, rating.reason) == (1, "等候时间太长、排了四十分钟")
    [offer] = dialogs.of("confirm")
    assert ticket.number in offer[2] and "排了四十分钟" in offer[2] and "投诉" in offer[2]
    dialog = counter.dialog
    assert dialog.content.toPlainText() == rating.reason and dialog.channel.currentData() == "counter"
    submit(dialog)
    assert not dialog.isVisible()
    linked = rating_of(demo_store, counter.context.actor, ticket.id).complaint_id
    assert linked is not None


def test_the_customer_window_takes_the_named_or_the_second_monitor_else_the_only_one():
    class Screen:
        def __init__(self, name):
            self._name = name

        def name(self):
            return self._name

    one, two, three = Screen("DP-1"), Screen("HDMI-1"), Screen("HDMI-2")
    assert customer_screen([one], None) is one
    assert customer_screen([one, two, three], None) is two
    assert customer_screen([one, two, three], None, "3") is three
    assert customer_screen([one, two, three], None, "DP-1") is one
    assert customer_screen([one, two], None, "VGA-9") is two
    assert customer_screen([], "primary") == "primary"
