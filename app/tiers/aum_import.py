"""The monthly AUM extract from core banking: ``cif_no, month, avg_daily_aum``.

Every line is checked first (CIF known and in the importer's scope, month, amount, no
duplicate CIF + month within the file); a bad line is reported by its number and reason. The
import is all or nothing unless the user asks to skip bad lines. Only values that differ from
what the store holds are written, so importing the same file twice changes nothing.

Built for a million customers (tests/bench/test_aum_import.py): the CIF map is one query; the
usual extract is checked a chunk of lines at a time (one pattern match, then one split at the
commas; no CSV parsing per line), column by column, each chunk written while a thread checks the
next and encodes it for the engine, with the line-by-line reading (which reports each bad line) only when
some line needs it (what was written is rolled back first); the writes go in ONE transaction as
large set-based statements, rows of months the store has no value of yet inserted, the others
upserted where the value differs (SQLite: ``INSERT ... SELECT FROM json_each``; PostgreSQL:
``COPY`` where row-level security does not apply, else ``INSERT ... SELECT FROM
unnest(arrays)``), the statements' own row counts telling what changed. No ORM object per row.
One audit event per import.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import itertools
import re
from array import array
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from functools import partial
from datetime import date
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.auth.names import names_of, person
from app.auth.permissions import Permission, require
from app.csvio import (
    FILE, MAX_FIELD_CHARS, Column, ImportRefused, LineProblem, decode, map_header, problem_from, read_file,
)
from app.customers.rules import CIF_NUMBER, clean_cif, parse_amount
from app.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from db.arrays import number_array
from db.session_limits import allow_long_job
from db.turns import take_turn
from db.models import AumImport, AumMonth
from app.actor import Actor
from app.store import Store

MONTH = QT_TRANSLATE_NOOP("fields", "Month")
AVG_DAILY_AUM = QT_TRANSLATE_NOOP("fields", "Average daily AUM")

COLUMNS = (
    Column("cif_no", True, ("cif", "cif no", "cif number", "客户号", "客户编号", "客户号码")),
    Column("month", True, ("月份", "统计月份", "数据月份", "年月")),
    Column("avg_daily_aum", True, ("avg daily aum", "aum", "月日均资产", "日均AUM", "月日均AUM",
                                   "日均资产", "月日均金融资产")),
)
BATCH = 200_000        # rows per statement
PLAIN_CHUNK = 4_000_000  # characters per column-wise check (about 100,000 lines)
PROGRESS_EVERY = 20_000
MAX_REPORTED = 1000  # problems kept for the report (all are counted)

_MONTH = re.compile(r"(\d{4})(?:[-/.](\d{1,2})|(\d{2})|年(\d{1,2})月?)", re.ASCII)
# The accepted average daily AUM: 0 to 999,999,999,999,999.99 CNY (15 digits before the point,
# what parse_amount reads). Every amount is stored exactly on both engines (db.money: NUMERIC on
# PostgreSQL, integer cents on SQLite), and the evaluation's quarter sums of cents times days
# (at most 92 days x 99,999,999,999,999,999 cents) stay inside a 64-bit integer.
MAX_AUM_INTEGER_DIGITS = 15
MAX_AUM_CENTS = 10 ** (MAX_AUM_INTEGER_DIGITS + 2) - 1
_PLAIN_AMOUNT = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,2})?")
# a plain amount: ASCII digits only (\\d would let other scripts' digits through); possessive,
# so that a chunk of 100,000 lines matches without backtracking bookkeeping
_PLAIN_AMOUNT_FIELD = r"[0-9]{1,15}+(?:\.[0-9]{1,2}+)?+"
_PLAIN_CIF = re.compile(r"[A-Z0-9]{6,32}")

Progress = Callable[[int, int], bool]


@dataclass
class AumImportResult:
    file_name: str
    sha256: str
    rows_read: int                 # data lines read (good and bad)
    rows_changed: int              # (customer, month) values inserted or changed
    rows_unchanged: int            # good lines whose value the store already had
    rows_skipped: int              # bad lines left out (only with skip_bad)
    months: list[int] = field(default_factory=list)   # yyyymm present in the file
    problems: list[LineProblem] = field(default_factory=list)
    seen_before: bool = False      # a file with the same content was imported earlier


def parse_month(raw: str, *, today: date | None = None) -> int:
    """``2026-03``, ``202603``, ``2026/03`` (also ``2026-3``, ``2026年3月``) as yyyymm; a month
    after the current one is refused."""
    value = (raw or "").strip().translate(_FULLWIDTH)
    match = _MONTH.fullmatch(value)
    if not match:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a month like 2026-03, 202603 or 2026/03"),
                              field=MONTH)
    year = int(match.group(1))
    month = int(match.group(2) or match.group(3) or match.group(4))
    if not 1 <= month <= 12 or year < 1990:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is not a valid month"),
                              field=MONTH, value=value)
    if today is not None and (year, month) > (today.year, today.month):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is in the future"),
                              field=MONTH, value=value)
    return year * 100 + month


_FULLWIDTH = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")} | {
    ord("－"): ord("-"), ord("／"): ord("/")}


def _cents(raw: str) -> int:
    """The amount in whole cents (exact): plain digits on a fast path, else ``parse_amount``."""
    value = raw.strip()
    if _PLAIN_AMOUNT.fullmatch(value):
        whole, _, frac = value.partition(".")
        return int(whole) * 100 + int(frac.ljust(2, "0") or 0)
    cents = int(parse_amount(raw, field=AVG_DAILY_AUM) * 100)
    if cents > MAX_AUM_CENTS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is larger than the largest accepted, {max}"),
                              field=AVG_DAILY_AUM, max=f"{MAX_AUM_CENTS // 100:,}.{MAX_AUM_CENTS % 100:02d}")
    return cents


def _text(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _cif(raw: str) -> str:
    value = raw.strip().upper()
    if _PLAIN_CIF.fullmatch(value):
        return value
    return clean_cif(raw)


def _raw(session, sql: str, params: tuple) -> list[tuple]:
    """Rows straight from the driver (no per-value conversion): for the big reads."""
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        cursor.execute(sql if session.bind.dialect.name == "sqlite" else sql.replace("?", "%s"), params)
        return cursor.fetchall()
    finally:
        cursor.close()


def _customer_ids(session, actor: Actor) -> dict[str, str]:
    """CIF number -> customer id, as the decimal text the writes send, for the customers in the
    actor's scope: one string aggregated by the database and split here (a million rows read
    as tuples took twice as long). CIF numbers are letters and digits (no comma)."""
    concat = "group_concat" if session.bind.dialect.name == "sqlite" else "string_agg"
    scope = ("" if actor.branch_path == "/" else
             "JOIN branch b ON b.id = c.branch_id WHERE b.path LIKE ?")
    params = () if actor.branch_path == "/" else (actor.branch_path + "%",)
    [(joined,)] = _raw(session, f"SELECT {concat}(c.cif_no || ',' || c.id, ',') FROM customer c {scope}", params)
    parts = joined.split(",") if joined else []
    return dict(zip(parts[::2], parts[1::2]))


def _reader(text: str):
    """A CSV reader positioned after the header, the positions of (cif, month, amount), and the
    header's width: the shared reader's rules (header aliases)."""
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is empty"), field=FILE) from None
    except csv.Error as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "line {line}: {reason}"), field=FILE,
                              line=1, reason=str(exc)) from None
    positions = {key: index for index, key in map_header(header, COLUMNS).items()}
    return reader, (positions["cif_no"], positions["month"], positions["avg_daily_aum"]), len(header)


def _lines(text: str) -> Iterator[tuple[int, list[str] | tuple[int, int]]]:
    """The extract's data lines as (line number, [cif, month, amount]) or, for a line with the
    wrong number of fields, (line number, (fields found, fields in the header)), skipping
    blank lines: the shared reader's rules without building a dict per line."""
    reader, order, width = _reader(text)
    while True:
        start = reader.line_num + 1   # a quoted field may run over lines: the record's first
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "line {line}: {reason}"), field=FILE,
                                  line=start, reason=str(exc)) from None
        if len(fields) == width:
            picked = [fields[i] for i in order]
            if picked[0].strip() or picked[1].strip() or picked[2].strip() or any(f.strip() for f in fields):
                yield start, picked
        elif any(f.strip() for f in fields):
            yield start, (len(fields), width)


