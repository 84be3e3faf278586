"""PostgreSQL backend: a side table of tsvectors built from pre-folded text, with a GIN index.

``doc`` weights the number (A) over the titles (B) over the scope (D); ``exact`` holds the
tone-keyed Vietnamese title and only adds to the rank. Queries are built from tokens NSCL made
itself (letters and digits only) and passed as parameters to to_tsquery.
"""

from collections.abc import Iterable

from nscl.standards.search.base import SearchBackend, SearchQuery, facet_sql
from nscl.standards.search.terms import Terms

TABLE = "standards_search"
CREATE_SQL = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        standard_id bigint PRIMARY KEY,
        doc tsvector NOT NULL,
        exact tsvector NOT NULL
    )""",
    f"CREATE INDEX IF NOT EXISTS standards_search_doc_gin ON {TABLE} USING gin (doc)",
    # Entries leave with their record. A trigger rather than a foreign key, so that Django's flush
    # (TRUNCATE of its own tables, in tests) is not refused; searches join the records anyway.
    f"""CREATE OR REPLACE FUNCTION standards_search_delete() RETURNS trigger AS $$
        BEGIN DELETE FROM {TABLE} WHERE standard_id = OLD.id; RETURN OLD; END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER standards_search_delete AFTER DELETE ON standards_standard "
    "FOR EACH ROW EXECUTE FUNCTION standards_search_delete()",
    f"""CREATE OR REPLACE FUNCTION standards_search_truncate() RETURNS trigger AS $$
        BEGIN TRUNCATE {TABLE}; RETURN NULL; END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER standards_search_truncate AFTER TRUNCATE ON standards_standard "
    "FOR EACH STATEMENT EXECUTE FUNCTION standards_search_truncate()",
]
DROP_SQL = [
    "DROP TRIGGER IF EXISTS standards_search_delete ON standards_standard",
    "DROP TRIGGER IF EXISTS standards_search_truncate ON standards_standard",
    "DROP FUNCTION IF EXISTS standards_search_delete()",
    "DROP FUNCTION IF EXISTS standards_search_truncate()",
    f"DROP TABLE IF EXISTS {TABLE}",
]
DOC_SQL = (
    "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') "
    "|| setweight(to_tsvector('simple', %s), 'D')"
)


def tsquery_text(terms: Terms) -> str:
    parts = []
    last = len(terms.chunks) - 1
    for i, chunk in enumerate(terms.chunks):
        tokens = list(chunk)
        if terms.prefix and i == last:
            tokens[-1] = tokens[-1] + ":*"
        parts.append("(" + " <-> ".join(tokens) + ")" if len(tokens) > 1 else tokens[0])
    return " & ".join(parts)


def boost_texts(terms: Terms) -> tuple[str, str, str]:
    """The adjacent-phrase query, every word matched whole (not as a prefix), the tone-keyed words."""
    tokens = terms.tokens
    phrase = " <-> ".join(tokens) if len(tokens) > 1 else ""
    whole = " & ".join(tokens) if terms.prefix else ""
    exact = " | ".join(terms.exact)
    return phrase, whole, exact


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def _matched(self, terms: Terms, where: str) -> tuple[str, list]:
        phrase, whole, exact = boost_texts(terms)
        rank = "ts_rank_cd(x.doc, q.q, 1)"
        params: list = []
        if phrase:
            rank += " + CASE WHEN x.doc @@ to_tsquery('simple', %s) THEN 1.0 ELSE 0 END"
            params.append(phrase)
        if whole:  # the last word typed in full ranks above words it is only the beginning of
            rank += " + CASE WHEN x.doc @@ to_tsquery('simple', %s) THEN 0.5 ELSE 0 END"
            params.append(whole)
        if exact:
            rank += " + 0.5 * ts_rank(x.exact, to_tsquery('simple', %s))"
            params.append(exact)
        extra = f"AND {where}" if where else ""
        sql = (
            f"SELECT s.id, s.kind, s.status, s.year, s.issuing_body_id, s.field_id, -({rank}) AS r "
            f"FROM (SELECT to_tsquery('simple', %s) AS q) q, {TABLE} x "
            f"JOIN standards_standard s ON s.id = x.standard_id "
            f"WHERE x.doc @@ q.q {extra}"
        )
        return sql, [*params, tsquery_text(terms)]

    def search_sql(self, terms: Terms, where: str, params: list, query: SearchQuery) -> tuple[str, list]:
        if not terms:
            return self.browse_sql(where, params, query)
        facets, facet_params = facet_sql(query.filters)
        matched, matched_params = self._matched(terms, where)
        sql = f"""
            WITH m AS MATERIALIZED ({matched})
            SELECT 'page', CAST(p.id AS TEXT), p.r FROM (SELECT id, r FROM m ORDER BY r, id LIMIT %s OFFSET %s) p
            UNION ALL SELECT 'total', NULL, COUNT(*) FROM m
            UNION ALL {facets}
        """
        return sql, [*matched_params, *params, query.page_size, query.offset, *facet_params]

    def engine_sql(self, terms: Terms, where: str, params: list, query: SearchQuery) -> tuple[str, list]:
        matched, matched_params = self._matched(terms, where)
        sql = f"SELECT id FROM ({matched}) m ORDER BY r, id LIMIT %s OFFSET %s"
        return sql, [*matched_params, *params, query.page_size, query.offset]

    def index(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if not ids:
            return
        rows = [(pk, d["code"], d["title"], d["scope"], d["exact"]) for pk, d in self.documents(ids)]
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (standard_id, doc, exact) VALUES (%s, {DOC_SQL}, to_tsvector('simple', %s)) "
                "ON CONFLICT (standard_id) DO UPDATE SET doc = EXCLUDED.doc, exact = EXCLUDED.exact",
                rows,
            )

    def remove(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if ids:
            with self.connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {TABLE} WHERE standard_id = ANY(%s)", [ids])

    def clear(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
