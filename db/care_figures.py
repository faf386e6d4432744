"""The care dashboard's figures, kept exact by the database in the transaction of every change.

Each figure table holds counts by key (branch, tier, month ...); a key's figure is the sum of its
rows. Every insert, update or delete of a source row (customer, customer_tier, tier_change,
vip_card, complaint) subtracts the row's old contribution and adds its new one, by triggers on
both engines, so every writer keeps the figures without knowing of them: the services, the
imports, the tier evaluation's bulk SQL, the demo builders, a psql session. One writer knows,
for speed: SQLite's tier evaluation sets the row triggers aside and applies the same definitions
a set at a time (:func:`sqlite_in_bulk`).

Why triggers and not the services: the figures must equal a recount whatever wrote the rows, and
several writers are plain SQL. Why slots: on PostgreSQL a row lock lasts until commit, so one
counter row per (branch, tier) would make every writer of a branch wait for the one before to
commit (a tier evaluation holding it for seconds). Instead each writing statement adds rows of
its own (``slot`` from the sequence ``care_figure_slot``): writers never wait for each other
here. Not one row per transaction, updated by each of its statements: every update leaves a
row version the index check of the next one walks past until commit, so a transaction of a
thousand statements (a demo build, an import) went quadratic.
``care_fold_figures()`` folds the slots of committed transactions into slot 0 in one statement
(rows of transactions still running are invisible to it and stay). SQLite has one writer at a
time, so there the slot is always 0 and nothing needs folding.

Also here: the from-scratch recount (:func:`recount_query`), which the rebuild uses and the
consistency tests compare with the kept figures. The triggers themselves are what the
migrations installed, from their own frozen copy of these definitions
(db/migrations/frozen/care_figures_r0015.py, ``FIGURES_0019``): a change to :data:`FIGURES`
needs a revision that installs the triggers again from a frozen module of its own, or the kept
figures part from the recount (tests/db/test_care_figures.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.engine import Connection

Parts = Callable[[str, "Dialect", str], tuple[str, ...]]


# The figures count by the branches' calendar: Beijing time, UTC+8 all year (mainland China has
# kept no daylight saving since 1991); app.business_day's zone, which a test holds this to. The
# database works with a fixed offset because SQLite knows no named zones.
BUSINESS_UTC_OFFSET_HOURS = 8


class Dialect:
    """The few SQL expressions that differ between the engines; months and days on the
    figures' calendar (:data:`BUSINESS_UTC_OFFSET_HOURS`)."""

    def __init__(self, name: str):
        self.pg = name == "postgresql"

    def _local(self, column: str) -> str:
        hours = BUSINESS_UTC_OFFSET_HOURS
        return f"{column} + interval '{hours} hours'" if self.pg else f"{column}, '+{hours} hours'"

    def month(self, column: str) -> str:
        """yyyymm of a naive UTC timestamp, on the figures' calendar."""
        if self.pg:
            return f"CAST(to_char({self._local(column)}, 'YYYYMM') AS integer)"
        return f"CAST(strftime('%Y%m', {self._local(column)}) AS INTEGER)"

    def day(self, column: str) -> str:
        """yyyymmdd of a naive UTC timestamp, on the figures' calendar."""
        if self.pg:
            return f"CAST(to_char({self._local(column)}, 'YYYYMMDD') AS integer)"
        return f"CAST(strftime('%Y%m%d', {self._local(column)}) AS INTEGER)"

    @property
    def slot(self) -> str:
        """The writing statement's slot: the trigger function's variable on PostgreSQL."""
        return "statement_slot" if self.pg else "0"


@dataclass(frozen=True)
class Source:
    """How rows of ``table`` contribute to a figure: per row (its alias, the dialect and the
    alias of the row of ``join`` looked into are given to ``keys`` etc.), the figure's key and
    measures when ``where`` holds."""

    table: str
    watched: tuple[str, ...]        # the columns whose change moves the contribution
    keys: Parts
    measures: Parts
    where: Callable[[str, Dialect, str], str]
    join: str = ""                  # a table to look into (the where says which row)
    on_insert: bool = True          # a new row can contribute (false: only its later updates)


