"""ui/messages.py: app errors, fields, roles and levels in the UI language."""

from app.auth.branches import BranchLevel
from app.auth.permissions import Permission, Role, require
from app.actor import Actor
from app.auth.policy import SignInPolicy
from app.errors import PermissionDenied, ValidationError
from ui.messages import error_text, level_label, role_label, roles_text


def _policy_error() -> ValidationError:
    try:
        SignInPolicy(idle_lock_minutes=0).validate()
    except ValidationError as error:
        return error
    raise AssertionError("no error")


def test_english_names_the_field(language):
    assert error_text(_policy_error()) == \
        "Idle minutes before the screen locks: must be a whole number from 1 to 120"
    assert role_label(Role.COUNTER_STAFF) == "Counter staff"
    assert level_label(BranchLevel.OUTLET) == "Outlet"


def test_chinese_translates_template_field_and_roles(language):
    language.set("zh_CN")
    text = error_text(_policy_error())
    assert text == "锁屏前的空闲分钟数：必须是 1 到 120 之间的整数"
    assert role_label(Role.COUNTER_STAFF) == "柜员"
    assert roles_text([Role.LOBBY_MANAGER, Role.RELATIONSHIP_MANAGER]) == "大堂经理、理财经理"
    assert level_label(BranchLevel.SUB_BRANCH) == "支行"


def test_permission_codes_are_said_in_words(language):
    teller = Actor(account_id=1, username="t", display_name="T", roles=frozenset({Role.COUNTER_STAFF}),
                   branch_id=1, branch_code="X", branch_name="X", branch_path="/1/")
    try:
        require(teller, Permission.MANAGE_ACCOUNTS)
    except PermissionDenied as error:
        assert error_text(error) == "You do not have the permission to manage staff accounts."
        language.set("zh_CN")
        assert "manage" not in error_text(error)
