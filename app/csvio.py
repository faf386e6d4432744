"""Reading the core-banking CSV extracts: encodings, headers in English or Chinese, line numbers.

Extracts arrive as UTF-8 (with or without BOM) or GB18030 (what Chinese Windows tools write);
:mod:`app.encoding` decides which, with evidence, or the user says it. Header names are matched
case-insensitively against each column's English and Chinese aliases.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.encoding import decode
from app.errors import QT_TRANSLATE_NOOP, ValidationError

FILE = QT_TRANSLATE_NOOP("fields", "File")
MAX_FILE_BYTES = 2 * 1024 ** 3
MAX_FIELD_CHARS = 10_000


@dataclass(frozen=True)
class Column:
    """A column the importer knows: its key, whether it must be present, and header aliases."""

    key: str
    required: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class CsvLine:
    number: int                 # 1-based line number in the file where the record starts (header: 1)
    values: dict[str, str]      # column key -> raw text (absent optional columns missing)


def read_file(path: Path) -> bytes:
    """The file's bytes, refusing what is not a readable regular file of sane size."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is larger than {max} GB"),
                                  field=FILE, max=MAX_FILE_BYTES // 1024 ** 3)
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "cannot be read: {reason}"),
                              field=FILE, reason=exc.strerror or str(exc)) from exc


def _normal(header: str) -> str:
    return "".join(header.split()).lower().lstrip("\ufeff")


def map_header(header: Sequence[str], columns: Sequence[Column]) -> dict[int, str]:
    """Which position holds which column; refuses missing or repeated required columns."""
    lookup: dict[str, str] = {}
    for column in columns:
        for alias in (column.key, *column.aliases):
            lookup[_normal(alias)] = column.key
    positions: dict[int, str] = {}
    seen: set[str] = set()
    for index, name in enumerate(header):
        key = lookup.get(_normal(name))
        if key is None:
            continue
        if key in seen:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "the header names column {column} twice"),
                                  field=FILE, column=key)
        seen.add(key)
        positions[index] = key
    missing = [c.key for c in columns if c.required and c.key not in seen]
    if missing:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "the header lacks the column(s) {columns}"),
                              field=FILE, columns=", ".join(missing))
    return positions


def read_rows(data: bytes, columns: Sequence[Column], *, encoding: str | None = None) -> Iterator[CsvLine]:
    """Every data line of a CSV extract with its line number; blank lines are skipped.
    ``encoding`` is the user's word for the file's encoding (None: decided from the file).

    A line with too many or too few fields is still yielded (the importer reports it), with the
    special key ``__fields__`` holding the count found.
    """
    text = decode(data, encoding)
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is empty"), field=FILE) from None
    except csv.Error as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "line {line}: {reason}"), field=FILE,
                              line=1, reason=str(exc)) from None
    positions = map_header(header, columns)
    width = len(header)
    while True:
        start = reader.line_num + 1   # a quoted field may run over lines: the record's first
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "line {line}: {reason}"), field=FILE,
                                  line=start, reason=str(exc)) from None
        if not any(f.strip() for f in fields):
            continue
        values: dict[str, str] = {key: fields[i] for i, key in positions.items() if i < len(fields)}
        if len(fields) != width:
            values["__fields__"] = str(len(fields))
        yield CsvLine(start, values)


@dataclass(frozen=True)
class LineProblem:
    """One refused line: its number and why (a translatable template with parameters)."""

    line: int
    template: str
    params: Mapping[str, object]

    def __str__(self) -> str:
        return f"line {self.line}: " + self.template.format(**self.params)


class ImportRefused(ValidationError):
    """An import refused whole: bad lines and no permission to skip them, so nothing was
    imported (every import of an extract, customers or AUM). ``problems`` lists the bad lines
    found, ``bad_lines`` counts them all."""

    def __init__(self, problems: list[LineProblem], bad_lines: int):
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "{count} bad line(s), nothing was imported. First: {first}"),
            count=bad_lines, first=str(problems[0]) if problems else "")
        self.problems = problems
        self.bad_lines = bad_lines


def problem_from(line: int, error: ValidationError) -> LineProblem:
    """A line problem from the validation error one of its fields raised."""
    reason = error.template
    params = dict(error.params)
    if error.field:
        reason = "{field}: " + reason
        params["field"] = error.field
    return LineProblem(line, reason, params)
