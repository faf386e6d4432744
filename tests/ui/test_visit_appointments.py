"""An appointment checked in at the lobby: the day's list shows the booking, one click issues the
customer's ticket with the policy's appointment priority (said so) and the lobby's queue shows
it; a booking made from the lobby for the customer found, and a bad window refused in the form
naming the field; a booking cancelled from the lobby's list and from the RM's day list; the
commands run off the GUI thread (the tests wait for what they look at)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QTime
from sqlalchemy import select, update

from app.business_day import wall_clock
from app.queue import views
from app.visit.appointments import appointments_on, book_appointment
from db.models import Branch, Customer, QueueService
from tests.db.helpers import actor_named
from tests.ui.saving import submit


def _customer_and_service(demo_store):
    with demo_store.read() as session:
        customer = session.execute(
            select(Customer.id, Customer.name).join(Branch, Branch.id == Customer.branch_id)
            .where(Branch.code == "BJ0101", Customer.active.is_(True), Customer.tier == "ordinary")
            .order_by(Customer.id)).first()
        service = session.scalar(select(QueueService.id).join(Branch, Branch.id == QueueService.branch_id)
                                 .where(Branch.code == "BJ0101", QueueService.active.is_(True)).order_by(QueueService.id))
    return customer, service


def test_an_appointment_checked_in_gets_its_priority(qtbot, main_window, demo_store):
    local = datetime(2026, 11, 27, 10, 0)  # Shanghai; the store's clock in UTC
    demo_store.clock = lambda: local - timedelta(hours=8)
    (customer_id, name), service = _customer_and_service(demo_store)
    booked = book_appointment(demo_store, actor_named(demo_store, "teller"), customer_id=customer_id,
                              day=local.date(), starts="10:00", ends="10:30", service_id=service, note="理财咨询")
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    dialog = lobby.appointments.open()
    assert [r.id for r in dialog.rows] == [booked.id] and dialog.table.item(0, 4).text() == "Booked"
    assert dialog.table.verticalHeader().isHidden()   # no row numbers before the time slot
    dialog.select(booked.id)
    dialog.check_in_button.click()
    assert not dialog.check_in_button.isEnabled()  # off while the command runs
    qtbot.waitUntil(lambda: "with the appointment's priority" in dialog.message.text())
    assert dialog.check_in_button.isEnabled()
    number = dialog.rows[0].ticket_number
    assert dialog.table.item(0, 4).text() == "Checked in" and dialog.table.item(0, 5).text() == number
    board = views.board(demo_store, actor_named(demo_store, "lobby"))
    [ticket] = [t for t in board.tickets if t.number == number]
    assert ticket.tier == "ordinary" and ticket.priority == board.tier_codes.index("diamond")
    assert number in [lobby.model.row_at(r).number for r in range(lobby.model.rowCount())]


def test_a_booking_from_the_lobby_and_a_bad_window(qtbot, main_window, demo_store):
    (customer_id, name), _service = _customer_and_service(demo_store)
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    lobby.find_edit.setText(name)
    lobby.find_button.click()
    lobby.customer_box.setCurrentIndex(lobby.customer_box.findData(customer_id))
    dialog = lobby.appointments.open()
    form = dialog.book()
    form.day.setDate(form.day.date().addDays(1))
    form.starts.setTime(QTime(18, 0))
    form.ends.setTime(QTime(18, 30))
    submit(form)
    assert form.isVisible() and "opening hours" in form.error.text()
    form.starts.setTime(QTime(14, 0))
    form.ends.setTime(QTime(14, 30))
    form.note.setText("大额存单")
    submit(form)
    assert not form.isVisible()
    tomorrow = wall_clock(demo_store.clock()).date() + timedelta(days=1)
    [row] = appointments_on(demo_store, actor_named(demo_store, "lobby"), tomorrow)
    assert (row.customer_id, row.starts, row.ends, row.note) == (customer_id, "14:00", "14:30", "大额存单")


def test_an_import_with_a_bad_line_skipped_on_the_persons_word(qtbot, main_window, demo_store, dialogs, tmp_path):
    (customer_id, _name), service = _customer_and_service(demo_store)
    with demo_store.read() as session:
        cif = session.get(Customer, customer_id).cif_no
        prefix = session.get(QueueService, service).prefix
    day = (wall_clock(demo_store.clock()).date() + timedelta(days=1)).isoformat()
    path = tmp_path / "bookings.csv"
    path.write_text(f"cif_no,date,from,until,service,note\n{cif},{day},10:00,10:30,{prefix},网银预约\n"
                    f"{cif},{day},10:15,10:45,{prefix},重复\n", encoding="utf-8")
    dialogs.open_path = str(path)
    lobby = main_window("lobby").open_page("lobby")
    dialog = lobby.appointments.open()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "1 appointment(s) imported.")
    [(_kind, _title, text)] = dialogs.of("confirm")
    assert "line 3" in text and "Time window" in text


def test_the_relationship_managers_today_list_shows_their_appointments(qtbot, main_window, demo_store):
    local = datetime(2026, 11, 27, 10, 0)
    demo_store.clock = lambda: local - timedelta(hours=8)
    (customer_id, _name), service = _customer_and_service(demo_store)
    advisor = actor_named(demo_store, "advisor")
    with demo_store.engine.begin() as conn:
        conn.execute(update(Customer).where(Customer.id == customer_id).values(relationship_manager_id=advisor.account_id))
    booked = book_appointment(demo_store, advisor, customer_id=customer_id, day=local.date(), starts="14:00",
                              ends="14:30", service_id=service)
    page = main_window("advisor").open_page("care")
    page.refresh()
    text = page.appointments.label.text()
    assert page.appointments.isVisible() and "My appointments today: 14:00–14:30" in text
    assert booked.customer_label in text and "Booked" in text


def test_a_booking_cancelled_from_the_lobby_and_from_the_rms_day_list(qtbot, main_window, demo_store):
    local = datetime(2026, 11, 27, 10, 0)
    demo_store.clock = lambda: local - timedelta(hours=8)
    (customer_id, _name), service = _customer_and_service(demo_store)
    advisor = actor_named(demo_store, "advisor")
    with demo_store.engine.begin() as conn:
        conn.execute(update(Customer).where(Customer.id == customer_id).values(relationship_manager_id=advisor.account_id))
    first, second = (book_appointment(demo_store, advisor, customer_id=customer_id, day=local.date(), starts=starts,
                                      ends=ends, service_id=service) for starts, ends in (("11:00", "11:30"),
                                                                                          ("14:00", "14:30")))
    lobby = main_window("lobby").open_page("lobby")
    dialog = lobby.appointments.open()
    dialog.select(first.id)
    form = dialog.cancel()
    assert form.choice.count() == 1 and form.choice.currentData() == first.id
    form.reason.setText("客户来电改期")
    submit(form)
    assert not form.isVisible() and "was cancelled" in dialog.message.text()
    assert dialog.table.item(0, 4).text() == "Cancelled"
    dialog.select(first.id)
    assert dialog.cancel() is None and dialog.message.text() == "Choose a booked appointment."

    page = main_window("advisor").open_page("care")
    page.refresh()
    line = page.appointments
    assert line.cancel_button.isVisibleTo(line) and "Cancelled" in line.label.text()
    form = line.cancel()
    assert [form.choice.itemData(i) for i in range(form.choice.count())] == [second.id]  # the booked one only
    submit(form)
    assert not form.isVisible()
    assert [r.state for r in appointments_on(demo_store, advisor, mine=True)] == ["cancelled", "cancelled"]
    assert not line.cancel_button.isVisibleTo(line)
