"""The database's own last line on PostgreSQL, tested with hand-written SQL as staff login roles.

Every test connects as a staff account's own login role (never the owner) on the demo tree
HO > BJ01 > BJ0101 > (BJ010101, BJ010102), BJ01 > BJ0102, HO > SH01 > SH0101, and checks what
the server itself refuses: other subtrees' rows, audit edits, account and role changes.
"""

from __future__ import annotations

import contextlib
import re
from datetime import datetime
from types import SimpleNamespace

import psycopg
import pytest
from psycopg import errors, sql
from psycopg.conninfo import make_conninfo

from alembic import command

from app.audit.chain import EventFields, digest
from app.audit.trail import verify_chain
from app.auth.accounts import create_account
from app.auth.permissions import Role
from app.demo import DEMO_PASSWORD, build_demo
from app.store import Store
from db.engine import make_engine
from db.migrate import _config as migrate_config, upgrade
from tests.conftest import keyed
from tests.pg_support import create_database, drop_database, restore_snapshot, store_role_names

pytestmark = pytest.mark.pg

TABLES = ["branch", "staff_account", "staff_role", "audit_event", "setting"]
VERIFIER = "SCRAM-SHA-256$4096:c2FsdHNhbHRzYWx0$c3RvcmVkc3RvcmVkc3RvcmVkc3RvcmVkc3RvcmVkMDA=:c2VydmVyc2VydmVyc2VydmVyc2VydmVyc2VydmVyMDA="


@pytest.fixture(scope="module")
def demo(pg_database_url, pg_demo_admin_snapshot):
    """The run's database holding the demo plus a BJ01-level administrator, for the module (put
    back from the run's snapshot: tests/conftest.py's ``pg_demo_admin_snapshot``)."""
    restore_snapshot(pg_database_url, pg_demo_admin_snapshot)
    engine = make_engine(pg_database_url)
    store = keyed(engine)
    owner = psycopg.connect(pg_database_url, autocommit=True)
    branches = dict(owner.execute("SELECT code, id FROM branch"))
    prefix = owner.execute("SELECT vipdesk_role_prefix()").fetchone()[0]
    yield SimpleNamespace(
        url=pg_database_url, store=store, owner=owner, prefix=prefix, branches=branches,
        accounts=dict(owner.execute("SELECT username, id FROM staff_account")),
        group=lambda kind: owner.execute("SELECT vipdesk_group_role(%s)", (kind,)).fetchone()[0])
    owner.close()
    engine.dispose()


@contextlib.contextmanager
def connect_as(demo, username: str):
    """A connection as the staff account's own login role, with the demo password."""
    conn = psycopg.connect(make_conninfo(demo.url, user=demo.prefix + username,
                                         password=DEMO_PASSWORD), autocommit=True)
    try:
        yield conn
    finally:
        conn.close()


def column(conn, query: str, params=()) -> list:
    return [row[0] for row in conn.execute(query, params)]


def refused(conn, statement, params=(), error=errors.InsufficientPrivilege) -> None:
    with pytest.raises(error):
        conn.execute(statement, params)


def test_staff_logins_are_named_per_store_and_hold_no_power(demo):
    roles = store_role_names(demo.owner, demo.owner.info.dbname)
    logins = [r for r in roles if r.startswith(demo.prefix)]
    assert sorted(logins) == sorted(column(demo.owner, "SELECT db_role FROM staff_account"))
    assert sorted(set(roles) - set(logins)) == sorted(demo.group(k) for k in ("admin", "signin", "staff"))
    rows = demo.owner.execute(
        "SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication "
        "FROM pg_roles WHERE rolname = ANY(%s)", (roles,)).fetchall()
    assert len(rows) == len(roles)
    assert all(not any(flags) for _name, *flags in rows)
    owned = demo.owner.execute(
        "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = ANY(%s)",
        (roles,)).fetchone()[0]
    owned += demo.owner.execute(
        "SELECT count(*) FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE r.rolname = ANY(%s)",
        (roles,)).fetchone()[0]
    assert owned == 0


def test_row_level_security_is_enabled_and_forced(demo):
    rows = demo.owner.execute(
        "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY(%s)",
        (TABLES,)).fetchall()
    assert sorted(rows) == sorted((t, True, True) for t in TABLES)


