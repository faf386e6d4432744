"""Alembic revisions, one module each (found by Alembic by path, imported as a package by the checks)."""
