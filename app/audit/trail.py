"""Reading the audit trail: filtered keyset pages, chain verification, anchors and CSV export."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import literal, or_, select, text

from app.audit.anchor import Anchor, anchor_of, anchor_problem
from app.audit.chain import GENESIS_HASH, EventFields, digest
from app.auth.permissions import Permission, require
from app.errors import QT_TRANSLATE_NOOP
from app.glossary import AUDIT_ACTIONS, AUDIT_ENTITIES, SIGNIN_ACTOR_PREFIX, signin_user
from app.outfile import Codes, Say, export_csv, zoned
from db.models import AuditEvent, Branch, StaffAccount
from app.actor import Actor
from app.store import Store

PAGE_SIZE = 200


@dataclass(frozen=True)
class AuditFilter:
    """What an auditor narrows the trail to; empty fields match everything."""

    since: datetime | None = None
    until: datetime | None = None
    actor: str = ""
    action: str = ""
    entity: str = ""
    entity_id: str = ""


@dataclass(frozen=True)
class AuditRow:
    number: int  # the event's number in the store (its id: the order events were written in)
    occurred_at: datetime
    actor_name: str
    branch_code: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str
    actor_display: str = ""  # the person's name (their account's display name), "" if unknown


def whole_tree(session, actor: Actor) -> bool:
    """Whether ``actor``'s scope is the whole branch tree: a batch job, or staff of the one
    branch without a parent (head office). Events without a branch (sign-ins of unknown
    names, store-wide jobs) belong to the whole tree."""
    if actor.branch_path == "/":
        return True
    roots = session.execute(select(Branch.id).where(Branch.parent_id.is_(None)).limit(2)).scalars().all()
    return roots == [actor.branch_id]


def _scoped(actor: Actor, audit_filter: AuditFilter, *, everything: bool):
    query = (select(AuditEvent, Branch.code).outerjoin(Branch, AuditEvent.branch_id == Branch.id))
    if actor.branch_path != "/":
        in_scope = Branch.path.startswith(actor.branch_path)
        query = query.where(or_(in_scope, AuditEvent.branch_id.is_(None)) if everything else in_scope)
    f = audit_filter
    if f.since:
        query = query.where(AuditEvent.occurred_at >= f.since)
    if f.until:
        query = query.where(AuditEvent.occurred_at < f.until)
    if f.actor:
        # a user name, or a part of the person's name; their sign-in attempts too
        named = select(StaffAccount.username).where(
            StaffAccount.display_name.contains(f.actor.strip(), autoescape=True))
        query = query.where(or_(
            AuditEvent.actor_name.contains(f.actor.strip(), autoescape=True),
            AuditEvent.actor_name.in_(named),
            AuditEvent.actor_name.in_(select(literal(SIGNIN_ACTOR_PREFIX) + named.subquery().c.username))))
    if f.action:
        query = query.where(AuditEvent.action.startswith(f.action.strip(), autoescape=True))
    if f.entity:
        query = query.where(AuditEvent.entity == f.entity.strip())
    if f.entity_id:
        query = query.where(AuditEvent.entity_id == f.entity_id.strip())
    return query


def _row(event: AuditEvent, code: str | None, names: dict[str, str]) -> AuditRow:
    return AuditRow(event.id, event.occurred_at, event.actor_name, code or "", event.action,
                    event.entity, event.entity_id, event.before, event.after,
                    names.get(signin_user(event.actor_name) or event.actor_name, ""))


def _rows(session, rows) -> list[AuditRow]:
    """Rows with each actor's name, looked up once for the page."""
    usernames = {signin_user(event.actor_name) or event.actor_name for event, _code in rows}
    names = dict(session.execute(select(StaffAccount.username, StaffAccount.display_name)
                                 .where(StaffAccount.username.in_(usernames))).all()) if usernames else {}
    return [_row(event, code, names) for event, code in rows]


