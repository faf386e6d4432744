"""The last line on command keys (migration 0038), as staff logins with psql would try: a key is
written in the login's own name and at the server's time, read back only by its writer, and
never changed or removed."""

from __future__ import annotations

import uuid

import pytest
from psycopg import errors

from tests.db.test_pg_security import column, connect_as, demo, refused  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg


def test_a_key_is_the_logins_own_and_stays_as_written(demo):  # noqa: F811
    key = str(uuid.uuid4())
    with connect_as(demo, "teller") as teller:
        teller.execute("INSERT INTO command_key (key, account_id, lost, created_at)"
                       " VALUES (%s, %s, false, '1999-01-01')", (key, demo.accounts["manager"]))
        assert column(teller, "SELECT key FROM command_key WHERE key = %s", (key,)) == [key]
        refused(teller, "UPDATE command_key SET lost = true WHERE key = %s", (key,))
        refused(teller, "DELETE FROM command_key WHERE key = %s", (key,))
        refused(teller, "INSERT INTO command_key (key, lost, created_at) VALUES (%s, true, now())", (key,),
                error=errors.UniqueViolation)
    account, year = demo.owner.execute(
        "SELECT account_id, extract(year FROM created_at) FROM command_key WHERE key = %s", (key,)).fetchone()
    assert account == demo.accounts["teller"] and year > 2000  # the login's, at the server's time
    with connect_as(demo, "manager") as manager:
        assert column(manager, "SELECT key FROM command_key WHERE key = %s", (key,)) == []
