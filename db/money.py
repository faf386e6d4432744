"""Money columns: exact decimal amounts (CNY, 2 decimals) on both engines.

PostgreSQL keeps ``NUMERIC(18, 2)``, exact by nature. SQLite has no exact decimal type: a
``NUMERIC`` value that is not a whole number is stored as a binary double, which holds 15
significant digits (``90071992547409.93`` came back as ``…409.94``, ``999999999999999.99`` as
``1e15``). So on SQLite a money column is an ``INTEGER`` of cents: exact to the 18 digits a
64-bit integer holds, and what the tier evaluation's SQL needs — sums of cents times days,
comparisons to thresholds in cents, averages by integer division — is integer arithmetic there.
Decimal text would compare as text and sum as doubles.

:class:`Money` is the one column type of every amount in :mod:`db.models`; Python sees a
:class:`~decimal.Decimal` of 2 places on both engines. SQL written by hand that reads or writes
such a column on SQLite deals in cents (:func:`cents_sql`, :func:`amount_sql`; the AUM import
sends cents as text, :func:`app.tiers.aum_import._cents_texts`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import BigInteger, Numeric
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")


class Money(TypeDecorator):
    """An amount with 2 decimals: ``NUMERIC(18, 2)`` on PostgreSQL, integer cents on SQLite."""

    impl = Numeric(18, 2)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(18, 2))

    def process_bind_param(self, value, dialect):
        if value is None or dialect.name != "sqlite":
            return value
        return to_cents(value)

    def process_result_value(self, value, dialect):
        if value is None or dialect.name != "sqlite":
            return value
        return Decimal(int(value)).scaleb(-2)


def to_cents(value: Decimal | int | str | float) -> int:
    """``value`` (CNY) in whole cents, rounded half away from zero as PostgreSQL's
    ``NUMERIC(18, 2)`` rounds; a float is read by its shortest decimal text."""
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return int(amount.quantize(CENT, rounding=ROUND_HALF_UP).scaleb(2))


def cents_sql(column: str, dialect: str) -> str:
    """SQL: money column ``column`` in whole cents, an integer on both engines."""
    if dialect == "sqlite":
        return column
    return f"CAST(ROUND({column} * 100) AS BIGINT)"


def amount_sql(cents: str, dialect: str) -> str:
    """SQL: whole cents ``cents`` as the value a money column stores."""
    if dialect == "sqlite":
        return cents
    return f"{cents} * 0.01"

