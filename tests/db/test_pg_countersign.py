"""On-the-spot authorisation on PostgreSQL against a server that really checks passwords: the
maker is signed in as their own login; the checker's user name and password open a connection
as the checker's login, over which the confirmation runs, so the database itself judges and
audits the checker. Wrong passwords count against the checker; the connection is closed after.
"""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select

from app.audit.trail import verify_chain
from app.auth.gate import LOCKED, WRONG_CREDENTIALS
from app.auth.signin import sign_in
from app.demo import DEMO_PASSWORD, build_demo
from app.errors import AuthError, PermissionDenied
from app.stock import moves, views
from db.engine import make_engine
from db.migrate import upgrade
from db.models import AuditEvent, StaffAccount, StockMove
from tests.pg_support import create_database, drop_database, reset_database
from tests.conftest import keyed

pytestmark = pytest.mark.pg


@pytest.fixture(scope="module")
def scram_db(pg_scram_server_url):
    owner_url = create_database(pg_scram_server_url, owner="vipdesk_cs_owner", owner_password="Owner-Pass-2026")
    database = owner_url.rsplit("/", 1)[1]
    engine = make_engine(owner_url)
    upgrade(engine)
    engine.dispose()
    yield {"owner_url": owner_url, "superuser_url": f"{pg_scram_server_url}/{database}"}
    drop_database(pg_scram_server_url, database)
    with psycopg.connect(pg_scram_server_url + "/postgres", autocommit=True) as conn:
        conn.execute("DROP ROLE vipdesk_cs_owner")


@pytest.fixture
def store(scram_db):
    reset_database(scram_db["superuser_url"])
    engine = make_engine(scram_db["owner_url"])
    store = keyed(engine)
    build_demo(store)
    yield store
    engine.dispose()


def _account(store, username) -> StaffAccount:
    with store.read() as session:
        found = session.scalar(select(StaffAccount).where(StaffAccount.username == username))
        session.expunge_all()
        return found


def _connections_of(scram_db, role: str) -> int:
    with psycopg.connect(scram_db["superuser_url"], autocommit=True) as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (role,)).fetchone()[0]


def test_the_checker_authorises_on_the_makers_pc_as_their_own_login(store, scram_db):
    maker = sign_in(store, "custodian", DEMO_PASSWORD)
    try:
        receipt = moves.receive(maker.store, maker.actor, card_type="gold", serials="A00001000-A00001009",
                                count=None)
        with pytest.raises(AuthError) as caught:
            moves.confirm_on_the_spot(maker.store, maker.actor, receipt.id, username="custodian2",
                                      password="not-the-password")
        assert caught.value.template == WRONG_CREDENTIALS
        assert _account(store, "custodian2").failed_signins == 1         # their lock-out, not the maker's
        assert _account(store, "custodian").failed_signins == 0
        with pytest.raises(PermissionDenied, match="signed in on this PC"):
            moves.confirm_on_the_spot(maker.store, maker.actor, receipt.id, username="custodian",
                                      password=DEMO_PASSWORD)

        done = moves.confirm_on_the_spot(maker.store, maker.actor, receipt.id, username="custodian2",
                                         password=DEMO_PASSWORD)
        assert done.status == "done"
        checker_role = _account(store, "custodian2").db_role
        assert _connections_of(scram_db, checker_role) == 0            # closed once done
        with maker.store.read() as session:                              # the maker is still in
            move = session.get(StockMove, receipt.id)
            event = session.scalars(select(AuditEvent).where(
                AuditEvent.action == "stock.receive.confirm", AuditEvent.entity_id == str(receipt.id))).one()
            assert (move.checked_by_name, event.actor_name) == ("custodian2", "custodian2")
            assert event.actor_id == _account(store, "custodian2").id
            assert '"on_the_spot_at":"custodian"' in event.after
        assert receipt.id not in {m.id for m in views.pending_moves(maker.store, maker.actor)}
        assert verify_chain(store).intact
    finally:
        maker.store.engine.dispose()


def test_a_locked_checker_is_refused_and_the_move_stays_pending(store, scram_db):
    maker = sign_in(store, "custodian", DEMO_PASSWORD)
    try:
        receipt = moves.receive(maker.store, maker.actor, card_type="gold", serials="A00002000", count=1)
        for _ in range(4):
            with pytest.raises(AuthError):
                moves.confirm_on_the_spot(maker.store, maker.actor, receipt.id, username="custodian2",
                                          password="not-the-password")
        with pytest.raises(AuthError) as caught:
            moves.confirm_on_the_spot(maker.store, maker.actor, receipt.id, username="custodian2",
                                      password="not-the-password")
        assert caught.value.template == LOCKED
        with pytest.raises(AuthError) as caught:                         # the right password, too late
            moves.confirm_on_the_spot(maker.store, maker.actor, receipt.id, username="custodian2",
                                      password=DEMO_PASSWORD)
        assert caught.value.template == LOCKED
        assert receipt.id in {m.id for m in views.my_moves_awaiting(maker.store, maker.actor)}
    finally:
        maker.store.engine.dispose()
