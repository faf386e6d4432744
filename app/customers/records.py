"""Customer records: create, edit, mark inactive, open (logged), reveal (audited), who viewed.

Every function is one user action (one transaction), checks the permission and the branch
scope itself, and returns plain masked rows: an ID number or phone leaves this module in full
only through :func:`reveal`. Audit snapshots hold masked values too.
"""

from __future__ import annotations

import json
import time
import weakref
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.auth.permissions import KEEPER_ROLES, Permission, require
from app.customers.fields import (
    HOME_BRANCH, RELATIONSHIP_MANAGER, CustomerInput, clean_input,
)
from app.customers.occasions import (
    clean_important_dates, clean_relatives, important_dates_of, important_dates_text, relatives_of,
    relatives_text,
)
from app.customers.rules import (
    CIF_NUMBER, DEFAULT_MASK_POLICY, ID_NUMBER, MaskPolicy, mask_id, mask_phone,
)
from app.crypto.sealing import customer_indexes, reseal_customers, reveal_sealed, ring_of
from app.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError, CHANGED_BY_SOMEONE_ELSE
from app.settings import load_stored_policy
from db.models import AuditEvent, Branch, Customer, StaffAccount, StaffRole
from app.actor import Actor
from app.store import Store

MASK_POLICY_KEY = "mask_policy"
MASK_POLICY = QT_TRANSLATE_NOOP("fields", "Masking policy")
SCOPE_CACHE_SECONDS = 30.0
REVEALABLE = ("id_number", "phone")

NOT_IN_SCOPE = QT_TRANSLATE_NOOP("errors", "That customer does not exist in your scope.")
CIF_TAKEN = QT_TRANSLATE_NOOP("errors", "is already the CIF number of another customer")
ID_TAKEN = QT_TRANSLATE_NOOP("errors", "is already registered for another customer")


# --------------------------------------------------------------------------- rows

@dataclass(frozen=True)
class CustomerDetail:
    """One customer as the customer view shows it: ID number and phone masked."""

    id: int
    cif_no: str
    name: str
    name_pinyin: str
    gender: str
    id_type: str
    id_masked: str
    birthday: date | None
    phone_masked: str
    email: str
    address: str
    postcode: str
    employer: str
    department: str
    title: str
    occupation: str
    notes: str
    important_dates: list[tuple[str, str]]        # (label, YYYY-MM-DD or MM-DD)
    relatives: list[tuple[str, str, str]]         # (relation, name, birthday or "")
    branch_id: int
    branch_code: str
    branch_name: str
    relationship_manager_id: int | None
    relationship_manager_name: str
    tier: str
    active: bool
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class ViewerRow:
    """One look at a customer's record (or reveal of one field) from the audit trail."""

    occurred_at: datetime
    actor_name: str
    action: str        # customer.view or customer.reveal
    field: str         # the revealed field, "" for a view


@dataclass(frozen=True)
class Choice:
    """An id with its label, for the form's pick lists."""

    id: int
    code: str
    name: str


# --------------------------------------------------------------------------- policy and scope

def mask_policy(session) -> MaskPolicy:
    """The store's masking policy (setting ``mask_policy``), or the defaults while none is stored
    (:func:`app.settings.load_stored_policy`: a stored value that no longer validates is reported)."""
    return load_stored_policy(session, MASK_POLICY_KEY, MASK_POLICY, MaskPolicy.from_dict, DEFAULT_MASK_POLICY)


