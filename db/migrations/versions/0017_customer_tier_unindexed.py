"""The customer's tier in no index, so the tier evaluation's update of a changed customer is a
heap-only (HOT) update on PostgreSQL: no index of the customer table is rewritten for it.

The care dashboard's cutoff-day count reads the branch's customers contacted in a time span by
(branch, last contact) instead of (tier, branch, active, last contact); the same index serves
every lookup by branch. On PostgreSQL the customer table keeps 40 % of each page free for the
new row versions (fillfactor 60) and is rewritten once here so that existing pages have that
room. The care figures' triggers are installed again: on PostgreSQL they no longer join a
statement's old and new rows (db/migrations/frozen/care_figures_r0015.py, _pg_update_sides) and add into a slot per
statement; on SQLite an update's trigger runs only when the row contributes to the figure.

Revision ID: 0017
Revises: 0016
"""
from alembic import op

from db.migrations.frozen import care_figures_r0015 as care_figures


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_tier_branch')
        batch_op.drop_index('ix_customer_tier')
        batch_op.drop_index('ix_customer_branch_id')
        batch_op.create_index('ix_customer_branch_contact', ['branch_id', 'last_contact_at'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE customer SET (fillfactor = 60)")
        op.execute("CLUSTER customer USING pk_customer")
        care_figures.fold(bind)     # no row of a transaction's slot left to meet a statement's
    # the planner's figures for the new index: without them SQLite takes it for a few rows a
    # branch and sorts a whole branch for each page of the customer list
    op.execute("ANALYZE customer")
    care_figures.uninstall(bind, care_figures.FIGURES_0015)
    care_figures.install(bind, 0, care_figures.FIGURES_0015)   # UTC months and days until 0018


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE customer RESET (fillfactor)")
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_branch_contact')
        batch_op.create_index('ix_customer_branch_id', ['branch_id'], unique=False)
        batch_op.create_index('ix_customer_tier', ['tier'], unique=False)
        batch_op.create_index('ix_customer_tier_branch', ['tier', 'branch_id', 'active', 'last_contact_at'],
                              unique=False)
