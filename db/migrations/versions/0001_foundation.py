"""Foundation: branches, staff accounts and roles, the audit chain, settings.

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

# Appending to the audit chain needs the head of the whole chain, which a staff role may not
# read (row-level security); this function takes the store-wide append lock for the rest of
# the transaction and returns only the head's sequence number and hash.
AUDIT_CHAIN_HEAD = """
CREATE FUNCTION audit_chain_head(OUT head_seq bigint, OUT head_hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(730100);
    SELECT seq, hash INTO head_seq, head_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
    IF NOT FOUND THEN
        head_seq := 0;
        head_hash := repeat('0', 64);
    END IF;
END
$$
"""


def upgrade() -> None:
    op.create_table('branch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('path', sa.String(length=400), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['branch.id'], name=op.f('fk_branch_parent_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_branch')),
    sa.UniqueConstraint('code', name=op.f('uq_branch_code'))
    )
    with op.batch_alter_table('branch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_branch_path'), ['path'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=64), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('before', sa.Text(), nullable=False),
    sa.Column('after', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_audit_event_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event')),
    sa.UniqueConstraint('seq', name=op.f('uq_audit_event_seq'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_occurred_at'), ['occurred_at'], unique=False)

    op.create_table('staff_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=32), nullable=False),
    sa.Column('display_name', sa.String(length=60), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('db_role', sa.String(length=63), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=True),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('failed_signins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('last_signin_at', sa.DateTime(), nullable=True),
    sa.Column('password_changed_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_staff_account_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_account')),
    sa.UniqueConstraint('db_role', name=op.f('uq_staff_account_db_role')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_account_username'))
    )
    with op.batch_alter_table('staff_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_account_branch_id'), ['branch_id'], unique=False)

    op.create_table('staff_role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['staff_account.id'], name=op.f('fk_staff_role_account_id_staff_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_role')),
    sa.UniqueConstraint('account_id', 'role', name=op.f('uq_staff_role_account_id'))
    )
    with op.batch_alter_table('staff_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_role_account_id'), ['account_id'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute(AUDIT_CHAIN_HEAD)



def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION audit_chain_head()")
    with op.batch_alter_table('staff_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_role_account_id'))

    op.drop_table('staff_role')
    with op.batch_alter_table('staff_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_account_branch_id'))

    op.drop_table('staff_account')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_audit_event_branch_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_actor_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_action'))

    op.drop_table('audit_event')
    op.drop_table('setting')
    with op.batch_alter_table('branch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_branch_path'))

    op.drop_table('branch')
