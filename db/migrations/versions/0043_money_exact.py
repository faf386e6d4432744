"""Money exact on SQLite: every amount column holds integer cents there.

SQLite has no exact decimal: a ``NUMERIC(18, 2)`` value that is not a whole number was stored as
a binary double, good for 15 significant digits (``90071992547409.93`` came back as ``…409.94``).
The amount columns (``aum_month.avg_daily_aum``, the ``average`` of ``tier_change``,
``tier_worklist`` and ``card_application``) become ``BIGINT`` cents, as :class:`db.money.Money`
reads and writes them; each stored value is converted by rounding its double to the cent, which
gives back what was written for every amount the import accepted before (at most 15 significant
digits). PostgreSQL's ``NUMERIC(18, 2)`` is exact already: nothing changes there.

``aum_month`` is copied with the new declaration (batch mode: no trigger on it to lose). The
other three carry or are read by the care figures' and the status checks' triggers, which a
copy of the table would drop: their column is replaced in place instead (a new column, filled,
the old one dropped, the new one renamed), so it ends up last in the table.

Revision ID: 0043
Revises: 0042
"""
import sqlalchemy as sa
from alembic import op


revision = '0043'
down_revision = '0042'
branch_labels = None
depends_on = None

AVERAGES = ("tier_change", "tier_worklist", "card_application")


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if not _sqlite():
        return
    op.execute("UPDATE aum_month SET avg_daily_aum = CAST(ROUND(avg_daily_aum * 100) AS INTEGER)")
    with op.batch_alter_table('aum_month', recreate='always') as batch_op:
        batch_op.alter_column('avg_daily_aum', type_=sa.BigInteger(), existing_type=sa.Numeric(18, 2),
                              existing_nullable=False)
    for table in AVERAGES:
        _replace(table, "BIGINT", "CAST(ROUND(average * 100) AS INTEGER)")


def downgrade() -> None:
    if not _sqlite():
        return
    for table in AVERAGES:
        _replace(table, "NUMERIC(18, 2)", "average / 100.0")
    with op.batch_alter_table('aum_month', recreate='always') as batch_op:
        batch_op.alter_column('avg_daily_aum', type_=sa.Numeric(18, 2), existing_type=sa.BigInteger(),
                              existing_nullable=False)
    op.execute("UPDATE aum_month SET avg_daily_aum = avg_daily_aum / 100.0")


def _replace(table: str, declared: str, value: str) -> None:
    """``table.average`` declared as ``declared`` and holding ``value`` of the old one."""
    op.execute(f"ALTER TABLE {table} ADD COLUMN average_new {declared}")
    op.execute(f"UPDATE {table} SET average_new = {value} WHERE average IS NOT NULL")
    op.execute(f"ALTER TABLE {table} DROP COLUMN average")
    op.execute(f"ALTER TABLE {table} RENAME COLUMN average_new TO average")
