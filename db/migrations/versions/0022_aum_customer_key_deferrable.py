"""The AUM figures' customer key may be deferred within a transaction (PostgreSQL).

It stays checked at once unless a transaction says otherwise. The AUM import's ``COPY`` defers
it and checks each copied chunk's customers in a statement of its own right after the chunk
(see :func:`app.tiers.aum_import._write_postgresql` for why). On SQLite, which checks such a
key as each statement ends as before, the table is copied with the new declaration so that the
schema matches the models.

Revision ID: 0022
Revises: 0021
"""
from alembic import op


revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None

KEY = "fk_aum_month_customer_id_customer"


def _declare(**deferral) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE aum_month ALTER CONSTRAINT {KEY} "
                   + ("DEFERRABLE INITIALLY IMMEDIATE" if deferral else "NOT DEFERRABLE"))
        return
    with op.batch_alter_table('aum_month', recreate='always') as batch_op:   # no trigger on it to lose
        batch_op.drop_constraint(KEY, type_='foreignkey')
        batch_op.create_foreign_key(KEY, 'customer', ['customer_id'], ['id'], **deferral)


def upgrade() -> None:
    _declare(deferrable=True, initially='IMMEDIATE')


def downgrade() -> None:
    _declare()
