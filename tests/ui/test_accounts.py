"""Accounts page: model, create, edit roles, disable, reset password, unlock, conflicts."""

import pytest
from PySide6.QtCore import Qt

from app.auth.accounts import list_accounts, update_account, create_account
from app.auth.permissions import Role
from app.auth.signin import sign_in
from app.demo import DEMO_PASSWORD
from app.errors import AuthError
from ui.accounts.model import STATUS, AccountsModel, make_proxy
from tests.ui.saving import submit


@pytest.fixture
def page(main_window):
    window = main_window("admin")
    return window.open_page("accounts")


def status_of(page, username):
    page.select_username(username)
    row = page.table.currentIndex().row()
    return page.proxy.index(row, STATUS).data()


def account(store, actor, username):
    return next(a for a in list_accounts(store, actor) if a.username == username)


def test_models_pass_the_model_tester(qtmodeltester, demo_store, login_as):
    admin = login_as("admin").actor
    model = AccountsModel(demo_store.clock)
    model.set_rows(list_accounts(demo_store, admin))
    qtmodeltester.check(model)
    qtmodeltester.check(make_proxy(model))


def test_table_lists_the_subtree_with_translated_roles(page):
    assert page.proxy.rowCount() == 11
    page.select_username("advisor")
    row = page.table.currentIndex().row()
    assert page.proxy.index(row, 3).data() == "Relationship manager"
    assert status_of(page, "advisor") == "Enabled"
    assert page.proxy.index(row, 5).data() == "Never"


def test_filter_box_narrows_the_rows(qtbot, page):
    qtbot.keyClicks(page.filter, "bj0101")
    assert page.proxy.rowCount() == 7
    page.filter.clear()
    qtbot.keyClicks(page.filter, "SH_")
    assert page.proxy.rowCount() == 2


def test_there_is_no_delete(page):
    buttons = [page.new_button, page.edit_button, page.disable_button, page.reset_button,
               page.unlock_button, page.reload_button]
    assert not any("Delete" in b.text() for b in buttons)
    assert not hasattr(page, "delete_selected")


def test_create_an_account_that_must_change_its_password(qtbot, page, demo_store):
    dialog = page.new_account()
    dialog.username.setText("new_teller")
    dialog.full_name.setText("柜员 新人")
    dialog.branch.setCurrentIndex(dialog.branch.findData(
        next(r.branch_id for r in page.model.rows() if r.username == "teller")))
    submit(dialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "Roles: choose at least one role"  # no role ticked yet
    dialog.roles.boxes[Role.COUNTER_STAFF].setChecked(True)
    dialog.password.setText("Welcome-Teller-1")
    dialog.repeat.setText("Welcome-Teller-1")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.selected().username == "new_teller"
    assert status_of(page, "new_teller") == "Enabled, new password pending"
    assert sign_in(demo_store, "new_teller", "Welcome-Teller-1").actor.must_change_password


def test_edit_roles(qtbot, page, demo_store, login_as):
    page.select_username("teller")
    dialog = page.edit_selected()
    assert dialog.username.isReadOnly()
    assert dialog.roles.roles() == [Role.COUNTER_STAFF]
    dialog.roles.boxes[Role.LOBBY_MANAGER].setChecked(True)
    with qtbot.waitSignal(dialog.saved):
        submit(dialog)
    row = page.table.currentIndex().row()
    assert page.proxy.index(row, 3).data() == "Counter staff, Lobby manager"
    saved = account(demo_store, login_as("admin").actor, "teller")
    assert set(saved.roles) == {Role.COUNTER_STAFF, Role.LOBBY_MANAGER}


def test_disable_then_the_person_cannot_sign_in_and_enable_again(page, dialogs, demo_store):
    page.select_username("teller")
    assert page.disable_button.text().replace("&", "") == "Disable"
    page.toggle_disabled()
    assert dialogs.of("confirm")[0][1] == "Disable account"
    assert status_of(page, "teller") == "Disabled"
    assert page.disable_button.text().replace("&", "") == "Enable"
    with pytest.raises(AuthError, match="disabled"):
        sign_in(demo_store, "teller", DEMO_PASSWORD)
    page.toggle_disabled()
    assert status_of(page, "teller") == "Enabled"
    assert sign_in(demo_store, "teller", DEMO_PASSWORD)


def test_a_no_to_the_question_changes_nothing(page, dialogs):
    dialogs.confirm_answer = False
    page.select_username("teller")
    page.toggle_disabled()
    assert status_of(page, "teller") == "Enabled"


def test_reset_password_forces_a_change_at_sign_in(qtbot, page, demo_store):
    page.select_username("teller2")
    dialog = page.reset_selected()
    dialog.password.setText("Temporary-Pass-1")
    dialog.repeat.setText("Temporary-Pass-1")
    with qtbot.waitSignal(dialog.saved):
        submit(dialog)
    assert sign_in(demo_store, "teller2", "Temporary-Pass-1").actor.must_change_password


def test_unlock_a_locked_account(qtbot, page, demo_store):
    for _ in range(5):
        with pytest.raises(AuthError):
            sign_in(demo_store, "lobby", "wrong password!")
    page.refresh()
    assert status_of(page, "lobby").startswith("Locked until ")
    assert page.unlock_button.isEnabled()
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert status_of(page, "lobby") == "Enabled"
    assert not page.unlock_button.isEnabled()
    assert sign_in(demo_store, "lobby", DEMO_PASSWORD)


def test_a_conflicting_edit_is_refused_and_nothing_is_lost(qtbot, page, demo_store, login_as):
    admin = login_as("admin").actor
    create_account(demo_store, admin, username="admin_two", display_name="第二管理员",
                   branch_id=admin.branch_id, roles=[Role.ADMINISTRATOR], password="Second-Admin-99")
    other_admin = sign_in(demo_store, "admin_two", "Second-Admin-99").actor
    page.refresh()
    page.select_username("teller")
    dialog = page.edit_selected()                      # this admin loads the account...
    seen = account(demo_store, admin, "teller")
    update_account(demo_store, other_admin, seen.id, expected_version=seen.version,  # ...another saves first
                   display_name="柜员 李娜（已改名）", branch_id=seen.branch_id, roles=[Role.COUNTER_STAFF])
    dialog.full_name.setText("柜员 李娜娜")
    dialog.roles.boxes[Role.CUSTODIAN].setChecked(True)
    with qtbot.waitSignal(dialog.conflicted):
        submit(dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == ("This record was changed by someone else. "
                                   "Reload it and make your change again.")
    assert dialog.full_name.text() == "柜员 李娜娜"       # what this admin typed is still there
    now = account(demo_store, admin, "teller")
    assert now.display_name == "柜员 李娜（已改名）"       # the other admin's change stands
    assert now.roles == (Role.COUNTER_STAFF,)
    page.select_username("teller")
    assert page.proxy.index(page.table.currentIndex().row(), 1).data() == "柜员 李娜（已改名）"


def test_a_conflicting_disable_warns_and_reloads(page, dialogs, demo_store, login_as):
    admin = login_as("admin").actor
    page.select_username("advisor")
    seen = account(demo_store, admin, "advisor")
    update_account(demo_store, admin, seen.id, expected_version=seen.version,
                   display_name="理财经理 张静静", branch_id=seen.branch_id, roles=list(seen.roles))
    page.toggle_disabled()
    (_kind, _title, text), = dialogs.of("warn")
    assert "changed by someone else" in text
    assert status_of(page, "advisor") == "Enabled"
    assert page.selected().display_name == "理财经理 张静静"
