"""Complaints: accept (channel, content, level 1-3), assign, investigate, resolve, and close
after following up with the customer's satisfaction (docs/domain.md; seed 004).

The level sets the deadline (policy: 5 h / 8 h / 12 h by default, weekends counted unless the
policy skips them); an open complaint past its deadline is escalated to the branch manager of
its branch (the nearest branch up the tree that has one). A complaint from a VIP (a tier that
carries a VIP card) is flagged, since it weighs double in assessments (seed 000). A complaint
is never closed without a resolution in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.auth.permissions import Permission, Role, require
from app.care.common import customer_in_scope, keeper, load_policy, subtree_ids
from app.care.rules import (
    ASSIGN, CHANNEL, CHANNELS, CLOSE, CLOSED, CONTENT, INVESTIGATE, INVESTIGATION, LEVEL, LEVELS,
    OPEN_STATES, RESOLVE, SATISFACTION, SATISFACTIONS, ACCEPTED, check_resolution,
    complaint_deadline, next_complaint_state,
)
from app.errors import CHANGED_BY_SOMEONE_ELSE, QT_TRANSLATE_NOOP, ConflictError, NotFound, PermissionDenied, ValidationError
from app.text import clean_text
from app.tiers.policy_store import policy_in_force_at
from db.models import Branch, Complaint, Customer, StaffAccount, StaffRole
from app.actor import Actor
from app.store import Store

HANDLER = QT_TRANSLATE_NOOP("fields", "Handled by")
NOTE = QT_TRANSLATE_NOOP("fields", "Follow-up note")
NOT_FOUND = QT_TRANSLATE_NOOP("errors", "That complaint does not exist in your scope.")
# list filters
OPEN, OVERDUE, MINE, ALL = "open", "overdue", "mine", "all"


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    customer_id: int
    customer_name: str
    cif_no: str
    branch_code: str
    channel: str
    content: str
    level: int
    vip: bool
    state: str
    accepted_by_name: str
    accepted_at: datetime       # naive UTC
    deadline_at: datetime       # naive UTC
    assigned_to: int | None
    assigned_to_name: str
    investigation: str
    resolution: str
    resolved_at: datetime | None
    escalated_at: datetime | None
    escalated_to_name: str
    satisfaction: str
    follow_up_note: str
    closed_at: datetime | None
    version: int

    @property
    def open(self) -> bool:
        return self.state in OPEN_STATES


def _row(c: Complaint, name: str, cif: str, code: str) -> ComplaintRow:
    return ComplaintRow(c.id, c.customer_id, name, cif, code, c.channel, c.content, c.level, c.vip, c.state,
                        c.accepted_by_name, c.accepted_at, c.deadline_at, c.assigned_to, c.assigned_to_name,
                        c.investigation, c.resolution, c.resolved_at, c.escalated_at, c.escalated_to_name,
                        c.satisfaction, c.follow_up_note, c.closed_at, c.version)


def _query():
    return (select(Complaint, Customer.name, Customer.cif_no, Branch.code)
            .join(Customer, Customer.id == Complaint.customer_id)
            .join(Branch, Branch.id == Complaint.branch_id))


def _is_vip(session, tier: str, today) -> bool:
    policy = policy_in_force_at(session, today)
    try:
        return policy.band(tier).card_type is not None
    except ValidationError:
        return tier != policy.bands[0].code


def accept_complaint(store: Store, actor: Actor, customer_id: int, *, channel: str, content: str, level: int) -> ComplaintRow:
    """Accept a customer's complaint (CARE_FOR_CUSTOMERS); the deadline runs from now."""
    with store.write(actor, keyed=True) as uow:
        return accept_in(uow, actor, customer_id, channel=channel, content=content, level=level)


