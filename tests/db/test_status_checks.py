"""Every status column holds only the states of its machine, on both engines (migration 0037:
CHECK constraints on PostgreSQL, triggers of the same names on SQLite), and the migration's
copy of the states is the app's."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.cards import rules as cards
from app.care import rules as care
from app.queue import rules as queue
from app.stock import rules as stock
from app.stock.moves import MOVE_DONE, MOVE_PENDING, MOVE_REJECTED
from app.tiers import exceptions

MIGRATION = Path(__file__).resolve().parents[2] / "db/migrations/versions/0037_first_tier_and_status_checks.py"


def _migration():
    spec = importlib.util.spec_from_file_location("migration_0037", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


APP_STATES = {
    ("tier_exception", "status"): {to for _, to in exceptions.TRANSITIONS},
    ("blank_card", "state"): set(stock.STATES),
    ("stock_move", "status"): {MOVE_PENDING, MOVE_DONE, MOVE_REJECTED},
    ("stock_movement", "from_state"): set(stock.STATES),
    ("stock_movement", "to_state"): set(stock.STATES),
    ("contact_record", "follow_up_status"): set(care.FOLLOW_UP_STATUSES),
    ("complaint", "state"): set(care.COMPLAINT_STATES),
    ("card_application", "status"): set(cards.APPLICATION_STATUSES),
    ("vip_card", "status"): set(cards.CARD_STATUSES),
    ("queue_ticket", "state"): set(queue.STATE_LABELS),
}


def test_the_migrations_states_are_the_apps():
    assert {key: set(states) for key, states in _migration().STATUS_COLUMNS.items()} == APP_STATES


@pytest.mark.parametrize("table, column", sorted(APP_STATES))
def test_a_status_outside_the_machine_is_refused(demo_store, table, column):
    with demo_store.engine.connect() as conn:
        with conn.begin():
            row_id, state = conn.execute(text(f"SELECT id, {column} FROM {table} ORDER BY id LIMIT 1")).one()
        with pytest.raises(IntegrityError, match=f"ck_{table}_{column}"), conn.begin():
            conn.execute(text(f"UPDATE {table} SET {column} = 'bogus' WHERE id = :id"), {"id": row_id})
        with conn.begin():   # a state of the machine passes (PostgreSQL's guards let the owner through)
            conn.execute(text(f"UPDATE {table} SET {column} = :state WHERE id = :id"), {"id": row_id, "state": state})
