"""Blank-card stock: locations (vaults, drawers), blank cards by serial, the move register and
its per-serial movements, signed-off days, physical counts and minimum levels. On PostgreSQL
every table is scoped by branch subtree; staff may insert and update but never delete a
register row (only an unconfirmed receipt's cards may be withdrawn).

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import CUSTOMER_IN_SCOPE_PER_ROW as CUSTOMER_IN_SCOPE, protect


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stock_minimum',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('card_type', sa.String(length=16), nullable=False),
    sa.Column('minimum', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_stock_minimum_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_minimum')),
    sa.UniqueConstraint('branch_id', 'card_type', name=op.f('uq_stock_minimum_branch_id'))
    )
    op.create_table('stock_location',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('holder_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_stock_location_branch_id_branch')),
    sa.ForeignKeyConstraint(['holder_id'], ['staff_account.id'], name=op.f('fk_stock_location_holder_id_staff_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_location')),
    sa.UniqueConstraint('key', name=op.f('uq_stock_location_key'))
    )
    with op.batch_alter_table('stock_location', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_location_branch_id'), ['branch_id'], unique=False)

    op.create_table('blank_card',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('serial', sa.String(length=24), nullable=False),
    sa.Column('card_type', sa.String(length=16), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('move_id', sa.Integer(), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_blank_card_branch_id_branch')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_location.id'], name=op.f('fk_blank_card_location_id_stock_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blank_card')),
    sa.UniqueConstraint('serial', name=op.f('uq_blank_card_serial'))
    )
    with op.batch_alter_table('blank_card', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blank_card_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index('ix_blank_card_location_state', ['location_id', 'card_type', 'state', 'serial'], unique=False)
        batch_op.create_index(batch_op.f('ix_blank_card_move_id'), ['move_id'], unique=False)

    op.create_table('stock_count',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('card_type', sa.String(length=16), nullable=False),
    sa.Column('counted_at', sa.DateTime(), nullable=False),
    sa.Column('counted_by', sa.Integer(), nullable=True),
    sa.Column('counted_by_name', sa.String(length=64), nullable=False),
    sa.Column('witness_name', sa.String(length=64), nullable=False),
    sa.Column('expected', sa.Integer(), nullable=False),
    sa.Column('counted', sa.Integer(), nullable=False),
    sa.Column('missing', sa.Text(), nullable=False),
    sa.Column('unexpected', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_stock_count_branch_id_branch')),
    sa.ForeignKeyConstraint(['counted_by'], ['staff_account.id'], name=op.f('fk_stock_count_counted_by_staff_account')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_location.id'], name=op.f('fk_stock_count_location_id_stock_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_count'))
    )
    with op.batch_alter_table('stock_count', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_count_branch_id'), ['branch_id'], unique=False)

    op.create_table('stock_day',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('card_type', sa.String(length=16), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('opening', sa.Integer(), nullable=False),
    sa.Column('received', sa.Integer(), nullable=False),
    sa.Column('sent', sa.Integer(), nullable=False),
    sa.Column('closing', sa.Integer(), nullable=False),
    sa.Column('difference', sa.Integer(), nullable=False),
    sa.Column('explanation', sa.String(length=500), nullable=False),
    sa.Column('signed_by', sa.Integer(), nullable=True),
    sa.Column('signed_by_name', sa.String(length=64), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_stock_day_branch_id_branch')),
    sa.ForeignKeyConstraint(['location_id'], ['stock_location.id'], name=op.f('fk_stock_day_location_id_stock_location')),
    sa.ForeignKeyConstraint(['signed_by'], ['staff_account.id'], name=op.f('fk_stock_day_signed_by_staff_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_day')),
    sa.UniqueConstraint('location_id', 'card_type', 'business_date', name=op.f('uq_stock_day_location_id'))
    )
    with op.batch_alter_table('stock_day', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_day_branch_id'), ['branch_id'], unique=False)

    op.create_table('stock_move',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('card_type', sa.String(length=16), nullable=False),
    sa.Column('from_location_id', sa.Integer(), nullable=True),
    sa.Column('to_location_id', sa.Integer(), nullable=True),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('serials', sa.Text(), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('made_by', sa.Integer(), nullable=True),
    sa.Column('made_by_name', sa.String(length=64), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('checked_by', sa.Integer(), nullable=True),
    sa.Column('checked_by_name', sa.String(length=64), nullable=False),
    sa.Column('checked_at', sa.DateTime(), nullable=True),
    sa.Column('witness_name', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_stock_move_branch_id_branch')),
    sa.ForeignKeyConstraint(['checked_by'], ['staff_account.id'], name=op.f('fk_stock_move_checked_by_staff_account')),
    sa.ForeignKeyConstraint(['from_location_id'], ['stock_location.id'], name=op.f('fk_stock_move_from_location_id_stock_location')),
    sa.ForeignKeyConstraint(['made_by'], ['staff_account.id'], name=op.f('fk_stock_move_made_by_staff_account')),
    sa.ForeignKeyConstraint(['to_location_id'], ['stock_location.id'], name=op.f('fk_stock_move_to_location_id_stock_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_move'))
    )
    with op.batch_alter_table('stock_move', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_move_branch_id'), ['branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_move_business_date'), ['business_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_move_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_move_status'), ['status'], unique=False)

    op.create_table('stock_movement',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('move_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('serial', sa.String(length=24), nullable=False),
    sa.Column('card_type', sa.String(length=16), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('from_location_id', sa.Integer(), nullable=True),
    sa.Column('to_location_id', sa.Integer(), nullable=False),
    sa.Column('from_state', sa.String(length=12), nullable=False),
    sa.Column('to_state', sa.String(length=12), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_stock_movement_branch_id_branch')),
    sa.ForeignKeyConstraint(['card_id'], ['blank_card.id'], name=op.f('fk_stock_movement_card_id_blank_card')),
    sa.ForeignKeyConstraint(['from_location_id'], ['stock_location.id'], name=op.f('fk_stock_movement_from_location_id_stock_location')),
    sa.ForeignKeyConstraint(['move_id'], ['stock_move.id'], name=op.f('fk_stock_movement_move_id_stock_move')),
    sa.ForeignKeyConstraint(['to_location_id'], ['stock_location.id'], name=op.f('fk_stock_movement_to_location_id_stock_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movement'))
    )
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_movement_card_id'), ['card_id'], unique=False)
        batch_op.create_index('ix_stock_movement_day', ['branch_id', 'business_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_movement_move_id'), ['move_id'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        _protect_tables(op.get_bind())


# A stock row is in scope when its branch lies in the acting person's subtree.
IN_SCOPE = CUSTOMER_IN_SCOPE


def _protect_tables(bind) -> None:
    rw = "SELECT, INSERT, UPDATE"
    for table in ("stock_location", "blank_card", "stock_move", "stock_movement", "stock_day",
                  "stock_count", "stock_minimum"):
        policies = [("staff_read", "SELECT", "STAFF", IN_SCOPE),
                    ("staff_insert", "INSERT", "STAFF", IN_SCOPE),
                    ("staff_update", "UPDATE", "STAFF", IN_SCOPE)]
        grants = [(rw, "STAFF")]
        if table == "blank_card":
            grants.append(("DELETE", "STAFF"))
            policies.append(("staff_withdraw_pending", "DELETE", "STAFF",
                             "state = 'pending' AND " + IN_SCOPE))
        protect(bind, table, grants=grants, policies=policies)


def downgrade() -> None:
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_movement_move_id'))
        batch_op.drop_index('ix_stock_movement_day')
        batch_op.drop_index(batch_op.f('ix_stock_movement_card_id'))

    op.drop_table('stock_movement')
    with op.batch_alter_table('stock_move', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_move_status'))
        batch_op.drop_index(batch_op.f('ix_stock_move_kind'))
        batch_op.drop_index(batch_op.f('ix_stock_move_business_date'))
        batch_op.drop_index(batch_op.f('ix_stock_move_branch_id'))

    op.drop_table('stock_move')
    with op.batch_alter_table('stock_day', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_day_branch_id'))

    op.drop_table('stock_day')
    with op.batch_alter_table('stock_count', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_count_branch_id'))

    op.drop_table('stock_count')
    with op.batch_alter_table('blank_card', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_blank_card_move_id'))
        batch_op.drop_index('ix_blank_card_location_state')
        batch_op.drop_index(batch_op.f('ix_blank_card_branch_id'))

    op.drop_table('blank_card')
    with op.batch_alter_table('stock_location', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_location_branch_id'))

    op.drop_table('stock_location')
    op.drop_table('stock_minimum')
