"""Staff accounts: create, edit, disable, reset password, unlock. Accounts are never deleted.

Every call checks the administrator's permission and branch scope; edits carry the version
the administrator saw, so two administrators editing one account cannot overwrite each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from app.actor import Actor
from app.auth.branches import load_branch
from app.auth.credentials import credentials_for
from app.auth.permissions import STAFF_ROLES, Permission, Role, require
from app.auth.policy import check_new_password, load_policy
from app.store import insert_unique
from app.errors import (
    CHANGED_BY_SOMEONE_ELSE, QT_TRANSLATE_NOOP, ConflictError, NotFound, PermissionDenied,
    ValidationError,
)
from db.models import Branch, Customer, StaffAccount, StaffRole
from app.store import Store

USERNAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{2,31}$")


@dataclass(frozen=True)
class AccountRow:
    """An account as screens show it."""

    id: int
    username: str
    display_name: str
    branch_id: int
    branch_code: str
    branch_name: str
    roles: tuple[Role, ...]
    disabled: bool
    locked_until: datetime | None
    must_change_password: bool
    last_signin_at: datetime | None
    version: int


def account_row(account: StaffAccount) -> AccountRow:
    return AccountRow(
        account.id, account.username, account.display_name, account.branch_id,
        account.branch.code, account.branch.name, tuple(Role(r.role) for r in account.roles),
        account.disabled, account.locked_until, account.must_change_password,
        account.last_signin_at, account.version,
    )


def actor_for(account: StaffAccount) -> Actor:
    """The :class:`Actor` a signed-in account acts as."""
    return Actor(
        account_id=account.id, username=account.username, display_name=account.display_name,
        roles=frozenset(Role(r.role) for r in account.roles), branch_id=account.branch_id,
        branch_code=account.branch.code, branch_name=account.branch.name,
        branch_path=account.branch.path, must_change_password=account.must_change_password,
    )


def clean_username(username: str) -> str:
    username = (username or "").strip().lower()
    if not USERNAME_PATTERN.match(username):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "must be 3 to 32 lower-case letters, digits or _, starting with a letter"),
            field=QT_TRANSLATE_NOOP("fields", "User name"))
    return username


def clean_display_name(name: str) -> str:
    name = " ".join((name or "").split())
    field = QT_TRANSLATE_NOOP("fields", "Full name")
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"), field=field)
    if len(name) > 60:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at most {max} characters"),
                              field=field, max=60)
    return name


def _clean_roles(roles) -> list[Role]:
    field = QT_TRANSLATE_NOOP("fields", "Roles")
    try:
        cleaned = sorted({Role(r) for r in roles})
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "contains an unknown role"), field=field) from None
    if not cleaned:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "choose at least one role"), field=field)
    if any(role not in STAFF_ROLES for role in cleaned):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "contains a role that cannot be given to a person"),
                              field=field)
    return cleaned


def list_accounts(store: Store, actor: Actor) -> list[AccountRow]:
    """Accounts of the administrator's branch subtree, by branch then user name."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    with store.read() as session:
        accounts = session.scalars(
            select(StaffAccount).join(Branch).where(Branch.path.startswith(actor.branch_path))
            .order_by(Branch.path, StaffAccount.username)
        ).all()
        return [account_row(a) for a in accounts]


def _load(session, actor: Actor, account_id: int | None, expected_version: int | None = None) -> StaffAccount:
    account = session.get(StaffAccount, account_id) if account_id is not None else None
    if account is None or not actor.sees(account.branch.path):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That account does not exist in your scope."))
    if expected_version is not None and account.version != expected_version:
        raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
    return account


def insert_account(uow, credentials, *, username: str, display_name: str, branch: Branch,
                   roles: list[Role], password: str, must_change_password: bool) -> StaffAccount:
    """Add an account inside an open unit of work (checks done by the caller)."""
    session = uow.session
    account = StaffAccount(
        username=username, display_name=display_name, branch_id=branch.id,
        db_role=credentials.login_role_name(uow, username), must_change_password=must_change_password,
        disabled=False, failed_signins=0, created_at=uow.now, password_changed_at=uow.now,
        roles=[StaffRole(role=r.value) for r in roles],
    )
    insert_unique(session, account, ValidationError(
        QT_TRANSLATE_NOOP("errors", "{name} is already taken"),
        field=QT_TRANSLATE_NOOP("fields", "User name"), name=username))
    credentials.create_login(uow, account, password)
    session.flush()
    session.refresh(account)
    uow.audit("account.create", "staff_account", account.id, after=_snapshot(account),
              branch_id=account.branch_id)
    return account


