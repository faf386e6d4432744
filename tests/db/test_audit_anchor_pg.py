"""The audit anchor on PostgreSQL as staff login roles: row-level security hides other branches'
audit events from staff, yet ``vipdesk_audit_heads()`` (migration 0028) gives them every lane's
head (seq and hash, nothing else), so the day-end reconciliation a branch manager makes as their
own login prints the whole trail's anchor."""

from __future__ import annotations

import pytest
from psycopg import errors

from app.audit.anchor import parse_anchor
from app.audit.trail import audit_heads, verify_chain
from app.documents import reports
from tests.db.test_cards_pg_scope import signed_in
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture
from tests.documents.support import pdf_text

pytestmark = pytest.mark.pg


def test_staff_read_every_lanes_head_and_nothing_else(demo):  # noqa: F811
    owner_heads = demo.owner.execute(
        "SELECT DISTINCT ON (lane) lane, seq, hash FROM audit_event ORDER BY lane, seq DESC").fetchall()
    everything = demo.owner.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    with connect_as(demo, "sh_teller") as conn:
        assert conn.execute("SELECT count(*) FROM audit_event").fetchone()[0] < everything  # scoped
        assert conn.execute("SELECT * FROM vipdesk_audit_heads()").fetchall() == owner_heads
        assert [d.name for d in conn.execute("SELECT * FROM vipdesk_audit_heads()").description] == [
            "lane", "head_seq", "head_hash"]
    with signed_in(demo, "sh_teller") as (store, _actor):
        assert audit_heads(store) == [tuple(row) for row in owner_heads]


def test_the_function_is_a_definer_with_a_fixed_path_for_staff_only(demo):  # noqa: F811
    definer, volatility, config, grantees = demo.owner.execute(
        "SELECT p.prosecdef, p.provolatile, p.proconfig,"
        " array(SELECT coalesce(r.rolname, 'PUBLIC') FROM aclexplode(p.proacl) a"
        "       LEFT JOIN pg_roles r ON r.oid = a.grantee WHERE a.privilege_type = 'EXECUTE' ORDER BY 1)"
        " FROM pg_proc p WHERE p.proname = 'vipdesk_audit_heads'").fetchone()
    assert definer and volatility == "s"
    assert config == ["search_path=pg_catalog, public, pg_temp"]
    owner = demo.owner.execute("SELECT current_user").fetchone()[0]
    assert sorted(grantees) == sorted([owner, demo.group("staff")])
    signin = demo.group("signin")
    demo.owner.execute(f'SET ROLE "{signin}"')
    try:
        with pytest.raises(errors.InsufficientPrivilege):
            demo.owner.execute("SELECT * FROM vipdesk_audit_heads()")
    finally:
        demo.owner.execute("RESET ROLE")


def test_a_branch_manager_prints_the_whole_trails_anchor_on_the_reconciliation(demo):  # noqa: F811
    before = verify_chain(demo.store)  # as the owner: every event
    assert before.intact
    with signed_in(demo, "manager") as (store, manager):
        made = reports.stock_reconciliation(store, manager, business_date=store.today())
    text = "".join(pdf_text(made.pdf)).replace("\n", "")
    assert f"审计锚点：{before.anchor.text()}" in text
    noted = parse_anchor(text.split("审计锚点：", 1)[1].split("（", 1)[0])  # read back off the paper
    after = verify_chain(demo.store, anchor=noted)
    assert after.intact and after.anchor_problem == ""
    assert after.checked == before.checked + 1  # the report's own registration event
