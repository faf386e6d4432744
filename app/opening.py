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

from collections.abc import Callable

from app import faults
from app.actor import Actor
from app.crypto import custody, vault
from app.crypto.sealing import Progress, encrypt_store
from app.errors import QT_TRANSLATE_NOOP, StoreUnavailable
from app.locations import default_store_path
from app.store import Store
from db.engine import describe, make_engine, sqlite_path
from db.errors import SchemaMismatch, StoreError
from db.migrate import check_current, current_revision, has_column, revision_before, upgrade

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


NOT_SEALED = QT_TRANSLATE_NOOP(
    "errors", "The store {where} still holds ID numbers, phones or card numbers in clear and this PC has not "
              "its master key: run `python main.py pii encrypt --key-file PATH`, which seals them and completes "
              "the upgrade.")
SEALED_FROM = "0042"      # the migration that drops the clear columns


def open_store(url: str, *, migrate: bool = False, master: bytes | None = None,
               progress: Callable[[Progress], None] = lambda p: None) -> Store:
    """A :class:`Store` on ``url`` carrying its key ring when this PC has the master key
    (``master``, else custody.find_master); with ``migrate`` the schema is created or upgraded
    first, a new store is given its data keys (a new master key in this user's default key
    file unless ``master``), and a store still holding clear numbers is sealed on the way
    (:func:`_seal_before_dropping`)."""
    try:
        _check_place(url, create=migrate)
        engine = make_engine(url)
    except StoreError as exc:
        raise StoreUnavailable(QT_TRANSLATE_NOOP("errors", "{reason}"), reason=str(exc)) from exc
    store = Store(engine)
    try:
        if migrate:
            sealed_now = _seal_before_dropping(store, master, progress)
            upgrade(engine)
            if sealed_now:
                _vacuum(engine)
        else:
            check_current(engine)
    except SchemaMismatch as exc:
        engine.dispose()
        raise StoreUnavailable(QT_TRANSLATE_NOOP("errors", "{reason}"), reason=str(exc)) from exc
    except DBAPIError as exc:
        engine.dispose()
        raise _why_not_open(engine, exc) from exc
    attach_keys(store, master, create=migrate)
    return store


def attach_keys(store: Store, master: bytes | None = None, *, create: bool = False) -> None:
    """Let ``store`` carry its key ring: with ``master``, or the key this PC keeps for it. A
    store without data keys is given some when ``create``. Without the key the store still
    opens (sign-in, queue, stock and the masked lists need none) and ``store.keys`` stays None:
    a service that must seal or open a value says that this PC lacks the key."""
    check = vault.master_check_of(store)
    if check is None:
        if create:
            vault.give_keys(store, Actor.batch("keys"), master)
        return
    master = master if master is not None else custody.find_master(check)
    if master is not None:
        store.keys = vault.open_ring(store, master)


def _seal_before_dropping(store: Store, master: bytes | None, progress) -> bool:
    """Seal a store from before migration 0042 that still holds clear numbers, so that the
    upgrade may drop them: migrated up to 0042's parent, given data keys if it has none, and
    sealed batch by batch (resumable). Refused in one line when it has data keys and this PC has
    not the master key. Returns whether such a store was sealed."""
    engine = store.engine
    if not has_column(engine, "customer", "id_number"):
        return False
    upgrade(engine, revision_before(SEALED_FROM))
    check = vault.master_check_of(store)
    if check is None:
        vault.give_keys(store, Actor.batch("keys"), master)
    else:
        master = master if master is not None else custody.find_master(check)
        if master is None:
            raise StoreUnavailable(NOT_SEALED, where=describe(engine))
        store.keys = vault.open_ring(store, master)
    encrypt_store(store, Actor.batch("pii"), store.keys, progress=progress)
    return True


def _vacuum(engine) -> None:
    """Rewrite the tables that held clear numbers, so that no free page or dead row keeps one:
    SQLite VACUUM (and the write-ahead log truncated), PostgreSQL VACUUM FULL as the owner."""
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()      # outside SQLAlchemy's BEGIN (db.engine): VACUUM needs no transaction
        try:
            raw.driver_connection.execute("VACUUM")
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM FULL customer, vip_card, customer_tail, sealed_value")


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
