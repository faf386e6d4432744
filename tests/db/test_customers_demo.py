"""Demo customers: valid resident IDs, Chinese names with pinyin, spread over the outlets."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from app.customers.rules import IdType, birthday_from_resident_id, clean_id_number, mask_id, mask_phone, search_keys
from app.demo.customers import build_demo_customers
from db.models import Branch, Customer, StaffAccount
from tests.db.helpers import sealed_numbers


def test_demo_customers_are_realistic_and_returned(sqlite_demo_store):
    made = build_demo_customers(sqlite_demo_store, 1000, seed=11)
    assert len(made) == 1000 and len({cif for _, cif in made}) == 1000
    with sqlite_demo_store.read() as session:
        ids = [i for i, _ in made]
        rows = session.execute(select(Customer, Branch.code, Branch.path).join(
            Branch, Branch.id == Customer.branch_id).where(Customer.id.in_(ids))).all()
        managers = dict(session.execute(select(StaffAccount.id, Branch.path).join(
            Branch, Branch.id == StaffAccount.branch_id)).all())
        numbers = sealed_numbers(sqlite_demo_store, "customer", "id_number")
        phones = sealed_numbers(sqlite_demo_store, "customer", "phone")
        for customer, code, path in rows:
            number, phone = numbers[customer.id], phones[customer.id]
            assert clean_id_number(IdType.RESIDENT_ID, number) == number
            assert customer.birthday == birthday_from_resident_id(number)
            assert number[:2] == ("31" if code.startswith("SH") else "11")
            assert customer.id_masked == mask_id(number) and customer.phone_masked == mask_phone(phone)
            assert (customer.name_pinyin, customer.name_initials) == search_keys(customer.name)
            assert len(phone) == 11
            if customer.relationship_manager_id is not None:
                assert path.startswith(managers[customer.relationship_manager_id])
        outlets = Counter(code for _, code, _ in rows)
        assert any(c.name[:2] in ("欧阳", "司马", "诸葛", "上官") for c, _, _ in rows)
        assert sum(c.relationship_manager_id is not None for c, _, _ in rows) > 100
    assert set(outlets) == {"BJ0101", "BJ010101", "BJ010102", "BJ0102", "SH0101"}
    again = build_demo_customers(sqlite_demo_store, 10, seed=11)
    assert len(again) == 10   # more customers later never clash with the first ones


def test_fast_search_keys_are_the_rules_keys():
    import random

    from app.customers.fields import fast_search_keys
    from app.demo.customers import demo_name

    rnd = random.Random(3)
    names = ["张三", "欧阳娜娜", "单雄信", "曾国藩", "区伟", "长孙无忌", "阿依古丽·买买提", "Mary O'Neil",
             "张\U00020000明", "重庆", "朴长寿", "解放", "覃乐乐", "万俟卨", "仇"]
    names += [demo_name(rnd, rnd.random() < 0.5) for _ in range(2000)]
    assert [n for n in names if fast_search_keys(n) != search_keys(n)] == []


def test_the_demo_writes_nothing_dated_after_it_was_built(sqlite_demo_store):
    """Histories go back from the moment of the build; nothing happens "tomorrow" (an audit
    filter from tomorrow on must find nothing, whatever the hour of the build)."""
    from sqlalchemy import func, select

    from app.store import utcnow
    from db.models import AuditEvent, ContactRecord

    with sqlite_demo_store.read() as session:
        latest = [session.scalar(select(func.max(AuditEvent.occurred_at))),
                  session.scalar(select(func.max(ContactRecord.contacted_at)))]
    assert all(moment is not None and moment <= utcnow() for moment in latest), latest
