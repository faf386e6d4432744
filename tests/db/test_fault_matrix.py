"""The fault matrix of issue 31: every command of the command line against a store that is
read-only, on a full disk, locked by another program, of another schema (newer, older) or not
there at all, and against an output that cannot be written. Each cell asserts what a user
must see: one line on stderr, a non-zero exit (or, where the fault does not stop the command,
its normal success), and the store and the output folder exactly as they were.

The disk faults are real: a small tmpfs mounted for the test (remounted read-only, or filled
to the last byte). They need root (a container's or CI's) and are skipped without it; a root
that cannot mount one fails them under CI=true. The read-only store file, the lock, the
schemas and the absent store need nothing special.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.db.test_customers import ID_LI, _valid

ROOT = Path(__file__).resolve().parents[2]
STORE = "store.sqlite3"
OLD = b"an earlier file of this name\n"


@dataclass(frozen=True)
class Command:
    """One command line; ``{out}`` stands for the output file, ``{in:NAME}`` for an input."""

    name: str
    argv: tuple[str, ...]
    writes: bool = True           # changes the demo store when it succeeds (or audits what it did)
    output: str | None = None     # the output file's name, when the command writes one


def _commands(month: str, renewal: tuple[str, str]) -> list[Command]:
    branch, renewal_month = renewal
    exports = [Command(f"export {kind}", ("export", kind, "{out}"), output=f"{kind}.csv")
               for kind in ("customers", "cards", "stock", "tickets", "audit")]
    return [
        Command("db upgrade", ("db", "upgrade"), writes=False),           # the schema is current
        Command("demo", ("demo", "--customers", "3"), writes=False),      # refused: the store has data
        Command("import-customers", ("import-customers", "{in:customers.csv}")),
        Command("import-aum", ("import-aum", "{in:aum.csv}")),
        *exports,
        Command("tiers evaluate", ("tiers", "evaluate", "--as-of", month)),
        Command("care rebuild-figures", ("care", "rebuild-figures")),
        Command("stock reconcile", ("stock", "reconcile", "--branch", "BJ0101", "--date", "2026-01-05"),
                writes=False),
        Command("letters renewals", ("letters", "renewals", "--branch", branch, "--month", renewal_month,
                                     "--out", "{out}"), output="renewals.pdf"),
        Command("audit verify", ("audit", "verify"), writes=False),
        Command("doc verify", ("doc", "verify", "VD1.D.123.AAAA"), writes=False),
        Command("backup", ("backup", "{out}"), writes=False, output="copy.sqlite3"),
    ]


# -- the environment ------------------------------------------------------------------------------

def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@contextmanager
def _tmpfs(where: Path, size: str):
    """A tmpfs of ``size`` mounted at ``where`` for the test; skipped without root, a failure
    under CI=true when root cannot mount one."""
    if not _can_mount():
        pytest.skip("mounting a tmpfs needs root")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot mount a tmpfs: {done.stderr.strip()}")
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


def _fill(where: Path, leave: int = 0) -> None:
    """Fill the file system of ``where`` until ``leave`` bytes are free (0: to the last byte)."""
    free = os.statvfs(where).f_bavail * os.statvfs(where).f_frsize
    with open(where / "filler", "wb", buffering=0) as handle:
        try:
            handle.write(b"\0" * max(0, free - leave))
            while not leave:
                handle.write(b"\0" * 4096)
        except OSError:
            pass
        while not leave:
            try:
                handle.write(b"\0")
            except OSError:
                break


def _state(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (bar the filler) with a hash of its content; SQLite stores by
    their logical content (what a page or a WAL frame holds is not what a user sees)."""
    seen = {}
    for path in sorted(folder.rglob("*")):
        if path.is_dir() or path.name == "filler":
            continue
        rel = str(path.relative_to(folder))
        if path.name.endswith(("-wal", "-shm", "-journal")):
            continue
        if path.name == STORE:
            seen[rel] = _dump(path)
        else:
            seen[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


def _dump(path: Path) -> str:
    """A hash of a SQLite file's content as of its last commit (read from a copy, so that
    reading it changes nothing and works on a read-only or full disk)."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "copy.sqlite3"
        shutil.copyfile(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(scratch) / "copy.sqlite3-wal")
        conn = sqlite3.connect(copy)
        try:
            text = "\n".join(conn.iterdump())
        finally:
            conn.close()
    return hashlib.sha256(text.encode()).hexdigest()


def _argv(command: Command, url: str, inputs: Path, out: Path | None) -> list[str]:
    argv = []
    for token in command.argv:
        if token == "{out}":
            token = str(out)
        elif token.startswith("{in:"):
            token = str(inputs / token[4:-1])
        argv.append(token)
    return [*argv, "--db", url]


def _run(argv: list[str], *, busy_ms: int | None = None) -> subprocess.CompletedProcess:
    """main.py in a child process, as a user runs it (``busy_ms``: how long a lock is waited
    for — SQLite's busy timeout, and on PostgreSQL the long jobs' lock timeout)."""
    if busy_ms is None:
        cmd = [sys.executable, str(ROOT / "main.py"), *argv]
    else:
        cmd = [sys.executable, "-c",
               "import runpy, sys; import db.engine as e, db.session_limits as s; "
               f"e.SQLITE_BUSY_TIMEOUT_MS = {busy_ms}; s.LONG_JOB_LOCK_TIMEOUT = '{busy_ms}ms'; "
               "sys.argv = ['main.py', *sys.argv[1:]]; "
               "runpy.run_path('main.py', run_name='__main__')", *argv]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=ROOT)


def _one_line_failure(done: subprocess.CompletedProcess, label: str) -> None:
    assert done.returncode != 0, f"{label}: exit 0\n{done.stdout}"
    assert "Traceback" not in done.stderr, f"{label}:\n{done.stderr}"
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].strip(), f"{label}: stderr was\n{done.stderr}"


# -- fixtures --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def world(sqlite_demo_template, tmp_path_factory):
    """The demo store and the inputs the commands read."""
    base = tmp_path_factory.mktemp("faults")
    inputs = base / "inputs"
    inputs.mkdir()
    conn = sqlite3.connect(sqlite_demo_template)
    try:
        cifs = [r[0] for r in conn.execute("SELECT cif_no FROM customer ORDER BY id LIMIT 3")]
        (last,) = conn.execute("SELECT max(month) FROM aum_month").fetchone()
        renewal = conn.execute(
            "SELECT b.code, strftime('%Y-%m', v.expires_on) FROM vip_card v JOIN branch b ON b.id = v.branch_id "
            "WHERE v.status = 'active' ORDER BY v.expires_on LIMIT 1").fetchone()
    finally:
        conn.close()
    month = f"{last // 100}-{last % 100:02d}"
    (inputs / "customers.csv").write_text(
        "cif_no,name,id_type,id_number,phone,branch_code\r\n"
        f"FAULT00001,赵六,resident_id,{ID_LI},13800138000,BJ0101\r\n"
        f"FAULT00002,钱七,resident_id,{_valid('31010119750505002')},13900139000,BJ0101\r\n", encoding="utf-8")
    (inputs / "aum.csv").write_text(
        "cif_no,month,avg_daily_aum\r\n" + "".join(f"{cif},{month},{123456 + i}.78\r\n" for i, cif in enumerate(cifs)),
        encoding="utf-8")
    return {"template": Path(sqlite_demo_template), "inputs": inputs, "month": month, "renewal": renewal}


def _commands_of(world) -> list[Command]:
    return _commands(world["month"], world["renewal"])


COMMAND_NAMES = [c.name for c in _commands("2026-01", ("BJ01", "2026-01"))]


def _command(world, name: str) -> Command:
    return next(c for c in _commands_of(world) if c.name == name)


def _place_store(world, folder: Path) -> str:
    shutil.copyfile(world["template"], folder / STORE)
    return f"sqlite:///{folder / STORE}"


def _out_folder(base: Path, command: Command) -> tuple[Path, Path | None]:
    """A folder for the command's output, holding an earlier file of the same name."""
    folder = base / "out"
    folder.mkdir(exist_ok=True)
    if command.output is None:
        return folder, None
    out = folder / command.output
    out.write_bytes(OLD)
    return folder, out


# -- the store's faults ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_read_only_store(world, tmp_path, name):
    """The store's disk is mounted read-only: a command that writes says so in one line; one
    that only reads does its work; nothing changes."""
    command = _command(world, name)
    with _tmpfs(tmp_path / "disk", "8m") as disk:
        url = _place_store(world, disk)
        _remount_read_only(disk)
        out_folder, out = _out_folder(tmp_path, command)
        before, outputs = _state(disk), _state(out_folder)
        done = _run(_argv(command, url, world["inputs"], out))
        if command.writes:
            _one_line_failure(done, name)
            assert _state(out_folder) == outputs
        else:
            assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) <= 1, done.stderr
        assert _state(disk) == before


