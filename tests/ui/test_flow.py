"""The desk's life: opening the store, first administrator, forced password change, sign out."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from app.auth.accounts import list_accounts, reset_password
from app.auth.signin import sign_in
from app.demo import DEMO_PASSWORD
from app.opening import open_store
from ui.flow import EXIT_STORE_PROBLEM, DeskFlow
from tests.ui.saving import submit


@pytest.fixture
def make_flow(qtbot, dialogs, language):
    flows = []

    def make(url, demo=False, **kwargs):
        flow = DeskFlow(store_url=url, demo=demo, dialogs=dialogs, language=language, **kwargs)
        qtbot.addWidget(flow.login)
        flows.append(flow)
        flow.start()
        return flow

    yield make
    from ui.background import wait_for_background

    wait_for_background()
    for flow in flows:
        if flow.main_window is not None:
            flow.main_window.idle.stop()
            flow.main_window.close()
        flow.close()


def sign_in_through(qtbot, flow, username, password):
    flow.login.username.setText(username)
    flow.login.password.setText(password)
    qtbot.mouseClick(flow.login.sign_in_button, Qt.MouseButton.LeftButton)


def test_signs_in_to_the_main_window_and_out_again(qtbot, make_flow, demo_path, demo_store):
    flow = make_flow(f"sqlite:///{demo_path}")
    qtbot.waitUntil(lambda: flow.login.ready)
    assert str(demo_path) in flow.login.store_label.text()
    with qtbot.waitSignal(flow.mainWindowShown) as shown:
        sign_in_through(qtbot, flow, "admin", DEMO_PASSWORD)
    window = shown.args[0]
    assert window.isVisible() and not flow.login.isVisible()
    window.sign_out_action.trigger()
    assert flow.login.isVisible()
    assert flow.main_window is None
    assert flow.login.password.text() == ""


def test_a_reset_password_must_be_replaced_before_the_main_window(qtbot, make_flow, demo_path,
                                                                   demo_store, login_as):
    admin = login_as("admin").actor
    teller = next(a for a in list_accounts(demo_store, admin) if a.username == "teller")
    reset_password(demo_store, admin, teller.id, expected_version=teller.version,
                   new_password="Temporary-Pass-77")
    flow = make_flow(f"sqlite:///{demo_path}")
    qtbot.waitUntil(lambda: flow.login.ready)
    sign_in_through(qtbot, flow, "teller", "Temporary-Pass-77")
    qtbot.waitUntil(lambda: flow.password_dialog is not None and flow.password_dialog.isVisible())
    dialog = flow.password_dialog
    assert flow.main_window is None
    dialog.new_password.setText("short")
    dialog.repeat.setText("short")
    submit(dialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "Password: must have at least 12 characters"
    dialog.new_password.setText("My-Own-Choice-2026")
    dialog.repeat.setText("My-Own-Choice-2026")
    with qtbot.waitSignal(flow.mainWindowShown):
        submit(dialog)
    assert not flow.main_window.session.actor.must_change_password
    assert sign_in(demo_store, "teller", "My-Own-Choice-2026").actor.username == "teller"


def test_refusing_the_password_change_goes_back_to_login(qtbot, make_flow, demo_path, demo_store, login_as):
    admin = login_as("admin").actor
    teller = next(a for a in list_accounts(demo_store, admin) if a.username == "teller")
    reset_password(demo_store, admin, teller.id, expected_version=teller.version,
                   new_password="Temporary-Pass-77")
    flow = make_flow(f"sqlite:///{demo_path}")
    qtbot.waitUntil(lambda: flow.login.ready)
    sign_in_through(qtbot, flow, "teller", "Temporary-Pass-77")
    qtbot.waitUntil(lambda: flow.password_dialog is not None and flow.password_dialog.isVisible())
    flow.password_dialog.reject()
    assert flow.main_window is None
    assert "must choose your own password" in flow.login.error.text()


def test_first_start_asks_for_the_first_administrator(qtbot, make_flow, tmp_path):
    path = tmp_path / "store.sqlite3"  # a new file in a folder that is there (IT's chosen place)
    flow = make_flow(f"sqlite:///{path}")
    qtbot.waitUntil(lambda: flow.first_run_dialog is not None and flow.first_run_dialog.isVisible())
    assert not flow.login.ready
    assert flow.login.first_admin_button.isVisible()
    dialog = flow.first_run_dialog
    dialog.code.setText("HQ")
    dialog.name.setText("总行")
    dialog.username.setText("root_admin")
    dialog.full_name.setText("王管理")
    dialog.password.setText("First-Admin-Pass-1")
    dialog.repeat.setText("First-Admin-Pass-2")
    submit(dialog)
    assert dialog.error.text() == "The two passwords are not the same."
    dialog.username.setText("Root Admin")
    dialog.repeat.setText("First-Admin-Pass-1")
    submit(dialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text().startswith("User name: must be 3 to 32 lower-case letters")
    assert dialog.username.property("invalid") is True
    dialog.username.setText("root_admin")
    with qtbot.waitSignal(dialog.saved):
        submit(dialog)
    assert flow.login.ready
    assert flow.login.username.text() == "root_admin"
    with qtbot.waitSignal(flow.mainWindowShown) as shown:
        flow.login.password.setText("First-Admin-Pass-1")
        qtbot.mouseClick(flow.login.sign_in_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].session.actor.branch_code == "HQ"


def test_a_store_from_a_newer_program_is_refused_with_what_to_do(qtbot, make_flow, tmp_path, dialogs):
    path = tmp_path / "store.sqlite3"
    store = open_store(f"sqlite:///{path}", migrate=True)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    store.engine.dispose()
    flow = make_flow(f"sqlite:///{path}")
    with qtbot.waitSignal(flow.finished) as finished:
        pass
    assert finished.args == [EXIT_STORE_PROBLEM]
    (_kind, title, message, details), = dialogs.of("error")
    assert title == "VIP Desk cannot start"
    assert "newer VIP Desk" in message and "ffffffffffff" in details
    assert flow.problem.startswith("The store ") and "\n" not in flow.problem


def test_a_store_that_does_not_answer_is_named(qtbot, make_flow, dialogs):
    flow = make_flow("postgresql://nobody:secret@127.0.0.1:1/vipdesk")
    with qtbot.waitSignal(flow.finished, timeout=15000) as finished:
        pass
    assert finished.args == [EXIT_STORE_PROBLEM]
    (_kind, _title, message, _details), = dialogs.of("error")
    assert "did not answer" in message
    assert "secret" not in message


def test_demo_mode_builds_a_fresh_store_and_lists_the_logins(qtbot, make_flow):
    flow = make_flow(None, demo=True)
    qtbot.waitUntil(lambda: flow.login.ready, timeout=60000)
    assert flow.login.demo_card.table.rowCount() >= 10
    folder = Path(flow.opened.temp_dir)
    assert folder.is_dir()
    flow.close()
    assert not folder.exists()
