"""A VIP's arrival on screen: the lobby issues a ticket to the advisor's customer, the advisor's
VIP Desk shows it live (name, tier, ticket, minutes waited), one click says "I'll receive them",
the lobby's line shows who is coming and the care history holds the contact; unreceived past
the policy time, the branch manager's desk shows it too, though the advisor never signed in."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from app.care.contacts import contacts_of
from db.models import Branch, Customer, StaffAccount
from tests.db.helpers import actor_named
from tests.ui.saving import idle


def _advisors_customer(demo_store) -> tuple[int, str]:
    with demo_store.engine.begin() as conn:
        advisor = conn.scalar(select(StaffAccount.id).where(StaffAccount.username == "advisor"))
        customer_id, name = conn.execute(
            select(Customer.id, Customer.name).join(Branch, Branch.id == Customer.branch_id)
            .where(Branch.code == "BJ0101", Customer.active.is_(True)).order_by(Customer.id)).first()
        conn.execute(update(Customer).where(Customer.id == customer_id).values(relationship_manager_id=advisor))
    return customer_id, name


def _issue_to(qtbot, lobby, customer_id: int, name: str):
    lobby.refresh()
    lobby.find_edit.setText(name)
    lobby.find_button.click()
    lobby.customer_box.setCurrentIndex(lobby.customer_box.findData(customer_id))
    lobby.issue_button.click()
    qtbot.waitUntil(idle)  # issued off the GUI thread
    return lobby.last_issued


def test_the_manager_is_told_live_and_receives_the_customer(qtbot, main_window, demo_store):
    customer_id, name = _advisors_customer(demo_store)
    desk = main_window("advisor")
    notices = desk.arrivals
    notices.refresh()
    before = len(notices.rows)
    lobby = main_window("lobby").open_page("lobby")
    ticket = _issue_to(qtbot, lobby, customer_id, name)
    qtbot.waitUntil(lambda: len(notices.rows) > before, timeout=10_000)  # the queue's live feed
    [row] = [r for r in notices.rows if r.ticket_number == ticket.number]
    line, label, button = notices.lines[notices.rows.index(row)]
    assert name in label.text() and ticket.number in label.text() and "waiting 0 min" in label.text()
    assert not line.isHidden() and button.text() == "I'll receive them"
    lobby.refresh()
    assert lobby.arrivals.isVisible() and "waiting for 理财经理 张静" in lobby.arrivals.label.text()
    assert name not in lobby.arrivals.label.text()  # the lobby's line shows masked names only
    button.click()
    assert row.id not in [r.id for r in notices.rows]
    lobby.refresh()
    assert f"{ticket.number} {ticket.customer_label}: 理财经理 张静 is coming" in lobby.arrivals.label.text()
    [contact] = contacts_of(demo_store, actor_named(demo_store, "advisor"), customer_id, limit=1)
    assert ticket.number in contact.content and contact.method == "in_branch"


def test_unreceived_the_branch_manager_is_told(qtbot, main_window, demo_store):
    customer_id, name = _advisors_customer(demo_store)
    lobby = main_window("lobby").open_page("lobby")
    ticket = _issue_to(qtbot, lobby, customer_id, name)
    manager = main_window("manager").arrivals
    manager.refresh()
    assert ticket.number not in [r.ticket_number for r in manager.rows]
    start = demo_store.clock()
    demo_store.clock = lambda: start + timedelta(minutes=5)
    manager.refresh()
    [row] = [r for r in manager.rows if r.ticket_number == ticket.number]
    label = manager.lines[manager.rows.index(row)][1]
    assert "Not yet received (manager: 理财经理 张静)" in label.text() and name in label.text()
    lobby.refresh()
    assert "branch manager told" in lobby.arrivals.label.text()
    manager.lines[manager.rows.index(row)][2].click()
    lobby.refresh()
    assert "行长 陈建国 is coming" in lobby.arrivals.label.text()


def test_the_setup_page_edits_the_time_before_the_branch_manager_is_told(qtbot, main_window, demo_store):
    from app.queue import views

    page = main_window("manager").open_page("queue_setup")
    page.refresh()
    assert page.receive_within.value() == 5
    page.receive_within.setValue(8)
    page.save_button.click()
    qtbot.waitUntil(idle)
    assert views.board(demo_store, actor_named(demo_store, "manager")).policy.receive_minutes == 8