def accept_in(uow, actor: Actor, customer_id: int, *, channel: str, content: str, level: int) -> ComplaintRow:
    """:func:`accept_complaint` inside the caller's unit of work (a complaint opened from
    another record, such as a rating after service, links to it in the same transaction)."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    if channel not in CHANNELS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "choose how the complaint came in"), field=CHANNEL)
    if level not in LEVELS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 1, 2 or 3"), field=LEVEL)
    content = clean_text(content, field=CONTENT, max_length=2000, multiline=True)
    session = uow.session
    customer, branch = customer_in_scope(session, actor, customer_id)
    policy = load_policy(session)
    complaint = Complaint(
        customer_id=customer.id, branch_id=customer.branch_id, channel=channel, content=content,
        level=level, vip=_is_vip(session, customer.tier, uow.today), state=ACCEPTED,
        accepted_by=actor.account_id, accepted_by_name=actor.display_name, accepted_at=uow.now,
        deadline_at=complaint_deadline(uow.now, level, policy), assigned_to_name="", investigation="",
        resolution="", escalated_to_name="", satisfaction="", follow_up_note="", closed_by_name="")
    session.add(complaint)
    session.flush()
    uow.audit("complaint.accept", "complaint", complaint.id,
              after={"customer_id": customer.id, "channel": channel, "level": level, "vip": complaint.vip,
                     "deadline_at": complaint.deadline_at}, branch_id=customer.branch_id)
    return _row(complaint, customer.name, customer.cif_no, branch.code)


def _load(session, actor: Actor, complaint_id: int, expected_version: int) -> Complaint:
    row = session.execute(select(Complaint, Branch.path).join(Branch, Branch.id == Complaint.branch_id)
                          .where(Complaint.id == complaint_id)).first()
    if row is None or not actor.sees(row[1]):
        raise NotFound(NOT_FOUND)
    if row[0].version != expected_version:
        raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
    return row[0]


def _may_work_on(actor: Actor, complaint: Complaint) -> None:
    """The person it is assigned to works on it; a branch manager (assigner) on any."""
    if actor.may(Permission.ASSIGN_CUSTOMERS):
        return
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    if complaint.assigned_to not in (None, actor.account_id):
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "This complaint is assigned to {name}; only they or a branch manager may work on it."),
            name=complaint.assigned_to_name)


def _finish(uow, complaint: Complaint, action: str, before: dict, after: dict) -> ComplaintRow:
    session = uow.session
    session.flush()
    uow.audit(action, "complaint", complaint.id, before=before, after=after, branch_id=complaint.branch_id)
    name, cif, code = session.execute(
        select(Customer.name, Customer.cif_no, Branch.code).join(Branch, Branch.id == Customer.branch_id)
        .where(Customer.id == complaint.customer_id)).one()
    return _row(complaint, name, cif, code)


def assign_complaint(store: Store, actor: Actor, complaint_id: int, staff_id: int, *, expected_version: int) -> ComplaintRow:
    """Give a complaint to a member of staff (ASSIGN_CUSTOMERS; anyone who cares for customers
    may take an unassigned one themselves)."""
    if staff_id != actor.account_id:
        require(actor, Permission.ASSIGN_CUSTOMERS)
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    with store.write(actor) as uow:
        complaint = _load(uow.session, actor, complaint_id, expected_version)
        if not actor.may(Permission.ASSIGN_CUSTOMERS) and complaint.assigned_to not in (None, actor.account_id):
            _may_work_on(actor, complaint)
        target = keeper(uow.session, actor, staff_id, field=HANDLER) if staff_id != actor.account_id \
            else None
        before = {"state": complaint.state, "assigned_to": complaint.assigned_to}
        complaint.state = next_complaint_state(complaint.state, ASSIGN)
        complaint.assigned_to = staff_id
        complaint.assigned_to_name = target.display_name if target else actor.display_name
        return _finish(uow, complaint, "complaint.assign", before,
                       {"state": complaint.state, "assigned_to": staff_id})


def start_investigation(store: Store, actor: Actor, complaint_id: int, *, expected_version: int, note: str = "") -> ComplaintRow:
    """The handler starts investigating (optionally with a first note)."""
    with store.write(actor) as uow:
        complaint = _load(uow.session, actor, complaint_id, expected_version)
        _may_work_on(actor, complaint)
        before = {"state": complaint.state}
        complaint.state = next_complaint_state(complaint.state, INVESTIGATE)
        complaint.investigation = clean_text(note, field=INVESTIGATION, max_length=2000, required=False,
                                             multiline=True)
        return _finish(uow, complaint, "complaint.investigate", before, {"state": complaint.state})


def resolve_complaint(store: Store, actor: Actor, complaint_id: int, *, expected_version: int, resolution: str,
                      investigation: str | None = None) -> ComplaintRow:
    """Record how the complaint was resolved; refused without a resolution in words."""
    resolution = check_resolution(resolution)
    with store.write(actor) as uow:
        complaint = _load(uow.session, actor, complaint_id, expected_version)
        _may_work_on(actor, complaint)
        before = {"state": complaint.state}
        complaint.state = next_complaint_state(complaint.state, RESOLVE)
        complaint.resolution = resolution
        if investigation is not None:
            complaint.investigation = clean_text(investigation, field=INVESTIGATION, max_length=2000,
                                                 required=False, multiline=True)
        complaint.resolved_at = uow.now
        return _finish(uow, complaint, "complaint.resolve", before,
                       {"state": complaint.state, "on_time": uow.now <= complaint.deadline_at})


def close_complaint(store: Store, actor: Actor, complaint_id: int, *, expected_version: int, satisfaction: str,
                    note: str = "", resolution: str = "") -> ComplaintRow:
    """Close after following up with the customer: their satisfaction is required, and so is a
    resolution in words (given now, or recorded when it was resolved)."""
    if satisfaction not in SATISFACTIONS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "ask the customer and choose how satisfied they are"),
                              field=SATISFACTION)
    note = clean_text(note, field=NOTE, max_length=2000, required=False, multiline=True)
    with store.write(actor) as uow:
        complaint = _load(uow.session, actor, complaint_id, expected_version)
        _may_work_on(actor, complaint)
        given = (resolution or "").strip()
        if given or not complaint.resolution:
            text = check_resolution(resolution)
            if complaint.state in OPEN_STATES:
                complaint.state = next_complaint_state(complaint.state, RESOLVE)
                complaint.resolved_at = uow.now
            complaint.resolution = text
        before = {"state": complaint.state}
        complaint.state = next_complaint_state(complaint.state, CLOSE)
        complaint.satisfaction, complaint.follow_up_note = satisfaction, note
        complaint.closed_at, complaint.closed_by_name = uow.now, actor.display_name
        return _finish(uow, complaint, "complaint.close", before,
                       {"state": CLOSED, "satisfaction": satisfaction})


def _branch_managers(session, branch_path: str) -> str:
    """Names of the branch managers of the nearest branch up from ``branch_path`` that has one."""
    rows = session.execute(
        select(StaffAccount.display_name, Branch.path).join(Branch, Branch.id == StaffAccount.branch_id)
        .join(StaffRole, StaffRole.account_id == StaffAccount.id)
        .where(StaffRole.role == Role.BRANCH_MANAGER.value, StaffAccount.disabled.is_(False))).all()
    fitting = [(len(p), n) for n, p in rows if branch_path.startswith(p)]
    if not fitting:
        return ""
    nearest = max(length for length, _n in fitting)
    return ", ".join(sorted(n for length, n in fitting if length == nearest))


def escalate_overdue(store: Store, actor: Actor) -> int:
    """Escalate every open complaint of the actor's subtree past its deadline and not yet
    escalated to its branch manager: stamped and audited once. Returns how many."""
    require(actor, Permission.CARE_FOR_CUSTOMERS)
    with store.write(actor) as uow:
        session = uow.session
        scope = subtree_ids(session, actor.branch_path)
        due = session.execute(
            select(Complaint, Branch.path).join(Branch, Branch.id == Complaint.branch_id)
            .where(Complaint.state.in_(OPEN_STATES), Complaint.deadline_at < uow.now,
                   Complaint.escalated_at.is_(None), Complaint.branch_id.in_(scope))).all()
        for complaint, path in due:
            complaint.escalated_at = uow.now
            complaint.escalated_to_name = _branch_managers(session, path)
            uow.audit("complaint.escalate", "complaint", complaint.id,
                      after={"deadline_at": complaint.deadline_at, "to": complaint.escalated_to_name},
                      branch_id=complaint.branch_id)
        return len(due)


def list_complaints(store: Store, actor: Actor, *, which: str = OPEN, customer_id: int | None = None,
                    limit: int = 500) -> list[ComplaintRow]:
    """Complaints of the actor's subtree: open ones (escalated first, then by deadline), only
    overdue ones, those assigned to the actor, or all (newest first)."""
    if not actor.may(Permission.CARE_FOR_CUSTOMERS):
        require(actor, Permission.VIEW_CUSTOMERS)
    now = store.clock()
    with store.read() as session:
        query = _query().where(Complaint.branch_id.in_(subtree_ids(session, actor.branch_path)))
        if customer_id is not None:
            query = query.where(Complaint.customer_id == customer_id)
        if which in (OPEN, OVERDUE, MINE):
            query = query.where(Complaint.state.in_(OPEN_STATES))
        if which == OVERDUE:
            query = query.where(Complaint.deadline_at < now)
        if which == MINE:
            query = query.where(Complaint.assigned_to == actor.account_id)
        if which == ALL:
            query = query.order_by(Complaint.accepted_at.desc(), Complaint.id.desc())
        else:
            query = query.order_by(Complaint.escalated_at.is_(None), Complaint.deadline_at, Complaint.id)
        return [_row(*r) for r in session.execute(query.limit(limit)).all()]


def complaint(store: Store, actor: Actor, complaint_id: int) -> ComplaintRow:
    if not actor.may(Permission.CARE_FOR_CUSTOMERS):
        require(actor, Permission.VIEW_CUSTOMERS)
    with store.read() as session:
        row = session.execute(_query().add_columns(Branch.path).where(Complaint.id == complaint_id)).first()
        if row is None or not actor.sees(row[4]):
            raise NotFound(NOT_FOUND)
        return _row(*row[:4])

