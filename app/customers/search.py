"""Finding a customer as a clerk types: one box, every key, only the actor's branch subtree.

What was typed decides which indexed lookups run (:func:`plans_for`):

- Chinese text: name prefix (``张`` finds 张三);
- Latin letters: full-pinyin prefix and initials prefix (``zhangsan``, ``zs`` find 张三);
- 4 to 8 digits (an ``X`` may end an ID tail): the tail of the ID number or phone;
- an 11-digit mobile: that phone exactly; an 18-character resident ID: that ID exactly;
- 6 to 32 letters or digits: that CIF number exactly, unless they are a whole ID number,
  mobile or card number (below);
- 16 or 19 digits: the holder of that VIP card number (any card, active or not, so that a
  clerk holding an old card still finds its customer);
- a card swiped through a stripe reader (track 1 or 2, :mod:`app.swipe`): its card
  number, as above; the rest of the track is dropped before anything else sees it, and a
  damaged swipe is refused with a message.

ID numbers, phones and card numbers are found by their keyed blind indexes (app.crypto), the
store holding none of them in clear: what was typed is HMAC'd with the store's key ring and
compared for equality with ``id_number_index``, ``phone_index``, ``vip_card.card_number_index``
or, for a tail, with ``customer_tail.digest``. On a PC without the store's master key only
names, pinyin and CIF numbers are found; digits that can only be a number are refused with a
message saying that the key is missing.

Each lookup is a prefix or equality test on one indexed column (a ``p <= col < p || U+10FFFF``
range: on PostgreSQL with the leakproof ``~>=~``/``~<~`` operators of its ``text_pattern_ops``
index, which row-level security lets through to the index where it would not let LIKE; on
SQLite with plain comparisons, which the LIKE optimisation would need case-sensitive LIKE
for), ordered by that column (on
PostgreSQL with the index's own ``~<~`` order) and cut at the limit, so the index delivers
rows in order and the query stops early: no sort of all matches. The branch scope
is ``branch_id + 0 IN (subtree ids)``: the ``+ 0`` keeps the planner off the branch index.
What was typed only ever reaches SQL as a bound parameter, and a whole ID number, mobile or
card number never reaches it at all: such a text is looked up by its blind index only, not also
as a CIF number, since the server may log every statement's parameters (log_statement = all;
tests/db/test_pg_server_log.py). A CIF number of exactly such a shape is found by name instead.

"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, select, text
from sqlalchemy.orm import InstrumentedAttribute

from app.auth.permissions import Permission, require
from app.swipe import swiped_number
from app.customers.records import mask_policy, scope_branches
from app.crypto.keys import KeyUnavailable
from app.crypto.sealing import CARD_NUMBER, ID_NUMBER, NO_RING, PHONE
from app.customers.rules import mask_id, mask_phone
from app.text import compact, normalise
from db.models import Customer, CustomerTail, VipCard
from app.actor import Actor
from app.store import Store

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_QUERY = 64

_HAN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·]+")
_LATIN = re.compile(r"[a-z]+")
_TAIL = re.compile(r"[0-9]{4,8}|[0-9]{3,7}X")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_RESIDENT_ID = re.compile(r"[0-9]{17}[0-9X]")
_CIF = re.compile(r"[A-Z0-9]{6,32}")
_CARD_NUMBER = re.compile(r"[0-9]{16}|[0-9]{19}")


@dataclass(frozen=True)
class CustomerRow:
    """One line of a result list: masked, plain values."""

    id: int
    cif_no: str
    name: str
    gender: str
    id_type: str
    id_masked: str
    phone_masked: str
    branch_code: str
    branch_name: str
    tier: str
    active: bool


@dataclass(frozen=True)
class Plan:
    """One indexed lookup: ``column`` equal to ``value`` or (``prefix``) starting with it."""

    column: InstrumentedAttribute[Any]   # an indexed column of a mapped class
    value: str
    prefix: bool
    also: ColumnElement | None = None   # a further condition on the row found, or the join to it


def normal_query(raw: str) -> str:
    """What was typed, NFKC-folded (full-width digits and letters), spaces dropped, at most 64."""
    return compact(normalise(raw if isinstance(raw, str) else ""))[:MAX_QUERY]


def plans_for(raw: str, keys=None) -> list[Plan]:
    """The lookups for what was typed, best first (see the module text); ``keys``: the store's
    key ring, for the blind indexes."""
    text = normal_query(raw)
    if not text:
        return []
    plans: list[Plan] = []
    upper = text.upper()
    if _HAN.fullmatch(text):
        plans.append(Plan(Customer.name, text, True))
    elif _LATIN.fullmatch(text.lower()):
        letters = text.lower()
        pinyin = Plan(Customer.name_pinyin, letters, True)
        initials = Plan(Customer.name_initials, letters, True)
        plans += [initials, pinyin] if len(letters) <= 3 else [pinyin, initials]
    numbers = _RESIDENT_ID.fullmatch(upper) or _MOBILE.fullmatch(text) or _TAIL.fullmatch(upper) \
        or _CARD_NUMBER.fullmatch(text)
    if keys is not None:
        plans += _blind_plans(text, upper, keys)
    if _CIF.fullmatch(upper) and not _whole_number(upper):
        plans.append(Plan(Customer.cif_no, upper, False))
    if keys is not None and _CARD_NUMBER.fullmatch(text):
        plans.insert(0, Plan(VipCard.card_number_index, keys.index(CARD_NUMBER, text), False,
                             VipCard.customer_id == Customer.id))
    if keys is None and numbers and not any(p.column is Customer.cif_no for p in plans):
        raise KeyUnavailable(NO_RING)
    return plans


def _whole_number(upper: str) -> bool:
    """Is what was typed (upper-cased) shaped as a whole ID number, mobile or card number, which
    must reach the server only as its blind index?"""
    return bool(_RESIDENT_ID.fullmatch(upper) or _MOBILE.fullmatch(upper) or _CARD_NUMBER.fullmatch(upper))


def _blind_plans(text: str, upper: str, keys) -> list[Plan]:
    """ID number, phone and their tails by blind index: equality on one indexed column each."""
    plans = []
    if _RESIDENT_ID.fullmatch(upper):
        plans.append(Plan(Customer.id_number_index, keys.index(ID_NUMBER, upper), False))
    if _MOBILE.fullmatch(text):
        plans.append(Plan(Customer.phone_index, keys.index(PHONE, text), False))
    if _TAIL.fullmatch(upper):
        for field in (ID_NUMBER, PHONE):
            plans.append(Plan(CustomerTail.digest, keys.tail(field, upper), False,
                              CustomerTail.customer_id == Customer.id))
    return plans


def _condition(plan: Plan, dialect: str) -> ColumnElement:
    column = plan.column
    if not plan.prefix:
        return column == plan.value
    upper = plan.value + "\U0010ffff"
    if dialect == "postgresql":
        # The text_pattern_ops operators, not LIKE: under row-level security (staff connect as
        # their own roles) PostgreSQL evaluates the policy before any condition whose operator
        # is not leakproof, so LIKE could not use the index (20,000 customers: a sequential
        # scan, 200-500 ms); ~>=~ and ~<~ are leakproof and run as the index's range.
        return column.op("~>=~", is_comparison=True)(plan.value) & column.op("~<~", is_comparison=True)(upper)
    return (column >= plan.value) & (column < upper)


def plan_query(plan: Plan, dialect: str, branch_ids, limit: int):
    """The SELECT of one lookup (exposed for EXPLAIN checks)."""
    query = (select(Customer.id, Customer.cif_no, Customer.name, Customer.gender, Customer.id_type,
                    Customer.id_masked, Customer.phone_masked, Customer.branch_id, Customer.tier,
                    Customer.active)
             .where(_condition(plan, dialect), (Customer.branch_id + 0).in_(list(branch_ids))))
    if plan.also is not None:
        query = query.where(plan.also)
    if plan.prefix and dialect == "postgresql":
        # The text_pattern_ops index is in byte order, which ORDER BY col (the database's
        # collation) is not: ordering by its own operator lets the scan stop at the limit
        # instead of sorting every match (张 on 200k customers: 54 ms -> 0.2 ms).
        query = query.order_by(text(f"{Customer.__tablename__}.{plan.column.key} USING ~<~"))
    elif plan.prefix:
        query = query.order_by(plan.column)
    return query.limit(limit)


def prefer_ordered_scans(session) -> None:
    """For the rest of this read transaction on PostgreSQL: no bitmap scans, so that a prefix
    lookup reads its index in order and stops at the limit. Under row-level security the planner
    cannot tell how many matches the policy lets through, guesses a few dozen, and would
    rather fetch every match and sort them: pinyin initials ``lyy`` on 1,000,000 customers,
    4,090 matches, took 10.5 ms that way against 0.3 ms in index order."""
    if session.bind.dialect.name == "postgresql":
        session.execute(text("SET LOCAL enable_bitmapscan = off"))



def _swipe_read(raw: str) -> str:
    """What was typed, or a swipe read as its card number (a damaged swipe is refused, naming
    the card number field). A lookup asks no check digit (issuing a card does, by its product's
    policy): a number that is no card's finds nobody."""
    number = swiped_number(raw, check_digit=False)
    return raw if number is None else number


