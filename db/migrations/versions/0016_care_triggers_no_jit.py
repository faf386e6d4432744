"""No JIT for the care figures' trigger functions (see db/migrations/frozen/care_figures_r0015.py, _TRIGGER): PostgreSQL
compiled their statements with LLVM on every single-row update of a customer, card or complaint.

Revision ID: 0016
Revises: 0015
"""
from alembic import op

from db.migrations.frozen.care_figures_r0015 import FIGURES_0015, source_tables


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def _set(value: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in source_tables(FIGURES_0015):
        op.execute(f"ALTER FUNCTION care_figures_{table}() {value}")


def upgrade() -> None:
    _set("SET jit = off")


def downgrade() -> None:
    _set("RESET jit")