# engine -> branch path -> (expires at, {branch id: (code, name)}); weak, so a disposed store's
# entries go with it and a new store never sees another's branches.
_scope_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def scope_branches(session, actor: Actor) -> dict[int, tuple[str, str]]:
    """Branch id -> (code, name) for every branch of the actor's subtree, cached briefly per
    store and subtree (branches are few and rarely change; :func:`forget_scope_cache` after
    adding or moving one makes it show at once)."""
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    per_engine = _scope_cache.setdefault(engine, {})
    now = time.monotonic()
    hit = per_engine.get(actor.branch_path)
    if hit and hit[0] > now:
        return hit[1]
    rows = session.execute(select(Branch.id, Branch.code, Branch.name, Branch.path)).all()
    branches = {i: (c, n) for i, c, n, p in rows if p.startswith(actor.branch_path)}
    per_engine[actor.branch_path] = (now + SCOPE_CACHE_SECONDS, branches)
    return branches


def forget_scope_cache() -> None:
    """Drop the cached subtrees (after a branch was added or moved)."""
    _scope_cache.clear()


def snapshot(values: dict, policy: MaskPolicy = DEFAULT_MASK_POLICY) -> dict:
    """What the audit trail keeps of a record: everything but the search keys, ID and phone masked."""
    kept = {k: v for k, v in values.items()
            if k not in ("id_masked", "phone_masked", "id_number_index", "phone_index", "name_pinyin", "name_initials", "created_at",
                         "updated_at", "version", "id")}
    if "id_number" in kept:
        kept["id_number"] = mask_id(kept["id_number"], policy)
    if "phone" in kept:
        kept["phone"] = mask_phone(kept["phone"], policy)
    if isinstance(kept.get("birthday"), date):
        kept["birthday"] = kept["birthday"].isoformat()
    return kept


_COLUMNS = ("cif_no", "name", "name_pinyin", "name_initials", "gender", "id_type", "id_masked",
            "birthday", "phone_masked", "email", "address", "postcode", "employer",
            "department", "title", "occupation", "notes", "important_dates", "relatives", "branch_id",
            "relationship_manager_id", "tier", "active")


def values_of(customer: Customer) -> dict:
    return {name: getattr(customer, name) for name in _COLUMNS}


# --------------------------------------------------------------------------- loading

def _load(session, actor: Actor, customer_id: int, *, for_update: bool = False) -> Customer:
    query = select(Customer).where(Customer.id == customer_id)
    customer = session.scalar(query)
    if customer is None or customer.branch_id not in scope_branches(session, actor):
        raise NotFound(NOT_IN_SCOPE)
    return customer


def _manager_name(session, manager_id: int | None) -> str:
    """The display name of a customer's relationship manager; empty for none."""
    if manager_id is None:
        return ""
    return session.scalar(select(StaffAccount.display_name).where(StaffAccount.id == manager_id)) or ""


def _detail(session, actor: Actor, customer: Customer, policy: MaskPolicy) -> CustomerDetail:
    code, branch_name = scope_branches(session, actor).get(customer.branch_id, ("", ""))
    manager = _manager_name(session, customer.relationship_manager_id)
    return CustomerDetail(
        id=customer.id, cif_no=customer.cif_no, name=customer.name, name_pinyin=customer.name_pinyin,
        gender=customer.gender, id_type=customer.id_type,
        id_masked=mask_id(customer.id_masked, policy), birthday=customer.birthday,
        phone_masked=mask_phone(customer.phone_masked, policy), email=customer.email,
        address=customer.address, postcode=customer.postcode, employer=customer.employer,
        department=customer.department, title=customer.title, occupation=customer.occupation,
        notes=customer.notes, important_dates=important_dates_of(customer.important_dates),
        relatives=relatives_of(customer.relatives),
        branch_id=customer.branch_id, branch_code=code, branch_name=branch_name,
        relationship_manager_id=customer.relationship_manager_id, relationship_manager_name=manager,
        tier=customer.tier, active=customer.active, version=customer.version,
        updated_at=customer.updated_at,
    )


def _check_branch(session, actor: Actor, branch_id: int | None) -> int:
    if branch_id is None:
        if actor.branch_id is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"), field=HOME_BRANCH)
        branch_id = actor.branch_id
    if branch_id not in scope_branches(session, actor):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a branch in your scope"),
                              field=HOME_BRANCH)
    return branch_id


