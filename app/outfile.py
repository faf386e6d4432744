"""Output files written whole or not at all, and put in place only with the record of them.

An export, a backup or a batch of letters is first written to a part file beside its target
(same folder, so the final rename cannot cross disks), flushed to the disk (``fsync``), and
only then renamed over the target. :func:`published` goes one step further: it puts the file
in place and then runs the caller's block, in which the caller commits the audit event (or the
batch's registration) of that very file; when the block fails, the earlier file of that name
is put back (or the new one removed). So a file is never there without its record, nor a record
without its file, and a full disk or a read-only folder leaves nothing behind but one clear
error.

Every CSV export goes through :func:`export_csv`: the part file, the rename, the audit event in
the same step, cells safe in a spreadsheet, headers in the reader's language and times with
their zone.
"""

from __future__ import annotations

import csv
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, TypeVar

from app.business_day import BUSINESS_TIME_ZONE, wall_clock
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.actor import Actor
from app.store import Store

FILE = QT_TRANSLATE_NOOP("fields", "File")
Row = TypeVar("Row")
# A spreadsheet reads a cell that starts with one of these as a formula (OWASP "CSV injection"):
# = + - @, and a tab or carriage return before them.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet must show it: text that a spreadsheet would run as a formula
    gets a leading apostrophe (shown by none, stored as text); numbers pass unchanged, so a
    negative amount stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class SafeWriter:
    """A ``csv.writer`` whose every cell goes through :func:`safe_cell`."""

    def __init__(self, handle: IO[str]):
        self._writer = csv.writer(handle)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(value) for value in row])


def _refusal(exc: OSError, target: Path) -> ValidationError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return ValidationError(QT_TRANSLATE_NOOP("errors", "the disk is full; nothing was saved to {path}"),
                               field=FILE, path=str(target))
    return ValidationError(QT_TRANSLATE_NOOP("errors", "could not be written to {path}: {reason}"),
                           field=FILE, path=str(target), reason=exc.strerror or str(exc))


def write_part(target: Path, fill: Callable[[IO[bytes]], None]) -> Path:
    """A part file beside ``target`` holding what ``fill`` wrote, flushed to the disk; on any
    failure it is removed (an :class:`OSError` becomes a :class:`ValidationError` naming the
    file)."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _refusal(exc, target) from None
    part = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise _refusal(exc, target) from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return part


def _second_name(target: Path, kept: Path) -> None:
    """The earlier file under a second name until the new one is recorded: a hard link (no
    space needed, even on a full disk), else a copy where the file system has no links."""
    try:
        os.link(target, kept)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        shutil.copy2(target, kept)


@contextmanager
def published(target: Path, fill: Callable[[IO[bytes]], None]) -> Iterator[Path]:
    """Write ``target`` through a part file (:func:`write_part`), put it in place, and yield:
    the caller records it in the block. When the block raises, the earlier ``target`` comes
    back (or the new one goes) before the error goes on."""
    target = Path(target)
    part = write_part(target, fill)
    kept: Path | None = None
    try:
        if target.exists():
            kept = part.with_name(part.name.removesuffix(".part") + ".kept")   # unique as the part
            _second_name(target, kept)
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        if kept is not None:
            kept.unlink(missing_ok=True)
        raise _refusal(exc, target) from None
    try:
        yield target
    except BaseException:
        if kept is not None:
            os.replace(kept, target)
            kept = None
        else:
            target.unlink(missing_ok=True)
        raise
    finally:
        if kept is not None:
            kept.unlink(missing_ok=True)


def with_progress(rows: Iterable[Row], every: int,
                  report: Callable[[int], bool | None] | None) -> Iterator[Row]:
    """``rows`` as they are, telling ``report`` the count every ``every`` rows; when it returns
    False the export stops with :class:`app.errors.Cancelled` (the part file goes with it)."""
    from app.errors import Cancelled

    for count, row in enumerate(rows, start=1):
        yield row
        if report is not None and count % every == 0 and report(count) is False:
            raise Cancelled()


def csv_filler(header: Iterable[object], rows: Iterable[Iterable[object]],
               counted: list[int] | None = None) -> Callable[[IO[bytes]], None]:
    """What :func:`write_part` calls to write a CSV export: UTF-8 with a BOM (so that
    spreadsheet programs read the Chinese right), every cell neutralised (:func:`safe_cell`);
    ``counted`` (a one-item list) receives the number of rows written."""
    def fill(handle: IO[bytes]) -> None:
        import io

        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="", write_through=False)
        try:
            writer = SafeWriter(text)
            writer.writerow(header)
            count = 0
            for row in rows:
                writer.writerow(row)
                count += 1
            if counted is not None:
                counted[:] = [count]
            text.flush()
        finally:
            text.detach()
    return fill


# The translation context of every export's column headers (English source texts).
EXPORTS = "exports"
# (context, source text) -> the text in the reader's language; the screens pass Qt's translate,
# the command line its own (main.py), so that headers are Chinese unless English is asked for.
Say = Callable[[str, str], str]
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class Codes:
    """A column of codes (a status, a kind, a tier, an audit action …) and the names staff read
    for them: each code's English source text in translation context ``context``. A code not
    named stays as it is."""

    context: str
    names: Mapping[str, str]


def named(rows: Iterable[Iterable[object]], codes: Mapping[int, Codes], say: Say) -> Iterator[list[object]]:
    """``rows`` with the code in each column of ``codes`` replaced by its name, as ``say``
    gives it in the reader's language."""
    cache: dict[tuple[int, object], object] = {}
    for row in rows:
        line = list(row)
        for index, column in codes.items():
            value = line[index]
            key = (index, value)
            if key not in cache:
                text = column.names.get(value) if isinstance(value, str) else None
                cache[key] = say(column.context, text) if text else value
            line[index] = cache[key]
        yield line


