"""Queue screens driven like a person would: the lobby manager identifies a customer and issues
a ticket (and its slip), a teller signs in at a counter on this PC and calls, serves and
finishes; the lobby manager bumps a ticket (a reason is required) and transfers one; the lobby
display shows and announces the call; a refresh keeps selection, sort order and scroll; the
live feed wakes the page when another PC issues a ticket; qtmodeltester on the models."""

from __future__ import annotations

from PySide6.QtCore import QTime, Qt
from sqlalchemy import select

from app.queue import rules, tickets, views
from db.models import Customer
from tests.db.helpers import actor_named
from ui.tables import selected as selected_row
from tests.ui.saving import idle, submit


def _pick(box, data):
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def _pick_text(box, start):
    for i in range(box.count()):
        if box.itemText(i).startswith(start):
            box.setCurrentIndex(i)
            return
    raise AssertionError(start)


def _diamond(demo_store):
    with demo_store.read() as session:
        return session.execute(select(Customer.id, Customer.name).where(
            Customer.tier == "diamond", Customer.active.is_(True), Customer.branch_id == actor_named(
                demo_store, "lobby").branch_id).order_by(Customer.id)).first()


def _select_number(view, number):
    model = view.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == number:
            view.selectRow(r)
            return
    raise AssertionError(number)


def test_issue_call_serve_bump_transfer_and_display(qtbot, main_window, demo_store, dialogs, tmp_path,
                                                     qtmodeltester):
    from app.queue import setup

    manager = actor_named(demo_store, "manager")
    test_service = setup.add_service(demo_store, manager, prefix="T", name="测试业务")
    setup.add_counter(demo_store, manager, number="T1", name="测试窗口", service_ids=[test_service])
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    qtmodeltester.check(lobby.model)
    # issue for an identified diamond customer
    customer_id, name = _diamond(demo_store)
    _pick(lobby.service_box, test_service)
    lobby.find_edit.setText(name)
    lobby.find_button.click()
    _pick(lobby.customer_box, customer_id)
    lobby.issue_button.click()
    qtbot.waitUntil(idle)
    issued = lobby.last_issued
    assert issued.number == "T001" and issued.tier == "diamond" and issued.priority == 3
    assert issued.number in lobby.issued_label.text()
    shown = [lobby.model.row_at(r).id for r in range(lobby.model.rowCount())]
    assert issued.id in shown
    dialogs.save_path = str(tmp_path / "slip.pdf")
    lobby.slip_button.click()
    assert (tmp_path / "slip.pdf").stat().st_size > 1000
    # an anonymous one too: lowest priority
    lobby.issue_button.click()
    qtbot.waitUntil(idle)
    anonymous = lobby.last_issued
    assert anonymous.priority == 0 and anonymous.customer_id is None

    # the display, open before the call
    display = lobby.open_display()
    assert display.isVisible() and not display.isFullScreen()  # one monitor: a window, not all of it

    # a teller signs in at counter T1 on this PC and calls: the diamond comes first
    counter = main_window("teller").open_page("counter")
    counter.refresh()
    _pick_text(counter.counter_box, "T1 ")
    counter.sign_in_button.click()
    qtbot.waitUntil(idle)
    assert counter.desk is not None and "T1" in counter.status.text()
    counter.call_button.click()
    qtbot.waitUntil(idle)
    held = counter.state.held
    assert held is not None and held.id == issued.id and counter.current.text() == issued.number
    assert counter.start_button.isEnabled() and not counter.finish_button.isEnabled()
    display.refresh()
    assert display.current_labels[0][0].text() == issued.number
    assert display.current_labels[0][1].text().endswith("T1")
    assert any(" ".join(issued.number) in said and "T1" in said for said in display.announcer.spoken)
    before = len(display.announcer.spoken)
    display.refresh()
    assert len(display.announcer.spoken) == before  # one call, one announcement
    counter.start_button.click()
    qtbot.waitUntil(idle)
    assert counter.state.held.state == rules.SERVING and counter.finish_button.isEnabled()
    counter.finish_button.click()
    qtbot.waitUntil(idle)
    assert counter.state.held is None and counter.call_button.isEnabled()

    # the lobby manager bumps the anonymous ticket: a reason is required
    lobby.refresh()
    _select_number(lobby.view, anonymous.number)
    dialog = lobby.change_priority()
    _pick(dialog.priority, 2)
    submit(dialog)
    assert dialog.isVisible() and "Reason" in dialog.error.text()
    dialog.reason.setText("孕妇优先")
    submit(dialog)
    assert not dialog.isVisible()
    bumped = [t for t in views.board(demo_store, actor_named(demo_store, "lobby")).tickets if t.id == anonymous.id][0]
    assert bumped.priority == 2 and bumped.note == "孕妇优先"
    assert selected_row(lobby.view).id == anonymous.id  # the refresh kept the selection

    # ... and transfers it to wealth management, by arrival
    dialog = lobby.transfer()
    _pick_text(dialog.service, "W ")
    submit(dialog)
    assert not dialog.isVisible()
    moved = [t for t in views.board(demo_store, actor_named(demo_store, "lobby")).tickets
             if t.number == anonymous.number and t.state == rules.WAITING]
    assert moved and moved[0].service_prefix == "W" and moved[0].queued_at == anonymous.queued_at
    display.close()


