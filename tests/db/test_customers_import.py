"""Customer extract import and masked export on both engines, and their command lines."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

import main
from app.csvio import ImportRefused
from app.customers.transfer import export_customers, import_customers
from app.errors import Cancelled, PermissionDenied
from db.models import AuditEvent, Customer
from tests.db.helpers import actor_named
from tests.db.test_customers import ID_LI, ID_ZHANG, _valid

ID_3 = _valid("31010119750505002")
HEADER = "cif_no,name,id_type,id_number,phone,branch_code,email"
GOOD_LINES = [
    HEADER,
    f"CIF000001,张三,居民身份证,{ID_ZHANG},13800138000,BJ0101,zs@example.com",
    f"CIF000002,李四,resident_id,{ID_LI},139 0013 9000,BJ010101,",
    f"CIF000003,王五,身份证,{ID_3},021-6512 3456,SH0101,",
]


def write(path, lines, encoding="utf-8"):
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def count(store):
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(Customer))


def row(store, cif):
    with store.read() as session:
        c = session.scalar(select(Customer).where(Customer.cif_no == cif))
        return (c.name, sealed_phone(store, session, c.id), c.email, c.version, c.birthday) if c else None


def sealed_phone(store, session, customer_id: int) -> str:
    """A customer's phone as sealed (the store keeps no clear copy), "" when there is none."""
    from db.models import SealedValue

    sealed = session.scalar(select(SealedValue.sealed).where(
        SealedValue.entity == "customer", SealedValue.entity_id == customer_id, SealedValue.field == "phone"))
    return "" if sealed is None else store.keys.open("customer", "phone", customer_id, sealed)


def test_good_file_then_same_file_changes_nothing(demo_store, batch, tmp_path):
    path = write(tmp_path / "c.csv", GOOD_LINES)
    before = count(demo_store)
    first = import_customers(demo_store, batch, path)
    assert (first.rows_read, first.inserted, first.updated, first.unchanged) == (3, 3, 0, 0)
    assert count(demo_store) == before + 3
    assert row(demo_store, "CIF000002")[1] == "13900139000"
    again = import_customers(demo_store, batch, path)
    assert (again.rows_changed, again.unchanged) == (0, 3)
    with demo_store.read() as session:
        events = session.scalars(select(AuditEvent.after).where(AuditEvent.action == "customer.import")).all()
    assert len(events) - 1 == 1  # the demo's own summary, then one per import that changed something
    assert ID_ZHANG not in events[-1] and json.loads(events[-1])["inserted"] == 3


def test_a_known_cif_is_updated_not_duplicated(demo_store, batch, tmp_path):
    import_customers(demo_store, batch, write(tmp_path / "a.csv", GOOD_LINES))
    changed = [HEADER.replace(",email", ""), f"CIF000001,张三丰,居民身份证,{ID_ZHANG},13800138001,BJ0101"]
    result = import_customers(demo_store, batch, write(tmp_path / "b.csv", changed))
    assert (result.inserted, result.updated) == (0, 1)
    name, phone, email, version, _ = row(demo_store, "CIF000001")
    assert (name, phone, email, version) == ("张三丰", "13800138001", "zs@example.com", 2)


def test_bad_lines_numbered_all_or_nothing_and_skip_bad(demo_store, batch, tmp_path):
    lines = GOOD_LINES + [
        "CIF000004,赵六,居民身份证,110105194912310021,13800138004,BJ0101,",   # check digit
        f"CIF000001,重复,居民身份证,{_valid('11010519800202003')},13800138005,BJ0101,",  # CIF twice
        f"CIF000006,钱七,居民身份证,{_valid('11010519800303004')},12345,BJ0101,",   # phone
        f"CIF000007,孙八,居民身份证,{_valid('11010519800404005')},13800138007,XX99,",  # branch
        f"CIF000008,周九,居民身份证,{ID_LI},13800138008,BJ0101,",  # ID of line 3
        "CIF000009,吴十,居民身份证",  # fields
    ]
    path = write(tmp_path / "bad.csv", lines)
    before = count(demo_store)
    with pytest.raises(ImportRefused) as refused:
        import_customers(demo_store, batch, path)
    problems = [str(p) for p in refused.value.problems]
    assert [p.split(":")[0] for p in problems] == [f"line {n}" for n in (5, 6, 7, 8, 9, 10)]
    assert "ID number" in problems[0] and "line 2" in problems[1] and "Phone" in problems[2]
    assert "Branch code" in problems[3] and "line 3" in problems[4] and "fields" in problems[5]
    assert count(demo_store) == before
    result = import_customers(demo_store, batch, path, skip_bad=True)
    assert (result.inserted, result.rows_skipped) == (3, 6)
    assert count(demo_store) == before + 3


