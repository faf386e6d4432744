"""Sign-in on a SQLite store: argon2id hashes, lock-out, disabled accounts, forced change."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.trail import AuditFilter, audit_page
from app.auth import accounts
from app.auth.setup import create_first_administrator, needs_first_administrator
from app.auth.signin import sign_in, unlock_screen
from app.demo import DEMO_PASSWORD
from app.errors import AuthError, PermissionDenied, SessionExpired, ValidationError
from db.models import StaffAccount
from tests.db.helpers import actor_named


@pytest.fixture
def demo(sqlite_demo_store):
    return sqlite_demo_store


def test_right_password_signs_in_and_is_audited(demo):
    signed = sign_in(demo, " Teller ", DEMO_PASSWORD)
    assert signed.actor.username == "teller" and signed.actor.branch_code == "BJ0101"
    events = audit_page(demo, actor_named(demo, "auditor"), AuditFilter(action="signin.success"))
    assert events and events[0].entity == "staff_account"


def test_passwords_are_stored_as_argon2id(demo):
    with demo.read() as session:
        stored = session.scalar(select(StaffAccount.password_hash).where(StaffAccount.username == "teller"))
    assert stored.startswith("$argon2id$") and "m=19456,t=2,p=1" in stored


def test_unknown_user_and_wrong_password_get_the_same_message(demo):
    with pytest.raises(AuthError) as unknown:
        sign_in(demo, "nobody", DEMO_PASSWORD)
    with pytest.raises(AuthError) as wrong:
        sign_in(demo, "teller", "not the password")
    assert str(unknown.value) == str(wrong.value) == "Wrong user name or password."


def test_five_failures_lock_for_thirty_minutes_then_the_lock_lifts(demo):
    start = demo.clock()
    for _ in range(4):
        with pytest.raises(AuthError, match="Wrong"):
            sign_in(demo, "teller", "wrong password!")
    with pytest.raises(AuthError, match="locked until"):
        sign_in(demo, "teller", "wrong password!")
    with pytest.raises(AuthError, match="locked until"):
        sign_in(demo, "teller", DEMO_PASSWORD)  # even the right password while locked
    demo.clock = lambda: start + timedelta(minutes=29)
    with pytest.raises(AuthError, match="locked until"):
        sign_in(demo, "teller", DEMO_PASSWORD)
    demo.clock = lambda: start + timedelta(minutes=31)
    assert sign_in(demo, "teller", DEMO_PASSWORD).actor.username == "teller"


def test_a_success_resets_the_failure_count(demo):
    for _ in range(4):
        with pytest.raises(AuthError):
            sign_in(demo, "teller", "wrong password!")
    sign_in(demo, "teller", DEMO_PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthError, match="Wrong"):
            sign_in(demo, "teller", "wrong password!")


def test_disabled_account_is_refused_and_its_open_session_ends(demo):
    admin = actor_named(demo, "admin")
    signed = sign_in(demo, "teller", DEMO_PASSWORD)
    teller = next(a for a in accounts.list_accounts(demo, admin) if a.username == "teller")
    accounts.set_disabled(demo, admin, teller.id, expected_version=teller.version, disabled=True)
    with pytest.raises(AuthError, match="disabled"):
        sign_in(demo, "teller", DEMO_PASSWORD)
    with pytest.raises(SessionExpired):
        accounts.change_own_password(demo, signed.actor, new_password="Fresh-Bamboo-2026")


def test_reset_password_forces_a_change_at_next_sign_in(demo):
    admin = actor_named(demo, "admin")
    teller = next(a for a in accounts.list_accounts(demo, admin) if a.username == "teller")
    accounts.reset_password(demo, admin, teller.id, expected_version=teller.version,
                            new_password="Temporary-Key-77")
    signed = sign_in(demo, "teller", "Temporary-Key-77")
    assert signed.actor.must_change_password
    actor = accounts.change_own_password(demo, signed.actor, new_password="Fresh-Bamboo-2026")
    assert not actor.must_change_password
    assert not sign_in(demo, "teller", "Fresh-Bamboo-2026").actor.must_change_password


def test_administrator_unlocks_a_locked_account(demo):
    for _ in range(5):
        with pytest.raises(AuthError):
            sign_in(demo, "teller", "wrong password!")
    admin = actor_named(demo, "admin")
    teller = next(a for a in accounts.list_accounts(demo, admin) if a.username == "teller")
    assert teller.locked_until is not None
    accounts.unlock(demo, admin, teller.id, expected_version=teller.version)
    assert sign_in(demo, "teller", DEMO_PASSWORD)


def test_unlock_screen_needs_the_same_persons_password(demo):
    signed = sign_in(demo, "teller", DEMO_PASSWORD)
    with pytest.raises(AuthError):
        unlock_screen(signed, "wrong password!")
    assert unlock_screen(signed, DEMO_PASSWORD).actor.username == "teller"


def test_first_administrator_only_on_an_empty_store(sqlite_store):
    assert needs_first_administrator(sqlite_store)
    with pytest.raises(ValidationError):
        create_first_administrator(sqlite_store, username="boss", display_name="行长",
                                   password="short", head_office_code="HQ", head_office_name="总行")
    assert needs_first_administrator(sqlite_store)
    create_first_administrator(sqlite_store, username="boss", display_name="行长",
                               password="Long-Enough-Key-1", head_office_code="HQ",
                               head_office_name="总行")
    assert not needs_first_administrator(sqlite_store)
    assert sign_in(sqlite_store, "boss", "Long-Enough-Key-1").actor.branch_code == "HQ"
    with pytest.raises(PermissionDenied):
        create_first_administrator(sqlite_store, username="thief", display_name="x",
                                   password="Long-Enough-Key-1", head_office_code="HQ2",
                                   head_office_name="x")
