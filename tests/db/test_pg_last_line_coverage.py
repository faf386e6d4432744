"""What a staff or pre-sign-in login can reach on PostgreSQL, listed from the catalogue, so that
nothing new slips past the last line unnoticed: every table they may write carries the
database's guard, every function they may call is one this list knows, and each such function
called with hostile arguments fails cleanly or does nothing the app would not."""

from __future__ import annotations

import itertools

import psycopg
import pytest
from psycopg import sql

from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg

# Every function a login of the store may call, by who may (staff group, pre-sign-in group).
CALLABLE = {
    "care_fold_figures()": {"staff"},
    "current_branch_path()": {"staff"},
    "vipdesk_account_id()": {"staff"},
    "vipdesk_audit(jsonb, timestamp without time zone, integer, text)": {"staff"},
    "vipdesk_audit_heads()": {"staff"},
    "vipdesk_branch_path_of(name)": {"staff"},
    "vipdesk_create_first_administrator(text, text, text, text, text, timestamp without time zone)": {"signin"},
    "vipdesk_create_login(integer, text)": {"staff"},
    "vipdesk_end_stalls()": {"staff", "signin"},
    "vipdesk_group_role(text)": {"staff"},
    "vipdesk_in_command()": {"staff"},
    "vipdesk_in_subtree(integer)": {"staff"},
    "vipdesk_is_owner()": {"staff"},
    "vipdesk_may(text)": {"staff"},
    "vipdesk_needs_first_administrator()": {"signin"},
    "vipdesk_qr_has_key()": {"staff"},
    "vipdesk_qr_sign_document(integer, boolean)": {"staff"},
    "vipdesk_qr_sign_ticket(integer)": {"staff"},
    "vipdesk_expect_own_event(text)": {"staff"},
    "vipdesk_qr_verify(text, bytea)": {"staff"},
    "vipdesk_queue_command(text, integer, text, integer, text, integer[], integer, text, integer, integer, text, text, "
    "timestamp without time zone, integer, text, text)": {"staff"},
    "vipdesk_require(text)": {"staff"},
    "vipdesk_reveal(text, integer, text)": {"staff"},
    "vipdesk_role_prefix()": {"staff", "signin"},
    "vipdesk_set_login(integer, boolean, timestamp without time zone)": {"staff"},
    "vipdesk_set_password(integer, text)": {"staff"},
    "vipdesk_signin_check(text, timestamp without time zone)": {"staff", "signin"},
    "vipdesk_signin_failed(text, timestamp without time zone)": {"staff", "signin"},
    "vipdesk_signin_policy()": {"staff", "signin"},
    "vipdesk_signin_succeeded(timestamp without time zone)": {"staff"},
    "vipdesk_transition(text, text, text)": {"staff"},
    "vipdesk_unchanged(text, jsonb, jsonb, text[])": {"staff"},
}

def _callable(demo, group: str) -> dict[str, int]:  # noqa: F811
    rows = demo.owner.execute(
        "SELECT p.oid, p.proname, p.proargtypes::regtype[]::text[], p.prorettype = 'trigger'::regtype"
        " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname IN ('public', 'vipdesk_private') AND has_function_privilege(%s, p.oid, 'EXECUTE')",
        (demo.group(group),)).fetchall()
    return {f"{name}({', '.join(types)})": oid for oid, name, types, is_trigger in rows if not is_trigger}


def test_every_function_a_login_may_call_is_one_the_last_line_knows(demo):  # noqa: F811
    for group in ("staff", "signin"):
        assert set(_callable(demo, group)) == {f for f, who in CALLABLE.items() if group in who}, group
    # functions of the store that a login of another store, or anyone at all, could call: none
    assert demo.owner.execute(
        "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname IN ('public', 'vipdesk_private') AND p.prorettype <> 'trigger'::regtype"
        " AND has_function_privilege('public', p.oid, 'EXECUTE')").fetchall() == []


