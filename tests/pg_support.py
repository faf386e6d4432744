"""Helpers for PostgreSQL tests: emptying a store database, its cluster-wide roles, and a private
password-checking server.

Each store has its own role prefix (migration 0002): logins ``vd_<hex>_<user>``, groups
``vdg_<hex>_staff|admin|signin`` commented ``VIP Desk store "<database>"``. Roles live in the
cluster, not in the database, so emptying a database drops its logins too (the groups, the
functions and the grants stay), and dropping a database must be followed by dropping its roles.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

TABLES = ["audit_event", "staff_role", "staff_account", "setting", "branch", "tier_policy", "aum_import",
          "pii_key", "sealed_value"]   # no foreign key brings these two into the cascade
STORE_COMMENT = 'VIP Desk store "{database}"'


def _like(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%"


def store_role_names(conn, database: str) -> list[str]:
    """Roles that belong to the store in ``database``: its logins first, then its groups.

    Works after the database is gone: the groups are found by their cluster-wide comment.
    """
    groups = [row[0] for row in conn.execute(
        "SELECT rolname FROM pg_roles WHERE shobj_description(oid, 'pg_authid') = %s ORDER BY 1",
        (STORE_COMMENT.format(database=database),))]
    tokens = {name.split("_")[1] for name in groups if name.startswith("vdg_")}
    logins: list[str] = []
    for token in sorted(tokens):
        logins += [row[0] for row in conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s ORDER BY 1", (_like(f"vd_{token}_"),))]
    return logins + groups


def _login_roles(conn) -> list[str]:
    has_prefix = conn.execute("SELECT to_regprocedure('vipdesk_role_prefix()') IS NOT NULL").fetchone()[0]
    if not has_prefix:
        return []
    prefix = conn.execute("SELECT vipdesk_role_prefix()").fetchone()[0]
    return [row[0] for row in conn.execute(
        "SELECT rolname FROM pg_roles WHERE rolname LIKE %s ORDER BY 1", (_like(prefix),))]


def drop_roles(conn, roles: list[str]) -> None:
    """End the roles' sessions and drop them (logins hold no privileges of their own)."""
    from psycopg import sql

    for role in roles:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (role,))
        conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


# The tables ``TRUNCATE <TABLES> CASCADE`` would reach (TABLES and every table that refers to
# one of them, transitively), with the sequences their columns own, per database URL.
_RESET_PLANS: dict[str, tuple[list[str], list[str]]] = {}


def _reset_plan(conn, url: str) -> tuple[list[str], list[str]]:
    if url not in _RESET_PLANS:
        tables = [row[0] for row in conn.execute(
            "WITH RECURSIVE reached(oid) AS ("
            " SELECT unnest(%s::regclass[])::oid"
            " UNION SELECT c.conrelid FROM pg_constraint c JOIN reached r ON c.confrelid = r.oid"
            " WHERE c.contype = 'f')"
            " SELECT oid::regclass::text FROM reached ORDER BY 1", (TABLES,))]
        sequences = [row[0] for row in conn.execute(
            "SELECT DISTINCT d.objid::regclass::text FROM pg_depend d"
            " JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'"
            " WHERE d.classid = 'pg_class'::regclass AND d.refobjid = ANY(%s::regclass[])"
            " AND d.deptype IN ('a', 'i') ORDER BY 1", (tables,))]
        _RESET_PLANS[url] = (tables, sequences)
    return _RESET_PLANS[url]


def _empty_tables(conn, tables: list[str]) -> None:
    """``DELETE`` every row of ``tables`` in the open transaction, triggers and foreign-key
    checks off (``session_replication_role = replica``, so the order does not matter).

    What ``TRUNCATE`` would do, at a fraction of its cost on a server that syncs its files: a
    TRUNCATE gives each table (and each index) a new file, about 1-2 s for the store's tables,
    paid before every PostgreSQL test, while the tests leave a few hundred rows to delete ...
    """
    conn.execute("SET LOCAL session_replication_role = replica")
    # ... except the tables whose pages keep room for updates (a fillfactor: migrations 0017,
    # 0019), which a test measures (heap-only updates): their deleted rows would fill the
    # pages until a vacuum, so they get fresh files, as in a newly built store.
    roomy = [row[0] for row in conn.execute(
        "SELECT oid::regclass::text FROM pg_class WHERE oid = ANY(%s::regclass[])"
        " AND EXISTS (SELECT FROM unnest(reloptions) o WHERE o LIKE 'fillfactor=%%')", (tables,))]
    if roomy:
        conn.execute("TRUNCATE " + ", ".join(roomy) + " CASCADE")
    for table in tables:
        conn.execute(f"DELETE FROM {table}")


