"""VIP counter queue: services, counters (with who is signed in where), counter sessions, the
calling policy per branch, the daily number counters and the tickets. On PostgreSQL every table
is scoped by branch subtree; staff insert and update, never delete.

Revision ID: 0012
Revises: 0011
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import CUSTOMER_IN_SCOPE_PER_ROW as CUSTOMER_IN_SCOPE, protect


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('queue_policy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_queue_policy_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_policy')),
    sa.UniqueConstraint('branch_id', name=op.f('uq_queue_policy_branch_id'))
    )
    op.create_table('queue_service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('prefix', sa.String(length=2), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_queue_service_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_service')),
    sa.UniqueConstraint('branch_id', 'prefix', name=op.f('uq_queue_service_branch_id'))
    )
    with op.batch_alter_table('queue_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queue_service_branch_id'), ['branch_id'], unique=False)

    op.create_table('queue_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('service_ids', sa.String(length=200), nullable=False),
    sa.Column('open', sa.Boolean(), nullable=False),
    sa.Column('reserved_ticket_id', sa.Integer(), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('clerk_name', sa.String(length=64), nullable=False),
    sa.Column('pc', sa.String(length=80), nullable=False),
    sa.Column('signed_in_at', sa.DateTime(), nullable=True),
    sa.Column('seen_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['staff_account.id'], name=op.f('fk_queue_counter_account_id_staff_account')),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_queue_counter_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_counter')),
    sa.UniqueConstraint('branch_id', 'number', name=op.f('uq_queue_counter_branch_id'))
    )
    with op.batch_alter_table('queue_counter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queue_counter_branch_id'), ['branch_id'], unique=False)

    op.create_table('queue_number',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_queue_number_branch_id_branch')),
    sa.ForeignKeyConstraint(['service_id'], ['queue_service.id'], name=op.f('fk_queue_number_service_id_queue_service')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_number')),
    sa.UniqueConstraint('branch_id', 'service_id', 'business_date', name=op.f('uq_queue_number_branch_id'))
    )
    op.create_table('queue_counter_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('counter_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('clerk_name', sa.String(length=64), nullable=False),
    sa.Column('pc', sa.String(length=80), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['staff_account.id'], name=op.f('fk_queue_counter_session_account_id_staff_account')),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_queue_counter_session_branch_id_branch')),
    sa.ForeignKeyConstraint(['counter_id'], ['queue_counter.id'], name=op.f('fk_queue_counter_session_counter_id_queue_counter')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_counter_session'))
    )
    with op.batch_alter_table('queue_counter_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queue_counter_session_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_queue_counter_session_counter_id'), ['counter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_queue_counter_session_started_at'), ['started_at'], unique=False)

    op.create_table('queue_ticket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=8), nullable=False),
    sa.Column('origin_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('customer_label', sa.String(length=60), nullable=False),
    sa.Column('tier', sa.String(length=32), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('issued_by_name', sa.String(length=64), nullable=False),
    sa.Column('queued_at', sa.DateTime(), nullable=False),
    sa.Column('deadline_at', sa.DateTime(), nullable=False),
    sa.Column('front', sa.Boolean(), nullable=False),
    sa.Column('target_counter_id', sa.Integer(), nullable=True),
    sa.Column('counter_id', sa.Integer(), nullable=True),
    sa.Column('clerk_id', sa.Integer(), nullable=True),
    sa.Column('clerk_name', sa.String(length=64), nullable=False),
    sa.Column('first_called_at', sa.DateTime(), nullable=True),
    sa.Column('called_at', sa.DateTime(), nullable=True),
    sa.Column('wait_from', sa.DateTime(), nullable=True),
    sa.Column('recalls', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('transferred_to_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_queue_ticket_branch_id_branch')),
    sa.ForeignKeyConstraint(['clerk_id'], ['staff_account.id'], name=op.f('fk_queue_ticket_clerk_id_staff_account')),
    sa.ForeignKeyConstraint(['counter_id'], ['queue_counter.id'], name=op.f('fk_queue_ticket_counter_id_queue_counter')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_queue_ticket_customer_id_customer')),
    sa.ForeignKeyConstraint(['service_id'], ['queue_service.id'], name=op.f('fk_queue_ticket_service_id_queue_service')),
    sa.ForeignKeyConstraint(['target_counter_id'], ['queue_counter.id'], name=op.f('fk_queue_ticket_target_counter_id_queue_counter')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_ticket'))
    )
    with op.batch_alter_table('queue_ticket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queue_ticket_business_date'), ['business_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_queue_ticket_counter_id'), ['counter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_queue_ticket_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_queue_ticket_origin_id'), ['origin_id'], unique=False)
        batch_op.create_index('ix_queue_ticket_waiting', ['branch_id', 'business_date', 'state', 'service_id'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        _protect_tables(op.get_bind())


def _protect_tables(bind) -> None:
    for table in ("queue_service", "queue_counter", "queue_counter_session", "queue_policy",
                  "queue_number", "queue_ticket"):
        protect(bind, table, grants=[("SELECT, INSERT, UPDATE", "STAFF")],
                policies=[("staff_read", "SELECT", "STAFF", CUSTOMER_IN_SCOPE),
                          ("staff_insert", "INSERT", "STAFF", CUSTOMER_IN_SCOPE),
                          ("staff_update", "UPDATE", "STAFF", CUSTOMER_IN_SCOPE)])


def downgrade() -> None:
    with op.batch_alter_table('queue_ticket', schema=None) as batch_op:
        batch_op.drop_index('ix_queue_ticket_waiting')
        batch_op.drop_index(batch_op.f('ix_queue_ticket_origin_id'))
        batch_op.drop_index(batch_op.f('ix_queue_ticket_customer_id'))
        batch_op.drop_index(batch_op.f('ix_queue_ticket_counter_id'))
        batch_op.drop_index(batch_op.f('ix_queue_ticket_business_date'))

    op.drop_table('queue_ticket')
    with op.batch_alter_table('queue_counter_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_queue_counter_session_started_at'))
        batch_op.drop_index(batch_op.f('ix_queue_counter_session_counter_id'))
        batch_op.drop_index(batch_op.f('ix_queue_counter_session_branch_id'))

    op.drop_table('queue_counter_session')
    op.drop_table('queue_number')
    with op.batch_alter_table('queue_counter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_queue_counter_branch_id'))

    op.drop_table('queue_counter')
    with op.batch_alter_table('queue_service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_queue_service_branch_id'))

    op.drop_table('queue_service')
    op.drop_table('queue_policy')
