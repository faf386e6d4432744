"""Every bad line is accounted for (issue 31): the first ones named on the command line, then
"and M more", and with --bad-lines FILE every one of them; a record spanning lines is named by
its first line."""

from __future__ import annotations

import pytest

import main
from app.csvio import Column, read_rows
from app.tiers.aum_import import MAX_REPORTED

HEADER = "cif_no,month,avg_daily_aum"


def _write(path, lines):
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("bad_lines_file", [False, True])
def test_more_bad_lines_than_shown_are_counted_and_can_all_be_listed(sqlite_demo_store, tmp_path, capsys,
                                                                      bad_lines_file):
    url = str(sqlite_demo_store.engine.url)
    path = _write(tmp_path / "aum.csv", [HEADER] + [f"NOSUCH{i:06d},2026-01,1.00" for i in range(MAX_REPORTED + 7)])
    argv = ["import-aum", str(path), "--db", url]
    if bad_lines_file:
        argv += ["--bad-lines", str(tmp_path / "bad.txt")]
    assert main.main(argv) == 2
    out, err = capsys.readouterr()
    listed = [line for line in out.splitlines() if line.startswith("line ")]
    assert len(listed) == MAX_REPORTED and listed[0].startswith("line 2: ")
    assert err.count("\n") == 1 and f"{MAX_REPORTED + 7} bad line(s)" in err
    if bad_lines_file:
        assert out.splitlines()[-1] == f"... and 7 more bad line(s), every one listed in {tmp_path / 'bad.txt'}"
        every = (tmp_path / "bad.txt").read_text(encoding="utf-8").splitlines()
        assert len(every) == MAX_REPORTED + 7 and every[-1].startswith(f"line {MAX_REPORTED + 8}: ")
    else:
        assert out.splitlines()[-1] == "... and 7 more bad line(s) (--bad-lines FILE lists every one)"


def test_a_record_over_several_lines_is_named_by_its_first(sqlite_demo_store, tmp_path, capsys):
    url = str(sqlite_demo_store.engine.url)
    path = _write(tmp_path / "aum.csv", [HEADER, "NOSUCH000001,2026-01,\"1,\n000.00\"", "NOSUCH000002,2026-01,5"])
    assert main.main(["import-aum", str(path), "--db", url]) == 2
    listed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("line ")]
    assert [line.split(":")[0] for line in listed] == ["line 2", "line 4"]


def test_the_shared_reader_names_a_record_by_its_first_line():
    data = b"a,b\n1,\"x\ny\"\n2,z\n"
    assert [line.number for line in read_rows(data, [Column("a", True, ()), Column("b", True, ())])] == [2, 4]
