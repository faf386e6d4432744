"""Appointments on SQLite and PostgreSQL: booked by a teller or RM, refused in the past, outside
opening hours or over another booking of the customer (naming the field, nothing stored); a
check-in within the window issues a ticket with the policy's appointment priority, a late one a
normal ticket; a missed window reads as and is recorded as a no-show; the RM's today list; a
booking cancelled (only a booked one, the reason audited); the branch's opening hours changed
(checked, audited, the rest of the policy kept) and then holding new bookings; the command-line
import with its line errors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from app.errors import PermissionDenied
from app.csvio import ImportRefused
from app.errors import ValidationError
from app.queue import setup
from app.queue.common import tier_codes
from app.queue.rules import QueuePolicy, priority_of
from app.visit.appointment_rules import CANCELLED, CHECKED_IN, NO_SHOW
from app.visit.appointments import (
    appointments_on, book_appointment, cancel_appointment, check_in, import_appointments, record_no_shows,
)
from db.models import AuditEvent, Customer, QueueService, VisitAppointment
from tests.db.helpers import actor_named
from tests.db.queuehelp import make_queue

TODAY = date(2026, 11, 27)  # make_queue's clock: 10:00 in Shanghai


@pytest.fixture
def q(demo_store):
    return make_queue(demo_store)


def book(q, customer_id, starts="10:30", ends="11:00", day=TODAY, who=None):
    return book_appointment(q.store, who or q.teller, customer_id=customer_id, day=day, starts=starts, ends=ends,
                            service_id=q.service, note="理财咨询")


def priorities(q):
    with q.store.read() as session:
        codes = tier_codes(session, TODAY)
    return {code: priority_of(code, codes) for code in codes}


def test_a_kept_appointment_gets_the_appointment_priority_a_late_one_does_not(q):
    ordinary = q.customer_of_tier("ordinary")
    booked = book(q, ordinary)
    q.clock.tick(minutes=20)  # 10:20: within the window's 15 minutes' grace
    row, on_time = check_in(q.store, q.lobby, booked.id)
    assert on_time and row.state == CHECKED_IN and row.ticket_number
    issued = [t for t in tickets_of(q) if t.number == row.ticket_number][0]
    assert issued.priority == priorities(q)["diamond"] and issued.tier == "ordinary"
    late = book(q, q.customer_of_tier("gold"), starts="10:30", ends="10:45")
    q.clock.tick(minutes=30)  # 10:50: past its end
    row, on_time = check_in(q.store, q.lobby, late.id)
    issued = [t for t in tickets_of(q) if t.number == row.ticket_number][0]
    assert not on_time and issued.priority == priorities(q)["gold"]


def tickets_of(q):
    from app.queue import views

    return views.board(q.store, q.lobby).tickets


@pytest.mark.parametrize("day, starts, ends, field", [
    (TODAY - timedelta(days=1), "10:30", "11:00", "Date"),
    (TODAY, "09:00", "09:30", "Time window"),      # already begun (it is 10:00)
    (TODAY, "16:30", "17:30", "Time window"),      # after closing
    (TODAY, "08:00", "10:30", "Time window"),      # before opening
    (TODAY, "11:00", "10:30", "Time window"),      # ends before it starts
    (TODAY, "11", "12:00", "Time window"),
])
def test_bad_bookings_are_refused_naming_the_field(q, day, starts, ends, field):
    with pytest.raises(ValidationError) as refused:
        book(q, q.customer_of_tier("gold"), starts=starts, ends=ends, day=day)
    assert refused.value.field == field
    with q.store.read() as session:
        assert session.scalar(select(func.count()).select_from(VisitAppointment)) == 0


def test_two_bookings_at_once_for_one_customer_are_refused(q):
    customer = q.customer_of_tier("gold")
    book(q, customer, "10:30", "11:00")
    with pytest.raises(ValidationError) as refused:
        book(q, customer, "10:45", "11:15")
    assert refused.value.field == "Time window" and "10:30" in str(refused.value)
    book(q, customer, "11:00", "11:30")  # back to back is fine


def test_no_shows_and_the_rms_today_list(q):
    advisor = actor_named(q.store, "advisor")
    mine, other = q.customer_of_tier("gold"), q.customer_of_tier("ordinary")
    with q.store.engine.begin() as conn:
        conn.execute(update(Customer).where(Customer.id == mine).values(relationship_manager_id=advisor.account_id))
        conn.execute(update(Customer).where(Customer.id == other).values(relationship_manager_id=None))
    book(q, mine, "10:30", "11:00", who=advisor)
    book(q, other, "11:00", "11:30")
    book(q, other, "10:00", "10:30", day=TODAY + timedelta(days=1))
    assert [a.customer_id for a in appointments_on(q.store, advisor, mine=True)] == [mine]
    assert [a.starts for a in appointments_on(q.store, q.lobby)] == ["10:30", "11:00"]
    q.clock.tick(minutes=61)  # 11:01: the first window has passed
    assert [a.state for a in appointments_on(q.store, q.lobby)] == [NO_SHOW, "booked"]
    assert record_no_shows(q.store, q.lobby) == 1
    with q.store.read() as session:
        assert session.scalars(select(VisitAppointment.state).order_by(VisitAppointment.id)).all() == [
            NO_SHOW, "booked", "booked"]
    with pytest.raises(ValidationError):
        check_in(q.store, q.lobby, appointments_on(q.store, q.lobby)[0].id)


def _csv(tmp_path, q, lines):
    with q.store.read() as session:
        prefix = session.get(QueueService, q.service).prefix
    path = tmp_path / "bookings.csv"
    path.write_text("客户号,日期,开始,结束,业务,备注\n" + "".join(line.format(prefix=prefix) + "\n" for line in lines),
                    encoding="utf-8")
    return path


def test_bookings_imported_from_another_channel_with_line_errors(q, tmp_path):
    with q.store.read() as session:
        cif = session.get(Customer, q.customer_of_tier("gold")).cif_no
    good = f"{cif},2026-11-27,10:30,11:00,{{prefix}},手机银行预约"
    path = _csv(tmp_path, q, [good, f"{cif},2026-11-27,10:45,11:15,{{prefix}},重复", "999999,2026-11-27,11:00,11:30,{prefix},",
                              f"{cif},2026-11-26,10:00,10:30,{{prefix}},", f"{cif},2026-11-28,10:00,10:30,ZZ,"])
    with pytest.raises(ImportRefused) as refused:
        import_appointments(q.store, q.teller, path)
    assert [(p.line, p.params["field"]) for p in refused.value.problems] == [
        (3, "Time window"), (4, "Customer"), (5, "Date"), (6, "Service")]
    with q.store.read() as session:
        assert session.scalar(select(func.count()).select_from(VisitAppointment)) == 0  # nothing imported
    booked, problems = import_appointments(q.store, q.teller, path, skip_bad=True)
    assert booked == 1 and len(problems) == 4
    assert [a.note for a in appointments_on(q.store, q.lobby)] == ["手机银行预约"]


def test_a_booked_appointment_is_cancelled_with_its_reason_audited(q):
    customer = q.customer_of_tier("gold")
    booked = book(q, customer)
    with pytest.raises(PermissionDenied):
        cancel_appointment(q.store, actor_named(q.store, "custodian"), booked.id)
    row = cancel_appointment(q.store, q.teller, booked.id, reason="客户来电改期")
    assert row.state == CANCELLED and row.ticket_number == ""
    with q.store.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.appointment.cancel")).one()
        assert event.entity_id == str(booked.id) and "客户来电改期" in event.after
        assert session.get(VisitAppointment, booked.id).closed_at is not None
    with pytest.raises(ValidationError) as refused:
        cancel_appointment(q.store, q.teller, booked.id)   # cancelled already: only a booked one
    assert refused.value.field == "Appointment"
    book(q, customer)  # the window is free again
    kept = book(q, q.customer_of_tier("ordinary"), "11:00", "11:30")
    check_in(q.store, q.lobby, kept.id)
    with pytest.raises(ValidationError):
        cancel_appointment(q.store, q.lobby, kept.id)      # checked in: stays so


def test_opening_hours_changed_checked_audited_and_then_hold_bookings(q):
    setup.save_policy(q.store, q.manager, QueuePolicy(receive_minutes=7))
    for opens, closes in (("18:00", "09:00"), ("9:00", "17:00"), ("", "17:00")):
        with pytest.raises(ValidationError) as refused:
            setup.set_opening_hours(q.store, q.manager, opens_at=opens, closes_at=closes)
        assert refused.value.field == "Opening hours"
    with pytest.raises(PermissionDenied):
        setup.set_opening_hours(q.store, q.teller, opens_at="08:30", closes_at="19:00")
    assert setup.branch_policy(q.store, q.manager).opens_at == "09:00"     # nothing changed
    setup.set_opening_hours(q.store, q.manager, opens_at="08:30", closes_at="19:00")
    policy = setup.branch_policy(q.store, q.manager)
    assert (policy.opens_at, policy.closes_at, policy.receive_minutes) == ("08:30", "19:00", 7)
    with q.store.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "queue.policy.opening_hours")).one()
        assert '"opens_at":"09:00"' in event.before.replace(" ", "").replace('\\', '')
    tomorrow = TODAY + timedelta(days=1)
    assert book(q, q.customer_of_tier("gold"), "18:00", "18:30", day=tomorrow).starts == "18:00"
    setup.set_opening_hours(q.store, q.lobby, opens_at="09:00", closes_at="16:00")  # a lobby manager may too
    with pytest.raises(ValidationError) as refused:
        book(q, q.customer_of_tier("ordinary"), "16:00", "16:30", day=tomorrow)
    assert "09:00–16:00" in str(refused.value)


def test_the_command_line_import_reports_lines_and_stores_nothing_when_refused(sqlite_demo_store, tmp_path, capsys):
    import main
    from app.business_day import wall_clock

    store = sqlite_demo_store
    lobby = actor_named(store, "lobby")
    with store.read() as session:
        cif = session.scalar(select(Customer.cif_no).where(Customer.branch_id == lobby.branch_id,
                                                            Customer.active.is_(True)).order_by(Customer.id))
        prefix = session.scalar(select(QueueService.prefix).where(QueueService.branch_id == lobby.branch_id,
                                                                  QueueService.active.is_(True)))
    day = (wall_clock(store.clock()).date() + timedelta(days=1)).isoformat()
    lines = [f"{cif},{day},10:00,10:30,{prefix},网银"] + [f"{cif},{day},10:{m:02d},11:{m:02d},{prefix},重复"
                                                            for m in range(5, 30)]
    path = tmp_path / "bookings.csv"
    path.write_text("cif_no,date,from,until,service,note\n" + "\n".join(lines) + "\n", encoding="utf-8")
    url = str(store.engine.url)
    assert main.main(["appointments", "import", str(path), "--db", url]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].startswith("line 3: Time window") and len(captured.out.splitlines()) == 25
    assert captured.err.strip().splitlines() == [
        "error: 25 bad line(s) in bookings.csv; nothing was imported (--skip-bad imports the good lines)"]
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(VisitAppointment)) == 0
    assert main.main(["appointments", "import", str(path), "--db", url, "--skip-bad"]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("bookings.csv: 1 appointment(s) booked, 25 line(s) skipped")
    assert out.count("skipped line ") == 25
    assert main.main(["appointments", "import", str(tmp_path / "missing.csv"), "--db", url]) == 2
    assert capsys.readouterr().err.startswith("error:")
    many = tmp_path / "many.csv"  # more bad lines than are listed: "and N more"
    many.write_text("cif_no,date,from,until,service\n" + f"NOSUCH,{day},10:00,10:30,{prefix}\n" * 1003,
                    encoding="utf-8")
    assert main.main(["appointments", "import", str(many), "--db", url]) == 2
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1001 and out[-1].startswith("... and 3 more bad line(s)")
