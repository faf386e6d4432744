"""Search as a clerk types, on both engines: every key, scope, limits, hostile text, pages."""

from __future__ import annotations

import pytest

from app.crypto.keys import KeyUnavailable
from app.customers.fields import CustomerInput
from app.customers.records import create_customer
from app.customers.search import customer_page, plans_for, search_customers
from db.models import Customer
from tests.db.helpers import actor_named, sealed_number
from tests.db.test_customers import ID_LI, ID_ZHANG


@pytest.fixture
def found(demo_store):
    """Two known customers at BJ0101 besides the demo's 200; returns a search function."""
    teller = actor_named(demo_store, "teller")
    zhang = create_customer(demo_store, teller, CustomerInput(
        cif_no="CIF000001", name="张三", id_number=ID_ZHANG, phone="13800138000"))
    ouyang = create_customer(demo_store, teller, CustomerInput(
        cif_no="CIF000002", name="欧阳娜娜", id_number=ID_LI, phone="010-6512 3456"))

    def search(text, actor=teller, **kwargs):
        return [r.cif_no for r in search_customers(demo_store, actor, text, **kwargs)]

    search.ids = (zhang.id, ouyang.id)
    search.store = demo_store
    return search


KEYS = [
    ("张三", "CIF000001"), ("欧阳", "CIF000002"), ("zhangsan", "CIF000001"), ("zhangs", "CIF000001"),
    ("ZhangSan", "CIF000001"), ("zs", "CIF000001"), ("oynn", "CIF000002"), ("ouyangna", "CIF000002"),
    ("002X", "CIF000001"), ("002x", "CIF000001"), ("8000", "CIF000001"), ("138000", "CIF000001"),
    ("13800138000", "CIF000001"), (ID_ZHANG, "CIF000001"), (ID_ZHANG.lower(), "CIF000001"),
    ("3456", "CIF000002"), (ID_LI[-6:], "CIF000002"), ("cif000002", "CIF000002"),
    ("１３８００１３８０００", "CIF000001"), (" 张 三 ", "CIF000001"),
]


def test_every_key_finds_the_customer(found):
    missed = [(typed, cif) for typed, cif in KEYS if cif not in found(typed)]
    assert missed == []


def test_masked_rows_and_exact_keys_find_one(found):
    rows = search_customers(found.store, actor_named(found.store, "teller"), "13800138000")
    assert [r.cif_no for r in rows] == ["CIF000001"]
    assert rows[0].phone_masked == "138****8000" and rows[0].id_masked == "110***********002X"
    assert found(ID_ZHANG) == ["CIF000001"]


HOSTILE = ["'; DROP TABLE customer; --", "%", "_", "张%", "z_", "\\", "' OR 1=1 --", "", "   ",
           "😀", "x" * 10_000, "12", "abc123def", "\x00"]


def test_hostile_or_short_text_finds_nothing_and_breaks_nothing(found):
    assert [typed[:20] for typed in HOSTILE if found(typed)] == []
    assert "CIF000001" in found("zs")


def test_scope_and_limit(found):
    sh = actor_named(found.store, "sh_teller")
    assert found("zhangsan", actor=sh) == [] and found("CIF000001", actor=sh) == []
    many = found("z", limit=7)
    assert len(many) == 7
    assert len(found("z", limit=100_000)) <= 500


def test_plans_use_one_indexed_column_each(sqlite_store):
    keys = sqlite_store.keys
    assert [p.column.key for p in plans_for("zs")] == ["name_initials", "name_pinyin"]
    assert [p.column.key for p in plans_for("zhangsan")] == ["name_pinyin", "name_initials", "cif_no"]
    assert [p.column.key for p in plans_for("123456", keys)] == ["digest", "digest", "cif_no"]
    assert [p.column.key for p in plans_for("13800138000", keys)] == ["phone_index"]
    assert [p.column.key for p in plans_for("123456")] == ["cif_no"]      # no key: digits only as a CIF
    with pytest.raises(KeyUnavailable, match="master key"):
        plans_for("1234")                                                 # only a tail: needs the key
    assert plans_for("张三")[0].column.key == "name"


def test_a_whole_number_typed_reaches_no_lookup_in_clear(sqlite_store):
    """A whole ID number, mobile or card number is sent only as its blind index, never also as a
    CIF number to compare (the server's log may keep every parameter); without the key it is
    refused, as a tail is, rather than sent in clear."""
    keys = sqlite_store.keys
    for typed in (ID_ZHANG, "13800138000", "6222020000000015", "6222020000000000015"):
        plans = plans_for(typed, keys)
        assert plans and all(isinstance(p.value, bytes) for p in plans), typed
        with pytest.raises(KeyUnavailable):
            plans_for(typed)
    assert [p.column.key for p in plans_for("12345678901", keys)] == ["cif_no"]   # no mobile: a CIF


def test_a_full_card_number_finds_its_holder_within_scope(sqlite_demo_store):
    from sqlalchemy import select

    from db.models import Branch, VipCard

    with sqlite_demo_store.read() as session:
        card_id, cif, code = session.execute(
            select(VipCard.id, Customer.cif_no, Branch.code).join(Customer, Customer.id == VipCard.customer_id)
            .join(Branch, Branch.id == Customer.branch_id).where(Branch.code.like("BJ0101%"))
            .order_by(VipCard.id).limit(1)).one()
    number = sealed_number(sqlite_demo_store, "vip_card", card_id, "card_number")
    teller, shanghai = actor_named(sqlite_demo_store, "teller"), actor_named(sqlite_demo_store, "sh_teller")
    spaced = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
    assert [r.cif_no for r in search_customers(sqlite_demo_store, teller, spaced)][:1] == [cif]
    assert search_customers(sqlite_demo_store, shanghai, number) == []
    assert plans_for(number, sqlite_demo_store.keys)[0].column.key == "card_number_index"


