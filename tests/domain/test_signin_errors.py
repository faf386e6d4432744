"""A server that refuses a connection for its own reasons is not a wrong password: the person
is told the store did not answer, and no failed sign-in is counted against them."""

import pytest
from sqlalchemy.exc import OperationalError

from app.auth.pg_roles import _not_about_the_password


def _refusal(message: str) -> OperationalError:
    return OperationalError("connect", {}, Exception(message))


@pytest.mark.parametrize("message", [
    "connection failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections",
    "connection failed: FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute",
    "connection failed: FATAL:  sorry, too many clients already",
    "connection failed: FATAL:  the database system is starting up",
    "connection failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?",
])
def test_a_busy_or_absent_server_is_not_about_the_password(message):
    assert _not_about_the_password(_refusal(message))


def test_a_refused_password_is():
    assert not _not_about_the_password(_refusal('connection failed: FATAL:  password authentication failed for user "vd_1a2b3c4d_teller"'))
