"""VIP cards: card applications, the card register and the paperwork each card needs printed.

Two partial unique indexes keep the rules that two PCs could otherwise both break: at most one
open (submitted or approved) application per customer, and at most one active VIP card per
customer. A card number and a blank serial belong to one card only. On PostgreSQL every table
is scoped by the branch subtree of the customer's branch; staff never delete a row.

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import CUSTOMER_IN_SCOPE_PER_ROW as CUSTOMER_IN_SCOPE, protect


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('card_application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('card_type', sa.String(length=16), nullable=False),
    sa.Column('replaces_card_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('tier', sa.String(length=32), nullable=False),
    sa.Column('average', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('exception_note', sa.String(length=500), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('entered_by', sa.Integer(), nullable=True),
    sa.Column('entered_by_name', sa.String(length=64), nullable=False),
    sa.Column('entered_at', sa.DateTime(), nullable=False),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('decided_by_name', sa.String(length=64), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decision_comment', sa.String(length=500), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_card_application_branch_id_branch')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_card_application_customer_id_customer')),
    sa.ForeignKeyConstraint(['decided_by'], ['staff_account.id'], name=op.f('fk_card_application_decided_by_staff_account')),
    sa.ForeignKeyConstraint(['entered_by'], ['staff_account.id'], name=op.f('fk_card_application_entered_by_staff_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_application'))
    )
    with op.batch_alter_table('card_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_application_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_card_application_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_card_application_status'), ['status'], unique=False)
        batch_op.create_index('uq_card_application_open_customer', ['customer_id'], unique=True, sqlite_where=sa.text("status IN ('submitted', 'approved')"), postgresql_where=sa.text("status IN ('submitted', 'approved')"))

    op.create_table('vip_card',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('card_type', sa.String(length=16), nullable=False),
    sa.Column('card_number', sa.String(length=19), nullable=False),
    sa.Column('blank_card_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('serial', sa.String(length=24), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=False),
    sa.Column('issued_by', sa.Integer(), nullable=True),
    sa.Column('issued_by_name', sa.String(length=64), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('ended_by_name', sa.String(length=64), nullable=False),
    sa.Column('ended_reason', sa.String(length=300), nullable=False),
    sa.Column('returned', sa.Boolean(), nullable=True),
    sa.Column('agreement_signed_on', sa.Date(), nullable=True),
    sa.Column('agreement_witness', sa.String(length=64), nullable=False),
    sa.Column('agreement_marked_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['card_application.id'], name=op.f('fk_vip_card_application_id_card_application')),
    sa.ForeignKeyConstraint(['blank_card_id'], ['blank_card.id'], name=op.f('fk_vip_card_blank_card_id_blank_card')),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_vip_card_branch_id_branch')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_vip_card_customer_id_customer')),
    sa.ForeignKeyConstraint(['issued_by'], ['staff_account.id'], name=op.f('fk_vip_card_issued_by_staff_account')),
    sa.ForeignKeyConstraint(['replaces_id'], ['vip_card.id'], name=op.f('fk_vip_card_replaces_id_vip_card')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vip_card')),
    sa.UniqueConstraint('application_id', name=op.f('uq_vip_card_application_id')),
    sa.UniqueConstraint('blank_card_id', name=op.f('uq_vip_card_blank_card_id')),
    sa.UniqueConstraint('card_number', name=op.f('uq_vip_card_card_number')),
    sa.UniqueConstraint('replaces_id', name=op.f('uq_vip_card_replaces_id'))
    )
    with op.batch_alter_table('vip_card', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vip_card_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vip_card_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_vip_card_status_expires', ['status', 'expires_on'], unique=False)
        batch_op.create_index('uq_vip_card_active_customer', ['customer_id'], unique=True, sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))

    op.create_table('card_paperwork',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('printed_count', sa.Integer(), nullable=False),
    sa.Column('last_printed_at', sa.DateTime(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_card_paperwork_branch_id_branch')),
    sa.ForeignKeyConstraint(['card_id'], ['vip_card.id'], name=op.f('fk_card_paperwork_card_id_vip_card')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_paperwork')),
    sa.UniqueConstraint('card_id', 'kind', name=op.f('uq_card_paperwork_card_id'))
    )
    with op.batch_alter_table('card_paperwork', schema=None) as batch_op:
        batch_op.create_index('ix_card_paperwork_branch_printed', ['branch_id', 'printed_count'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        _protect_tables(op.get_bind())


def _protect_tables(bind) -> None:
    for table in ("card_application", "vip_card", "card_paperwork"):
        protect(bind, table, grants=[("SELECT, INSERT, UPDATE", "STAFF")], policies=[
            ("staff_read", "SELECT", "STAFF", CUSTOMER_IN_SCOPE),
            ("staff_insert", "INSERT", "STAFF", CUSTOMER_IN_SCOPE),
            ("staff_update", "UPDATE", "STAFF", CUSTOMER_IN_SCOPE)])


def downgrade() -> None:
    with op.batch_alter_table('card_paperwork', schema=None) as batch_op:
        batch_op.drop_index('ix_card_paperwork_branch_printed')

    op.drop_table('card_paperwork')
    with op.batch_alter_table('vip_card', schema=None) as batch_op:
        batch_op.drop_index('uq_vip_card_active_customer', sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))
        batch_op.drop_index('ix_vip_card_status_expires')
        batch_op.drop_index(batch_op.f('ix_vip_card_customer_id'))
        batch_op.drop_index(batch_op.f('ix_vip_card_branch_id'))

    op.drop_table('vip_card')
    with op.batch_alter_table('card_application', schema=None) as batch_op:
        batch_op.drop_index('uq_card_application_open_customer', sqlite_where=sa.text("status IN ('submitted', 'approved')"), postgresql_where=sa.text("status IN ('submitted', 'approved')"))
        batch_op.drop_index(batch_op.f('ix_card_application_status'))
        batch_op.drop_index(batch_op.f('ix_card_application_customer_id'))
        batch_op.drop_index(batch_op.f('ix_card_application_branch_id'))

    op.drop_table('card_application')
