"""Account and branch services on both engines: rules, scope, conflicts, audit."""

import pytest
from sqlalchemy import select

from app.audit.trail import AuditFilter, audit_page
from app.auth import accounts, branches
from app.auth.permissions import Role
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from db.models import StaffAccount
from tests.db.helpers import actor_named

NEW_PASSWORD = "Harbour-Light-2026"


@pytest.fixture
def demo(demo_store):
    return demo_store


def _branch_id(store, code):
    with store.read() as session:
        return branches.get_branch_by_code(session, actor_named(store, "admin"), code).id


def test_administrator_creates_an_account_that_must_change_its_password(demo):
    admin = actor_named(demo, "admin")
    row = accounts.create_account(demo, admin, username="New_Clerk", display_name=" 新 柜员 ",
                                  branch_id=_branch_id(demo, "BJ0101"),
                                  roles=["counter_staff"], password=NEW_PASSWORD)
    assert row.username == "new_clerk" and row.display_name == "新 柜员"
    assert row.roles == (Role.COUNTER_STAFF,) and row.must_change_password
    events = audit_page(demo, actor_named(demo, "auditor"), AuditFilter(action="account.create"))
    assert events[0].entity_id == str(row.id) and events[0].actor_name == "admin"


@pytest.mark.parametrize("kwargs, field", [
    ({"username": "x"}, "User name"),
    ({"username": "teller"}, "User name"),
    ({"display_name": ""}, "Full name"),
    ({"display_name": "名" * 61}, "Full name"),
    ({"roles": []}, "Roles"),
    ({"roles": ["system"]}, "Roles"),
    ({"roles": ["pope"]}, "Roles"),
    ({"password": "short"}, "Password"),
])
def test_bad_input_names_the_field_and_changes_nothing(demo, kwargs, field):
    admin = actor_named(demo, "admin")
    args = dict(username="clerk9", display_name="柜员", branch_id=_branch_id(demo, "BJ0101"),
                roles=["counter_staff"], password=NEW_PASSWORD) | kwargs
    with demo.read() as session:
        before = session.scalar(select(StaffAccount.id).order_by(StaffAccount.id.desc()))
    with pytest.raises(ValidationError) as info:
        accounts.create_account(demo, admin, **args)
    assert info.value.field == field
    with demo.read() as session:
        assert session.scalar(select(StaffAccount.id).order_by(StaffAccount.id.desc())) == before


def test_non_administrators_cannot_manage_accounts(demo):
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(demo, actor_named(demo, "manager"))


def test_second_edit_of_the_same_version_is_a_conflict_and_loses_nothing(demo):
    admin = actor_named(demo, "admin")
    teller = next(a for a in accounts.list_accounts(demo, admin) if a.username == "teller")
    first = accounts.update_account(demo, admin, teller.id, expected_version=teller.version,
                                    display_name="柜员 李娜（改）", branch_id=teller.branch_id,
                                    roles=["counter_staff", "lobby_manager"])
    with pytest.raises(ConflictError):
        accounts.update_account(demo, admin, teller.id, expected_version=teller.version,
                                display_name="别人的修改", branch_id=teller.branch_id,
                                roles=["counter_staff"])
    now = next(a for a in accounts.list_accounts(demo, admin) if a.username == "teller")
    assert now.display_name == "柜员 李娜（改）" and now.version == first.version
    assert set(now.roles) == {Role.COUNTER_STAFF, Role.LOBBY_MANAGER}


def test_a_roles_only_edit_bumps_the_version(demo):
    admin = actor_named(demo, "admin")
    teller = next(a for a in accounts.list_accounts(demo, admin) if a.username == "teller")
    after = accounts.update_account(demo, admin, teller.id, expected_version=teller.version,
                                    display_name=teller.display_name, branch_id=teller.branch_id,
                                    roles=["custodian"])
    assert after.version > teller.version


def test_administrator_cannot_disable_self_or_drop_last_administrator(demo):
    admin = actor_named(demo, "admin")
    me = next(a for a in accounts.list_accounts(demo, admin) if a.username == "admin")
    with pytest.raises(PermissionDenied):
        accounts.set_disabled(demo, admin, me.id, expected_version=me.version, disabled=True)
    with pytest.raises(PermissionDenied):
        accounts.update_account(demo, admin, me.id, expected_version=me.version,
                                display_name=me.display_name, branch_id=me.branch_id,
                                roles=["auditor"])


def test_scope_hides_other_subtrees(demo):
    admin = actor_named(demo, "admin")
    sh = _branch_id(demo, "SH0101")
    local_admin = accounts.create_account(demo, admin, username="bj_admin", display_name="北京管理员",
                                          branch_id=_branch_id(demo, "BJ01"),
                                          roles=["administrator"], password=NEW_PASSWORD)
    bj_admin = actor_named(demo, local_admin.username)
    assert {a.branch_code for a in accounts.list_accounts(demo, bj_admin)} <= {"BJ01", "BJ0101", "BJ010101", "BJ010102", "BJ0102"}
    sh_teller = next(a for a in accounts.list_accounts(demo, admin) if a.username == "sh_teller")
    with pytest.raises(NotFound):
        accounts.set_disabled(demo, bj_admin, sh_teller.id, expected_version=sh_teller.version, disabled=True)
    with pytest.raises(NotFound):
        accounts.create_account(demo, bj_admin, username="intruder", display_name="x", branch_id=sh,
                                roles=["counter_staff"], password=NEW_PASSWORD)
    assert [b.code for b in branches.list_branches(demo, bj_admin)][0] == "BJ01"


def test_there_is_no_way_to_delete_an_account():
    assert not [name for name in dir(accounts) if "delete" in name.lower() or "remove" in name.lower()]


def test_branch_tree_rules(demo):
    admin = actor_named(demo, "admin")
    parent = _branch_id(demo, "BJ0102")
    row = branches.create_branch(demo, admin, code="bj010201", name="中关村网点", level="outlet",
                                 parent_id=parent)
    assert row.code == "BJ010201" and row.path.endswith(f"/{parent}/{row.id}/")
    with pytest.raises(ValidationError) as info:
        branches.create_branch(demo, admin, code="BJX", name="x", level="branch", parent_id=row.id)
    assert info.value.field == "Level"
    with pytest.raises(ValidationError):
        branches.create_branch(demo, admin, code="BJ010201", name="重复", level="outlet", parent_id=parent)
    edited = branches.update_branch(demo, admin, row.id, expected_version=row.version,
                                    name="中关村营业网点", active=False)
    assert edited.name == "中关村营业网点" and not edited.active
    with pytest.raises(ConflictError):
        branches.update_branch(demo, admin, row.id, expected_version=row.version, name="旧版本")
