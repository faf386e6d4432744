"""A head-office login reads the audit events that belong to no branch.

Revision ID: 0035
Revises: 0034

Some events name no branch: a sign-in by a name that is no account, store-wide jobs (the
document signing key, a batch run). The audit browser shows them to those whose scope is the
whole tree — a login of the only root branch, such as the head office's auditor — so that the
sequence they read has no gaps (``app.audit.trail``). Row-level security let a staff login read
only events of branches in its subtree, so on PostgreSQL those events stayed hidden from the
head office too. This policy adds them for a login whose branch is the store's only root.
"""
from alembic import op

from db.migrations.frozen.pg_scope_r0003 import run, store_roles


revision = '0035'
down_revision = '0034'
branch_labels = None
depends_on = None

# as app.audit.trail decides who sees the whole tree: the actor's branch is the only root
WHOLE_TREE = ("(SELECT count(*) FROM branch r WHERE r.parent_id IS NULL) = 1 AND EXISTS ("
              "SELECT 1 FROM branch r WHERE r.parent_id IS NULL AND r.path = (SELECT current_branch_path()))")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    roles = store_roles(bind)
    run(bind, f"CREATE POLICY staff_read_branchless ON audit_event FOR SELECT TO {roles['STAFF']} "
              f"USING (branch_id IS NULL AND {WHOLE_TREE})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    run(bind, "DROP POLICY staff_read_branchless ON audit_event")
