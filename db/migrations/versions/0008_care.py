"""Care and complaints: contact records and complaints, scoped by branch subtree on PostgreSQL
(staff may insert and update, never delete); indexes for the care dashboard on customer (tier,
branch) and on tier changes by time.

Revision ID: 0008
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import CUSTOMER_IN_SCOPE_PER_ROW as CUSTOMER_IN_SCOPE, protect


revision = '0008'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('contact_record',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('staff_name', sa.String(length=64), nullable=False),
    sa.Column('method', sa.String(length=12), nullable=False),
    sa.Column('contacted_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.String(length=100), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('needs', sa.Text(), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('follow_up_status', sa.String(length=8), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_contact_record_branch_id_branch')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_contact_record_customer_id_customer')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_account.id'], name=op.f('fk_contact_record_staff_id_staff_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_record'))
    )
    with op.batch_alter_table('contact_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_record_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_record_contacted_at'), ['contacted_at'], unique=False)
        batch_op.create_index('ix_contact_record_customer_at', ['customer_id', 'contacted_at'], unique=False)
        batch_op.create_index('ix_contact_record_staff_follow_up', ['staff_id', 'follow_up_status', 'follow_up_on'], unique=False)

    op.create_table('complaint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('vip', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('accepted_by', sa.Integer(), nullable=True),
    sa.Column('accepted_by_name', sa.String(length=64), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=False),
    sa.Column('deadline_at', sa.DateTime(), nullable=False),
    sa.Column('assigned_to', sa.Integer(), nullable=True),
    sa.Column('assigned_to_name', sa.String(length=64), nullable=False),
    sa.Column('investigation', sa.Text(), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('escalated_at', sa.DateTime(), nullable=True),
    sa.Column('escalated_to_name', sa.String(length=64), nullable=False),
    sa.Column('satisfaction', sa.String(length=16), nullable=False),
    sa.Column('follow_up_note', sa.Text(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by_name', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['accepted_by'], ['staff_account.id'], name=op.f('fk_complaint_accepted_by_staff_account')),
    sa.ForeignKeyConstraint(['assigned_to'], ['staff_account.id'], name=op.f('fk_complaint_assigned_to_staff_account')),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_complaint_branch_id_branch')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_complaint_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint'))
    )
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_accepted_at'), ['accepted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_assigned_to'), ['assigned_to'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_state'), ['state'], unique=False)

    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.create_index('ix_customer_tier_branch', ['tier', 'branch_id', 'active'], unique=False)
    with op.batch_alter_table('tier_change', schema=None) as batch_op:
        batch_op.create_index('ix_tier_change_changed_at', ['changed_at'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        for table in ("contact_record", "complaint"):
            protect(op.get_bind(), table, grants=[("SELECT, INSERT, UPDATE", "STAFF")], policies=[
                ("staff_read", "SELECT", "STAFF", CUSTOMER_IN_SCOPE),
                ("staff_insert", "INSERT", "STAFF", CUSTOMER_IN_SCOPE),
                ("staff_update", "UPDATE", "STAFF", CUSTOMER_IN_SCOPE)])


def downgrade() -> None:
    with op.batch_alter_table('tier_change', schema=None) as batch_op:
        batch_op.drop_index('ix_tier_change_changed_at')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_tier_branch')
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_state'))
        batch_op.drop_index(batch_op.f('ix_complaint_customer_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_branch_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_assigned_to'))
        batch_op.drop_index(batch_op.f('ix_complaint_accepted_at'))
    op.drop_table('complaint')
    with op.batch_alter_table('contact_record', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_record_staff_follow_up')
        batch_op.drop_index('ix_contact_record_customer_at')
        batch_op.drop_index(batch_op.f('ix_contact_record_contacted_at'))
        batch_op.drop_index(batch_op.f('ix_contact_record_branch_id'))
    op.drop_table('contact_record')