@pytest.mark.parametrize("name", COMMAND_NAMES)
@pytest.mark.parametrize("leave", [0, 40 * 1024], ids=["full", "nearly-full"])
def test_store_on_a_full_disk(world, tmp_path, name, leave):
    """The store's disk is full (nothing can even be opened for writing) or nearly (the store
    opens, the write fails as it grows or commits): one line, nothing changed."""
    command = _command(world, name)
    with _tmpfs(tmp_path / "disk", "4m") as disk:
        url = _place_store(world, disk)
        _fill(disk, leave)
        out_folder, out = _out_folder(tmp_path, command)
        before, outputs = _state(disk), _state(out_folder)
        done = _run(_argv(command, url, world["inputs"], out))
        if command.writes:
            _one_line_failure(done, name)
            assert _state(out_folder) == outputs
        else:
            assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) <= 1, done.stderr
        assert _state(disk) == before


@pytest.mark.parametrize("name", [c for c in COMMAND_NAMES if c.startswith(("export", "letters", "backup"))])
@pytest.mark.parametrize("fault", ["full", "nearly-full", "read-only"])
def test_output_that_cannot_be_written(world, tmp_path, name, fault):
    """The output's disk is full (to the byte, or all but 256 KB, so that a large output starts
    and stops halfway) or read-only: one line, the earlier file of that name intact, no part
    file (nor a backup's journal) left, and the store unchanged (no batch registered, no export
    audited)."""
    command = _command(world, name)
    url = _place_store(world, tmp_path)
    with _tmpfs(tmp_path / "disk", "1m") as disk:
        out = disk / command.output
        out.write_bytes(OLD)
        if fault == "read-only":
            _remount_read_only(disk)
        else:
            _fill(disk, 0 if fault == "full" else 256 * 1024)
        before, outputs = _dump(tmp_path / STORE), _state(disk)
        done = _run(_argv(command, url, world["inputs"], out))
        if fault == "nearly-full" and done.returncode == 0:   # a small export fits: whole, and alone
            assert sorted(p.name for p in disk.iterdir()) == sorted([out.name, "filler"])
            assert out.read_bytes() != OLD
            return
        _one_line_failure(done, name)
        assert _state(disk) == outputs
        assert _dump(tmp_path / STORE) == before


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_read_only_store_file(world, tmp_path, name):
    """The store file opens read-only (a file the user may not write; as root, whom file modes
    do not stop, SQLite's read-only open mode says the same): as the read-only disk."""
    command = _command(world, name)
    url = _place_store(world, tmp_path)
    url = f"sqlite:///file:{tmp_path / STORE}?mode=ro&uri=true"
    out_folder, out = _out_folder(tmp_path, command)
    before, outputs = _dump(tmp_path / STORE), _state(out_folder)
    done = _run(_argv(command, url, world["inputs"], out))
    if command.writes:
        _one_line_failure(done, name)
        assert _state(out_folder) == outputs
    else:
        assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) <= 1, done.stderr
    assert _dump(tmp_path / STORE) == before


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_locked_store(world, tmp_path, name):
    """Another program holds the store's write lock for longer than the busy timeout: a command
    that writes waits, then says the store is busy; readers go on (WAL)."""
    command = _command(world, name)
    url = _place_store(world, tmp_path)
    out_folder, out = _out_folder(tmp_path, command)
    before, outputs = _dump(tmp_path / STORE), _state(out_folder)
    holder = sqlite3.connect(tmp_path / STORE, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        done = _run(_argv(command, url, world["inputs"], out), busy_ms=200)
    finally:
        holder.rollback()
        holder.close()
    if command.writes:
        _one_line_failure(done, name)
        assert "busy" in done.stderr, done.stderr
        assert _state(out_folder) == outputs
    else:
        assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) <= 1, done.stderr
    assert _dump(tmp_path / STORE) == before


