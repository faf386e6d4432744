"""Customer records on both engines: create, edit, conflicts, inactive, duplicates, bad input,
branch scope, masking in audit, open logged, reveal audited, viewers."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from app.customers.rules import mask_id
from app.customers.fields import CustomerInput
from app.customers.records import (
    create_customer, input_for_edit, open_customer, reveal, set_active, update_customer, viewers_of,
)
from app.customers.search import search_customers
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from db.models import AuditEvent, Branch, Customer
from tests.db.helpers import actor_named

ID_ZHANG = "11010519491231002X"      # a valid resident ID: born 1949-12-31, female
ID_LI = "110101198001010014"         # born 1980-01-01, male (check digit computed)
GOOD = CustomerInput(cif_no="CIF000001", name="张三", id_type="resident_id", id_number=ID_ZHANG,
                     phone="13800138000", email="zhang@example.com", employer="某公司")


def _valid(first17: str) -> str:
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


ID_LI = _valid("11010119800101001")


def customers(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(Customer))


def branch_id(store, code):
    with store.read() as session:
        return session.scalar(select(Branch.id).where(Branch.code == code))


def events(store, action):
    with store.read() as session:
        return session.execute(select(AuditEvent.before, AuditEvent.after)
                               .where(AuditEvent.action == action).order_by(AuditEvent.id)).all()


def test_create_derives_birthday_gender_and_keys_and_audits_masked(demo_store):
    teller = actor_named(demo_store, "teller")
    made = create_customer(demo_store, teller, replace(GOOD, id_number="110105 19491231 002x",
                                                       phone="+86 138-0013-8000"))
    assert made.birthday.isoformat() == "1949-12-31" and made.gender == "female"
    assert made.id_masked == "110***********002X" and made.phone_masked == "138****8000"
    assert made.branch_code == "BJ0101" and made.version == 1
    with demo_store.read() as session:
        row = session.get(Customer, made.id)
        assert (row.name_pinyin, row.name_initials) == ("zhangsan", "zs")
        assert row.id_masked == "110***********002X" and row.phone_masked == "138****8000"
        assert not hasattr(row, "id_number") and not hasattr(row, "phone")     # sealed only (app.crypto)
    (event,) = events(demo_store, "customer.create")
    assert ID_ZHANG not in event.after and "13800138000" not in event.after
    assert ID_ZHANG[::-1] not in event.after and "110***********002X" in event.after


def test_edit_with_version_check_and_conflict(demo_store):
    teller, other = actor_named(demo_store, "teller"), actor_named(demo_store, "teller2")
    made = create_customer(demo_store, teller, GOOD)
    data, version = input_for_edit(demo_store, teller, made.id)
    assert data.id_number == "" and data.phone == ""          # never handed out in full
    first = update_customer(demo_store, other, made.id, replace(data, employer="新公司"),
                            expected_version=version)
    assert first.employer == "新公司" and first.version == version + 1
    with pytest.raises(ConflictError, match="changed by someone else"):
        update_customer(demo_store, teller, made.id, replace(data, employer="旧"), expected_version=version)
    with demo_store.read() as session:
        row = session.get(Customer, made.id)
        assert row.employer == "新公司" and row.id_masked == mask_id(ID_ZHANG) and row.phone_masked == "138****8000"
    (event,) = events(demo_store, "customer.update")
    assert json.loads(event.before) == {"employer": "某公司"}


def test_mark_inactive_never_deletes(demo_store):
    teller = actor_named(demo_store, "teller")
    made = create_customer(demo_store, teller, GOOD)
    off = set_active(demo_store, teller, made.id, expected_version=made.version, active=False)
    assert not off.active
    with pytest.raises(ConflictError):
        set_active(demo_store, teller, made.id, expected_version=made.version, active=True)
    assert search_customers(demo_store, teller, "CIF000001")[0].active is False
    assert len(events(demo_store, "customer.deactivate")) == 1


def test_duplicates_refused_naming_the_field(demo_store):
    teller, sh = actor_named(demo_store, "teller"), actor_named(demo_store, "sh_teller")
    create_customer(demo_store, teller, GOOD)
    before = customers(demo_store)
    with pytest.raises(ValidationError) as cif:
        create_customer(demo_store, teller, replace(GOOD, id_number=ID_LI))
    assert cif.value.field == "CIF number"
    with pytest.raises(ValidationError) as same_id:
        create_customer(demo_store, teller, replace(GOOD, cif_no="CIF000002", id_number=ID_ZHANG.lower()))
    assert same_id.value.field == "ID number"
    # another branch cannot see the first customer, yet the unique index still refuses
    with pytest.raises(ValidationError) as hidden:
        create_customer(demo_store, sh, replace(GOOD, cif_no="CIF000003"))
    assert hidden.value.field == "ID number"
    assert customers(demo_store) == before


@pytest.mark.parametrize(("change", "field"), [
    (dict(name="x" * 10_000_000), "Name"),
    (dict(name="张三😀"), "Name"),
    (dict(name="Robert'); DROP TABLE customer;--"), "Name"),
    (dict(id_number="110105194912310021"), "ID number"),
    (dict(id_number="110105209912310024"), "ID number"),
    (dict(phone="12345"), "Phone"),
    (dict(phone="call me"), "Phone"),
    (dict(birthday="1950-01-01"), "Birthday"),
    (dict(gender="male"), "Gender"),
    (dict(email="no-at-sign"), "E-mail"),
    (dict(postcode="12345"), "Postcode"),
    (dict(cif_no="ab"), "CIF number"),
    (dict(id_type="driving licence"), "ID type"),
    (dict(id_type="passport", id_number="E12345678", gender=""), "Gender"),
])
def test_bad_input_names_the_field_and_stores_nothing(sqlite_demo_store, change, field):
    teller = actor_named(sqlite_demo_store, "teller")
    before = customers(sqlite_demo_store)
    with pytest.raises(ValidationError) as error:
        create_customer(sqlite_demo_store, teller, replace(GOOD, **change))
    assert error.value.field == field
    assert customers(sqlite_demo_store) == before


def test_full_width_digits_are_what_the_clerk_meant(sqlite_demo_store):
    teller = actor_named(sqlite_demo_store, "teller")
    made = create_customer(sqlite_demo_store, teller, replace(
        GOOD, phone="１３８００１３８０００", id_number="１１０１０５１９４９１２３１００２Ｘ"))
    assert made.phone_masked == "138****8000" and made.id_masked.endswith("002X")


def test_home_branch_and_manager_in_scope(demo_store):
    teller = actor_named(demo_store, "teller")
    advisor = actor_named(demo_store, "advisor")
    made = create_customer(demo_store, teller, replace(GOOD, branch_id=branch_id(demo_store, "BJ010101"),
                                                       relationship_manager_id=advisor.account_id))
    assert made.branch_code == "BJ010101" and made.relationship_manager_name == advisor.display_name
    with pytest.raises(ValidationError) as branch:
        create_customer(demo_store, teller, replace(GOOD, cif_no="CIF000009", id_number=ID_LI,
                                                    branch_id=branch_id(demo_store, "SH0101")))
    assert branch.value.field == "Home branch"
    custodian = actor_named(demo_store, "custodian")  # keeps the vault, looks after no customer
    with pytest.raises(ValidationError) as manager:
        create_customer(demo_store, teller, replace(GOOD, cif_no="CIF000009", id_number=ID_LI,
                                                    relationship_manager_id=custodian.account_id))
    assert manager.value.field == "Relationship manager"
    sh_teller = actor_named(demo_store, "sh_teller")  # a keeper role, but outside the subtree
    with pytest.raises(ValidationError):
        create_customer(demo_store, teller, replace(GOOD, cif_no="CIF000009", id_number=ID_LI,
                                                    relationship_manager_id=sh_teller.account_id))


def test_scope_a_beijing_teller_cannot_see_or_open_shanghai(demo_store):
    sh = actor_named(demo_store, "sh_teller")
    teller = actor_named(demo_store, "teller")
    made = create_customer(demo_store, sh, GOOD)
    assert made.branch_code == "SH0101"
    assert search_customers(demo_store, teller, "CIF000001") == []
    assert search_customers(demo_store, teller, "zhangsan") == []
    with pytest.raises(NotFound):
        open_customer(demo_store, teller, made.id)
    with pytest.raises(NotFound):
        update_customer(demo_store, teller, made.id, GOOD, expected_version=1)
    assert [r.id for r in search_customers(demo_store, sh, "CIF000001")] == [made.id]


def test_open_is_logged_reveal_audited_and_viewers_listed(demo_store):
    teller, manager = actor_named(demo_store, "teller"), actor_named(demo_store, "manager")
    made = create_customer(demo_store, teller, GOOD)
    detail = open_customer(demo_store, teller, made.id)
    assert detail.id_masked == "110***********002X"
    with pytest.raises(PermissionDenied):
        reveal(demo_store, teller, made.id, "id_number")
    assert reveal(demo_store, manager, made.id, "id_number") == ID_ZHANG
    assert reveal(demo_store, manager, made.id, "phone") == "13800138000"
    with pytest.raises(ValidationError):
        reveal(demo_store, manager, made.id, "name")
    reveals = events(demo_store, "customer.reveal")
    assert [json.loads(e.after)["field"] for e in reveals] == ["id_number", "phone"]
    assert all(ID_ZHANG not in e.after and "13800138000" not in e.after for e in reveals)
    viewers = viewers_of(demo_store, manager, made.id)
    assert [(v.actor_name, v.action, v.field) for v in viewers] == [
        ("manager", "customer.reveal", "phone"), ("manager", "customer.reveal", "id_number"),
        ("teller", "customer.view", "")]
    with pytest.raises(PermissionDenied):
        viewers_of(demo_store, teller, made.id)


def test_permissions(demo_store):
    lobby = actor_named(demo_store, "lobby")       # may view, not edit
    custodian = actor_named(demo_store, "custodian")
    with pytest.raises(PermissionDenied):
        create_customer(demo_store, lobby, GOOD)
    with pytest.raises(PermissionDenied):
        search_customers(demo_store, custodian, "zhang")


def test_important_dates_and_relatives_kept_edited_and_left_alone_by_an_import(demo_store, tmp_path):
    from app.customers.occasions import IMPORTANT_DATES
    from app.customers.transfer import import_customers

    teller = actor_named(demo_store, "teller")
    made = create_customer(demo_store, teller, replace(
        GOOD, important_dates="结婚纪念日 05-20", relatives="配偶 李四 1950-02-01"))
    assert made.important_dates == [("结婚纪念日", "05-20")]
    assert made.relatives == [("配偶", "李四", "1950-02-01")]
    start, version = input_for_edit(demo_store, teller, made.id)
    assert (start.important_dates, start.relatives) == ("结婚纪念日 05-20", "配偶 李四 1950-02-01")
    with pytest.raises(ValidationError) as refused:
        update_customer(demo_store, teller, made.id, replace(start, employer="新公司",
                        important_dates="结婚纪念日 05-20\n退休 2030-13-01"), expected_version=version)
    assert refused.value.field == IMPORTANT_DATES and "line 2" in str(refused.value)
    assert open_customer(demo_store, teller, made.id).employer == "某公司"      # nothing changed
    edited = update_customer(demo_store, teller, made.id, replace(start, important_dates="结婚纪念日 05-20\n退休 2030-12-01"),
                             expected_version=version)
    assert edited.important_dates == [("结婚纪念日", "05-20"), ("退休", "2030-12-01")]
    assert json.loads(events(demo_store, "customer.update")[-1].after)["important_dates"]
    # the core-banking extract knows no important dates: updating the record keeps them
    extract = tmp_path / "customers.csv"
    extract.write_text(f"cif_no,name,id_type,id_number,phone,branch_code\nCIF000001,张三,resident_id,{ID_ZHANG},"
                       "13900139000,BJ0101\n", encoding="utf-8")
    import_customers(demo_store, actor_named(demo_store, "admin"), extract)
    after = open_customer(demo_store, teller, made.id)
    assert after.phone_masked == "139****9000" and after.important_dates == edited.important_dates
    assert after.relatives == [("配偶", "李四", "1950-02-01")]
