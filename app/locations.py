"""Where the store is: ``--db``, then ``VIPDESK_DB_URL``, then this PC's settings file, then a
SQLite file in the user's data directory."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

def default_store_path() -> Path:
    return Path(user_data_dir("VIPDesk", appauthor=False)) / "vipdesk.sqlite3"


def resolve_store_url(explicit: str | None) -> str:
    """``--db`` first, then the PC's settings (``VIPDESK_DB_URL`` over the settings file), then
    the per-user SQLite file; a PostgreSQL password the URL leaves out comes from the keyring."""
    from app.pcsettings.file import load_settings
    from app.pcsettings.secret import with_password

    url = explicit or load_settings().store_url or f"sqlite:///{default_store_path()}"
    return with_password(url)