def test_customer_page_is_keyset_paginated(found):
    teller = actor_named(found.store, "teller")
    seen, key = [], None
    while True:
        page = customer_page(found.store, teller, "", key, limit=50)
        seen += [r.id for r in page.rows]
        if page.next_key is None:
            break
        key = page.next_key
    assert seen == sorted(seen) and len(seen) == len(set(seen))
    assert set(found.ids) <= set(seen)
    assert all(r.branch_code.startswith("BJ0101") for r in customer_page(found.store, teller).rows)
    assert [r.cif_no for r in customer_page(found.store, teller, "zhangsan").rows] == ["CIF000001"]
    assert customer_page(found.store, teller, "zhangsan", 5).rows == []


def test_inactive_customers_come_last(found):
    from app.customers.records import set_active

    teller = actor_named(found.store, "teller")
    set_active(found.store, teller, found.ids[0], expected_version=1, active=False)
    rows = search_customers(found.store, teller, "z", limit=500)
    assert rows[-1].cif_no == "CIF000001" and not rows[-1].active


EXPLAINED = ["张", "zhangw", "zw", "1234", "0012X", "13800138000", ID_ZHANG, "CIF000001",
             "6222020000000001"]


def test_every_lookup_uses_its_index_and_no_sort(demo_store):
    """The plans of every lookup (the bench measures the speed; this keeps the shape)."""
    from sqlalchemy import text

    from app.customers.records import scope_branches
    from app.customers.search import plan_query, prefer_ordered_scans

    teller = actor_named(demo_store, "teller")
    dialect = demo_store.kind
    with demo_store.read() as session:
        ids = list(scope_branches(session, teller))
        prefer_ordered_scans(session)   # as the search does
        if dialect == "postgresql":   # the demo's tables are small enough to read whole
            session.execute(text("SET LOCAL enable_seqscan = off"))
        for typed in EXPLAINED:
            try:
                plans = plans_for(typed)    # names and CIFs; numbers' blind-index plans: test_pii_search
            except KeyUnavailable:
                continue
            for plan in plans:
                sql = str(plan_query(plan, dialect, ids, 50).compile(
                    demo_store.engine, compile_kwargs={"literal_binds": True}))
                prefix = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN "
                shown = " | ".join(str(r[-1]) for r in session.execute(text(prefix + sql)))
                index = {"cif_no": "customer_1" if dialect == "sqlite" else "uq_customer_cif_no",
                         "card_number": "(card_number=?)" if dialect == "sqlite" else "uq_vip_card_card_number",
                         }.get(plan.column.key, f"ix_customer_{plan.column.key}")
                assert index in shown, (typed, shown)
                assert "TEMP B-TREE" not in shown and "Sort" not in shown, (typed, shown)


def test_under_row_level_security_every_prefix_lookup_is_an_index_range(pg_demo_store):
    """Staff connect as their own PostgreSQL roles, under row-level security, which holds back
    any condition with an operator that is not leakproof (LIKE) until the policy has passed:
    the lookups must still reach their index as a range (Index Cond), not scan the table."""
    from sqlalchemy import text

    from app.auth.signin import sign_in
    from app.customers.records import scope_branches
    from app.customers.search import plan_query, prefer_ordered_scans
    from app.demo import DEMO_PASSWORD

    signed_in = sign_in(pg_demo_store, "teller", DEMO_PASSWORD)
    try:
        with signed_in.store.read() as session:
            assert session.scalar(text("SELECT current_user")) != "postgres"
            ids = list(scope_branches(session, signed_in.actor))
            prefer_ordered_scans(session)   # as the search does
            session.execute(text("SET LOCAL enable_seqscan = off"))
            for typed in EXPLAINED:
                try:
                    plans = plans_for(typed)    # names and CIFs; numbers' blind-index plans: test_pii_search
                except KeyUnavailable:
                    continue
                for plan in plans:
                    sql = str(plan_query(plan, "postgresql", ids, 50).compile(
                        signed_in.store.engine, compile_kwargs={"literal_binds": True}))
                    shown = " | ".join(r[0] for r in session.execute(text("EXPLAIN " + sql)))
                    assert "Index Cond" in shown and plan.column.key in shown.split("Index Cond")[1], \
                        (typed, shown)
                    assert "Sort" not in shown, (typed, shown)
    finally:
        signed_in.store.engine.dispose()


def test_the_search_reads_prefix_lookups_in_index_order(pg_demo_store):
    """The lookups run with bitmap scans off (app.customers.search.prefer_ordered_scans): under
    row-level security the planner otherwise fetches and sorts every match of common pinyin
    initials on a large store (the bench measures it); the plan shapes above hold under it."""
    from sqlalchemy import event

    seen = []

    def before(conn, cursor, statement, parameters, context, executemany):
        seen.append(conn.exec_driver_sql("SHOW enable_bitmapscan").scalar() if "FROM customer" in statement
                    else None)

    teller = actor_named(pg_demo_store, "teller")
    event.listen(pg_demo_store.engine, "before_cursor_execute", before)
    try:
        assert search_customers(pg_demo_store, teller, "zw") is not None
    finally:
        event.remove(pg_demo_store.engine, "before_cursor_execute", before)
    lookups = [setting for setting in seen if setting is not None]
    assert lookups and set(lookups) == {"off"}