@dataclass(frozen=True)
class Figure:
    table: str
    keys: tuple[str, ...]
    measures: tuple[str, ...]
    sources: tuple[Source, ...]     # the first one alone gives the recount


def _one(r: str, d: Dialect, j: str) -> tuple[str, ...]:
    return ("1",)


def _cancelled_where(r: str, d: Dialect, j: str) -> str:
    return f"{r}.status = 'cancelled' AND {r}.ended_at IS NOT NULL"   # app.cards.rules.CANCELLED


# active customers by branch and tier (every tier: the policy decides which are VIP): a tier
# row moves the figure by its customer's branch, a customer by its tier row's tier (a new
# customer counts once its tier row is made, db.customer_tier)
_TIER_COUNT = Figure("care_tier_count", ("branch_id", "tier"), ("count",), (
    Source("customer_tier", ("tier",), lambda r, d, j: (f"{j}.branch_id", f"{r}.tier"), _one,
           lambda r, d, j: f"{j}.id = {r}.id AND {j}.active", join="customer"),
    Source("customer", ("branch_id", "active"), lambda r, d, j: (f"{r}.branch_id", f"{j}.tier"), _one,
           lambda r, d, j: f"{j}.id = {r}.id AND {r}.active", join="customer_tier", on_insert=False)))
# active customers by branch, tier and day of their latest contact (contact-plan compliance)
_CONTACT_COUNT = Figure("care_contact_count", ("branch_id", "tier", "day"), ("count",), (
    Source("customer_tier", ("tier",), lambda r, d, j: (f"{j}.branch_id", f"{r}.tier", d.day(f"{j}.last_contact_at")),
           _one, lambda r, d, j: f"{j}.id = {r}.id AND {j}.active AND {j}.last_contact_at IS NOT NULL",
           join="customer"),
    Source("customer", ("branch_id", "active", "last_contact_at"),
           lambda r, d, j: (f"{r}.branch_id", f"{j}.tier", d.day(f"{r}.last_contact_at")), _one,
           lambda r, d, j: f"{j}.id = {r}.id AND {r}.active AND {r}.last_contact_at IS NOT NULL",
           join="customer_tier", on_insert=False)))
# tier changes by month, the customer's branch now, and (from, to): they move with a transfer
_MOVE_COUNT = Figure("care_move_count", ("month", "branch_id", "from_tier", "to_tier"), ("count",), (
    Source("tier_change", ("customer_id", "from_tier", "to_tier", "changed_at"),
           lambda r, d, j: (d.month(f"{r}.changed_at"), f"{j}.branch_id", f"{r}.from_tier", f"{r}.to_tier"),
           _one, lambda r, d, j: f"{j}.id = {r}.customer_id", join="customer"),
    Source("customer", ("branch_id",),
           lambda r, d, j: (d.month(f"{j}.changed_at"), f"{r}.branch_id", f"{j}.from_tier", f"{j}.to_tier"),
           _one, lambda r, d, j: f"{j}.customer_id = {r}.id", join="tier_change", on_insert=False)))
# VIP cards cancelled, by month of the cancellation and the card's branch (churn)
_CANCEL_COUNT = Figure("care_cancel_count", ("month", "branch_id"), ("count",), (
    Source("vip_card", ("status", "ended_at", "branch_id"),
           lambda r, d, j: (d.month(f"{r}.ended_at"), f"{r}.branch_id"), _one, _cancelled_where),))
