"""Import files read as a stream of rows, never whole: CSV (UTF-8 with or without BOM, ',' or ';'),
XLSX (first sheet, header row, openpyxl read-only) and JSON Lines (one object per line).

Every reader yields ``RawRow``: the row number as the user sees it (the header, or the first line of
a JSON Lines file, is row 1) and the cells present in that row, as text.
"""

import contextlib
import csv
import datetime
import itertools
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from nscl.standards.imports import messages as msg

FORMATS = ("csv", "xlsx", "jsonl")
SUFFIXES = {".csv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}
ZIP_MAGIC = b"PK\x03\x04"
BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class RawRow:
    number: int
    values: dict[str, str]
    error: tuple[str, str] | None = None  # (column, message) when the row could not be read


class FileError(Exception):
    """The file cannot be read at all (wrong format, bad header): no row is processed."""

    def __init__(self, problems: list[tuple[int, str, str]]):
        super().__init__(problems)
        self.problems = problems


@contextlib.contextmanager
def open_binary(source) -> Iterator[tuple[IO[bytes], str]]:
    """A seekable binary handle and a display name for a path or a file object (spooled when not seekable)."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            yield handle, Path(source).name
        return
    name = Path(str(getattr(source, "name", "") or "")).name
    seekable = getattr(source, "seekable", lambda: False)()
    if seekable:
        source.seek(0)
        yield source, name
        return
    with tempfile.TemporaryFile() as spool:
        shutil.copyfileobj(source, spool, BLOCK)
        spool.seek(0)
        yield spool, name


def guess_format(handle: IO[bytes], name: str) -> str:
    """A zip is an XLSX whatever its name; otherwise the suffix decides, then the first character."""
    head = handle.read(4096)
    handle.seek(0)
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    suffix = Path(name).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    return "jsonl" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "csv"


def normalise_column(name: object) -> str:
    return str(name or "").replace("\ufeff", "").strip().lower()


def check_header(header: list[str]) -> list[tuple[int, str, str]]:
    """Problems of a header row: unknown or repeated columns, no code, no title."""
    problems = []
    unknown = [name for name in header if name and name not in msg.COLUMNS]
    if unknown:
        text = msg.UNKNOWN_COLUMNS % {"columns": ", ".join(unknown), "allowed": ", ".join(msg.COLUMNS)}
        problems.append((1, ", ".join(unknown), str(text)))
    for name in sorted({n for n in header if n and header.count(n) > 1}):
        problems.append((1, name, str(msg.DUPLICATE_COLUMN % {"column": name})))
    for name in msg.REQUIRED_COLUMNS:
        if name not in header:
            problems.append((1, name, str(msg.MISSING_COLUMN % {"column": name})))
    if not any(name in header for name in msg.TITLE_COLUMNS):
        problems.append((1, "title_vi", str(msg.MISSING_TITLE_COLUMN)))
    return problems


def count_lines(handle: IO[bytes]) -> int:
    """Lines in the file, read in blocks (an estimate of the rows, for the progress bar)."""
    count, last = 0, b"\n"
    for block in iter(lambda: handle.read(BLOCK), b""):
        count += block.count(b"\n")
        last = block[-1:]
    handle.seek(0)
    return count + (last != b"\n")


class _Undecodable(Exception):
    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def decoded_lines(handle: IO[bytes]) -> Iterator[str]:
    """Text lines of a UTF-8 file (a BOM is dropped); stops at the first line that is not UTF-8."""
    for number, line in enumerate(handle, start=1):
        try:
            yield line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise _Undecodable(number) from exc


class CsvReader:
    def __init__(self, handle: IO[bytes]):
        self.handle = handle
        self.estimated_rows = max(0, count_lines(handle) - 1)

    def rows(self) -> Iterator[RawRow]:
        lines = decoded_lines(self.handle)
        try:
            first = next(lines, "")
            if not first.strip():
                raise FileError([(1, "", str(msg.NO_HEADER))])
            delimiter = ";" if first.count(";") > first.count(",") else ","
            reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
            header = [normalise_column(name) for name in next(reader)]
            problems = check_header(header)
            if problems:
                raise FileError(problems)
            yield from self._records(reader, header)
        except _Undecodable as exc:
            raise FileError([(exc.line, "", str(msg.NOT_UTF8))]) from exc

    @staticmethod
    def _records(reader, header: list[str]) -> Iterator[RawRow]:
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
                error = msg.TOO_MANY_CELLS % {"cells": len(cells), "columns": len(header)}
                yield RawRow(number, {}, ("", str(error)))
                continue
            yield RawRow(number, dict(zip(header, cells, strict=False)))


def cell_text(value: object) -> str:
    """An Excel or JSON value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ";".join(cell_text(v) for v in value)
    return str(value)


class XlsxReader:
    def __init__(self, handle: IO[bytes]):
        from openpyxl import load_workbook

        try:
            self.workbook = load_workbook(handle, read_only=True, data_only=True)
            self.sheet = self.workbook.worksheets[0]
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as exc:
            raise FileError([(1, "", str(msg.XLSX_UNREADABLE))]) from exc
        self.estimated_rows = max(0, (self.sheet.max_row or 1) - 1)

    def rows(self) -> Iterator[RawRow]:
        try:
            cells = self.sheet.iter_rows(values_only=True)
            first = next(cells, None)
            header = [normalise_column(name) for name in (first or ())]
            while header and not header[-1]:
                header.pop()
            if not header:
                raise FileError([(1, "", str(msg.NO_HEADER))])
            problems = check_header(header)
            if problems:
                raise FileError(problems)
            for number, values in enumerate(cells, start=2):
                texts = [cell_text(v) for v in values]
                if not any(t.strip() for t in texts):
                    continue
                if any(t.strip() for t in texts[len(header) :]):
                    error = msg.TOO_MANY_CELLS % {"cells": len(texts), "columns": len(header)}
                    yield RawRow(number, {}, ("", str(error)))
                    continue
                yield RawRow(number, dict(zip(header, texts, strict=False)))
        finally:
            self.workbook.close()


class JsonLinesReader:
    def __init__(self, handle: IO[bytes]):
        self.handle = handle
        self.estimated_rows = count_lines(handle)

    def rows(self) -> Iterator[RawRow]:
        for number, line in enumerate(self.handle, start=1):
            try:
                text = line.decode("utf-8-sig" if number == 1 else "utf-8").strip()
            except UnicodeDecodeError:
                yield RawRow(number, {}, ("", str(msg.NOT_UTF8)))
                continue
            if text:
                yield self._row(number, text)

    @staticmethod
    def _row(number: int, text: str) -> RawRow:
        try:
            data = json.loads(text)
        except ValueError as exc:
            return RawRow(number, {}, ("", str(msg.BAD_JSON % {"reason": exc})))
        if not isinstance(data, dict):
            return RawRow(number, {}, ("", str(msg.NOT_AN_OBJECT)))
        values = {normalise_column(key): cell_text(value) for key, value in data.items()}
        unknown = [key for key in values if key not in msg.COLUMNS]
        if unknown:
            error = msg.UNKNOWN_COLUMNS % {"columns": ", ".join(unknown), "allowed": ", ".join(msg.COLUMNS)}
            return RawRow(number, {}, (", ".join(unknown), str(error)))
        return RawRow(number, values)


READERS = {"csv": CsvReader, "xlsx": XlsxReader, "jsonl": JsonLinesReader}


def open_reader(handle: IO[bytes], fmt: str):
    if fmt not in READERS:
        raise FileError([(1, "", str(msg.FORMAT_UNKNOWN))])
    return READERS[fmt](handle)