def test_encodings_and_chinese_headers(demo_store, batch, tmp_path):
    chinese = ["客户号,姓名,证件类型,证件号码,手机号,网点号,性别"] + [
        line.rsplit(",", 1)[0] + "," for line in GOOD_LINES[1:]]
    gb = import_customers(demo_store, batch, write(tmp_path / "gb.csv", chinese, "gb18030"))
    assert gb.inserted == 3 and row(demo_store, "CIF000001")[0] == "张三"
    bom = import_customers(demo_store, batch, write(tmp_path / "bom.csv", GOOD_LINES, "utf-8-sig"))
    assert bom.rows_changed == 1 and bom.unchanged == 2     # only the e-mail was new


def test_scope_permission_and_cancel(demo_store, tmp_path):
    path = write(tmp_path / "c.csv", GOOD_LINES)
    with pytest.raises(PermissionDenied):
        import_customers(demo_store, actor_named(demo_store, "teller"), path)
    admin_bj = actor_named(demo_store, "admin")   # head office: the whole tree
    assert import_customers(demo_store, admin_bj, path).inserted == 3
    with pytest.raises(Cancelled):
        import_customers(demo_store, admin_bj, path, progress=lambda done, total: False)


def test_export_masked_in_scope(demo_store, batch, tmp_path):
    import_customers(demo_store, batch, write(tmp_path / "c.csv", GOOD_LINES))
    manager = actor_named(demo_store, "manager")
    out = tmp_path / "out.csv"
    written = export_customers(demo_store, manager, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "CIF000001,张三,BJ0101,ordinary,110***********002X,138****8000" in text
    assert "CIF000003" not in text                     # Shanghai: outside the manager's scope
    assert ID_ZHANG not in text and "13800138000" not in text
    assert written == len(text.strip().splitlines()) - 1
    with pytest.raises(PermissionDenied):
        export_customers(demo_store, actor_named(demo_store, "teller"), out)


def test_cli_import_export_and_exit_codes(sqlite_demo_store, tmp_path, capsys):
    url = str(sqlite_demo_store.engine.url)
    good = write(tmp_path / "c.csv", GOOD_LINES)
    assert main.main(["import-customers", str(good), "--db", url]) == 0
    assert "3 changed (3 new, 0 updated)" in capsys.readouterr().out
    assert main.main(["import-customers", str(good), "--db", url]) == 0
    assert "0 changed" in capsys.readouterr().out
    bad = write(tmp_path / "bad.csv", GOOD_LINES + ["CIF000009,吴十,居民身份证,123,13800138000,BJ0101,"])
    assert main.main(["import-customers", str(bad), "--db", url]) == 2
    captured = capsys.readouterr()
    assert "line 5" in captured.out and "nothing was imported" in captured.err
    assert "Traceback" not in captured.err and len(captured.err.strip().splitlines()) == 1
    assert main.main(["import-customers", str(bad), "--db", url, "--skip-bad"]) == 0
    assert main.main(["import-customers", str(tmp_path / "missing.csv"), "--db", url]) == 2
    assert "error:" in capsys.readouterr().err
    out = tmp_path / "out.csv"
    assert main.main(["export", "customers", str(out), "--db", url]) == 0
    assert ID_ZHANG not in out.read_text(encoding="utf-8-sig")


def test_cli_demo_customers_and_seed(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    assert main.main(["demo", "--db", url, "--customers", "50", "--seed", "7"]) == 0
    from app.opening import open_store

    store = open_store(url)
    assert count(store) == 50
    assert main.main(["demo", "--db", f"sqlite:///{tmp_path / 'e.sqlite3'}", "--customers", "-1"]) == 2


def test_encoding_said_on_the_command_line(sqlite_demo_store, tmp_path, capsys):
    """A GB18030 extract whose bytes happen to be valid UTF-8 (一丌 is һآ in UTF-8) is refused
    naming its line; said to be GB18030, it imports with the names right."""
    url = str(sqlite_demo_store.engine.url)
    path = write(tmp_path / "gb.csv", [HEADER, f"CIF000009,一丌,resident_id,{ID_3},13800138000,BJ0101,"],
                 encoding="gb18030")
    assert main.main(["import-customers", str(path), "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "line 2 reads as" in err and "--encoding" in err, err
    assert main.main(["import-customers", str(path), "--encoding", "gb18030", "--db", url]) == 0
    assert row(sqlite_demo_store, "CIF000009")[0] == "一丌"
