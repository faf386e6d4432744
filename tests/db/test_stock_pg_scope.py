"""The stock tables on PostgreSQL, as staff login roles: row-level security by branch subtree
(another branch's stock is invisible and cannot be moved), no register row deleted, and the
stock services working end to end as the signed-in teller (not the owner)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.auth.accounts import actor_for
from app.demo import DEMO_PASSWORD
from app.errors import ValidationError
from app.stock import moves, views
from app.store import Store
from db.engine import make_engine, normalise_url
from db.models import StaffAccount
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg
STOCK_TABLES = ["stock_location", "blank_card", "stock_move", "stock_movement", "stock_day",
                "stock_count", "stock_minimum"]


def test_other_branches_stock_is_invisible_and_unmovable(demo):  # noqa: F811
    total = demo.owner.execute("SELECT count(*) FROM blank_card").fetchone()[0]
    assert total > 0
    with connect_as(demo, "sh_teller") as conn:
        for table in STOCK_TABLES:
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
        assert conn.execute("UPDATE blank_card SET state = 'issued'").rowcount == 0
    with connect_as(demo, "teller") as conn:
        assert conn.execute("SELECT count(*) FROM blank_card").fetchone()[0] == total
        assert conn.execute("DELETE FROM blank_card WHERE state <> 'pending'").rowcount == 0
        with pytest.raises(Exception):  # noqa: B017 - no DELETE privilege on the register
            conn.execute("DELETE FROM stock_movement")


def test_the_teller_issues_as_their_own_login_role(demo):  # noqa: F811
    lowest = demo.owner.execute(
        "SELECT min(c.serial) FROM blank_card c JOIN stock_location l ON l.id = c.location_id "
        "JOIN staff_account a ON a.id = l.holder_id WHERE a.username = 'teller' "
        "AND c.card_type = 'platinum' AND c.state = 'in_stock'").fetchone()[0]
    engine = make_engine(normalise_url(demo.url).set(username=demo.prefix + "teller", password=DEMO_PASSWORD))
    sh_engine = make_engine(normalise_url(demo.url).set(username=demo.prefix + "sh_teller", password=DEMO_PASSWORD))
    try:
        store = Store(engine)
        with store.read() as session:
            teller = actor_for(session.scalar(select(StaffAccount).where(StaffAccount.username == "teller")))
        moves.issue_serial(store, teller, card_type="platinum", serial=lowest)
        card, history = views.serial_history(store, teller, lowest)
        assert card.state == "issued" and history[-1].to_state == "issued"
        sh_store = Store(sh_engine)
        with sh_store.read() as session:
            sh_teller = actor_for(session.scalar(select(StaffAccount).where(StaffAccount.username == "sh_teller")))
        with pytest.raises(ValidationError, match="not in the stock books"):
            moves.spoil(sh_store, sh_teller, card_type="platinum", serial=lowest, reason="越权")
        assert views.stock_by_location(sh_store, sh_teller) == []
    finally:
        engine.dispose()
        sh_engine.dispose()
