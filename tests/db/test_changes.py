"""A command reports what it changed (app.changes): the tables its committed units of work
wrote, on SQLite and PostgreSQL alike (ORM flushes, bulk updates, the store's functions and the
counter's one-statement commands), and nothing for a refused one."""

from __future__ import annotations

import pytest

from app.cards import issue
from app.changes import recorded, written_table
from app.errors import ConflictError
from app.queue import calling
from tests.db.carddata import approved, card_number
from tests.db.helpers import actor_named
from tests.db.queuehelp import make_queue
from tests.db.test_cards_services import _customer, cs  # noqa: F401 - the card store on both engines
from tests.db.test_queue_services import issue as issue_ticket


def test_issuing_a_card_reports_every_table_it_wrote(cs):  # noqa: F811 - the fixture
    application = approved(cs, _customer(cs))
    teller = actor_named(cs, "teller")
    outcome = recorded(lambda: issue.issue_card(cs, teller, application, serial="A00001000",
                                                card_number=card_number()))
    assert outcome.result.card_id
    assert {"vip_card", "card_application", "card_paperwork", "blank_card", "stock_move",
            "audit_event"} <= outcome.changes
    assert "customer" not in outcome.changes   # read, not written


def test_a_refused_command_reports_no_change(cs):  # noqa: F811 - the fixture
    application = approved(cs, _customer(cs))
    teller = actor_named(cs, "teller")
    issue.issue_card(cs, teller, application, serial="A00001000", card_number=card_number())

    def again():
        issue.issue_card(cs, teller, application, serial="A00001001", card_number=card_number())

    with pytest.raises(ConflictError):
        recorded(again)
    assert recorded(lambda: None).changes == frozenset()


def test_only_the_recorded_action_is_reported(cs):  # noqa: F811 - the fixture
    """Work outside a recording (a batch job) is not added to the next action's changes."""
    approved(cs, _customer(cs, "CARDC00002"))
    assert recorded(lambda: 1).changes == frozenset()


def test_a_counter_call_reports_the_queue_tables(demo_store):
    q = make_queue(demo_store)
    issue_ticket(q)
    outcome = recorded(lambda: calling.call_next(q.store, q.teller, q.desk1))
    assert outcome.result is not None
    assert {"queue_ticket", "audit_event"} <= outcome.changes


@pytest.mark.parametrize("statement, table", [
    ("INSERT INTO card_paperwork (kind) VALUES (?)", "card_paperwork"),
    ('update "queue_ticket" SET state = ?', "queue_ticket"),
    ("DELETE FROM aum_month WHERE month = ?", "aum_month"),
    ("SELECT * FROM vip_card", None),
    ("SELECT vipdesk_audit(CAST(? AS jsonb))", None),
])
def test_the_table_a_statement_writes(statement, table):
    assert written_table(statement, None) == table
