"""Staff's branch scope is looked up once per statement, not once per row (PostgreSQL).

The policies that tie a row to the acting person's subtree through its branch (customers and
everything kept by branch: cards, stock, care, documents, queue, figures) compared the branch's
path with ``current_branch_path()`` inside the per-row check. That function reads the person's
branch through a security-definer lookup, and PostgreSQL ran it for every row checked: a page
of 200 customers made 400 such lookups (the row and its tier row), an export of a branch
manager's 750,000 customers one and a half million. Written as a scalar subquery,
``(SELECT current_branch_path())``, it is evaluated once per statement, as migration 0002's own
policies already do; what each policy admits is unchanged.

Revision ID: 0020
Revises: 0019
"""
from alembic import op
from sqlalchemy import text


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

# how PostgreSQL shows the comparison in pg_policies, per row and once per statement
PER_ROW = "starts_with((b.path)::text, current_branch_path())"
ONCE = "starts_with((b.path)::text, ( SELECT current_branch_path() AS current_branch_path))"


def _rewrite(old: str, new: str) -> None:
    """Every policy whose expressions hold ``old``, altered to hold ``new`` instead."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    policies = bind.execute(text(
        "SELECT format('%I', policyname), format('%I.%I', schemaname, tablename), qual, with_check "
        "FROM pg_policies WHERE strpos(coalesce(qual, '') || coalesce(with_check, ''), :old) > 0"),
        {"old": old}).all()
    for name, table, qual, check in policies:
        clauses = []
        if qual is not None:
            clauses.append(f"USING ({qual.replace(old, new)})")
        if check is not None:
            clauses.append(f"WITH CHECK ({check.replace(old, new)})")
        bind.exec_driver_sql(f"ALTER POLICY {name} ON {table} " + " ".join(clauses))


def upgrade() -> None:
    _rewrite(PER_ROW, ONCE)


def downgrade() -> None:
    _rewrite(ONCE, PER_ROW)
