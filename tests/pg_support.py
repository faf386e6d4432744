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


def reset_database(url: str) -> None:
    """Empty every table of the test database (identities restart) and drop its staff logins.

    The schema, its functions, policies and grants, and the store's group roles stay.
    """
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("TRUNCATE " + ", ".join(TABLES) + " RESTART IDENTITY CASCADE")
        drop_roles(conn, _login_roles(conn))


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

    reset_database(url)
    with psycopg.connect(url) as conn:
        conn.execute("SET LOCAL session_replication_role = replica")
        conn.execute("TRUNCATE " + ", ".join(table for table, _ in snapshot.tables))
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


@contextlib.contextmanager
def scram_cluster(max_connections: int = 100) -> Iterator[PrivateCluster]:
    """Start a throw-away server with ``scram-sha-256`` authentication; yield it.

    Raises RuntimeError with the reason when it cannot start (no binaries, no ``postgres``
    user to run it as root, initdb or pg_ctl failing).
    """
    bindir = postgres_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres OS user
        if shutil.which("runuser") is None:
            raise RuntimeError("running as root but runuser is missing")
        try:
            import pwd

            account = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no postgres OS user") from None
        as_user = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="vipdesk-pg-"))
    if as_user:
        os.chown(base, account.pw_uid, account.pw_gid)
    data, log, pwfile = base / "data", base / "server.log", base / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n")
    if as_user:
        os.chown(pwfile, account.pw_uid, account.pw_gid)
    port = _free_port()

    def run(*args: str) -> None:
        result = subprocess.run([*as_user, *args], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{Path(args[0]).name} failed: {result.stderr.strip()} {tail}")

    options = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
               f"-c synchronous_commit=off -c full_page_writes=off -c max_connections={max_connections}")
    pg_ctl = str(bindir / "pg_ctl")

    def start() -> None:
        run(pg_ctl, "start", "-D", str(data), "-w", "-t", "60", "-l", str(log), "-o", options)

    def stop() -> None:
        run(pg_ctl, "stop", "-D", str(data), "-m", "fast", "-w", "-t", "60")

    started = False
    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=scram-sha-256",
            f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C", "--no-sync")
        start()
        started = True
        yield PrivateCluster(f"postgresql://postgres:{SUPERUSER_PASSWORD}@127.0.0.1:{port}", stop, start)
    finally:
        if started:
            with contextlib.suppress(Exception):
                run(pg_ctl, "stop", "-D", str(data), "-m", "immediate", "-w")
        shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def private_cluster_or_skip() -> Iterator[PrivateCluster]:
    """:func:`scram_cluster` for a test: skipped when it cannot start (a failure under CI=true)."""
    import pytest

    cluster = scram_cluster()
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
