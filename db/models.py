"""Table mappings (SQLAlchemy 2 typed declarative) for the foundation: branches, staff, audit, settings.

Times are stored as naive UTC datetimes on every engine so that values hash and compare the
same on SQLite and PostgreSQL. Rows that people edit carry a ``version`` column used for the
optimistic "changed by someone else" check.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Branch(Base):
    """An outlet in the bank's tree; ``path`` (``/1/4/9/``) makes subtree scope one prefix test."""

    __tablename__ = "branch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    path: Mapped[str] = mapped_column(String(400), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class StaffAccount(Base):
    """A person who signs in. On PostgreSQL ``db_role`` is their own login role."""

    __tablename__ = "staff_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    db_role: Mapped[str] = mapped_column(String(63), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_signins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_signin_at: Mapped[datetime | None] = mapped_column(DateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    branch: Mapped[Branch] = relationship(lazy="joined")
    roles: Mapped[list[StaffRole]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="StaffRole.role"
    )

    __mapper_args__ = {"version_id_col": version}


class StaffRole(Base):
    """One role held by one account (an account may hold several)."""

    __tablename__ = "staff_role"
    __table_args__ = (UniqueConstraint("account_id", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("staff_account.id"), index=True)
    role: Mapped[str] = mapped_column(String(32))


class AuditEvent(Base):
    """Append-only, hash-chained record of a change or a reveal.

    ``seq`` is assigned under a store-wide lock as the previous event's seq + 1 and ``hash``
    covers the event and the previous hash, so edits, deletions and out-of-order inserts show.
    """

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor_id: Mapped[int | None] = mapped_column(Integer, index=True)
    actor_name: Mapped[str] = mapped_column(String(64))
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    """Store-wide configuration and policy values, as canonical JSON text."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
