"""The permission table: who may do what."""

import pytest

from app.actor import Actor
from app.auth.permissions import ROLE_PERMISSIONS, STAFF_ROLES, Permission, Role, permissions_of, require
from app.errors import PermissionDenied


def actor(*roles, path="/1/4/"):
    return Actor(1, "u", "U", frozenset(roles), 4, "B", "B", path)


def test_every_role_has_a_row():
    assert set(ROLE_PERMISSIONS) == set(Role)


def test_system_is_not_a_staff_role():
    assert Role.SYSTEM not in STAFF_ROLES


@pytest.mark.parametrize("role", [r for r in STAFF_ROLES if r is not Role.ADMINISTRATOR])
def test_only_administrators_manage_accounts(role):
    assert not actor(role).may(Permission.MANAGE_ACCOUNTS)
    with pytest.raises(PermissionDenied):
        require(actor(role), Permission.MANAGE_ACCOUNTS)


def test_auditor_reads_and_exports_the_trail_but_manages_nothing():
    auditor = actor(Role.AUDITOR)
    assert auditor.may(Permission.VIEW_AUDIT) and auditor.may(Permission.EXPORT_AUDIT)
    assert not auditor.may(Permission.MANAGE_BRANCHES)


def test_roles_combine():
    assert permissions_of(frozenset({Role.AUDITOR, Role.ADMINISTRATOR})) == (
        ROLE_PERMISSIONS[Role.AUDITOR] | ROLE_PERMISSIONS[Role.ADMINISTRATOR])


def test_branch_scope_is_the_subtree():
    a = actor(Role.ADMINISTRATOR, path="/1/4/")
    assert a.sees("/1/4/") and a.sees("/1/4/9/")
    assert not a.sees("/1/") and not a.sees("/1/5/") and not a.sees("/1/44/")
