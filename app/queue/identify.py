"""Identifying the customer in the lobby from one box: a VIP card number (16 or 19 digits, the
card as it is on record, whatever its status: a customer with a lost card is still the
customer), or anything the customer search understands (ID number, phone, name, pinyin, CIF
number). Only customers of the actor's branch subtree are found.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.customers.search import CustomerRow, normal_query, search_customers
from db.models import Branch, Customer, VipCard

_CARD = re.compile(r"[0-9]{16}|[0-9]{19}")


def identify_customers(store, actor, text: str, *, limit: int = 20) -> list[CustomerRow]:
    """The customers ``text`` may mean, best first (masked rows of the customer search)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    typed = normal_query(text).replace("-", "")
    if _CARD.fullmatch(typed):
        with store.read() as session:
            found = session.execute(
                select(Customer.cif_no, Branch.path).join(VipCard, VipCard.customer_id == Customer.id)
                .join(Branch, Branch.id == Customer.branch_id).where(VipCard.card_number == typed)).first()
        if found is not None and actor.sees(found.path):
            return search_customers(store, actor, found.cif_no, limit=1)
    return search_customers(store, actor, text, limit=limit)
