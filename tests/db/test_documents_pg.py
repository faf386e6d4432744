"""Documents on PostgreSQL as staff login roles: a teller makes and verifies a document as
their own login role (the template snapshot and the register row pass row-level security),
another branch cannot see it, nobody deletes a register row, only administrators store an
edited template."""

from __future__ import annotations

import pytest
from psycopg import errors
from sqlalchemy import select

from app.auth.accounts import actor_for
from app.demo import DEMO_PASSWORD
from app.documents import templates as tpl
from app.documents.qr import Status, sign, signing_key
from app.documents.register import PieceData, RegisterFilter, make_document, register_page
from app.documents.verify import verify
from app.errors import PermissionDenied
from app.store import Store
from db.engine import make_engine, normalise_url
from db.models import Branch, StaffAccount
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg


def _as(demo, username):  # noqa: F811
    engine = make_engine(normalise_url(demo.url).set(username=demo.prefix + username, password=DEMO_PASSWORD))
    store = Store(engine)
    with store.read() as session:
        actor = actor_for(session.scalar(select(StaffAccount).where(StaffAccount.username == username)))
    return store, actor


def test_a_teller_makes_and_verifies_a_document_as_their_own_login(demo):  # noqa: F811
    store, teller = _as(demo, "teller")
    sh_store, sh_teller = _as(demo, "sh_teller")
    try:
        with store.read() as session:
            branch_id = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
        made = make_document(store, teller, kind="report_stock_count", template_key="report_stock_count",
                             subject="盘点表 BJ0101", branch_id=branch_id,
                             pieces=[PieceData({"count_from": "2026-11-01", "count_to": "2026-11-27",
                                                "count_total": "0", "disagree_count": "0"})])
        payload = sign(signing_key(store, teller), "D", made.number)
        assert verify(store, teller, payload).status is Status.GENUINE
        assert [r.number for r in register_page(store, teller, RegisterFilter())] == [made.number]
        assert register_page(sh_store, sh_teller, RegisterFilter()) == []
        with connect_as(demo, "sh_teller") as conn:
            assert conn.execute("SELECT count(*) FROM document").fetchone()[0] == 0
            assert conn.execute("UPDATE document SET printed = 99").rowcount == 0
        with connect_as(demo, "teller") as conn:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("DELETE FROM document")
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("INSERT INTO document_template (key, version, source, body, created_at, created_by) "
                             "VALUES ('agreement', 99, 'edited', 'x', now(), 'teller')")
        with pytest.raises(PermissionDenied):
            tpl.save_template(store, teller, "letter_expired", tpl.shipped("letter_expired").body)
    finally:
        store.engine.dispose()
        sh_store.engine.dispose()


def test_an_administrator_saves_a_template_as_their_own_login(demo):  # noqa: F811
    store, admin = _as(demo, "admin")
    try:
        saved = tpl.save_template(store, admin, "letter_expired",
                                  tpl.shipped("letter_expired").body.replace("账户资金不受影响", "账户资金不受任何影响"))
        assert saved.version == 2
        with store.read() as session:
            assert tpl.current(session, "letter_expired").version == 2
    finally:
        store.engine.dispose()
