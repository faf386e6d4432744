"""Exports are safe to open in a spreadsheet (issue 31, OWASP "CSV injection"): no cell starts
with ``= + - @``, a tab or a carriage return, whatever the store holds, and nothing is lost
(the apostrophe a spreadsheet hides is the only change)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from hypothesis import given, strategies as st
from sqlalchemy import text

import main
from app.outfile import FORMULA_START, csv_filler, safe_cell

cells = st.one_of(
    st.text(),
    st.sampled_from(FORMULA_START).flatmap(lambda start: st.text().map(lambda rest: start + rest)),
    st.integers(), st.decimals(allow_nan=False, allow_infinity=False), st.none(),
)


def _read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _written(header, rows) -> bytes:
    buffer = io.BytesIO()
    csv_filler(header, rows)(buffer)
    return buffer.getvalue()


@given(st.lists(st.lists(cells, min_size=1, max_size=6), max_size=8), st.lists(st.text(), min_size=1, max_size=4))
def test_no_formula_survives_and_nothing_is_lost(rows, header):
    read = _read(_written(header, rows))
    assert len(read) == len(rows) + 1
    for written, back in zip([header, *rows], read):
        for value, cell in zip(written, back):
            expected = "" if value is None else str(value)
            if not isinstance(value, str):       # a number is a number, a negative one too
                assert cell == expected
                continue
            assert not cell.startswith(FORMULA_START), (value, cell)
            assert cell == expected or (cell == "'" + expected and expected.startswith(FORMULA_START))


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://evil\",\"click\")", "-2+3", "+1", "@SUM(A1)",
                                   "\t=1", "\r=1"])
def test_each_formula_start_is_neutralised(value):
    assert safe_cell(value) == "'" + value


def test_numbers_stay_numbers():
    assert safe_cell(-5) == -5 and safe_cell("张三") == "张三" and safe_cell("") == ""


def _number(cell: str) -> bool:
    """A plain decimal number (a spreadsheet reads ``-12.5`` as a number, not a formula)."""
    return re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", cell) is not None


HOSTILE = {
    "customer": "=HYPERLINK(\"http://evil.example\",\"click\")",
    "card_issuer": "@SUM(1+1)*cmd|' /C calc'!A0",
    "location": "+cmd|' /C calc'!A0",
    "file": "=HYPERLINK(\"evil.example\",\"click\").csv",
}


@pytest.mark.parametrize("kind", ["customers", "cards", "stock", "audit"])
def test_every_export_neutralises_what_the_store_holds(sqlite_demo_store, tmp_path, kind):
    """Values planted in the store as a SQL tool could (a name, a clerk's name, a location) and
    an export's own file name (it reaches the audit trail): no cell of any export is a formula."""
    url = str(sqlite_demo_store.engine.url)
    with sqlite_demo_store.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET name = :v WHERE id IN (SELECT min(id) FROM customer)"),
                     {"v": HOSTILE["customer"]})
        conn.execute(text("UPDATE vip_card SET issued_by_name = :v"), {"v": HOSTILE["card_issuer"]})
        conn.execute(text("UPDATE stock_location SET name = :v"), {"v": HOSTILE["location"]})
    sqlite_demo_store.engine.dispose()
    assert main.main(["export", "customers", str(tmp_path / HOSTILE["file"]), "--db", url]) == 0
    out = tmp_path / f"{kind}.csv"
    assert main.main(["export", kind, str(out), "--db", url]) == 0
    read = _read(out.read_bytes())
    flat = [cell for row in read for cell in row]
    assert not [cell for cell in flat if cell.startswith(FORMULA_START) and not _number(cell)]
    planted = {"customers": HOSTILE["customer"], "cards": HOSTILE["card_issuer"],
               "stock": HOSTILE["location"], "audit": HOSTILE["file"]}[kind]
    assert "'" + planted in flat