def audit_page(store: Store, actor: Actor, audit_filter: AuditFilter, *, before: int | None = None,
               limit: int = PAGE_SIZE) -> list[AuditRow]:
    """The newest events first, ``limit`` at a time; pass the last number seen to get the next page."""
    require(actor, Permission.VIEW_AUDIT)
    with store.read() as session:
        query = _scoped(actor, audit_filter, everything=whole_tree(session, actor))
        if before is not None:
            query = query.where(AuditEvent.id < before)
        rows = session.execute(query.order_by(AuditEvent.id.desc()).limit(limit)).all()
        return _rows(session, rows)


@dataclass(frozen=True)
class VerifyResult:
    intact: bool
    checked: int
    problem: str = ""
    bad_event: int | None = None   # the number (id) of the first bad event found
    anchor: Anchor | None = None   # the anchor of the heads just verified (None: broken or stopped)
    lanes: int = 0
    anchor_problem: str = ""       # why the noted anchor is not part of the chain ("" when it is)


def verify_chain(store: Store, *, progress: Callable[[int], bool] | None = None,
                 anchor: Anchor | None = None) -> VerifyResult:
    """Walk every lane of the chain in order; report the first event changed, removed, moved or
    out of order, and the anchor of the heads it verified.

    ``anchor``: one noted earlier (:func:`app.audit.anchor.parse_anchor`); an intact chain must
    also still hold each of its lane's noted event, else ``anchor_problem`` says which lane was
    cut back past it or rewritten. The noted events' hashes are taken from this same walk, so
    the verdict and the printed anchor are about exactly the events checked.

    ``progress`` gets the count checked so far and may return False to stop early (then no
    anchor: part of a walk proves nothing). Verifying needs every event, so it runs with the
    store credentials of the caller (the CLI's URL).
    """
    heads: list[tuple[int, int, str]] = []
    noted = {mark.lane: mark.seq for mark in anchor.marks} if anchor else {}
    at_marks: dict[int, str] = {}
    lane, expected_prev, expected_seq, checked = None, GENESIS_HASH, 1, 0
    with store.read() as session:
        events = session.execute(select(AuditEvent).order_by(AuditEvent.lane, AuditEvent.seq)).scalars()
        for event in events.yield_per(2000):
            if event.lane != lane:
                if lane is not None:
                    heads.append((lane, expected_seq - 1, expected_prev))
                lane, expected_prev, expected_seq = event.lane, GENESIS_HASH, 1
            problem = _check(event, expected_seq, expected_prev)
            if problem:
                return VerifyResult(False, checked, problem, event.id)
            if noted.get(event.lane) == event.seq:
                at_marks[event.lane] = event.hash
            expected_prev, expected_seq = event.hash, event.seq + 1
            checked += 1
            if progress and checked % 5000 == 0 and progress(checked) is False:
                return VerifyResult(True, checked)
    if lane is not None:
        heads.append((lane, expected_seq - 1, expected_prev))
    found = anchor_problem(anchor, {lane: seq for lane, seq, _ in heads}, at_marks) if anchor else ""
    return VerifyResult(True, checked, anchor=anchor_of(heads), lanes=len(heads), anchor_problem=found)


HEADS = text("""
WITH RECURSIVE lanes(lane) AS (
    SELECT min(e.lane) FROM audit_event e
    UNION ALL
    SELECT (SELECT min(e.lane) FROM audit_event e WHERE e.lane > l.lane) FROM lanes l WHERE l.lane IS NOT NULL
)
SELECT h.lane, h.seq, h.hash FROM lanes l JOIN audit_event h ON h.lane = l.lane
    AND h.seq = (SELECT max(m.seq) FROM audit_event m WHERE m.lane = l.lane)
ORDER BY h.lane
""")


