"""The PostgreSQL demo store each test gets is put back from a snapshot taken once per run
(tests.pg_support): it must be the store the demo build made, rows, sequences and logins alike,
whatever the test before it changed."""

import psycopg

from app.auth import accounts, branches
from app.auth.signin import sign_in
from app.demo import DEMO_PASSWORD
from tests.db.helpers import actor_named
from tests.pg_support import store_tables, restore_snapshot


def _state(url: str) -> dict:
    """Every table's rows (as one digest), every sequence's position, every login of the store
    (with its session settings)."""
    with psycopg.connect(url, autocommit=True) as conn:
        rows = {table: conn.execute(f"SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text))"
                                    f" FROM {table} t").fetchone() for table in store_tables(conn)}
        sequences = conn.execute("SELECT schemaname, sequencename, last_value FROM pg_sequences"
                                 " WHERE schemaname = 'public' ORDER BY 2").fetchall()
        logins = conn.execute(
            "SELECT r.rolname, r.rolcanlogin, r.rolpassword, s.setconfig,"
            " array(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
            "       WHERE m.member = r.oid ORDER BY 1)"
            " FROM pg_authid r LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid AND s.setdatabase = 0"
            " WHERE r.rolname LIKE vipdesk_role_prefix() || '%' ORDER BY 1").fetchall()
    return {"rows": rows, "sequences": sequences, "logins": logins}


def test_a_restored_demo_store_is_the_one_the_demo_built(pg_demo_store, pg_demo_snapshot, pg_database_url):
    built = _state(pg_database_url)
    assert built["rows"]["public.customer"][0] > 0 and built["logins"]
    assert built["rows"]["vipdesk_private.login_verifier"][0] == len(built["logins"])
    assert all(settings for *_login, settings, _groups in built["logins"])

    admin = actor_named(pg_demo_store, "admin")
    with pg_demo_store.read() as session:
        branch = branches.get_branch_by_code(session, admin, "BJ0101").id
    accounts.create_account(pg_demo_store, admin, username="snapshot_clerk", display_name="快照柜员",
                            branch_id=branch, roles=["counter_staff"], password="Harbour-Light-2026")
    changed = _state(pg_database_url)
    assert changed["rows"] != built["rows"] and len(changed["logins"]) == len(built["logins"]) + 1

    restore_snapshot(pg_database_url, pg_demo_snapshot)
    assert _state(pg_database_url) == built
    signed_in = sign_in(pg_demo_store, "teller", DEMO_PASSWORD)  # a restored login signs in
    try:
        assert signed_in.actor.username == "teller"
    finally:
        signed_in.store.engine.dispose()
