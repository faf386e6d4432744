"""Appointments (预约): a relationship manager or teller books a customer for a day, a time
window and a service; the lobby checks the customer in on arrival, which issues their ticket in
the same transaction — with the priority the queue policy gives appointments
(``appointment_tier``) when kept within the window, the customer's own otherwise; windows
passed without a check-in are recorded as no-shows. The day's list serves the lobby and a
relationship manager's own customers. Times are the branch's wall clock (the queue policy's
time zone and opening hours)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.business_day import wall_clock
from app.care.common import customer_in_scope
from app.csvio import FILE, Column, ImportRefused, LineProblem, problem_from, read_file, read_rows
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.queue.common import CUSTOMER, SERVICE, policy_of, service_in_scope
from app.queue.tickets import issue_in, mask_name
from app.text import clean_text
from app.visit import appointment_rules as rules
from app.visit.appointment_rules import APPOINTMENT, BOOKED, CANCELLED, CHECKED_IN, NO_SHOW, WINDOW
from db.models import Branch, Customer, QueueService, QueueTicket, VisitAppointment
from app.actor import Actor
from app.store import Store

NOTE = QT_TRANSLATE_NOOP("fields", "Note")
REASON = QT_TRANSLATE_NOOP("fields", "Reason")


@dataclass(frozen=True)
class AppointmentRow:
    id: int
    day: date
    starts: str
    ends: str
    customer_id: int
    customer_label: str   # masked (张**): the lobby's list is seen across the floor
    tier: str
    service_name: str
    note: str
    state: str            # a booking whose window has passed reads as a no-show
    booked_by_name: str
    ticket_number: str


def _local_now(session, branch_id: int, now):
    policy = policy_of(session, branch_id)
    return policy, wall_clock(now, policy.time_zone).replace(tzinfo=None)


def book_appointment(store: Store, actor: Actor, *, customer_id: int, day: date, starts: str, ends: str, service_id: int,
                     note: str = "") -> AppointmentRow:
    """Book ``customer_id`` (CARE_FOR_CUSTOMERS: an RM or a teller) for ``day`` from ``starts`` to
    ``ends``; refused in the past, outside opening hours, or over another booking of theirs."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    with store.write(actor) as uow:
        customer, _branch = customer_in_scope(uow.session, actor, customer_id)
        service = service_in_scope(uow.session, actor, service_id, customer.branch_id)
        return _book(uow, customer, service, day, starts, ends, note)


def _book(uow, customer: Customer, service: QueueService, day: date, starts: str, ends: str,
          note: str) -> AppointmentRow:
    """Check and write one booking (nothing is written when a check fails)."""
    session = uow.session
    note = clean_text(note, field=NOTE, max_length=200, required=False)
    policy, local = _local_now(session, customer.branch_id, uow.now)
    rules.check_window(day, starts, ends, local, policy.opens_at, policy.closes_at)
    for other in session.scalars(select(VisitAppointment).where(
            VisitAppointment.customer_id == customer.id, VisitAppointment.day == day,
            VisitAppointment.state == BOOKED)):
        if rules.overlaps((starts, ends), (other.starts, other.ends)):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "the customer is already booked from {starts} to {ends} that day"),
                field=WINDOW, starts=other.starts, ends=other.ends)
    booking = VisitAppointment(
        branch_id=customer.branch_id, customer_id=customer.id, service_id=service.id, day=day,
        starts=starts, ends=ends, note=note, state=BOOKED, booked_at=uow.now,
        booked_by_id=uow.actor.account_id, booked_by_name=uow.actor.display_name)
    session.add(booking)
    session.flush()
    uow.audit("visit.appointment.book", "visit_appointment", booking.id, branch_id=booking.branch_id,
              after={"customer_id": customer.id, "day": day.isoformat(), "starts": starts, "ends": ends,
                     "service_id": service.id})
    return _row(booking, customer, service, None, local)


COLUMNS = (
    Column("cif_no", True, ("cif_no", "cif", "客户号")),
    Column("day", True, ("date", "day", "日期")),
    Column("starts", True, ("from", "starts", "开始")),
    Column("ends", True, ("until", "ends", "结束")),
    Column("service", True, ("service", "业务")),
    Column("note", False, ("note", "备注")),
)


