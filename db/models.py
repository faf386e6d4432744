"""Table mappings (SQLAlchemy 2 typed declarative) for the foundation: branches, staff, audit, settings.

Times are stored as naive UTC datetimes on every engine so that values hash and compare the
same on SQLite and PostgreSQL. Rows that people edit carry a ``version`` column used for the
optimistic "changed by someone else" check.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
    select,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, mapped_column, relationship

from db.customer_tier import FIRST_TIER
from db.money import Money

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

    Events are chained in lanes (migration 0014): within its ``lane``, ``seq`` is assigned under
    that lane's lock as the previous event's seq + 1 and ``hash`` covers the event and the
    previous hash, so edits, deletions, moves and out-of-order inserts show. ``id`` numbers the
    events of the whole store in the order they were written.
    """

    __tablename__ = "audit_event"
    __table_args__ = (UniqueConstraint("lane", "seq"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    lane: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    seq: Mapped[int] = mapped_column(BigInteger)
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


class RolePermission(Base):
    """Which role grants which permission: a copy of ``app.auth.permissions.ROLE_PERMISSIONS``
    kept in the store so that PostgreSQL checks a staff login's writes by the same table the
    app checks its actors by (a test holds the two equal)."""

    __tablename__ = "role_permission"

    role: Mapped[str] = mapped_column(String(32), primary_key=True)
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)


class StateTransition(Base):
    """One allowed step of a state machine (docs/architecture.md) and the permission that may take it: the
    app's transition tables in the store, so that PostgreSQL refuses a status jump made with raw
    SQL by the same rules (a test holds them equal to the app's)."""

    __tablename__ = "state_transition"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    from_state: Mapped[str] = mapped_column(String(20), primary_key=True)
    to_state: Mapped[str] = mapped_column(String(20), primary_key=True)
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)


class CustomerTier(Base):
    """A customer's current tier and since when: one row per customer, made by the database when
    the customer is (db.customer_tier), changed by tier evaluations and exceptions only.

    Apart from the customer's wide record so that an evaluation moving half a million customers
    rewrites small rows: on 1,000,000 customers the rewrite of the customer table and its
    write-back from SQLite's log took 6.1 s, this table's 1.2 s (migration 0019)."""

    __tablename__ = "customer_tier"

    id: Mapped[int] = mapped_column(ForeignKey("customer.id"), primary_key=True)
    tier: Mapped[str] = mapped_column(String(32), default=FIRST_TIER)   # not indexed: see below
    tier_since: Mapped[date | None] = mapped_column(Date)


class Customer(Base):
    """A real-name customer of a branch (the archive of docs/domain.md).

    ``name_pinyin`` and ``name_initials`` serve 张三 ← zhangsan / zs.

    The ID number and phone are never stored in clear (migration 0042): they are sealed in
    ``SealedValue``; ``id_number_index`` and ``phone_index`` are the keyed blind indexes of the
    whole values (app.crypto), ``CustomerTail`` those of their tails; ``id_masked`` and
    ``phone_masked`` are the masked forms lists show (``110***********1234``), so that a list
    needs no key. The indexes are written in the transaction that inserts the row (the sealed
    value is bound to the row's id, known only once it is inserted).
    """

    __tablename__ = "customer"
    __table_args__ = (
        Index("uq_customer_id_number_index", "id_number_index", "id_type", unique=True),  # the lookup leads
        Index("ix_customer_name", "name", postgresql_ops={"name": "text_pattern_ops"}),
        Index("ix_customer_name_pinyin", "name_pinyin", postgresql_ops={"name_pinyin": "text_pattern_ops"}),
        Index("ix_customer_name_initials", "name_initials", postgresql_ops={"name_initials": "text_pattern_ops"}),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cif_no: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    name_pinyin: Mapped[str] = mapped_column(String(300))
    name_initials: Mapped[str] = mapped_column(String(60))
    gender: Mapped[str] = mapped_column(String(8))
    id_type: Mapped[str] = mapped_column(String(24))
    id_masked: Mapped[str] = mapped_column(String(32))
    birthday: Mapped[date | None] = mapped_column(Date)
    phone_masked: Mapped[str] = mapped_column(String(24), default="")      # "" when there is none
    id_number_index: Mapped[bytes] = mapped_column(LargeBinary(16))
    phone_index: Mapped[bytes | None] = mapped_column(LargeBinary(16), index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(6), default="")
    employer: Mapped[str] = mapped_column(String(100), default="")
    department: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(String(60), default="")
    occupation: Mapped[str] = mapped_column(String(60), default="")
    important_dates: Mapped[str] = mapped_column(Text, default="[]")
    relatives: Mapped[str] = mapped_column(Text, default="[]")
    notes: Mapped[str] = mapped_column(Text, default="")
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))   # ix_customer_branch_contact
    relationship_manager_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"), index=True)
    last_contact_at: Mapped[datetime | None] = mapped_column(DateTime)  # latest contact record (care)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # read from the customer's tier row (CustomerTier), which writers change
    tier: Mapped[str] = column_property(
        select(CustomerTier.tier).where(CustomerTier.id == id).correlate_except(CustomerTier).scalar_subquery())
    tier_since: Mapped[date | None] = column_property(
        select(CustomerTier.tier_since).where(CustomerTier.id == id).correlate_except(CustomerTier).scalar_subquery())

    __mapper_args__ = {"version_id_col": version}


