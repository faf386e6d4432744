"""Helpers for migrations that add tables with branch data on PostgreSQL, as revisions from 0003
on use them (frozen: never edited; see db/migrations/frozen/__init__.py).

Migration 0002 set up the store's roles and ``current_branch_path()``; every later table with
branch data gets the same treatment through these helpers: privileges for the store's groups,
row-level security enabled and forced, an all-rows policy for the owner, and the table's own
scope policies.
"""

from __future__ import annotations

from sqlalchemy import text

# A customer row is in scope when its branch lies in the acting person's subtree. Revisions 0003
# to 0019 looked the subtree's path up for every row checked; 0020 rewrote their policies to the
# form below, which looks it up once per statement (a scalar subquery), and later tables use it.
CUSTOMER_IN_SCOPE_PER_ROW = ("EXISTS (SELECT 1 FROM branch b WHERE b.id = {table}.branch_id "
                             "AND starts_with(b.path, current_branch_path()))")
CUSTOMER_IN_SCOPE = ("EXISTS (SELECT 1 FROM branch b WHERE b.id = {table}.branch_id "
                     "AND starts_with(b.path, (SELECT current_branch_path())))")
# A row that hangs off a customer is in scope when that customer is (customer's own RLS applies).
VIA_CUSTOMER = "EXISTS (SELECT 1 FROM customer c WHERE c.id = {table}.customer_id)"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def store_roles(bind) -> dict[str, str]:
    """The quoted names of the owner and of the store's staff and admin groups."""
    return {
        "OWNER": _ident(bind.execute(text("SELECT current_user")).scalar_one()),
        "STAFF": _ident(bind.execute(text("SELECT vipdesk_group_role('staff')")).scalar_one()),
        "ADMIN": _ident(bind.execute(text("SELECT vipdesk_group_role('admin')")).scalar_one()),
    }


def run(bind, sql: str) -> None:
    """Run a script of several statements in the migration's transaction."""
    bind.connection.driver_connection.execute(sql)


def protect(bind, table: str, *, grants: list[tuple[str, str]],
            policies: list[tuple[str, str, str, str]], serial: bool = True) -> None:
    """Grant ``(privileges, group)``; force RLS with an owner policy plus
    ``(name, command, group, expression)`` policies (``{table}`` in the expression is replaced)."""
    roles = store_roles(bind)
    statements = [f"REVOKE ALL ON {table} FROM PUBLIC"]
    statements += [f"GRANT {privileges} ON {table} TO {roles[group]}" for privileges, group in grants]
    statements += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                   f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
                   f"CREATE POLICY owner_all ON {table} TO {roles['OWNER']} USING (true) WITH CHECK (true)"]
    for name, command, group, expression in policies:
        expression = expression.format(table=table)
        clause = {"SELECT": f"USING ({expression})", "DELETE": f"USING ({expression})",
                  "INSERT": f"WITH CHECK ({expression})",
                  "UPDATE": f"USING ({expression}) WITH CHECK ({expression})"}[command]
        statements.append(f"CREATE POLICY {name} ON {table} FOR {command} TO {roles[group]} {clause}")
    if serial:
        sequence = bind.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar_one()
        if sequence:
            writer = next((group for privileges, group in grants if "INSERT" in privileges), None)
            if writer:
                statements.append(f"GRANT USAGE ON SEQUENCE {sequence} TO {roles[writer]}")
    run(bind, ";\n".join(statements))

