"""A stripe reader typing into VIP Desk, driven key by key as the reader does: at the lobby a
swipe issues the holder's ticket at once with their tier's priority, and the track is gone
from the find box (text and undo); a damaged swipe, an unknown card and a lost card say why
and issue nothing; the customer search box waits for the reader's Enter, turns the swipe into the card number and
finds the customer; a plain field with the catcher lets Enter through with the number."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from app.cards.servicing import report_loss
from app.queue import rules
from app.queue.common import tier_codes
from db.models import Customer, QueueTicket, VipCard
from tests.db.helpers import actor_named, sealed_number
from ui.swipe import SwipeCatcher
from tests.ui.saving import idle

NAME_ON_CARD = "ZHANG/SAN"


def _card(store, branch_id):
    with store.read() as session:
        card_id, customer_id, tier = session.execute(
            select(VipCard.id, Customer.id, Customer.tier)
            .join(Customer, Customer.id == VipCard.customer_id)
            .where(Customer.branch_id == branch_id, Customer.active.is_(True), Customer.tier != "ordinary",
                   VipCard.status == "active").order_by(VipCard.id.desc())).first()
    return card_id, sealed_number(store, "vip_card", card_id, "card_number"), customer_id, tier


def _swipe(qtbot, edit, typed: str) -> None:
    edit.setFocus()
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(idle)  # a ticket it issues is issued off the GUI thread


def _tracks(number: str) -> str:
    return f"%B{number}^{NAME_ON_CARD}^2812101000000000000?;{number}=28121010000000000000?"


def _tickets(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(QueueTicket))


def test_a_swipe_at_the_lobby_issues_the_holders_ticket_at_once(qtbot, main_window, demo_store, dialogs):
    lobby_actor = actor_named(demo_store, "lobby")
    _card_id, number, customer_id, tier = _card(demo_store, lobby_actor.branch_id)
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    lobby.view.setFocus()
    lobby.issue_button.click()  # an anonymous ticket first: the find box is ready for the swipe
    qtbot.waitUntil(idle)
    assert lobby.find_edit.hasFocus() or lobby.window().focusWidget() is lobby.find_edit
    _swipe(qtbot, lobby.find_edit, _tracks(number))
    issued = lobby.last_issued
    assert issued is not None and issued.customer_id == customer_id and issued.tier == tier
    with demo_store.read() as session:
        assert issued.priority == rules.priority_of(tier, tier_codes(session, demo_store.today())) > 0
    assert issued.number in lobby.issued_label.text()
    assert not dialogs.of("warn")
    # nothing of the track stays: not in the box, not in its undo history, not in the choices
    assert lobby.find_edit.text() == ""
    lobby.find_edit.undo()
    assert "=" not in lobby.find_edit.text() and NAME_ON_CARD not in lobby.find_edit.text()
    assert all(NAME_ON_CARD not in lobby.customer_box.itemText(i) for i in range(lobby.customer_box.count()))
    assert all(number not in lobby.customer_box.itemText(i) for i in range(lobby.customer_box.count()))


def test_a_bad_swipe_at_the_lobby_says_why_and_issues_nothing(qtbot, main_window, demo_store, dialogs):
    lobby_actor = actor_named(demo_store, "lobby")
    card_id, number, _customer_id, _tier = _card(demo_store, lobby_actor.branch_id)
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    before = _tickets(demo_store)
    _swipe(qtbot, lobby.find_edit, f"%B{number}^{NAME_ON_CARD}^2812;{number}=2812?")  # track 1 cut short
    assert "swipe the card again" in dialogs.of("warn")[-1][2]
    assert lobby.find_edit.text() == ""
    report_loss(demo_store, actor_named(demo_store, "teller"), card_id, reason="客户挂失")
    _swipe(qtbot, lobby.find_edit, _tracks(number))
    said = dialogs.of("warn")[-1][2]
    assert "reported lost" in said and number[-4:] in said and number not in said
    assert lobby.last_issued is None and _tickets(demo_store) == before


def test_the_customer_search_box_takes_a_swipe(qtbot, main_window, demo_store):
    teller = actor_named(demo_store, "teller")
    _card_id, number, customer_id, _tier = _card(demo_store, teller.branch_id)
    page = main_window("teller").open_page("customers")
    page.search_box.setFocus()
    qtbot.keyClicks(page.search_box, f";{number}=2812")  # the reader is still typing
    assert not page.timer.isActive()  # no search of half a track (nor a message about it)
    page.search_box.clear()
    _swipe(qtbot, page.search_box, f";{number}=28121010000000000000?")
    assert page.search_box.text() == number
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).id == customer_id)


def test_a_field_with_the_catcher_lets_enter_through_with_the_number(qtbot, demo_store):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    catcher = SwipeCatcher(edit, demo_store)
    entered = []
    edit.returnPressed.connect(lambda: entered.append(edit.text()))
    with qtbot.waitSignal(catcher.swiped) as swiped:
        _swipe(qtbot, edit, ";6222021234567894=2812101?")
    assert swiped.args == ["6222021234567894"] and entered == ["6222021234567894"]
    with qtbot.waitSignal(catcher.refused):
        _swipe(qtbot, edit, ";6222021234567895=2812101?")  # fails the Luhn check digit
    assert edit.text() == "" and entered == ["6222021234567894"]
    edit.setText("张三")  # typed by hand (through an input method): left alone
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert entered[-1] == "张三"