def _set_revision(path: Path, revision: str | None) -> None:
    from db.engine import make_engine
    from db.migrate import upgrade

    if revision is None:
        return
    if revision == "older":
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine, "0031")   # an older store: built by the program before the last migration
        engine.dispose()
        return
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


@pytest.mark.parametrize("name", COMMAND_NAMES)
@pytest.mark.parametrize("schema", ["newer", "older"])
def test_store_of_another_schema(world, tmp_path, name, schema):
    """A store of a newer program (every command, ``db upgrade`` too, says to install it) or an
    older one (every command but ``db upgrade`` says to run it)."""
    command = _command(world, name)
    if schema == "older":
        url = f"sqlite:///{tmp_path / STORE}"
        _set_revision(tmp_path / STORE, "older")
    else:
        url = _place_store(world, tmp_path)
        _set_revision(tmp_path / STORE, "9999_from_the_future")
    out_folder, out = _out_folder(tmp_path, command)
    before, outputs = _dump(tmp_path / STORE), _state(out_folder)
    done = _run(_argv(command, url, world["inputs"], out))
    if schema == "older" and name in ("db upgrade", "demo"):
        assert done.returncode == 0, done.stderr     # what they are for
        return
    _one_line_failure(done, name)
    assert ("install the newer" if schema == "newer" else "db upgrade") in done.stderr, done.stderr
    assert _state(out_folder) == outputs
    assert _dump(tmp_path / STORE) == before


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_no_store_there(world, tmp_path, name):
    """A URL naming a folder that does not exist (a typo): one line, and no folder or file is
    made; a file that does not exist is made only by the commands that create stores."""
    command = _command(world, name)
    out_folder, out = _out_folder(tmp_path, command)
    outputs = _state(out_folder)
    done = _run(_argv(command, f"sqlite:///{tmp_path / 'typo' / 'dir' / STORE}", world["inputs"], out))
    _one_line_failure(done, name)
    assert not (tmp_path / "typo").exists()
    assert _state(out_folder) == outputs
    if name not in ("db upgrade", "demo"):
        done = _run(_argv(command, f"sqlite:///{tmp_path / STORE}", world["inputs"], out))
        _one_line_failure(done, name)
        assert "db upgrade" in done.stderr, done.stderr
        assert not (tmp_path / STORE).exists()


