"""Inserting many rows in few statements, on both engines.

Given many rows, PostgreSQL's driver (psycopg 3) sends one INSERT per row, and every statement
fires the table's statement-level triggers: a customer's fires the one that makes its tier row
(db.customer_tier), which fires the care figures' (db.care_figures). Row by row, a demo build
of 30,000 customers took 343 s, and longer per customer the more there were. SQLAlchemy's
multi-row statements ("insertmanyvalues", 1,000 rows each) brought that to 13 s, but still cost
a statement per 1,000 rows, the driver parsing a statement of 30,000 bind parameters each time, and
one row-by-row statement per tail and sealed value (app.crypto.sealing): a sealed demo build of
20,000 customers took 114 s on PostgreSQL.

So on PostgreSQL a batch goes in as ONE statement, whatever its size: each column's values sent
as one array and unnested on the server (``INSERT ... SELECT unnest(:a), unnest(:b), ...``), the
new ids drawn from the table's own sequence beforehand so that they are known in the rows' order.
The statement fires the same triggers (row triggers per row, statement triggers once, with every
row in their transition tables) and is checked by the same row-level security policies as any
INSERT. COPY would be quicker still, but PostgreSQL refuses ``COPY FROM`` into a table under
row-level security for a role that does not bypass it, and every store table is (FORCE). SQLite,
whose statements cost no round trip, takes the rows as an executemany.
"""

from __future__ import annotations

from sqlalchemy import Table, bindparam, func, insert, select
from sqlalchemy.dialects.postgresql import ARRAY


def insert_rows(connection, table: Table, rows: list[dict]) -> list[int]:
    """Insert ``rows`` (dicts of column values) into ``table``; the new ids, in the rows' order."""
    if not rows:
        return []
    if connection.dialect.name != "postgresql":
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(connection.execute(statement, rows).scalars())
    sequence = func.pg_get_serial_sequence(table.fullname, table.c.id.name)
    ids = list(connection.execute(select(func.nextval(sequence)).select_from(
        func.generate_series(1, len(rows)))).scalars())
    add_rows(connection, table, [{**row, "id": i} for row, i in zip(rows, ids)])
    return ids


def add_rows(connection, table: Table, rows: list[dict]) -> None:
    """Insert ``rows`` (dicts of column values, every row naming the same columns) into
    ``table``; a column the rows leave out takes its scalar default, as in a plain INSERT."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    columns = [table.c[name] for name in rows[0]]
    arrays = [func.unnest(bindparam(f"v_{c.name}", [row[c.name] for row in rows], type_=ARRAY(c.type)))
              for c in columns]
    # include_defaults: a column left out gets its scalar default in the SELECT, once per row
    connection.execute(insert(table).from_select(columns, select(*arrays), include_defaults=True))
