"""The bad-input drill: random and hostile text fed into every parser and form validator.

Each parser either returns a value or refuses with a :class:`ValidationError` naming its field;
nothing else may come out: no crash, no other exception, no hang on a huge paste. The hostile
strategies mix what a counter actually meets: huge pastes, control characters, emoji, SQL and
format strings, full-width digits, text decoded with the wrong encoding, separators of every
kind. Other capabilities' parsers join :data:`PARSERS` as they arrive.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from app.csvio import Column, decode, read_rows
from app.customers.fields import CustomerInput, clean_input, parse_birthday
from app.customers.occasions import IMPORTANT_DATES, RELATIVES, clean_important_dates, clean_relatives
from app.customers.rules import (
    BIRTHDAY, CIF_NUMBER, EMAIL, ID_NUMBER, NAME, PHONE, POSTCODE, clean_cif, clean_email,
    clean_id_number, clean_name, clean_phone, clean_postcode, parse_amount,
)
from app.customers.search import plans_for
from app.errors import ValidationError
from app.stock.rules import SERIALS, parse_serials
from app.tiers.aum_import import MONTH, parse_month

TODAY = date(2026, 11, 27)

NASTY = [
    "", " ", "\x00", "\t\n\r", "'; DROP TABLE customer; --", "\" OR 1=1 --", "%s%s%s%n", "{0}{name}{}",
    "${jndi:ldap://x}", "<script>alert(1)</script>", "😀" * 10, "𠀀𪚥", "\u202e\u200b\ufeff",
    "１１０１０５１９４９１２３１００２Ｘ", "１３８００１３８０００", "ＡＢＣ１２３", "\\x00\\n",
    "é" * 300, "张" * 5000, "9" * 10_000, "-0", "1e309", "NaN", "Infinity", "0x1F", "١٢٣٤",  # Arabic digits
    "A00100001-A00000001", "A00100001--A00100002", "A" * 64, "11010519491231002X" * 3,
    "鍏ㄨ兘", "ÕÅ╜", "\udcff".encode("utf-8", "surrogatepass").decode("latin-1"),
]

hostile = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=200),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=50),
    st.text(alphabet="0123456789０１２３４５６７８９Xx-/ ,，、年月日.+()", max_size=40),
    st.binary(max_size=120).map(lambda b: b.decode("latin-1")),
    st.binary(max_size=120).map(lambda b: b.decode("gb18030", errors="replace")),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(1000, 300_000)),
)

PARSERS = [
    (lambda raw: clean_id_number("resident_id", raw, today=TODAY), ID_NUMBER),
    (lambda raw: clean_id_number("passport", raw, today=TODAY), ID_NUMBER),
    (clean_phone, PHONE),
    (clean_email, EMAIL),
    (clean_postcode, POSTCODE),
    (clean_cif, CIF_NUMBER),
    (clean_name, NAME),
    (lambda raw: parse_birthday(raw, today=TODAY), BIRTHDAY),
    (parse_amount, None),  # names the caller's field
    (lambda raw: parse_month(raw, today=TODAY), MONTH),
    (lambda raw: parse_serials(raw, card_type="gold"), SERIALS),
    (parse_serials, SERIALS),
    (clean_important_dates, IMPORTANT_DATES),
    (clean_relatives, RELATIVES),
]


@pytest.mark.parametrize(("parse", "field"), PARSERS, ids=lambda p: getattr(p, "__name__", str(p)))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=hostile)
def test_a_parser_returns_a_value_or_refuses_naming_its_field(parse, field, raw):
    try:
        value = parse(raw)
    except ValidationError as refusal:
        assert refusal.field if field is None else refusal.field == field
        str(refusal)  # the message formats with its own values
    else:
        assert value is None or isinstance(value, (str, int, Decimal, date, list))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile, min_size=6, max_size=6))
def test_a_whole_customer_record_is_stored_clean_or_refused_by_field(fields):
    cif, name, id_number, phone, email, notes = fields
    data = CustomerInput(cif_no=cif, name=name, id_number=id_number, phone=phone, email=email, notes=notes)
    try:
        values = clean_input(data, today=TODAY)
    except ValidationError as refusal:
        assert refusal.field
    else:
        assert all("\x00" not in v for v in values.values() if isinstance(v, str))


@settings(max_examples=150, deadline=None)
@given(hostile)
def test_the_search_box_never_fails_and_sends_only_short_bound_values(raw):
    for plan in plans_for(raw):
        assert isinstance(plan.value, str) and len(plan.value) <= 64


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_as_a_csv_extract_are_read_or_refused(data):
    columns = (Column("cif_no", True, ()), Column("month", True, ()))
    try:
        text = decode(data)
        assert isinstance(text, str)
        for line in read_rows(b"cif_no,month\n" + data, columns):
            assert line.number >= 2
    except ValidationError as refusal:
        assert refusal.field