# Arguments a hostile caller would try, by type: nothing, out of range, another branch's, huge,
# SQL text. A function must answer each with a clean refusal (or a harmless answer).
HOSTILE = {
    "integer": [None, -1, 0, 2147483647],
    "text": [None, "", "x'); DROP TABLE customer; --", "中" * 100_000],
    "name": [None, "postgres", "x" * 63],
    "boolean": [None, True],
    "timestamp without time zone": [None, "1900-01-01", "9999-12-31 23:59:59"],
    "jsonb": [None, "[]", "{}", '"x"', "[" + ",".join(['{"action":"x"}'] * 20000) + "]"],
    "text[]": [None, [], [None], ["x" * 10_000] * 1_000],
    "integer[]": [None, [], [None], [2147483647] * 1_000],
    "bytea": [None, b"", b"\x00" * 1000],
}
CLEAN = ("22", "23", "42501", "P0001", "P0002", "02", "28")


def test_every_callable_function_refuses_hostile_arguments_cleanly(demo):  # noqa: F811
    functions = _callable(demo, "staff")
    events = demo.owner.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    calls = 0
    with connect_as(demo, "teller") as conn:
        for signature in sorted(functions):
            name, types = signature[:-1].split("(", 1)
            types = [t for t in types.split(", ") if t]
            if name == "vipdesk_end_stalls":
                continue  # ends other sessions: probed on its own in test_pg_last_line_audit
            for arguments in itertools.islice(itertools.product(*(HOSTILE[t] for t in types)), 60):
                calls += 1
                statement = sql.SQL("SELECT {}({})").format(
                    sql.Identifier(name), sql.SQL(", ").join(sql.Placeholder() * len(types)))
                try:
                    with conn.transaction(force_rollback=True):
                        conn.execute(statement, arguments)
                except psycopg.Error as exc:
                    assert exc.sqlstate and exc.sqlstate.startswith(CLEAN), (signature, arguments, exc)
        assert conn.execute("SELECT 1").fetchone() == (1,)
    assert calls > 100
    assert demo.owner.execute("SELECT count(*) FROM audit_event").fetchone()[0] == events


def _writable(demo, group: str) -> set[str]:  # noqa: F811
    return {row[0] for row in demo.owner.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind = 'r' AND ("
        "   has_table_privilege(%s, c.oid, 'INSERT') OR has_table_privilege(%s, c.oid, 'UPDATE')"
        "   OR has_table_privilege(%s, c.oid, 'DELETE')"
        "   OR has_any_column_privilege(%s, c.oid, 'INSERT')"
        "   OR has_any_column_privilege(%s, c.oid, 'UPDATE'))",
        (demo.group(group),) * 5)}


# The administrators' tables: besides their guards (migration 0031), column grants to the admin
# group only (a staff login may change just its own password flags) and subtree policies.
ADMINISTERED = {"branch", "staff_account", "staff_role", "setting"}


def test_every_table_a_login_may_write_carries_the_databases_guard(demo):  # noqa: F811
    writable = _writable(demo, "staff") | _writable(demo, "admin")
    assert writable and "audit_event" not in writable and ADMINISTERED <= writable
    guarded = {row[0] for row in demo.owner.execute(
        "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
        " WHERE t.tgname LIKE 'vipdesk\\_guard%%' AND NOT t.tgisinternal")}
    assert writable - guarded == set()
    for table in ADMINISTERED:  # administrators only, column by column, within their subtree
        assert not demo.owner.execute(
            "SELECT has_table_privilege(%s, %s, 'UPDATE') OR has_table_privilege(%s, %s, 'DELETE')"
            " OR has_any_column_privilege(%s, %s, 'INSERT')",
            (demo.group("staff"), table) * 3).fetchone()[0], table
        assert demo.owner.execute("SELECT count(*) FROM pg_policy WHERE polrelid = %s::regclass",
                                  (table,)).fetchone()[0] >= 3, table
    assert _writable(demo, "signin") == set()
