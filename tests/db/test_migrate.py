"""Schema handling: Alembic is the only way in; older and newer stores are told apart."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.errors import StoreUnavailable
from app.opening import open_store
from db.engine import make_engine
from db.errors import SchemaMismatch
from db.migrate import check_current, head_revision, upgrade
from db.models import Base


def test_empty_store_is_told_to_run_db_upgrade(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    with pytest.raises(SchemaMismatch, match="db upgrade") as info:
        check_current(engine)
    assert info.value.current is None


def test_older_store_is_told_to_run_db_upgrade(tmp_path):
    if head_revision() == "0001":
        pytest.skip("only one revision so far")
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    upgrade(engine, "0001")
    with pytest.raises(SchemaMismatch, match="older.*db upgrade"):
        check_current(engine)
    upgrade(engine)
    check_current(engine)


def test_newer_store_is_told_to_install_a_newer_program(sqlite_store):
    with sqlite_store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    with pytest.raises(SchemaMismatch, match="newer"):
        check_current(sqlite_store.engine)


def test_open_store_turns_schema_problems_into_a_user_message(tmp_path):
    with pytest.raises(StoreUnavailable, match="db upgrade"):
        open_store(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")


def test_open_store_on_a_server_that_does_not_answer():
    with pytest.raises(StoreUnavailable, match="did not answer"):
        open_store("postgresql://nobody@127.0.0.1:1/nothing")


def test_migrated_schema_matches_the_models(store):
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []


def test_migrations_go_down_and_up_again(tmp_path):
    from alembic import command

    from db.migrate import _config

    engine = make_engine(f"sqlite:///{tmp_path / 'cycle.sqlite3'}")
    upgrade(engine)
    command.downgrade(_config(engine), "base")
    upgrade(engine)
    check_current(engine)