class CustomerTail(Base):
    """The blind index of one tail (last 4 to 8 digits) of a customer's ID number or phone
    (app.crypto.blind.tail_indexes): a clerk's typed tail finds the customer by equality."""

    __tablename__ = "customer_tail"

    digest: Mapped[bytes] = mapped_column(LargeBinary(16), primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), primary_key=True, index=True)
    field: Mapped[str] = mapped_column(String(16), default="")   # id_number or phone (migration 0042)


class SealedValue(Base):
    """One personal value (a customer's ID number or phone, a card's number) encrypted and bound
    to ``entity.field`` of row ``entity_id`` (app.crypto.cipher). On PostgreSQL staff may write
    but not read these rows: ``vipdesk_reveal`` hands one out to a login with the permission,
    in its subtree, and writes the audit event."""

    __tablename__ = "sealed_value"

    entity: Mapped[str] = mapped_column(String(24), primary_key=True)
    entity_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    field: Mapped[str] = mapped_column(String(24), primary_key=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class PiiKey(Base):
    """A data key of the personal-data encryption (app.crypto.keys), wrapped by the master key,
    which is never stored here; ``master_check`` tells which master key wrapped it."""

    __tablename__ = "pii_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    purpose: Mapped[str] = mapped_column(String(8))        # seal | index
    algorithm: Mapped[str] = mapped_column(String(16))
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    master_check: Mapped[bytes] = mapped_column(LargeBinary(8))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    wrapped_at: Mapped[datetime] = mapped_column(DateTime)


class AumMonth(Base):
    """One month's average daily AUM of one customer, from the core-banking extract (CNY)."""

    __tablename__ = "aum_month"

    # deferrable: the AUM import checks a copied chunk's customers in a statement of its own
    # (app.tiers.aum_import._write_postgresql)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", deferrable=True, initially="IMMEDIATE"),
                                             primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)  # yyyymm
    avg_daily_aum: Mapped[Decimal] = mapped_column(Money)


class AumImport(Base):
    """One imported AUM file: what, when, by whom; the file's hash tells a repeat import."""

    __tablename__ = "aum_import"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    rows_read: Mapped[int] = mapped_column(Integer)
    rows_changed: Mapped[int] = mapped_column(Integer)
    rows_skipped: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(64))


class TierPolicyVersion(Base):
    """A version of the tier policy (bands, names, card types), in force from a date."""

    __tablename__ = "tier_policy"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    effective_from: Mapped[date] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))


class TierEvaluation(Base):
    """One run of tier evaluation as of a month, tied to the policy version it used."""

    __tablename__ = "tier_evaluation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    as_of: Mapped[int] = mapped_column(Integer, index=True)  # yyyymm
    policy_version: Mapped[int] = mapped_column(Integer)
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    run_at: Mapped[datetime] = mapped_column(DateTime)
    run_by: Mapped[str] = mapped_column(String(64))
    counts: Mapped[str] = mapped_column(Text, default="{}")


