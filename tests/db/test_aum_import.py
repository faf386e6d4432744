"""AUM import on both engines: good and bad lines, all or nothing, skip-bad, repeat imports,
encodings and Chinese headers, and the command line."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

import main
from app.csvio import ImportRefused
from app.errors import PermissionDenied
from app.tiers.aum_import import import_aum, parse_month
from app.errors import ValidationError
from db.models import AumImport, AuditEvent
from tests.db.helpers import actor_named
from tests.db.tierdata import NOW, add_customers, aum_of, set_aum, write_csv


@pytest.fixture
def aum_store(demo_store):
    demo_store.clock = lambda: NOW
    ids = add_customers(demo_store, "BJ010101", ["CIF000001", "CIF000002", "CIF000003"])
    return demo_store, ids


GOOD = ["cif_no,month,avg_daily_aum",
        "CIF000001,2026-08,\"120,000.00\"",
        "CIF000001,202609,99999.99",
        "cif000002,2026/10,６００００００",
        "CIF000003,2026-10,0"]


def test_good_file_imports_every_value(aum_store, batch, tmp_path):
    store, ids = aum_store
    result = import_aum(store, batch, write_csv(tmp_path / "aum.csv", GOOD))
    assert (result.rows_read, result.rows_changed, result.rows_skipped) == (4, 4, 0)
    assert result.months == [202608, 202609, 202610]
    assert aum_of(store, ids["CIF000001"]) == {202608: Decimal("120000.00"), 202609: Decimal("99999.99")}
    assert aum_of(store, ids["CIF000002"]) == {202610: Decimal("6000000.00")}
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(AumImport)) == 1
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "aum.import")).all()
        assert len(events) == 1 and '"rows_changed":4' in events[0].after.replace(" ", "")


def test_same_file_twice_changes_nothing_and_a_changed_value_is_updated(aum_store, batch, tmp_path):
    store, ids = aum_store
    path = write_csv(tmp_path / "aum.csv", GOOD)
    import_aum(store, batch, path)
    again = import_aum(store, batch, path)
    assert (again.rows_changed, again.rows_unchanged, again.seen_before) == (0, 4, True)
    write_csv(path, GOOD[:1] + ["CIF000001,2026-08,120000.01", "CIF000003,2026-10,0.00"])
    third = import_aum(store, batch, path)
    assert (third.rows_changed, third.rows_unchanged, third.seen_before) == (1, 1, False)
    assert aum_of(store, ids["CIF000001"])[202608] == Decimal("120000.01")


def test_bad_lines_are_reported_and_nothing_is_imported(aum_store, batch, tmp_path):
    store, ids = aum_store
    lines = ["cif_no,month,avg_daily_aum",
             "CIF000001,2026-08,100000",
             "CIF999999,2026-08,100",         # 3 unknown CIF
             "CIF000002,2026-13,100",         # 4 bad month
             "CIF000002,2026-08,-5",          # 5 negative
             "CIF000002,2026-09,1.234",       # 6 three decimals
             "CIF000002,2026-10,abc",         # 7 malformed
             "CIF000001,202608,100001",       # 8 duplicate of line 2
             "CIF000003,2099-01,5",           # 9 future month
             "CIF000003,2026-10"]             # 10 too few fields
    path = write_csv(tmp_path / "bad.csv", lines)
    with pytest.raises(ImportRefused) as caught:
        import_aum(store, batch, path)
    problems = {p.line: str(p) for p in caught.value.problems}
    assert sorted(problems) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "CIF999999 is not a known customer" in problems[3]
    assert "Month" in problems[4]
    assert "must not be negative" in problems[5]
    assert "at most 2 decimal places" in problems[6]
    assert "first on line 2" in problems[8]
    assert "in the future" in problems[9]
    assert aum_of(store, ids["CIF000001"]) == {}
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(AumImport)) == 0

    result = import_aum(store, batch, path, skip_bad=True)
    assert (result.rows_read, result.rows_changed, result.rows_skipped) == (9, 1, 8)
    assert aum_of(store, ids["CIF000001"]) == {202608: Decimal("100000.00")}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_chinese_headers_in_gb18030_or_utf8_with_bom(aum_store, batch, tmp_path, encoding):
    store, ids = aum_store
    path = write_csv(tmp_path / "zh.csv", ["客户号,统计月份,月日均资产", "CIF000003,2026-10,\"1,000,000.00\""],
                     encoding=encoding)
    assert import_aum(store, batch, path).rows_changed == 1
    assert aum_of(store, ids["CIF000003"]) == {202610: Decimal("1000000.00")}


def test_existing_values_of_other_months_stay(aum_store, batch, tmp_path):
    store, ids = aum_store
    set_aum(store, ids["CIF000003"], {202607: "5.00"})
    import_aum(store, batch, write_csv(tmp_path / "a.csv", GOOD))
    assert aum_of(store, ids["CIF000003"]) == {202607: Decimal("5.00"), 202610: Decimal("0.00")}


def test_permission_and_scope(aum_store, tmp_path):
    store, _ids = aum_store
    path = write_csv(tmp_path / "a.csv", GOOD)
    with pytest.raises(PermissionDenied):
        import_aum(store, actor_named(store, "manager"), path)


def test_month_formats():
    assert parse_month("2026-03") == parse_month("202603") == parse_month("2026/03") == 202603
    assert parse_month("２０２６－０３") == 202603
    for bad in ("2026-00", "26-03", "2026-003", "March", "", "20263"):
        with pytest.raises(ValidationError):
            parse_month(bad)


def test_cli_import_aum(sqlite_demo_store, tmp_path, capsys):
    store = sqlite_demo_store
    add_customers(store, "BJ010101", ["CIF000001", "CIF000002", "CIF000003"])
    url = str(store.engine.url)
    good = write_csv(tmp_path / "good.csv", GOOD)
    assert main.main(["import-aum", str(good), "--db", url]) == 0
    assert "4 values changed" in capsys.readouterr().out
    bad = write_csv(tmp_path / "bad.csv", GOOD[:2] + ["CIF999999,2026-08,1"])
    assert main.main(["import-aum", str(bad), "--db", url]) == 2
    captured = capsys.readouterr()
    assert "line 3:" in captured.out and "CIF999999" in captured.out
    assert len(captured.err.strip().splitlines()) == 1 and "Traceback" not in captured.err
    assert main.main(["import-aum", str(bad), "--skip-bad", "--db", url]) == 0
    assert main.main(["import-aum", str(tmp_path / "missing.csv"), "--db", url]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_cancel_writes_nothing(aum_store, batch, tmp_path):
    from app.errors import Cancelled
    from app.tiers.evaluation import evaluate_tiers

    store, ids = aum_store
    with pytest.raises(Cancelled):
        import_aum(store, batch, write_csv(tmp_path / "a.csv", GOOD), progress=lambda done, total: False)
    assert aum_of(store, ids["CIF000001"]) == {}
    with pytest.raises(Cancelled):
        evaluate_tiers(store, batch, (2026, 10), progress=lambda done, total: False)


def test_column_wise_reading_checks_what_the_line_by_line_one_does(aum_store, batch, tmp_path, monkeypatch):
    """The usual extract is read a chunk at a time, column-wise; a repeat across chunks, or a
    full-width digit, sends it to the line-by-line reading, which reports or accepts as ever."""
    from app.tiers import aum_import

    monkeypatch.setattr(aum_import, "PLAIN_CHUNK", 30)   # two lines or so a chunk
    store, ids = aum_store
    plain = ["cif_no,month,avg_daily_aum", "CIF000001,2026-08,100000", "CIF000002,2026-08,0.5",
             "CIF000003,2026-09,7.25", "CIF000001,2026-09,1"]
    with pytest.raises(ImportRefused) as caught:
        import_aum(store, batch, write_csv(tmp_path / "twice.csv", plain + ["CIF000002,2026-08,3"]))
    assert [(p.line, "first on line 3" in str(p)) for p in caught.value.problems] == [(6, True)]
    assert aum_of(store, ids["CIF000002"]) == {}
    result = import_aum(store, batch, write_csv(tmp_path / "plain.csv", plain + ["CIF000003,2026-10,１２３"]))
    assert (result.rows_read, result.rows_changed) == (5, 5)
    assert aum_of(store, ids["CIF000002"]) == {202608: Decimal("0.50")}
    assert aum_of(store, ids["CIF000003"]) == {202609: Decimal("7.25"), 202610: Decimal("123.00")}
    # months the store holds (upserted) beside a month it does not (inserted)
    again = import_aum(store, batch, write_csv(tmp_path / "again.csv", plain[:3] + [
        "CIF000002,2026-09,2", "CIF000001,2026-11,5", "CIF000003,2026-08,7.25"]))
    assert (again.rows_changed, again.rows_unchanged) == (3, 2)
    assert aum_of(store, ids["CIF000001"]) == {202608: Decimal("100000.00"), 202609: Decimal("1.00"),
                                               202611: Decimal("5.00")}
    assert aum_of(store, ids["CIF000003"])[202608] == Decimal("7.25")


def test_the_plain_reading_takes_crlf_lines_extra_columns_and_trailing_blank_lines(aum_store, batch, tmp_path,
                                                                                monkeypatch):
    """Such an extract is read by the column-wise reading alone (the line-by-line one is not
    needed), with the same result; a quoted field sends it to the line-by-line reading."""
    from app.tiers import aum_import

    def careful(*_args):
        raise AssertionError("read line by line")

    store, ids = aum_store
    lines = ["avg_daily_aum,note,cif_no,month", "100000,a,CIF000001,2026-08", "0.5,,CIF000002,2026-08", "", ""]
    path = tmp_path / "crlf.csv"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    with monkeypatch.context() as patched:
        patched.setattr(aum_import, "_careful", careful)
        result = import_aum(store, batch, path)
    assert (result.rows_read, result.rows_changed) == (2, 2)
    assert aum_of(store, ids["CIF000002"]) == {202608: Decimal("0.50")}
    quoted = import_aum(store, batch, write_csv(tmp_path / "quoted.csv", [
        "cif_no,month,avg_daily_aum", '"CIF000003",2026-08,"1,234.5"']))
    assert (quoted.rows_read, quoted.rows_changed) == (1, 1)
    assert aum_of(store, ids["CIF000003"]) == {202608: Decimal("1234.50")}


def test_a_copied_chunk_is_checked_against_the_customers_before_the_next(pg_store):
    """The COPY path defers the customer key only until the chunk is in (migration 0022): a row
    naming no customer fails right after its chunk, and the key is checked at once again."""
    from array import array

    from psycopg.errors import ForeignKeyViolation
    from sqlalchemy import text
    from sqlalchemy.orm import Session

    from app.tiers.aum_import import _Rows, _write_postgresql
    from db.migrate import upgrade

    upgrade(pg_store.engine)
    with pg_store.engine.connect() as conn:
        session = Session(bind=conn)
        with pytest.raises(ForeignKeyViolation):
            _write_postgresql(session, _Rows(["987654"], array("i", [202610]), ["1.00"]), False, may_copy=True)
        session.rollback()
        mode = conn.execute(text(
            "SELECT condeferrable, condeferred FROM pg_constraint WHERE conname = 'fk_aum_month_customer_id_customer'"
        )).one()
    assert tuple(mode) == (True, False)   # deferrable, checked at once unless a transaction defers it
