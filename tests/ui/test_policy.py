"""Sign-in policy page: save, validation naming the field, the idle lock follows the policy."""

from app.auth.policy import load_policy


def test_save_the_policy_and_the_idle_lock_follows(main_window, demo_store):
    window = main_window("admin")
    page = window.open_page("policy")
    assert page.spins["idle_lock_minutes"].value() == 15
    assert window.idle.timeout_ms == 15 * 60_000
    page.spins["idle_lock_minutes"].setValue(5)
    page.spins["max_failed_signins"].setValue(3)
    assert page.save()
    assert page.saved_label.isVisible()
    with demo_store.read() as db:
        policy = load_policy(db)
    assert (policy.idle_lock_minutes, policy.max_failed_signins) == (5, 3)
    assert window.idle.timeout_ms == 5 * 60_000


def test_a_value_out_of_range_names_the_field_and_saves_nothing(main_window, demo_store):
    page = main_window("admin").open_page("policy")
    page.spins["lockout_minutes"].setValue(0)
    assert not page.save()
    assert page.error.text() == "Lock-out minutes: must be a whole number from 1 to 1440"
    assert page.spins["lockout_minutes"].property("invalid") is True
    with demo_store.read() as db:
        assert load_policy(db).lockout_minutes == 30


def test_restore_defaults(main_window):
    page = main_window("admin").open_page("policy")
    page.spins["min_password_length"].setValue(20)
    page.defaults_button.click()
    assert page.spins["min_password_length"].value() == 12
