"""No clear ID number, phone or card number, and no key, anywhere the store's bytes go: after the
demo, an import and a card issue, the raw bytes of a SQLite file, its WAL and a ``backup`` copy
and of a ``pg_dump`` hold none of the known numbers; PostgreSQL's duplicate-key message (what
its server log records for a failed statement) names the blind index, never the number."""

from __future__ import annotations

import base64
import subprocess

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

import main
from app.crypto import custody
from app.crypto.keys import WrappedKey, unwrap
from app.customers.transfer import import_customers
from app.opening import open_store
from db.models import Customer, PiiKey
from tests.conftest import TEST_MASTER_KEY
from tests.db.carddata import give_card, set_tier, stock_drawer
from tests.db.helpers import sealed_numbers
from tests.db.test_customers_import import GOOD_LINES, write


def _secrets(store, master: bytes) -> list[bytes]:
    """The master key and each unwrapped data key, in the forms a file or a dump could hold them."""
    with store.read() as session:
        keys = [unwrap(master, WrappedKey(k.id, k.purpose, k.algorithm, bytes(k.wrapped), bytes(k.master_check)))
                for k in session.scalars(select(PiiKey))]
    forms = []
    for key in [master, *keys]:
        forms += [key, key.hex().encode(), base64.b32encode(key), base64.b64encode(key)]
    return forms


def _known_numbers(store) -> list[str]:
    """Every ID number, phone and card number the store seals, opened: what must not be in clear."""
    numbers = [*sealed_numbers(store, "customer", "id_number").values(),
               *sealed_numbers(store, "customer", "phone").values(),
               *sealed_numbers(store, "vip_card", "card_number").values()]
    assert len(numbers) > 100
    return numbers


def _leaks(data: bytes, numbers: list[str]) -> list[str]:
    """The numbers found in ``data``: as written, digits reversed (the old tail-search copies),
    as UTF-16 (a Windows tool's export) and, for a phone with separators, its digits."""
    return [n for n in numbers if n.encode() in data or n[::-1].encode() in data or n.encode("utf-16-le") in data]


def _import_and_issue(store, batch, tmp_path) -> None:
    import_customers(store, batch, write(tmp_path / "core.csv", GOOD_LINES))
    stock_drawer(store)
    with store.read() as session:
        zhang = session.scalar(select(Customer.id).where(Customer.cif_no == "CIF000001"))
    set_tier(store, zhang, "gold")
    give_card(store, zhang, "A00001000")


def test_no_clear_number_or_key_in_a_sqlite_store_its_wal_or_its_backup(tmp_path, batch, monkeypatch):
    folder = tmp_path / "db"
    folder.mkdir()
    url, key_file = f"sqlite:///{folder / 'store.sqlite3'}", tmp_path / "master.key"
    assert main.main(["demo", "--db", url, "--customers", "60", "--key-file", str(key_file)]) == 0
    master = custody.read_key_file(key_file)
    store = open_store(url, master=master)
    _import_and_issue(store, batch, tmp_path)
    assert main.main(["backup", str(folder / "copy.sqlite3"), "--db", url]) == 0
    numbers = _known_numbers(store)
    assert {"13800138000", "02165123456"} & set(numbers) or "021-6512 3456" in numbers
    forms = _secrets(store, master)
    files = [p for p in folder.iterdir() if p.name.startswith(("store.sqlite3", "copy.sqlite3"))]
    assert any(p.name.endswith("-wal") for p in files) and len(files) >= 3
    for path in files:
        data = path.read_bytes()
        assert not _leaks(data, numbers), path.name
        assert not [f for f in forms if f in data], path.name


def test_no_clear_number_or_key_in_a_pg_dump(pg_demo_store, pg_database_url, batch, tmp_path):
    _import_and_issue(pg_demo_store, batch, tmp_path)
    numbers = _known_numbers(pg_demo_store)
    dump = subprocess.run(["pg_dump", "--no-owner", pg_database_url], capture_output=True, check=True).stdout
    assert b"COPY public.sealed_value" in dump and b"COPY public.pii_key" in dump
    assert not _leaks(dump, numbers)
    assert not [f for f in _secrets(pg_demo_store, TEST_MASTER_KEY) if f in dump]


def test_a_duplicate_id_number_is_refused_without_saying_it(pg_demo_store):
    """Uniqueness is on the blind index: PostgreSQL's message (its DETAIL, which the server log
    records with the failed statement, and with its parameters when told to:
    test_pg_server_log.py) shows the index's bytes, never the ID number."""
    with pg_demo_store.read() as session:
        other = session.scalar(select(Customer).where(Customer.id_type == "resident_id").limit(1))
        values = {c: getattr(other, c) for c in ("name", "name_pinyin", "name_initials", "gender", "id_type",
                                                 "id_masked", "id_number_index", "branch_id", "created_at",
                                                 "updated_at")}
        other_id = other.id
    number = sealed_numbers(pg_demo_store, "customer", "id_number")[other_id]
    with pytest.raises(IntegrityError) as refused, pg_demo_store.engine.begin() as conn:
        conn.execute(insert(Customer).values(cif_no="DUP000001", **values))
    message = str(refused.value.orig)
    assert "uq_customer_id_number_index" in message and "id_number_index" in message
    assert number not in message and number[-8:] not in message and number[::-1] not in message
