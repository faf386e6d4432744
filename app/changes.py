"""What a user action changed: the tables its units of work wrote, returned with its result.

Modelled on Anki's operations, which return their ``OpChanges``: the screens learn what changed
from the store, not from names each screen picks. Every write unit of work of
:class:`app.store.Store` notes the tables its statements insert into, update or delete from
(ORM flushes, bulk statements and Core statements alike: it watches its connection) and, once
committed, adds them to the action being recorded around it. A whole-statement command
(:meth:`app.store.Store.command`) names the tables its store function writes.

    outcome = recorded(lambda: issue_card(store, actor, application_id, serial))
    outcome.result, outcome.changes   # the issued card; {"vip_card", "blank_card", ...}

A rolled-back unit of work changed nothing and reports nothing. Recording is per thread of
execution (a context variable), so a GUI worker thread records its own action only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy.sql.dml import UpdateBase

_recording: ContextVar[set[str] | None] = ContextVar("vipdesk_recording", default=None)
_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?"?(\w+)"?', re.IGNORECASE)


@dataclass(frozen=True)
class Outcome:
    """A command's result and the tables it changed."""

    result: Any
    changes: frozenset[str]


def recorded(work: Callable[[], Any]) -> Outcome:
    """Run ``work()`` and return its result with the tables its committed writes touched."""
    tables: set[str] = set()
    token = _recording.set(tables)
    try:
        result = work()
    finally:
        _recording.reset(token)
    return Outcome(result, frozenset(tables))


def committed(tables: Iterable[str]) -> None:
    """A unit of work committed its writes to ``tables``: noted for the action being recorded
    (outside a recording, for a batch job or a test, nothing is kept)."""
    current = _recording.get()
    if current is not None:
        current.update(tables)


def written_table(statement: str, compiled: object | None) -> str | None:
    """The table a statement sent to the store writes, or None for a read: the compiled
    statement's own table when SQLAlchemy built it, else the one its SQL text names."""
    element = getattr(compiled, "statement", None)
    if isinstance(element, UpdateBase):
        return getattr(element.table, "name", None)
    found = _WRITE.match(statement)
    return found.group(1) if found else None
