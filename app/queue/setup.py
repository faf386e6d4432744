"""Setting a branch's queue up: its services (with their number prefix), its counters (which
services each calls, open or closed) and its calling policy. Lobby and branch managers do this.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.business_day import business_date
from app.queue import rules
from app.queue.common import (
    branch_in_scope, counter_in_scope, notify, policy_of, service_in_scope, tier_codes,
)
from app.queue.rules import QueuePolicy
from app.store import insert_unique
from app.text import clean_text
from db.models import QueueCounter, QueuePolicy as PolicyRow, QueueService, QueueTicket
from app.actor import Actor
from app.store import Store

PREFIX = QT_TRANSLATE_NOOP("fields", "Number prefix")
SERVICE_NAME = QT_TRANSLATE_NOOP("fields", "Service name")
COUNTER_NAME = QT_TRANSLATE_NOOP("fields", "Counter name")
COUNTER_NUMBER = QT_TRANSLATE_NOOP("fields", "Counter number")
SERVICES = QT_TRANSLATE_NOOP("fields", "Services")
_PREFIX = re.compile(r"[A-Z]{1,2}")
_COUNTER = re.compile(r"[0-9A-Z]{1,8}")


def add_service(store: Store, actor: Actor, *, prefix: str, name: str, branch_id: int | None = None) -> int:
    """A new service with its own number range (``W`` → W001...); returns its id."""
    require(actor, Permission.MANAGE_QUEUE)
    prefix = (prefix or "").strip().upper()
    if not _PREFIX.fullmatch(prefix):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be one or two letters A-Z"), field=PREFIX)
    name = clean_text(name, field=SERVICE_NAME, max_length=60)
    with store.write(actor) as uow:
        branch = branch_in_scope(uow.session, actor, branch_id)
        service = QueueService(branch_id=branch.id, prefix=prefix, name=name, active=True)
        insert_unique(uow.session, service, ValidationError(QT_TRANSLATE_NOOP(
            "errors", "{prefix} is already the prefix of another service of this branch"),
            field=PREFIX, prefix=prefix))
        uow.audit("queue.service.add", "queue_service", service.id, branch_id=branch.id,
                  after={"prefix": prefix, "name": name})
        notify(uow.session, branch.id)
        return service.id


def add_counter(store: Store, actor: Actor, *, number: str, name: str, service_ids: list[int],
                branch_id: int | None = None) -> int:
    """A new counter calling ``service_ids``; returns its id."""
    require(actor, Permission.MANAGE_QUEUE)
    number = (number or "").strip().upper()
    if not _COUNTER.fullmatch(number):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 1 to 8 letters or digits"),
                              field=COUNTER_NUMBER)
    name = clean_text(name, field=COUNTER_NAME, max_length=60)
    with store.write(actor) as uow:
        branch = branch_in_scope(uow.session, actor, branch_id)
        ids = _checked_services(uow.session, actor, service_ids, branch.id)
        counter = QueueCounter(branch_id=branch.id, number=number, name=name,
                               service_ids=",".join(map(str, ids)), open=True)
        insert_unique(uow.session, counter, ValidationError(QT_TRANSLATE_NOOP(
            "errors", "counter {number} already exists in this branch"), field=COUNTER_NUMBER, number=number))
        uow.audit("queue.counter.add", "queue_counter", counter.id, branch_id=branch.id,
                  after={"number": number, "name": name, "services": ids})
        notify(uow.session, branch.id)
        return counter.id


def set_counter(store: Store, actor: Actor, counter_id: int, *, service_ids: list[int] | None = None,
                open: bool | None = None) -> None:  # the counter's own word
    """Change which services a counter calls, or open or close it. A closed counter calls
    nothing and takes no transfers."""
    require(actor, Permission.MANAGE_QUEUE)
    with store.write(actor) as uow:
        counter = counter_in_scope(uow.session, actor, counter_id, lock=True)
        before = {"services": counter.service_ids, "open": counter.open}
        if service_ids is not None:
            counter.service_ids = ",".join(map(str, _checked_services(
                uow.session, actor, service_ids, counter.branch_id)))
        if open is not None:
            counter.open = bool(open)
        uow.audit("queue.counter.change", "queue_counter", counter.id, branch_id=counter.branch_id,
                  before=before, after={"services": counter.service_ids, "open": counter.open})
        notify(uow.session, counter.branch_id)


def _checked_services(session, actor: Actor, service_ids, branch_id: int) -> list[int]:
    if not isinstance(service_ids, (list, tuple)):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a list of services"), field=SERVICES)
    return sorted({service_in_scope(session, actor, sid, branch_id).id for sid in service_ids})


def save_policy(store: Store, actor: Actor, policy: QueuePolicy, *, branch_id: int | None = None) -> QueuePolicy:
    """Store the branch's calling policy. Waiting tickets get their deadline from the new
    maximum waits at once (their place in the queue does not change)."""
    require(actor, Permission.MANAGE_QUEUE)
    checked = rules.make_policy(**json.loads(policy.to_json()))
    with store.write(actor) as uow:
        return _store_policy(uow, branch_in_scope(uow.session, actor, branch_id), checked, "queue.policy.save")


def set_opening_hours(store: Store, actor: Actor, *, opens_at: str, closes_at: str, branch_id: int | None = None) -> QueuePolicy:
    """Change the branch's opening hours ("HH:MM", local), which new appointments are booked
    within (MANAGE_QUEUE: the branch and lobby managers, as the rest of the queue policy; on
    PostgreSQL the guard of migration 0025 holds the policy row to that right). The rest of the
    policy stays as stored; bookings already made keep their windows."""
    require(actor, Permission.MANAGE_QUEUE)
    with store.write(actor) as uow:
        branch = branch_in_scope(uow.session, actor, branch_id)
        uow.session.scalar(select(PolicyRow.id).where(PolicyRow.branch_id == branch.id).with_for_update())
        current = json.loads(policy_of(uow.session, branch.id).to_json())  # read under the lock: no lost update
        current.update(opens_at=str(opens_at or "").strip(), closes_at=str(closes_at or "").strip())
        return _store_policy(uow, branch, rules.make_policy(**current), "queue.policy.opening_hours")


def _store_policy(uow, branch, checked: QueuePolicy, action: str) -> QueuePolicy:
    """Write the checked policy of ``branch``, audited as ``action``; the waiting tickets' deadlines follow."""
    session = uow.session
    row = session.scalar(select(PolicyRow).where(PolicyRow.branch_id == branch.id))
    before = row.value if row else None
    if row is None:
        session.add(PolicyRow(branch_id=branch.id, value=checked.to_json()))
    else:
        row.value = checked.to_json()
    day = business_date(uow.now, checked.time_zone)
    codes = tier_codes(session, day)
    for ticket in session.scalars(select(QueueTicket).where(
            QueueTicket.branch_id == branch.id, QueueTicket.state == rules.WAITING,
            QueueTicket.business_date == day).with_for_update()):
        ticket.deadline_at = rules.deadline(ticket.queued_at, ticket.priority, codes, checked)
    uow.audit(action, "queue_policy", branch.id, branch_id=branch.id, before=before, after=checked.to_json())
    notify(session, branch.id)
    return checked


@dataclass(frozen=True)
class ServiceRow:
    id: int
    prefix: str
    name: str
    active: bool


def services_of(store: Store, actor: Actor, branch_id: int | None = None) -> list[ServiceRow]:
    """The branch's services, by prefix."""
    with store.read() as session:
        branch = branch_in_scope(session, actor, branch_id)
        return [ServiceRow(s.id, s.prefix, s.name, s.active) for s in session.scalars(
            select(QueueService).where(QueueService.branch_id == branch.id).order_by(QueueService.prefix))]


def branch_policy(store: Store, actor: Actor, branch_id: int | None = None) -> QueuePolicy:
    with store.read() as session:
        return policy_of(session, branch_in_scope(session, actor, branch_id).id)

