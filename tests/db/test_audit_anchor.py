"""Audit anchors on both engines: a trail that grew holds its anchor; one cut back past it (even
when written again since, so that its chain verifies) or rewritten at or before it does not,
and the lane is named; ``audit verify --anchor`` says so with its exit status and one line."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.actor import Actor
from app.audit.anchor import anchor_of, parse_anchor
from app.audit.chain import EventFields, digest
from app.audit.trail import audit_heads, current_anchor, verify_chain
from db.models import AuditEvent
from tests.db.test_cli import run


def write(store, count: int) -> None:
    """``count`` ordinary writes, each one audit event."""
    for i in range(count):
        with store.write(Actor.batch("test")) as uow:
            uow.audit("setting.update", "setting", f"k{i}", after={"value": i})


@pytest.fixture(autouse=True)
def no_events(store):
    """A store starts with its data keys given (one audit event): these tests count the trail's
    events from the first, so they start from none."""
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event"))


@pytest.fixture
def trail(store):
    """Two lanes: lane 1 with events 1-5 (moved there whole: still a valid chain of its own),
    lane 0 with events 1-4 (written after the move)."""
    write(store, 5)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET lane = 1"))
    write(store, 4)
    return store


def cut(store, lane: int, keep: int) -> None:
    """Delete the newest events of ``lane``, keeping events 1..keep."""
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE lane = :l AND seq > :k"), {"l": lane, "k": keep})


def edit(store, lane: int, seq: int, *, rehash: bool) -> None:
    """Change one event's content; with ``rehash`` re-chain the lane from there on, as someone
    who knows the digest would, so that the chain itself verifies."""
    with Session(store.engine) as session, session.begin():
        events = session.scalars(select(AuditEvent).where(AuditEvent.lane == lane, AuditEvent.seq >= seq)
                                 .order_by(AuditEvent.seq)).all()
        events[0].actor_name = "someone"
        if not rehash:
            return
        prev = events[0].prev_hash
        for event in events:
            event.prev_hash, event.hash = prev, digest(prev, EventFields(
                event.seq, event.occurred_at, event.actor_id, event.actor_name, event.branch_id,
                event.action, event.entity, event.entity_id, event.before, event.after))
            prev = event.hash


def test_the_anchor_names_every_lane_and_is_the_same_read_either_way(trail):
    result = verify_chain(trail)
    assert result.intact and result.lanes == 2
    assert result.anchor == current_anchor(trail)  # the walk's heads and the heads read directly
    assert [(m.lane, m.seq) for m in result.anchor.marks] == [(0, 4), (1, 5)]
    assert parse_anchor(result.anchor.text()) == result.anchor


def test_an_empty_trail(store):
    assert audit_heads(store) == []
    assert verify_chain(store).anchor == current_anchor(store) == anchor_of([])


def test_a_trail_that_grew_holds_the_anchor(trail):
    noted = current_anchor(trail)
    write(trail, 3)
    with trail.engine.begin() as conn:  # and a new lane appears (a busy day on PostgreSQL)
        conn.execute(text("UPDATE audit_event SET lane = 2 WHERE lane = 0 AND seq > 4"))
        conn.execute(text("UPDATE audit_event SET seq = seq - 4 WHERE lane = 2"))
        first = conn.execute(text("SELECT id FROM audit_event WHERE lane = 2 AND seq = 1")).scalar()
        conn.execute(text("UPDATE audit_event SET prev_hash = :g WHERE id = :i"), {"g": "0" * 64, "i": first})
    edit(trail, 2, 1, rehash=True)  # lane 2 re-chained from the start, as its writer would have
    result = verify_chain(trail, anchor=noted)
    assert result.intact and result.anchor_problem == "", result.anchor_problem
    assert result.lanes == 3 and result.anchor != noted


@pytest.mark.parametrize("written_again, says", [
    (1, "lane 0 was cut back past the anchor: it ends at event 2, the anchor noted event 4"),
    (5, "lane 0 no longer holds the anchor's event 4 (that event has another hash)"),
])
def test_newest_events_deleted_then_more_writes(trail, written_again, says):
    noted = current_anchor(trail)
    cut(trail, 0, keep=1)
    write(trail, written_again)
    result = verify_chain(trail, anchor=noted)
    assert result.intact  # the chain alone cannot tell: every lane is a valid chain
    assert result.anchor_problem.startswith(says), result.anchor_problem


def test_a_lane_cut_back_with_nothing_written_since_is_named(trail):
    noted = current_anchor(trail)
    write(trail, 2)  # lane 0 grows
    cut(trail, 1, keep=3)
    result = verify_chain(trail, anchor=noted)
    assert result.intact and result.anchor_problem == (
        "lane 1 was cut back past the anchor: it ends at event 3, the anchor noted event 5")


@pytest.mark.parametrize("seq", [2, 5])  # before the anchor's event, and the anchor's event itself
def test_an_event_at_or_before_the_anchor_edited(trail, seq):
    noted = current_anchor(trail)
    write(trail, 2)
    edit(trail, 1, seq, rehash=False)
    broken = verify_chain(trail, anchor=noted)
    assert not broken.intact and f"lane 1, event {seq} (id" in broken.problem  # as without an anchor
    edit(trail, 1, seq, rehash=True)
    rewritten = verify_chain(trail, anchor=noted)
    assert rewritten.intact
    assert rewritten.anchor_problem.startswith("lane 1 no longer holds the anchor's event 5"), rewritten.anchor_problem


def test_an_event_after_the_anchor_may_be_anything_the_chain_allows(trail):
    """The anchor vouches for the trail up to it; what came after is the chain walk's to check."""
    noted = current_anchor(trail)
    write(trail, 3)
    edit(trail, 0, 6, rehash=True)
    assert verify_chain(trail, anchor=noted).anchor_problem == ""


