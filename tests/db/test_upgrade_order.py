"""The order a bank upgrades in (README, "Installing in a branch"): the store first, then the
PCs. Proved with the real previous release — the program as it was before the newest migration,
taken from git — against a store the current program upgraded (it refuses, naming the newer
version to install, and writes nothing), and the current program against the previous release's
store (it refuses until `db upgrade`, then works). On SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from db.engine import make_engine
from db.migrate import MIGRATIONS, head_revision

ROOT = Path(__file__).resolve().parents[2]


def _git(*argv: str) -> str:
    return subprocess.run(["git", *argv], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def previous_release(tmp_path_factory) -> tuple[Path, str]:
    """The tree of the commit before the one that added the newest migration, and its head."""
    script = ScriptDirectory(str(MIGRATIONS))
    newest = script.get_revision(head_revision())
    try:
        added = _git("log", "-n1", "--diff-filter=A", "-m", "--first-parent", "--format=%H", "--",  # (a merge too)
                     str(Path(newest.path).relative_to(ROOT)))
    except (OSError, subprocess.CalledProcessError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the history is not at hand: {exc}")
        pytest.skip(f"no git history: {exc}")
    if not added:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but migration {newest.revision} is in no commit")
        pytest.skip(f"migration {newest.revision} is not committed yet")
    where = tmp_path_factory.mktemp("previous-release")
    archive = where / "tree.tar"
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), f"{added}^"], cwd=ROOT, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(where / "tree", filter="data")
    return where / "tree", newest.down_revision


def run(tree: Path, *argv: str) -> subprocess.CompletedProcess:
    """``python main.py ARGV`` of the program in ``tree``, as IT would run it (its own code first
    on the path, whatever this environment has installed)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen", "VIPDESK_SETTINGS": os.devnull}
    return subprocess.run([sys.executable, str(tree / "main.py"), *argv], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=300)


def revision(url: str) -> str:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    finally:
        engine.dispose()


def _upgrade_in_order(url: str, previous: Path, previous_head: str) -> None:
    current = head_revision()
    done = run(previous, "db", "upgrade", "--db", url)
    assert done.returncode == 0, done.stderr
    assert f"schema at revision {previous_head}" in done.stdout  # really the old program
    assert revision(url) == previous_head

    # a PC upgraded first: the new program refuses the old store, nothing written
    done = run(ROOT, "audit", "verify", "--db", url)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"older than this program's ({current}): run `python main.py db upgrade`" in done.stderr
    assert revision(url) == previous_head

    # the store upgraded by its owner with the new program
    done = run(ROOT, "db", "upgrade", "--db", url)
    assert done.returncode == 0, done.stderr
    assert revision(url) == current

    # a PC not upgraded yet: refuses, says to install the newer version, writes nothing
    done = run(previous, "audit", "verify", "--db", url)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"newer than this program knows ({previous_head}): install the newer VIP Desk version" in done.stderr
    assert revision(url) == current

    # the upgraded PC works
    done = run(ROOT, "audit", "verify", "--db", url)
    assert done.returncode == 0 and "audit chain intact" in done.stdout, done.stderr


def test_previous_release_and_upgraded_store_on_sqlite(tmp_path, previous_release):
    previous, previous_head = previous_release
    _upgrade_in_order(f"sqlite:///{tmp_path / 'branch.sqlite3'}", previous, previous_head)


@pytest.mark.pg
def test_previous_release_and_upgraded_store_on_postgresql(pg_server_url, previous_release):
    import psycopg

    from tests.pg_support import store_role_names

    previous, previous_head = previous_release
    name = f"vipdesk_upgrade_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_server_url + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        _upgrade_in_order(f"{pg_server_url}/{name}", previous, previous_head)
    finally:
        with psycopg.connect(pg_server_url + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in store_role_names(conn, name):
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')