def search_customers(store: Store, actor: Actor, raw: str, *, limit: int = DEFAULT_LIMIT) -> list[CustomerRow]:
    """At most ``limit`` customers of the actor's subtree matching what was typed, masked;
    active customers first, then in the order of the lookup that found them."""
    require(actor, Permission.VIEW_CUSTOMERS)
    limit = max(1, min(int(limit), MAX_LIMIT))
    if not normal_query(raw):
        return []
    with store.read() as session:
        plans = plans_for(_swipe_read(raw), store.keys)
        if not plans:
            return []
        branches = scope_branches(session, actor)
        if not branches:
            return []
        policy = mask_policy(session)
        dialect = session.get_bind().dialect.name
        prefer_ordered_scans(session)
        found: dict[int, tuple] = {}
        for plan in plans:
            if len(found) >= limit:
                break
            for row in session.execute(plan_query(plan, dialect, branches.keys(), limit)):
                found.setdefault(row.id, row)
    rows = [_row(r, branches, policy) for r in list(found.values())[:limit]]
    return sorted(rows, key=lambda r: not r.active)


def _row(r, branches, policy) -> CustomerRow:
    code, name = branches.get(r.branch_id, ("", ""))
    return CustomerRow(r.id, r.cif_no, r.name, r.gender, r.id_type, mask_id(r.id_masked, policy),
                       mask_phone(r.phone_masked, policy), code, name, r.tier, r.active)