# -- PostgreSQL --------------------------------------------------------------------------------------

def _pg_state(url: str) -> dict[str, str]:
    """A hash of every table of the store, by table (binary COPY, in storage order: a table
    nobody wrote to comes out byte for byte the same), so that a failure names what changed."""
    from tests.pg_support import take_snapshot

    return {table: hashlib.sha256(data).hexdigest() for table, data in take_snapshot(url).tables}


@contextmanager
def _pg_fault(url: str, fault: str):
    """The database made read-only for new sessions (what a standby or an administrator's
    ``default_transaction_read_only`` gives), its schema revision set to a newer one, or every
    table locked against writes by another session left open (readers go on, as on SQLite)."""
    import psycopg

    if fault == "locked":
        from tests.pg_support import store_tables

        with psycopg.connect(url) as holder:
            holder.execute(f"LOCK TABLE {', '.join(store_tables(holder))} IN EXCLUSIVE MODE")
            try:
                yield
            finally:
                holder.rollback()
        return
    with psycopg.connect(url, autocommit=True) as admin:
        name = admin.execute("SELECT current_database()").fetchone()[0]
        if fault == "read-only":
            admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
        else:
            (was,) = admin.execute("SELECT version_num FROM alembic_version").fetchone()
            admin.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        try:
            yield
        finally:
            if fault == "read-only":
                admin.execute(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
            else:
                admin.execute("UPDATE alembic_version SET version_num = %s", (was,))


@pytest.fixture(scope="module")
def pg_demo_url(pg_demo_snapshot, pg_database_url):
    """The demo store on PostgreSQL, put back once for the module: every cell asserts that it
    left the store as it found it, so the next one finds it so too."""
    from tests.pg_support import restore_snapshot

    restore_snapshot(pg_database_url, pg_demo_snapshot)
    return pg_database_url


@pytest.mark.parametrize("name", COMMAND_NAMES)
@pytest.mark.parametrize("fault", ["read-only", "newer", "locked"])
def test_postgresql_store_faults(world, pg_demo_url, tmp_path, name, fault):
    """The same cells on PostgreSQL: a read-only database, a newer schema, tables locked by a
    session that does not let go (a lock is waited for 500 ms, then the store is busy)."""
    command = _command(world, name)
    locked = fault == "locked"
    url = pg_demo_url + ("?options=-c%20lock_timeout%3D500" if locked else "")
    out_folder, out = _out_folder(tmp_path, command)
    outputs = _state(out_folder)
    with _pg_fault(pg_demo_url, fault):
        before = _pg_state(pg_demo_url)
        done = _run(_argv(command, url, world["inputs"], out), busy_ms=500 if locked else None)
        after = _pg_state(pg_demo_url)
    if command.writes or fault == "newer":
        _one_line_failure(done, name)
        if fault == "newer":
            assert "install the newer" in done.stderr, done.stderr
        if locked:
            assert "busy" in done.stderr, done.stderr
        assert _state(out_folder) == outputs
    else:
        assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) <= 1, done.stderr
    assert after == before


