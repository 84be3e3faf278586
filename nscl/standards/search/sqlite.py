"""SQLite FTS5 backend.

The FTS5 table holds four columns of pre-folded text: the number (code), the titles, the
tone-keyed Vietnamese title (for accent-aware ranking) and the scope. A prefix index over 1-3
characters keeps search-as-you-type fast. Every user token is quoted: raw input never reaches MATCH.
A plain table beside it holds each record's facet values, so the counts read no other table.
"""

from collections.abc import Iterable

from nscl.standards.search.base import (
    FACET_COLUMNS,
    Filters,
    SearchBackend,
    SearchQuery,
    filter_sql,
)
from nscl.standards.search.terms import Terms

TABLE = "standards_fts"
# bm25 weights for (code, title, exact, scope): the number first, then the title, then the scope.
RANK = "bm25(10.0, 4.0, 3.0, 1.0)"
CREATE_SQL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "code, title, exact, scope, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
    f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', '{RANK}')",
    f"CREATE TRIGGER IF NOT EXISTS standards_fts_delete AFTER DELETE ON standards_standard "
    f"BEGIN DELETE FROM {TABLE} WHERE rowid = old.id; END",
]
DROP_SQL = ["DROP TRIGGER IF EXISTS standards_fts_delete", f"DROP TABLE IF EXISTS {TABLE}"]

# Each record's facet values (see base.FACET_COLUMNS), kept beside the FTS5 table by index(), and
# `grouping`, the first five in one text column: SQLite groups by sorting, and sorting one column
# costs half as much as sorting five.
FACETS = "standards_facets"
FACETS_CREATE_SQL = [
    f"""CREATE TABLE IF NOT EXISTS {FACETS} (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, year INTEGER,
        issuing_body_id INTEGER, field_id INTEGER, ics TEXT NOT NULL DEFAULT '',
        grouping TEXT GENERATED ALWAYS AS (
            kind || '|' || status || '|' || IFNULL(year / 10, '') || '|' || IFNULL(issuing_body_id, '')
            || '|' || IFNULL(field_id, '')
        ) STORED
    )""",
    f"CREATE TRIGGER IF NOT EXISTS standards_facets_delete AFTER DELETE ON standards_standard "
    f"BEGIN DELETE FROM {FACETS} WHERE id = old.id; END",
    f"""INSERT OR REPLACE INTO {FACETS} (id, kind, status, year, issuing_body_id, field_id, ics)
        SELECT s.id, s.kind, s.status, s.year, s.issuing_body_id, s.field_id, COALESCE((
            SELECT GROUP_CONCAT(ics_code_id, ' ') FROM (
                SELECT ics_code_id FROM standards_standardics WHERE standard_id = s.id ORDER BY ics_code_id
            )
        ), '') FROM standards_standard s""",
]
FACETS_DROP_SQL = ["DROP TRIGGER IF EXISTS standards_facets_delete", f"DROP TABLE IF EXISTS {FACETS}"]


def _phrase(tokens: Iterable[str]) -> str:
    return '"' + " ".join(tokens) + '"'


def required_expression(terms: Terms) -> str:
    """Every chunk required in code, title or scope; the last one may be a prefix."""
    required = []
    last = len(terms.chunks) - 1
    for i, chunk in enumerate(terms.chunks):
        phrase = _phrase(chunk)
        required.append(f"({phrase} OR {phrase}*)" if terms.prefix and i == last else phrase)
    return "{code title scope} : (" + " AND ".join(required) + ")"


def match_expression(terms: Terms) -> str:
    """FTS5 query for the ranked page: the required chunks; extra phrases only add to the rank."""
    main = required_expression(terms)
    boosts = []
    tokens = terms.tokens
    if len(tokens) > 1:
        boosts.append("{title} : " + _phrase(tokens))
    if terms.exact:
        boosts.append("{exact} : (" + " OR ".join(_phrase([t]) for t in terms.exact) + ")")
    if not boosts:
        return main
    # The last alternative is the required part again, so the boosts never narrow the matches.
    return f"{main} AND ({' OR '.join([*boosts, main])})"


class SqliteBackend(SearchBackend):
    vendor = "sqlite"

    def facet_sql(self, terms: Terms, filters: Filters) -> tuple[str, list]:
        where, params = filter_sql(filters, alias="c")
        if terms:  # unranked, and without the boosts: counting needs only which records match
            source = f"FROM {TABLE} f CROSS JOIN {FACETS} c ON c.id = f.rowid WHERE {TABLE} MATCH %s"
            source += f" AND {where}" if where else ""
            params = [required_expression(terms), *params]
        else:
            source = f"FROM {FACETS} c" + (f" WHERE {where}" if where else "")
        sql = (
            f"SELECT c.grouping, NULL, COUNT(*) {source} GROUP BY c.grouping "
            f"UNION ALL SELECT NULL, c.ics, COUNT(*) {source} GROUP BY c.ics"
        )
        return sql, [*params, *params]

    def facet_rows(self, rows: list[tuple]) -> Iterable[tuple]:
        for grouping, ics, n in rows:
            if grouping is None:
                yield None, None, None, None, None, ics, n
            else:
                kind, status, decade, body, field_id = (value or None for value in grouping.split("|"))
                yield kind, status, decade, body and int(body), field_id and int(field_id), None, n

    def engine_sql(self, terms: Terms, where: str, params: list, query: SearchQuery) -> tuple[str, list]:
        if not where:
            sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rank, rowid LIMIT %s OFFSET %s"
            return sql, [match_expression(terms), query.page_size, query.offset]
        sql = (
            f"SELECT f.rowid FROM {TABLE} f JOIN standards_standard s ON s.id = f.rowid "
            f"WHERE {TABLE} MATCH %s AND {where} ORDER BY f.rank, f.rowid LIMIT %s OFFSET %s"
        )
        return sql, [match_expression(terms), *params, query.page_size, query.offset]

    def index(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if not ids:
            return
        docs = self.documents(ids)
        with self.connection.cursor() as cursor:
            self._delete(cursor, ids)
            cursor.executemany(
                f"INSERT INTO {TABLE}(rowid, code, title, exact, scope) VALUES (%s, %s, %s, %s, %s)",
                [(pk, d["code"], d["title"], d["exact"], d["scope"]) for pk, d, _ in docs],
            )
            cursor.executemany(
                f"INSERT INTO {FACETS} (id, {', '.join(FACET_COLUMNS)}) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [(pk, *facets) for pk, _, facets in docs],
            )

    def remove(self, ids: Iterable[int]) -> None:
        with self.connection.cursor() as cursor:
            self._delete(cursor, list(ids))

    @staticmethod
    def _delete(cursor, ids: list[int]) -> None:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", chunk)
            cursor.execute(f"DELETE FROM {FACETS} WHERE id IN ({marks})", chunk)

    def clear(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
            cursor.execute(f"DELETE FROM {FACETS}")

    def optimize(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
