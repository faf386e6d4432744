"""Pure rules of the hash chain: the canonical form of an event and its digest.

Each event's hash covers its own fields and the previous event's hash, so changing, removing
or re-ordering any event breaks every hash after it. The store keeps several such chains, its
lanes (so that concurrent writers do not queue for one head); each lane starts from
:data:`GENESIS_HASH` and is verified on its own. The canonical form is JSON with fixed
separators and times as UTC ISO text with microseconds, identical on every engine.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class EventFields:
    """The hashed content of one audit event."""

    seq: int
    occurred_at: datetime
    actor_id: int | None
    actor_name: str
    branch_id: int | None
    action: str
    entity: str
    entity_id: str
    before: str
    after: str


def canonical_json(value: object) -> str:
    """The one JSON form used for before/after snapshots (stable key order, real characters)."""
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def digest(prev_hash: str, event: EventFields) -> str:
    """SHA-256 over the previous hash and the event's canonical form."""
    body = json.dumps(
        [event.seq, event.occurred_at.isoformat(timespec="microseconds"), event.actor_id,
         event.actor_name, event.branch_id, event.action, event.entity, event.entity_id,
         event.before, event.after],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()
