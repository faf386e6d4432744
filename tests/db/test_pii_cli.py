"""``keys init|rotate|split`` and ``pii encrypt`` on the command line: a SQLite store sealed in
place with progress, its master key in a file only its owner reads, rotated, escrowed in two
parts; every mistake is one line and a non-zero exit."""

from __future__ import annotations

import main
from app.crypto import custody, vault
from app.opening import open_store


def test_encrypt_rotate_and_escrow_a_store(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    key, new_key = tmp_path / "master.key", tmp_path / "master2.key"
    assert main.main(["demo", "--db", url, "--customers", "120"]) == 0
    assert main.main(["pii", "encrypt", "--db", url, "--key-file", str(key)]) == 2
    assert "master key file" in capsys.readouterr().err
    assert main.main(["keys", "init", "--db", url, "--key-file", str(key), "--algorithm", "sm4-gcm"]) == 0
    assert key.stat().st_mode & 0o777 == 0o600
    assert main.main(["keys", "init", "--db", url, "--key-file", str(tmp_path / "again.key")]) == 2
    assert "data keys already" in capsys.readouterr().err and not (tmp_path / "again.key").exists()

    assert main.main(["pii", "encrypt", "--db", url, "--key-file", str(key)]) == 0
    out = capsys.readouterr()
    assert "customer: 120 of 120 sealed" in out.err and "120 customers" in out.out

    assert main.main(["keys", "rotate", "--db", url, "--key-file", str(key), "--new-key-file", str(new_key)]) == 0
    assert main.main(["pii", "encrypt", "--db", url, "--key-file", str(key)]) == 2
    assert "did not wrap" in capsys.readouterr().err
    monkeypatch.setenv("VIPDESK_MASTER_KEY_FILE", str(new_key))
    assert main.main(["keys", "split", "--db", url]) == 0
    a, b = (line.split(": ")[1] for line in capsys.readouterr().out.splitlines())
    assert custody.combine(a, b) == custody.read_key_file(new_key)
    vault.open_ring(open_store(url), custody.combine(a, b))     # the escrowed parts open the store

    parts = iter([a, b])
    monkeypatch.setattr(main.getpass, "getpass", lambda prompt: next(parts))
    assert main.main(["pii", "encrypt", "--db", url, "--key-parts"]) == 0   # nothing left to seal
    assert "0 customers" in capsys.readouterr().out
    new_key.chmod(0o644)
    assert main.main(["pii", "encrypt", "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "may be read by others" in err


def test_a_demo_store_is_sealed(tmp_path, capsys):
    from sqlalchemy import func, select

    from db.models import Customer, VipCard

    url, key = f"sqlite:///{tmp_path / 'demo.sqlite3'}", tmp_path / "demo.key"
    assert main.main(["demo", "--db", url, "--customers", "80", "--key-file", str(key)]) == 0
    assert "sealed under the master key" in capsys.readouterr().out
    store = open_store(url)
    vault.open_ring(store, custody.read_key_file(key))
    with store.read() as session:
        assert session.scalar(select(func.count()).where(Customer.id_number_index.is_(None))) == 0
        assert session.scalar(select(func.count()).where(VipCard.card_number_index.is_(None))) == 0


def test_the_guis_demo_store_is_sealed_and_carries_its_key_ring():
    from sqlalchemy import select

    from app.customers.search import customer_page, search_customers
    from db.models import Customer
    from tests.db.helpers import actor_named
    from ui.startup import open_for_gui

    opened = open_for_gui(None, True)
    try:
        store = opened.store
        assert store.keys is not None
        teller = actor_named(store, "teller")
        first = customer_page(store, teller).rows[0]
        with store.read() as session:
            number = session.scalar(select(Customer.id_number).where(Customer.id == first.id))
        assert first.id in [r.id for r in search_customers(store, teller, number[-6:])]
        assert first.id in [r.id for r in search_customers(store, teller, number)]
    finally:
        opened.close()