@dataclass
class _Rows:
    """The extract's good lines as columns, ready to write: customer ids (decimal text), months
    (yyyymm) and amounts as plain numeric text (digits, at most one dot and 2 decimals); and,
    once encoded, the texts the engine's writer sends for them (see :func:`_read_ahead`)."""

    customers: list[str] = field(default_factory=list)
    months: array = field(default_factory=lambda: array("i"))
    amounts: list[str] = field(default_factory=list)
    read: int = 0
    bad: int = 0
    problems: list[LineProblem] = field(default_factory=list)
    encoded: list[str] | None = None

    def __len__(self) -> int:
        return len(self.customers)

    def split(self, stored: set[int]) -> list[tuple[_Rows, bool]]:
        """The rows of months the store has no value of yet (plain inserts), and those of
        months it has (upserts), each with whether it is the latter; empty parts left out."""
        if not stored or stored.issuperset(self.months):
            return [(self, bool(stored))] if len(self) else []
        parts = []
        for upsert in (False, True):
            keep = [(m in stored) is upsert for m in self.months]
            part = _Rows(list(itertools.compress(self.customers, keep)),
                         array("i", itertools.compress(self.months, keep)),
                         list(itertools.compress(self.amounts, keep)))
            if len(part):
                parts.append((part, upsert))
        return parts


