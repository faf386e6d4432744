"""Who looks after which customer: assignment one by one or in bulk by rule (AUM band -> role,
docs/domain.md), the per-manager cap, the report of customers with no keeper or lost contact, and
handing a leaving manager's whole book over in one step.

The keeper is ``customer.relationship_manager_id`` (the relationship manager, or for lower
AUM bands the teller or lobby manager the policy names). Every change bumps the customer's
version, so a customer form opened before the change reports "changed by someone else".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, func, or_, select, update

from app.auth.permissions import Permission, require
from app.care.common import Keeper, keeper, keepers, load_policy, subtree_ids
from app.care.rules import OPEN_STATES, RELATIONSHIP_MANAGER, keeper_role
from app.customers.records import mask_policy
from app.customers.rules import mask_phone
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.stock.common import branch_in_scope, chunks
from app.tiers.evaluation import last_month
from app.tiers.rules import quarter_window, rolling_quarterly_average
from db.models import AumMonth, Branch, Complaint, Customer, StaffAccount
from app.actor import Actor
from app.store import Store

CUSTOMERS = QT_TRANSLATE_NOOP("fields", "Customers")
HAND_OVER_TO = QT_TRANSLATE_NOOP("fields", "Hand over to")
OVER_CAP = QT_TRANSLATE_NOOP(
    "errors", "{name} would look after {count} customers; the cap is {cap}. Nothing was changed.")
NO_MANAGER, NO_PHONE, MANAGER_DISABLED = "no_manager", "no_phone", "manager_disabled"


def staff_loads(store: Store, actor: Actor) -> list[Keeper]:
    """Keepers of the actor's subtree with their customer counts (ASSIGN_CUSTOMERS)."""
    require(actor, Permission.ASSIGN_CUSTOMERS)
    with store.read() as session:
        return keepers(session, actor)


def _check_cap(session, target: Keeper, adding: int) -> None:
    cap = load_policy(session).manager_cap
    if adding > 0 and target.customers + adding > cap:
        raise ValidationError(OVER_CAP, field=RELATIONSHIP_MANAGER, name=target.display_name,
                              count=target.customers + adding, cap=cap)


def _move(uow, customer_ids, staff_id: int | None, action: str, extra: dict | None = None) -> int:
    """Set the keeper of ``customer_ids`` (one UPDATE per chunk, versions bumped), audited with
    every customer's previous keeper."""
    session, moved, before = uow.session, 0, {}
    for part in chunks(list(customer_ids)):
        before.update({str(i): m for i, m in session.execute(
            select(Customer.id, Customer.relationship_manager_id).where(Customer.id.in_(part))).all()})
        moved += session.execute(
            update(Customer).where(Customer.id.in_(part))
            .values(relationship_manager_id=staff_id, version=Customer.version + 1, updated_at=uow.now)
            .execution_options(synchronize_session=False)).rowcount
    uow.audit(action, "customer", staff_id if staff_id is not None else "-", before=before,
              after={"relationship_manager_id": staff_id, "count": moved, **(extra or {})})
    return moved


def assign_customers(store: Store, actor: Actor, customer_ids, staff_id: int | None) -> int:
    """Give ``customer_ids`` (of the actor's subtree) to ``staff_id`` (None: no keeper).

    Refused whole, naming the field, when a customer is outside the scope or the keeper would
    go over the policy's cap. Returns how many customers changed keeper.
    """
    require(actor, Permission.ASSIGN_CUSTOMERS)
    ids = sorted(set(customer_ids))
    if not ids:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "choose at least one customer"), field=CUSTOMERS)
    with store.write(actor) as uow:
        session = uow.session
        paths: dict[int, tuple[str, int | None]] = {}
        for part in chunks(ids):
            paths.update({i: (p, m) for i, p, m in session.execute(
                select(Customer.id, Branch.path, Customer.relationship_manager_id)
                .join(Branch, Branch.id == Customer.branch_id).where(Customer.id.in_(part))).all()})
        if len(paths) != len(ids) or not all(actor.sees(p) for p, _m in paths.values()):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That customer does not exist in your scope."),
                           field=CUSTOMERS)
        changing = [i for i in ids if paths[i][1] != staff_id]
        if staff_id is not None:
            target = keeper(session, actor, staff_id)
            _check_cap(session, target, len(changing))
        return _move(uow, changing, staff_id, "customer.assign") if changing else 0


