"""The tier policy as versioned rows of ``tier_policy``.

Version 1 is :data:`DEFAULT_TIER_POLICY` (docs/domain.md's bands), in force until a bank saves its
own: it is never stored, so every stored version is 2 or higher. Saving never edits a version:
it adds the next one with its own effective date, so an evaluation that recorded the version it
used can always be explained by that version's bands and below-standard rule. A version stored
before the rule was policy reads with the default rule (listed at once, no tolerance), which is
how it was evaluated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.names import names_of, person
from app.auth.permissions import Permission, require
from app.errors import CHANGED_BY_SOMEONE_ELSE, QT_TRANSLATE_NOOP, ConflictError, ValidationError
from app.store import insert_unique
from app.tiers.rules import DEFAULT_TIER_POLICY, EFFECTIVE_FROM, TierPolicy, policy_in_force
from db.models import TierPolicyVersion
from app.actor import Actor
from app.store import Store


@dataclass(frozen=True)
class PolicyRow:
    """A policy version as screens list it."""

    policy: TierPolicy
    created_at: datetime | None   # None for the built-in default
    created_by: str       # the person's name

    @property
    def version(self) -> int:
        return self.policy.version

    @property
    def effective_from(self) -> date:
        return self.policy.effective_from


def _decode(row: TierPolicyVersion) -> TierPolicy:
    data = json.loads(row.body)
    data["version"] = row.version
    data["effective_from"] = row.effective_from.isoformat()
    return TierPolicy.from_dict(data)


def stored_policies(session: Session) -> list[TierPolicy]:
    """Every version: the built-in default first, then the stored ones by version."""
    rows = session.scalars(select(TierPolicyVersion).order_by(TierPolicyVersion.version)).all()
    return [DEFAULT_TIER_POLICY, *(_decode(r) for r in rows)]


def list_policies(session: Session) -> list[PolicyRow]:
    """The version history, newest first (the built-in default last)."""
    rows = session.scalars(select(TierPolicyVersion).order_by(TierPolicyVersion.version.desc())).all()
    names = names_of(session, (r.created_by for r in rows))
    history = [PolicyRow(_decode(r), r.created_at, person(names, r.created_by)) for r in rows]
    return history + [PolicyRow(DEFAULT_TIER_POLICY, None, "")]


def policy_in_force_at(session: Session, on: date) -> TierPolicy:
    """The version in force on ``on``: the latest effective date on or before it (the higher
    version on a tie); the default when no stored version has started yet."""
    return policy_in_force(stored_policies(session), on) or DEFAULT_TIER_POLICY


def policy_version(session: Session, version: int) -> TierPolicy:
    """One version by number (1 is the default)."""
    if version == DEFAULT_TIER_POLICY.version:
        return DEFAULT_TIER_POLICY
    row = session.scalar(select(TierPolicyVersion).where(TierPolicyVersion.version == version))
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "version {version} does not exist"),
                              field=QT_TRANSLATE_NOOP("fields", "Policy version"), version=version)
    return _decode(row)


def save_policy(store: Store, actor: Actor, policy: TierPolicy) -> TierPolicy:
    """Store ``policy``'s bands, below-standard rule and effective date as the next version
    (EDIT_POLICY).

    The version number ``policy`` carries is ignored: the store assigns the next one. The
    effective date may not lie before the latest version's (history only moves forward).
    Returns the policy as saved, with its version.
    """
    require(actor, Permission.EDIT_POLICY)
    with store.write(actor) as uow:
        session = uow.session
        latest = policy_in_force(stored_policies(session), date.max) or DEFAULT_TIER_POLICY
        top = session.scalar(select(func.max(TierPolicyVersion.version))) or DEFAULT_TIER_POLICY.version
        saved = TierPolicy(version=top + 1, effective_from=policy.effective_from, bands=policy.bands,
                           below_standard=policy.below_standard)
        saved.validate()
        if latest.version != DEFAULT_TIER_POLICY.version and saved.effective_from < latest.effective_from:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "must not be before {date}, when version {version} "
                                            "took effect"),
                field=EFFECTIVE_FROM, date=latest.effective_from.isoformat(), version=latest.version)
        body = saved.to_dict()
        row = TierPolicyVersion(version=saved.version, effective_from=saved.effective_from,
                                body=json.dumps({"bands": body["bands"],
                                                 "below_standard": body["below_standard"]},
                                                ensure_ascii=False),
                                created_at=uow.now, created_by=actor.username)
        insert_unique(session, row, ConflictError(CHANGED_BY_SOMEONE_ELSE))
        uow.audit("tier_policy.create", "tier_policy", saved.version, after=body)
        return saved