@pytest.mark.parametrize("username", ["teller", "auditor", "admin"])
def test_audit_rows_cannot_be_changed_or_removed(demo, username):
    before = demo.owner.execute("SELECT count(*), max(hash) FROM audit_event").fetchone()
    with connect_as(demo, username) as conn:
        assert conn.execute("SELECT count(*) FROM audit_event").fetchone()[0] > 0
        refused(conn, "UPDATE audit_event SET action = 'edited'")
        refused(conn, "DELETE FROM audit_event")
        refused(conn, "TRUNCATE audit_event")
        refused(conn, "ALTER TABLE audit_event DISABLE ROW LEVEL SECURITY")
        refused(conn, "DROP TABLE audit_event")
    assert demo.owner.execute("SELECT count(*), max(hash) FROM audit_event").fetchone() == before


def test_staff_see_only_their_branch_subtree(demo):
    owner_accounts = dict(demo.owner.execute(
        "SELECT a.username, b.path FROM staff_account a JOIN branch b ON b.id = a.branch_id"))
    paths = dict(demo.owner.execute("SELECT code, path FROM branch"))
    for username, visible_codes in [
        ("teller", {"BJ0101", "BJ010101", "BJ010102"}),
        ("sh_teller", {"SH0101"}),
        ("bj_admin", {"BJ01", "BJ0101", "BJ010101", "BJ010102", "BJ0102"}),
        ("admin", set(paths)),
    ]:
        scope = owner_accounts[username]
        with connect_as(demo, username) as conn:
            assert conn.execute("SELECT current_branch_path()").fetchone()[0] == scope
            assert set(column(conn, "SELECT code FROM branch")) == visible_codes
            assert set(column(conn, "SELECT username FROM staff_account")) == {
                name for name, path in owner_accounts.items() if path.startswith(scope)}
            assert set(column(conn, "SELECT a.username FROM staff_role r JOIN staff_account a ON a.id = r.account_id")) \
                <= set(column(conn, "SELECT username FROM staff_account"))
            whole_tree = username == "admin"  # the head office: also the events of no branch (0035)
            expected_audit = demo.owner.execute(
                "SELECT count(*) FROM audit_event e LEFT JOIN branch b ON b.id = e.branch_id "
                "WHERE starts_with(b.path, %s) OR (e.branch_id IS NULL AND %s)", (scope, whole_tree)).fetchone()[0]
            assert expected_audit > 0
            assert conn.execute("SELECT count(*) FROM audit_event").fetchone()[0] == expected_audit
            foreign = [i for c, i in demo.branches.items() if not paths[c].startswith(scope)]
            assert conn.execute("SELECT count(*) FROM audit_event WHERE branch_id = ANY(%s) OR branch_id IS NULL",
                                (foreign,)).fetchone()[0] == (0 if not whole_tree else demo.owner.execute(
                                    "SELECT count(*) FROM audit_event WHERE branch_id IS NULL").fetchone()[0])
            assert conn.execute("SELECT count(*) FROM setting").fetchone()[0] == \
                demo.owner.execute("SELECT count(*) FROM setting").fetchone()[0]


def test_staff_cannot_write_accounts_branches_roles_or_settings(demo):
    sh_teller = demo.accounts["sh_teller"]
    with connect_as(demo, "teller") as conn:
        refused(conn, "INSERT INTO staff_account (username, display_name, branch_id, db_role, "
                      "must_change_password, disabled, failed_signins, created_at, version) "
                      "VALUES ('mole', 'Mole', %s, %s, false, false, 0, now(), 1)",
                (demo.branches["BJ0101"], demo.prefix + "mole"))
        refused(conn, "INSERT INTO staff_role (account_id, role) VALUES (%s, 'administrator')",
                (demo.accounts["teller"],))
        refused(conn, "UPDATE staff_account SET disabled = false, locked_until = NULL, failed_signins = 0 "
                      "WHERE username = 'teller'")
        refused(conn, "UPDATE staff_account SET branch_id = %s WHERE username = 'teller'", (demo.branches["HO"],))
        refused(conn, "UPDATE staff_account SET db_role = 'postgres' WHERE username = 'teller'")
        refused(conn, "DELETE FROM staff_role")
        refused(conn, "UPDATE branch SET name = 'x'")
        refused(conn, "INSERT INTO branch (code, name, level, parent_id, path, address, phone, active, version) "
                      "VALUES ('ZZ', 'x', 'outlet', %s, '', '', '', true, 1)", (demo.branches["BJ0101"],))
        refused(conn, "UPDATE setting SET value = '{}'")
        refused(conn, "INSERT INTO setting (key, value, version) VALUES ('signin_policy', '{}', 1)")
        # an audit event must be the person's own
        refused(conn, "INSERT INTO audit_event (seq, occurred_at, actor_id, actor_name, branch_id, action, "
                      "entity, entity_id, before, after, prev_hash, hash) VALUES "
                      "(999999, now(), %s, 'sh_teller', %s, 'x', 'x', 'x', '', '', '', '')",
                (sh_teller, demo.branches["BJ0101"]))
        # a row of another subtree is not even there to change
        assert conn.execute("UPDATE staff_account SET must_change_password = true WHERE id = %s",
                            (sh_teller,)).rowcount == 0
        refused(conn, "CREATE TEMPORARY TABLE staff_account (id int)")
        refused(conn, "CREATE TABLE public.mole (id int)")


