"""The login window: success, wrong password, lock-out, disabled, Enter, language, demo logins."""

from datetime import timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.auth.accounts import list_accounts, set_disabled
from app.demo import DEMO_PASSWORD
from db.models import StaffAccount
from ui.login.window import LoginWindow


@pytest.fixture
def login(qtbot, demo_store, language):
    window = LoginWindow(language)
    qtbot.addWidget(window)
    window.show()
    window.set_store(demo_store)
    return window


def attempt(qtbot, window, username, password):
    """Type and click Sign in; wait until the attempt is answered."""
    window.username.setText(username)
    window.password.setText(password)
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ready)


def test_right_password_signs_in(qtbot, login):
    login.username.setText("teller")
    login.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(login.signedIn) as signal:
        qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].actor.username == "teller"
    assert login.password.text() == ""


def test_enter_in_the_password_field_signs_in(qtbot, login):
    qtbot.keyClicks(login.username, "manager")
    qtbot.keyClick(login.username, Qt.Key.Key_Return)
    assert login.password.hasFocus() or login.focusWidget() is login.password
    qtbot.keyClicks(login.password, DEMO_PASSWORD)
    with qtbot.waitSignal(login.signedIn):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)


def test_wrong_password_says_so_and_clears_the_field(qtbot, login):
    attempt(qtbot, login, "teller", "not the password")
    assert login.error.isVisible()
    assert login.error.text() == "Wrong user name or password."
    assert login.password.text() == ""


def test_five_failures_lock_the_account_with_the_time(qtbot, login, demo_store):
    for _ in range(4):
        attempt(qtbot, login, "teller", "wrong password!")
        assert login.error.text() == "Wrong user name or password."
    attempt(qtbot, login, "teller", "wrong password!")
    with demo_store.read() as session:
        until = session.scalar(select(StaffAccount.locked_until).where(StaffAccount.username == "teller"))
    beijing = until.replace(tzinfo=timezone.utc) + timedelta(hours=8)   # China keeps no summer time
    assert f"locked until {beijing:%Y-%m-%d %H:%M} (Beijing time)" in login.error.text()
    attempt(qtbot, login, "teller", DEMO_PASSWORD)  # even the right password is refused now
    assert "locked until" in login.error.text()


def test_disabled_account_is_refused(qtbot, login, demo_store, login_as):
    admin = login_as("admin").actor
    teller = next(a for a in list_accounts(demo_store, admin) if a.username == "teller")
    set_disabled(demo_store, admin, teller.id, expected_version=teller.version, disabled=True)
    attempt(qtbot, login, "teller", DEMO_PASSWORD)
    assert login.error.text() == "This account is disabled. Ask an administrator."


def test_empty_fields_are_asked_for(qtbot, login):
    qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)
    assert login.error.text() == "Enter your user name and password."


def test_store_is_described_small(login, demo_store):
    assert login.store_label.text() == f"Store: {demo_store.describe()}"
    assert login.store_label.property("role") == "hint"


def test_language_switch_retranslates_live(qtbot, login, language):
    attempt(qtbot, login, "teller", "wrong password!")
    login.language_box.setCurrentIndex(login.language_box.findData("zh_CN"))
    assert language.current == "zh_CN"
    assert login.sign_in_button.text() == "登录"
    assert login.username_label.text() == "用户名(&U)"
    login.language_box.setCurrentIndex(login.language_box.findData("en"))
    assert login.sign_in_button.text() == "Sign in"


def test_demo_logins_fill_the_form(qtbot, demo_store, language):
    from app.demo import STAFF, DemoLogin

    window = LoginWindow(language)
    qtbot.addWidget(window)
    logins = [DemoLogin(u, d, b, tuple(r)) for u, d, b, r in STAFF]
    window.set_store(demo_store, demo_logins=logins)
    window.show()
    assert window.demo_card.isVisible()
    assert window.demo_card.table.rowCount() == len(STAFF)
    assert DEMO_PASSWORD in window.demo_card.hint.text()
    row = next(i for i, login in enumerate(logins) if login.username == "auditor")
    assert window.demo_card.table.item(row, 2).text() == "Auditor"
    window.demo_card.table.cellClicked.emit(row, 0)
    assert window.username.text() == "auditor"
    assert window.password.text() == DEMO_PASSWORD
    with qtbot.waitSignal(window.signedIn):
        qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
