"""Schema handling: Alembic is the only way in; older and newer stores are told apart."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.errors import StoreUnavailable
from app.opening import open_store
from db.engine import make_engine
from db.errors import SchemaMismatch
from tests.conftest import TEST_MASTER_KEY, keyed
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


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_engine(request, tmp_path):
    """An engine on a new, empty store of each kind (a database of its own on PostgreSQL)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
        yield engine
        engine.dispose()
        return
    from tests.pg_support import create_database, drop_database

    server = request.getfixturevalue("pg_server_url")
    url = create_database(server)
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()
        drop_database(server, url.rsplit("/", 1)[1])


def _up_again(engine) -> None:
    """Upgrade a store taken below 0042 back to head as the program does: its placeholder numbers
    (the clear ones are gone) sealed under the test key on the way (app.opening)."""
    from app.opening import open_store

    open_store(engine.url.render_as_string(hide_password=False), migrate=True, master=TEST_MASTER_KEY).engine.dispose()


def test_tiers_and_figures_survive_migration_0019_down_and_up(fresh_engine):
    """0019 moved each customer's tier into a table of its own and the care figures onto it: down
    to 0018 and up again, every tier and its date come back where they were, and the figures
    rebuilt from them are the same."""
    from alembic import command

    from app.demo import build_demo
    from db.migrate import _config

    def rows(sql: str) -> list[tuple]:
        with fresh_engine.connect() as conn:
            return sorted(tuple(map(str, row)) for row in conn.execute(text(sql)))

    upgrade(fresh_engine)
    build_demo(keyed(fresh_engine))
    tiers = rows("SELECT id, tier, tier_since FROM customer_tier")
    counted = ('SELECT branch_id, tier, SUM("count") FROM care_tier_count GROUP BY branch_id, tier'
               ' HAVING SUM("count") <> 0')   # summed over the writers' slots
    figures = rows(counted)
    assert len({tier for _, tier, _ in tiers}) >= 3 and figures
    command.downgrade(_config(fresh_engine), "0018")
    assert rows("SELECT id, tier, tier_since FROM customer") == tiers
    assert rows(counted) == figures
    _up_again(fresh_engine)
    assert rows("SELECT id, tier, tier_since FROM customer_tier") == tiers
    assert rows(counted) == figures


def test_first_card_lists_survive_migration_0021_down_and_up(fresh_engine):
    """0021 made a first-card entry a mark on the tier change: down to 0020 the marked changes are
    worklist rows again, and up again every evaluation's list reads as it did, once each."""
    from alembic import command

    from app.actor import Actor
    from app.demo import build_demo
    from app.tiers.evaluation import FIRST_CARD, iter_worklist
    from db.migrate import _config

    upgrade(fresh_engine)
    store = keyed(fresh_engine)
    build_demo(store)

    def lists() -> list[tuple]:
        with fresh_engine.connect() as conn:
            evaluations = conn.scalars(text("SELECT id FROM tier_evaluation ORDER BY id")).all()
        return [(e, r.customer_id, r.average, r.computed_tier, r.effective_tier, r.card_type_held)
                for e in evaluations for r in iter_worklist(store, Actor.batch("test"), e, FIRST_CARD)]

    before = lists()
    assert len(before) >= 10 and all(computed for *_, computed, _, _ in before)
    command.downgrade(_config(fresh_engine), "0020")
    with fresh_engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT evaluation_id, customer_id, average, computed_tier, effective_tier, card_type_held "
            "FROM tier_worklist WHERE kind = 'first_card' ORDER BY evaluation_id, customer_id")).all()
    assert [(e, c, f"{a:.2f}", *rest) for e, c, a, *rest in rows] == [
        (e, c, f"{a:.2f}", *rest) for e, c, a, *rest in before]
    _up_again(fresh_engine)
    assert lists() == before


def test_a_store_migrated_from_before_the_last_line_keeps_its_rows_and_trail(fresh_engine):
    """Down to 0022 (before the database composed the audit events and guarded the writes) and up
    again: every table keeps its rows, the chain verifies, and the next action appends to it."""
    from alembic import command

    from app.audit.trail import verify_chain
    from app.auth import branches
    from app.demo import build_demo
    from db.migrate import _config
    from tests.db.helpers import actor_named

    upgrade(fresh_engine)
    store = keyed(fresh_engine)
    build_demo(store)
    tables = ("customer", "vip_card", "card_application", "blank_card", "queue_ticket", "complaint",
              "document", "audit_event", "staff_account", "tier_change")

    def counts() -> dict[str, int]:
        with fresh_engine.connect() as conn:
            return {table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() for table in tables}

    def pii_events() -> int:
        with fresh_engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM audit_event WHERE action LIKE 'pii.%'")).scalar()

    built, keys_made = counts(), pii_events()
    command.downgrade(_config(fresh_engine), "0022")
    assert counts() == built and verify_chain(store).intact
    _up_again(fresh_engine)
    after, sealing = counts(), pii_events() - keys_made   # going up again seals (the placeholders) and says so
    assert after == built | {"audit_event": built["audit_event"] + sealing} and sealing >= 2
    admin = actor_named(store, "admin")
    branches.create_branch(store, admin, code="MIG1", name="迁移后", level="branch", parent_id=admin.branch_id)
    result = verify_chain(store)
    assert result.intact and result.checked == after["audit_event"] + 1