def reset_database(url: str) -> None:
    """Empty every table of the test database as ``TRUNCATE <TABLES> RESTART IDENTITY CASCADE``
    would (identities restart) and drop its staff logins.

    The schema, its functions, policies and grants, the rows the migrations put into tables
    nothing cascades to (permissions, state transitions) and the store's group roles stay.
    """
    with psycopg.connect(url, autocommit=True) as conn:
        drop_roles(conn, _login_roles(conn))
    with psycopg.connect(url) as conn:
        tables, sequences = _reset_plan(conn, url)
        _empty_tables(conn, tables)
        for sequence in sequences:
            conn.execute("SELECT setval(%s::regclass, seqstart, false) FROM pg_sequence"
                         " WHERE seqrelid = %s::regclass", (sequence, sequence))


@dataclass
class StoreSnapshot:
    """A store database's rows, sequence positions and staff logins, taken once and put back
    before each test that needs them (building the demo through the services takes seconds)."""

    tables: list[tuple[str, bytes]]
    sequences: list[tuple[str, int, bool]]
    logins: list[tuple[str, bool, str | None, list[str], list[str]]]


def store_tables(conn) -> list[str]:
    return [row[0] for row in conn.execute(
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relkind = 'r' AND n.nspname IN ('public', 'vipdesk_private')"
        " AND c.relname <> 'alembic_version' ORDER BY 1")]


def take_snapshot(url: str) -> StoreSnapshot:
    """Copy out every table (binary COPY), every sequence's position and the store's logins
    (password verifier, LOGIN flag, group memberships and session settings)."""
    with psycopg.connect(url, autocommit=True) as conn:
        tables = []
        for table in store_tables(conn):
            with conn.cursor().copy(f"COPY {table} TO STDOUT (FORMAT binary)") as copy:
                tables.append((table, b"".join(bytes(block) for block in copy)))
        sequences = []
        for (name,) in conn.execute(
                "SELECT format('%I.%I', schemaname, sequencename) FROM pg_sequences"
                " WHERE schemaname IN ('public', 'vipdesk_private')").fetchall():
            last, called = conn.execute(f"SELECT last_value, is_called FROM {name}").fetchone()
            sequences.append((name, last, called))
        logins = []
        for role in _login_roles(conn):
            can_login, verifier, settings = conn.execute(
                "SELECT a.rolcanlogin, a.rolpassword, coalesce(r.rolconfig, '{}') FROM pg_authid a"
                " JOIN pg_roles r USING (rolname) WHERE rolname = %s", (role,)).fetchone()
            groups = [row[0] for row in conn.execute(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                " WHERE m.member = to_regrole(quote_ident(%s)) ORDER BY 1", (role,))]
            logins.append((role, can_login, verifier, groups, settings))
    return StoreSnapshot(tables, sequences, logins)


def restore_snapshot(url: str, snapshot: StoreSnapshot) -> None:
    """Empty the database and its logins, then put the snapshot back as it was taken.

    The rows go in with triggers off (``session_replication_role = replica``): they already
    hold what the triggers made (tier rows, figures), and the foreign keys held when taken.
    """
    from psycopg import sql

    with psycopg.connect(url, autocommit=True) as conn:
        drop_roles(conn, _login_roles(conn))
    with psycopg.connect(url) as conn:
        # Every table of the store, so that nothing the test before left stays.
        _empty_tables(conn, [table for table, _ in snapshot.tables])
        for table, data in snapshot.tables:
            with conn.cursor().copy(f"COPY {table} FROM STDIN (FORMAT binary)") as copy:
                copy.write(data)
        for name, last, called in snapshot.sequences:
            conn.execute("SELECT setval(%s, %s, %s)", (name, last, called))
        for role, can_login, verifier, groups, settings in snapshot.logins:
            conn.execute(sql.SQL("CREATE ROLE {} WITH {} NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT"
                                 " NOREPLICATION NOBYPASSRLS PASSWORD {}").format(
                sql.Identifier(role), sql.SQL("LOGIN" if can_login else "NOLOGIN"), sql.Literal(verifier)))
            for setting in settings:
                name, value = setting.split("=", 1)
                conn.execute(sql.SQL("ALTER ROLE {} SET {} = {}").format(
                    sql.Identifier(role), sql.Identifier(name), sql.Literal(value)))
            for group in groups:
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(role)))


