"""Opening the store for the GUI (runs off the GUI thread, so the login window shows at once).

Demo: a fresh SQLite store in a temporary folder, filled by ``app.demo.build_demo`` and sealed
(app.crypto) under a master key that never leaves the process.
Otherwise the URL from ``--db`` / ``VIPDESK_DB_URL`` / the per-user file; a brand-new or empty
SQLite store gets its schema, any other store must already be current. Problems come back as
:class:`StartupProblem` with an English source text (context "Startup") and the technical
detail; the GUI thread translates the text.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

CONTEXT = "Startup"


@dataclass
class Opened:
    store: object
    demo_logins: list = field(default_factory=list)
    needs_first_administrator: bool = False
    temp_dir: str | None = None
    key_problem: str = ""      # why personal data is unavailable on this PC (translated), or ""

    def close(self) -> None:
        """Release the store; a demo store's folder is removed."""
        self.store.engine.dispose()
        if self.temp_dir:
            shutil.rmtree(self.temp_dir, ignore_errors=True)


class StartupProblem(Exception):
    def __init__(self, text: str, *, details: str = "", **params: object):
        super().__init__(text.format(**params))
        self.text, self.details, self.params = text, details, params

    def translated(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.text).format(**self.params)


NO_SCHEMA = QT_TRANSLATE_NOOP(
    "Startup", "The store {where} has no VIP Desk tables yet. Ask the administrator to run:\n\n"
             "python main.py db upgrade --db {url}")
OLDER_SCHEMA = QT_TRANSLATE_NOOP(
    "Startup", "The store {where} was made by an older VIP Desk (schema {current}; this program "
             "needs {expected}). Ask the administrator to back it up and then run:\n\n"
             "python main.py db upgrade --db {url}")
NEWER_SCHEMA = QT_TRANSLATE_NOOP(
    "Startup", "The store {where} was made by a newer VIP Desk (schema {current}; this program "
             "knows up to {expected}). Install the newer VIP Desk version on this PC.")
NO_ANSWER = QT_TRANSLATE_NOOP(
    "Startup", "The store {where} did not answer. Check the network connection and that the "
             "database server is running, then start VIP Desk again.")
CANNOT_USE = QT_TRANSLATE_NOOP(
    "Startup", "The store {url} cannot be used. Check the address given with --db or "
             "VIPDESK_DB_URL. The details below say why.")


def open_for_gui(store_url: str | None, demo: bool) -> Opened:
    """Open (and where allowed create) the store; raises :class:`StartupProblem`."""
    if demo:
        return _open_demo()
    from app.locations import resolve_store_url

    return _open(resolve_store_url(store_url))


def _open_demo() -> Opened:
    from app.auth.setup import needs_first_administrator
    from app.crypto import custody
    from app.demo import build_demo
    from app.opening import open_store

    temp_dir = tempfile.mkdtemp(prefix="vipdesk-demo-")
    try:
        # sealed as a bank's store is; the demo's master key lives in this process only
        store = open_store(f"sqlite:///{Path(temp_dir) / 'demo.sqlite3'}", migrate=True,
                           master=custody.new_master_key())
        logins = build_demo(store)
        return Opened(store, logins, needs_first_administrator(store), temp_dir)
    except BaseException:
        shutil.rmtree(temp_dir, ignore_errors=True)
        raise


def _open(url: str) -> Opened:
    from app.auth.setup import needs_first_administrator
    from app.errors import StoreUnavailable
    from app.crypto.keys import KeyUnavailable
    from app.opening import is_empty_store, open_store
    from db.errors import SchemaMismatch, StoreError
    from ui.messages import error_text

    shown = _safe_url(url)
    try:
        fresh = _is_sqlite(url) and (_sqlite_missing(url) or is_empty_store(url))
        master, problem = _master_of_this_pc()
        try:
            store = open_store(url, migrate=fresh, master=master)
        except KeyUnavailable as exc:    # a key that does not open this store: sign-in still works
            store, problem = open_store(url), error_text(exc)
        if store.keys is None and not problem:
            problem = QCoreApplication.translate(CONTEXT, NO_KEY)
        return Opened(store, [], needs_first_administrator(store), key_problem=problem)
    except StoreUnavailable as exc:
        cause = exc.__cause__
        where = exc.params.get("where") or shown
        if isinstance(cause, SchemaMismatch):
            params = dict(where=shown, url=shown, current=cause.current, expected=cause.expected)
            if cause.current is None:
                raise StartupProblem(NO_SCHEMA, details=str(cause), **params) from exc
            newer = "newer" in str(cause)
            raise StartupProblem(NEWER_SCHEMA if newer else OLDER_SCHEMA, details=str(cause),
                                 **params) from exc
        if isinstance(cause, StoreError):
            raise StartupProblem(CANNOT_USE, details=str(cause), url=shown) from exc
        raise StartupProblem(NO_ANSWER, details=str(exc), where=where) from exc
    except StoreError as exc:
        raise StartupProblem(CANNOT_USE, details=str(exc), url=shown) from exc
    except Exception as exc:  # a driver error while checking: the store did not answer
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            raise StartupProblem(NO_ANSWER, details=str(exc.orig), where=shown) from exc
        raise


NO_KEY = QT_TRANSLATE_NOOP(
    "Startup", "This PC has not the store's master key: ID numbers, phones and card numbers cannot be "
               "searched, revealed or written here. An administrator sets the master key file under This PC.")


def _master_of_this_pc() -> tuple[bytes | None, str]:
    """The master key from the file This PC's settings name (or $VIPDESK_MASTER_KEY_FILE), and
    why it could not be read. With none named, the store's key is looked for where this user
    keeps master keys (app.crypto.custody.find_master)."""
    from pathlib import Path

    from app.crypto import custody
    from app.pcsettings.file import load_settings

    path = load_settings().master_key_file
    if not path:
        return None, ""
    try:
        return custody.read_key_file(Path(path)), ""
    except custody.CustodyError as exc:
        from ui.messages import error_text

        return None, error_text(exc)


def _is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _sqlite_missing(url: str) -> bool:
    from sqlalchemy.engine import make_url

    database = make_url(url).database or ""
    return not database or database == ":memory:" or not Path(database).expanduser().exists()


def _safe_url(url: str) -> str:
    """The URL without its password, fit to show on screen."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # a malformed URL is shown as given
        return url
