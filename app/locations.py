"""Where the store is when nobody says: a SQLite file in the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENV_URL = "VIPDESK_DB_URL"


def default_store_path() -> Path:
    return Path(user_data_dir("VIPDesk", appauthor=False)) / "vipdesk.sqlite3"


def resolve_store_url(explicit: str | None) -> str:
    """``--db`` first, then ``VIPDESK_DB_URL``, then the per-user SQLite file."""
    if explicit:
        return explicit
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    return f"sqlite:///{default_store_path()}"
