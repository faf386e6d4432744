"""A customer's tier in a narrow table of its own (``customer_tier``), one row per customer made
by the database as the customer is inserted (db.customer_tier).

A tier evaluation changes the tier of up to every customer. In the customer's row, every
changed tier rewrote a wide record (name, ID, address, employer, notes ...): on 1,000,000
customers with half of them moving, the update and SQLite's write-back of the whole customer
table from its log took 6.1 s, against 1.2 s for this table's rows. The care figures that count
by tier are installed again to read the tier from here (db.care_figures: FIGURES). On
PostgreSQL the customer table loses 0017's spare room (its rows no longer change with the
tier) and is rewritten once; the tier rows keep half of each page free for the new row
versions of an evaluation (heap-only updates), and staff read and change them in their scope
(the trigger that makes them runs as the owner).

Revision ID: 0019
Revises: 0018
"""
from alembic import op
import sqlalchemy as sa

from db import care_figures, customer_tier
from db.pg_scope import protect


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

VIA_CUSTOMER_ID = "EXISTS (SELECT 1 FROM customer c WHERE c.id = {table}.id)"


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    care_figures.uninstall(bind, care_figures.FIGURES_BEFORE_0019)
    op.create_table('customer_tier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tier', sa.String(length=32), nullable=False),
    sa.Column('tier_since', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['id'], ['customer.id'], name=op.f('fk_customer_tier_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_tier'))
    )
    if pg:
        op.execute("ALTER TABLE customer_tier SET (fillfactor = 50)")
    op.execute("INSERT INTO customer_tier (id, tier, tier_since) SELECT id, tier, tier_since FROM customer ORDER BY id")
    op.execute("ALTER TABLE customer DROP COLUMN tier")
    op.execute("ALTER TABLE customer DROP COLUMN tier_since")
    customer_tier.install(bind)
    if pg:
        protect(bind, "customer_tier", grants=[("SELECT, UPDATE", "STAFF")], serial=False, policies=[
            ("staff_read", "SELECT", "STAFF", VIA_CUSTOMER_ID),
            ("staff_update", "UPDATE", "STAFF", VIA_CUSTOMER_ID)])
        op.execute("ALTER TABLE customer RESET (fillfactor)")
        op.execute("CLUSTER customer USING pk_customer")
    care_figures.install(bind)
    care_figures.rebuild(bind)
    op.execute("ANALYZE customer_tier")
    op.execute("ANALYZE customer")


def downgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    care_figures.uninstall(bind)
    customer_tier.uninstall(bind)
    op.execute("ALTER TABLE customer ADD COLUMN tier VARCHAR(32) NOT NULL DEFAULT 'ordinary'")
    op.execute("ALTER TABLE customer ADD COLUMN tier_since DATE")
    op.execute("UPDATE customer SET tier = (SELECT t.tier FROM customer_tier t WHERE t.id = customer.id), "
               "tier_since = (SELECT t.tier_since FROM customer_tier t WHERE t.id = customer.id)")
    op.drop_table('customer_tier')
    if pg:
        op.execute("ALTER TABLE customer ALTER COLUMN tier DROP DEFAULT")
        op.execute("ALTER TABLE customer SET (fillfactor = 60)")
    care_figures.install(bind, care_figures.BUSINESS_UTC_OFFSET_HOURS, care_figures.FIGURES_BEFORE_0019)
    care_figures.rebuild(bind, care_figures.BUSINESS_UTC_OFFSET_HOURS, care_figures.FIGURES_BEFORE_0019)
