"""Session limits on PostgreSQL: what a long job raises for its own transaction.

Every staff login carries short limits (migration 0027: a lock waited for 5 s, a statement of
60 s, a transaction idle for 60 s end in an error), so that a forgotten or abandoned session
cannot hold the others up. A few jobs run longer than that by design (the AUM import, the tier
evaluation, the customer import, the care figures' rebuild) and raise the limits for their own
transaction only, with ``SET LOCAL``: the next transaction on the connection has the login's
limits again. On SQLite this does nothing.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

# A generous bound on one statement of a job, and on its pauses between statements (reading
# the next part of a file, a progress report).
LONG_JOB_STATEMENT_TIMEOUT = "30min"
LONG_JOB_IDLE_IN_TRANSACTION_TIMEOUT = "30min"
# Longer than the others' idle-in-transaction limit (60 s): a job waiting for a row that an
# abandoned session holds outlasts that session rather than failing after minutes of work.
LONG_JOB_LOCK_TIMEOUT = "2min"


def allow_long_job(target: Session | Connection) -> None:
    """Raise the session limits for the rest of the current transaction (PostgreSQL)."""
    conn = target.connection() if isinstance(target, Session) else target
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text(
        "SELECT set_config('statement_timeout', :statement, true),"
        " set_config('idle_in_transaction_session_timeout', :idle, true),"
        " set_config('lock_timeout', :lock, true)"),
        {"statement": LONG_JOB_STATEMENT_TIMEOUT, "idle": LONG_JOB_IDLE_IN_TRANSACTION_TIMEOUT,
         "lock": LONG_JOB_LOCK_TIMEOUT})
