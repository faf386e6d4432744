"""A first-card worklist entry is the tier change that made the customer newly eligible.

The first-card worklist used to list every customer without a card whose tier carries one, at
every evaluation; it now lists those the evaluation moved into such a tier (DOMAIN: the card is
voluntary; the offer is made when the customer becomes eligible). Such an entry always comes
with a tier change for the same customer in the same evaluation, so the change carries it
(``first_card``) instead of a second row that the database had to write, index and check
against the customer and the evaluation again. The change also keeps the tier the average
reached (``computed_tier``), which the list shows beside the effective one.

A re-run of the month keeps the month's list: the customers an earlier run moved in are entries
of ``tier_worklist`` then. The first-card entries of the evaluations before this migration stay
there as they were made; the lists read both. Worklists are paged by customer (the indexes lead with the
evaluation, then the list, then the customer). The downgrade writes the marked changes back as
worklist entries.

Revision ID: 0021
Revises: 0020
"""
import sqlalchemy as sa
from alembic import op


revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


# Plain ALTER TABLE on both engines: SQLite's batch mode would copy tier_change and lose the care
# figures' triggers on it.

def upgrade() -> None:
    op.add_column('tier_change', sa.Column('computed_tier', sa.String(length=32), nullable=True))
    op.add_column('tier_change', sa.Column('first_card', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.drop_index('ix_tier_change_evaluation_id', table_name='tier_change')
    op.create_index('ix_tier_change_evaluation_customer', 'tier_change', ['evaluation_id', 'customer_id'])
    op.drop_index('ix_tier_worklist_evaluation_kind', table_name='tier_worklist')
    op.create_index('ix_tier_worklist_evaluation_kind_customer', 'tier_worklist',
                    ['evaluation_id', 'kind', 'customer_id'])


def downgrade() -> None:
    op.execute(
        "INSERT INTO tier_worklist (evaluation_id, customer_id, kind, average, computed_tier, effective_tier, "
        "card_type_held) SELECT evaluation_id, customer_id, 'first_card', average, COALESCE(computed_tier, ''), "
        "to_tier, NULL FROM tier_change WHERE first_card ORDER BY id")
    op.drop_index('ix_tier_worklist_evaluation_kind_customer', table_name='tier_worklist')
    op.create_index('ix_tier_worklist_evaluation_kind', 'tier_worklist', ['evaluation_id', 'kind'])
    op.drop_index('ix_tier_change_evaluation_customer', table_name='tier_change')
    op.create_index('ix_tier_change_evaluation_id', 'tier_change', ['evaluation_id'])
    op.drop_column('tier_change', 'first_card')
    op.drop_column('tier_change', 'computed_tier')
