"""A clerk reads only their own ratings: restrictive read policies on PostgreSQL.

Revision ID: 0045
Revises: 0043

Branch row-level security lets every staff login read the branch's rows; a clerk's customers'
ratings are the clerk's own business and their managers' (issue 29: performance by clerk, "a
clerk sees their own"). Three restrictive policies for the staff group, each letting through a
holder of ``view_queue_stats`` (branch and lobby managers, auditors):

* ``service_rating``: a row whose clerk is the login itself;
* ``document`` (the register): any kind but the clerk performance report (柜员服务绩效报表), which
  names every clerk's figures and ratings;
* ``audit_event``: any action but ``visit.rate`` (its event carries the score and the reason)
  unless the login wrote it.

The permission and the login's account are looked up once per statement (scalar subqueries),
as the branch path is (migration 0020). Nothing changes on SQLite (one PC, the app's checks).
"""
from alembic import op
from sqlalchemy import text


revision = '0045'
down_revision = '0043'
branch_labels = None
depends_on = None

MAY = "(SELECT vipdesk_may('view_queue_stats'))"
ME = "(SELECT vipdesk_account_id())"
POLICIES = (
    ("own_ratings", "service_rating", f"clerk_id = {ME} OR {MAY}"),
    ("performance_for_managers", "document", f"kind <> 'report_clerk_performance' OR {MAY}"),
    ("own_ratings_told", "audit_event", f"action <> 'visit.rate' OR actor_id = {ME} OR {MAY}"),
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    staff = bind.execute(text("SELECT vipdesk_group_role('staff')")).scalar_one()
    for name, table, expression in POLICIES:
        bind.execute(text(f'CREATE POLICY {name} ON {table} AS RESTRICTIVE FOR SELECT TO "{staff}" '
                          f"USING ({expression})"))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for name, table, _ in POLICIES:
        bind.execute(text(f"DROP POLICY {name} ON {table}"))
