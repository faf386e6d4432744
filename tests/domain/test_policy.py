"""Sign-in policy defaults and password rules."""

import pytest
from hypothesis import given, strategies as st

from app.auth.policy import MAX_PASSWORD_LENGTH, SignInPolicy, check_new_password
from app.errors import ValidationError

POLICY = SignInPolicy()


def test_defaults_follow_design():
    assert (POLICY.min_password_length, POLICY.max_failed_signins, POLICY.lockout_minutes,
            POLICY.idle_lock_minutes) == (12, 5, 30, 15)


@pytest.mark.parametrize("password, reason", [
    ("Short-1a", "at least 12"),
    ("x" * (MAX_PASSWORD_LENGTH + 1), "at most"),
    ("aaaaaaaaaaaaaaaa", "too simple"),
    ("my-teller-pass-2026", "user name"),
    ("good-password\x00123", "control"),
])
def test_bad_passwords_are_refused_naming_the_field(password, reason):
    with pytest.raises(ValidationError) as info:
        check_new_password(password, "teller", POLICY)
    assert info.value.field == "Password"
    assert reason in str(info.value)


def test_a_good_password_passes():
    check_new_password("Spring-Lotus-2026", "teller", POLICY)


@given(st.text(max_size=200))
def test_any_text_is_either_accepted_or_refused_clearly(password):
    try:
        check_new_password(password, "teller", POLICY)
    except ValidationError as exc:
        assert str(exc).startswith("Password: ")


@pytest.mark.parametrize("field, value", [("min_password_length", 4), ("max_failed_signins", 0),
                                          ("lockout_minutes", 100000), ("idle_lock_minutes", 0)])
def test_policy_limits(field, value):
    with pytest.raises(ValidationError):
        SignInPolicy(**{field: value}).validate()
