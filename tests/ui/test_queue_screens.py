"""The queue's screens as the lobby and the counters use them all day: issuing a ticket moves
nothing on the page, the lobby display reads across a room, the counter runs from the keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.screens import COUNTER_PC, dressed, settle  # noqa: F401 - fixture


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
        settle(qtbot)
        assert lobby.last_issued.number in lobby.issued_label.text()
        assert _geometry(window, lobby) == before
    box = lobby.service_box
    assert box.width() >= box.sizeHint().width()  # 「G 综合业务」 whole, not 「G 综合业」