@dataclass(frozen=True)
class CustomerPage:
    rows: list[CustomerRow]
    next_key: int | None      # pass as ``after_key`` for the next page; None: no more


def customer_page(store: Store, actor: Actor, query: str = "", after_key: int | None = None,
                  limit: int = 200) -> CustomerPage:
    """One page of the customer list for a lazy table.

    With nothing typed: every customer of the subtree by id, keyset-paginated (``after_key``
    is the last id shown). With a query: the search's results (one page of at most
    ``limit``; a search is for finding one customer, not for browsing).
    """
    require(actor, Permission.VIEW_CUSTOMERS)
    limit = max(1, min(int(limit), MAX_LIMIT))
    if normal_query(query):
        if after_key is not None:
            return CustomerPage([], None)
        return CustomerPage(search_customers(store, actor, query, limit=limit), None)
    with store.read() as session:
        branches = scope_branches(session, actor)
        if not branches:
            return CustomerPage([], None)
        policy = mask_policy(session)
        stmt = (select(Customer.id, Customer.cif_no, Customer.name, Customer.gender, Customer.id_type,
                       Customer.id_masked, Customer.phone_masked, Customer.branch_id, Customer.tier,
                       Customer.active)
                .where(Customer.branch_id.in_(list(branches))).order_by(Customer.id).limit(limit))
        if after_key is not None:
            stmt = stmt.where(Customer.id > after_key)
        rows = [_row(r, branches, policy) for r in session.execute(stmt)]
    return CustomerPage(rows, rows[-1].id if len(rows) == limit else None)


__all__ = ["CustomerRow", "CustomerPage", "Plan", "customer_page", "plans_for",
           "search_customers"]
