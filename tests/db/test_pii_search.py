"""A store that carries its key ring: search by every key a clerk types goes by blind index on
both engines, and customers created, edited or imported and cards issued are sealed on the way
in (app.crypto.sealing)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from app.customers.fields import CustomerInput
from app.customers.records import create_customer, input_for_edit, update_customer
from app.customers.search import plans_for, search_customers
from app.customers.transfer import import_customers
from db.models import Customer, SealedValue, VipCard
from tests.db.carddata import give_card, set_tier, stock_drawer
from tests.db.helpers import actor_named
from tests.db.test_customers import ID_LI, ID_ZHANG, _valid
from tests.db.test_customers_import import GOOD_LINES, write
from tests.db.test_customers_search import KEYS


@pytest.fixture
def keyed(demo_store, batch):
    """The demo store (sealed from its creation, carrying its key ring), plus two customers made
    through the service."""
    teller = actor_named(demo_store, "teller")
    create_customer(demo_store, teller, CustomerInput(cif_no="CIF000001", name="张三", id_number=ID_ZHANG,
                                                      phone="13800138000"))
    create_customer(demo_store, teller, CustomerInput(cif_no="CIF000002", name="欧阳娜娜", id_number=ID_LI,
                                                      phone="010-6512 3456"))
    return demo_store


def found(store, typed, actor="teller"):
    return [r.cif_no for r in search_customers(store, actor_named(store, actor), typed)]


def opened(store, entity, entity_id, field):
    with store.read() as session:
        sealed = session.scalar(select(SealedValue.sealed).where(
            SealedValue.entity == entity, SealedValue.entity_id == entity_id, SealedValue.field == field))
    return store.keys.open(entity, field, entity_id, bytes(sealed))


def test_every_key_a_clerk_types_finds_the_customer_by_blind_index(keyed):
    missed = [(typed, cif) for typed, cif in KEYS if cif not in found(keyed, typed)]
    assert missed == []


def test_numbers_go_by_blind_index_not_by_their_clear_copies(keyed):
    keys = keyed.keys
    assert [p.column.key for p in plans_for("123456", keys)] == ["digest", "digest", "cif_no"]
    assert [p.column.key for p in plans_for("13800138000", keys)] == ["phone_index"]   # never also a CIF, in clear
    assert plans_for(ID_ZHANG, keys)[0].column.key == "id_number_index"
    assert plans_for("6222020000000001", keys)[0].column.key == "card_number_index"
    assert found(keyed, "zs", actor="sh_teller") == [] and found(keyed, "8000", actor="sh_teller") == []


def test_an_edit_reseals_and_the_old_number_no_longer_finds(keyed):
    teller = actor_named(keyed, "teller")
    (zhang,) = search_customers(keyed, teller, "CIF000001")
    data, version = input_for_edit(keyed, teller, zhang.id)
    update_customer(keyed, teller, zhang.id, replace(data, phone="13912345678"), expected_version=version)
    assert found(keyed, "5678") == ["CIF000001"] and "CIF000001" not in found(keyed, "138000")
    assert opened(keyed, "customer", zhang.id, "phone") == "13912345678"
    assert opened(keyed, "customer", zhang.id, "id_number") == ID_ZHANG


def test_without_the_key_ring_a_number_is_refused_and_the_rest_still_saves(keyed):
    from app.crypto.keys import KeyUnavailable

    ring, keyed.keys = keyed.keys, None
    teller = actor_named(keyed, "teller")
    with keyed.read() as session:
        zhang = session.scalar(select(Customer.id).where(Customer.cif_no == "CIF000001"))
    data, version = input_for_edit(keyed, teller, zhang)
    with pytest.raises(KeyUnavailable, match="master key"):
        update_customer(keyed, teller, zhang, replace(data, phone="13912345678"), expected_version=version)
    with pytest.raises(KeyUnavailable, match="master key"):
        search_customers(keyed, teller, "5678")
    saved = update_customer(keyed, teller, zhang, replace(data, address="北京市东城区"), expected_version=version)
    assert saved.address == "北京市东城区" and saved.phone_masked == "138****8000"
    keyed.keys = ring
    assert found(keyed, "8000") == ["CIF000001"] and opened(keyed, "customer", zhang, "phone") == "13800138000"


def test_an_import_seals_on_the_way_in(keyed, batch, tmp_path):
    import_customers(keyed, batch, write(tmp_path / "a.csv", [GOOD_LINES[0], *[
        line.replace("CIF00000", "IMP00000") for line in GOOD_LINES[3:]]]))
    with keyed.read() as session:
        imported = session.execute(select(Customer.id, Customer.id_masked)
                                   .where(Customer.cif_no == "IMP000003")).one()
    number = opened(keyed, "customer", imported.id, "id_number")
    assert number[:3] + "*" * 11 + number[-4:] == imported.id_masked
    assert "IMP000003" in found(keyed, "65123456", actor="sh_teller")
    assert found(keyed, number, actor="sh_teller") == ["IMP000003"]


def test_a_card_issued_is_sealed_and_found_by_its_number(keyed):
    stock_drawer(keyed)
    with keyed.read() as session:
        zhang = session.scalar(select(Customer.id).where(Customer.cif_no == "CIF000001"))
    set_tier(keyed, zhang, "gold")
    result = give_card(keyed, zhang, "A00001000")
    with keyed.read() as session:
        masked = session.scalar(select(VipCard.card_masked).where(VipCard.id == result.card_id))
    number = opened(keyed, "vip_card", result.card_id, "card_number")
    assert masked == number[:6] + "*" * (len(number) - 10) + number[-4:]
    assert found(keyed, number) == ["CIF000001"]


def test_signed_in_staff_seal_on_the_way_in_under_the_databases_rules(keyed):
    """On PostgreSQL a teller's own login writes the sealed values, blind indexes and tails
    (row-level security and the sealed_value guard let the service's writes through) and finds
    the customer by blind index under row-level security; on SQLite the same service call."""
    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD

    signed_in = sign_in(keyed, "teller", DEMO_PASSWORD)
    try:
        store, teller = signed_in.store, signed_in.actor
        assert store.keys is keyed.keys
        id_number = _valid("11010519900307251")
        made = create_customer(store, teller, CustomerInput(cif_no="CIF000009", name="王小明",
                                                            id_number=id_number, phone="13700001111"))
        data, version = input_for_edit(store, teller, made.id)
        update_customer(store, teller, made.id, replace(data, phone="13700002222"), expected_version=version)
        assert [r.cif_no for r in search_customers(store, teller, "2222")] == ["CIF000009"]
        assert [r.cif_no for r in search_customers(store, teller, id_number)] == ["CIF000009"]
    finally:
        if store is not keyed:
            store.engine.dispose()
    assert opened(keyed, "customer", made.id, "phone") == "13700002222"


def test_blind_index_lookups_use_their_index(keyed):
    """Each blind-index plan is an equality on an indexed column (the bench measures the speed)."""
    from sqlalchemy import literal_column, text

    from app.customers.records import scope_branches
    from app.customers.search import plan_query

    teller = actor_named(keyed, "teller")
    dialect = keyed.kind
    with keyed.read() as session:
        ids = list(scope_branches(session, teller))
        if dialect == "postgresql":
            session.execute(text("SET LOCAL enable_seqscan = off"))
        for typed in ("8000", "0012X", "13800138000", ID_ZHANG, "6222020000000001"):
            for plan in plans_for(typed, keyed.keys):
                if plan.column.key == "cif_no":
                    continue
                digest = plan.value.hex()      # bytes have no literal form of their own in SQLAlchemy
                plan = replace(plan, value=literal_column(f"X'{digest}'" if dialect == "sqlite" else f"'\\x{digest}'::bytea"))
                sql = str(plan_query(plan, dialect, ids, 50).compile(keyed.engine, compile_kwargs={"literal_binds": True}))
                prefix = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN "
                shown = " | ".join(str(r[-1]) for r in session.execute(text(prefix + sql)))
                index = {"digest": "pk_customer_tail" if dialect == "postgresql" else "customer_tail",
                         "id_number_index": "uq_customer_id_number_index",
                         "phone_index": "ix_customer_phone_index",
                         "card_number_index": "uq_vip_card_card_number_index"}[plan.column.key]
                assert index in shown and "SCAN customer " not in shown + " ", (typed, shown)


def test_a_reveal_opens_the_sealed_value_and_is_audited_once(keyed):
    from app.customers.records import reveal
    from db.models import AuditEvent

    manager = actor_named(keyed, "manager")
    with keyed.read() as session:
        zhang = session.scalar(select(Customer.id).where(Customer.cif_no == "CIF000001"))
    assert reveal(keyed, manager, zhang, "phone") == "13800138000"
    assert reveal(keyed, manager, zhang, "id_number") == ID_ZHANG
    with keyed.read() as session:
        events = session.scalars(select(AuditEvent.after).where(
            AuditEvent.action == "customer.reveal", AuditEvent.entity_id == str(zhang))).all()
    assert len(events) == 2 and all("13800138000" not in e and ID_ZHANG not in e for e in events)
    assert ['"field":"phone"' in e.replace(" ", "") for e in events] == [True, False]
