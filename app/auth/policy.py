"""Sign-in policy: password length, lock-out and idle lock (defaults PCI DSS-aligned)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.settings import load_stored_policy, write_setting
from app.actor import Actor
from app.store import Store

KEY = "signin_policy"
POLICY = QT_TRANSLATE_NOOP("fields", "Sign-in policy")
MAX_PASSWORD_LENGTH = 128


@dataclass(frozen=True)
class SignInPolicy:
    min_password_length: int = 12
    max_failed_signins: int = 5
    lockout_minutes: int = 30
    idle_lock_minutes: int = 15

    @classmethod
    def from_dict(cls, data: Mapping) -> SignInPolicy:
        """The policy stored in ``data`` over the defaults, validated; unknown keys ignored."""
        known = {f.name for f in fields(cls)}
        policy = cls(**{k: v for k, v in data.items() if k in known})
        policy.validate()
        return policy

    def validate(self) -> None:
        limits = {
            "min_password_length": (8, 64, QT_TRANSLATE_NOOP("fields", "Minimum password length")),
            "max_failed_signins": (1, 20, QT_TRANSLATE_NOOP("fields", "Failed sign-ins before lock-out")),
            "lockout_minutes": (1, 24 * 60, QT_TRANSLATE_NOOP("fields", "Lock-out minutes")),
            "idle_lock_minutes": (1, 120, QT_TRANSLATE_NOOP("fields", "Idle minutes before the screen locks")),
        }
        for name, (low, high, label) in limits.items():
            value = getattr(self, name)
            if not isinstance(value, int) or not low <= value <= high:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "must be a whole number from {low} to {high}"),
                    field=label, low=low, high=high)


def load_policy(session) -> SignInPolicy:
    """The policy in force: stored values over the defaults, validated
    (:func:`app.settings.load_stored_policy`)."""
    return load_stored_policy(session, KEY, POLICY, SignInPolicy.from_dict, SignInPolicy())


def save_policy(store: Store, actor: Actor, policy: SignInPolicy) -> None:
    """Replace the sign-in policy (administrators only)."""
    require(actor, Permission.EDIT_POLICY)
    policy.validate()
    with store.write(actor) as uow:
        write_setting(uow, KEY, asdict(policy))


def check_new_password(password: str, username: str, policy: SignInPolicy) -> None:
    """Refuse a password the policy does not allow, naming the reason."""
    field = QT_TRANSLATE_NOOP("fields", "Password")
    if len(password) < policy.min_password_length:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at least {min} characters"),
                              field=field, min=policy.min_password_length)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at most {max} characters"),
                              field=field, max=MAX_PASSWORD_LENGTH)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in password):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must not contain control characters"),
                              field=field)
    if username and username.lower() in password.lower():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must not contain the user name"),
                              field=field)
    if len(set(password)) < 4:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is too simple: use more different characters"),
                              field=field)