def test_staff_cannot_manage_roles_or_raise_their_own(demo):
    admin_id = demo.accounts["admin"]
    with connect_as(demo, "teller") as conn:
        me = demo.prefix + "teller"
        for option in ("SUPERUSER", "CREATEROLE", "CREATEDB", "BYPASSRLS", "REPLICATION"):
            refused(conn, sql.SQL("ALTER ROLE {} " + option).format(sql.Identifier(me)))
        refused(conn, sql.SQL("ALTER ROLE {} PASSWORD 'Another-Pass-123'").format(
            sql.Identifier(demo.prefix + "admin")))
        refused(conn, sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(demo.prefix + "admin")))
        refused(conn, sql.SQL("GRANT {} TO {}").format(sql.Identifier(demo.group("admin")), sql.Identifier(me)))
        refused(conn, sql.SQL("SET ROLE {}").format(sql.Identifier(demo.group("admin"))))
        refused(conn, "CREATE ROLE mole LOGIN")
        refused(conn, "SELECT vipdesk_set_password(%s, %s)", (admin_id, VERIFIER))
        refused(conn, "SELECT vipdesk_set_login(%s, false)", (admin_id,))
        refused(conn, "SELECT vipdesk_create_login(%s, %s)", (demo.accounts["teller2"], VERIFIER))
        refused(conn, "SELECT vipdesk_create_first_administrator('mole', 'Mole', %s, 'HO', 'x')", (VERIFIER,))
        refused(conn, "SELECT vipdesk_append_audit(now()::timestamp, 'x', NULL, 'x', 'x', 'x', '', '')")
        assert conn.execute("SELECT vipdesk_branch_path_of(%s)", (demo.prefix + "admin",)).fetchone()[0] is None
    assert demo.owner.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s",
                              (demo.prefix + "admin",)).fetchone()[0] is True


def test_a_branch_administrator_is_confined_to_their_subtree(demo):
    with connect_as(demo, "bj_admin") as conn:
        conn.execute("BEGIN")
        assert conn.execute("UPDATE staff_account SET display_name = 'x' WHERE username IN ('sh_teller', 'admin')"
                            ).rowcount == 0
        assert conn.execute("UPDATE staff_account SET display_name = display_name WHERE username = 'teller'"
                            ).rowcount == 1
        conn.execute("ROLLBACK")
        refused(conn, "INSERT INTO staff_account (username, display_name, branch_id, db_role, "
                      "must_change_password, disabled, failed_signins, created_at, version) "
                      "VALUES ('mole', 'Mole', %s, %s, false, false, 0, now(), 1)",
                (demo.branches["SH0101"], demo.prefix + "mole"))
        refused(conn, "UPDATE staff_account SET branch_id = %s WHERE username = 'bj_admin'", (demo.branches["HO"],))
        refused(conn, "INSERT INTO staff_role (account_id, role) VALUES (%s, 'administrator')",
                (demo.accounts["sh_teller"],))
        refused(conn, "INSERT INTO staff_role (account_id, role) VALUES (%s, 'system')",
                (demo.accounts["bj_admin"],))
        refused(conn, "INSERT INTO branch (code, name, level, parent_id, path, address, phone, active, version) "
                      "VALUES ('ZZ', 'x', 'outlet', %s, '', '', '', true, 1)", (demo.branches["SH0101"],))
        refused(conn, "SELECT vipdesk_set_password(%s, %s)", (demo.accounts["sh_teller"], VERIFIER))
        refused(conn, "SELECT vipdesk_set_login(%s, false)", (demo.accounts["admin"],))
        # the account name must be the store's prefix + the user name: no borrowing 'postgres'
        # (an account otherwise as the app creates it, so that this is what refuses it)
        refused(conn, "INSERT INTO staff_account (username, display_name, branch_id, db_role, "
                      "must_change_password, disabled, failed_signins, created_at, version) "
                      "VALUES ('mole', 'Mole', %s, 'postgres', true, false, 0, now(), 1)",
                (demo.branches["BJ0101"],), error=errors.CheckViolation)