def create_account(store: Store, actor: Actor, *, username: str, display_name: str, branch_id: int,
                   roles, password: str) -> AccountRow:
    """A new account; the person must choose their own password at first sign-in."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    username, display_name, roles = clean_username(username), clean_display_name(display_name), _clean_roles(roles)
    with store.write(actor) as uow:
        check_new_password(password, username, load_policy(uow.session))
        branch = load_branch(uow.session, actor, branch_id)
        account = insert_account(uow, credentials_for(store), username=username, display_name=display_name, branch=branch,
                                 roles=roles, password=password, must_change_password=True)
        return account_row(account)


def update_account(store: Store, actor: Actor, account_id: int, *, expected_version: int, display_name: str,
                   branch_id: int, roles) -> AccountRow:
    """Change name, branch or roles of an account the administrator saw at ``expected_version``."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    display_name, roles = clean_display_name(display_name), _clean_roles(roles)
    with store.write(actor) as uow:
        account = _load(uow.session, actor, account_id, expected_version)
        branch = load_branch(uow.session, actor, branch_id)
        if account.id == actor.account_id and Role.ADMINISTRATOR not in roles:
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "You cannot take the administrator role from your own account."))
        if Role.ADMINISTRATOR in {Role(r.role) for r in account.roles} and Role.ADMINISTRATOR not in roles:
            _keep_an_administrator(uow.session, account.id)
        before = _snapshot(account)
        account.display_name = display_name
        account.branch_id = branch.id
        held = {r.role: r for r in account.roles}
        account.roles = [held.get(r.value) or StaffRole(role=r.value) for r in roles]
        flag_modified(account, "display_name")  # a roles-only edit still bumps the version
        uow.session.flush()
        uow.session.refresh(account)
        uow.audit("account.update", "staff_account", account.id, before=before,
                  after=_snapshot(account), branch_id=account.branch_id)
        return account_row(account)


def set_disabled(store: Store, actor: Actor, account_id: int, *, expected_version: int, disabled: bool) -> AccountRow:
    """Disable (or enable again) an account; a disabled account cannot sign in."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    with store.write(actor) as uow:
        account = _load(uow.session, actor, account_id, expected_version)
        if disabled and account.id == actor.account_id:
            raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "You cannot disable your own account."))
        if disabled and Role.ADMINISTRATOR in {Role(r.role) for r in account.roles}:
            _keep_an_administrator(uow.session, account.id)
        if disabled:
            _refuse_while_holding_customers(uow.session, account)
        before = _snapshot(account)
        account.disabled = disabled
        credentials_for(store).set_login_allowed(uow, account, not disabled and not _locked(account, uow.now))
        uow.session.flush()
        uow.audit("account.disable" if disabled else "account.enable", "staff_account", account.id,
                  before=before, after=_snapshot(account), branch_id=account.branch_id)
        return account_row(account)


def reset_password(store: Store, actor: Actor, account_id: int, *, expected_version: int, new_password: str) -> AccountRow:
    """Set a temporary password and unlock; the person must change it at next sign-in."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    with store.write(actor) as uow:
        account = _load(uow.session, actor, account_id, expected_version)
        check_new_password(new_password, account.username, load_policy(uow.session))
        credentials = credentials_for(store)
        credentials.set_password(uow, account, new_password)
        account.must_change_password = True
        account.failed_signins = 0
        account.locked_until = None
        account.password_changed_at = uow.now
        credentials.set_login_allowed(uow, account, not account.disabled)
        uow.session.flush()
        uow.audit("account.reset_password", "staff_account", account.id,
                  after={"must_change_password": True}, branch_id=account.branch_id)
        return account_row(account)


def unlock(store: Store, actor: Actor, account_id: int, *, expected_version: int) -> AccountRow:
    """Lift a lock-out before it runs out."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    with store.write(actor) as uow:
        account = _load(uow.session, actor, account_id, expected_version)
        before = _snapshot(account)
        account.failed_signins = 0
        account.locked_until = None
        credentials_for(store).set_login_allowed(uow, account, not account.disabled)
        uow.session.flush()
        uow.audit("account.unlock", "staff_account", account.id, before=before,
                  after=_snapshot(account), branch_id=account.branch_id)
        return account_row(account)


def change_own_password(store: Store, actor: Actor, *, new_password: str) -> Actor:
    """The signed-in person replaces their password (required after a reset)."""
    with store.write(actor) as uow:
        account = _load(uow.session, actor, actor.account_id)
        check_new_password(new_password, account.username, load_policy(uow.session))
        credentials_for(store).set_password(uow, account, new_password)
        account.must_change_password = False
        account.password_changed_at = uow.now
        uow.session.flush()
        uow.audit("account.change_password", "staff_account", account.id,
                  branch_id=account.branch_id)
        return actor_for(account)


def _locked(account: StaffAccount, now: datetime) -> bool:
    return account.locked_until is not None and account.locked_until > now


def _keep_an_administrator(session, leaving_id: int) -> None:
    others = session.scalar(
        select(func.count()).select_from(StaffAccount).join(StaffRole)
        .where(StaffRole.role == Role.ADMINISTRATOR.value, StaffAccount.disabled.is_(False),
               StaffAccount.id != leaving_id))
    if not others:
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "errors", "At least one enabled administrator must remain."))


def customers_held(session, account_id: int) -> int:
    """How many customers name this account as their relationship manager (keeper)."""
    return session.scalar(select(func.count()).select_from(Customer).where(
        Customer.relationship_manager_id == account_id)) or 0


def _refuse_while_holding_customers(session, account: StaffAccount) -> None:
    """An account that still looks after customers stays enabled until its book is handed over
    (a disabled keeper would leave them without anyone to call them)."""
    held = customers_held(session, account.id)
    if held:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} still looks after {count} customers: hand them over first"),
            field=QT_TRANSLATE_NOOP("fields", "Account"), name=account.display_name, count=held)


def _snapshot(account: StaffAccount) -> dict:
    return {"username": account.username, "display_name": account.display_name,
            "branch_id": account.branch_id, "roles": sorted(r.role for r in account.roles),
            "disabled": account.disabled, "locked_until": account.locked_until,
            "must_change_password": account.must_change_password}
