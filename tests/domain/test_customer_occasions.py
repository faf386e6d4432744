"""Important dates and close relatives: typed lines in, JSON the care worklist reads out."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, strategies as st

from app.care.rules import parse_important_dates
from app.customers.occasions import (
    IMPORTANT_DATES, RELATIVES, clean_important_dates, clean_relatives, important_dates_of,
    important_dates_text, parse_day, relatives_of, relatives_text,
)
from app.errors import ValidationError


@pytest.mark.parametrize(("raw", "day"), [
    ("2010-03-01", "2010-03-01"), ("2010/3/1", "2010-03-01"), ("2010年3月1日", "2010-03-01"),
    ("05-20", "05-20"), ("5月20日", "05-20"), ("02-29", "02-29"), ("12.31", "12-31"),
    ("02-30", None), ("13-01", None), ("2011-02-29", None), ("1899-01-01", None), ("0520", None),
    ("明天", None), ("", None),
])
def test_days(raw, day):
    assert parse_day(raw) == day


def test_lines_become_entries_and_back():
    stored = clean_important_dates("结婚纪念日 05-20\n\n  公司 成立日  2010年3月1日 ")
    assert json.loads(stored) == [{"label": "结婚纪念日", "date": "05-20"},
                                  {"label": "公司 成立日", "date": "2010-03-01"}]
    assert important_dates_text(stored) == "结婚纪念日 05-20\n公司 成立日 2010-03-01"
    relatives = clean_relatives("配偶 王芳 1980-05-17\n儿子 李小明")
    assert relatives_of(relatives) == [("配偶", "王芳", "1980-05-17"), ("儿子", "李小明", "")]
    assert relatives_text(relatives) == "配偶 王芳 1980-05-17\n儿子 李小明"
    assert clean_important_dates("") == clean_relatives("  \n ") == "[]"


def test_the_care_worklist_reads_what_the_record_keeps():
    stored = clean_important_dates("结婚纪念日 05-20\n公司成立 2010-03-01")
    assert [(d.label, d.month, d.day) for d in parse_important_dates(stored)] == [
        ("结婚纪念日", 5, 20), ("公司成立", 3, 1)]


@pytest.mark.parametrize(("text", "clean", "field", "reason"), [
    ("结婚纪念日", clean_important_dates, IMPORTANT_DATES, "line 1: end it with a date"),
    ("生日 05-20\n纪念日 02-30", clean_important_dates, IMPORTANT_DATES, "line 2: end it with a date"),
    ("05-20", clean_important_dates, IMPORTANT_DATES, "line 1: write what the day is"),
    ("很" * 31 + " 05-20", clean_important_dates, IMPORTANT_DATES, "line 1: at most 30 characters"),
    ("\n".join(["节日 01-01"] * 21), clean_important_dates, IMPORTANT_DATES, "at most 20 entries"),
    ("配偶", clean_relatives, RELATIVES, "line 1: write the relation, then the name"),
    ("配偶 1980-05-17", clean_relatives, RELATIVES, "line 1: write the relation"),
    ("配偶 王芳\x07", clean_relatives, RELATIVES, "control characters"),
])
def test_bad_lines_are_refused_by_field_and_line(text, clean, field, reason):
    with pytest.raises(ValidationError) as caught:
        clean(text)
    assert caught.value.field == field
    assert reason in str(caught.value)


def test_unreadable_stored_values_read_as_none():
    assert important_dates_of("not json") == [] and relatives_of('{"a": 1}') == []
    assert important_dates_of('[{"label": "x"}, 3, {"label": "生日", "date": "05-20"}]') == [("生日", "05-20")]


words = st.text(alphabet=st.characters(whitelist_categories=("Lo", "Lu", "Ll", "Nd"), max_codepoint=0xFFFF),
                min_size=1, max_size=8)
days = st.dates().filter(lambda d: 1900 <= d.year <= 2100).map(lambda d: d.isoformat()) | \
    st.dates().map(lambda d: d.strftime("%m-%d"))


@given(st.lists(st.tuples(st.lists(words, min_size=1, max_size=3).map(" ".join), days), max_size=20))
def test_important_dates_round_trip(entries):
    entries = [(label, day) for label, day in entries if len(label) <= 30 and parse_day(label.split()[-1]) is None
               and unicodedata.normalize("NFKC", label) == label]  # the record keeps text NFKC-folded
    stored = clean_important_dates("\n".join(f"{label} {day}" for label, day in entries))
    assert important_dates_of(stored) == entries
    assert clean_important_dates(important_dates_text(stored)) == stored


@given(st.text(max_size=300))
def test_any_text_is_stored_or_refused_by_field(text):
    for clean, field in ((clean_important_dates, IMPORTANT_DATES), (clean_relatives, RELATIVES)):
        try:
            stored = clean(text)
        except ValidationError as error:
            assert error.field == field
        else:
            assert isinstance(json.loads(stored), list)
