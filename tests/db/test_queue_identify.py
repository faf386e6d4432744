"""The lobby identifies a customer (through the customer search) by VIP card number, ID number or
name, within its subtree."""

from sqlalchemy import select

from app.customers.search import search_customers
from db.models import Customer, VipCard
from tests.db.helpers import actor_named, sealed_number


def test_by_card_number_id_number_and_name(demo_store):
    lobby = actor_named(demo_store, "lobby")
    with demo_store.read() as session:
        card = session.execute(select(VipCard.id, Customer.id, Customer.name)
                               .join(Customer, Customer.id == VipCard.customer_id)
                               .where(Customer.branch_id == lobby.branch_id).order_by(VipCard.id)).first()
    assert card is not None, "the demo has VIP cards in the lobby manager's branch"
    card_id, customer_id, name = card
    number = sealed_number(demo_store, "vip_card", card_id, "card_number")
    id_number = sealed_number(demo_store, "customer", customer_id, "id_number")
    spaced = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
    assert [r.id for r in search_customers(demo_store, lobby, spaced)] == [customer_id]
    assert customer_id in [r.id for r in search_customers(demo_store, lobby, id_number)]
    assert customer_id in [r.id for r in search_customers(demo_store, lobby, name)]
    unknown = "6" * len(number)
    assert search_customers(demo_store, lobby, unknown) == [] or all(
        r.id != customer_id for r in search_customers(demo_store, lobby, unknown))
    sh_teller = actor_named(demo_store, "sh_teller")  # another branch's clerk does not find them
    assert customer_id not in [r.id for r in search_customers(demo_store, sh_teller, number)]
