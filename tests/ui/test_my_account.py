"""My account page: who I am, changing my own password (the current one is asked first)."""

from app.auth.signin import sign_in
from app.demo import DEMO_PASSWORD


def test_shows_name_branch_and_roles(main_window):
    page = main_window("manager").open_page("me")
    assert page.name_value.text() == "行长 陈建国"
    assert page.branch_value.text() == "BJ0101  北京朝阳支行"
    assert page.roles_value.text() == "Branch manager"


def test_change_my_password(qtbot, main_window, demo_store):
    window = main_window("teller")
    page = window.open_page("me")
    page.current.setText(DEMO_PASSWORD)
    page.new_password.setText("Counter-New-Pass-9")
    page.repeat.setText("Counter-New-Pass-9")
    with qtbot.waitSignal(page.actorChanged):
        page.change_password()
    assert page.done_label.text() == "Your password has been changed."
    assert page.current.text() == ""
    assert sign_in(demo_store, "teller", "Counter-New-Pass-9")


def test_a_wrong_current_password_is_refused(qtbot, main_window):
    page = main_window("teller").open_page("me")
    page.current.setText("not my password")
    page.new_password.setText("Counter-New-Pass-9")
    page.repeat.setText("Counter-New-Pass-9")
    page.change_password()
    qtbot.waitUntil(lambda: page.error.isVisible())
    assert page.error.text() == "The current password is not right."


def test_a_weak_new_password_names_the_rule(qtbot, main_window):
    page = main_window("teller").open_page("me")
    page.current.setText(DEMO_PASSWORD)
    page.new_password.setText("teller-1234567")
    page.repeat.setText("teller-1234567")
    page.change_password()
    qtbot.waitUntil(lambda: page.error.isVisible())
    assert page.error.text() == "Password: must not contain the user name"
