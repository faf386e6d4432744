"""Care dashboard on a large store: the customer's latest contact (kept by the contact
services) in the dashboard's index on customer (tier, branch, active, latest contact), and the
running tally of tier changes by month and branch with its per-branch marks, scoped by branch
subtree on PostgreSQL. Replaces 0008's narrower index and the index on tier-change times.

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import CUSTOMER_IN_SCOPE_PER_ROW as CUSTOMER_IN_SCOPE, protect


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('care_move_count',
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('from_tier', sa.String(length=32), nullable=False),
    sa.Column('to_tier', sa.String(length=32), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_care_move_count_branch_id_branch')),
    sa.PrimaryKeyConstraint('month', 'branch_id', 'from_tier', 'to_tier', name=op.f('pk_care_move_count'))
    )
    op.create_table('care_move_mark',
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('last_change_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_care_move_mark_branch_id_branch')),
    sa.PrimaryKeyConstraint('branch_id', name=op.f('pk_care_move_mark'))
    )
    with op.batch_alter_table('tier_change', schema=None) as batch_op:
        batch_op.drop_index('ix_tier_change_changed_at')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_tier_branch')
        batch_op.add_column(sa.Column('last_contact_at', sa.DateTime(), nullable=True))
        batch_op.create_index('ix_customer_tier_branch', ['tier', 'branch_id', 'active', 'last_contact_at'], unique=False)
    # customers contacted before this revision: their latest contact from the records
    op.execute("UPDATE customer SET last_contact_at = (SELECT max(r.contacted_at) FROM contact_record r "
               "WHERE r.customer_id = customer.id) WHERE id IN (SELECT customer_id FROM contact_record)")

    if op.get_bind().dialect.name == "postgresql":
        for table in ("care_move_count", "care_move_mark"):
            protect(op.get_bind(), table, grants=[("SELECT, INSERT, UPDATE", "STAFF")], serial=False, policies=[
                ("staff_read", "SELECT", "STAFF", CUSTOMER_IN_SCOPE),
                ("staff_insert", "INSERT", "STAFF", CUSTOMER_IN_SCOPE),
                ("staff_update", "UPDATE", "STAFF", CUSTOMER_IN_SCOPE)])


def downgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_tier_branch')
        batch_op.drop_column('last_contact_at')
        batch_op.create_index('ix_customer_tier_branch', ['tier', 'branch_id', 'active'], unique=False)
    with op.batch_alter_table('tier_change', schema=None) as batch_op:
        batch_op.create_index('ix_tier_change_changed_at', ['changed_at'], unique=False)
    op.drop_table('care_move_mark')
    op.drop_table('care_move_count')
