"""Number array literals for bulk writes: PostgreSQL reads back the same values."""

from array import array
from decimal import Decimal

import psycopg
from hypothesis import given, settings, strategies as st

from db.arrays import number_array


def test_numbers_read_back_exactly(pg_server_url):
    with psycopg.connect(pg_server_url + "/postgres") as conn:
        row = conn.execute("SELECT %s::integer[], %s::numeric[], %s::integer[]", (
            number_array(array("q", [1, -2, 2_000_000_000])), number_array(["12.30", "0.01", "7", "010.5"]),
            number_array([]))).fetchone()
        assert row == ([1, -2, 2_000_000_000], [Decimal("12.30"), Decimal("0.01"), Decimal("7"),
                                                 Decimal("10.5")], [])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=Decimal("999999999999999.99"), places=2), max_size=50))
def test_any_amount_reads_back(pg_server_url, values):
    with psycopg.connect(pg_server_url + "/postgres") as conn:
        assert conn.execute("SELECT %s::numeric[]", (number_array([f"{v:.2f}" for v in values]),)
                            ).fetchone()[0] == values
