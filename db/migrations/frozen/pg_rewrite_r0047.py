"""Rewriting a store function's text where PostgreSQL holds it, piece by piece, as revisions
from 0047 on do it (frozen: never edited; see db/migrations/frozen/__init__.py).

A revision names the pieces of the body it changes as ``(old, new)`` pairs; each old piece must
be in the text exactly once, so that a revision applied to a store it was not written for stops
instead of writing a function nobody reviewed. The downgrade passes the same pairs reversed.
"""

from __future__ import annotations

from sqlalchemy import text

from db.migrations.frozen.pg_scope_r0003 import run


def rewrite(bind, function: str, pieces: list[tuple[str, str]]) -> None:
    """Rewrite ``function`` (a signature, e.g. ``f(text, integer)``), each ``(old, new)`` piece once."""
    definition = bind.execute(text("SELECT pg_get_functiondef(CAST(:f AS regprocedure))"), {"f": function}).scalar_one()
    for old, new in pieces:
        if definition.count(old) != 1:
            raise RuntimeError(f"{function} is not as the revision before this one made it")
        definition = definition.replace(old, new)
    run(bind, definition)


def reversed_pieces(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs that undo ``pieces``."""
    return [(new, old) for old, new in pieces]
