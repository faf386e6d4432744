"""Customers and tiers: the archive, monthly AUM, tier policy versions, evaluations,
worklists, tier changes and exceptions. On PostgreSQL every table is scoped by branch subtree.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import CUSTOMER_IN_SCOPE_PER_ROW as CUSTOMER_IN_SCOPE, VIA_CUSTOMER, protect


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('aum_import',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('rows_read', sa.Integer(), nullable=False),
    sa.Column('rows_changed', sa.Integer(), nullable=False),
    sa.Column('rows_skipped', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_aum_import'))
    )
    with op.batch_alter_table('aum_import', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aum_import_file_sha256'), ['file_sha256'], unique=False)

    op.create_table('tier_policy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_policy')),
    sa.UniqueConstraint('version', name=op.f('uq_tier_policy_version'))
    )
    op.create_table('tier_evaluation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Integer(), nullable=False),
    sa.Column('policy_version', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=True),
    sa.Column('run_at', sa.DateTime(), nullable=False),
    sa.Column('run_by', sa.String(length=64), nullable=False),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_tier_evaluation_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_evaluation'))
    )
    with op.batch_alter_table('tier_evaluation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tier_evaluation_as_of'), ['as_of'], unique=False)

    op.create_table('customer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cif_no', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('name_pinyin', sa.String(length=300), nullable=False),
    sa.Column('name_initials', sa.String(length=60), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('id_type', sa.String(length=24), nullable=False),
    sa.Column('id_number', sa.String(length=32), nullable=False),
    sa.Column('id_rev', sa.String(length=32), nullable=False),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('phone', sa.String(length=24), nullable=False),
    sa.Column('phone_rev', sa.String(length=24), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('postcode', sa.String(length=6), nullable=False),
    sa.Column('employer', sa.String(length=100), nullable=False),
    sa.Column('department', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=60), nullable=False),
    sa.Column('occupation', sa.String(length=60), nullable=False),
    sa.Column('important_dates', sa.Text(), nullable=False),
    sa.Column('relatives', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('relationship_manager_id', sa.Integer(), nullable=True),
    sa.Column('tier', sa.String(length=32), nullable=False),
    sa.Column('tier_since', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_customer_branch_id_branch')),
    sa.ForeignKeyConstraint(['relationship_manager_id'], ['staff_account.id'], name=op.f('fk_customer_relationship_manager_id_staff_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer')),
    sa.UniqueConstraint('cif_no', name=op.f('uq_customer_cif_no')),
    sa.UniqueConstraint('id_type', 'id_number', name=op.f('uq_customer_id_type'))
    )
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index('ix_customer_id_rev', ['id_rev'], unique=False, postgresql_ops={'id_rev': 'text_pattern_ops'})
        batch_op.create_index('ix_customer_name', ['name'], unique=False, postgresql_ops={'name': 'text_pattern_ops'})
        batch_op.create_index('ix_customer_name_initials', ['name_initials'], unique=False, postgresql_ops={'name_initials': 'text_pattern_ops'})
        batch_op.create_index('ix_customer_name_pinyin', ['name_pinyin'], unique=False, postgresql_ops={'name_pinyin': 'text_pattern_ops'})
        batch_op.create_index('ix_customer_phone_rev', ['phone_rev'], unique=False, postgresql_ops={'phone_rev': 'text_pattern_ops'})
        batch_op.create_index(batch_op.f('ix_customer_relationship_manager_id'), ['relationship_manager_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_tier'), ['tier'], unique=False)

    op.create_table('aum_month',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('avg_daily_aum', sa.Numeric(precision=18, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_aum_month_customer_id_customer')),
    sa.PrimaryKeyConstraint('customer_id', 'month', name=op.f('pk_aum_month'))
    )
    with op.batch_alter_table('aum_month', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aum_month_month'), ['month'], unique=False)

    op.create_table('tier_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=True),
    sa.Column('from_tier', sa.String(length=32), nullable=False),
    sa.Column('to_tier', sa.String(length=32), nullable=False),
    sa.Column('average', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('cause', sa.String(length=24), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_tier_change_customer_id_customer')),
    sa.ForeignKeyConstraint(['evaluation_id'], ['tier_evaluation.id'], name=op.f('fk_tier_change_evaluation_id_tier_evaluation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_change'))
    )
    with op.batch_alter_table('tier_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tier_change_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tier_change_evaluation_id'), ['evaluation_id'], unique=False)

    op.create_table('tier_exception',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('tier', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('proposed_by', sa.Integer(), nullable=False),
    sa.Column('proposed_at', sa.DateTime(), nullable=False),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decision_comment', sa.String(length=500), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_tier_exception_customer_id_customer')),
    sa.ForeignKeyConstraint(['decided_by'], ['staff_account.id'], name=op.f('fk_tier_exception_decided_by_staff_account')),
    sa.ForeignKeyConstraint(['proposed_by'], ['staff_account.id'], name=op.f('fk_tier_exception_proposed_by_staff_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_exception'))
    )
    with op.batch_alter_table('tier_exception', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tier_exception_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tier_exception_status'), ['status'], unique=False)

    op.create_table('tier_worklist',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('average', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('computed_tier', sa.String(length=32), nullable=False),
    sa.Column('effective_tier', sa.String(length=32), nullable=False),
    sa.Column('card_type_held', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_tier_worklist_customer_id_customer')),
    sa.ForeignKeyConstraint(['evaluation_id'], ['tier_evaluation.id'], name=op.f('fk_tier_worklist_evaluation_id_tier_evaluation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tier_worklist'))
    )
    with op.batch_alter_table('tier_worklist', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tier_worklist_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_tier_worklist_evaluation_kind', ['evaluation_id', 'kind'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        _protect_tables(op.get_bind())


BRANCH_IN_SCOPE = ("branch_id IS NULL OR EXISTS (SELECT 1 FROM branch b WHERE b.id = {table}.branch_id "
                   "AND starts_with(b.path, current_branch_path()))")


def _protect_tables(bind) -> None:
    """Staff reach customers of their subtree and what hangs off them; policy is read by all."""
    rw = "SELECT, INSERT, UPDATE"
    protect(bind, "customer", grants=[(rw, "STAFF")], policies=[
        ("staff_read", "SELECT", "STAFF", CUSTOMER_IN_SCOPE),
        ("staff_insert", "INSERT", "STAFF", CUSTOMER_IN_SCOPE),
        ("staff_update", "UPDATE", "STAFF", CUSTOMER_IN_SCOPE)])
    for table in ("aum_month", "tier_change", "tier_worklist", "tier_exception"):
        protect(bind, table, grants=[(rw, "STAFF")], serial=table != "aum_month", policies=[
            ("staff_read", "SELECT", "STAFF", VIA_CUSTOMER),
            ("staff_insert", "INSERT", "STAFF", VIA_CUSTOMER),
            ("staff_update", "UPDATE", "STAFF", VIA_CUSTOMER)])
    protect(bind, "tier_evaluation", grants=[(rw, "STAFF")], policies=[
        ("staff_read", "SELECT", "STAFF", BRANCH_IN_SCOPE),
        ("staff_insert", "INSERT", "STAFF", BRANCH_IN_SCOPE),
        ("staff_update", "UPDATE", "STAFF", BRANCH_IN_SCOPE)])
    protect(bind, "tier_policy", grants=[("SELECT", "STAFF"), ("INSERT", "ADMIN")], policies=[
        ("staff_read", "SELECT", "STAFF", "true"), ("admin_insert", "INSERT", "ADMIN", "true")])
    protect(bind, "aum_import", grants=[("SELECT", "STAFF"), ("INSERT", "ADMIN")], policies=[
        ("staff_read", "SELECT", "STAFF", "true"), ("admin_insert", "INSERT", "ADMIN", "true")])


def downgrade() -> None:
    with op.batch_alter_table('tier_worklist', schema=None) as batch_op:
        batch_op.drop_index('ix_tier_worklist_evaluation_kind')
        batch_op.drop_index(batch_op.f('ix_tier_worklist_customer_id'))

    op.drop_table('tier_worklist')
    with op.batch_alter_table('tier_exception', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tier_exception_status'))
        batch_op.drop_index(batch_op.f('ix_tier_exception_customer_id'))

    op.drop_table('tier_exception')
    with op.batch_alter_table('tier_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tier_change_evaluation_id'))
        batch_op.drop_index(batch_op.f('ix_tier_change_customer_id'))

    op.drop_table('tier_change')
    with op.batch_alter_table('aum_month', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aum_month_month'))

    op.drop_table('aum_month')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_tier'))
        batch_op.drop_index(batch_op.f('ix_customer_relationship_manager_id'))
        batch_op.drop_index('ix_customer_phone_rev', postgresql_ops={'phone_rev': 'text_pattern_ops'})
        batch_op.drop_index('ix_customer_name_pinyin', postgresql_ops={'name_pinyin': 'text_pattern_ops'})
        batch_op.drop_index('ix_customer_name_initials', postgresql_ops={'name_initials': 'text_pattern_ops'})
        batch_op.drop_index('ix_customer_name', postgresql_ops={'name': 'text_pattern_ops'})
        batch_op.drop_index('ix_customer_id_rev', postgresql_ops={'id_rev': 'text_pattern_ops'})
        batch_op.drop_index(batch_op.f('ix_customer_branch_id'))

    op.drop_table('customer')
    with op.batch_alter_table('tier_evaluation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tier_evaluation_as_of'))

    op.drop_table('tier_evaluation')
    op.drop_table('tier_policy')
    with op.batch_alter_table('aum_import', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aum_import_file_sha256'))

    op.drop_table('aum_import')
