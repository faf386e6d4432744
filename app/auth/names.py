"""People by name: the records keep who acted by user name (what a login is, and what the
database checks on PostgreSQL); screens, documents and messages name the person
(``display_name``, "柜员 李娜"). Looked up when read, so a renamed person shows their name now.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import StaffAccount


def names_of(session: Session, usernames: Iterable[str]) -> dict[str, str]:
    """``{user name: display name}`` for the accounts among ``usernames`` (one query);
    a name without an account (a batch job, "demo") is left out."""
    wanted = {u for u in usernames if u}
    if not wanted:
        return {}
    return dict(session.execute(select(StaffAccount.username, StaffAccount.display_name)
                                .where(StaffAccount.username.in_(wanted))).all())


def person(names: dict[str, str], username: str) -> str:
    """The person's name, or the user name itself when no account has it."""
    return names.get(username, username)
