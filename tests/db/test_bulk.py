"""Many rows inserted as multi-row statements (db.bulk): on PostgreSQL each statement fires the
customer's statement triggers (its tier row, the care figures), so rows sent one statement per
row made a million-customer build crawl."""

from __future__ import annotations

from sqlalchemy import func, select, text

from db.bulk import add_rows, insert_rows
from db.models import Branch, Customer, CustomerTail, CustomerTier


def _rows(branch_id: int, count: int, now) -> list[dict]:
    return [dict(created_at=now, updated_at=now, version=1, cif_no=f"77{n:010d}", name="测试", name_pinyin="ceshi", name_initials="cs", gender="female",
                 id_type="passport", id_masked=f"E****{n:04d}", id_number_index=n.to_bytes(16, "big"), email="",
                 address="", postcode="", employer="", department="", title="", occupation="", notes="",
                 important_dates="[]", relatives="[]", branch_id=branch_id, active=True)
            for n in range(count)]


def test_rows_go_in_few_statements_and_their_ids_come_back_in_order(demo_store, batch):
    with demo_store.write(batch) as uow:
        session = uow.session
        branch_id = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
        pg = demo_store.kind == "postgresql"
        if pg:
            session.execute(text("SET LOCAL track_functions = 'pl'"))
        ids = insert_rows(session.connection(), Customer.__table__, _rows(branch_id, 2500, uow.now))
        if pg:
            calls = session.scalar(text(
                "SELECT pg_stat_get_xact_function_calls('customer_tier_row()'::regprocedure)"))
            assert 1 <= calls <= 5   # per statement, not per row
        stored = dict(session.execute(select(Customer.cif_no, Customer.id).where(Customer.id.in_(ids))).all())
        assert ids == [stored[f"77{n:010d}"] for n in range(2500)]
        assert session.scalar(select(func.count()).where(CustomerTier.id.in_(ids))) == 2500


def test_no_rows_insert_nothing(store):
    with store.read() as session:
        assert insert_rows(session.connection(), Customer.__table__, []) == []


def test_added_rows_take_the_defaults_of_the_columns_they_leave_out(demo_store, batch):
    with demo_store.write(batch) as uow:
        session = uow.session
        branch_id = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
        ids = insert_rows(session.connection(), Customer.__table__, _rows(branch_id, 3, uow.now))
        add_rows(session.connection(), CustomerTail.__table__,
                 [{"digest": n.to_bytes(16, "big"), "customer_id": i} for n, i in enumerate(ids)])
        stored = session.execute(select(CustomerTail.customer_id, CustomerTail.field)
                                 .where(CustomerTail.customer_id.in_(ids))).all()
        assert sorted(stored) == [(i, "") for i in sorted(ids)]
