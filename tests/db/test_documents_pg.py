"""Documents on PostgreSQL as staff login roles: a teller makes and verifies a document as
their own login role (the template snapshot and the register row pass row-level security),
another branch cannot see it, nobody deletes a register row, only administrators store an
edited template; nobody on staff can read the document-signing key, yet their documents verify."""

from __future__ import annotations

import secrets

import pytest
from psycopg import errors
from sqlalchemy import select

from app.auth.accounts import actor_for
from app.demo import DEMO_PASSWORD
from app.documents import templates as tpl
from app.documents.qr import Status
from app.documents.register import PieceData, RegisterFilter, make_document, register_page
from app.documents.verify import verify_document
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


def _a_count_report(store, actor):
    """A small physical-count report of BJ0101, made by ``actor`` over ``store``'s connection."""
    with store.read() as session:
        branch_id = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
    return make_document(store, actor, kind="report_stock_count", template_key="report_stock_count",
                         subject="盘点表 BJ0101", branch_id=branch_id,
                         pieces=[PieceData({"count_from": "2026-11-01", "count_to": "2026-11-27",
                                            "count_total": "0", "disagree_count": "0"})])


def test_a_teller_makes_and_verifies_a_document_as_their_own_login(demo):  # noqa: F811
    store, teller = _as(demo, "teller")
    sh_store, sh_teller = _as(demo, "sh_teller")
    try:
        made = _a_count_report(store, teller)
        payload = made.payloads[0]
        assert verify_document(store, teller, payload).status is Status.GENUINE
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
        assert saved.version == tpl.shipped("letter_expired").version + 1
        with store.read() as session:
            assert tpl.current(session, "letter_expired").version == saved.version
    finally:
        store.engine.dispose()


def test_staff_cannot_read_the_signing_key_yet_what_they_make_verifies(demo):  # noqa: F811
    from app.documents import qr
    from tests.documents.support import page_images, qr_codes

    for username in ("teller", "admin"):
        with connect_as(demo, username) as conn:
            for statement in ("SELECT key FROM vipdesk_private.document_signing_key",
                              "SELECT vipdesk_private.qr_mac('VD1.D.ABCDEFGHJK')"):
                with pytest.raises(errors.InsufficientPrivilege):
                    conn.execute(statement)
            assert conn.execute("SELECT count(*) FROM setting WHERE key = %s", (qr.KEY_SETTING,)).fetchone()[0] == 0
            with pytest.raises(errors.UndefinedFunction):  # no signing oracle at all (migration 0029)
                conn.execute("SELECT vipdesk_qr_sign(ARRAY['VD1.D.ZZZZZZZZZZ-1'])")
    store, teller = _as(demo, "teller")
    try:
        made = _a_count_report(store, teller)
        payload = qr_codes(page_images(made.pdf, dpi=110)[0])[0]
        assert verify_document(store, teller, payload).status is Status.GENUINE
        # The server computes the very HMAC the payload format defines (the owner may read the key).
        key = bytes(demo.owner.execute("SELECT key FROM vipdesk_private.document_signing_key").fetchone()[0])
        assert payload == qr.sign(key, "D", made.number) == made.payloads[0]
        assert qr.check_in(store, payload) == qr.check(key, payload)
        forged = qr.sign(secrets.token_bytes(32), "D", made.number)
        assert verify_document(store, teller, forged).status is Status.ALTERED
        assert qr.check_in(store, forged) == qr.check(key, forged) == qr.Check(
            Status.ALTERED, "D", made.number, qr.BAD_SIGNATURE)
        for damaged in (payload[:20], payload.lower(), "hello"):
            assert qr.check_in(store, damaged) == qr.check(key, damaged)
    finally:
        store.engine.dispose()


def test_the_key_moves_with_the_migration_down_and_up(pg_server_url):
    import base64
    import json

    import psycopg
    from alembic import command

    from db.migrate import _config as migrate_config, upgrade
    from tests.pg_support import create_database, drop_database

    url = create_database(pg_server_url)
    engine = make_engine(url)
    try:
        upgrade(engine, "0012")
        with psycopg.connect(url, autocommit=True) as conn:
            setting = conn.execute("SELECT value FROM setting WHERE key = 'documents.qr_key'").fetchone()[0]
        upgrade(engine)
        with psycopg.connect(url, autocommit=True) as conn:  # the codes already printed still verify
            key = bytes(conn.execute("SELECT key FROM vipdesk_private.document_signing_key").fetchone()[0])
            assert base64.b32encode(key).decode() == json.loads(setting)["key"]
            assert conn.execute("SELECT count(*) FROM setting WHERE key = 'documents.qr_key'").fetchone()[0] == 0
        command.downgrade(migrate_config(engine), "0012")
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute("SELECT value FROM setting WHERE key = 'documents.qr_key'").fetchone()[0] == setting
            assert conn.execute("SELECT to_regnamespace('vipdesk_private')").fetchone()[0] is None
    finally:
        engine.dispose()
        drop_database(pg_server_url, url.rsplit("/", 1)[1])
