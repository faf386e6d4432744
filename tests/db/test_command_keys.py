"""A creating command carries an idempotency key made on the PC (issue 27), on both engines: one
key per command, in the acting person's name, written with what the command created."""

from __future__ import annotations

from sqlalchemy import select, text

from app.queue import tickets
from db.models import CommandKey
from tests.db.helpers import actor_named


def test_a_ticket_issue_writes_its_own_key(demo_store):
    lobby = actor_named(demo_store, "lobby")
    with demo_store.read() as session:
        known = set(session.scalars(select(CommandKey.key)))
        service = session.execute(text("SELECT id FROM queue_service WHERE active ORDER BY id LIMIT 1")).scalar_one()
    tickets.issue_ticket(demo_store, lobby, service_id=service)
    tickets.issue_ticket(demo_store, lobby, service_id=service)
    with demo_store.read() as session:
        new = [row for row in session.execute(select(CommandKey.key, CommandKey.account_id, CommandKey.lost))
               if row.key not in known]
    assert len(new) == 2 and new[0].key != new[1].key
    assert {(row.account_id, row.lost) for row in new} == {(lobby.account_id, False)}
