"""Contact records: how a customer was contacted, when, where, what was said, their needs, and
a follow-up date with its status. Entered quickly from the worklist or the customer view;
edited with the version the editor saw, so two managers editing one record lose nothing (the
second is told to reload, and keeps what they typed).

Times arrive and leave in the branch's local time; the store keeps naive UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update

from app.auth.permissions import Permission, require
from app.care.common import customer_in_scope, load_policy
from app.care.rules import (
    CONTACT_METHOD, CONTACT_METHODS, CONTACTED_AT, CONTENT, FOLLOW_UP_DONE, FOLLOW_UP_NONE,
    FOLLOW_UP_OPEN, FOLLOW_UP_STATUS, FOLLOW_UP_STATUSES, NEEDS, PLACE, CarePolicy, check_follow_up,
    local_today, to_local, to_utc,
)
from app.errors import CHANGED_BY_SOMEONE_ELSE, QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from app.text import clean_text
from db.models import Branch, ContactRecord, Customer
from app.actor import Actor
from app.store import Store

CLOCK_SLACK = timedelta(minutes=5)  # PCs' clocks differ a little


@dataclass(frozen=True)
class ContactInput:
    """What the contact form holds. ``contacted_at`` is local wall-clock time (naive) or None
    for now; ``follow_up_status`` None means "open when a follow-up date is set"."""

    method: str
    content: str
    contacted_at: datetime | None = None
    place: str = ""
    needs: str = ""
    follow_up_on: date | None = None
    follow_up_status: str | None = None


@dataclass(frozen=True)
class ContactRow:
    id: int
    customer_id: int
    customer_name: str
    staff_name: str
    method: str
    contacted_at: datetime      # local, naive (the branch's wall clock)
    place: str
    content: str
    needs: str
    follow_up_on: date | None
    follow_up_status: str
    version: int


def _clean(data: ContactInput, policy: CarePolicy, now: datetime, *, old_follow_up: date | None = None,
           check_new_follow_up: bool = True) -> dict:
    if data.method not in CONTACT_METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "choose how the customer was contacted"),
                              field=CONTACT_METHOD)
    content = clean_text(data.content, field=CONTENT, max_length=2000, multiline=True)
    place = clean_text(data.place, field=PLACE, max_length=100, required=False)
    needs = clean_text(data.needs, field=NEEDS, max_length=2000, required=False, multiline=True)
    if data.contacted_at is None:
        contacted_at = now
    else:
        contacted_at = to_utc(data.contacted_at.replace(tzinfo=policy.zone))
        if contacted_at > now + CLOCK_SLACK:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must not be in the future"), field=CONTACTED_AT)
    today = local_today(now, policy)
    if check_new_follow_up and data.follow_up_on != old_follow_up:
        check_follow_up(data.follow_up_on, today)
    status = data.follow_up_status
    if status is None:
        status = FOLLOW_UP_OPEN if data.follow_up_on else FOLLOW_UP_NONE
    if status not in FOLLOW_UP_STATUSES or (status != FOLLOW_UP_NONE and data.follow_up_on is None):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "needs a follow-up date"), field=FOLLOW_UP_STATUS)
    return dict(method=data.method, content=content, place=place, needs=needs, contacted_at=contacted_at,
                follow_up_on=data.follow_up_on if status != FOLLOW_UP_NONE else None,
                follow_up_status=status)


def _row(record: ContactRecord, customer_name: str, policy: CarePolicy) -> ContactRow:
    return ContactRow(record.id, record.customer_id, customer_name, record.staff_name, record.method,
                      to_local(record.contacted_at, policy).replace(tzinfo=None), record.place,
                      record.content, record.needs, record.follow_up_on, record.follow_up_status,
                      record.version)


def _snapshot(values: dict) -> dict:
    return {k: v for k, v in values.items() if k != "content"} | {"content_chars": len(values.get("content", ""))}


def _note_latest(session, customer_id: int) -> None:
    """Keep ``customer.last_contact_at`` (the dashboard's compliance count reads it from an
    index) equal to the customer's latest contact. A plain UPDATE that leaves the customer's
    version alone: recording a contact is no conflict for someone editing the address."""
    latest = session.scalar(select(func.max(ContactRecord.contacted_at)).where(ContactRecord.customer_id == customer_id))
    session.execute(update(Customer).where(Customer.id == customer_id).values(last_contact_at=latest)
                    .execution_options(synchronize_session=False))


def record_contact(store: Store, actor: Actor, customer_id: int, data: ContactInput) -> ContactRow:
    """Record a contact with a customer of the actor's subtree (CARE_FOR_CUSTOMERS)."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    with store.write(actor) as uow:
        customer, _branch = customer_in_scope(uow.session, actor, customer_id)
        return add_contact(uow, customer, data)