def import_appointments(store: Store, actor: Actor, path: Path, *, skip_bad: bool = False,
                        encoding: str | None = None) -> tuple[int, list[LineProblem]]:
    """Bookings made in other channels, one per CSV line (CIF number, date YYYY-MM-DD, from and
    until HH:MM, the service's prefix, a note), with the same checks as a booking by hand. A bad
    line is reported with its number and reason; with any bad line nothing is imported unless
    ``skip_bad`` (:class:`app.csvio.ImportRefused`, as every import's). Returns how many were
    booked and the problems skipped."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    lines = list(read_rows(read_file(path), COLUMNS, encoding=encoding))
    problems: list[LineProblem] = []
    booked = 0
    with store.write(actor) as uow:
        session = uow.session
        for line in lines:
            try:
                if "__fields__" in line.values:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "has {count} fields"), field=FILE,
                                          count=line.values["__fields__"])
                customer_id = session.scalar(select(Customer.id).where(Customer.cif_no == line.values["cif_no"].strip()))
                if customer_id is None:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "no such customer"), field=CUSTOMER)
                customer, _branch = customer_in_scope(session, actor, customer_id)
                service = session.scalar(select(QueueService).where(
                    QueueService.branch_id == customer.branch_id,
                    QueueService.prefix == line.values["service"].strip().upper()))
                if service is None:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "no such service at the customer's branch"),
                                          field=SERVICE)
                try:
                    day = date.fromisoformat(line.values["day"].strip())
                except ValueError:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a date (YYYY-MM-DD)"),
                                          field=rules.DAY) from None
                _book(uow, customer, service, day, line.values["starts"].strip(), line.values["ends"].strip(),
                      line.values.get("note", ""))
                booked += 1
            except NotFound:
                problems.append(problem_from(line.number, ValidationError(
                    QT_TRANSLATE_NOOP("errors", "no such customer"), field=CUSTOMER)))
            except ValidationError as error:
                problems.append(problem_from(line.number, error))
        if problems and not skip_bad:
            raise ImportRefused(problems, len(problems))
        return booked, problems


def _row(booking: VisitAppointment, customer: Customer, service: QueueService | None, ticket: QueueTicket | None,
         local) -> AppointmentRow:
    state = NO_SHOW if booking.state == BOOKED and rules.missed(booking.day, booking.ends, local) else booking.state
    return AppointmentRow(booking.id, booking.day, booking.starts, booking.ends, customer.id,
                          mask_name(customer.name), customer.tier, service.name if service else "", booking.note,
                          state, booking.booked_by_name, ticket.number if ticket else "")


def appointments_on(store: Store, actor: Actor, day: date | None = None, *, mine: bool = False) -> list[AppointmentRow]:
    """The appointments of ``day`` (today by default) in the actor's subtree, by time; ``mine``:
    only those of the customers the actor looks after (a relationship manager's today list)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    now = store.clock()
    with store.read() as session:
        policy, local = _local_now(session, actor.branch_id, now) if actor.branch_id else (None, wall_clock(now))
        local = local.replace(tzinfo=None)
        query = (select(VisitAppointment, Customer, QueueService, QueueTicket, Branch.path)
                 .join(Customer, Customer.id == VisitAppointment.customer_id)
                 .join(QueueService, QueueService.id == VisitAppointment.service_id)
                 .join(Branch, Branch.id == VisitAppointment.branch_id)
                 .outerjoin(QueueTicket, QueueTicket.id == VisitAppointment.ticket_id)
                 .where(VisitAppointment.day == (day or local.date()))
                 .order_by(VisitAppointment.starts, VisitAppointment.id))
        if mine:
            query = query.where(Customer.relationship_manager_id == actor.account_id)
        return [_row(b, c, s, t, local) for b, c, s, t, path in session.execute(query) if actor.sees(path)]


def _booking_in_scope(session, actor: Actor, appointment_id: int) -> tuple[VisitAppointment, Branch]:
    found = session.execute(select(VisitAppointment, Branch).join(Branch, Branch.id == VisitAppointment.branch_id)
                            .where(VisitAppointment.id == appointment_id).with_for_update(of=VisitAppointment)
                            ).first() if isinstance(appointment_id, int) else None
    if found is None or not actor.sees(found[1].path):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That appointment does not exist in your scope."),
                       field=APPOINTMENT)
    return found[0], found[1]


