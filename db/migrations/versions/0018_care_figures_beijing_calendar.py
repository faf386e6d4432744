"""The care figures count by Beijing's calendar: tier changes, cancelled cards and complaints by
the month, latest contacts by the day, that a branch's clock shows (UTC+8). They counted by
UTC's, so a night evaluation run at 01:00 on the 1st in Beijing, or a card cancelled before
08:00 on a month's first morning, fell into the month before on the dashboard. The triggers are
installed again with the new calendar and every figure is recounted from the rows.

Revision ID: 0018
Revises: 0017
"""
from alembic import op

from db.migrations.frozen import care_figures_r0015 as care_figures


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def _recount(offset_hours: int) -> None:
    bind = op.get_bind()
    figures = care_figures.FIGURES_0015   # the tier on the customer's row until 0019
    care_figures.uninstall(bind, figures)
    care_figures.install(bind, offset_hours, figures)
    care_figures.rebuild(bind, offset_hours, figures)


def upgrade() -> None:
    _recount(care_figures.BEIJING_UTC_OFFSET_HOURS)


def downgrade() -> None:
    _recount(0)