def test_branch_paths_follow_the_tree(demo):
    bj01 = demo.branches["BJ01"]
    with connect_as(demo, "bj_admin") as conn:
        conn.execute("BEGIN")
        conn.execute("INSERT INTO branch (code, name, level, parent_id, path, address, phone, active, version) "
                     "VALUES ('ZZ01', 'x', 'sub_branch', %s, '', '', '', true, 1)", (bj01,))
        path, new_id = conn.execute("SELECT path, id FROM branch WHERE code = 'ZZ01'").fetchone()
        assert path == f"/1/2/{new_id}/"  # filled in from the parent
        with pytest.raises(errors.CheckViolation):
            conn.execute("UPDATE branch SET path = '/1/2/3/' WHERE code = 'ZZ01'")
        conn.execute("ROLLBACK")


def test_the_signin_group_reads_and_writes_nothing(demo):
    with psycopg.connect(demo.url, autocommit=True) as conn:
        conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(demo.group("signin"))))
        for table in TABLES:
            refused(conn, sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        refused(conn, "SELECT vipdesk_audit('[{\"action\": \"x\", \"entity\": \"x\", \"entity_id\": \"1\"}]')")
        refused(conn, "INSERT INTO audit_event (seq) VALUES (1)")
        assert conn.execute("SELECT vipdesk_needs_first_administrator()").fetchone()[0] is False


def test_sql_digest_is_the_python_digest(demo):
    when = datetime(2026, 3, 4, 5, 6, 7, 89)
    for name, entity_id, before, after in [
        ("signin:teller", "7", "", ""),
        ('a"b\\c\n\t\x01\x1f\x7f', "unknown:中文 é", '{"x":"\\u0001"}', "\u2028\ufeff"),
        ("柜员 李娜", "", "null", '{"locked_until":"2026-01-01 00:00:00"}'),
    ]:
        fields = EventFields(42, when, None, name, 3, "signin.failed", "staff_account", entity_id, before, after)
        ours = demo.owner.execute(
            "SELECT vipdesk_audit_digest(%s, 42, %s, NULL, %s, 3, 'signin.failed', 'staff_account', %s, %s, %s)",
            ("ab" * 32, when, name, entity_id, before, after)).fetchone()[0]
        assert ours == digest("ab" * 32, fields)
    assert verify_chain(demo.store).intact


def test_downgrade_removes_the_store_roles_and_upgrade_restores_them(pg_server_url):
    url = create_database(pg_server_url)
    database = url.rsplit("/", 1)[1]
    engine = make_engine(url)
    try:
        upgrade(engine)
        build_demo(keyed(engine))
        with psycopg.connect(pg_server_url + "/postgres", autocommit=True) as conn:
            assert len(store_role_names(conn, database)) == 11 + 3
        command.downgrade(migrate_config(engine), "0001")
        with psycopg.connect(pg_server_url + "/postgres", autocommit=True) as conn:
            assert store_role_names(conn, database) == []
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute("SELECT count(*) FROM pg_policy").fetchone()[0] == 0
            assert conn.execute("SELECT to_regprocedure('current_branch_path()')").fetchone()[0] is None
        upgrade(engine)
        with psycopg.connect(pg_server_url + "/postgres", autocommit=True) as conn:
            assert len(store_role_names(conn, database)) == 3
        with psycopg.connect(url, autocommit=True) as conn:  # accounts kept, renamed, no login yet
            assert conn.execute("SELECT count(*) FROM staff_account WHERE db_role = vipdesk_role_prefix() || username"
                                ).fetchone()[0] == 11
    finally:
        engine.dispose()
        drop_database(pg_server_url, database)


PER_ROW_SCOPE = r"(?<!SELECT )current_branch_path\(\)"   # called bare: once for every row checked
LATER_POLICIES = {("audit_event", "staff_read_branchless")}  # added after 0020 (migration 0035)
LATER_POLICIES |= {("pii_key", p) for p in ("owner_all", "staff_read")}          # migration 0039
LATER_POLICIES |= {("sealed_value", p) for p in ("owner_all", "staff_select", "staff_insert", "staff_update",
                                                 "staff_delete")}
LATER_POLICIES |= {("customer_tail", p) for p in ("owner_all", "staff_select", "staff_insert", "staff_delete")}
LATER_POLICIES |= {("command_key", p) for p in ("owner_all", "staff_add_own_key", "staff_own_keys")}  # 0038
LATER_POLICIES |= {(table, p) for table in ("visit_arrival", "visit_appointment")                       # 0040
                   for p in ("owner_all", "staff_read", "staff_insert", "staff_update")}
LATER_POLICIES |= {("service_rating", p) for p in ("owner_all", "staff_read", "staff_insert", "staff_update")}  # 0041
LATER_POLICIES |= {("service_rating", "own_ratings"), ("document", "performance_for_managers"),     # 0045
                   ("audit_event", "own_ratings_told")}


def _policies(conn) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    return {(table, name): (qual, check) for table, name, qual, check in conn.execute(
        "SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public'")}


def test_policies_look_the_scope_up_once_per_statement_and_0020_goes_down_and_up(pg_server_url):
    """No policy calls current_branch_path() for every row it checks (migration 0020); down to
    0019 the per-row calls are back, and up again every policy is as it was."""
    url = create_database(pg_server_url)
    engine = make_engine(url)
    try:
        upgrade(engine)
        with psycopg.connect(url, autocommit=True) as conn:
            head = _policies(conn)
        assert len(head) > 60
        assert [key for key, exprs in head.items() if re.search(PER_ROW_SCOPE, str(exprs))] == []
        command.downgrade(migrate_config(engine), "0019")
        with psycopg.connect(url, autocommit=True) as conn:
            before = _policies(conn)
        per_row = [key for key, exprs in before.items() if re.search(PER_ROW_SCOPE, str(exprs))]
        assert ("customer", "staff_read") in per_row and len(per_row) > 40
        assert before.keys() == head.keys() - LATER_POLICIES
        upgrade(engine)
        with psycopg.connect(url, autocommit=True) as conn:
            assert _policies(conn) == head
    finally:
        engine.dispose()
        drop_database(pg_server_url, url.rsplit("/", 1)[1])


def test_a_refusal_by_the_database_reaches_the_user_as_permission_denied(demo):
    from sqlalchemy import text

    from app.auth.accounts import actor_for
    from app.errors import PermissionDenied
    from db.engine import normalise_url
    from db.models import StaffAccount

    engine = make_engine(normalise_url(demo.url).set(username=demo.prefix + "teller", password=DEMO_PASSWORD))
    try:
        teller_store = Store(engine)
        with teller_store.read() as session:
            teller = actor_for(session.get(StaffAccount, demo.accounts["teller"]))
        with pytest.raises(PermissionDenied), teller_store.write(teller) as uow:
            uow.session.execute(text("UPDATE audit_event SET action = 'edited'"))
        with pytest.raises(PermissionDenied), teller_store.write(teller) as uow:
            uow.audit("fake", "staff_account", "1", branch_id=demo.branches["SH0101"])  # outside the subtree
    finally:
        engine.dispose()



def test_a_branch_administrator_is_told_a_hidden_user_name_or_code_is_taken(demo):
    """Row-level security hides head office's accounts, but the unique key still speaks."""
    from app.auth.accounts import actor_for
    from app.auth.branches import create_branch
    from app.errors import ValidationError
    from db.engine import normalise_url
    from db.models import StaffAccount

    engine = make_engine(normalise_url(demo.url).set(username=demo.prefix + "bj_admin", password=DEMO_PASSWORD))
    try:
        bj_store = Store(engine)
        with bj_store.read() as session:
            bj_admin = actor_for(session.get(StaffAccount, demo.accounts["bj_admin"]))
        with pytest.raises(ValidationError, match="auditor is already taken"):
            create_account(bj_store, bj_admin, username="auditor", display_name="重名",
                           branch_id=demo.branches["BJ0101"], roles=[Role.COUNTER_STAFF],
                           password="Another-Long-Key-9")
        with pytest.raises(ValidationError, match="SH0101 is already used"):
            create_branch(bj_store, bj_admin, code="SH0101", name="重码", level="outlet",
                          parent_id=demo.branches["BJ0101"])
    finally:
        engine.dispose()
