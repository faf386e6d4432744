"""Every customer has a tier row (``customer_tier``), made by the database as the customer is
inserted, so that every writer of customers (the services, the customer import, the demo
builders, plain SQL) gets one without knowing of it: :data:`FIRST_TIER` until an evaluation or
an exception says otherwise. On PostgreSQL one statement trigger inserts the rows of a whole
statement (the demo builds a million customers in a few statements), as the table's owner:
staff may read and change tier rows in their scope but not make them."""

from __future__ import annotations

# The tier a customer is born with. The trigger cannot know which policy will be in force, so
# the rule runs the other way: app.tiers.rules refuses a policy whose lowest band is named
# otherwise (TierPolicy.validate), and this constant is the one place the name is written.
FIRST_TIER = "ordinary"

_SQLITE = (f"CREATE TRIGGER customer_tier_row AFTER INSERT ON customer BEGIN "
           f"INSERT INTO customer_tier (id, tier) VALUES (NEW.id, '{FIRST_TIER}'); END")

_PG = f"""CREATE FUNCTION customer_tier_row() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
INSERT INTO customer_tier (id, tier) SELECT id, '{FIRST_TIER}' FROM new_rows;
RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION customer_tier_row() FROM PUBLIC;
CREATE TRIGGER customer_tier_row AFTER INSERT ON customer REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION customer_tier_row();
"""


def install(bind) -> None:
    if bind.dialect.name == "postgresql":
        from db.pg_scope import run

        run(bind, _PG)
    else:
        bind.exec_driver_sql(_SQLITE)


def uninstall(bind) -> None:
    if bind.dialect.name == "postgresql":
        from db.pg_scope import run

        run(bind, "DROP FUNCTION customer_tier_row() CASCADE;\n")
    else:
        bind.exec_driver_sql("DROP TRIGGER customer_tier_row")