class TierChange(Base):
    """A customer's tier moved: by which evaluation, from what to what, on what average.

    ``computed_tier`` is the band the average reached ('' without a figure; NULL for changes
    recorded before it was kept), which an exception may have overridden. ``first_card``: the
    move made the customer newly eligible for a first card, and this row is the customer's
    entry on the evaluation's first-card worklist (the change and the entry are one fact)."""

    __tablename__ = "tier_change"
    __table_args__ = (Index("ix_tier_change_evaluation_customer", "evaluation_id", "customer_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    evaluation_id: Mapped[int | None] = mapped_column(ForeignKey("tier_evaluation.id"))
    from_tier: Mapped[str] = mapped_column(String(32))
    to_tier: Mapped[str] = mapped_column(String(32))
    computed_tier: Mapped[str | None] = mapped_column(String(32))
    first_card: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    average: Mapped[Decimal | None] = mapped_column(Money)
    cause: Mapped[str] = mapped_column(String(24))
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class TierWorklistEntry(Base):
    """A customer a branch should act on after an evaluation: eligible for an upgrade, below
    standard, newly eligible for a first card. Most first-card entries are the evaluation's tier
    changes marked ``first_card``; here are those a re-run of the month keeps (the move was the
    earlier run's), and all of them for the evaluations before migration 0021."""

    __tablename__ = "tier_worklist"
    __table_args__ = (Index("ix_tier_worklist_evaluation_kind_customer", "evaluation_id", "kind", "customer_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("tier_evaluation.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    average: Mapped[Decimal | None] = mapped_column(Money)
    computed_tier: Mapped[str] = mapped_column(String(32))
    effective_tier: Mapped[str] = mapped_column(String(32))
    card_type_held: Mapped[str | None] = mapped_column(String(16))


class TierExceptionGrant(Base):
    """A tier granted above the AUM band by exception: proposed, then decided by another person."""

    __tablename__ = "tier_exception"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    tier: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(500))
    valid_until: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), index=True)  # proposed, approved, rejected, withdrawn
    proposed_by: Mapped[int] = mapped_column(ForeignKey("staff_account.id"))
    proposed_at: Mapped[datetime] = mapped_column(DateTime)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decision_comment: Mapped[str] = mapped_column(String(500), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


# ----------------------------------------------------------------------------- blank-card stock


class StockLocation(Base):
    """Where blank cards are kept: a branch's vault (金库) or one counter person's drawer (尾箱).

    ``key`` is ``vault:<branch id>`` or ``drawer:<account id>``: one of each, made on first use.
    """

    __tablename__ = "stock_location"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # vault, drawer
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class BlankCard(Base):
    """One blank card by serial: its card type, where it is and its state. ``move_id`` is the
    pending dual-control move that holds it (a card in a pending move moves for no one else)."""

    __tablename__ = "blank_card"
    __table_args__ = (Index("ix_blank_card_location_state", "location_id", "card_type", "state", "serial"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    serial: Mapped[str] = mapped_column(String(24), unique=True)
    card_type: Mapped[str] = mapped_column(String(16))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_location.id"))
    state: Mapped[str] = mapped_column(String(12))
    move_id: Mapped[int | None] = mapped_column(Integer, index=True)
    issued_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class StockMove(Base):
    """One stock action as the register shows it (receipt, transfer, issue, spoilage, return,
    destruction): who made it, who confirmed or witnessed it, how many, why."""

    __tablename__ = "stock_move"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(12), index=True)  # pending, done, rejected
    card_type: Mapped[str] = mapped_column(String(16))
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_location.id"))
    to_location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_location.id"))
    count: Mapped[int] = mapped_column(Integer)
    serials: Mapped[str] = mapped_column(Text, default="")  # runs, for the register
    business_date: Mapped[date] = mapped_column(Date, index=True)
    reason: Mapped[str] = mapped_column(String(300), default="")
    made_by: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    made_by_name: Mapped[str] = mapped_column(String(64))
    made_at: Mapped[datetime] = mapped_column(DateTime)
    checked_by: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    checked_by_name: Mapped[str] = mapped_column(String(64), default="")
    checked_at: Mapped[datetime | None] = mapped_column(DateTime)
    witness_name: Mapped[str] = mapped_column(String(64), default="")


class StockMovement(Base):
    """One serial moved by one stock move (the lines behind every register figure)."""

    __tablename__ = "stock_movement"
    __table_args__ = (Index("ix_stock_movement_day", "branch_id", "business_date"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    move_id: Mapped[int] = mapped_column(ForeignKey("stock_move.id"), index=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("blank_card.id"), index=True)
    serial: Mapped[str] = mapped_column(String(24))
    card_type: Mapped[str] = mapped_column(String(16))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    business_date: Mapped[date] = mapped_column(Date)
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_location.id"))
    to_location_id: Mapped[int] = mapped_column(ForeignKey("stock_location.id"))
    from_state: Mapped[str] = mapped_column(String(12))
    to_state: Mapped[str] = mapped_column(String(12))
    occurred_at: Mapped[datetime] = mapped_column(DateTime)


class StockDay(Base):
    """A signed-off day-end reconciliation of one location and card type; a signed day is
    closed to back-dated moves into that location."""

    __tablename__ = "stock_day"
    __table_args__ = (UniqueConstraint("location_id", "card_type", "business_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_location.id"))
    card_type: Mapped[str] = mapped_column(String(16))
    business_date: Mapped[date] = mapped_column(Date)
    opening: Mapped[int] = mapped_column(Integer)
    received: Mapped[int] = mapped_column(Integer)
    sent: Mapped[int] = mapped_column(Integer)
    closing: Mapped[int] = mapped_column(Integer)
    difference: Mapped[int] = mapped_column(Integer)
    explanation: Mapped[str] = mapped_column(String(500), default="")
    signed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    signed_by_name: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(DateTime)


class StockCount(Base):
    """A blind physical count (盘点) of one location and card type, with its witness."""

    __tablename__ = "stock_count"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_location.id"))
    card_type: Mapped[str] = mapped_column(String(16))
    counted_at: Mapped[datetime] = mapped_column(DateTime)
    counted_by: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    counted_by_name: Mapped[str] = mapped_column(String(64))
    witness_name: Mapped[str] = mapped_column(String(64))
    expected: Mapped[int] = mapped_column(Integer)
    counted: Mapped[int] = mapped_column(Integer)
    missing: Mapped[str] = mapped_column(Text, default="")
    unexpected: Mapped[str] = mapped_column(Text, default="")


class StockMinimum(Base):
    """The minimum stock of one card type a branch keeps; below it the app warns."""

    __tablename__ = "stock_minimum"
    __table_args__ = (UniqueConstraint("branch_id", "card_type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    card_type: Mapped[str] = mapped_column(String(16))
    minimum: Mapped[int] = mapped_column(Integer)


# ----------------------------------------------------------------------------- care and complaints


class ContactRecord(Base):
    """One contact with a customer (phone, visit, SMS, WeChat, e-mail, in branch): who, when,
    where, what was said, the customer's needs, and a follow-up date with its status."""

    __tablename__ = "contact_record"
    __table_args__ = (
        Index("ix_contact_record_customer_at", "customer_id", "contacted_at"),
        Index("ix_contact_record_staff_follow_up", "staff_id", "follow_up_status", "follow_up_on"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    staff_name: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(12))
    contacted_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    place: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    follow_up_status: Mapped[str] = mapped_column(String(8), default="none")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Complaint(Base):
    """A customer's complaint from acceptance to follow-up: level (1-3) and the deadline it
    sets, who handles it, investigation, resolution, escalation and the customer's satisfaction."""

    __tablename__ = "complaint"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)
    level: Mapped[int] = mapped_column(Integer)
    vip: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(16), index=True)
    accepted_by: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    accepted_by_name: Mapped[str] = mapped_column(String(64))
    accepted_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    deadline_at: Mapped[datetime] = mapped_column(DateTime)
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"), index=True)
    assigned_to_name: Mapped[str] = mapped_column(String(64), default="")
    investigation: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    escalated_at: Mapped[datetime | None] = mapped_column(DateTime)
    escalated_to_name: Mapped[str] = mapped_column(String(64), default="")
    satisfaction: Mapped[str] = mapped_column(String(16), default="")
    follow_up_note: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by_name: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class _CareFigure:
    """A figure of the care dashboard kept by the database (db.care_figures): a key's figure is
    the sum of its rows; ``slot`` is the writing statement on PostgreSQL (0 once folded, and
    always on SQLite)."""

    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    slot: Mapped[int] = mapped_column(BigInteger)
    count: Mapped[int] = mapped_column(Integer)


class CareTierCount(_CareFigure, Base):
    """Active customers by branch and tier."""

    __tablename__ = "care_tier_count"
    __table_args__ = (PrimaryKeyConstraint("branch_id", "tier", "slot"),)

    tier: Mapped[str] = mapped_column(String(32))


class CareContactCount(_CareFigure, Base):
    """Active customers by branch, tier and the UTC day (yyyymmdd) of their latest contact."""

    __tablename__ = "care_contact_count"
    __table_args__ = (PrimaryKeyConstraint("branch_id", "tier", "day", "slot"),)

    tier: Mapped[str] = mapped_column(String(32))
    day: Mapped[int] = mapped_column(Integer)


class CareMoveCount(_CareFigure, Base):
    """Tier changes by UTC month (yyyymm), the customer's branch now, and (from, to)."""

    __tablename__ = "care_move_count"
    __table_args__ = (PrimaryKeyConstraint("month", "branch_id", "from_tier", "to_tier", "slot"),)

    month: Mapped[int] = mapped_column(Integer)
    from_tier: Mapped[str] = mapped_column(String(32))
    to_tier: Mapped[str] = mapped_column(String(32))


class CareCancelCount(_CareFigure, Base):
    """VIP cards cancelled, by UTC month of the cancellation and the card's branch."""

    __tablename__ = "care_cancel_count"
    __table_args__ = (PrimaryKeyConstraint("month", "branch_id", "slot"),)

    month: Mapped[int] = mapped_column(Integer)


class CareComplaintCount(_CareFigure, Base):
    """Complaints by UTC month accepted, branch and VIP flag, with those answered by their deadline."""

    __tablename__ = "care_complaint_count"
    __table_args__ = (PrimaryKeyConstraint("month", "branch_id", "vip", "slot"),)

    month: Mapped[int] = mapped_column(Integer)
    vip: Mapped[bool] = mapped_column(Boolean)
    on_time: Mapped[int] = mapped_column(Integer)


# The care dashboard counts complaints still open past their deadline from this index alone.
Index("ix_complaint_open_deadline", Complaint.branch_id, Complaint.deadline_at,
      sqlite_where=text("resolved_at IS NULL"), postgresql_where=text("resolved_at IS NULL"))
# A branch's customers, and those it contacted within a time span (the care dashboard's cutoff
# day). No index holds the tier: the tier evaluation then rewrites a changed customer's tier row
# without touching any index (PostgreSQL's HOT update, on pages the fillfactor leaves room in,
# migrations 0017 and 0019); the counts by tier are the care figures'.
Index("ix_customer_branch_contact", Customer.branch_id, Customer.last_contact_at)


# ----------------------------------------------------------------------------- documents


class DocumentTemplate(Base):
    """One version of a document template's wording. Shipped versions are stored the first
    time a document uses them (so a reprint finds the exact wording later); an administrator's
    edit is a new version that overrides the shipped file from then on."""

    __tablename__ = "document_template"
    __table_args__ = (UniqueConstraint("key", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(8))  # shipped, edited
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))


class DocumentRecord(Base):
    """The document register: every PDF the app made, what it is, from which template version,
    when, by whom, the SHA-256 of the bytes handed out, and how often it was printed.

    ``number`` is what the QR code names (random, so a document can be rendered before it is
    registered). ``content`` keeps the data the document was made from (masked values only),
    so that a reprint shows the same text, marked as a copy (``copy_of``)."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    subject_ref: Mapped[str] = mapped_column(String(64), default="", index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    template_key: Mapped[str] = mapped_column(String(40))
    template_version: Mapped[int] = mapped_column(Integer)
    made_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    made_by: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    made_by_name: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer)
    items: Mapped[int] = mapped_column(Integer, default=1)
    printed: Mapped[int] = mapped_column(Integer, default=0)
    copy_of: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)
    content: Mapped[str] = mapped_column(Text)
    scan_sha256: Mapped[str] = mapped_column(String(64), default="")
    scan_name: Mapped[str] = mapped_column(String(255), default="")
    scan_attached_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


# ----------------------------------------------------------------------------- VIP cards


class CardApplication(Base):
    """A request for a VIP card (new, renewal, upgrade, downgrade, replace-lost,
    replace-damaged): entered by one person with the eligibility seen then, decided by another.

    At most one open (submitted or approved) application per customer: a partial unique index,
    so two PCs cannot both enter one.
    """

    __tablename__ = "card_application"
    __table_args__ = (
        Index("uq_card_application_open_customer", "customer_id", unique=True,
              sqlite_where=text("status IN ('submitted', 'approved')"),
              postgresql_where=text("status IN ('submitted', 'approved')")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    card_type: Mapped[str] = mapped_column(String(16))
    replaces_card_id: Mapped[int | None] = mapped_column(Integer)        # the card it replaces
    status: Mapped[str] = mapped_column(String(12), index=True)
    tier: Mapped[str] = mapped_column(String(32))                       # as on record when entered
    average: Mapped[Decimal | None] = mapped_column(Money)     # rolling quarterly AUM then
    exception_note: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    entered_by_name: Mapped[str] = mapped_column(String(64))
    entered_at: Mapped[datetime] = mapped_column(DateTime)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    decided_by_name: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decision_comment: Mapped[str] = mapped_column(String(500), default="")
    card_id: Mapped[int | None] = mapped_column(Integer)                # the card it was fulfilled by
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class VipCard(Base):
    """A VIP card issued to a customer: its number, the blank serial it was made from, its
    validity, its state and the card it replaces. At most one active card per customer (a
    partial unique index, so two PCs cannot both issue one); a card number is never reused.
    """

    __tablename__ = "vip_card"
    __table_args__ = (
        Index("uq_vip_card_active_customer", "customer_id", unique=True,
              sqlite_where=text("status = 'active'"), postgresql_where=text("status = 'active'")),
        Index("ix_vip_card_status_expires", "status", "expires_on"),
        Index("uq_vip_card_card_number_index", "card_number_index", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    card_type: Mapped[str] = mapped_column(String(16))
    card_masked: Mapped[str] = mapped_column(String(19))     # first 6 and last 4 shown (migration 0042)
    card_number_index: Mapped[bytes] = mapped_column(LargeBinary(16))   # blind index (app.crypto)
    blank_card_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("blank_card.id"), unique=True)
    serial: Mapped[str] = mapped_column(String(24))
    application_id: Mapped[int] = mapped_column(ForeignKey("card_application.id"), unique=True)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("vip_card.id"), unique=True)
    status: Mapped[str] = mapped_column(String(12))
    issued_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    issued_by_name: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_by_name: Mapped[str] = mapped_column(String(64), default="")
    ended_reason: Mapped[str] = mapped_column(String(300), default="")
    returned: Mapped[bool | None] = mapped_column(Boolean)              # handed back when replaced
    agreement_signed_on: Mapped[date | None] = mapped_column(Date)
    agreement_witness: Mapped[str] = mapped_column(String(64), default="")
    agreement_marked_by: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CardPaperwork(Base):
    """A document a card needs printed (service agreement, welcome / upgrade / downgrade /
    replacement / renewal-due letter): recorded by the card capability, printed by the
    documents capability, which marks it printed with the id of its document register row."""

    __tablename__ = "card_paperwork"
    __table_args__ = (UniqueConstraint("card_id", "kind"),
                      Index("ix_card_paperwork_branch_printed", "branch_id", "printed_count"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("vip_card.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    printed_count: Mapped[int] = mapped_column(Integer, default=0)
    last_printed_at: Mapped[datetime | None] = mapped_column(DateTime)
    document_id: Mapped[int | None] = mapped_column(Integer)


# ----------------------------------------------------------------------------- VIP counter queue


class QueueService(Base):
    """A service a branch hands out numbers for (VIP card services, wealth management...);
    ``prefix`` starts its ticket numbers (``V`` → V001, V002...)."""

    __tablename__ = "queue_service"
    __table_args__ = (UniqueConstraint("branch_id", "prefix"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    prefix: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class QueueCounter(Base):
    """A service window (柜台 / 窗口): the services it calls, whether it is open, who is signed
    in on which PC (one PC at a time) and when that PC was last heard from, and the ticket the
    lobby manager reserved for its next call."""

    __tablename__ = "queue_counter"
    __table_args__ = (UniqueConstraint("branch_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    number: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(60))
    service_ids: Mapped[str] = mapped_column(String(200), default="")  # "1,3": ids, comma-separated
    open: Mapped[bool] = mapped_column(Boolean, default=True)
    reserved_ticket_id: Mapped[int | None] = mapped_column(Integer)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    clerk_name: Mapped[str] = mapped_column(String(64), default="")
    pc: Mapped[str] = mapped_column(String(80), default="")
    signed_in_at: Mapped[datetime | None] = mapped_column(DateTime)
    seen_at: Mapped[datetime | None] = mapped_column(DateTime)


class QueueCounterSession(Base):
    """One stretch of a person signed in at a counter (for idle time in the statistics)."""

    __tablename__ = "queue_counter_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("queue_counter.id"), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    clerk_name: Mapped[str] = mapped_column(String(64))
    pc: Mapped[str] = mapped_column(String(80))
    started_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)


class QueuePolicy(Base):
    """A branch's calling policy (strict or interleaved, ratios, maximum waits...) as JSON."""

    __tablename__ = "queue_policy"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), unique=True)
    value: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class QueueNumber(Base):
    """The last number handed out per branch, service and business day (numbering restarts
    each day); the row lock on it is what keeps two tickets from getting one number."""

    __tablename__ = "queue_number"
    __table_args__ = (UniqueConstraint("branch_id", "service_id", "business_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("queue_service.id"))
    business_date: Mapped[date] = mapped_column(Date)
    last: Mapped[int] = mapped_column(Integer)


_OPEN_TICKET = "state IN ('waiting', 'called', 'serving')"
_AT_COUNTER = "state IN ('called', 'serving')"


class QueueTicket(Base):
    """One queue ticket (排队号). ``queued_at`` is its place in the queue (arrival, kept across
    a re-queue), ``deadline_at`` when its tier's maximum wait runs out, ``priority`` the rank
    the calling order uses (from the tier, changed by the lobby manager). A transfer closes the
    ticket as transferred and opens a new one with the same number (``origin_id`` links them).
    Its wait runs from ``queued_at`` (or, for a reactivated no-show, ``wait_from``) to
    ``first_called_at``."""

    __tablename__ = "queue_ticket"
    __table_args__ = (
        Index("ix_queue_ticket_waiting", "branch_id", "business_date", "state", "service_id"),
        # the open tickets by day (the day rollover's probe) and those at a counter (its held
        # ticket): every call looks these up, and neither grows with the queue's history
        Index("ix_queue_ticket_open", "branch_id", "business_date",
              postgresql_where=text(_OPEN_TICKET), sqlite_where=text(_OPEN_TICKET)),
        Index("ix_queue_ticket_at_counter", "counter_id",
              postgresql_where=text(_AT_COUNTER), sqlite_where=text(_AT_COUNTER)),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("queue_service.id"))
    business_date: Mapped[date] = mapped_column(Date, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(8))
    origin_id: Mapped[int | None] = mapped_column(Integer, index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"), index=True)
    customer_label: Mapped[str] = mapped_column(String(60), default="")
    tier: Mapped[str] = mapped_column(String(32))
    priority: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12))
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    issued_by_name: Mapped[str] = mapped_column(String(64))
    queued_at: Mapped[datetime] = mapped_column(DateTime)
    deadline_at: Mapped[datetime] = mapped_column(DateTime)
    front: Mapped[bool] = mapped_column(Boolean, default=False)
    target_counter_id: Mapped[int | None] = mapped_column(ForeignKey("queue_counter.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("queue_counter.id"), index=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    clerk_name: Mapped[str] = mapped_column(String(64), default="")
    first_called_at: Mapped[datetime | None] = mapped_column(DateTime)  # first call of this wait
    called_at: Mapped[datetime | None] = mapped_column(DateTime)        # the latest call or recall
    wait_from: Mapped[datetime | None] = mapped_column(DateTime)        # a reactivated no-show: its last call
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    transferred_to_id: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(200), default="")


# ----------------------------------------------------------------------------- unknown outcomes


class CommandKey(Base):
    """The idempotency key of a command that creates something (a ticket, a card issue, a stock
    move, a document, a complaint): made on the PC, written in the command's own transaction.
    When the connection is lost at the commit, the PC asks the store (the new primary after a
    failover) for the key: there, the command committed; absent, it did not, and the PC writes
    the key itself as ``lost`` so that the lost transaction can never commit later.
    ``account_id`` is the signed-in person (on PostgreSQL the login's, set by the store)."""

    __tablename__ = "command_key"

    key: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"), index=True)
    lost: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class VisitArrival(Base):
    """A VIP's arrival told to their relationship manager (到店提醒): made with the ticket of a
    customer who has one; ``escalate_at`` is when, still unreceived, the branch manager is told
    too; ``received_*`` the one who came to receive them (我来接待), ``contact_id`` the contact
    record that receiving wrote into the customer's care history."""

    __tablename__ = "visit_arrival"
    __table_args__ = (Index("ix_visit_arrival_open", "branch_id", "received_at", "escalate_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("queue_ticket.id"), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("staff_account.id"), index=True)
    announced_at: Mapped[datetime] = mapped_column(DateTime)
    escalate_at: Mapped[datetime] = mapped_column(DateTime)
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    received_by_name: Mapped[str] = mapped_column(String(64), default="")
    contact_id: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                                   ForeignKey("contact_record.id"))


class VisitAppointment(Base):
    """An appointment (预约): a customer booked for a day, a time window (local "HH:MM") and a
    service, with a note; booked → checked_in (its ticket) | no_show | cancelled."""

    __tablename__ = "visit_appointment"
    __table_args__ = (Index("ix_visit_appointment_day", "branch_id", "day", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("queue_service.id"))
    day: Mapped[date] = mapped_column(Date)
    starts: Mapped[str] = mapped_column(String(5))
    ends: Mapped[str] = mapped_column(String(5))
    note: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(12))
    booked_at: Mapped[datetime] = mapped_column(DateTime)
    booked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_account.id"))
    booked_by_name: Mapped[str] = mapped_column(String(64))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("queue_ticket.id"))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)


# What a service rating's row holds (migration 0041 writes the same CHECKs): 4 非常满意, 3 满意,
# 2 一般, 1 不满意; a reason with 不满意 and only with it.
RATING_SCORE_CHECK = "score BETWEEN 1 AND 4"
RATING_REASON_CHECK = ("(score = 1 AND reason IS NOT NULL AND length(trim(reason)) > 0)"
                       " OR (score > 1 AND reason IS NULL)")


class ServiceRating(Base):
    """The customer's rating of one finished ticket (评价器), given on the counter's customer
    window: per ticket (one at most), the clerk who served and the counter; ``score`` 4 = 非常满意
    … 1 = 不满意, ``reason`` (required with 不满意, absent otherwise); ``complaint_id`` the
    complaint the clerk opened from an 不满意. A finished ticket without a row was not rated
    (the window timed out untouched)."""

    __tablename__ = "service_rating"
    __table_args__ = (
        CheckConstraint(RATING_SCORE_CHECK, name="score"),
        CheckConstraint(RATING_REASON_CHECK, name="reason"),
        Index("ix_service_rating_clerk", "clerk_id", "rated_at"),
        Index("ix_service_rating_counter", "counter_id", "rated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("queue_ticket.id"), unique=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("queue_counter.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("staff_account.id"))
    score: Mapped[int] = mapped_column(SmallInteger)
    reason: Mapped[str | None] = mapped_column(Text)
    rated_at: Mapped[datetime] = mapped_column(DateTime)
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id"))
