"""SQLite FTS5 backend.

The FTS5 table holds four columns of pre-folded text: the number (code), the titles, the
tone-keyed Vietnamese title (for accent-aware ranking) and the scope. A prefix index over 1-3
characters keeps search-as-you-type fast. Every user token is quoted: raw input never reaches MATCH.
"""

from collections.abc import Iterable

from nscl.standards.search.base import SearchBackend, SearchQuery, facet_sql
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


def _phrase(tokens: Iterable[str]) -> str:
    return '"' + " ".join(tokens) + '"'


def match_expression(terms: Terms) -> str:
    """FTS5 query: every chunk required in code/title/scope; extra phrases only add to the rank."""
    required = []
    last = len(terms.chunks) - 1
    for i, chunk in enumerate(terms.chunks):
        phrase = _phrase(chunk)
        required.append(f"({phrase} OR {phrase}*)" if terms.prefix and i == last else phrase)
    main = "{code title scope} : (" + " AND ".join(required) + ")"
    boosts = []
    tokens = terms.tokens
    if len(tokens) > 1:
        boosts.append("{title} : " + _phrase(tokens))
    if terms.exact:
        boosts.append("{exact} : (" + " OR ".join(_phrase([t]) for t in terms.exact) + ")")
    if not boosts:
        return main
    # The last alternative repeats a required phrase, so the boosts never narrow the matches.
    fallback = "{code title scope} : " + _phrase(terms.chunks[0])
    return f"{main} AND ({' OR '.join([*boosts, fallback])})"


class SqliteBackend(SearchBackend):
    vendor = "sqlite"

    def _matched(self, terms: Terms, where: str) -> str:
        extra = f"AND {where}" if where else ""
        return (
            f"SELECT s.id, s.kind, s.status, s.year, s.issuing_body_id, s.field_id, f.rank AS r "
            f"FROM {TABLE} f JOIN standards_standard s ON s.id = f.rowid "
            f"WHERE {TABLE} MATCH %s {extra}"
        )

    def search_sql(self, terms: Terms, where: str, params: list, query: SearchQuery) -> tuple[str, list]:
        if not terms:
            return self.browse_sql(where, params, query)
        facets, facet_params = facet_sql(query.filters)
        sql = f"""
            WITH m AS MATERIALIZED ({self._matched(terms, where)})
            SELECT 'page', CAST(p.id AS TEXT), p.r FROM (SELECT id, r FROM m ORDER BY r, id LIMIT %s OFFSET %s) p
            UNION ALL SELECT 'total', NULL, COUNT(*) FROM m
            UNION ALL {facets}
        """
        return sql, [match_expression(terms), *params, query.page_size, query.offset, *facet_params]

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
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)
            cursor.executemany(
                f"INSERT INTO {TABLE}(rowid, code, title, exact, scope) VALUES (%s, %s, %s, %s, %s)",
                [(pk, d["code"], d["title"], d["exact"], d["scope"]) for pk, d in docs],
            )

    def remove(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        with self.connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)

    def clear(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")

    def optimize(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
