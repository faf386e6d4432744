"""A customer's tier in a narrow table of its own (``customer_tier``), one row per customer made
by the database as the customer is inserted (``TIER_ROW_*`` below: every customer is born
``ordinary``).

A tier evaluation changes the tier of up to every customer. In the customer's row, every
changed tier rewrote a wide record (name, ID, address, employer, notes ...): on 1,000,000
customers with half of them moving, the update and SQLite's write-back of the whole customer
table from its log took 6.1 s, against 1.2 s for this table's rows. The care figures that count
by tier are installed again to read the tier from here (``FIGURES_0019`` of
db/migrations/frozen/care_figures_r0015.py). On PostgreSQL the customer table loses 0017's
spare room (its rows no longer change with the tier) and is rewritten once; the tier rows keep
half of each page free for the new row versions of an evaluation (heap-only updates), and staff
read and change them in their scope (the trigger that makes them runs as the owner).

Revision ID: 0019
Revises: 0018
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen import care_figures_r0015 as care_figures
from db.migrations.frozen.pg_scope_r0003 import protect, run


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

VIA_CUSTOMER_ID = "EXISTS (SELECT 1 FROM customer c WHERE c.id = {table}.id)"

# The tier row every new customer gets, as of this revision. On PostgreSQL one statement trigger
# inserts the rows of a whole statement (the demo builds a million customers in a few
# statements), as the table's owner: staff may read and change tier rows but not make them.
FIRST_TIER = "ordinary"
TIER_ROW_SQLITE = (f"CREATE TRIGGER customer_tier_row AFTER INSERT ON customer BEGIN "
                   f"INSERT INTO customer_tier (id, tier) VALUES (NEW.id, '{FIRST_TIER}'); END")
TIER_ROW_PG = f"""CREATE FUNCTION customer_tier_row() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
INSERT INTO customer_tier (id, tier) SELECT id, '{FIRST_TIER}' FROM new_rows;
RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION customer_tier_row() FROM PUBLIC;
CREATE TRIGGER customer_tier_row AFTER INSERT ON customer REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION customer_tier_row();
"""


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    care_figures.uninstall(bind, care_figures.FIGURES_0015)
    op.create_table('customer_tier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tier', sa.String(length=32), nullable=False),
    sa.Column('tier_since', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['id'], ['customer.id'], name=op.f('fk_customer_tier_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_tier'))
    )
    if pg:
        op.execute("ALTER TABLE customer_tier SET (fillfactor = 50)")
    op.execute("INSERT INTO customer_tier (id, tier, tier_since) SELECT id, tier, tier_since FROM customer ORDER BY id")
    op.execute("ALTER TABLE customer DROP COLUMN tier")
    op.execute("ALTER TABLE customer DROP COLUMN tier_since")
    if pg:
        run(bind, TIER_ROW_PG)
        protect(bind, "customer_tier", grants=[("SELECT, UPDATE", "STAFF")], serial=False, policies=[
            ("staff_read", "SELECT", "STAFF", VIA_CUSTOMER_ID),
            ("staff_update", "UPDATE", "STAFF", VIA_CUSTOMER_ID)])
        op.execute("ALTER TABLE customer RESET (fillfactor)")
        op.execute("CLUSTER customer USING pk_customer")
    else:
        op.execute(TIER_ROW_SQLITE)
    care_figures.install(bind, care_figures.BEIJING_UTC_OFFSET_HOURS, care_figures.FIGURES_0019)
    care_figures.rebuild(bind, care_figures.BEIJING_UTC_OFFSET_HOURS, care_figures.FIGURES_0019)
    op.execute("ANALYZE customer_tier")
    op.execute("ANALYZE customer")


def downgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    care_figures.uninstall(bind, care_figures.FIGURES_0019)
    if pg:
        run(bind, "DROP FUNCTION customer_tier_row() CASCADE;\n")
    else:
        op.execute("DROP TRIGGER customer_tier_row")
    op.execute(f"ALTER TABLE customer ADD COLUMN tier VARCHAR(32) NOT NULL DEFAULT '{FIRST_TIER}'")
    op.execute("ALTER TABLE customer ADD COLUMN tier_since DATE")
    op.execute("UPDATE customer SET tier = (SELECT t.tier FROM customer_tier t WHERE t.id = customer.id), "
               "tier_since = (SELECT t.tier_since FROM customer_tier t WHERE t.id = customer.id)")
    op.drop_table('customer_tier')
    if pg:
        op.execute("ALTER TABLE customer ALTER COLUMN tier DROP DEFAULT")
        op.execute("ALTER TABLE customer SET (fillfactor = 60)")
    care_figures.install(bind, care_figures.BEIJING_UTC_OFFSET_HOURS, care_figures.FIGURES_0015)
    care_figures.rebuild(bind, care_figures.BEIJING_UTC_OFFSET_HOURS, care_figures.FIGURES_0015)
