"""Opening a store for use: build the engine, check it answers and has the current schema.

Only a command that creates stores (``migrate``: ``db upgrade``, ``demo``, the GUI's first
start) may bring a SQLite file into being, and a folder only where the per-user default store
lives: a mistyped ``--db sqlite:///typo/dir/x.db`` leaves no trace. A SQLite store that cannot be
opened is explained by what is wrong with its disk (read-only, full) where that can be seen.
"""

from __future__ import annotations

import os
import shutil

from sqlalchemy.exc import DBAPIError

from app import faults
from app.errors import QT_TRANSLATE_NOOP, StoreUnavailable
from app.locations import default_store_path
from app.store import Store
from db.engine import describe, make_engine, sqlite_path
from db.errors import SchemaMismatch, StoreError
from db.migrate import check_current, current_revision, upgrade

NO_STORE_THERE = QT_TRANSLATE_NOOP(
    "errors", "There is no store at {path}: check the URL, or create one with `python main.py db upgrade`.")
NO_SUCH_FOLDER = QT_TRANSLATE_NOOP(
    "errors", "The folder {folder} does not exist: check the URL, or make the folder first.")
ON_READ_ONLY_DISK = QT_TRANSLATE_NOOP(
    "errors", "The store {where} is on a read-only disk or folder; SQLite must write beside it "
              "even to read it. Copy it to a folder you may write to.")
ON_FULL_DISK = QT_TRANSLATE_NOOP(
    "errors", "The disk of the store {where} is full; free some space on it and try again.")
# what SQLite needs free beside a store to open it (its shared-memory index, a WAL header)
ROOM_TO_OPEN = 64 * 1024


def open_store(url: str, *, migrate: bool = False) -> Store:
    """A :class:`Store` on ``url``; with ``migrate`` the schema is created or upgraded first."""
    try:
        _check_place(url, create=migrate)
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
        raise _why_not_open(engine, exc) from exc
    return Store(engine)


def _check_place(url: str, *, create: bool) -> None:
    """Refuse (:class:`StoreError`) a SQLite file that is not there unless ``create``, and a
    folder that is not there unless it is the default store's, which is then made."""
    path = sqlite_path(url)
    if path is None or path.exists():
        return
    if not create:
        raise StoreError(NO_STORE_THERE.format(path=path))
    if path.parent.is_dir():
        return
    if path.parent != default_store_path().parent:
        raise StoreError(NO_SUCH_FOLDER.format(folder=path.parent))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot use folder {path.parent}: {exc.strerror or exc}") from exc


def _why_not_open(engine, exc: DBAPIError) -> StoreUnavailable:
    """The reason a store did not open: for a SQLite file what is wrong with its folder's disk
    (read-only, full), else the store fault's own meaning, else the driver's first line."""
    where = describe(engine)
    path = sqlite_path(engine.url)
    if path is not None and path.parent.is_dir():
        read_only = hasattr(os, "statvfs") and os.statvfs(path.parent).f_flag & os.ST_RDONLY
        if read_only or not os.access(path.parent, os.W_OK):
            return StoreUnavailable(ON_READ_ONLY_DISK, where=where)
        if shutil.disk_usage(path.parent).free < ROOM_TO_OPEN:
            return StoreUnavailable(ON_FULL_DISK, where=where)
    translated = faults.translate(exc)
    if isinstance(translated, StoreUnavailable) and translated.template != faults.STORE_DID_NOT_ANSWER:
        return translated
    return StoreUnavailable(QT_TRANSLATE_NOOP("errors", "The store {where} did not answer: {reason}"),
                            where=where, reason=_first_line(exc.orig))


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