def zoned(moment: datetime | None, time_zone: str = BUSINESS_TIME_ZONE) -> str:
    """A stored moment (naive UTC) as an export writes it: the clocks of ``time_zone`` (the
    branch's), with the offset written out, so that a reader never has to guess the zone
    (``2026-09-30 17:05:00+08:00``); empty for no moment."""
    return wall_clock(moment, time_zone).isoformat(sep=" ", timespec="seconds") if moment else ""


def export_csv(store: Store, actor: Actor, out: Path, *, header: Sequence[str], rows: Iterable[Iterable[object]],
               action: str, entity: str, entity_id: object = "*", details: Mapping | None = None,
               say: Say | None = None, progress: Callable[[int], bool | None] | None = None,
               codes: Mapping[int, Codes] | None = None) -> int:
    """Write ``rows`` under ``header`` to ``out`` as a CSV export and audit it; returns the rows.

    UTF-8 with a BOM, every cell safe in a spreadsheet (:func:`csv_filler`); ``header`` holds
    English source texts of the :data:`EXPORTS` context, put in the reader's language by
    ``say`` (English as written without it). The columns of ``codes`` hold codes: with ``say``
    they are written as staff read them (``active`` → 有效), without it the codes stay, for
    a reader who wants the codes (``export --english``). ``progress`` hears the count every
    :data:`PROGRESS_EVERY` rows and may cancel. The file is put in place whole
    (:func:`published`) and the audit event ``action`` on ``entity`` / ``entity_id`` (with the
    row count, the file's name and ``details``) is committed with it: neither exists without the
    other, and a failure leaves the earlier file as it was."""
    out, counted = Path(out), [0]
    words = [say(EXPORTS, text) if say else text for text in header]
    if say is not None and codes:
        rows = named(rows, codes, say)
    reported = with_progress(rows, PROGRESS_EVERY, progress)
    with published(out, csv_filler(words, reported, counted)), store.write(actor) as uow:
        uow.audit(action, entity, entity_id, after={**(details or {}), "rows": counted[0], "file": out.name})
    return counted[0]

