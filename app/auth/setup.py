"""First start: an empty store asks for its first administrator; there is no built-in password."""

from __future__ import annotations

from sqlalchemy import select

from app.actor import Actor
from app.auth.accounts import clean_display_name, clean_username, insert_account
from app.auth.branches import clean_code, clean_name
from app.auth.credentials import credentials_for
from app.auth.gate import ALREADY_SET_UP, SETUP_ACTOR
from app.auth.permissions import Role
from app.auth.pg_roles import create_first_administrator_postgresql, needs_first_administrator_postgresql
from app.auth.policy import check_new_password, load_policy
from app.errors import PermissionDenied
from db.models import Branch, StaffAccount
from app.store import Store


def needs_first_administrator(store: Store) -> bool:
    """True while the store has no account at all."""
    if store.kind == "postgresql":
        return needs_first_administrator_postgresql(store)
    with store.read() as session:
        return session.scalar(select(StaffAccount.id).limit(1)) is None


def create_first_administrator(store: Store, *, username: str, display_name: str, password: str,
                               head_office_code: str, head_office_name: str) -> None:
    """Create the head office (if the tree is empty) and the first administrator's account."""
    username, display_name = clean_username(username), clean_display_name(display_name)
    code, name = clean_code(head_office_code), clean_name(head_office_name)
    if store.kind == "postgresql":
        return create_first_administrator_postgresql(
            store, username=username, display_name=display_name, password=password,
            head_office_code=code, head_office_name=name)
    with store.write(Actor.batch(SETUP_ACTOR), check_session=False) as uow:
        session = uow.session
        if session.scalar(select(StaffAccount.id).limit(1)) is not None:
            raise PermissionDenied(ALREADY_SET_UP)
        check_new_password(password, username, load_policy(session))
        head = session.scalar(select(Branch).where(Branch.parent_id.is_(None)))
        if head is None:
            head = Branch(code=code, name=name, level="head_office", parent_id=None, path="",
                          address="", phone="", active=True)
            session.add(head)
            session.flush()
            head.path = f"/{head.id}/"
            uow.audit("branch.create", "branch", head.id, after={"code": code, "name": name},
                      branch_id=head.id)
        insert_account(uow, credentials_for(store), username=username, display_name=display_name,
                       branch=head, roles=[Role.ADMINISTRATOR], password=password,
                       must_change_password=False)
