"""Store-wide settings and policy values kept as JSON in the ``setting`` table."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from db.models import Setting


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