def _check_manager(session, actor: Actor, manager_id: int | None) -> int | None:
    if manager_id is None:
        return None
    row = session.execute(
        select(StaffAccount.branch_id, StaffAccount.disabled)
        .join(StaffRole, StaffRole.account_id == StaffAccount.id)
        .where(StaffAccount.id == manager_id, StaffRole.role.in_([r.value for r in KEEPER_ROLES]))).first()
    if row is None or row.disabled or row.branch_id not in scope_branches(session, actor):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "must be an enabled relationship manager, lobby manager or teller of "
                                        "your branch subtree"),
            field=RELATIONSHIP_MANAGER)
    return manager_id


def _check_visible_duplicates(session, values: dict, own_id: int | None) -> None:
    """Clear, field-named refusals for duplicates the actor can see (the unique indexes catch
    the rest, including rows row-level security hides); the ID number by its blind index."""
    other = session.scalar(select(Customer.id).where(Customer.cif_no == values["cif_no"]))
    if other is not None and other != own_id:
        raise ValidationError(CIF_TAKEN, field=CIF_NUMBER)
    if "id_number_index" not in values:
        return
    other = session.scalar(select(Customer.id).where(
        Customer.id_number_index == values["id_number_index"], Customer.id_type == values["id_type"]))
    if other is not None and other != own_id:
        raise ValidationError(ID_TAKEN, field=ID_NUMBER)


def _sealing(values: dict, ring) -> tuple[dict, str | None, str | None]:
    """The row's columns of cleaned ``values`` (the clear numbers replaced by their blind
    indexes), and the clear ID number and phone to seal (None: kept as stored)."""
    row = dict(values)
    id_number, phone = row.pop("id_number", None), row.pop("phone", None)
    if id_number is not None:
        row["id_number_index"] = customer_indexes(ring, id_number, "")["id_number_index"]
    if phone is not None:
        row["phone_index"] = customer_indexes(ring, "", phone)["phone_index"] if phone else None
    return row, id_number, phone


def duplicate_refusal(error: IntegrityError) -> ValidationError | None:
    """The field-named refusal for a clash on one of the customer's unique keys, if it is one."""
    message = str(error.orig).lower()
    if "cif_no" in message:
        return ValidationError(CIF_TAKEN, field=CIF_NUMBER)
    if "id_type" in message or "id_number" in message:     # the blind index's unique index
        return ValidationError(ID_TAKEN, field=ID_NUMBER)
    return None


def _flush_unique(session) -> None:
    """Flush now; a clash on the CIF or ID unique index (seen even where row-level security
    hides the other row) becomes a field-named refusal."""
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as error:
        refusal = duplicate_refusal(error)
        if refusal is None:
            raise
        raise refusal from None


# --------------------------------------------------------------------------- changes

def create_customer(store: Store, actor: Actor, data: CustomerInput) -> CustomerDetail:
    """A new customer (EDIT_CUSTOMERS) at a branch of the actor's subtree."""
    require(actor, Permission.EDIT_CUSTOMERS)
    values = clean_input(data, today=store.today()) | _occasions(data)
    ring = ring_of(store)
    with store.write(actor) as uow:
        session = uow.session
        policy = mask_policy(session)
        values["branch_id"] = _check_branch(session, actor, data.branch_id)
        values["relationship_manager_id"] = _check_manager(session, actor, data.relationship_manager_id)
        row, id_number, phone = _sealing(values, ring)
        _check_visible_duplicates(session, row, None)
        customer = Customer(**({"important_dates": "[]", "relatives": "[]"} | row),
                            active=True, created_at=uow.now, updated_at=uow.now)
        session.add(customer)
        _flush_unique(session)
        reseal_customers(session, ring, [(customer.id, id_number or "", phone or "")])
        uow.audit("customer.create", "customer", customer.id, after=snapshot(values, policy),
                  branch_id=customer.branch_id)
        return _detail(session, actor, customer, policy)


