"""Care dashboard figures kept by the database: active customers by branch and tier, by the day
of their latest contact, tier changes by month and branch, cancelled VIP cards and complaints by
month and branch, each added to by triggers in the transaction of the change (how: db.care_figures)
and recounted here once from the store's rows; this revision's definitions are frozen in
db/migrations/frozen/care_figures_r0015.py. Replaces 0010's running tally of tier changes
and its per-branch marks (brought up to date by the dashboard itself). Open complaints past
their deadline get a partial index.

Revision ID: 0015
Revises: 0014
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen import care_figures_r0015 as care_figures
from db.migrations.frozen.pg_scope_r0003 import CUSTOMER_IN_SCOPE_PER_ROW as CUSTOMER_IN_SCOPE, protect


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

OPEN = sa.text("resolved_at IS NULL")


def _figure_table(name: str, *keys: sa.Column, measures=("count",)) -> None:
    """A figure table: its key columns and the branch, the writer's slot, the measures."""
    order = next(f.keys for f in care_figures.FIGURES_0015 if f.table == name)
    op.create_table(name, *keys,
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('slot', sa.BigInteger(), nullable=False),
    *[sa.Column(m, sa.Integer(), nullable=False) for m in measures],
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f(f'fk_{name}_branch_id_branch')),
    sa.PrimaryKeyConstraint(*order, 'slot', name=op.f(f'pk_{name}')))


def upgrade() -> None:
    op.drop_table('care_move_mark')
    op.drop_table('care_move_count')
    _figure_table('care_tier_count', sa.Column('tier', sa.String(length=32), nullable=False))
    _figure_table('care_contact_count', sa.Column('tier', sa.String(length=32), nullable=False),
                  sa.Column('day', sa.Integer(), nullable=False))
    _figure_table('care_move_count', sa.Column('month', sa.Integer(), nullable=False),
                  sa.Column('from_tier', sa.String(length=32), nullable=False),
                  sa.Column('to_tier', sa.String(length=32), nullable=False))
    _figure_table('care_cancel_count', sa.Column('month', sa.Integer(), nullable=False))
    _figure_table('care_complaint_count', sa.Column('month', sa.Integer(), nullable=False),
                  sa.Column('vip', sa.Boolean(), nullable=False), measures=("count", "on_time"))
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_open_deadline', ['branch_id', 'deadline_at'], unique=False,
                              sqlite_where=OPEN, postgresql_where=OPEN)

    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # staff read their subtree's figures; only the triggers and functions (as the owner) write
        for figure in care_figures.FIGURES_0015:
            protect(bind, figure.table, grants=[("SELECT", "STAFF")], serial=False,
                    policies=[("staff_read", "SELECT", "STAFF", CUSTOMER_IN_SCOPE)])
    # the definitions of this revision: UTC months and days until 0018, the tier on the customer until 0019
    care_figures.install(bind, 0, care_figures.FIGURES_0015)
    care_figures.rebuild(bind, 0, care_figures.FIGURES_0015)


def downgrade() -> None:
    care_figures.uninstall(op.get_bind(), care_figures.FIGURES_0015)
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_open_deadline', sqlite_where=OPEN, postgresql_where=OPEN)
    for figure in reversed(care_figures.FIGURES_0015):
        op.drop_table(figure.table)
    # 0010's tally, empty: the dashboard of that revision counts every tier change into it again
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
    if op.get_bind().dialect.name == "postgresql":
        for table in ("care_move_count", "care_move_mark"):
            protect(op.get_bind(), table, grants=[("SELECT, INSERT, UPDATE", "STAFF")], serial=False, policies=[
                ("staff_read", "SELECT", "STAFF", CUSTOMER_IN_SCOPE),
                ("staff_insert", "INSERT", "STAFF", CUSTOMER_IN_SCOPE),
                ("staff_update", "UPDATE", "STAFF", CUSTOMER_IN_SCOPE)])
