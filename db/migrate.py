"""Schema creation and migration through Alembic, and the check that a store is current.

The program never creates tables behind the user's back: ``db upgrade`` (CLI) or the first
start of a fresh store in the GUI runs :func:`upgrade`; every other path calls
:func:`check_current` and refuses an older or newer schema with the command to run.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from db.errors import SchemaMismatch

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The schema revision this program expects."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the program ships its migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision, or None for an empty store."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or migrate the schema to ``revision``; a store of a newer program (a revision
    this one does not know) is refused with :class:`SchemaMismatch`, as every command does."""
    current = current_revision(engine)
    if current is not None and current not in _known_revisions():
        raise SchemaMismatch(_newer(current, head_revision()), current=current, expected=head_revision())
    command.upgrade(_config(engine), revision)


def check_current(engine: Engine) -> None:
    """Raise :class:`SchemaMismatch` unless the store is exactly at this program's schema."""
    current, expected = current_revision(engine), head_revision()
    if current == expected:
        return
    if current is None:
        message = "the store has no VIP Desk schema yet: run `python main.py db upgrade`"
    elif current in _known_revisions():
        message = (f"the store's schema ({current}) is older than this program's ({expected}): "
                   "run `python main.py db upgrade`")
    else:
        message = _newer(current, expected)
    raise SchemaMismatch(message, current=current, expected=expected)


def _newer(current: str, expected: str) -> str:
    return (f"the store's schema ({current}) is newer than this program knows ({expected}): "
            "install the newer VIP Desk version")


def _known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}