# --- a private cluster that checks passwords (SCRAM), for sign-in tests --------------------

SUPERUSER_PASSWORD = "vipdesk-test-superuser"


def postgres_bindir() -> Path | None:
    """The PostgreSQL server binaries (initdb, pg_ctl), or None."""
    candidates = []
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, timeout=10)
        if out.returncode == 0 and out.stdout.strip():
            candidates.append(Path(out.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for path in candidates:
        if (path / "initdb").exists() and (path / "pg_ctl").exists():
            return path
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PrivateCluster:
    """A throw-away PostgreSQL server this run started: its superuser URL, and ways to stop and
    start it again (every client connection is dropped, as when a bank's DBA restarts it)."""

    url: str
    stop: Callable[[], None]
    start: Callable[[], None]
    port: int = 0
    kill: Callable[[], None] | None = None      # stopped at once, as when its machine dies
    promote: Callable[[], None] | None = None   # a standby made the primary (pg_ctl promote)
    log: Path | None = None     # the server's log file (pg_ctl -l; logging_collector stays off)


class _Servers:
    """Where this run's private servers live (a temporary folder) and how they are run: as the
    ``postgres`` OS user when we are root, since initdb refuses root."""

    def __init__(self) -> None:
        self.bindir = postgres_bindir()
        if self.bindir is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        self.as_user: list[str] = []
        self.account = None
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                raise RuntimeError("running as root but runuser is missing")
            try:
                import pwd

                self.account = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no postgres OS user") from None
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.base = Path(tempfile.mkdtemp(prefix="vipdesk-pg-"))
        self.give(self.base)
        self.pwfile = self.base / "pw"
        self.pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        self.give(self.pwfile)
        self.started: list[Path] = []

    def give(self, path: Path) -> None:
        if self.account is not None:
            os.chown(path, self.account.pw_uid, self.account.pw_gid)

    def run(self, *args: str, log: Path | None = None, env: dict | None = None) -> None:
        result = subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=120,
                                env={**os.environ, **(env or {})})
        if result.returncode != 0:
            tail = log.read_text()[-2000:] if log is not None and log.exists() else ""
            raise RuntimeError(f"{Path(args[0]).name} failed: {result.stderr.strip()} {tail}")

    def initdb(self, data: Path) -> None:
        self.run(str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=scram-sha-256",
                 f"--pwfile={self.pwfile}", "-E", "UTF8", "--locale=C", "--no-sync")

    def server(self, data: Path, max_connections: int = 100) -> PrivateCluster:
        """A server on ``data`` (made by initdb or pg_basebackup) on a free port, not started."""
        port = _free_port()
        log = data.with_suffix(".log")
        options = (f"-p {port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
                   f"-c synchronous_commit=off -c full_page_writes=off -c max_connections={max_connections}")
        pg_ctl = str(self.bindir / "pg_ctl")

        def start() -> None:
            self.run(pg_ctl, "start", "-D", str(data), "-w", "-t", "60", "-l", str(log), "-o", options, log=log)
            self.started.append(data)

        def stop() -> None:
            self.run(pg_ctl, "stop", "-D", str(data), "-m", "fast", "-w", "-t", "60", log=log)

        def kill() -> None:  # as when the machine dies: no shutdown checkpoint, clients cut off
            self.run(pg_ctl, "stop", "-D", str(data), "-m", "immediate", "-w", "-t", "60", log=log)

        def promote() -> None:
            self.run(pg_ctl, "promote", "-D", str(data), "-w", "-t", "60", log=log)

        return PrivateCluster(f"postgresql://postgres:{SUPERUSER_PASSWORD}@127.0.0.1:{port}", stop, start,
                              port, kill, promote, log)

    def close(self) -> None:
        for data in self.started:
            with contextlib.suppress(Exception):
                self.run(str(self.bindir / "pg_ctl"), "stop", "-D", str(data), "-m", "immediate", "-w")
        shutil.rmtree(self.base, ignore_errors=True)


@contextlib.contextmanager
def scram_cluster(max_connections: int = 100) -> Iterator[PrivateCluster]:
    """Start a throw-away server with ``scram-sha-256`` authentication; yield it.

    Raises RuntimeError with the reason when it cannot start (no binaries, no ``postgres``
    user to run it as root, initdb or pg_ctl failing).
    """
    servers = _Servers()
    try:
        data = servers.base / "data"
        servers.initdb(data)
        cluster = servers.server(data, max_connections)
        cluster.start()
        yield cluster
    finally:
        servers.close()


@dataclass
class ReplicatedPair:
    """A primary and its streaming standby (hot standby, read-only), both of this run."""

    primary: PrivateCluster
    standby: PrivateCluster

    def caught_up(self) -> None:
        """Wait until the standby has replayed everything the primary wrote so far."""
        with psycopg.connect(self.primary.url + "/postgres", autocommit=True) as conn:
            lsn = conn.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
        with psycopg.connect(self.standby.url + "/postgres", autocommit=True) as conn:
            conn.execute("SELECT 1")
            for _ in range(600):
                if conn.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (lsn,)).fetchone()[0]:
                    return
                conn.execute("SELECT pg_sleep(0.05)")
        raise RuntimeError("the standby did not catch up within 30 s")


