"""Encodings decided with evidence (issue 31): a file mixing UTF-8 and GB18030 lines, or in one
encoding that happens to be valid in the other, is refused naming its first suspicious line;
it never comes back as mojibake. A declared encoding or a BOM decides."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from app.encoding import decode
from app.errors import ValidationError

# Chinese names as an extract holds them: GB2312 ideographs (what GBK files and Chinese
# Windows tools write), with the middle dot of minority names
HANZI = [chr(c) for c in range(0x4E00, 0xA000) if (lambda ch: ch.encode("gb2312", "ignore") != b"")(chr(c))]
names = st.text(st.sampled_from(HANZI), min_size=2, max_size=4)
lines = st.lists(st.tuples(names, st.sampled_from(["utf-8", "gb18030"])), min_size=1, max_size=30)


def _file(parts: list[tuple[str, str]]) -> tuple[bytes, str]:
    text_lines = ["cif_no,name"] + [f"CIF{i:06d},{name}" for i, (name, _e) in enumerate(parts)]
    data = b"\r\n".join([text_lines[0].encode()] + [line.encode(e) for line, (_n, e) in zip(text_lines[1:], parts)])
    return data + b"\r\n", "\r\n".join(text_lines) + "\r\n"


@settings(max_examples=300, deadline=None)
@given(lines)
def test_a_file_comes_back_exactly_or_is_refused_naming_a_line(parts):
    data, text = _file(parts)
    encodings = {e for _n, e in parts}
    try:
        decoded = decode(data)
    except ValidationError as refused:
        assert len(encodings) == 2 or "say which with --encoding" in str(refused)
        assert "line " in str(refused)
        return
    assert decoded == text, "mojibake stored silently"


@settings(max_examples=200, deadline=None)
@given(lines)
def test_a_file_in_one_encoding_that_is_said_comes_back(parts):
    for encoding in ("utf-8", "gb18030"):
        data, text = _file([(name, encoding) for name, _e in parts])
        assert decode(data, encoding) == text


def test_one_gb18030_line_in_a_utf8_file_is_refused_at_the_first_line_read_wrongly():
    data = "cif_no,name\n1,张三\n2,李四\n".encode() + "3,王五\n".encode("gb18030")
    with pytest.raises(ValidationError, match=r"line 2 reads as “寮犱笁” in GB18030 but as “张三” in UTF-8"):
        decode(data)


def test_gb18030_bytes_that_happen_to_be_utf8_are_refused_not_stored_as_mojibake():
    data = "cif_no,name\n1,一丌\n".encode("gb18030")
    data.decode("utf-8")   # the trap: valid UTF-8
    with pytest.raises(ValidationError, match="line 2 .* in UTF-8 but as “一丌” in GB18030"):
        decode(data)
    assert decode(data, "gb18030") == "cif_no,name\n1,一丌\n"


@pytest.mark.parametrize("text", ["1,José Müller\n", "1,王堃\n", "1,阿依古丽·买买提\n", "1,１２３，ＡＢＣ\n"])
def test_what_real_extracts_hold_is_accepted(text):
    for encoding in ("utf-8", "gb18030"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        if encoding == "gb18030" and "é" in text:
            continue   # é is 茅 in the other reading: say --encoding for such a file
        assert decode(data) == text


def test_a_declared_encoding_names_the_first_line_that_is_not_in_it():
    data = "cif_no,name\n1,张三\n".encode() + "2,李四\n".encode("gb18030")
    with pytest.raises(ValidationError, match="line 3 is not UTF-8 text"):
        decode(data, "utf-8")


def test_utf16_without_a_bom_is_named_as_such():
    with pytest.raises(ValidationError, match="UTF-16 text without a byte-order mark"):
        decode("cif_no,month,avg_daily_aum\r\nC1,2026-09,5\r\n".encode("utf-16-le"))
    assert decode("cif_no\r\n张三\r\n".encode("utf-16")) == "cif_no\r\n张三\r\n"
