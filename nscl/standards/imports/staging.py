"""Temporary tables that let an import remember the whole file without holding it in Python.

``nscl_import_rows``: one line per row with a valid code: (code_key, kind) is the key, so a code met
twice is found with one query per chunk; it also keeps the id written, whether it was created, and
the new status of an existing record whose status changed (for the alerts at the end).
``nscl_import_refs``: replacements (``replaced_by``) that could not be resolved when their row was
written, because they point further down the file; resolved with one UPDATE at the end.

Every statement is a constant; values always travel as parameters.
"""

from collections.abc import Iterable, Iterator

from nscl.standards.constants import MAX_CHAIN
from nscl.standards.imports.bulk import insert_rows, padded

ROWS = "nscl_import_rows"
REFS = "nscl_import_refs"
LOOKUP_BATCH = 512


def NO_KEY(i: int) -> str:  # noqa: N802  (a filler that is never a code key: keys are upper case)
    return f"pad:{i}"


PAGE = 1000

_CREATE = [
    "DROP TABLE IF EXISTS nscl_import_rows",
    "DROP TABLE IF EXISTS nscl_import_refs",
    """CREATE TEMPORARY TABLE nscl_import_rows (
        kind varchar(10) NOT NULL, code_key varchar(120) NOT NULL, row_no integer NOT NULL,
        standard_id bigint NULL, created smallint NOT NULL, new_status varchar(10) NULL,
        PRIMARY KEY (code_key, kind))""",
    "CREATE INDEX nscl_import_rows_row_idx ON nscl_import_rows (row_no)",
    """CREATE TEMPORARY TABLE nscl_import_refs (
        row_no integer PRIMARY KEY, standard_id bigint NULL,
        kind varchar(10) NOT NULL, code_key varchar(120) NOT NULL, code varchar(120) NOT NULL)""",
]
_DROP = ["DROP TABLE IF EXISTS nscl_import_rows", "DROP TABLE IF EXISTS nscl_import_refs"]

_UNRESOLVED = """
    SELECT p.row_no, p.code FROM nscl_import_refs p
    WHERE NOT EXISTS (SELECT 1 FROM nscl_import_rows r WHERE r.kind = p.kind AND r.code_key = p.code_key)
      AND NOT EXISTS (SELECT 1 FROM standards_standard t WHERE t.kind = p.kind AND t.code_key = p.code_key)
    ORDER BY p.row_no LIMIT %s
"""
_RESOLVE = """
    UPDATE standards_standard SET replaced_by_id = (
        SELECT t.id FROM nscl_import_refs p JOIN standards_standard t ON t.kind = p.kind AND t.code_key = p.code_key
        WHERE p.standard_id = standards_standard.id
    )
    WHERE id IN (SELECT standard_id FROM nscl_import_refs WHERE standard_id IS NOT NULL)
"""
# Rows of this file whose replacement chain comes back to them.
_CYCLES = """
    WITH RECURSIVE chain(start_id, id, depth) AS (
        SELECT s.id, s.replaced_by_id, 1 FROM standards_standard s
        JOIN nscl_import_rows r ON r.standard_id = s.id WHERE s.replaced_by_id IS NOT NULL
        UNION ALL
        SELECT c.start_id, s.replaced_by_id, c.depth + 1 FROM chain c JOIN standards_standard s ON s.id = c.id
        WHERE s.replaced_by_id IS NOT NULL AND c.id <> c.start_id AND c.depth < %s
    )
    SELECT r.row_no, s.code FROM (SELECT DISTINCT start_id FROM chain WHERE id = start_id) c
    JOIN nscl_import_rows r ON r.standard_id = c.start_id JOIN standards_standard s ON s.id = c.start_id
    ORDER BY r.row_no LIMIT %s
"""


class Staging:
    """The two temporary tables of one import, on the import's connection and inside its transaction."""

    def __init__(self, connection):
        self.connection = connection

    def create(self) -> None:
        self._run_all(_CREATE)

    def drop(self) -> None:
        self._run_all(_DROP)

    def _run_all(self, statements: list[str]) -> None:
        with self.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def seen(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """The file row where each of these (kind, code_key) was met before, for those already met."""
        wanted = set(keys)
        found: dict[tuple[str, str], int] = {}
        code_keys = sorted({key for _kind, key in wanted})
        with self.connection.cursor() as cursor:
            for start in range(0, len(code_keys), LOOKUP_BATCH):
                batch = padded(code_keys[start : start + LOOKUP_BATCH], NO_KEY)
                marks = ", ".join(["%s"] * len(batch))
                sql = f"SELECT kind, code_key, row_no FROM nscl_import_rows WHERE code_key IN ({marks})"  # noqa: S608  (only %s marks)
                cursor.execute(sql, batch)
                found.update({(k, c): row for k, c, row in cursor.fetchall() if (k, c) in wanted})
        return found

    def add_rows(self, rows: list[tuple[str, str, int, int | None, bool, str | None]]) -> None:
        """(kind, code_key, row, standard id, created, new status of an existing record or None)."""
        insert_rows(
            self.connection,
            ROWS,
            ("kind", "code_key", "row_no", "standard_id", "created", "new_status"),
            [(k, c, n, pk, int(created), status) for k, c, n, pk, created, status in rows],
        )

    def add_refs(self, refs: list[tuple[int, int | None, str, str, str]]) -> None:
        """(row, standard id, kind, code_key, code as written) of replacements left for the end."""
        insert_rows(self.connection, REFS, ("row_no", "standard_id", "kind", "code_key", "code"), refs)

    def unresolved(self, limit: int) -> list[tuple[int, str]]:
        """(row, code) of replacements found neither in the file nor in the repository."""
        return self._fetch(_UNRESOLVED, [limit])

    def resolve(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(_RESOLVE)

    def cycles(self, limit: int) -> list[tuple[int, str]]:
        return self._fetch(_CYCLES, [MAX_CHAIN, limit])

    def _fetch(self, sql: str, params: list) -> list[tuple]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def resolved_ids(self) -> Iterator[list[int]]:
        """Ids of records whose replacement was set at the end, a page at a time."""
        sql = (
            "SELECT row_no, standard_id FROM nscl_import_refs "
            "WHERE row_no > %s AND standard_id IS NOT NULL ORDER BY row_no LIMIT %s"
        )
        for page in self._pages(sql):
            yield [pk for _row, pk in page]

    def created_ids(self) -> Iterator[int]:
        sql = (
            "SELECT row_no, standard_id FROM nscl_import_rows "
            "WHERE row_no > %s AND created = 1 ORDER BY row_no LIMIT %s"
        )
        for page in self._pages(sql):
            yield from (pk for _row, pk in page)

    def status_changes(self) -> Iterator[tuple[int, str]]:
        sql = (
            "SELECT row_no, standard_id, new_status FROM nscl_import_rows "
            "WHERE row_no > %s AND new_status IS NOT NULL ORDER BY row_no LIMIT %s"
        )
        for page in self._pages(sql):
            yield from ((pk, status) for _row, pk, status in page)

    def _pages(self, sql: str) -> Iterator[list[tuple]]:
        """Keyset pages by row number, so nothing grows with the file."""
        last = 0
        while True:
            page = self._fetch(sql, [last, PAGE])
            if not page:
                return
            yield page
            last = page[-1][0]
