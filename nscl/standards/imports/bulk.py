"""Bulk INSERT for the import's writes: COPY on PostgreSQL, multi-row VALUES elsewhere.

Django's ``bulk_create`` builds each value through the field machinery and, on SQLite, caps a
statement at 999 parameters; an import of 200,000 standards would spend most of its time there.
This writes the same rows with COPY (PostgreSQL) or a few large parameterised statements (SQLite).
Table and column names come from the model's meta; values only ever travel as data.
"""

import sqlite3
from collections.abc import Sequence

from django.db import models

MAX_ROWS_PER_STATEMENT = 512


def batch_sizes(count: int, largest: int) -> list[int]:
    """Statement sizes for `count` rows: full batches of `largest` (a power of two), the rest in
    powers of two. A handful of distinct statements per table, so SQLite's prepared-statement
    cache (which keeps every distinct SQL text, each as big as its parameter list) stays small."""
    sizes = [largest] * (count // largest)
    rest = count % largest
    bit = largest
    while rest:
        bit //= 2
        if rest >= bit:
            sizes.append(bit)
            rest -= bit
    return sizes


def power_of_two_at_most(number: int) -> int:
    return 1 << (max(1, number).bit_length() - 1)


def padded(values: list, filler) -> list:
    """`values` padded to a power-of-two length with fillers that match nothing (same reason as above)."""
    size = max(8, 1 << (len(values) - 1).bit_length()) if values else 0
    return values + [filler(i) for i in range(size - len(values))]


def max_params(connection) -> int:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return connection.features.max_query_params or 65_535


def copy_rows(connection, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """COPY rows into a PostgreSQL table (names are NSCL's own constants or model meta, never input)."""
    quote = connection.ops.quote_name
    sql = f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def insert_rows(connection, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """Rows of plain values into a table: COPY on PostgreSQL, one executemany elsewhere."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        copy_rows(connection, table, columns, rows)
        return
    quote = connection.ops.quote_name
    names, marks = ", ".join(quote(c) for c in columns), ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})"  # noqa: S608  (names from NSCL, values as parameters)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


class BulkInsert:
    """Rows of one model (values in the order of ``attnames``) written in bulk.

    ``unique`` names the fields that identify a new row, so ``insert_new`` can hand back its id
    whatever order the database returns them in.
    """

    def __init__(self, connection, model: type[models.Model], attnames: Sequence[str], unique: Sequence[str] = ()):
        self.connection = connection
        self.meta = model._meta
        fields = {f.attname: f for f in self.meta.concrete_fields}
        self.fields = [fields[name] for name in attnames]
        self.unique = [list(attnames).index(name) for name in unique]
        self.quote = connection.ops.quote_name
        self.postgres = connection.vendor == "postgresql"
        self.batch = power_of_two_at_most(min(MAX_ROWS_PER_STATEMENT, max_params(connection) // (len(self.fields) + 1)))
        # Aware datetimes need the backend's conversion (naive UTC text on SQLite).
        self.prepared = [i for i, f in enumerate(self.fields) if isinstance(f, models.DateTimeField)]
        self.cache: dict[tuple, object] = {}

    def _columns(self, fields) -> str:
        return ", ".join(self.quote(f.column) for f in fields)

    def insert(self, rows: list[tuple]) -> None:
        if not rows:
            return
        if self.postgres:
            self._copy(self.fields, rows)
        else:
            self._values(rows)

    def insert_new(self, rows: list[tuple]) -> list[int]:
        """Insert rows without their primary key; returns the new ids in the order of the rows."""
        if not rows:
            return []
        if self.postgres:
            ids = self._next_ids(len(rows))
            self._copy([self.meta.pk, *self.fields], [(pk, *row) for pk, row in zip(ids, rows, strict=True)])
            return ids
        returned = self._values(rows, returning=[self.meta.pk, *(self.fields[i] for i in self.unique)])
        ids = {tuple(found[1:]): found[0] for found in returned}
        return [ids[tuple(row[i] for i in self.unique)] for row in rows]

    def _next_ids(self, count: int) -> list[int]:
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [self.meta.db_table, self.meta.pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]

    def _copy(self, fields, rows: list[tuple]) -> None:
        copy_rows(self.connection, self.meta.db_table, [f.column for f in fields], rows)

    def _values(self, rows: list[tuple], returning: Sequence = ()) -> list[tuple]:
        prefix = f"INSERT INTO {self.quote(self.meta.db_table)} ({self._columns(self.fields)}) VALUES "  # noqa: S608
        suffix = f" RETURNING {self._columns(returning)}" if returning else ""
        one = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
        returned: list[tuple] = []
        with self.connection.cursor() as cursor:
            start = 0
            for size in batch_sizes(len(rows), self.batch):
                chunk, start = rows[start : start + size], start + size
                params = [value for row in chunk for value in self._prepare(row)]
                cursor.execute(prefix + ", ".join([one] * len(chunk)) + suffix, params)
                if returning:
                    returned.extend(cursor.fetchall())
        return returned

    def _prepare(self, row: tuple) -> tuple:
        if not self.prepared:
            return row
        values = list(row)
        for i in self.prepared:
            values[i] = self._prepared_value(i, values[i])
        return tuple(values)

    def _prepared_value(self, i: int, value):
        """A chunk stamps every row with the same time: convert it once."""
        key = (i, value)
        if key not in self.cache:
            if len(self.cache) > MAX_ROWS_PER_STATEMENT:
                self.cache.clear()
            self.cache[key] = self.fields[i].get_db_prep_save(value, self.connection)
        return self.cache[key]
