"""Sign-in, lock-out and re-authentication for the idle lock.

On SQLite the app checks the argon2id hash itself. On PostgreSQL the server checks the password
when the app connects as the person's own login role (see :mod:`app.auth.pg_roles`); the rules
for counting failures and locking are the same policy either way.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from app.auth.accounts import actor_for
from app.auth.gate import SignedIn, gatekeeper, signed_in_or_refused
from app.auth.passwords import hash_password, needs_rehash, verify_password
from app.auth.pg_roles import sign_in_postgresql
from app.auth.policy import load_policy
from db.models import StaffAccount
from app.store import Store


def sign_in(store: Store, username: str, password: str, *, keep_store: bool = False) -> SignedIn:
    """Check the credentials and open the person's session, or raise :class:`AuthError`.

    ``keep_store``: the store's own connections stay open (a colleague authorising on the spot
    on a signed-in PC, :mod:`app.auth.countersign`); otherwise on PostgreSQL the pre-sign-in
    login lets its connection go once the person is in."""
    username = (username or "").strip().lower()[:64]
    if store.kind == "postgresql":
        return sign_in_postgresql(store, username, password, keep_store=keep_store)
    outcome: str
    until: datetime | None
    with store.write(gatekeeper(username), check_session=False) as uow:
        account = uow.session.scalar(select(StaffAccount).where(StaffAccount.username == username))
        policy = load_policy(uow.session)
        if account is not None and account.locked_until and account.locked_until > uow.now:
            outcome, until = "locked", account.locked_until
            uow.audit("signin.refused_locked", "staff_account", account.id, branch_id=account.branch_id)
        elif not verify_password(account.password_hash if account else None, password) or account is None:
            outcome, until = record_failure(uow, account, username, policy)
        elif account.disabled:
            outcome, until = "disabled", None
            uow.audit("signin.refused_disabled", "staff_account", account.id, branch_id=account.branch_id)
        else:
            outcome, until = "ok", None
            record_success(uow, account)
            if account.password_hash and needs_rehash(account.password_hash):
                account.password_hash = hash_password(password)
            actor = actor_for(account)
    return signed_in_or_refused(store, outcome, until, actor if outcome == "ok" else None)


def record_failure(uow, account: StaffAccount | None, username: str, policy) -> tuple[str, datetime | None]:
    """Count a failed sign-in and lock the account when the policy's limit is reached."""
    if account is None:
        uow.audit("signin.failed", "staff_account", f"unknown:{username[:32]}")
        return "wrong", None
    account.failed_signins += 1
    locked = account.failed_signins >= policy.max_failed_signins
    if locked:
        account.locked_until = uow.now + timedelta(minutes=policy.lockout_minutes)
        account.failed_signins = 0
    uow.audit("signin.failed", "staff_account", account.id, branch_id=account.branch_id,
              after={"locked_until": account.locked_until} if locked else None)
    return ("locked", account.locked_until) if locked else ("wrong", None)


def record_success(uow, account: StaffAccount) -> None:
    account.failed_signins = 0
    account.locked_until = None
    account.last_signin_at = uow.now
    uow.audit("signin.success", "staff_account", account.id, branch_id=account.branch_id)


def unlock_screen(signed_in: SignedIn, password: str) -> SignedIn:
    """Re-authenticate the same person after the idle lock (failures count as sign-in failures)."""
    return sign_in(signed_in.store, signed_in.actor.username, password)
