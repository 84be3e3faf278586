"""PostgreSQL backend: a side table of tsvectors built from pre-folded text, with a GIN index.

``doc`` weights the number (A) over the titles (B) over the scope (D); ``exact`` holds the
tone-keyed Vietnamese title and only adds to the rank. The row also carries the record's facet
values (base.FACET_COLUMNS), so the counts read this table alone. Queries are built from tokens NSCL made
itself (letters and digits only) and passed as parameters to to_tsquery.
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
# The facet values, added by migration 0003 and filled from the records there.
FACETS_CREATE_SQL = [
    f"""ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS kind varchar(10) NOT NULL DEFAULT '',
        ADD COLUMN IF NOT EXISTS status varchar(10) NOT NULL DEFAULT '',
        ADD COLUMN IF NOT EXISTS year integer, ADD COLUMN IF NOT EXISTS issuing_body_id bigint,
        ADD COLUMN IF NOT EXISTS field_id bigint, ADD COLUMN IF NOT EXISTS ics text NOT NULL DEFAULT ''""",
    f"""UPDATE {TABLE} x SET kind = s.kind, status = s.status, year = s.year,
        issuing_body_id = s.issuing_body_id, field_id = s.field_id, ics = COALESCE((
            SELECT string_agg(ics_code_id, ' ' ORDER BY ics_code_id) FROM standards_standardics
            WHERE standard_id = s.id
        ), '') FROM standards_standard s WHERE s.id = x.standard_id""",
]
FACETS_DROP_SQL = [
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS kind, DROP COLUMN IF EXISTS status, DROP COLUMN IF EXISTS year, "
    "DROP COLUMN IF EXISTS issuing_body_id, DROP COLUMN IF EXISTS field_id, DROP COLUMN IF EXISTS ics"
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
            f"SELECT s.id, -({rank}) AS r "
            f"FROM (SELECT to_tsquery('simple', %s) AS q) q, {TABLE} x "
            f"JOIN standards_standard s ON s.id = x.standard_id "
            f"WHERE x.doc @@ q.q {extra}"
        )
        return sql, [*params, tsquery_text(terms)]

    def facet_sql(self, terms: Terms, filters: Filters) -> tuple[str, list]:
        where, params = filter_sql(filters, alias="x", id_column="standard_id")
        conditions = [where] if where else []
        if terms:  # unranked: counting needs only which records match
            conditions.insert(0, "x.doc @@ to_tsquery('simple', %s)")
            params = [tsquery_text(terms), *params]
        clause = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        sql = (
            "SELECT x.kind, x.status, x.year / 10, x.issuing_body_id, x.field_id, x.ics, COUNT(*) "
            f"FROM {TABLE} x {clause} "
            "GROUP BY GROUPING SETS ((x.kind, x.status, x.year / 10, x.issuing_body_id, x.field_id), (x.ics))"
        )
        return sql, params

    def engine_sql(self, terms: Terms, where: str, params: list, query: SearchQuery) -> tuple[str, list]:
        matched, matched_params = self._matched(terms, where)
        sql = f"SELECT id FROM ({matched}) m ORDER BY r, id LIMIT %s OFFSET %s"
        return sql, [*matched_params, *params, query.page_size, query.offset]

    def index(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if not ids:
            return
        rows = [(pk, d["code"], d["title"], d["scope"], d["exact"], *facets) for pk, d, facets in self.documents(ids)]
        columns = ", ".join(FACET_COLUMNS)
        updates = ", ".join(f"{name} = EXCLUDED.{name}" for name in ("doc", "exact", *FACET_COLUMNS))
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (standard_id, doc, exact, {columns}) "
                f"VALUES (%s, {DOC_SQL}, to_tsvector('simple', %s), %s, %s, %s, %s, %s, %s) "
                f"ON CONFLICT (standard_id) DO UPDATE SET {updates}",
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
