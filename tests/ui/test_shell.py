"""The main window: permitted pages only, status bar, menus, idle lock and the lock screen."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app.auth.accounts import list_accounts, set_disabled
from app.demo import DEMO_PASSWORD
from ui.shell.pages import PAGES, PageSpec, pages_for


def nav_titles(window):
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


@pytest.mark.parametrize("username, titles", [
    ("admin", ["Customers", "Branches", "Accounts", "Sign-in policy", "AUM import", "Tier policy", "Care policy",
               "Documents", "Card products", "This PC", "My account"]),
    ("auditor", ["Customers", "Audit trail", "Blank-card stock", "Care dashboard", "Documents", "Queue statistics",
                 "Clerk performance", "My account"]),
    ("manager", ["Customers", "Card approvals (2)", "Audit trail", "Tier worklists", "Tier exceptions",
                 "Blank-card stock", "Customer care", "Customer assignment", "Care dashboard", "Documents",
                 "VIP cards", "Lobby queue", "Queue statistics", "Clerk performance", "Queue setup",
                 "My account"]),   # two demo applications await the manager's decision, on Ctrl+2
    ("teller", ["Customers", "Blank-card stock", "Customer care", "Documents", "VIP cards", "Counter calling",
                "Clerk performance", "My account"]),
    ("lobby", ["Customers", "Customer care", "Documents", "Lobby queue", "Queue statistics", "Clerk performance",
               "Queue setup", "My account"]),
])
def test_navigation_shows_only_permitted_pages(main_window, username, titles):
    window = main_window(username)
    assert window.navigation.objectName() == "navigation"
    assert nav_titles(window) == titles
    with pytest.raises(KeyError):
        window.open_page("accounts") if "Accounts" not in titles else window.open_page("nope")


def test_registry_adds_a_page_in_one_place():
    from app.auth.permissions import Permission

    extra = PAGES + (PageSpec("cards", "Cards", "ui.nowhere:Page", Permission.EXPORT_AUDIT),)
    assert [p.key for p in pages_for({Permission.EXPORT_AUDIT}, extra)] == ["me", "cards"]


def test_pages_are_built_when_first_opened(main_window):
    window = main_window("admin")
    assert window.page("customers") is not None  # the first page opens at once
    assert window.page("accounts") is None
    page = window.open_page("accounts")
    assert window.current_page() is page
    assert window.page_title.text() == "Accounts"


def test_status_bar_names_user_branch_store_and_language(main_window, demo_store):
    window = main_window("teller")
    assert window.user_label.text() == "User: 柜员 李娜 (teller)"
    assert window.branch_label.text() == "Branch: BJ0101 北京朝阳支行"
    assert window.store_label.text() == f"Store: {demo_store.describe()}"
    assert window.language_label.text() == "Language: English"


def test_sizes_fit_a_counter_pc(main_window):
    window = main_window("teller")
    assert (window.width(), window.height()) == (1280, 720)
    assert (window.minimumWidth(), window.minimumHeight()) == (1024, 640)


def test_menu_language_switch_retranslates(main_window, language):
    window = main_window("admin")
    window.language_actions["zh_CN"].trigger()
    assert nav_titles(window) == ["客户", "网点管理", "账户管理", "登录策略", "金融资产导入", "客户等级政策", "客户维护策略",
                                 "文档", "卡产品设置", "本机设置", "我的账户"]
    assert window.language_label.text() == "语言：中文"
    window.language_actions["en"].trigger()
    assert nav_titles(window)[0] == "Customers"


def test_lock_shortcut_is_ctrl_l(main_window):
    window = main_window("teller")
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")
    window.lock_action.trigger()
    assert window.locked
    assert not window.content.isVisible()


def test_idle_time_locks_the_screen_and_the_password_unlocks(qtbot, main_window):
    window = main_window("teller", idle_timeout_ms=30)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    screen = window.lock_screen
    assert screen.isVisible()
    assert "柜员 李娜" in screen.who.text()

    screen.password.setText("not my password")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.error.isVisible())
    assert screen.error.text() == "Wrong user name or password."
    assert window.locked

    window.idle.set_timeout_ms(60_000)  # stay unlocked while the test looks
    screen.password.setText(DEMO_PASSWORD)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.locked)
    assert window.content.isVisible()
    assert window.idle.active


def test_a_test_can_run_the_idle_clock_out(main_window):
    window = main_window("teller", idle_timeout_ms=60_000)
    window.idle.expire()
    assert window.locked


def test_input_restarts_the_idle_clock(qtbot, main_window):
    window = main_window("teller", idle_timeout_ms=60_000)
    window.idle._timer.stop()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.idle._timer.isActive()


def test_lock_out_at_the_lock_screen_ends_the_session(qtbot, main_window):
    window = main_window("teller")
    window.lock()
    screen = window.lock_screen
    for _ in range(4):
        screen.password.setText("wrong password!")
        screen.try_unlock()
        qtbot.waitUntil(lambda: screen.unlock_button.isEnabled())
        assert window.locked
    with qtbot.waitSignal(window.signedOut) as ended:
        screen.password.setText("wrong password!")
        screen.try_unlock()
    assert "locked until" in ended.args[0]


def test_locking_closes_open_dialogs(qtbot, main_window):
    window = main_window("admin")
    dialog = window.open_page("accounts").new_account()
    assert dialog.isVisible()
    window.lock()
    assert not dialog.isVisible()


def test_disabled_meanwhile_ends_the_session_on_the_next_action(qtbot, main_window, demo_store, login_as):
    window = main_window("teller")
    admin = login_as("admin").actor
    teller = next(a for a in list_accounts(demo_store, admin) if a.username == "teller")
    set_disabled(demo_store, admin, teller.id, expected_version=teller.version, disabled=True)
    page = window.open_page("me")
    page.current.setText(DEMO_PASSWORD)
    page.new_password.setText("Another-Pass-2026")
    page.repeat.setText("Another-Pass-2026")
    with qtbot.waitSignal(window.signedOut) as ended:
        page.change_password()
    assert ended.args[0] == "This account is disabled. Ask an administrator."


def test_sign_out_signals_with_no_message(qtbot, main_window):
    window = main_window("teller")
    with qtbot.waitSignal(window.signedOut) as ended:
        window.sign_out_action.trigger()
    assert ended.args == [""]
