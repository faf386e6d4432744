"""Multi-host store URLs (issue 27): a private primary and its streaming standby, the standby
named first; the engine, the queue's live feed and a staff sign-in all land on the primary, in
both the SQLAlchemy and the libpq form of the URL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.auth.signin import sign_in
from app.demo import DEMO_PASSWORD
from app.queue import tickets
from app.queue.live import open_feed
from app.store import Store
from db.engine import describe, make_engine
from db.urls import parse_url, servers
from tests.db.helpers import actor_named
from tests.pg_support import (
    create_database,
    demo_store_at,
    private_cluster_or_skip,
    replicated_pair,
)

pytestmark = pytest.mark.pg
OWNER, OWNER_PASSWORD = "vipdesk_multihost_owner", "Owner-Pass-2026"


@pytest.fixture(scope="module")
def pair():
    with private_cluster_or_skip(replicated_pair) as started:
        yield started


@pytest.fixture(scope="module")
def database(pair) -> str:
    """A demo store made on the primary and replayed on the standby; its name."""
    url = create_database(pair.primary.url, owner=OWNER, owner_password=OWNER_PASSWORD)
    with demo_store_at(url):
        pair.caught_up()
    return url.rsplit("/", 1)[1]


def _sqlalchemy_form(pair, database: str) -> str:
    return (f"postgresql+psycopg://{OWNER}:{OWNER_PASSWORD}@/{database}?host=127.0.0.1:{pair.standby.port}"
            f"&host=127.0.0.1:{pair.primary.port}&target_session_attrs=read-write")


def _libpq_form(pair, database: str) -> str:
    return (f"postgresql://{OWNER}:{OWNER_PASSWORD}@127.0.0.1:{pair.standby.port},127.0.0.1:{pair.primary.port}"
            f"/{database}?target_session_attrs=read-write")


FORMS = [_sqlalchemy_form, _libpq_form]


def test_both_forms_read_as_the_same_servers_in_order():
    sqlalchemy = parse_url("postgresql+psycopg://u@/db?host=a:5432&host=b:5433&target_session_attrs=read-write")
    libpq = parse_url("postgresql://u@a:5432,b:5433/db?target_session_attrs=read-write")
    assert servers(sqlalchemy) == servers(libpq) == ["a:5432", "b:5433"]
    assert libpq.query["target_session_attrs"] == "read-write" and libpq.database == "db"
    assert servers(parse_url("postgresql://u:p%40ss@a,b:6000/db")) == ["a:5432", "b:6000"]
    assert parse_url("postgresql://u:p%40ss@a,b:6000/db").password == "p@ss"


@pytest.mark.parametrize("form", FORMS, ids=["sqlalchemy", "libpq"])
def test_the_engine_skips_the_standby_named_first(pair, database, form):
    engine = make_engine(form(pair, database))
    try:
        with engine.connect() as conn:
            in_recovery, port = conn.execute(text("SELECT pg_is_in_recovery(), inet_server_port()")).one()
        assert (in_recovery, port) == (False, pair.primary.port)
        assert describe(engine) == (f"PostgreSQL 127.0.0.1:{pair.standby.port},127.0.0.1:{pair.primary.port}"
                                    f"/{database}")
    finally:
        engine.dispose()


@pytest.mark.parametrize("form", FORMS, ids=["sqlalchemy", "libpq"])
def test_the_live_feed_listens_on_the_primary(pair, database, form):
    store = Store(make_engine(form(pair, database)))
    feed = open_feed(store.engine)
    try:
        lobby = actor_named(store, "lobby")
        service = _a_service(store)
        tickets.issue_ticket(store, lobby, service_id=service)
        assert feed.wait(5.0)
    finally:
        feed.close()
        store.engine.dispose()


@pytest.mark.parametrize("form", FORMS, ids=["sqlalchemy", "libpq"])
def test_a_counter_signs_in_on_the_primary(pair, database, form):
    store = Store(make_engine(form(pair, database)))
    signed = sign_in(store, "teller", DEMO_PASSWORD)
    try:
        with signed.store.read() as session:
            user, port = session.execute(text("SELECT current_user, inet_server_port()")).one()
        assert user.endswith("_teller") and port == pair.primary.port
        assert servers(signed.store.engine.url) == servers(parse_url(form(pair, database)))
    finally:
        signed.store.engine.dispose()
        store.engine.dispose()


def _a_service(store) -> int:
    with store.read() as session:
        return session.execute(text("SELECT id FROM queue_service WHERE active ORDER BY id LIMIT 1")).scalar_one()