# -- the command line ---------------------------------------------------------------------------


def _url(store, request) -> str:
    if store.kind == "postgresql":
        return request.getfixturevalue("pg_database_url")
    return store.engine.url.render_as_string(hide_password=False)


def test_cli_prints_the_anchor_and_checks_one(trail, request):
    url = _url(trail, request)
    done = run("audit", "verify", "--db", url)
    assert done.returncode == 0, done.stderr
    line, = done.stdout.strip().splitlines()
    assert line.startswith("audit chain intact: 9 events in 2 lanes, anchor VDA1-")
    noted = line.rsplit(" ", 1)[1]
    assert noted == current_anchor(trail).text()

    write(trail, 2)
    done = run("audit", "verify", "--anchor", noted, "--db", url)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.strip().splitlines()[1] == f"the trail holds the anchor {noted}: it has only grown since"

    cut(trail, 0, keep=2)
    write(trail, 1)
    done = run("audit", "verify", "--anchor", noted, "--db", url)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "audit trail does not hold the anchor: lane 0 was cut back past the anchor: it ends at event 3, "
        "the anchor noted event 4"]

    edit(trail, 1, 3, rehash=False)
    with trail.engine.connect() as conn:
        edited = conn.execute(text("SELECT id FROM audit_event WHERE lane = 1 AND seq = 3")).scalar_one()
    done = run("audit", "verify", "--anchor", noted, "--db", url)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"audit chain broken: lane 1, event 3 (id {edited}, setting.update) was changed after it was written"]


@pytest.mark.parametrize("anchor, message", [
    ("VDA1-0:4:ABCD-0123456789ABCDEF0123-0000", "error: Audit anchor: has a typing mistake"),
    ("6B3F9A0C2D4E1F07", "error: Audit anchor: is not an audit anchor"),
    ("VDA1-0:4-0123", "error: Audit anchor: is not written as VDA1-lane:event:hash,…-digest-check"),
])
def test_cli_a_mistyped_anchor_is_a_user_error_not_a_cut(tmp_path, anchor, message):
    url = f"sqlite:///{tmp_path / 'none.sqlite3'}"  # not even looked at: the anchor is read first
    done = run("audit", "verify", "--anchor", anchor, "--db", url)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    line, = done.stderr.splitlines()
    assert line.startswith(message), line


def test_cli_anchor_needs_its_text():
    done = run("audit", "verify", "--anchor")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "main.py audit verify: error: argument --anchor: expected one argument (see main.py audit verify --help)"]