def add_contact(uow, customer: Customer, data: ContactInput) -> ContactRow:
    """Write a contact with ``customer`` (already checked in scope) in the unit of work's actor's
    name, with its audit event: :func:`record_contact`, and other capabilities' actions that
    leave a contact in the care history in their own transaction (a VIP received on arrival)."""
    session = uow.session
    policy = load_policy(session)
    values = _clean(data, policy, uow.now)
    record = ContactRecord(customer_id=customer.id, branch_id=customer.branch_id, staff_id=uow.actor.account_id,
                           staff_name=uow.actor.display_name, created_at=uow.now, updated_at=uow.now, **values)
    session.add(record)
    session.flush()
    _note_latest(session, customer.id)
    uow.audit("contact.create", "contact_record", record.id, after=_snapshot(values),
              branch_id=customer.branch_id)
    return _row(record, customer.name, policy)


def update_contact(store: Store, actor: Actor, contact_id: int, data: ContactInput, *, expected_version: int) -> ContactRow:
    """Change a contact record seen at ``expected_version``; if someone saved it meanwhile the
    change is refused (reload and make it again) and nothing is lost."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    with store.write(actor) as uow:
        session = uow.session
        record = session.get(ContactRecord, contact_id)
        if record is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That contact record does not exist in your scope."))
        customer, _branch = customer_in_scope(session, actor, record.customer_id)
        if record.version != expected_version:
            raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
        policy = load_policy(session)
        values = _clean(data, policy, uow.now, old_follow_up=record.follow_up_on)
        before = _snapshot({k: getattr(record, k) for k in values})
        for key, value in values.items():
            setattr(record, key, value)
        record.updated_at = uow.now
        session.flush()  # the version check happens here (UPDATE ... WHERE version = seen)
        _note_latest(session, record.customer_id)
        uow.audit("contact.update", "contact_record", record.id, before=before, after=_snapshot(values),
                  branch_id=record.branch_id)
        return _row(record, customer.name, policy)


def complete_follow_up(store: Store, actor: Actor, contact_id: int, *, expected_version: int) -> ContactRow:
    """Mark a contact's follow-up done (from the worklist)."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    with store.write(actor) as uow:
        session = uow.session
        record = session.get(ContactRecord, contact_id)
        if record is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That contact record does not exist in your scope."))
        customer, _branch = customer_in_scope(session, actor, record.customer_id)
        if record.version != expected_version:
            raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
        if record.follow_up_status != FOLLOW_UP_OPEN:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "there is no open follow-up"),
                                  field=FOLLOW_UP_STATUS)
        record.follow_up_status = FOLLOW_UP_DONE
        record.updated_at = uow.now
        session.flush()
        uow.audit("contact.follow_up_done", "contact_record", record.id,
                  before={"follow_up_status": FOLLOW_UP_OPEN}, after={"follow_up_status": FOLLOW_UP_DONE},
                  branch_id=record.branch_id)
        return _row(record, customer.name, load_policy(session))


def contacts_of(store: Store, actor: Actor, customer_id: int, limit: int = 200) -> list[ContactRow]:
    """A customer's contact records, newest first (VIEW_CUSTOMERS, customer in scope)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with store.read() as session:
        customer, _branch = customer_in_scope(session, actor, customer_id)
        policy = load_policy(session)
        records = session.scalars(select(ContactRecord).where(ContactRecord.customer_id == customer_id)
                                  .order_by(ContactRecord.contacted_at.desc(), ContactRecord.id.desc())
                                  .limit(limit)).all()
        return [_row(r, customer.name, policy) for r in records]


def contact(store: Store, actor: Actor, contact_id: int) -> ContactRow:
    """One contact record as it is now (for an edit form)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with store.read() as session:
        row = session.execute(select(ContactRecord, Customer.name, Branch.path)
                              .join(Customer, Customer.id == ContactRecord.customer_id)
                              .join(Branch, Branch.id == Customer.branch_id)
                              .where(ContactRecord.id == contact_id)).first()
        if row is None or not actor.sees(row[2]):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That contact record does not exist in your scope."))
        return _row(row[0], row[1], load_policy(session))


def customer_name(store: Store, actor: Actor, customer_id: int) -> str:
    """A customer's name, for the heading of a contact or complaint form (customer in scope)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with store.read() as session:
        customer, _branch = customer_in_scope(session, actor, customer_id)
        return customer.name
