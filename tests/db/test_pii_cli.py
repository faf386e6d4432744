"""A store from before migration 0042 (ID numbers, phones and card numbers in clear) upgraded on
the command line: refused in one line without its master key, sealed by ``pii encrypt`` with
progress (resumable) or by ``db upgrade`` when the key is at hand, the clear columns dropped and
the file vacuumed so no byte of a number is left; then rotated and escrowed in two parts. New
stores (``db upgrade``, ``demo``, the GUI's demo) are sealed from their creation."""

from __future__ import annotations

from datetime import datetime

import main
from app.actor import Actor
from app.crypto import custody, vault
from app.opening import SEALED_FROM, open_store
from app.store import Store
from db.engine import make_engine
from db.migrate import revision_before, upgrade

# (CIF, ID number, phone): valid resident IDs (GB 11643 check digit)
CLEAR = [("OLD000001", "11010519491231002X", "13800138000"),
         ("OLD000002", "110105194912310010", "13912345678"),
         ("OLD000003", "310104198003071234", "")]


def _old_store(path) -> str:
    """A SQLite store at the revision before 0042 with a branch and customers in clear."""
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    upgrade(engine, revision_before(SEALED_FROM))
    now = datetime(2026, 1, 5, 9, 0)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO branch (id, code, name, level, parent_id, path, address, phone, active, version) "
                             "VALUES (1, 'HO', '总行', 'head_office', NULL, '/1/', '', '', 1, 1)")
        for cif, number, phone in CLEAR:
            conn.exec_driver_sql(
                "INSERT INTO customer (cif_no, name, name_pinyin, name_initials, gender, id_type, id_number, id_rev, "
                "birthday, phone, phone_rev, email, address, postcode, employer, department, title, occupation, "
                "important_dates, relatives, notes, branch_id, active, created_at, updated_at, version) VALUES "
                "(?, '张三', 'zhangsan', 'zs', 'female', 'resident_id', ?, ?, NULL, ?, ?, '', '', '', '', '', '', '', "
                "'[]', '[]', '', 1, 1, ?, ?, 1)", (cif, number, number[::-1], phone, phone[::-1], now, now))
    engine.dispose()
    return url


def _clear_bytes(folder) -> list[str]:
    """Which clear numbers (or their reversed copies) any store file in ``folder`` still holds."""
    data = b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("store.sqlite3"))
    values = [v for _, number, phone in CLEAR for v in (number, phone) if v]
    return [v for v in values if v.encode() in data or v[::-1].encode() in data]


def _search(store, typed):
    """The customers the search's plans find for ``typed`` (all of the one branch)."""
    from app.customers.search import plans_for, plan_query

    with store.read() as session:
        return [row for plan in plans_for(typed, store.keys)
                for row in session.execute(plan_query(plan, "sqlite", [1], 10))]


def test_an_old_store_is_refused_without_its_key_then_sealed_and_its_clear_numbers_gone(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "db"
    folder.mkdir()
    url = _old_store(folder / "store.sqlite3")
    key, new_key = tmp_path / "master.key", tmp_path / "master2.key"
    master = custody.new_master_key()                   # given keys under 0039 (keys init then)
    custody.write_key_file(key, master)
    engine = make_engine(url)
    vault.init_keys(Store(engine), Actor.batch("test"), master, "sm4-gcm")
    engine.dispose()

    assert main.main(["db", "upgrade", "--db", url]) == 2            # keys, but not on this PC
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pii encrypt --key-file" in err
    assert _clear_bytes(folder)                                      # nothing changed yet

    assert main.main(["pii", "encrypt", "--db", url, "--key-file", str(key)]) == 0
    out = capsys.readouterr()
    assert "customer: 3 of 3 sealed" in out.err and "clear columns dropped" in out.out
    assert _clear_bytes(folder) == []                                # vacuumed: not even a free page

    store = open_store(url, master=custody.read_key_file(key))
    assert [r.cif_no for r in _search(store, "13912345678")] == ["OLD000002"]
    assert [r.cif_no for r in _search(store, "002X")] == ["OLD000001"]
    assert [r.cif_no for r in _search(store, "310104198003071234")] == ["OLD000003"]
    store.engine.dispose()

    assert main.main(["keys", "rotate", "--db", url, "--key-file", str(key), "--new-key-file", str(new_key)]) == 0
    assert main.main(["keys", "split", "--db", url, "--key-file", str(key)]) == 2
    assert "did not wrap" in capsys.readouterr().err
    monkeypatch.setenv("VIPDESK_MASTER_KEY_FILE", str(new_key))
    assert main.main(["keys", "split", "--db", url]) == 0
    a, b = (line.split(": ")[1] for line in capsys.readouterr().out.splitlines())
    assert custody.combine(a, b) == custody.read_key_file(new_key)
    vault.open_ring(open_store(url), custody.combine(a, b))     # the escrowed parts open the store
    new_key.chmod(0o644)
    assert main.main(["keys", "split", "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "may be read by others" in err


def test_db_upgrade_seals_an_old_store_without_keys_under_a_new_key_of_this_pc(tmp_path, capsys, _key_folder):
    folder = tmp_path / "db"
    folder.mkdir()
    url = _old_store(folder / "store.sqlite3")
    before = set(_key_folder.iterdir())
    assert main.main(["db", "upgrade", "--db", url]) == 0
    assert "customer: 3 of 3 sealed" in capsys.readouterr().err
    (made,) = set(_key_folder.iterdir()) - before                   # its key: in this user's key folder
    assert made.stat().st_mode & 0o777 == 0o600
    assert _clear_bytes(folder) == []
    store = open_store(url)                                          # found by the key's fingerprint
    assert store.keys is not None and [r.cif_no for r in _search(store, "5678")] == ["OLD000002"]
    store.engine.dispose()
    assert main.main(["keys", "rotate", "--db", url, "--new-key-file", str(tmp_path / "new.key")]) == 0
    assert str(_key_folder) in capsys.readouterr().out                # this PC's custody follows the rotation
    assert len(set(_key_folder.iterdir()) - before) == 2
    assert [r.cif_no for r in _search(open_store(url), "002X")] == ["OLD000001"]


def test_a_new_store_has_keys_from_its_creation(tmp_path, capsys):
    url, key = f"sqlite:///{tmp_path / 'demo.sqlite3'}", tmp_path / "demo.key"
    assert main.main(["demo", "--db", url, "--customers", "80", "--key-file", str(key)]) == 0
    assert "sealed under the master key" in capsys.readouterr().out
    store = open_store(url, master=custody.read_key_file(key))
    assert store.keys is not None
    assert open_store(url).keys is None        # the key is where --key-file put it, not in this PC's custody


def test_the_guis_demo_store_is_sealed_and_carries_its_key_ring():
    from app.customers.search import customer_page, search_customers
    from tests.db.helpers import actor_named, sealed_number
    from ui.startup import open_for_gui

    opened = open_for_gui(None, True)
    try:
        store = opened.store
        assert store.keys is not None
        teller = actor_named(store, "teller")
        first = customer_page(store, teller).rows[0]
        number = sealed_number(store, "customer", first.id, "id_number")
        assert first.id_masked == number[:3] + "*" * 11 + number[-4:]
        assert first.id in [r.id for r in search_customers(store, teller, number[-6:])]
        assert first.id in [r.id for r in search_customers(store, teller, number)]
    finally:
        opened.close()
