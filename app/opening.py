"""Opening a store for use: build the engine, check it answers and has the current schema."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from app.errors import QT_TRANSLATE_NOOP, StoreUnavailable
from app.store import Store
from db.engine import describe, make_engine
from db.errors import SchemaMismatch, StoreError
from db.migrate import check_current, current_revision, upgrade


def open_store(url: str, *, migrate: bool = False) -> Store:
    """A :class:`Store` on ``url``; with ``migrate`` the schema is created or upgraded first."""
    try:
        engine = make_engine(url)
    except StoreError as exc:
        raise StoreUnavailable(QT_TRANSLATE_NOOP("errors", "{reason}"), reason=str(exc)) from exc
    try:
        if migrate:
            upgrade(engine)
        else:
            check_current(engine)
    except SchemaMismatch as exc:
        engine.dispose()
        raise StoreUnavailable(QT_TRANSLATE_NOOP("errors", "{reason}"), reason=str(exc)) from exc
    except DBAPIError as exc:
        engine.dispose()
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP("errors", "The store {where} did not answer: {reason}"),
            where=describe(engine), reason=_first_line(exc.orig)) from exc
    return Store(engine)


def is_empty_store(url: str) -> bool:
    """True when the store exists but has no VIP Desk schema yet (a first start)."""
    engine = make_engine(url)
    try:
        return current_revision(engine) is None
    finally:
        engine.dispose()


def _first_line(error: object) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