def update_customer(store: Store, actor: Actor, customer_id: int, data: CustomerInput, *,
                    expected_version: int) -> CustomerDetail:
    """Save an edit (EDIT_CUSTOMERS); a record changed since ``expected_version`` was read is
    refused with "changed by someone else"."""
    require(actor, Permission.EDIT_CUSTOMERS)
    with store.write(actor) as uow:
        session = uow.session
        policy = mask_policy(session)
        customer = _load(session, actor, customer_id)
        if customer.version != expected_version:
            raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
        values = clean_input(data, today=store.today(), kept=customer) | _occasions(data)
        values["branch_id"] = _check_branch(session, actor, data.branch_id or customer.branch_id)
        values["relationship_manager_id"] = _check_manager(session, actor, data.relationship_manager_id)
        numbers = "id_number" in values or "phone" in values
        ring = ring_of(store) if numbers else None
        row, id_number, phone = _sealing(values, ring) if numbers else (values, None, None)
        _check_visible_duplicates(session, row, customer.id)
        before = values_of(customer) | {"id_number_index": customer.id_number_index, "phone_index": customer.phone_index}
        changed = {k: v for k, v in row.items() if before.get(k) != v}
        if changed:
            for key, value in changed.items():
                setattr(customer, key, value)
            customer.updated_at = uow.now
            _flush_unique(session)
            if ring is not None and ("id_number_index" in changed or "phone_index" in changed):
                _reseal_changed(session, ring, customer, id_number, phone)
            shown = {k: v for k, v in changed.items() if k not in ("id_number_index", "phone_index")}
            uow.audit("customer.update", "customer", customer.id,
                      before=snapshot({k: before[k] for k in shown}, policy),
                      after=snapshot(shown, policy), branch_id=customer.branch_id)
        return _detail(session, actor, customer, policy)


def _occasions(data: CustomerInput) -> dict:
    """The important dates and relatives typed in the form (left out when not given)."""
    values = {}
    if data.important_dates is not None:
        values["important_dates"] = clean_important_dates(data.important_dates)
    if data.relatives is not None:
        values["relatives"] = clean_relatives(data.relatives)
    return values


def _reseal_changed(session, ring, customer: Customer, id_number: str | None, phone: str | None) -> None:
    """Seal the ID number or phone an edit changed (None: kept, its sealed value untouched)."""
    reseal_customers(session, ring, [(customer.id, id_number, phone)])


def set_active(store: Store, actor: Actor, customer_id: int, *, expected_version: int, active: bool) -> CustomerDetail:
    """Mark a customer inactive (or active again); customers are never deleted."""
    require(actor, Permission.EDIT_CUSTOMERS)
    with store.write(actor) as uow:
        session = uow.session
        customer = _load(session, actor, customer_id)
        if customer.version != expected_version:
            raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
        if customer.active != active:
            customer.active = active
            customer.updated_at = uow.now
            session.flush()
            uow.audit("customer.activate" if active else "customer.deactivate", "customer",
                      customer.id, before={"active": not active}, after={"active": active},
                      branch_id=customer.branch_id)
        return _detail(session, actor, customer, mask_policy(session))


# --------------------------------------------------------------------------- reading

