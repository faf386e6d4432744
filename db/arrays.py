"""PostgreSQL array literals for bulk writes through ``unnest``.

Staff login roles may neither create temporary tables nor ``COPY`` into tables under row-level
security, so bulk writes go as ``INSERT ... SELECT FROM unnest(%s::type[], ...)``. Passing each
column as one array literal built here, instead of a Python list the driver adapts value by
value, makes a batch of 100,000 values a string join instead of 100,000 adaptations.
"""

from __future__ import annotations

from collections.abc import Iterable


def _element(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def array_literal(values: Iterable) -> str:
    """``{1,"two",NULL}``: the text form of a one-dimensional array of ``values`` (None is
    NULL; anything else but int and bool goes as its quoted ``str``)."""
    return "{" + ",".join(map(_element, values)) + "}"


def column_literals(rows: list[tuple]) -> list[str]:
    """One array literal per column of ``rows`` (all of the same width)."""
    return [array_literal(column) for column in zip(*rows)]