# complaints by month accepted, branch and VIP flag, and those answered by their deadline
_COMPLAINT_COUNT = Figure("care_complaint_count", ("month", "branch_id", "vip"), ("count", "on_time"), (
    Source("complaint", ("accepted_at", "branch_id", "vip", "resolved_at", "deadline_at"),
           lambda r, d, j: (d.month(f"{r}.accepted_at"), f"{r}.branch_id", f"{r}.vip"),
           lambda r, d, j: ("1", f"CASE WHEN {r}.resolved_at IS NOT NULL AND {r}.resolved_at <= {r}.deadline_at "
                                 "THEN 1 ELSE 0 END"),
           lambda r, d, j: "1 = 1"),))

FIGURES: tuple[Figure, ...] = (_TIER_COUNT, _CONTACT_COUNT, _MOVE_COUNT, _CANCEL_COUNT, _COMPLAINT_COUNT)


def _side(source: Source, row: str, rows_from: str, sign: str, d: Dialect, carried: bool = False,
          weight: str = "") -> str:
    """One side of a change: the contribution of ``row`` (read from ``rows_from``), signed; the
    source's joined table is looked into, unless ``row`` ``carried`` its columns along. With a
    ``weight`` column, each row stands for that many like rows."""
    joined = row if carried or not source.join else "j"
    times = f" * {row}.{weight}" if weight else ""
    columns = [f"{k} AS k{i}" for i, k in enumerate(source.keys(row, d, joined))]
    columns += [f"{sign}({m}){times} AS m{i}" for i, m in enumerate(source.measures(row, d, joined))]
    tables = [t for t in (rows_from, "" if joined == row else f"{source.join} j") if t]
    return (f"SELECT {', '.join(columns)}" + (f" FROM {', '.join(tables)}" if tables else "")
            + f" WHERE {source.where(row, d, joined)}")


def _add(figure: Figure, sides: list[str], slot: str) -> str:
    """Add the summed sides into the figure's rows of ``slot`` (keys whose sum is zero skipped)."""
    ks = ", ".join(f"k{i}" for i in range(len(figure.keys)))
    sums = ", ".join(f"sum(m{i})" for i in range(len(figure.measures)))
    nonzero = " OR ".join(f"sum(m{i}) <> 0" for i in range(len(figure.measures)))
    key_cols = ", ".join(figure.keys)
    updates = ", ".join(f"{m} = {figure.table}.{m} + excluded.{m}" for m in figure.measures)
    return (f"INSERT INTO {figure.table} ({key_cols}, slot, {', '.join(figure.measures)}) "
            f"SELECT {ks}, {slot}, {sums} FROM ({' UNION ALL '.join(sides)}) AS s GROUP BY {ks} HAVING {nonzero} "
            f"ON CONFLICT ({key_cols}, slot) DO UPDATE SET {updates}")


def recount_query(figure: Figure, d: Dialect) -> str:
    """The figure from scratch: ``k0.., m0..`` by key, zero keys left out."""
    source = figure.sources[0]
    ks = ", ".join(f"k{i}" for i in range(len(figure.keys)))
    sums = ", ".join(f"sum(m{i}) AS m{i}" for i in range(len(figure.measures)))
    nonzero = " OR ".join(f"sum(m{i}) <> 0" for i in range(len(figure.measures)))
    return (f"SELECT {ks}, {sums} FROM ({_side(source, 'r', f'{source.table} r', '', d)}) AS s "
            f"GROUP BY {ks} HAVING {nonzero}")


def kept_query(figure: Figure) -> str:
    """The kept figure in the recount's shape (slots summed)."""
    ks = ", ".join(f"{k} AS k{i}" for i, k in enumerate(figure.keys))
    sums = ", ".join(f"sum({m}) AS m{i}" for i, m in enumerate(figure.measures))
    nonzero = " OR ".join(f"sum({m}) <> 0" for m in figure.measures)
    return f"SELECT {ks}, {sums} FROM {figure.table} GROUP BY {', '.join(figure.keys)} HAVING {nonzero}"


# ------------------------------------------------------------------------------- SQLite

