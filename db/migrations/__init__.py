"""Alembic migrations of the store; a package so that the layer contracts see them."""
