"""The master key and the data keys it wraps are in neither the database nor its backups: not in
a SQLite file, its WAL or a `backup` copy, not in a pg_dump; the sealed values and blind
indexes hold no number in clear."""

from __future__ import annotations

import base64
import subprocess

from sqlalchemy import select

import main
from app.crypto import custody
from app.crypto.keys import WrappedKey, unwrap
from app.crypto.sealing import seal_store
from db.models import Customer, CustomerTail, PiiKey, SealedValue


def _secrets(store, master: bytes) -> list[bytes]:
    """The master key and each unwrapped data key, in the forms a file or a dump could hold them."""
    with store.read() as session:
        keys = [unwrap(master, WrappedKey(k.id, k.purpose, k.algorithm, bytes(k.wrapped), bytes(k.master_check)))
                for k in session.scalars(select(PiiKey))]
    forms = []
    for key in [master, *keys]:
        forms += [key, key.hex().encode(), base64.b32encode(key), base64.b64encode(key)]
    return forms


def _numbers_in_sealed_tables(store) -> list[str]:
    with store.read() as session:
        numbers = [n for row in session.execute(select(Customer.id_number, Customer.phone)) for n in row if n]
        stored = b"".join(bytes(s) for s in session.scalars(select(SealedValue.sealed)))
        stored += b"".join(bytes(d) for d in session.scalars(select(CustomerTail.digest)))
    return [n for n in numbers if n.encode() in stored or n[-8:].encode() in stored]


def test_no_key_in_a_sqlite_store_its_wal_or_its_backup(tmp_path, capsys):
    url, key_file = f"sqlite:///{tmp_path / 'store.sqlite3'}", tmp_path / "master.key"
    assert main.main(["demo", "--db", url, "--customers", "60", "--key-file", str(key_file)]) == 0
    assert main.main(["backup", str(tmp_path / "copy.sqlite3"), "--db", url]) == 0
    from app.opening import open_store

    store = open_store(url)
    forms = _secrets(store, custody.read_key_file(key_file))
    files = [p for p in tmp_path.iterdir() if p.name.startswith(("store.sqlite3", "copy.sqlite3"))]
    assert len(files) >= 2
    for path in files:
        data = path.read_bytes()
        assert not [f for f in forms if f in data], path.name
    assert _numbers_in_sealed_tables(store) == []


def test_no_key_in_a_pg_dump(pg_demo_store, pg_database_url, batch):
    master = custody.new_master_key()
    seal_store(pg_demo_store, batch, master)
    dump = subprocess.run(["pg_dump", "--no-owner", pg_database_url], capture_output=True, check=True).stdout
    assert b"COPY public.sealed_value" in dump and b"COPY public.pii_key" in dump
    assert not [f for f in _secrets(pg_demo_store, master) if f in dump]
    assert _numbers_in_sealed_tables(pg_demo_store) == []
