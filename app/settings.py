"""Store-wide settings and policy values kept as JSON in the ``setting`` table.

A policy is read by :func:`load_stored_policy`, one typed loader for every stored policy (sign-in,
cards, care, masking): the defaults while nothing is stored, the stored policy when it
validates, and :class:`StoredPolicyInvalid` when it does not. An invalid stored value is reported,
never silently replaced by the defaults: a bank that tightened a rule must not find it loosened
behind its back (on PostgreSQL the store refuses such a value anyway; on SQLite only a hand edit
or an older program's rules can leave one).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from db.models import Setting

Policy = TypeVar("Policy")


class StoredPolicyInvalid(ValidationError):
    """The policy stored under ``setting`` no longer validates: ``field`` names the policy, the
    message the stored field and its reason (as the policy's own validation says it)."""

    def __init__(self, setting: str, policy: str, problem: ValidationError):
        self.setting = setting
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "the stored value is refused ({problem}); an administrator "
                                        "must save this policy again"),
            field=policy, problem=str(problem))


def read_setting(session: Session, key: str) -> dict | None:
    """The stored value for ``key``, or None when it was never set."""
    row = session.get(Setting, key)
    return json.loads(row.value) if row else None


def write_setting(uow, key: str, value: dict) -> None:
    """Store ``value`` under ``key`` in the unit of work, audited with before and after."""
    row = uow.session.get(Setting, key)
    before = json.loads(row.value) if row else None
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if row is None:
        uow.session.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded
    uow.audit("setting.update", "setting", key, before=before, after=value)


def load_stored_policy(session: Session, key: str, policy: str, parse: Callable[[dict], Policy],
                default: Policy) -> Policy:
    """The policy stored under ``key`` as ``parse`` reads and validates it (raising
    :class:`ValidationError`), ``default`` while nothing is stored; :class:`StoredPolicyInvalid`,
    naming the policy (``policy``, a field label), when the stored value is not a valid one."""
    row = session.get(Setting, key)
    if row is None:
        return default
    try:
        raw = json.loads(row.value)
        if not isinstance(raw, dict):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a JSON object"), field=key)
        return parse(raw)
    except ValueError as exc:
        raise StoredPolicyInvalid(key, policy, ValidationError(
            QT_TRANSLATE_NOOP("errors", "is not JSON: {reason}"), field=key, reason=str(exc))) from None
    except ValidationError as problem:
        raise StoredPolicyInvalid(key, policy, problem) from None

