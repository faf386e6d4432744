"""PostgreSQL array literals of numbers, for bulk writes through ``unnest``.

Staff login roles may neither create temporary tables nor ``COPY`` into tables under row-level
security, so their AUM import writes as ``INSERT ... SELECT FROM unnest(%s::integer[], ...)``.
Passing each column as one array literal built here, instead of a Python list the driver adapts
value by value, makes a batch of 200,000 values one string join.
"""

from __future__ import annotations

from collections.abc import Iterable


def number_array(values: Iterable[int | str]) -> str:
    """``{1,2.50,3}``: an array literal of ints or of text already in plain numeric form
    (digits and at most one dot, as the AUM import has checked), joined without quoting."""
    return "{" + ",".join(map(str, values)) + "}"
