"""Helpers that revisions in ``db/migrations/versions/`` share, frozen as of the revision in each
module's name: a module here is never edited once a revision uses it, so that a revision number
always means one schema. A revision that needs a helper to behave otherwise adds a module of its
own (``<helper>_r<revision>.py``); the live code in ``app/`` and ``db/`` is never imported by a
revision (tests/db/test_frozen_migrations.py). See docs/architecture.md, "Migrations and the
schema".
"""