@pytest.fixture
def pg_on_a_full_disk(pg_demo_url):
    """The demo store's tables and indexes moved into a tablespace on a small tmpfs (the server
    runs on this machine, as the user postgres), then the tmpfs filled to the last byte: what a
    store whose disk is full gives a command that needs room for what it writes. Needs root and
    the local server; under CI=true on a machine with both it must run. Everything is moved back
    at the end."""
    import pwd
    import tempfile
    from urllib.parse import urlsplit

    import psycopg

    from tests.pg_support import store_tables

    if urlsplit(pg_demo_url).hostname not in ("127.0.0.1", "localhost") or not _can_mount():
        pytest.skip("a full disk under PostgreSQL needs root and a local server")
    try:
        owner = pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("the local server's user (postgres) is not on this machine")
    name = f"vipdesk_full_{os.getpid()}"
    # right under /tmp: the server's user must reach it (pytest's own folders are root's alone)
    mount_point = Path(tempfile.mkdtemp(prefix="vipdesk-pgfull-", dir="/tmp"))
    with _tmpfs(mount_point, "160m") as disk:  # room for the sealed demo (values, tails) and its indexes
        place = disk / "tablespace"
        place.mkdir()
        os.chown(place, owner.pw_uid, owner.pw_gid)
        server = pg_demo_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"CREATE TABLESPACE {name} LOCATION '{place}'")
        with psycopg.connect(pg_demo_url) as conn:
            tables = store_tables(conn)
        try:
            with psycopg.connect(pg_demo_url, autocommit=True) as conn:
                # compacted first: the suite empties stores by DELETE, and rows written into the
                # room that earlier tests' deleted rows left would need no new disk at all
                conn.execute("VACUUM FULL")
                for kind in ("TABLE", "INDEX"):
                    conn.execute(f"ALTER {kind} ALL IN TABLESPACE pg_default SET TABLESPACE {name}")
                # and every new row wanting a fresh page: a compacted table's last page still has
                # room, and a small import that fits there needed no disk (it once went through)
                for table in tables:
                    conn.execute(f"ALTER TABLE {table} SET (fillfactor = 10)")
                conn.execute("CHECKPOINT")
            _fill(disk)
            yield pg_demo_url
        finally:
            (disk / "filler").unlink(missing_ok=True)
            with psycopg.connect(pg_demo_url, autocommit=True) as conn:
                for table in tables:
                    conn.execute(f"ALTER TABLE {table} RESET (fillfactor)")
                for kind in ("TABLE", "INDEX"):
                    conn.execute(f"ALTER {kind} ALL IN TABLESPACE {name} SET TABLESPACE pg_default")
            with psycopg.connect(server, autocommit=True) as admin:
                admin.execute(f"DROP TABLESPACE {name}")
    mount_point.rmdir()


def test_postgresql_store_on_a_full_disk(world, pg_on_a_full_disk, tmp_path):
    """Every command that writes, against a PostgreSQL store whose disk is full: one line that
    says so, a non-zero exit, the store and the output folder as they were. (A full disk does
    not stop those that only read: the read-only cells cover them.) One test for all, so that
    the store is on the full disk only for its duration."""
    before = _pg_state(pg_on_a_full_disk)     # and after each command, as none may change it
    for command in _commands_of(world):
        if not command.writes:
            continue
        base = tmp_path / command.name.replace(" ", "-")
        base.mkdir()
        out_folder, out = _out_folder(base, command)
        outputs = _state(out_folder)
        done = _run(_argv(command, pg_on_a_full_disk, world["inputs"], out))
        after = _pg_state(pg_on_a_full_disk)
        assert after == before, (command.name, done.returncode, done.stderr,
                                 sorted(t for t in before if after.get(t) != before[t]))
        _one_line_failure(done, command.name)
        assert "disk is full" in done.stderr, (command.name, done.stderr)
        assert _state(out_folder) == outputs, command.name
