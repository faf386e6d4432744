"""The command line of docs/architecture.md: exit codes, one-line errors, no tracebacks."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

import main
from app import __version__

ROOT = Path(__file__).resolve().parents[2]


def run(*argv):
    """Run main.py in a child process, as a user would."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def test_version():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"VIP Desk {__version__}"


def test_upgrade_demo_verify_backup_export(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert main.main(["db", "upgrade", "--db", url]) == 0
    assert main.main(["demo", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "admin" in out and "VipDesk-Demo-2026" in out
    assert main.main(["audit", "verify", "--db", url]) == 0
    assert "audit chain intact" in capsys.readouterr().out
    assert main.main(["backup", str(tmp_path / "copy.sqlite3"), "--db", url]) == 0
    assert main.main(["audit", "verify", "--db", f"sqlite:///{tmp_path / 'copy.sqlite3'}"]) == 0
    assert main.main(["export", "audit", str(tmp_path / "audit.csv"), "--db", url]) == 0
    assert (tmp_path / "audit.csv").read_text(encoding="utf-8-sig").startswith("事件编号,发生时间,")


def test_the_store_comes_from_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VIPDESK_DB_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    assert main.main(["db", "upgrade"]) == 0
    assert "env.sqlite3" in capsys.readouterr().out


def test_tampered_chain_exits_non_zero_naming_the_event(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert run("demo", "--db", url).returncode == 0
    from db.engine import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET action = 'nothing.happened' WHERE id = 3"))
    engine.dispose()
    done = run("audit", "verify", "--db", url)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "audit chain broken: lane 0, event 3 (id 3, nothing.happened) was changed after it was written"]


@pytest.mark.parametrize("argv, message", [
    (["audit", "verify", "--db", "postgresql://nobody@127.0.0.1:1/none"], "did not answer"),
    (["audit", "verify", "--db", "mysql://x@y/z"], "unsupported store"),
    (["audit", "verify", "--db", "sqlite:////dev/null/x.sqlite3"], "There is no store at /dev/null/x.sqlite3"),
    (["db", "upgrade", "--db", "sqlite:////dev/null/x.sqlite3"], "The folder /dev/null does not exist"),
])
def test_user_errors_are_one_line_without_traceback(argv, message):
    done = run(*argv)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr and message in lines[0]


@pytest.mark.parametrize("argv, message", [
    (["bogus"], "main.py: error: argument COMMAND: invalid choice: 'bogus'"),
    (["--db"], "main.py: error: argument --db: expected one argument"),
    (["tiers", "evaluate", "--as-off", "2026-01"], "main.py: error: unrecognized arguments: --as-off 2026-01"),
    (["tiers", "evaluate", "--as-of"], "main.py tiers evaluate: error: argument --as-of: expected one argument"),
])
def test_usage_errors_are_one_line(argv, message):
    done = run(*argv)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(message), done.stderr


@pytest.mark.parametrize("argv, opened", [
    ([], (None, False)),
    (["--db", "sqlite:///a.sqlite3"], ("sqlite:///a.sqlite3", False)),
    (["--demo"], (None, True)),
    (["--db=sqlite:///b.sqlite3", "--demo"], ("sqlite:///b.sqlite3", True)),
])
def test_the_gui_options_alone_open_the_gui(monkeypatch, argv, opened):
    import ui.app

    seen = []
    monkeypatch.setattr(ui.app, "run_gui", lambda *, store_url, demo: seen.append((store_url, demo)) or 0)
    assert main.main(argv) == 0
    assert seen == [opened]


def test_help_lists_every_command():
    done = run("--help")
    assert done.returncode == 0
    assert all(command in done.stdout for command, _action in main.COMMANDS)


def test_schema_missing_tells_what_to_run(tmp_path):
    done = run("audit", "verify", "--db", f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert done.returncode == 2 and "python main.py db upgrade" in done.stderr


def test_demo_refuses_a_store_with_data(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert main.main(["demo", "--db", url]) == 0
    assert main.main(["demo", "--db", url]) == 2
    assert "already has data" in capsys.readouterr().err


def test_backup_of_postgresql_says_how(pg_database_url, capsys):
    assert main.main(["backup", "/tmp/never-written.dump", "--db", pg_database_url]) == 2
    assert "pg_dump" in capsys.readouterr().err
    assert not Path("/tmp/never-written.dump").exists()


def test_verify_on_postgresql(pg_demo_store, capsys):
    url = pg_demo_store.engine.url.render_as_string(hide_password=False)
    assert main.main(["audit", "verify", "--db", url]) == 0


def test_a_store_url_that_cannot_be_read_is_one_line():
    done = run("audit", "verify", "--db", "postgresql://vipdesk_signin@db.branch:notaport/vipdesk")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "store URL" in done.stderr