def hand_over(store: Store, actor: Actor, from_id: int, to_id: int) -> int:
    """Hand every customer and open complaint of ``from_id`` (leaving or moving) to ``to_id``
    in one transaction; refused whole over the cap. Returns how many customers moved."""
    require(actor, Permission.ASSIGN_CUSTOMERS)
    with store.write(actor) as uow:
        session = uow.session
        leaving = session.get(StaffAccount, from_id)
        if leaving is None or not actor.sees(leaving.branch.path):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That account does not exist in your scope."))
        if from_id == to_id:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be someone else"), field=HAND_OVER_TO)
        target = keeper(session, actor, to_id, field=HAND_OVER_TO)
        scope = subtree_ids(session, actor.branch_path)
        book = [i for part in chunks(scope) for i in session.scalars(
            select(Customer.id).where(Customer.relationship_manager_id == from_id, Customer.branch_id.in_(part)))]
        cap = load_policy(session).manager_cap
        if target.customers + len(book) > cap:
            raise ValidationError(OVER_CAP, field=HAND_OVER_TO, name=target.display_name,
                                  count=target.customers + len(book), cap=cap)
        complaints = cast(CursorResult[Any], session.execute(  # an UPDATE's result, typed as a plain Result
            update(Complaint).where(Complaint.assigned_to == from_id, Complaint.state.in_(OPEN_STATES))
            .values(assigned_to=to_id, assigned_to_name=target.display_name, version=Complaint.version + 1)
            .execution_options(synchronize_session=False))).rowcount
        moved = _move(uow, book, to_id, "customer.hand_over",
                      {"from": from_id, "complaints": complaints}) if book or complaints else 0
        return moved


# --------------------------------------------------------------------------- bulk by rule

@dataclass(frozen=True)
class RuleResult:
    """What a bulk assignment by AUM band did (or would do, for a preview)."""

    considered: int
    assigned: dict[str, int]          # keeper's display name -> customers given
    below_bands: int                  # AUM below every band (or no figure): nobody assigned
    no_keeper: dict[str, int]         # role -> customers for whom no keeper with room was found


