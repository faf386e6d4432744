"""The PostgreSQL server log holds no clear ID number, phone or card number and no key, even when
the administrator logs everything: a private server logging every statement with every
parameter in full (also for a failed statement) and every connection, on which a store is made,
filled with the demo, given an import, a card issue as the teller, a reveal by the branch
manager, an ID number refused as a duplicate by the database's unique index, searches by
number and a statement the database refuses; then its log file is read.

Full values are what must not be there: as written, as digits only (a phone's separators) and
reversed (the old tail-search copies). Parts of a number are not searched for: every mask shows
its first 3 and last 4 characters (``138****8000``), and the log holds the masked columns.

The signing key a new store is given by migrations 0009 and 0013 is in the log (made in the
client, sent as a parameter): an expected failure until those migrations are changed.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import select, text

from app.actor import Actor
from app.cards import applications, issue
from app.customers import records
from app.customers.fields import CustomerInput
from app.customers.rules import mask_id
from app.customers.search import search_customers
from app.customers.transfer import import_customers
from app.documents.qr import make_key
from app.demo import DEMO_PASSWORD
from app.errors import PermissionDenied, ValidationError
from db.models import Branch, Customer
from tests.conftest import TEST_MASTER_KEY
from tests.db.carddata import card_number, set_tier, stock_drawer
from tests.db.lastline import signed_in
from tests.db.test_customers import ID_ZHANG
from tests.db.test_customers_import import GOOD_LINES, ID_3, write
from tests.db.test_pii_custody import _known_numbers, _secrets
from tests.pg_support import create_database, demo_store_at, private_cluster_or_skip

pytestmark = pytest.mark.pg

# What a careless administrator turns on (postgresql.conf, here ALTER SYSTEM): every statement
# and its duration, every parameter in full, also a failed statement's, every connection.
LOG_EVERYTHING = {
    "log_statement": "all",
    "log_min_duration_statement": "0",
    "log_parameter_max_length": "-1",
    "log_parameter_max_length_on_error": "-1",
    "log_min_error_statement": "info",
    "log_error_verbosity": "verbose",
    "log_connections": "on",
    "log_disconnections": "on",
}
OWNER, OWNER_PASSWORD = "vipdesk_log_owner", "Owner-Pass-2026"
BAD_LINE = "CIF000004,赵六,居民身份证,110105194912310021,13800138004,BJ0101,"   # wrong check digit
REFUSED_PHONE = "13700137001"     # the phone of a customer refused for a duplicate ID number


def _log_everything(server_url: str) -> None:
    """Set LOG_EVERYTHING server-wide and wait until a new session sees it."""
    with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
        for name, value in LOG_EVERYTHING.items():
            conn.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value)))
        conn.execute("SELECT pg_reload_conf()")
    for _ in range(100):
        with psycopg.connect(server_url + "/postgres") as conn:
            if conn.execute("SHOW log_parameter_max_length_on_error").fetchone()[0] == "-1":
                return
    raise AssertionError("the server did not take the logging settings")


def _work(store, url: str, tmp_path) -> dict[str, str]:
    """The day's work on the store, each step through the services; returns the numbers it
    typed that the store does not keep (the bad line's, the refused customer's), by name."""
    batch = Actor.batch("test")
    result = import_customers(store, batch, write(tmp_path / "core.csv", [*GOOD_LINES, BAD_LINE]), skip_bad=True)
    assert (result.inserted, result.rows_skipped) == (3, 1)
    stock_drawer(store)
    with store.read() as session:
        zhang = session.scalar(select(Customer.id).where(Customer.cif_no == "CIF000001"))
        bj0101 = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
    set_tier(store, zhang, "gold")
    issued = card_number("gold")
    with store.read() as session:
        prefix = session.scalar(text("SELECT vipdesk_role_prefix()"))
    staff = SimpleNamespace(url=url, prefix=prefix, store=store)
    with signed_in(staff, "advisor", "manager", "teller") as [(at_advisor, advisor), (at_manager, manager),
                                                              (at_teller, teller)]:
        application = applications.submit_application(at_advisor, advisor, zhang, kind="new", card_type="gold")
        applications.decide_application(at_manager, manager, application.id, approve=True, comment="同意")
        issue.issue_card(at_teller, teller, application.id, serial="A00001000", card_number=issued)
        assert records.reveal(at_manager, manager, zhang, "id_number") == ID_ZHANG
        assert records.reveal(at_manager, manager, zhang, "phone") == "13800138000"
        for typed in (ID_ZHANG, "13800138000", issued):
            assert [row.id for row in search_customers(at_teller, teller, typed)] == [zhang], typed
        # 王五's ID number, at SH0101: hidden from BJ0101 by row-level security, so only the
        # unique index on the blind index refuses it (a duplicate-key error at the server)
        with pytest.raises(ValidationError):
            records.create_customer(at_advisor, advisor, CustomerInput(
                cif_no="CIF000009", name="重复", id_number=ID_3, phone=REFUSED_PHONE, branch_id=bj0101))
        with pytest.raises(PermissionDenied), at_teller.read() as session:   # a statement the server refuses
            session.execute(text("SELECT vipdesk_reveal('customer', :id, 'id_number')"), {"id": zhang})
    return {"bad line's ID number": BAD_LINE.split(",")[3], "bad line's phone": BAD_LINE.split(",")[4],
            "refused customer's phone": REFUSED_PHONE, "issued card": issued}


def _forms(number: str) -> set[str]:
    """A full number as written, as its digits and letters only, and each of those reversed."""
    written, bare = number.upper(), re.sub(r"[^0-9X]", "", number.upper())
    return {written, bare, written[::-1], bare[::-1]}


def _found(log: str, numbers: list[str]) -> list[str]:
    """The numbers whose full value is in the log in one of its :func:`_forms`.

    One pass over the log's long runs of digits (and an ID's X), every window of each run
    looked up in a set, rather than a search of the whole log per number (the log is large);
    the few forms with separators are searched for as they are."""
    wanted = {form: number for number in numbers for form in _forms(number)}
    plain = {form for form in wanted if re.fullmatch(r"[0-9X]+", form)}
    lengths = sorted({len(form) for form in plain})
    log = log.upper()
    found = {wanted[form] for form in set(wanted) - plain if form in log}
    for run in re.findall(r"[0-9X]{%d,}" % lengths[0], log):
        for length in lengths:
            found |= {wanted[run[i:i + length]] for i in range(len(run) - length + 1) if run[i:i + length] in plain}
    return sorted(found)


def _signing_key(url: str) -> bytes:
    with psycopg.connect(url) as conn:
        return bytes(conn.execute("SELECT key FROM vipdesk_private.document_signing_key").fetchone()[0])


@pytest.fixture(scope="module")
def careless(tmp_path_factory):
    """The day's work on a store of a server that logs everything; its log, and what must not be
    in it: the numbers, the store's keys, the signing key the migrations made and the one the
    app makes (a store whose key was removed, as a demo or test store emptied)."""
    with private_cluster_or_skip() as cluster:
        _log_everything(cluster.url)
        url = create_database(cluster.url, owner=OWNER, owner_password=OWNER_PASSWORD)
        with demo_store_at(url) as store:
            typed = _work(store, url, tmp_path_factory.mktemp("log"))
            migrations_key = _signing_key(url)
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("DELETE FROM vipdesk_private.document_signing_key")
            make_key(store, Actor.batch("test"))
            numbers = [*_known_numbers(store), *typed.values()]
            keys = _secrets(store, TEST_MASTER_KEY)
        raw = cluster.log.read_bytes()
        yield SimpleNamespace(raw=raw, log=raw.decode("utf-8", errors="replace"), typed=typed, numbers=numbers,
                              keys=keys, migrations_key=migrations_key, app_key=_signing_key(url))


def test_the_log_is_the_careless_one(careless):
    """Statements with their parameters, a refused statement with its own, every connection; the
    import's rows are there, masked (the tails a mask shows may be in the log)."""
    log = careless.log
    assert "statement: " in log and "parameters: $1 = " in log and "connection authorized" in log
    assert "uq_customer_id_number_index" in log and "reveal_pii" in log
    assert "INSERT INTO sealed_value" in log and "vipdesk_reveal" in log
    assert mask_id(ID_ZHANG) in log and "138****8000" in log  # a parameter, or in a bulk batch's array


def test_no_clear_number_is_in_the_server_log(careless):
    assert {"13800138000", ID_ZHANG, ID_3, careless.typed["issued card"]} <= set(careless.numbers)
    assert not _found(careless.log, careless.numbers)


def test_no_data_key_master_key_or_password_is_in_the_server_log(careless):
    log = careless.raw
    assert not [key for key in careless.keys if key in log]
    assert careless.app_key != careless.migrations_key and careless.app_key.hex().encode() not in log
    assert DEMO_PASSWORD.encode() not in log


@pytest.mark.xfail(strict=True, reason="migration 0009 makes a new store's signing key in the client and "
                                       "0013 moves it, each as a statement parameter (README: the limits)")
def test_the_signing_key_a_new_store_is_given_is_not_in_the_server_log(careless):
    assert careless.migrations_key.hex().encode() not in careless.raw