@contextlib.contextmanager
def replicated_pair() -> Iterator[ReplicatedPair]:
    """A primary (initdb) and a standby made from it with ``pg_basebackup -R`` (streaming
    replication), both started; raises RuntimeError when they cannot be."""
    servers = _Servers()
    try:
        primary_data, standby_data = servers.base / "primary", servers.base / "standby"
        servers.initdb(primary_data)
        primary = servers.server(primary_data)
        primary.start()
        servers.run(str(servers.bindir / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port),
                    "-U", "postgres", "-D", str(standby_data), "-R", "-X", "stream", "--no-sync",
                    env={"PGPASSWORD": SUPERUSER_PASSWORD})
        standby = servers.server(standby_data)
        standby.start()
        yield ReplicatedPair(primary, standby)
    finally:
        servers.close()


@contextlib.contextmanager
def private_cluster_or_skip(starting: Callable[[], contextlib.AbstractContextManager] = scram_cluster):
    """:func:`scram_cluster` (or ``starting``, e.g. :func:`replicated_pair`) for a test: skipped
    when it cannot start (a failure under CI=true)."""
    import pytest

    cluster = starting()
    try:
        started = cluster.__enter__()
    except RuntimeError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but no private PostgreSQL server could be started: {exc}")
        pytest.skip(f"no private PostgreSQL server: {exc}")
    try:
        yield started
    finally:
        cluster.__exit__(None, None, None)


def create_database(server_url: str, *, owner: str | None = None, owner_password: str = "") -> str:
    """A new, empty database on ``server_url``; returns its URL.

    With ``owner``, a new non-superuser login with CREATEROLE (a production-like schema owner,
    granted what migration 0027 needs: SELECT on ``pg_authid``, ``pg_signal_backend`` and
    ``pg_read_all_stats``) owns
    the database, and the URL connects as that owner.
    """
    from psycopg import sql

    name = f"vipdesk_test_{secrets.token_hex(5)}"
    with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
        if owner is None:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return f"{server_url}/{name}"
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
            sql.Identifier(owner), sql.Literal(owner_password)))
        conn.execute(sql.SQL("GRANT pg_signal_backend, pg_read_all_stats TO {}").format(sql.Identifier(owner)))
        conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(owner)))
    # what the README asks of a non-superuser owner (migration 0027): end staff sessions (above)
    # and read the logins' verifiers (a catalogue's privileges are kept in each database)
    with psycopg.connect(f"{server_url}/{name}", autocommit=True) as conn:
        conn.execute(sql.SQL("GRANT SELECT ON pg_catalog.pg_authid TO {}").format(sql.Identifier(owner)))
    host = server_url.split("@", 1)[1]
    return f"postgresql://{owner}:{owner_password}@{host}/{name}"


def drop_database(server_url: str, database: str) -> None:
    """Drop a test database and the store roles it created."""
    from psycopg import sql

    with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))
        drop_roles(conn, store_role_names(conn, database))


@contextlib.contextmanager
def demo_store_at(url: str):
    """A store at ``url`` migrated and filled with the demo (its engine disposed afterwards)."""
    from app.demo import build_demo
    from db.engine import make_engine
    from db.migrate import upgrade
    from tests.conftest import keyed

    engine = make_engine(url)
    upgrade(engine)
    store = keyed(engine)
    build_demo(store)
    try:
        yield store
    finally:
        engine.dispose()
