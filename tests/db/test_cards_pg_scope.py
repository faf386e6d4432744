"""The card tables on PostgreSQL, as staff login roles: row-level security by branch subtree
(another branch's applications, cards and paperwork are invisible and unchangeable, no row is
ever deleted), and the card services working end to end as the signed-in relationship manager,
branch manager and teller (not the owner)."""

from __future__ import annotations

import contextlib

import pytest
from psycopg import errors
from sqlalchemy import select

from app.auth.accounts import actor_for
from app.cards import applications, issue, paperwork, servicing, views
from app.demo import DEMO_PASSWORD
from app.errors import NotFound
from app.store import Store
from db.engine import make_engine, normalise_url
from db.models import StaffAccount
from tests.db.carddata import card_number
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg
CARD_TABLES = ["card_application", "vip_card", "card_paperwork"]


@contextlib.contextmanager
def signed_in(demo, username):  # noqa: F811
    """A store connected as ``username``'s own login role, and that person as an actor."""
    engine = make_engine(normalise_url(demo.url).set(username=demo.prefix + username, password=DEMO_PASSWORD))
    try:
        store = Store(engine, keys=demo.store.keys)
        with store.read() as session:
            actor = actor_for(session.scalar(select(StaffAccount).where(StaffAccount.username == username)))
        yield store, actor
    finally:
        engine.dispose()


def test_other_branches_cards_are_invisible_and_unchangeable(demo):  # noqa: F811
    for table in CARD_TABLES:
        assert demo.owner.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    with connect_as(demo, "sh_teller") as conn:
        for table in CARD_TABLES:
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
        assert conn.execute("UPDATE vip_card SET status = 'cancelled'").rowcount == 0
    with connect_as(demo, "teller") as conn:
        assert conn.execute("SELECT count(*) FROM vip_card").fetchone()[0] > 0
        for table in CARD_TABLES:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(f"DELETE FROM {table}")


def test_the_card_lifecycle_as_login_roles(demo):  # noqa: F811
    customer_id = demo.owner.execute(
        "SELECT c.id FROM customer c JOIN branch b ON b.id = c.branch_id JOIN customer_tier t ON t.id = c.id "
        "WHERE b.code = 'BJ010101' AND t.tier = 'platinum' AND NOT EXISTS (SELECT 1 FROM vip_card v WHERE v.customer_id = c.id) "
        "AND NOT EXISTS (SELECT 1 FROM card_application a WHERE a.customer_id = c.id) ORDER BY c.id LIMIT 1"
    ).fetchone()[0]
    with signed_in(demo, "advisor") as (store, advisor):
        application = applications.submit_application(store, advisor, customer_id, kind="new", card_type="platinum")
    with signed_in(demo, "manager") as (store, manager):
        applications.decide_application(store, manager, application.id, approve=True, comment="同意")
    with signed_in(demo, "teller") as (store, teller):
        serial = next(d.next_serial for d in views.my_drawer(store, teller) if d.card_type == "platinum")
        result = issue.issue_card(store, teller, application.id, serial=serial, card_number=card_number("platinum"))
        assert views.get_card(store, teller, result.card_id).status == "active"
        assert {p.kind for p in paperwork.paperwork_due(store, teller, card_id=result.card_id)} == {
            "agreement", "welcome"}
        servicing.report_loss(store, teller, result.card_id, reason="挂失")
    with signed_in(demo, "sh_teller") as (store, sh_teller):
        with pytest.raises(NotFound):
            views.get_card(store, sh_teller, result.card_id)
        with pytest.raises(NotFound):
            paperwork.letter_data(store, sh_teller, result.card_id)