def audit_heads(store: Store) -> list[tuple[int, int, str]]:
    """``(lane, seq, hash)`` of each lane's last event, read without walking the trail (each
    lane found and its last event read through the ``(lane, seq)`` index).

    On PostgreSQL through ``vipdesk_audit_heads()`` (migration 0028): row-level security shows
    staff only their branch subtree's events, yet a staff login must be able to print the whole
    trail's anchor; the function reveals each lane's last seq and hash, no content. SQLite has
    no such scope: the same question is asked directly.
    """
    with store.read() as session:
        if store.kind == "postgresql":
            rows = session.execute(text("SELECT lane, head_seq, head_hash FROM vipdesk_audit_heads()"))
        else:
            rows = session.execute(HEADS)
        return [(int(lane), int(seq), str(head)) for lane, seq, head in rows]


def current_anchor(store: Store) -> Anchor:
    """The anchor of the trail as it stands now (printed on the day-end stock reconciliation).

    Unlike :func:`verify_chain` this checks nothing: it notes where the trail stands, so that a
    later ``audit verify --anchor`` can prove it has only grown since."""
    return anchor_of(audit_heads(store))


def _check(event: AuditEvent, expected_seq: int, expected_prev: str) -> str:
    where = f"lane {event.lane}, event {event.seq} (id {event.id}"
    if event.seq != expected_seq:
        return (f"lane {event.lane}, event {expected_seq} is missing (the lane jumps to event {event.seq}, "
                f"id {event.id})" if event.seq > expected_seq else f"{where}) is out of order")
    if event.prev_hash != expected_prev:
        return f"{where}) does not follow event {event.seq - 1}: an event was removed or inserted"
    fields = EventFields(event.seq, event.occurred_at, event.actor_id, event.actor_name,
                         event.branch_id, event.action, event.entity, event.entity_id,
                         event.before, event.after)
    if digest(event.prev_hash, fields) != event.hash:
        return f"{where}, {event.action}) was changed after it was written"
    return ""


EXPORT_HEADER = (
    QT_TRANSLATE_NOOP("exports", "Event"),
    QT_TRANSLATE_NOOP("exports", "Occurred at"),
    QT_TRANSLATE_NOOP("exports", "Actor"),
    QT_TRANSLATE_NOOP("exports", "Branch"),
    QT_TRANSLATE_NOOP("exports", "Action"),
    QT_TRANSLATE_NOOP("exports", "Record"),
    QT_TRANSLATE_NOOP("exports", "Record ID"),
    QT_TRANSLATE_NOOP("exports", "Before"),
    QT_TRANSLATE_NOOP("exports", "After"),
)


def iter_export_rows(store: Store, actor: Actor, audit_filter: AuditFilter) -> Iterator[list[str]]:
    """Every event in scope matching the filter, oldest first, a page at a time."""
    require(actor, Permission.EXPORT_AUDIT)
    after = 0
    while True:
        with store.read() as session:
            query = _scoped(actor, audit_filter, everything=whole_tree(session, actor))
            rows = session.execute(query.where(AuditEvent.id > after).order_by(AuditEvent.id).limit(2000)).all()
            page = _rows(session, rows)
        if not page:
            return
        for row in page:
            yield [str(row.number), zoned(row.occurred_at),
                   row.actor_name, row.branch_code, row.action, row.entity, row.entity_id,
                   row.before, row.after]
        after = page[-1].number


def export_audit(store: Store, actor: Actor, out: Path, audit_filter: AuditFilter = AuditFilter(), *,
                 say: Say | None = None, progress: Callable[[int], bool] | None = None) -> int:
    """Write the trail in scope to ``out`` as a CSV export (:func:`app.outfile.export_csv`),
    times on the business clocks with their offset.

    ``progress`` gets the count written so far; when it returns False the export stops with
    :class:`app.errors.Cancelled`, ``out`` is left untouched and nothing is audited.
    """
    require(actor, Permission.EXPORT_AUDIT)
    return export_csv(store, actor, out, header=EXPORT_HEADER, rows=iter_export_rows(store, actor, audit_filter),
                      action="audit.export", entity="audit_event", say=say, progress=progress,
                      codes={4: Codes("audit", AUDIT_ACTIONS), 5: Codes("audit", AUDIT_ENTITIES)})