def check_in(store: Store, actor: Actor, appointment_id: int) -> tuple[AppointmentRow, bool]:
    """The customer has come: issue their ticket of the booked service (ISSUE_TICKETS) — with
    the appointment's priority when within the window (True), else as a normal ticket (False)."""
    require(actor, Permission.ISSUE_TICKETS)
    with store.write(actor) as uow:
        session = uow.session
        booking, _branch = _booking_in_scope(session, actor, appointment_id)
        policy, local = _local_now(session, booking.branch_id, uow.now)
        if booking.state != BOOKED or booking.day != local.date():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not booked for today"), field=APPOINTMENT)
        on_time = rules.kept(booking.day, booking.starts, booking.ends, local)
        ticket = issue_in(uow, service_id=booking.service_id, customer_id=booking.customer_id,
                          at_least=policy.appointment_tier if on_time else None,
                          note=f"预约 {booking.starts}-{booking.ends}")
        booking.state, booking.ticket_id, booking.closed_at = CHECKED_IN, ticket.id, uow.now
        session.flush()
        uow.audit("visit.appointment.check_in", "visit_appointment", booking.id, branch_id=booking.branch_id,
                  after={"ticket_id": ticket.id, "on_time": on_time})
        customer = session.get_one(Customer, booking.customer_id)
        row = _row(booking, customer, session.get(QueueService, booking.service_id),
                   session.get(QueueTicket, ticket.id), local)
        return row, on_time


def record_no_shows(store: Store, actor: Actor) -> int:
    """Close the bookings of the actor's subtree whose window has passed as no-shows (the
    lobby, ISSUE_TICKETS); returns how many."""
    require(actor, Permission.ISSUE_TICKETS)
    with store.write(actor) as uow:
        session = uow.session
        closed = 0
        for booking, branch in session.execute(
                select(VisitAppointment, Branch).join(Branch, Branch.id == VisitAppointment.branch_id)
                .where(VisitAppointment.state == BOOKED).with_for_update(of=VisitAppointment)):
            _policy, local = _local_now(session, booking.branch_id, uow.now)
            if actor.sees(branch.path) and rules.missed(booking.day, booking.ends, local):
                booking.state, booking.closed_at = NO_SHOW, uow.now
                uow.audit("visit.appointment.no_show", "visit_appointment", booking.id, branch_id=booking.branch_id,
                          after={"day": booking.day.isoformat(), "ends": booking.ends})
                closed += 1
        return closed


def cancel_appointment(store: Store, actor: Actor, appointment_id: int, reason: str = "") -> AppointmentRow:
    """Cancel a booking (CARE_FOR_CUSTOMERS: the customer called it off, at the lobby or with
    their relationship manager); only a ``booked`` one, checked in or closed ones stay as they
    are. The reason, optional, goes to the audit event: the booking keeps its note, and the
    database's guard (migration 0040) lets only its state and closing time change."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    reason = clean_text(reason, field=REASON, max_length=200, required=False)
    with store.write(actor) as uow:
        session = uow.session
        booking, _branch = _booking_in_scope(session, actor, appointment_id)
        if booking.state != BOOKED:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "only a booked appointment can be cancelled"),
                                  field=APPOINTMENT)
        _policy, local = _local_now(session, booking.branch_id, uow.now)
        booking.state, booking.closed_at = CANCELLED, uow.now
        session.flush()
        uow.audit("visit.appointment.cancel", "visit_appointment", booking.id, branch_id=booking.branch_id,
                  before={"state": BOOKED}, after={"state": CANCELLED, "reason": reason})
        return _row(booking, session.get_one(Customer, booking.customer_id),
                    session.get(QueueService, booking.service_id), None, local)
