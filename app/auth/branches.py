"""The branch tree: head office > branch > sub-branch > outlet, and subtree scope."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.store import insert_unique
from app.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, PermissionDenied, ValidationError, CHANGED_BY_SOMEONE_ELSE
from db.models import Branch
from app.actor import Actor
from app.store import Store

CODE_PATTERN = re.compile(r"^[A-Z0-9]{2,16}$")


class BranchLevel(StrEnum):
    HEAD_OFFICE = "head_office"
    BRANCH = "branch"
    SUB_BRANCH = "sub_branch"
    OUTLET = "outlet"


LEVEL_ORDER = list(BranchLevel)
LEVEL_LABELS = {
    BranchLevel.HEAD_OFFICE: QT_TRANSLATE_NOOP("levels", "Head office"),
    BranchLevel.BRANCH: QT_TRANSLATE_NOOP("levels", "Branch"),
    BranchLevel.SUB_BRANCH: QT_TRANSLATE_NOOP("levels", "Sub-branch"),
    BranchLevel.OUTLET: QT_TRANSLATE_NOOP("levels", "Outlet"),
}


@dataclass(frozen=True)
class BranchRow:
    """A branch as screens show it (a plain value, not a live ORM object)."""

    id: int
    code: str
    name: str
    level: BranchLevel
    parent_id: int | None
    path: str
    address: str
    phone: str
    active: bool
    version: int

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2


def _row(branch: Branch) -> BranchRow:
    return BranchRow(branch.id, branch.code, branch.name, BranchLevel(branch.level),
                     branch.parent_id, branch.path, branch.address, branch.phone,
                     branch.active, branch.version)


def clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    field = QT_TRANSLATE_NOOP("fields", "Branch name")
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"), field=field)
    if len(name) > 100:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at most {max} characters"),
                              field=field, max=100)
    return name


def clean_code(code: str) -> str:
    code = (code or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "must be 2 to 16 letters or digits"),
            field=QT_TRANSLATE_NOOP("fields", "Branch code"))
    return code


def _clean_short(value: str, label: str, limit: int) -> str:
    value = " ".join((value or "").split())
    if len(value) > limit:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at most {max} characters"),
                              field=label, max=limit)
    return value


def list_branches(store: Store, actor: Actor) -> list[BranchRow]:
    """The branches in the actor's subtree, in tree order."""
    with store.read() as session:
        rows = session.scalars(
            select(Branch).where(Branch.path.startswith(actor.branch_path)).order_by(Branch.path)
        ).all()
        return [_row(b) for b in rows]


def get_branch_by_code(session, actor: Actor, code: str) -> Branch:
    """A branch by code within the actor's subtree, or :class:`NotFound`."""
    branch = session.scalar(select(Branch).where(Branch.code == code.strip().upper()))
    if branch is None or not actor.sees(branch.path):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No branch with code {code} in your scope."),
                       code=code)
    return branch


def load_branch(session, actor: Actor, branch_id: int) -> Branch:
    branch = session.get(Branch, branch_id)
    if branch is None or not actor.sees(branch.path):
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That branch does not exist in your scope."))
    return branch


def create_branch(store: Store, actor: Actor, *, code: str, name: str, level: BranchLevel | str,
                  parent_id: int | None, address: str = "", phone: str = "") -> BranchRow:
    """Add a branch under ``parent_id`` (None only for the head office of an empty tree)."""
    require(actor, Permission.MANAGE_BRANCHES)
    code, name = clean_code(code), clean_name(name)
    address = _clean_short(address, QT_TRANSLATE_NOOP("fields", "Address"), 200)
    phone = _clean_short(phone, QT_TRANSLATE_NOOP("fields", "Telephone"), 40)
    try:
        level = BranchLevel(level)
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not a known level"),
                              field=QT_TRANSLATE_NOOP("fields", "Level")) from None
    with store.write(actor) as uow:
        session = uow.session
        if parent_id is None:
            if session.scalar(select(Branch.id).limit(1)) is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"),
                                      field=QT_TRANSLATE_NOOP("fields", "Parent branch"))
            if level is not BranchLevel.HEAD_OFFICE:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "the top of the tree must be the head office"),
                                      field=QT_TRANSLATE_NOOP("fields", "Level"))
            parent_path = "/"
        else:
            parent = load_branch(session, actor, parent_id)
            if LEVEL_ORDER.index(level) <= LEVEL_ORDER.index(BranchLevel(parent.level)):
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "must be below the parent's level"),
                    field=QT_TRANSLATE_NOOP("fields", "Level"))
            parent_path = parent.path
        branch = Branch(code=code, name=name, level=level.value, parent_id=parent_id,
                        path="", address=address, phone=phone, active=True)
        insert_unique(session, branch, ValidationError(
            QT_TRANSLATE_NOOP("errors", "{code} is already used"),
            field=QT_TRANSLATE_NOOP("fields", "Branch code"), code=code))
        branch.path = f"{parent_path}{branch.id}/"
        session.flush()
        uow.audit("branch.create", "branch", branch.id, after=_snapshot(branch),
                  branch_id=branch.id)
        return _row(branch)


def update_branch(store: Store, actor: Actor, branch_id: int, *, expected_version: int, name: str,
                  address: str = "", phone: str = "", active: bool = True) -> BranchRow:
    """Rename or (de)activate a branch; the code and place in the tree stay."""
    require(actor, Permission.MANAGE_BRANCHES)
    name = clean_name(name)
    address = _clean_short(address, QT_TRANSLATE_NOOP("fields", "Address"), 200)
    phone = _clean_short(phone, QT_TRANSLATE_NOOP("fields", "Telephone"), 40)
    with store.write(actor) as uow:
        branch = load_branch(uow.session, actor, branch_id)
        if branch.version != expected_version:
            raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
        if not active and branch.path == actor.branch_path:
            raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "You cannot deactivate your own branch."))
        before = _snapshot(branch)
        branch.name, branch.address, branch.phone, branch.active = name, address, phone, active
        uow.session.flush()
        uow.audit("branch.update", "branch", branch.id, before=before, after=_snapshot(branch),
                  branch_id=branch.id)
        return _row(branch)


def _snapshot(branch: Branch) -> dict:
    return {"code": branch.code, "name": branch.name, "level": branch.level,
            "parent_id": branch.parent_id, "address": branch.address, "phone": branch.phone,
            "active": branch.active}
