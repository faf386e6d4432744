"""What works through PgBouncer with VIP Desk's per-staff logins: the figures of docs/scale.md.

    python tools/pgbouncer_probe.py [--server postgresql://postgres@127.0.0.1:5432]

Needs the ``pgbouncer`` binary (Debian: ``apt-get install pgbouncer``) and a PostgreSQL server
that trusts local connections (the test server). Makes a demo store in a new database, starts
PgBouncer in front of the server once per pool mode (session, transaction, statement) with
``auth_query`` for the staff logins (their SCRAM verifiers pass through), and for each mode
reports whether a teller signed in through PgBouncer can issue a ticket and call it, whether
the queue's live feed (LISTEN) through it hears another PC's ticket, and whether a statement
psycopg has prepared still runs on another PC's turn. Prints one line per check.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODES = ("session", "transaction", "statement")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def pgbouncer(server_host: str, server_port: int, mode: str):
    """PgBouncer in ``mode`` in front of the server; yields its port. A session holds its server
    connection, so session mode gets one per client connection of the probe; the other modes
    get fewer server connections than the probe's PCs, so that transactions change servers."""
    pool_size = 8 if mode == "session" else 2
    binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    folder = Path(tempfile.mkdtemp(prefix="vipdesk-pgb-"))
    port = _free_port()
    (folder / "users.txt").write_text('"postgres" ""\n')
    (folder / "pgbouncer.ini").write_text(f"""[databases]
* = host={server_host} port={server_port}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = {folder / 'users.txt'}
auth_user = postgres
auth_query = SELECT rolname, rolpassword FROM pg_authid WHERE rolname = $1 AND rolcanlogin
pool_mode = {mode}
default_pool_size = {pool_size}
ignore_startup_parameters = application_name,extra_float_digits
logfile = {folder / 'pgbouncer.log'}
""")
    as_user: list[str] = []
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        for path in (folder, *folder.iterdir()):
            os.chown(path, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    process = subprocess.Popen([*as_user, binary, str(folder / "pgbouncer.ini")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        yield port
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def _outcome(work) -> str:
    try:
        answer = work()
    except Exception as exc:  # noqa: BLE001 - the probe reports what failed, and why
        return f"fails: {str(exc).splitlines()[0][:120]}"
    return "works" if answer is not False else "fails"


def probe(owner_url: str, mode: str) -> list[tuple[str, str]]:
    from sqlalchemy import text

    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from app.queue import tickets, views
    from app.queue.live import open_feed
    from app.store import Store
    from db.engine import make_engine, normalise_url
    from tests.db.helpers import actor_named

    owner = Store(make_engine(owner_url))
    url = normalise_url(owner_url)
    with owner.read() as session:
        service = session.execute(text("SELECT id FROM queue_service WHERE active ORDER BY id LIMIT 1")).scalar_one()
    lobby = actor_named(owner, "lobby")
    results = []
    with pgbouncer(url.host or "127.0.0.1", url.port or 5432, mode) as port:
        via = url.set(host="127.0.0.1", port=port, query={"sslmode": "disable"})
        pre_sign_in = Store(make_engine(via))
        signed = {}

        def signs_in():
            signed["lobby"] = sign_in(pre_sign_in, "lobby", DEMO_PASSWORD)
            return True

        results.append(("a staff login signs in through it", _outcome(signs_in)))
        if "lobby" not in signed:
            return results
        staff = signed["lobby"]
        results.append(("a ticket is issued through it", _outcome(
            lambda: tickets.issue_ticket(staff.store, staff.actor, service_id=service))))

        def feed_hears():
            feed = open_feed(staff.store.engine)
            try:
                tickets.issue_ticket(owner, lobby, service_id=service)
                return feed.wait(3.0)
            finally:
                feed.close()

        results.append(("the live feed (LISTEN) hears another PC's ticket", _outcome(feed_hears)))

        def prepared_statements_survive():
            errors: list[BaseException] = []

            def pc():
                try:
                    for _ in range(12):
                        views.board(staff.store, staff.actor)
                except Exception as exc:  # noqa: BLE001 - reported below
                    errors.append(exc)

            threads = [threading.Thread(target=pc) for _ in range(3)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            if errors:
                raise errors[0]
            return True

        results.append(("statements psycopg prepared (3 threads x 12 board reads)",
                        _outcome(prepared_statements_survive)))
        staff.store.engine.dispose()
        pre_sign_in.engine.dispose()
    owner.engine.dispose()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.environ.get("VIPDESK_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432"))
    args = parser.parse_args()
    import psycopg

    from tests.pg_support import create_database, demo_store_at, drop_database

    url = create_database(args.server, owner="vipdesk_pgbouncer_owner", owner_password="Owner-Pass-2026")
    try:
        with demo_store_at(url):
            pass
        version = subprocess.run([shutil.which("pgbouncer") or "/usr/sbin/pgbouncer", "--version"],
                                 capture_output=True, text=True).stdout.splitlines()[0]
        print(version)
        for mode in MODES:
            for check, outcome in probe(url, mode):
                print(f"{mode:12} {check}: {outcome}")
    finally:
        drop_database(args.server, url.rsplit("/", 1)[1])
        with psycopg.connect(args.server + "/postgres", autocommit=True) as conn:
            conn.execute("DROP ROLE IF EXISTS vipdesk_pgbouncer_owner")
    return 0


if __name__ == "__main__":
    sys.exit(main())
