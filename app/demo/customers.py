"""Realistic demo customers: Chinese names (common surnames by frequency, some compound ones),
valid resident IDs of Beijing and Shanghai districts (real birth dates, GB 11643 check digit),
mobile phones, employers, spread over the demo outlets with their relationship managers.

Deterministic for a seed; bulk-inserted in one transaction (100,000 customers in seconds), with
one summary audit event. Returns the created customers' ids and CIF numbers, for the AUM demo.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import accumulate
from typing import cast

from sqlalchemy import Table, select

from app.actor import Actor
from app.auth.permissions import Role
from app.crypto.sealing import ID_NUMBER, customer_indexes, reseal_customers, ring_of
from app.customers.fields import fast_search_keys
from app.customers.rules import mask_id, mask_phone
from db.bulk import insert_rows
from db.models import Branch, Customer, StaffAccount, StaffRole
from app.store import Store

# surname, weight (roughly the national frequency, per mille); a few compound surnames
SURNAMES = (
    ("王", 72), ("李", 71), ("张", 67), ("刘", 54), ("陈", 45), ("杨", 31), ("黄", 22), ("赵", 22),
    ("吴", 20), ("周", 20), ("徐", 14), ("孙", 14), ("马", 12), ("朱", 11), ("胡", 11), ("郭", 10),
    ("何", 9), ("高", 9), ("林", 9), ("罗", 8), ("郑", 8), ("梁", 8), ("谢", 6), ("宋", 6),
    ("唐", 6), ("许", 5), ("韩", 5), ("冯", 5), ("邓", 5), ("曹", 5), ("彭", 4), ("曾", 4),
    ("肖", 4), ("田", 4), ("董", 4), ("袁", 4), ("潘", 3), ("于", 3), ("蒋", 3), ("蔡", 3),
    ("余", 3), ("杜", 3), ("叶", 3), ("程", 3), ("苏", 3), ("魏", 3), ("吕", 3), ("丁", 3),
    ("任", 3), ("沈", 3), ("单", 1), ("欧阳", 1), ("司马", 1), ("诸葛", 1), ("上官", 1),
)
GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀玲桂英华燕红梅琳雪颖婷倩慧洁晶莉萍瑶怡"
# district codes: Beijing (11xxxx), Shanghai (31xxxx)
AREAS_BJ = ("110101", "110102", "110105", "110106", "110107", "110108", "110114", "110115")
AREAS_SH = ("310101", "310104", "310105", "310106", "310107", "310110", "310112", "310115")
EMPLOYERS = (
    ("中国石油天然气集团", "财务部", "经理", "财务"), ("北京协和医院", "心内科", "主任医师", "医生"),
    ("清华大学", "计算机系", "教授", "教师"), ("华为技术有限公司", "研发部", "高级工程师", "工程师"),
    ("上海汽车集团", "销售部", "总监", "销售"), ("中国建筑集团", "工程部", "项目经理", "工程师"),
    ("京东集团", "物流部", "主管", "管理"), ("个体经营", "", "业主", "个体工商户"),
    ("北京市朝阳区教育局", "办公室", "科长", "公务员"), ("浦东新区人民医院", "外科", "副主任医师", "医生"),
    ("复旦大学", "经济学院", "副教授", "教师"), ("退休", "", "", "退休"),
)
OUTLETS = ("BJ0101", "BJ010101", "BJ010102", "BJ0102", "SH0101")
OUTLET_WEIGHTS = (30, 25, 20, 15, 10)
BATCH = 10_000
CIF_BASE = 880_000_000_000


def _check_digit(first17: str) -> str:
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    total = sum(int(d) * w for d, w in zip(first17, weights))
    return "10X98765432"[total % 11]


def resident_id(rnd: random.Random, area: str, birthday: date, male: bool) -> str:
    """A valid 18-character resident ID for ``area`` and ``birthday`` (odd 17th digit: male)."""
    sequence = rnd.randrange(0, 100) * 10 + rnd.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    first17 = f"{area}{birthday:%Y%m%d}{sequence:03d}"
    return first17 + _check_digit(first17)


_SURNAME_LIST = [s for s, _ in SURNAMES]
_SURNAME_CUMULATIVE = list(accumulate(w for _, w in SURNAMES))


def demo_name_parts(rnd: random.Random, male: bool) -> tuple[str, str]:
    """(surname, given name), the surname drawn by frequency."""
    surname = rnd.choices(_SURNAME_LIST, cum_weights=_SURNAME_CUMULATIVE)[0]
    pool = GIVEN_MALE if male else GIVEN_FEMALE
    return surname, rnd.choice(pool) + (rnd.choice(pool) if rnd.random() < 0.7 else "")


def demo_name(rnd: random.Random, male: bool) -> str:
    return "".join(demo_name_parts(rnd, male))


def build_demo_customers(store: Store, count: int = 200, seed: int = 2026) -> list[tuple[int, str]]:
    """Add ``count`` demo customers; returns their (id, CIF number), in creation order."""
    if count <= 0:
        return []
    rnd = random.Random(seed)
    actor = Actor.batch("demo")
    with store.write(actor, check_session=False) as uow:
        session = uow.session
        paths = {code: (bid, path) for code, bid, path in session.execute(
            select(Branch.code, Branch.id, Branch.path).where(Branch.code.in_(OUTLETS))).all()}
        branch_ids = {code: bid for code, (bid, _path) in paths.items()}
        outlets = [(code, w) for code, w in zip(OUTLETS, OUTLET_WEIGHTS) if code in branch_ids]
        outlet_codes = [c for c, _ in outlets]
        outlet_cumulative = list(accumulate(w for _, w in outlets))
        if not outlets:
            return []
        staff = session.execute(
            select(StaffAccount.id, Branch.path).join(Branch, Branch.id == StaffAccount.branch_id)
            .join(StaffRole, StaffRole.account_id == StaffAccount.id)
            .where(StaffRole.role == Role.RELATIONSHIP_MANAGER.value)).all()
        # a relationship manager serves the customers of their own subtree
        managers = {code: [a for a, p in staff if path.startswith(p)] for code, (_bid, path) in paths.items()}
        start = (session.scalar(select(Customer.id).order_by(Customer.id.desc()).limit(1)) or 0) + 1
        ring = ring_of(store)
        used_ids: set[bytes] = {bytes(i) for i in session.scalars(select(Customer.id_number_index))}
        clear: list[tuple[str, str]] = []
        rows: list[dict] = []
        cifs: list[str] = []
        table = cast(Table, Customer.__table__)  # typed FromClause by DeclarativeBase
        ids: list[int] = []
        connection = session.connection()
        for n in range(count):
            male = rnd.random() < 0.5
            surname, given = demo_name_parts(rnd, male)
            name = surname + given
            code = rnd.choices(outlet_codes, cum_weights=outlet_cumulative)[0]
            areas = AREAS_SH if code.startswith("SH") else AREAS_BJ
            birthday = date(1940, 1, 1) + timedelta(days=rnd.randrange(0, (date(2004, 12, 31) - date(1940, 1, 1)).days))
            number = resident_id(rnd, rnd.choice(areas), birthday, male)
            while ring.index(ID_NUMBER, number) in used_ids:
                number = resident_id(rnd, rnd.choice(areas), birthday, male)
            used_ids.add(ring.index(ID_NUMBER, number))
            phone = rnd.choice(("13", "15", "18", "17", "19")) + str(rnd.randrange(0, 10)) + f"{rnd.randrange(0, 10**8):08d}"
            pinyin, initials = fast_search_keys(name)
            employer, department, title, occupation = rnd.choice(EMPLOYERS)
            branch_id = branch_ids[code]
            local = managers[code]
            cif = f"{CIF_BASE + start + n:012d}"
            cifs.append(cif)
            rows.append(dict(
                cif_no=cif, name=name, name_pinyin=pinyin, name_initials=initials,
                gender="male" if male else "female", id_type="resident_id", id_masked=mask_id(number),
                birthday=birthday, phone_masked=mask_phone(phone), **customer_indexes(ring, number, phone), email=f"{pinyin[:20]}{n % 1000}@example.com" if rnd.random() < 0.4 else "",
                address=("北京市" if code.startswith("BJ") else "上海市") + f"某区某路{rnd.randrange(1, 300)}号",
                postcode="100020" if code.startswith("BJ") else "200120", employer=employer,
                department=department, title=title, occupation=occupation, notes="",
                important_dates="[]", relatives="[]", branch_id=branch_id,
                relationship_manager_id=rnd.choice(local) if local and rnd.random() < 0.6 else None,
                active=True, created_at=uow.now,
                updated_at=uow.now, version=1))
            clear.append((number, phone))
            if len(rows) >= BATCH or n == count - 1:
                made = insert_rows(connection, table, rows)
                reseal_customers(session, ring, [(i, *numbers) for i, numbers in zip(made, clear)])
                ids += made
                rows, clear = [], []
        uow.audit("customer.import", "customer_import", "demo", after={"demo": True, "inserted": count})
    return list(zip(ids, cifs))
