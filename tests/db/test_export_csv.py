"""The one CSV export helper (app.outfile.export_csv) on both engines: headers in the reader's
language, cells safe in a spreadsheet, times on the branch's clocks with their offset, the file
and its audit event together or neither."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import select

from app.catalogue import translator
from app.errors import Cancelled
from app.outfile import EXPORTS, export_csv, zoned
from db.models import AuditEvent

HEADER = ("CIF number", "Name", "Occurred at")


def _events(store) -> list[tuple[str, str, dict]]:
    with store.read() as session:
        return [(e.entity, e.entity_id, json.loads(e.after)) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action == "test.export"))]


def test_an_export_is_written_whole_with_its_audit_event(store, batch, tmp_path):
    out = tmp_path / "out.csv"
    rows = [["C001", "=1+1", datetime(2026, 9, 30, 16, 30)], ["C002", "李四", None]]
    count = export_csv(store, batch, out, header=HEADER,
                       rows=([cif, name, zoned(moment)] for cif, name, moment in rows),
                       action="test.export", entity="customer", details={"kind": "test"}, say=translator())
    assert count == 2
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["客户号,姓名,发生时间", "C001,'=1+1,2026-10-01 00:30:00+08:00", "C002,李四,"]
    assert _events(store) == [("customer", "*", {"kind": "test", "rows": 2, "file": "out.csv"})]


def test_english_on_request_and_nothing_left_by_a_cancelled_export(store, batch, tmp_path):
    (tmp_path / "exports").mkdir()
    out = tmp_path / "exports" / "out.csv"
    out.write_text("the earlier file", encoding="utf-8")
    with pytest.raises(Cancelled):
        export_csv(store, batch, out, header=HEADER, rows=([str(n)] for n in range(5000)),
                   action="test.export", entity="customer", progress=lambda count: False)
    assert out.read_text(encoding="utf-8") == "the earlier file" and _events(store) == []
    assert [p.name for p in out.parent.iterdir()] == ["out.csv"]
    export_csv(store, batch, out, header=HEADER, rows=[], action="test.export", entity="customer")
    assert out.read_text(encoding="utf-8-sig").splitlines() == [",".join(HEADER)]


def test_times_are_on_the_clocks_asked_for():
    moment = datetime(2026, 1, 1, 0, 0)
    assert zoned(moment) == "2026-01-01 08:00:00+08:00"
    assert zoned(moment, "Asia/Urumqi") == "2026-01-01 06:00:00+06:00"
    assert zoned(None) == ""
    assert translator()(EXPORTS, "Occurred at") == "发生时间"
