"""The CSV extract reader: encodings, header aliases, line numbers, and hostile input."""

import pytest
from hypothesis import given, settings, strategies as st

from app.csvio import Column, decode, problem_from, read_rows
from app.errors import ValidationError

COLUMNS = [Column("cif_no", True, ("客户号", "CIF")), Column("month", True, ("月份", "统计月份")),
           Column("avg_daily_aum", True, ("日均AUM", "月日均资产")), Column("note", False, ("备注",))]


def rows(data: bytes):
    return [(line.number, line.values) for line in read_rows(data, COLUMNS)]


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b"")])
def test_encodings_and_chinese_headers(encoding, bom):
    data = bom + "客户号,统计月份,月日均资产\nC001,2026-09,\"1,000.00\"\n".encode(encoding)
    assert rows(data) == [(2, {"cif_no": "C001", "month": "2026-09", "avg_daily_aum": "1,000.00"})]


def test_header_aliases_ignore_case_and_spaces_and_order():
    data = b"AVG_DAILY_AUM, Month ,cif\n5,2026-09,C1\n"
    assert rows(data) == [(2, {"avg_daily_aum": "5", "month": "2026-09", "cif_no": "C1"})]


def test_line_numbers_count_blank_lines_and_short_lines_are_flagged():
    data = b"cif_no,month,avg_daily_aum\n\nC1,2026-09\nC2,2026-09,5\n"
    assert rows(data) == [(3, {"cif_no": "C1", "month": "2026-09", "__fields__": "2"}),
                          (4, {"cif_no": "C2", "month": "2026-09", "avg_daily_aum": "5"})]


@pytest.mark.parametrize("data, reason", [
    (b"", "is empty"),
    (b"cif_no,month\nC1,2026-09\n", "lacks the column(s) avg_daily_aum"),
    (b"cif_no,CIF,month,avg_daily_aum\n", "names column cif_no twice"),
    (b"\xfa\xfb\x80", "line 1 is neither UTF-8 nor GB18030"),
    (b"\xff\xfe\x00\xd8", "is not UTF-16 text"),
])
def test_refusals_name_the_file_and_the_reason(data, reason):
    with pytest.raises(ValidationError) as info:
        rows(data)
    assert info.value.field == "File" and reason in str(info.value)


def test_a_line_problem_keeps_field_and_reason():
    problem = problem_from(7, ValidationError("must not be negative", field="Amount"))
    assert str(problem) == "line 7: Amount: must not be negative"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_rows_or_a_clear_refusal(data):
    try:
        for line in read_rows(b"cif_no,month,avg_daily_aum\n" + data, COLUMNS):
            assert line.number >= 2
    except ValidationError as exc:
        assert exc.field == "File"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_decoding_utf8_text_round_trips(text):
    """UTF-8 text comes back as it was, unless its bytes read as plausible GB18030 text where
    the UTF-8 reading is not (then the file is refused naming that line: app/encoding.py)."""
    try:
        assert decode(text.encode("utf-8")) == text.removeprefix("\ufeff")
    except ValidationError as refused:
        assert "say which with --encoding" in str(refused)
