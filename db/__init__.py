"""Store layer: table mappings, engine set-up and Alembic migrations. Holds no business rule."""