def _averages(session, customer_ids: list[int], today) -> dict[int, Decimal]:
    as_of = last_month(today)
    months = [y * 100 + m for y, m in quarter_window(as_of)]
    monthly: dict[int, dict] = defaultdict(dict)
    for part in chunks(customer_ids):
        for cid, month, value in session.execute(select(AumMonth.customer_id, AumMonth.month, AumMonth.avg_daily_aum)
                                                 .where(AumMonth.customer_id.in_(part), AumMonth.month.in_(months))):
            monthly[cid][(month // 100, month % 100)] = Decimal(str(value))
    return {cid: avg for cid, values in monthly.items()
            if (avg := rolling_quarterly_average(values, as_of)) is not None}


def assign_by_rule(store: Store, actor: Actor, branch_id: int | None = None, *, only_unassigned: bool = True,
                   apply: bool = True) -> RuleResult:
    """Assign the customers of a branch subtree by the policy's maintenance bands: the rolling
    quarterly AUM picks the role, and the customer goes to the least-loaded keeper of that role
    whose branch contains the customer's branch (nearest branch first), never over the cap.
    ``only_unassigned`` leaves customers who have a keeper alone; ``apply=False`` previews."""
    require(actor, Permission.ASSIGN_CUSTOMERS)
    with store.write(actor) as uow:
        session = uow.session
        branch = branch_in_scope(session, actor, branch_id)
        policy = load_policy(session)
        query = (select(Customer.id, Branch.path, Customer.relationship_manager_id)
                 .join(Branch, Branch.id == Customer.branch_id)
                 .where(Branch.path.startswith(branch.path), Customer.active.is_(True)))
        if only_unassigned:
            query = query.where(Customer.relationship_manager_id.is_(None))
        customers = session.execute(query.order_by(Customer.id)).all()
        averages = _averages(session, [c.id for c in customers], uow.today)
        staff = keepers(session, actor)
        load = {k.id: k.customers for k in staff}
        plan: dict[int, list[int]] = defaultdict(list)
        below, missing = 0, defaultdict[str, int](int)  # role -> customers no keeper can take
        for cid, path, current in customers:
            role = keeper_role(averages.get(cid), policy)
            if role is None:
                below += 1
                continue
            fits = [k for k in staff if role in k.roles and path.startswith(k.branch_path)
                    and load[k.id] < policy.manager_cap]
            if current is not None and any(k.id == current for k in fits):
                continue  # already with a fitting keeper
            if not fits:
                missing[role] += 1
                continue
            best = min(fits, key=lambda k: (-len(k.branch_path), load[k.id], k.id))
            if current is not None:
                load[current] = load.get(current, 1) - 1
            load[best.id] += 1
            plan[best.id].append(cid)
        names = {k.id: k.display_name for k in staff}
        if apply:
            for staff_id, ids in plan.items():
                _move(uow, ids, staff_id, "customer.assign_by_rule", {"branch": branch.code})
        else:
            session.rollback()
            uow.events.clear()
        return RuleResult(len(customers), {names[s]: len(ids) for s, ids in plan.items()}, below, dict(missing))


# --------------------------------------------------------------------------- the report

@dataclass(frozen=True)
class UnkeptRow:
    """A customer with no keeper, a disabled keeper, or no phone on file (lost contact)."""

    id: int
    cif_no: str
    name: str
    tier: str
    branch_code: str
    keeper_name: str
    phone_masked: str
    reasons: tuple[str, ...]


def unkept_customers(store: Store, actor: Actor, *, after_id: int | None = None, limit: int = 200,
                     vip_only: bool = False) -> list[UnkeptRow]:
    """Active customers of the actor's subtree that nobody looks after, whose keeper's account
    is disabled, or who cannot be reached (no valid phone), by id (keyset pages)."""
    require(actor, Permission.ASSIGN_CUSTOMERS)
    with store.read() as session:
        scope = subtree_ids(session, actor.branch_path)
        masks = mask_policy(session)
        keeper_alias = StaffAccount
        query = (select(Customer.id, Customer.cif_no, Customer.name, Customer.tier, Branch.code,
                        Customer.relationship_manager_id, keeper_alias.display_name, keeper_alias.disabled,
                        Customer.phone_masked)
                 .join(Branch, Branch.id == Customer.branch_id)
                 .outerjoin(keeper_alias, keeper_alias.id == Customer.relationship_manager_id)
                 .where(Customer.active.is_(True), Customer.branch_id.in_(scope),
                        or_(Customer.relationship_manager_id.is_(None), Customer.phone_masked == "",
                            keeper_alias.disabled.is_(True))))
        if vip_only:
            query = query.where(Customer.tier != "ordinary")
        if after_id is not None:
            query = query.where(Customer.id > after_id)
        rows = session.execute(query.order_by(Customer.id).limit(limit)).all()
    found = []
    for r in rows:
        reasons = []
        if r.relationship_manager_id is None:
            reasons.append(NO_MANAGER)
        elif r.disabled:
            reasons.append(MANAGER_DISABLED)
        if not r.phone_masked:
            reasons.append(NO_PHONE)
        found.append(UnkeptRow(r.id, r.cif_no, r.name, r.tier, r.code, r.display_name or "",
                               mask_phone(r.phone_masked, masks) if r.phone_masked else "", tuple(reasons)))
    return found


def unkept_count(store: Store, actor: Actor) -> int:
    """How many customers :func:`unkept_customers` would list in all."""
    require(actor, Permission.ASSIGN_CUSTOMERS)
    with store.read() as session:
        scope = subtree_ids(session, actor.branch_path)
        return session.scalar(
            select(func.count()).select_from(Customer)
            .outerjoin(StaffAccount, StaffAccount.id == Customer.relationship_manager_id)
            .where(Customer.active.is_(True), Customer.branch_id.in_(scope),
                   or_(Customer.relationship_manager_id.is_(None), Customer.phone_masked == "",
                       StaffAccount.disabled.is_(True)))) or 0