def open_customer(store: Store, actor: Actor, customer_id: int) -> CustomerDetail:
    """The customer's record, masked (VIEW_CUSTOMERS); the look is logged as "customer.view"."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with store.write(actor) as uow:
        customer = _load(uow.session, actor, customer_id)
        uow.audit("customer.view", "customer", customer.id, after={"cif_no": customer.cif_no},
                  branch_id=customer.branch_id)
        return _detail(uow.session, actor, customer, mask_policy(uow.session))


def reveal(store: Store, actor: Actor, customer_id: int, field: str) -> str:
    """One field ("id_number" or "phone") of one customer in full (REVEAL_PII); the reveal is
    audited naming the field, never the value: the sealed value is opened with the store's key
    ring (on PostgreSQL it comes through ``vipdesk_reveal``, which audits it); no phone is ""."""
    require(actor, Permission.REVEAL_PII)
    if field not in REVEALABLE:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "cannot be revealed"),
                              field=QT_TRANSLATE_NOOP("fields", "Field"))
    with store.write(actor) as uow:
        customer = _load(uow.session, actor, customer_id)
        after = {"cif_no": customer.cif_no, "field": field}
        # audited by reveal_sealed (on PostgreSQL by the database)
        return reveal_sealed(uow, ring_of(store), customer.id, field, after, customer.branch_id) or ""


def viewers_of(store: Store, actor: Actor, customer_id: int, limit: int = 500) -> list[ViewerRow]:
    """Who opened the customer's record or revealed a field of it, newest first (VIEW_AUDIT)."""
    require(actor, Permission.VIEW_AUDIT)
    with store.read() as session:
        _load(session, actor, customer_id)
        rows = session.execute(
            select(AuditEvent.occurred_at, AuditEvent.actor_name, AuditEvent.action, AuditEvent.after)
            .where(AuditEvent.entity == "customer", AuditEvent.entity_id == str(customer_id),
                   AuditEvent.action.in_(("customer.view", "customer.reveal")))
            .order_by(AuditEvent.id.desc()).limit(limit)).all()
    result = []
    for at, name, action, after in rows:
        try:
            field = json.loads(after or "{}").get("field", "") if action == "customer.reveal" else ""
        except ValueError:
            field = ""
        result.append(ViewerRow(at, name, action, field))
    return result


def branch_choices(store: Store, actor: Actor) -> list[Choice]:
    """The branches a customer of this actor may belong to."""
    with store.read() as session:
        branches = scope_branches(session, actor)
    return sorted((Choice(i, c, n) for i, (c, n) in branches.items()), key=lambda c: c.code)


def manager_choices(store: Store, actor: Actor) -> list[Choice]:
    """Who may look after a customer of this actor's subtree: enabled relationship managers and,
    for the lower AUM bands, lobby managers and tellers (docs/domain.md), by name."""
    with store.read() as session:
        scope = scope_branches(session, actor)
        rows = session.execute(
            select(StaffAccount.id, StaffAccount.username, StaffAccount.display_name, StaffAccount.branch_id)
            .join(StaffRole, StaffRole.account_id == StaffAccount.id)
            .where(StaffRole.role.in_([r.value for r in KEEPER_ROLES]), StaffAccount.disabled.is_(False))
            .distinct().order_by(StaffAccount.display_name)).all()
    return [Choice(i, u, d) for i, u, d, b in rows if b in scope]


def input_for_edit(store: Store, actor: Actor, customer_id: int) -> tuple[CustomerInput, int]:
    """The form's starting values for an edit (EDIT_CUSTOMERS) and the version they are of.

    The ID number and phone come back empty (the form shows them masked as placeholders):
    left empty, :func:`update_customer` keeps the stored ones; typed, they replace them.
    """
    require(actor, Permission.EDIT_CUSTOMERS)
    with store.read() as session:
        c = _load(session, actor, customer_id)
        return CustomerInput(
            cif_no=c.cif_no, name=c.name, id_type=c.id_type, id_number="", gender=c.gender,
            birthday=c.birthday.isoformat() if c.birthday else "", phone="", email=c.email,
            address=c.address, postcode=c.postcode, employer=c.employer, department=c.department,
            title=c.title, occupation=c.occupation, notes=c.notes, branch_id=c.branch_id,
            relationship_manager_id=c.relationship_manager_id,
            important_dates=important_dates_text(c.important_dates),
            relatives=relatives_text(c.relatives)), c.version
