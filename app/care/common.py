"""What the care services share: the stored care policy, customer and staff lookups within the
actor's branch subtree, and the roles that may look after customers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.permissions import KEEPER_ROLES as ROLES_THAT_KEEP, Permission, require
from app.care.rules import DEFAULT_CARE_POLICY, RELATIONSHIP_MANAGER, CarePolicy
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.settings import load_stored_policy, write_setting
from db.models import Branch, Customer, StaffAccount, StaffRole
from app.actor import Actor
from app.store import Store

CARE_POLICY_KEY = "care_policy"
CARE_POLICY = QT_TRANSLATE_NOOP("fields", "Care policy")
# Who may look after customers (docs/domain.md: maintenance by AUM band, seed 003), lowest band first.
KEEPER_ROLES = tuple(role.value for role in reversed(ROLES_THAT_KEEP))
NOT_IN_SCOPE = QT_TRANSLATE_NOOP("errors", "That customer does not exist in your scope.")


def load_policy(session: Session) -> CarePolicy:
    """The store's care policy (setting ``care_policy``), or the defaults while none is stored
    (:func:`app.settings.load_stored_policy`: a stored value that no longer validates is reported)."""
    return load_stored_policy(session, CARE_POLICY_KEY, CARE_POLICY, CarePolicy.from_dict, DEFAULT_CARE_POLICY)


def care_policy(store: Store) -> CarePolicy:
    with store.read() as session:
        return load_policy(session)


def save_policy(store: Store, actor: Actor, policy: CarePolicy) -> CarePolicy:
    """Store the bank's care policy (EDIT_POLICY); audited with before and after."""
    require(actor, Permission.EDIT_POLICY)
    policy.validate()
    with store.write(actor) as uow:
        write_setting(uow, CARE_POLICY_KEY, policy.to_dict())
    return policy


def customer_in_scope(session: Session, actor: Actor, customer_id: int, *, lock: bool = False) -> tuple[Customer, Branch]:
    query = select(Customer, Branch).join(Branch, Branch.id == Customer.branch_id).where(Customer.id == customer_id)
    if lock and session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=Customer)
    row = session.execute(query).first()
    if row is None or not actor.sees(row[1].path):
        raise NotFound(NOT_IN_SCOPE)
    return row[0], row[1]


def subtree_ids(session: Session, path: str) -> list[int]:
    return list(session.scalars(select(Branch.id).where(Branch.path.startswith(path))))


@dataclass(frozen=True)
class Keeper:
    """A member of staff who may look after customers, with how many they hold."""

    id: int
    username: str
    display_name: str
    branch_id: int
    branch_code: str
    branch_path: str
    roles: tuple[str, ...]
    customers: int


def keeper(session: Session, actor: Actor, account_id: int | None, *, field: str = RELATIONSHIP_MANAGER) -> Keeper:
    """An enabled account of the actor's subtree holding a keeper role, or a refusal naming
    ``field``."""
    account = session.get(StaffAccount, account_id) if account_id is not None else None
    roles = tuple(sorted(r.role for r in account.roles)) if account is not None else ()
    if account is None or account.disabled or not actor.sees(account.branch.path) \
            or not set(roles) & set(KEEPER_ROLES):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "must be an enabled relationship manager, lobby manager or teller of your branch subtree"),
            field=field)
    held = session.scalar(select(func.count()).select_from(Customer).where(
        Customer.relationship_manager_id == account.id)) or 0
    return Keeper(account.id, account.username, account.display_name, account.branch_id,
                  account.branch.code, account.branch.path, roles, held)


def keepers(session: Session, actor: Actor) -> list[Keeper]:
    """Every enabled keeper of the actor's subtree, with their customer counts, by name."""
    rows = session.execute(
        select(StaffAccount.id, StaffAccount.username, StaffAccount.display_name, StaffAccount.branch_id,
               Branch.code, Branch.path, StaffRole.role)
        .join(Branch, Branch.id == StaffAccount.branch_id)
        .join(StaffRole, StaffRole.account_id == StaffAccount.id)
        .where(StaffAccount.disabled.is_(False), StaffRole.role.in_(KEEPER_ROLES),
               Branch.path.startswith(actor.branch_path))
        .order_by(StaffAccount.display_name, StaffAccount.id)).all()
    counts = dict(session.execute(
        select(Customer.relationship_manager_id, func.count()).where(
            Customer.relationship_manager_id.in_({r.id for r in rows}))
        .group_by(Customer.relationship_manager_id)).all()) if rows else {}
    found: dict[int, Keeper] = {}
    for r in rows:
        previous = found.get(r.id)
        roles = tuple(sorted({*(previous.roles if previous else ()), r.role}))
        found[r.id] = Keeper(r.id, r.username, r.display_name, r.branch_id, r.code, r.path, roles,
                             counts.get(r.id, 0))
    return list(found.values())