def test_refresh_keeps_sort_order_and_scroll(qtbot, main_window, demo_store):
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    for _ in range(6):  # enough rows to scroll, whatever the hour (the demo's day may have just begun)
        lobby.issue_button.click()
        qtbot.waitUntil(idle)
    lobby.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    lobby.view.resize(600, 120)
    lobby.view.selectRow(3)
    chosen = selected_row(lobby.view)
    lobby.view.verticalScrollBar().setValue(2)
    service = views.board(demo_store, actor_named(demo_store, "lobby")).services[0][0]
    tickets.issue_ticket(demo_store, actor_named(demo_store, "lobby"), service_id=service)
    lobby.refresh()
    assert lobby.view.horizontalHeader().sortIndicatorSection() == 0
    assert lobby.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert selected_row(lobby.view).id == chosen.id
    assert lobby.view.verticalScrollBar().value() == min(2, lobby.view.verticalScrollBar().maximum())


def test_live_feed_wakes_the_lobby_when_another_pc_issues(qtbot, main_window, demo_store):
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    count = lobby.model.rowCount()
    service = lobby.current.services[0][0]
    with qtbot.waitSignal(lobby.live.changed, timeout=5000):
        tickets.issue_ticket(demo_store, actor_named(demo_store, "lobby"), service_id=service)
    qtbot.waitUntil(lambda: lobby.model.rowCount() == count + 1, timeout=5000)


def test_counter_without_service_says_so_and_changes_nothing(qtbot, main_window, demo_store, dialogs):
    from app.queue import setup

    manager = actor_named(demo_store, "manager")
    setup.add_counter(demo_store, manager, number="9", name="空窗口", service_ids=[])
    counter = main_window("teller").open_page("counter")
    counter.refresh()
    _pick_text(counter.counter_box, "9 ")
    counter.sign_in_button.click()
    qtbot.waitUntil(idle)
    counter.call_button.click()
    qtbot.waitUntil(idle)
    assert "no service assigned" in dialogs.of("warn")[-1][2]
    assert counter.state.held is None


def test_statistics_table_and_chart_by_every_grouping(qtbot, main_window, qtmodeltester):
    from datetime import timedelta

    page = main_window("manager").open_page("queue_stats")
    start = page.period.start_edit.date().addDays(-1)
    page.period.start_edit.setDate(start)
    for index in range(page.by_box.count()):
        page.by_box.setCurrentIndex(index)
        page.refresh()
        assert page.model.rowCount() > 0, page.by_box.currentData()
        series = page.chart.series()
        assert len(series) == 1 and series[0].barSets()[0].count() == page.model.rowCount()
    qtmodeltester.check(page.model)
    page.by_box.setCurrentIndex(page.by_box.findData("day"))
    yesterday = (page.period.end_edit.date().toPython() - timedelta(days=1)).isoformat()
    keys = [page.model.row_at(r).key for r in range(page.model.rowCount())]
    assert yesterday in keys
    row = page.model.row_at(keys.index(yesterday))
    assert row.tickets > 50 and row.avg_wait is not None and row.p90_wait >= row.avg_wait


