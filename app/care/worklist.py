"""The "today" worklist of one keeper (relationship manager, lobby manager or teller): planned
contacts due or overdue by the tier's contact interval, birthdays and important dates in the
coming days, follow-ups that are due, open complaints they handle with their deadlines, and
active VIP cards expiring within the card policy's window (renewal needs an application).

"Today" is the branch's local date. A keeper sees their own list; whoever assigns customers
(a branch manager) may open any keeper's list in their subtree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.cards.policy import card_policy_in
from app.cards.rules import ACTIVE as CARD_ACTIVE
from app.care.common import keeper, load_policy
from app.care.rules import (
    FOLLOW_UP_OPEN, OPEN_STATES, contact_due, days_overdue, local_today, parse_important_dates, upcoming,
)
from app.customers.records import mask_policy
from app.customers.rules import mask_phone
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationError
from db.models import Complaint, ContactRecord, Customer, VipCard
from app.actor import Actor
from app.store import Store

OVERDUE, DUE, BIRTHDAY, IMPORTANT_DATE, FOLLOW_UP, COMPLAINT, CARD_EXPIRY = (
    "overdue", "due", "birthday", "date", "follow_up", "complaint", "card_expiry")
KIND_ORDER = {COMPLAINT: 0, OVERDUE: 1, FOLLOW_UP: 2, DUE: 3, BIRTHDAY: 4, IMPORTANT_DATE: 5, CARD_EXPIRY: 6}


@dataclass(frozen=True)
class WorkItem:
    """One thing to do today. ``days``: days overdue (positive) or until the date (negative
    for birthdays ahead); ``ref_id`` the contact record (follow-up) or complaint it concerns;
    ``deadline`` a complaint's deadline (naive UTC)."""

    kind: str
    customer_id: int
    customer_name: str
    tier: str
    phone_masked: str
    when: date
    days: int
    detail: str
    last_contact: date | None
    ref_id: int | None = None
    ref_version: int | None = None
    deadline: datetime | None = None


@dataclass(frozen=True)
class Worklist:
    keeper_id: int
    keeper_name: str
    today: date
    items: list[WorkItem]
    customers: int

    def count(self, *kinds: str) -> int:
        return sum(1 for item in self.items if item.kind in kinds)


def today_worklist(store: Store, actor: Actor, staff_id: int | None = None) -> Worklist:
    """Today's list for ``staff_id`` (default: the actor)."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    staff_id = actor.account_id if staff_id is None else staff_id
    if staff_id != actor.account_id and not actor.may(Permission.ASSIGN_CUSTOMERS):
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "You may open only your own worklist."))
    now = store.clock()
    with store.read() as session:
        policy = load_policy(session)
        masks = mask_policy(session)
        today = local_today(now, policy)
        if staff_id is None:  # a batch job has no list of its own
            return Worklist(0, actor.display_name, today, [], 0)
        try:
            person = keeper(session, actor, staff_id)
        except ValidationError:
            if staff_id != actor.account_id:
                raise
            return Worklist(staff_id, actor.display_name, today, [], 0)  # holds no customers
        customers = session.execute(
            select(Customer.id, Customer.name, Customer.tier, Customer.phone_masked, Customer.birthday,
                   Customer.important_dates, Customer.tier_since, Customer.created_at,
                   Customer.last_contact_at.label("last"))
            .where(Customer.relationship_manager_id == staff_id, Customer.active.is_(True))).all()
        items: list[WorkItem] = []
        info = {}
        for c in customers:
            last_day = local_today(c.last, policy) if c.last else None
            phone = mask_phone(c.phone_masked, masks) if c.phone_masked else ""
            info[c.id] = (c.name, c.tier, phone, last_day)
            interval = policy.interval(c.tier)
            if interval:
                start = c.tier_since or local_today(c.created_at, policy)
                due = contact_due(last_day, start, interval, policy)
                late = days_overdue(due, today)
                if late >= 0:
                    items.append(WorkItem(OVERDUE if late > 0 else DUE, c.id, c.name, c.tier, phone, due, late,
                                          "", last_day))
            for when, kind, label in upcoming(c.birthday, parse_important_dates(c.important_dates), today,
                                              policy.upcoming_days):
                items.append(WorkItem(BIRTHDAY if kind == "birthday" else IMPORTANT_DATE, c.id, c.name, c.tier,
                                      phone, when, days_overdue(when, today), label, last_day))
        follow_ups = session.execute(
            select(ContactRecord.id, ContactRecord.version, ContactRecord.customer_id, ContactRecord.follow_up_on,
                   ContactRecord.needs, ContactRecord.content)
            .join(Customer, Customer.id == ContactRecord.customer_id)
            .where(Customer.relationship_manager_id == staff_id, ContactRecord.follow_up_status == FOLLOW_UP_OPEN,
                   ContactRecord.follow_up_on <= today)).all()
        for f in follow_ups:
            name, tier, phone, last_day = info.get(f.customer_id, ("", "", "", None))
            items.append(WorkItem(FOLLOW_UP, f.customer_id, name, tier, phone, f.follow_up_on,
                                  days_overdue(f.follow_up_on, today), f.needs or f.content, last_day, f.id, f.version))
        complaints = session.execute(
            select(Complaint, Customer.name, Customer.tier, Customer.phone_masked)
            .join(Customer, Customer.id == Complaint.customer_id)
            .where(Complaint.assigned_to == staff_id, Complaint.state.in_(OPEN_STATES))).all()
        for complaint, name, tier, phone in complaints:
            items.append(WorkItem(COMPLAINT, complaint.customer_id, name, tier,
                                  mask_phone(phone, masks) if phone else "", local_today(complaint.deadline_at, policy),
                                  0, complaint.content, info.get(complaint.customer_id, ("", "", "", None))[3],
                                  complaint.id, complaint.version, complaint.deadline_at))
        # active VIP cards expiring within the card policy's window: renewal needs an application
        window = today + timedelta(days=card_policy_in(session).expiring_days)
        for cid, card_type, expires_on in session.execute(
                select(VipCard.customer_id, VipCard.card_type, VipCard.expires_on)
                .join(Customer, Customer.id == VipCard.customer_id)
                .where(Customer.relationship_manager_id == staff_id, VipCard.status == CARD_ACTIVE,
                       VipCard.expires_on <= window)):
            name, tier, phone, last_day = info.get(cid, ("", "", "", None))
            if name:
                items.append(WorkItem(CARD_EXPIRY, cid, name, tier, phone, expires_on,
                                      days_overdue(expires_on, today), card_type, last_day))
    items.sort(key=lambda i: (KIND_ORDER[i.kind], i.deadline or datetime.max, -i.days, i.when, i.customer_id))
    return Worklist(person.id, person.display_name, today, items, len(customers))