@contextmanager
def _gc_paused():
    """No cyclic garbage collection while millions of lines are read: the rows kept alive
    would make each collection walk them all (two thirds of the reading time); reference
    counting still frees everything, and collection resumes after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _NotPlain(Exception):
    """A line the plain reading does not vouch for: read the file line by line instead."""


def _plain_lines(width: int, amount_at: int) -> re.Pattern:
    """Lines of ``width`` fields, the amount's plain (``123``, ``123.4``, ``123.45``), no field
    quoted or holding a carriage return, no blank line: what a split at commas reads right."""
    field_ = r"[^,\n\r\"]*+"
    line = ",".join(_PLAIN_AMOUNT_FIELD if i == amount_at else field_ for i in range(width))
    return re.compile(f"(?:{line}\n)*+{line}")


def _plain(text: str, ids: dict[str, str], today: date) -> Iterator[_Rows]:
    """The usual extract read a chunk at a time, column-wise, each chunk's rows yielded: lines
    that :func:`_plain_lines` vouches for (one pattern match per chunk, then one split at the
    commas), every CIF exactly as stored, months that parse, no CIF twice in a month (across
    the whole file). Anything else raises :class:`_NotPlain`, and :func:`_careful` reads the
    file again to report each line."""
    body = text.find("\n") + 1
    header = text[:body].rstrip("\r\n")
    if not body or '"' in header:
        raise _NotPlain
    try:
        positions = {key: index for index, key in map_header(header.split(","), COLUMNS).items()}
    except ValidationError:
        raise _NotPlain from None
    order = (positions["cif_no"], positions["month"], positions["avg_daily_aum"])
    width = header.count(",") + 1
    lines = _plain_lines(width, order[2])
    month_of: dict[str, int] = {}
    seen: dict[int, set[str]] = {}   # month -> customer ids (the ids' own str objects)
    start = body
    while start < len(text):
        cut = text.find("\n", start + PLAIN_CHUNK)
        cut = len(text) if cut < 0 else cut + 1
        chunk = text[start:cut]
        start = cut
        if "\r" in chunk:
            chunk = chunk.replace("\r\n", "\n")
        chunk = chunk.rstrip("\n")   # blank lines at a chunk's end: skipped, as the reader does
        if not chunk:
            continue
        if not lines.fullmatch(chunk):
            raise _NotPlain
        fields = chunk.replace("\n", ",").split(",")
        cifs, raw_months, amounts = (fields[i::width] for i in order)
        try:
            customers = list(map(ids.__getitem__, cifs))
        except KeyError:
            raise _NotPlain from None
        try:
            for raw in set(raw_months).difference(month_of):
                month_of[raw] = parse_month(raw, today=today)
        except ValidationError:
            raise _NotPlain from None
        months = list(map(month_of.__getitem__, raw_months))
        for month in set(months):
            of_month = list(itertools.compress(customers, map(month.__eq__, months)))
            known = seen.setdefault(month, set())
            before = len(known)
            known.update(of_month)
            if len(known) - before != len(of_month):
                raise _NotPlain
        yield _Rows(customers, array("i", months), amounts, read=len(amounts))


def _read_ahead(chunks: Iterator[_Rows],
                encode: Callable[[_Rows], list[str]] | None) -> Generator[_Rows, None, None]:
    """``chunks`` with the next one read, and encoded for the writer (``encode``), by a thread of its
    own while the caller writes this one: the database call releases the GIL, so reading and
    writing overlap on two cores, and the writing thread does little besides waiting for the
    database. An exception of the reading reaches the caller at the chunk it stopped at."""
    def produce() -> _Rows | None:
        chunk = next(chunks, None)
        if chunk is not None and encode is not None:
            chunk.encoded = encode(chunk)
        return chunk

    with ThreadPoolExecutor(1, thread_name_prefix="aum-read") as reading:
        ahead = reading.submit(produce)
        while (chunk := ahead.result()) is not None:
            ahead = reading.submit(produce)
            yield chunk


def _careful(text: str, ids: dict[str, str], today: date, report, keep: int | None) -> _Rows:
    """Every line checked on its own, each bad one counted, and the first ``keep`` (None: all)
    kept with its number and reason."""
    problems: list[LineProblem] = []
    bad = 0
    read = 0
    values: dict[int, dict[str, tuple[int, int]]] = {}   # month -> customer id -> (cents, line)
    months: dict[str, int] = {}                          # month as written -> yyyymm
    for number, fields in _lines(text):
        read += 1
        if read % PROGRESS_EVERY == 0:
            report(read, 0)
        try:
            if isinstance(fields, tuple):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "has {found} fields where the header has {expected}"),
                    found=fields[0], expected=fields[1])
            raw_cif, raw_month, raw_amount = fields
            cif = raw_cif
            customer_id = ids.get(cif)     # the usual case: written exactly as stored
            if customer_id is None:
                cif = _cif(raw_cif)
                customer_id = ids.get(cif)
                if customer_id is None:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "{cif} is not a known customer"),
                                          field=CIF_NUMBER, cif=cif)
            month = months.get(raw_month)
            if month is None:
                month = months[raw_month] = parse_month(raw_month, today=today)
            cents = _cents(raw_amount)
            by_customer = values.get(month)
            if by_customer is None:
                by_customer = values[month] = {}
            earlier = by_customer.get(customer_id)
            if earlier is not None:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "repeats customer {cif} for month {month} (first on line {first})"),
                    cif=cif, month=f"{month // 100}-{month % 100:02d}", first=earlier[1])
        except ValidationError as error:
            bad += 1
            if keep is None or len(problems) < keep:
                problems.append(problem_from(number, error))
            continue
        by_customer[customer_id] = (cents, number)
    rows = _Rows(read=read, bad=bad, problems=problems)
    for month, by_customer in values.items():
        for customer_id, (cents, _line) in by_customer.items():
            rows.customers.append(customer_id)
            rows.months.append(month)
            rows.amounts.append(_text(cents))
    return rows


def import_aum(store: Store, actor: Actor, path: Path, *, skip_bad: bool = False, progress: Progress | None = None,
               encoding: str | None = None, keep_problems: int | None = MAX_REPORTED) -> AumImportResult:
    """Import the AUM extract at ``path`` (IMPORT_DATA). Raises :class:`ImportRefused` when
    there are bad lines and ``skip_bad`` is false; :class:`app.errors.Cancelled` when
    ``progress`` returns False (nothing is written then). ``encoding``: the user's word for
    the file's encoding (None: decided from the file, :mod:`app.encoding`). Every bad line is
    counted; the first ``keep_problems`` (None: all) are kept with their reasons."""
    require(actor, Permission.IMPORT_DATA)
    path = Path(path)
    data = read_file(path)
    sha = hashlib.sha256(data).hexdigest()
    text = decode(data, encoding)
    del data
    today = store.today()

    def report(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    with store.read() as session:
        ids = _customer_ids(session, actor)
    with _gc_paused():
        try:
            return _store_rows(store, actor, path, sha, _plain(text, ids, today), report)
        except _NotPlain:
            pass   # what was written is rolled back; read every line on its own
        rows = _careful(text, ids, today, report, keep_problems)
    if rows.bad and not skip_bad:
        raise ImportRefused(rows.problems, rows.bad)
    return _store_rows(store, actor, path, sha, iter([rows]), report)


def _store_rows(store: Store, actor: Actor, path: Path, sha: str, chunks: Iterator[_Rows], report) -> AumImportResult:
    """Write the rows of ``chunks`` as they come (each next one read ahead), in one transaction
    with the import's record and audit event. A month the store held no value of before the
    import is inserted plainly, the others upserted where the value differs."""
    result = AumImportResult(path.name, sha, 0, 0, 0, 0)
    stored: dict[int, bool] = {}    # month -> the store held a value of it before
    rows_good = 0
    with store.write(actor) as uow:
        session = uow.session
        allow_long_job(session)
        take_turn(session, "aum_import")   # a second import of the same month waits (db/turns.py)
        result.seen_before = session.scalar(
            select(AumImport.id).where(AumImport.file_sha256 == sha).limit(1)) is not None
        write: Callable[[Session, _Rows, bool], int]
        if store.kind == "postgresql":
            may_copy = not session.execute(text("SELECT row_security_active('aum_month')")).scalar_one()
            write, encode = partial(_write_postgresql, may_copy=may_copy), _copy_text if may_copy else None
        else:
            write, encode = _write_sqlite, _json_batches
        with closing(_read_ahead(chunks, encode)) as ahead:
            for rows in ahead:
                for month in set(rows.months).difference(stored):
                    stored[month] = session.scalar(
                        select(AumMonth.customer_id).where(AumMonth.month == month).limit(1)) is not None
                for part, upsert in rows.split({m for m, held in stored.items() if held}):
                    result.rows_changed += write(session, part, upsert)
                result.rows_read += rows.read
                result.rows_skipped += rows.bad
                result.problems += rows.problems
                rows_good += len(rows)
                report(result.rows_read, 0)
        report(result.rows_read, result.rows_read)
        result.months = sorted(stored)
        result.rows_unchanged = rows_good - result.rows_changed
        session.add(AumImport(file_name=path.name[:255], file_sha256=sha, rows_read=result.rows_read,
                              rows_changed=result.rows_changed, rows_skipped=result.rows_skipped,
                              imported_at=uow.now, imported_by=actor.username))
        uow.audit("aum.import", "aum_import", sha[:16], after={
            "file": path.name, "sha256": sha, "rows_read": result.rows_read,
            "rows_changed": result.rows_changed, "rows_skipped": result.rows_skipped,
            "months": result.months})
    return result


_INSERT = "INSERT INTO aum_month (customer_id, month, avg_daily_aum) {values}"
CUSTOMER_KEY = "fk_aum_month_customer_id_customer"   # deferrable since migration 0022
# a stored value is changed only when it differs: the rows the statement inserted or changed
# are what the import changed
_ON_CONFLICT = (" ON CONFLICT (customer_id, month) DO UPDATE SET avg_daily_aum = excluded.avg_daily_aum "
                "WHERE aum_month.avg_daily_aum <> excluded.avg_daily_aum")


_WHOLE = re.compile(r"^([0-9]+)\n", re.M)
_ONE_DECIMAL = re.compile(r"\.([0-9])\n")


def _cents_texts(amounts: list[str]) -> list[str]:
    """Plain amounts (``123``, ``123.4``, ``123.45``) as decimal text of whole cents (``12300``,
    ``12340``, ``12345``; leading zeros stay), exactly: a pad to 2 decimals and the point
    dropped, by three passes over the joined text instead of one call per amount."""
    if not amounts:
        return []
    text = _ONE_DECIMAL.sub(r".\g<1>0\n", _WHOLE.sub(r"\g<1>.00\n", "\n".join(amounts) + "\n"))
    return text.replace(".", "").split("\n")[:-1]


def _json_batches(rows: _Rows) -> list[str]:
    """The rows as SQLite's writer sends them: per batch, one JSON text of ``[id, month,
    "cents"]`` triples (the column holds whole cents, db.money; the amount goes as text, which
    the statement casts, since JSON numbers may not start with a zero)."""
    triple = '[{},{},"{}"]'.format
    cents = _cents_texts(rows.amounts)
    return ["[" + ",".join(map(triple, rows.customers[start:start + BATCH], rows.months[start:start + BATCH],
                               cents[start:start + BATCH])) + "]"
            for start in range(0, len(rows), BATCH)]


def _write_sqlite(session, rows: _Rows, upsert: bool) -> int:
    """Per batch, one ``INSERT ... SELECT`` from ``json_each`` of the batch's JSON text
    (:func:`_json_batches`): SQLite reads it in C, faster than binding row by row through
    ``executemany``. Returns the rows inserted or changed."""
    sql = (_INSERT.format(values="SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
                                 "CAST(json_extract(value, '$[2]') AS INTEGER) FROM json_each(?) WHERE true")
           + (_ON_CONFLICT if upsert else ""))
    cursor = session.connection().connection.driver_connection.cursor()
    changed = 0
    try:
        for batch in rows.encoded if rows.encoded is not None else _json_batches(rows):
            cursor.execute(sql, (batch,))
            changed += cursor.rowcount
        return changed
    finally:
        cursor.close()


def _copy_text(rows: _Rows) -> list[str]:
    """The rows in ``COPY``'s text format, for PostgreSQL's writer: the amounts are plain
    numeric text already, so this is one string join."""
    return ["".join(map("{}\t{}\t{}\n".format, rows.customers, rows.months, rows.amounts))]


def _write_postgresql(session, rows: _Rows, upsert: bool, *, may_copy: bool) -> int:
    """Rows of months the store has no value of yet go by ``COPY`` when ``may_copy`` (row-level
    security does not apply to the connection: the store's own login, as the command-line import of
    head office's extract uses); everything else per batch as one statement from ``unnest`` of
    three arrays (staff login roles may not create temporary tables, and ``COPY FROM`` is
    refused on tables with row-level security). The amounts are plain numeric text already, so
    the copied text, and each array (:func:`db.arrays.number_array`), is one string join.
    Returns the rows inserted or changed.

    A ``COPY``'s customer checks are deferred to a statement of their own right after it.
    PostgreSQL 15 checks the copied rows' foreign key as the ``COPY`` ends, while it still holds
    the slots of its 1,000 buffered rows; each check's bookkeeping then probes past them in the
    statement's resource owner whenever the customer table's descriptor hashes among theirs,
    which depends on the server process's memory layout (the same 3,000,000 rows: 20.4–21.2 s
    of the server's processor against 15.8–16.4 s, by what else the process had run before).
    Checked after the ``COPY``, they take the short time every time. Same checks, same
    transaction."""
    conn = session.connection().connection.driver_connection
    if may_copy and not upsert:
        with conn.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS {CUSTOMER_KEY} DEFERRED")
            with cursor.copy("COPY aum_month (customer_id, month, avg_daily_aum) FROM STDIN") as copy:
                for part in rows.encoded if rows.encoded is not None else _copy_text(rows):
                    copy.write(part)
            copied = cursor.rowcount
            cursor.execute(f"SET CONSTRAINTS {CUSTOMER_KEY} IMMEDIATE")   # the chunk's customers, checked now
            return copied
    sql = (_INSERT.format(values="SELECT * FROM unnest(%s::integer[], %s::integer[], %s::numeric[])")
           + (_ON_CONFLICT if upsert else ""))
    changed = 0
    with conn.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            end = start + BATCH
            cursor.execute(sql, [number_array(rows.customers[start:end]), number_array(rows.months[start:end]),
                                 number_array(rows.amounts[start:end])])
            changed += cursor.rowcount
    return changed


@dataclass(frozen=True)
class ImportRow:
    id: int
    file_name: str
    file_sha256: str
    rows_read: int
    rows_changed: int
    rows_skipped: int
    imported_at: object
    imported_by: str      # the person's name


def list_imports(store: Store, actor: Actor, limit: int = 100) -> list[ImportRow]:
    """The latest AUM imports, newest first (IMPORT_DATA)."""
    require(actor, Permission.IMPORT_DATA)
    with store.read() as session:
        rows = session.scalars(select(AumImport).order_by(AumImport.id.desc()).limit(limit)).all()
        names = names_of(session, (r.imported_by for r in rows))
        return [ImportRow(r.id, r.file_name, r.file_sha256, r.rows_read, r.rows_changed,
                          r.rows_skipped, r.imported_at, person(names, r.imported_by)) for r in rows]