def test_setup_services_counters_and_policy(qtbot, main_window, demo_store):
    from app.queue import setup

    page = main_window("lobby").open_page("queue_setup")
    page.refresh()
    dialog = page.add_service()
    dialog.prefix.setText("1")
    dialog.name.setText("外汇业务")
    submit(dialog)
    assert dialog.isVisible() and "Number prefix" in dialog.error.text()
    dialog.prefix.setText("F")
    submit(dialog)
    assert not dialog.isVisible()
    assert any(s.prefix == "F" for s in page.services_model.rows())
    dialog = page.add_counter()
    dialog.number.setText("5")
    dialog.name.setText("外汇窗口")
    fx = next(s.id for s in page.services_model.rows() if s.prefix == "F")
    dialog.checks[fx].setChecked(True)
    submit(dialog)
    assert not dialog.isVisible()
    counter = next(c for c in page.counters_model.rows() if c.number == "5")
    assert counter.service_ids == (fx,)
    form = page.change_opening_hours()
    form.opens.setTime(form.closes.time())
    submit(form)
    assert form.isVisible() and "Opening hours" in form.error.text()
    form.opens.setTime(QTime(8, 30))
    form.closes.setTime(QTime(18, 0))
    submit(form)
    assert not form.isVisible() and page.hours.text() == "08:30–18:00"
    page.mode.setCurrentIndex(page.mode.findData("interleaved"))
    page.tiers.cellWidget(0, 1).setValue(4)  # the top tier's ratio
    page.save_button.click()
    qtbot.waitUntil(idle)
    policy = setup.branch_policy(demo_store, actor_named(demo_store, "lobby"))
    assert policy.mode == "interleaved" and policy.weight(page.codes[0]) == 4
    assert (policy.opens_at, policy.closes_at) == ("08:30", "18:00")  # the calling policy's save kept them
    page.counters_view.selectRow([c.number for c in page.counters_model.rows()].index("5"))
    page.open_button.click()
    qtbot.waitUntil(idle)
    assert not next(c for c in page.counters_model.rows() if c.number == "5").open


def test_commands_run_off_the_gui_thread_one_at_a_time_their_buttons_off_meanwhile(
        qtbot, main_window, demo_store, monkeypatch):
    """A store slow to answer (a connect timeout) holds the command, not the window: the page
    still reloads, its command buttons stay off until the answer is back, a second command does
    not start; then the answer is shown and the buttons come back."""
    import threading

    from app.queue import calling, setup

    gate, started = threading.Event(), threading.Event()

    def held_up(real):
        def slow(*args, **kwargs):
            started.set()
            assert gate.wait(20)
            return real(*args, **kwargs)
        return slow

    manager = actor_named(demo_store, "manager")
    service = setup.add_service(demo_store, manager, prefix="T", name="测试业务")
    setup.add_counter(demo_store, manager, number="T1", name="测试窗口", service_ids=[service])
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    _pick(lobby.service_box, service)
    monkeypatch.setattr(tickets, "issue_ticket", held_up(tickets.issue_ticket))
    lobby.issue_button.click()
    qtbot.waitUntil(started.is_set)
    assert lobby.running() and not lobby.issue_button.isEnabled()
    lobby.refresh()  # the live feed meanwhile: the window answers, the button stays off
    assert not lobby.issue_button.isEnabled() and lobby.issue() is None
    gate.set()
    qtbot.waitUntil(idle)
    assert lobby.issue_button.isEnabled() and lobby.last_issued.number == "T001"
    assert [t.number for t in views.board(demo_store, manager).tickets].count("T001") == 1

    counter = main_window("teller").open_page("counter")
    counter.refresh()
    _pick_text(counter.counter_box, "T1 ")
    counter.sign_in_button.click()
    qtbot.waitUntil(idle)
    gate.clear()
    started.clear()
    monkeypatch.setattr(calling, "call_next", held_up(calling.call_next))
    counter.call_button.click()
    qtbot.waitUntil(started.is_set)
    assert not any(b.isEnabled() for b in counter.commands.buttons()) and not counter.sign_out_button.isEnabled()
    assert counter.call_next() is None
    gate.set()
    qtbot.waitUntil(idle)
    assert counter.state.held.number == "T001" and counter.start_button.isEnabled()
    counter.start_button.click()
    qtbot.waitUntil(idle)
    counter.finish_button.click()
    qtbot.waitUntil(idle)
    assert counter.state.held is None and counter.status.text() == "T001 finished."
