"""The lobby manager's long-wait alert: a ticket that waits past its tier's alert time shows on
the red line above the queue, and the one action reserves a
counter's next call for it; the queue setup page edits the alert times with the policy."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.queue import views
from db.models import QueueCounter
from tests.db.helpers import actor_named
from tests.ui.saving import idle, submit
from ui.tables import selected as selected_row


def test_a_long_wait_is_alerted_and_a_counter_reserved_for_it(qtbot, main_window, demo_store):
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    lobby.issue_button.click()  # anonymous: the ordinary tier, alerted after 20 minutes by default
    qtbot.waitUntil(idle)
    issued = lobby.last_issued
    start, moved = demo_store.clock(), [timedelta(0)]
    demo_store.clock = lambda: start + moved[0]
    moved[0] = timedelta(minutes=19)
    lobby.refresh()
    assert issued.id not in [w.ticket.id for w in lobby.alerts.alerts]
    moved[0] = timedelta(minutes=20)
    lobby.refresh()
    assert issued.id in [w.ticket.id for w in lobby.alerts.alerts]  # (the demo's morning has others too)
    first = lobby.alerts.alerts[0].ticket
    assert lobby.alerts.isVisible() and first.number in lobby.alerts.label.text()
    dialog = lobby.alerts.act()
    assert selected_row(lobby.view).id == first.id and first.number in dialog.windowTitle()
    submit(dialog)
    assert not dialog.isVisible()
    with demo_store.read() as session:
        reserved = session.scalar(select(QueueCounter.reserved_ticket_id).where(
            QueueCounter.id == dialog.counter.currentData()))
    assert reserved == first.id


def test_the_setup_page_edits_the_alert_times(qtbot, main_window, demo_store):
    page = main_window("manager").open_page("queue_setup")
    page.refresh()
    assert page.tiers.cellWidget(0, 3).value() == 6  # the top tier: two thirds of its 10 minutes
    page.tiers.cellWidget(0, 3).setValue(10)  # not before its maximum wait: refused, named
    page.save_button.click()
    assert "Alert" in page.policy_error.text()
    page.tiers.cellWidget(0, 3).setValue(4)
    page.save_button.click()
    qtbot.waitUntil(idle)
    policy = views.board(demo_store, actor_named(demo_store, "manager")).policy
    assert policy.alert_after(page.codes[0]) == timedelta(minutes=4)
