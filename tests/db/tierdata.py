"""Builders for the tier and AUM service tests: customers inserted directly (the customer
service is another capability), AUM months, and extract files."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select, update

from app.actor import Actor
from app.crypto.sealing import customer_indexes, reseal_customers
from app.customers.rules import mask_id, mask_phone
from db.models import AumMonth, Branch, Customer, CustomerTier

NOW = datetime(2026, 11, 22, 9, 0)


def add_customers(store, branch_code: str, cifs: list[str], *, tier: str = "ordinary") -> dict[str, int]:
    """Active customers at ``branch_code`` with the given CIF numbers; returns cif -> id."""
    with store.engine.begin() as conn:
        branch_id = conn.scalar(select(Branch.id).where(Branch.code == branch_code))
        rows = [dict(cif_no=cif, name=f"客户{cif[-4:]}", name_pinyin="kehu", name_initials="kh",
                     gender="female", id_type="other", id_masked=mask_id(f"X{cif}"),
                     phone_masked=mask_phone(f"1380000{i:04d}"), branch_id=branch_id,
                     **customer_indexes(store.keys, f"X{cif}", f"1380000{i:04d}"),
                     active=True, created_at=NOW, updated_at=NOW, version=1)
                for i, cif in enumerate(cifs)]
        conn.execute(insert(Customer), rows)
        found = dict(conn.execute(select(Customer.cif_no, Customer.id).where(Customer.cif_no.in_(cifs))).all())
    with store.write(Actor.batch("test")) as uow:      # sealed as the services seal them
        reseal_customers(uow.session, store.keys,
                         [(found[cif], f"X{cif}", f"1380000{i:04d}") for i, cif in enumerate(cifs)])
    with store.engine.begin() as conn:
        conn.execute(update(CustomerTier).where(CustomerTier.id.in_(found.values())).values(tier=tier))
        return found


def set_aum(store, customer_id: int, months: dict[int, str]) -> None:
    with store.engine.begin() as conn:
        for month, value in months.items():
            conn.execute(AumMonth.__table__.delete().where(
                AumMonth.customer_id == customer_id, AumMonth.month == month))
            conn.execute(insert(AumMonth), [dict(customer_id=customer_id, month=month,
                                                 avg_daily_aum=Decimal(value))])


def aum_of(store, customer_id: int) -> dict[int, Decimal]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(AumMonth.month, AumMonth.avg_daily_aum)
                            .where(AumMonth.customer_id == customer_id)).all()
    return {m: Decimal(str(v)).quantize(Decimal("0.01")) for m, v in rows}


def write_csv(path: Path, lines: list[str], *, encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path
