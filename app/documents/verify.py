"""Verify what a scanner read off a printed QR code: genuine (and what it is), altered, unknown.

``doc verify`` on the command line and the verify box in the GUI both call :func:`verify_document`.
The signature is checked first (:mod:`app.documents.qr`); a genuine signature is then looked up
by its kind: registered documents in the document register, other capabilities' codes through
:data:`DESCRIBERS`. A code whose signature is right but whose thing is not on record is
"unknown" (a document rendered and then cancelled before it was registered, for example).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from sqlalchemy import select

from app.business_day import wall_clock
from app.documents.qr import Check, Status, check_in
from app.documents.register import Described
from app.errors import QT_TRANSLATE_NOOP
from db.models import Branch
from app.actor import Actor
from app.store import Store

# QR kind -> "module:function(session, ident)" returning a Described (or a str), or None when
# there is no such thing. Other capabilities add their kind here (one line each).
DESCRIBERS: dict[str, str] = {
    "D": "app.documents.register:describe",
    "T": "app.queue.views:describe_slip",       # queue ticket slips
}

NOT_ON_RECORD = QT_TRANSLATE_NOOP(
    "errors", "The signature is right, but there is no such document on record in this store.")
UNKNOWN_KIND = QT_TRANSLATE_NOOP("errors", "The signature is right, but this store does not know codes of kind {kind}.")
OUT_OF_SCOPE = QT_TRANSLATE_NOOP("errors", "The document is genuine; it belongs to a branch outside yours.")


@dataclass(frozen=True)
class Verdict:
    status: Status
    kind: str = ""          # the QR kind (D, T, C...)
    ident: str = ""
    reason: str = ""        # English source (context "errors") when not genuine, or a note
    described: Described | None = None

    @property
    def genuine(self) -> bool:
        return self.status is Status.GENUINE

    def line(self) -> str:
        """One English line for the command line."""
        if not self.genuine:
            return f"{self.status.value.upper()}: {self.reason.format(kind=self.kind)}"
        d = self.described
        if d is None:
            return f"GENUINE: {self.kind} {self.ident}"
        parts = [f"GENUINE: {d.kind}"]
        if d.number:
            parts.append(d.number + (f" item {d.item} of {d.items}" if d.item else "") + (" (copy)" if d.copy else ""))
        parts.append(f"- {d.subject}")
        if d.branch_code:
            parts.append(f"- branch {d.branch_code}")
        if d.made_at is not None:
            parts.append(f"- made {wall_clock(d.made_at):%Y-%m-%d %H:%M} (Beijing time) by {d.made_by}")
        if d.template:
            parts.append(f"- template {d.template}")
        return " ".join(parts)


def _describer(kind: str):
    target = DESCRIBERS.get(kind)
    if target is None:
        return None
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def verify_document(store: Store, actor: Actor, payload: str) -> Verdict:
    """Check ``payload``; a genuine code is described when it lies in ``actor``'s branches."""
    result: Check = check_in(store, payload)
    if result.status is not Status.GENUINE:
        return Verdict(result.status, result.kind, result.ident, result.reason)
    describer = _describer(result.kind)
    if describer is None:
        return Verdict(Status.UNKNOWN, result.kind, result.ident, UNKNOWN_KIND)
    with store.read() as session:
        described = describer(session, result.ident)
        if described is None:
            return Verdict(Status.UNKNOWN, result.kind, result.ident, NOT_ON_RECORD)
        if isinstance(described, str):
            described = Described(result.kind, described)
        if described.branch_code and actor.branch_path != "/":
            path = session.scalar(select(Branch.path).where(Branch.code == described.branch_code))
            if path is None or not actor.sees(path):
                return Verdict(Status.GENUINE, result.kind, result.ident, OUT_OF_SCOPE)
    return Verdict(Status.GENUINE, result.kind, result.ident, "", described)
