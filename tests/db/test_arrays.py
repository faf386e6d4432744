"""Array literals for bulk writes: whatever the text, PostgreSQL reads back the same values."""

from datetime import datetime
from decimal import Decimal

import psycopg
from hypothesis import given, settings, strategies as st

from db.arrays import array_literal, column_literals

TRICKY = ["", "NULL", "null", 'say "hi"', "back\\slash", "a,b", "{braces}", " spaced ", "张三", "\t", None]


def test_literals_read_back_exactly(pg_server_url):
    with psycopg.connect(pg_server_url + "/postgres") as conn:
        assert conn.execute("SELECT %s::text[]", (array_literal(TRICKY),)).fetchone()[0] == TRICKY
        ints, amounts, stamps = column_literals([(1, "12.30", datetime(2026, 11, 27, 9, 30)),
                                                 (-2, "0.01", datetime(2026, 1, 1))])
        row = conn.execute("SELECT %s::integer[], %s::numeric[], %s::timestamp[]", (ints, amounts, stamps)).fetchone()
        assert row == ([1, -2], [Decimal("12.30"), Decimal("0.01")],
                       [datetime(2026, 11, 27, 9, 30), datetime(2026, 1, 1)])
        assert conn.execute("SELECT %s::boolean[]", (array_literal([True, False, None]),)).fetchone()[0] == [True, False, None]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet=st.characters(blacklist_characters="\x00",
                                                                    blacklist_categories=("Cs",)), max_size=20)),
                max_size=20))
def test_any_text_reads_back(pg_server_url, values):
    with psycopg.connect(pg_server_url + "/postgres") as conn:
        assert conn.execute("SELECT %s::text[]", (array_literal(values),)).fetchone()[0] == values