def _insert_trigger(table: str) -> str:
    return f"care_figures_{table}_insert"


def _update_trigger(figure: Figure, table: str) -> str:
    return f"{figure.table}_{table}_update"


@dataclass(frozen=True)
class BulkWrite:
    """A set-based write to ``table``, for :func:`sqlite_in_bulk`: its rows before (``old``) and
    after (``new``) as SQL relations of the table's columns (none for an insert's ``old``), and
    the ``columns`` an update sets. When the relations also carry the columns of the row each
    row's figures look into (``carries``: that table), they are read from there. When they are
    grouped by every column the figures read, ``weight`` names their column of how many rows
    each stands for (half a million tier changes are a few hundred groups to add up)."""

    table: str
    old: str | None
    new: str
    columns: tuple[str, ...] = ()
    carries: str = ""
    weight: str = ""

    def sources(self) -> list[tuple[Figure, Source]]:
        """The figure sources whose row triggers the write would fire."""
        return [(f, s) for f in FIGURES for s in f.sources if s.table == self.table
                and (set(s.watched) & set(self.columns) if self.old is not None else s.on_insert)]

    def triggers(self) -> list[str]:
        if self.old is None:
            return [_insert_trigger(self.table)]
        return [_update_trigger(f, self.table) for f, _s in self.sources()]

    def statements(self) -> list[str]:
        """The figures' change, one statement per figure: the new rows added and the old ones
        subtracted (rows that did not move a figure cancel out)."""
        d = Dialect("sqlite")
        return [_add(f, [_side(s, "r", f"({self.new}) r", "", d, s.join == self.carries, self.weight)]
                     + ([_side(s, "r", f"({self.old}) r", "-", d, s.join == self.carries, self.weight)]
                        if self.old is not None else []), d.slot)
                for f, s in self.sources()]


@contextmanager
def sqlite_in_bulk(connection: Connection, writes: list[BulkWrite]) -> Iterator[None]:
    """For the length of the block, in the caller's transaction on SQLite, drop the row triggers
    that ``writes`` would fire: the block runs the writes and, after each, its
    :meth:`BulkWrite.statements`, which change the figures a set at a time (an evaluation
    changing half a million customers: about 1 s against 2.4 s row by row). The triggers come
    back from their stored definitions at the end; after an error the transaction's rollback
    brings them back. SQLite has one writer: nobody else writes while they are away."""
    names = [name for write in writes for name in write.triggers()]
    marks = ", ".join("?" * len(names))
    stored = connection.exec_driver_sql(
        f"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})", tuple(names)).scalars().all()
    if len(stored) != len(names):
        raise RuntimeError(f"the store lacks some of the figure triggers {names}")
    for name in names:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    for sql in stored:
        connection.exec_driver_sql(sql)


# ------------------------------------------------------------------------------ the rebuild

def rebuild(bind: Connection) -> None:
    """Recount every figure from scratch into slot 0 (for a store whose figures predate the
    triggers): on PostgreSQL by the function the migrations installed, which holds off writers
    while it recounts; on SQLite (one writer) by the recount of :data:`FIGURES`."""
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("SELECT care_rebuild_figures()")
        return
    d = Dialect("sqlite")
    for figure in FIGURES:
        key_cols = ", ".join(figure.keys)
        ks = ", ".join(f"k{i}" for i in range(len(figure.keys)))
        ms = ", ".join(f"m{i}" for i in range(len(figure.measures)))
        bind.exec_driver_sql(f"DELETE FROM {figure.table}")
        bind.exec_driver_sql(f"INSERT INTO {figure.table} ({key_cols}, slot, {', '.join(figure.measures)}) "
                             f"SELECT {ks}, 0, {ms} FROM ({recount_query(figure, d)}) AS recount")


def fold(bind: Connection) -> None:
    """Fold committed transactions' slots into slot 0 (PostgreSQL; nothing to do on SQLite)."""
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("SELECT care_fold_figures()")
