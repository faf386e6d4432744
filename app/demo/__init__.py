"""Realistic demo data for a fresh store: a branch tree and staff in every role.

Later capabilities add their own data (customers, stock, cards, tickets) through their services.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.actor import Actor
from app.auth.accounts import insert_account
from app.auth.branches import BranchLevel, create_branch
from app.auth.credentials import credentials_for
from app.auth.permissions import Role
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied
from db.models import Branch, StaffAccount
from app.store import Store

__all__ = ["BRANCH_TREE", "DEMO_PASSWORD", "STAFF", "DemoLogin", "build_demo"]

DEMO_PASSWORD = "VipDesk-Demo-2026"

# code, name, level, parent code
BRANCH_TREE = [
    ("HO", "总行", BranchLevel.HEAD_OFFICE, None),
    ("BJ01", "北京分行", BranchLevel.BRANCH, "HO"),
    ("BJ0101", "北京朝阳支行", BranchLevel.SUB_BRANCH, "BJ01"),
    ("BJ010101", "望京网点", BranchLevel.OUTLET, "BJ0101"),
    ("BJ010102", "国贸网点", BranchLevel.OUTLET, "BJ0101"),
    ("BJ0102", "北京海淀支行", BranchLevel.SUB_BRANCH, "BJ01"),
    ("SH01", "上海分行", BranchLevel.BRANCH, "HO"),
    ("SH0101", "上海浦东支行", BranchLevel.SUB_BRANCH, "SH01"),
]

# user name, display name, branch code, roles
STAFF = [
    ("admin", "系统管理员", "HO", [Role.ADMINISTRATOR]),
    ("auditor", "审计 周敏", "HO", [Role.AUDITOR]),
    ("manager", "行长 陈建国", "BJ0101", [Role.BRANCH_MANAGER]),
    ("teller", "柜员 李娜", "BJ0101", [Role.COUNTER_STAFF]),
    ("teller2", "柜员 王磊", "BJ0101", [Role.COUNTER_STAFF]),
    ("lobby", "大堂经理 刘洋", "BJ0101", [Role.LOBBY_MANAGER]),
    ("advisor", "理财经理 张静", "BJ0101", [Role.RELATIONSHIP_MANAGER]),
    ("custodian", "库管员 赵强", "BJ0101", [Role.CUSTODIAN]),
    ("custodian2", "库管员 孙丽", "BJ0101", [Role.CUSTODIAN]),
    ("sh_teller", "柜员 吴昊", "SH0101", [Role.COUNTER_STAFF]),
    ("sh_manager", "行长 郑华", "SH0101", [Role.BRANCH_MANAGER]),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    display_name: str
    branch_code: str
    roles: tuple[Role, ...]
    password: str = DEMO_PASSWORD


def build_demo(store: Store, customers: int = 200, seed: int = 2026) -> list[DemoLogin]:
    """Fill an empty store with the branch tree, staff and ``customers`` demo customers (made
    from ``seed``); returns the logins to show on the login screen."""
    actor = Actor.batch("demo")
    with store.read() as session:
        if session.scalar(select(StaffAccount.id).limit(1)) is not None:
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "This store already has data; demo data goes into an empty store."))
    ids: dict[str, int] = {}
    for code, name, level, parent in BRANCH_TREE:
        ids[code] = create_branch(store, actor, code=code, name=name, level=level,
                                  parent_id=ids.get(parent) if parent else None,
                                  address=f"{name}营业部", phone="010-6500 0000").id
    credentials = credentials_for(store)
    with store.write(actor) as uow:
        for username, display_name, branch_code, roles in STAFF:
            branch = uow.session.scalars(select(Branch).where(Branch.code == branch_code)).one()
            insert_account(uow, credentials, username=username, display_name=display_name,
                           branch=branch, roles=roles, password=DEMO_PASSWORD,
                           must_change_password=False)
    from app.demo.customers import build_demo_customers

    build_demo_customers(store, customers, seed)
    # Keep this after every step that makes customers: AUM histories, an evaluation as of last
    # month (worklists) and a pending exception, for whatever customers the store now has.
    from app.demo.aum import add_demo_tiers

    add_demo_tiers(store, seed=seed)
    from app.demo.stock import add_demo_stock  # blank-card stock (issue 4)

    add_demo_stock(store)
    from app.demo.care import add_demo_care  # contacts, due lists and complaints (issue 8)

    add_demo_care(store)
    from app.demo.cards import add_demo_cards  # VIP cards (issue 5); after the stock and the tiers

    add_demo_cards(store)
    from app.demo.queue import add_demo_queue  # VIP counter queue (issue 6)

    add_demo_queue(store)
    from app.demo.documents import add_demo_documents  # the document-signing key (issue 7)

    add_demo_documents(store)
    return [DemoLogin(u, d, b, tuple(r)) for u, d, b, r in STAFF]
