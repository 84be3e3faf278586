"""The interface both backends implement, and the SQL they share (filters, facets)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from nscl.standards.search.terms import Terms, compile_terms, document_for

FACET_NAMES = ("kind", "status", "decade", "ics", "body", "field")
# The second column of the one result set is text (PostgreSQL will not UNION bigint with varchar).
NUMERIC_FACETS = ("decade", "body", "field")


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    year_min: int | None = None
    year_max: int | None = None
    ics: str = ""  # an ICS code: matches it and everything under it
    bodies: tuple[int, ...] = ()
    fields: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(
            self.kinds or self.statuses or self.year_min or self.year_max or self.ics or self.bodies or self.fields
        )


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: Filters = field(default_factory=Filters)
    page: int = 1
    page_size: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass
class SearchResult:
    ids: list[int]
    total: int
    facets: dict[str, list[tuple[object, int]]]
    page: int = 1
    page_size: int = 20

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def filter_sql(filters: Filters, alias: str = "s") -> tuple[str, list]:
    """WHERE conditions on the standards table for the filters, with their parameters."""
    where: list[str] = []
    params: list = []

    def any_of(column: str, values: Sequence) -> None:
        where.append(f"{alias}.{column} IN ({', '.join(['%s'] * len(values))})")
        params.extend(values)

    if filters.kinds:
        any_of("kind", filters.kinds)
    if filters.statuses:
        any_of("status", filters.statuses)
    if filters.bodies:
        any_of("issuing_body_id", filters.bodies)
    if filters.fields:
        any_of("field_id", filters.fields)
    if filters.year_min is not None:
        where.append(f"{alias}.year >= %s")
        params.append(filters.year_min)
    if filters.year_max is not None:
        where.append(f"{alias}.year <= %s")
        params.append(filters.year_max)
    if filters.ics:
        where.append(
            f"{alias}.id IN (SELECT standard_id FROM standards_standardics "
            "WHERE ics_code_id = %s OR ics_code_id LIKE %s)"
        )
        params.extend([filters.ics, filters.ics + ".%"])
    return " AND ".join(where), params


def ics_facet_length(filters: Filters) -> int:
    """Facet one level below the ICS filter: fields (2 chars), groups (6) or sub-groups (9)."""
    return {0: 2, 2: 6, 6: 9}.get(len(filters.ics), 9)


def facet_sql(filters: Filters) -> tuple[str, list]:
    """UNION ALL of the facet counts over the materialised match set `m`."""
    length = ics_facet_length(filters)
    ics_where, ics_params = "", []
    if filters.ics:
        ics_where = "AND (si.ics_code_id = %s OR si.ics_code_id LIKE %s)"
        ics_params = [filters.ics, filters.ics + ".%"]
    sql = f"""
        SELECT 'kind', kind, COUNT(*) FROM m GROUP BY kind
        UNION ALL SELECT 'status', status, COUNT(*) FROM m GROUP BY status
        UNION ALL SELECT 'decade', CAST((year / 10) * 10 AS TEXT), COUNT(*) FROM m WHERE year IS NOT NULL
            GROUP BY (year / 10) * 10
        UNION ALL SELECT 'body', CAST(issuing_body_id AS TEXT), COUNT(*) FROM m WHERE issuing_body_id IS NOT NULL
            GROUP BY issuing_body_id
        UNION ALL SELECT 'field', CAST(field_id AS TEXT), COUNT(*) FROM m WHERE field_id IS NOT NULL GROUP BY field_id
        UNION ALL SELECT 'ics', SUBSTR(si.ics_code_id, 1, {length:d}), COUNT(DISTINCT m.id)
            FROM m JOIN standards_standardics si ON si.standard_id = m.id
            WHERE LENGTH(si.ics_code_id) >= {length:d} {ics_where}
            GROUP BY SUBSTR(si.ics_code_id, 1, {length:d})
    """
    return sql, ics_params


def read_rows(rows: Iterable[tuple], page_size: int) -> tuple[list[int], int, dict[str, list[tuple[object, int]]]]:
    """Split the one result set into the page (sorted by rank, then id), the total and the facets."""
    page: list[tuple[float, int]] = []
    total = 0
    facets: dict[str, list[tuple[object, int]]] = {name: [] for name in FACET_NAMES}
    for tag, value, number in rows:
        if tag == "page":
            page.append((float(number), int(value)))
        elif tag == "total":
            total = int(number)
        else:
            facets[tag].append((int(value) if tag in NUMERIC_FACETS else value, int(number)))
    for values in facets.values():
        values.sort(key=lambda item: (-item[1], str(item[0])))
    page.sort()
    return [pk for _, pk in page[:page_size]], total, facets


class SearchBackend:
    """What every backend provides. Subclasses implement the engine-specific parts."""

    vendor = ""

    def __init__(self, connection):
        self.connection = connection

    # -- querying --------------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        terms = compile_terms(query.text)
        where, params = filter_sql(query.filters)
        sql, sql_params = self.search_sql(terms, where, params, query)
        with self.connection.cursor() as cursor:
            cursor.execute(sql, sql_params)
            ids, total, facets = read_rows(cursor.fetchall(), query.page_size)
        return SearchResult(ids=ids, total=total, facets=facets, page=query.page, page_size=query.page_size)

    def engine_query(self, query: SearchQuery) -> list[int]:
        """The bare engine query (match, filters, rank, one page): the baseline benchmarks compare to."""
        terms = compile_terms(query.text)
        if not terms:  # nothing to match (only punctuation): an empty MATCH is a syntax error in FTS5
            return []
        where, params = filter_sql(query.filters)
        sql, sql_params = self.engine_sql(terms, where, params, query)
        with self.connection.cursor() as cursor:
            cursor.execute(sql, sql_params)
            return [row[0] for row in cursor.fetchall()]

    def suggest(self, text: str, limit: int = 8) -> list[int]:
        terms = compile_terms(text, prefix=True)
        if not terms:
            return []
        return self.engine_query(SearchQuery(text=text, page_size=limit))

    def browse_sql(self, where: str, params: list, query: SearchQuery) -> tuple[str, list]:
        """No text: every record that passes the filters, newest first."""
        facets, facet_params = facet_sql(query.filters)
        clause = f"WHERE {where}" if where else ""
        sql = f"""
            WITH m AS {self.materialized} (
                SELECT s.id, s.kind, s.status, s.year, s.issuing_body_id, s.field_id
                FROM standards_standard s {clause}
            )
            SELECT 'page', CAST(p.id AS TEXT), p.rn FROM (
                SELECT s.id, ROW_NUMBER() OVER (ORDER BY s.year DESC NULLS LAST, s.id DESC) AS rn
                FROM standards_standard s {clause}
                ORDER BY s.year DESC NULLS LAST, s.id DESC LIMIT %s OFFSET %s
            ) p
            UNION ALL SELECT 'total', NULL, COUNT(*) FROM m
            UNION ALL {facets}
        """
        return sql, [*params, *params, query.page_size, query.offset, *facet_params]

    materialized = "MATERIALIZED"

    # -- indexing --------------------------------------------------------------------------------
    def documents(self, ids: Iterable[int]) -> list[tuple[int, dict[str, str]]]:
        from nscl.standards.models import Standard

        # In id order: FTS5 flushes its pending terms whenever a rowid goes down, and the model's
        # default ordering (year, id) would make every batch a string of tiny index segments.
        rows = (
            Standard.objects.filter(id__in=list(ids))
            .order_by("id")
            .values_list("id", "code", "equivalent_ref", "title_vi", "title_en", "scope")
        )
        return [
            (pk, document_for(code=code, equivalent_ref=ref, title_vi=vi, title_en=en, scope=scope))
            for pk, code, ref, vi, en, scope in rows.iterator(chunk_size=2000)
        ]

    def index(self, ids: Iterable[int]) -> None:
        raise NotImplementedError

    def remove(self, ids: Iterable[int]) -> None:
        raise NotImplementedError

    def rebuild(self, batch_size: int = 2000) -> int:
        from nscl.standards.models import Standard

        self.clear()
        count = 0
        batch: list[int] = []
        for pk in Standard.objects.order_by("id").values_list("id", flat=True).iterator(chunk_size=batch_size):
            batch.append(pk)
            if len(batch) >= batch_size:
                self.index(batch)
                count += len(batch)
                batch = []
        if batch:
            self.index(batch)
            count += len(batch)
        return count

    def clear(self) -> None:
        raise NotImplementedError

    # -- engine-specific -------------------------------------------------------------------------
    def search_sql(self, terms: Terms, where: str, params: list, query: SearchQuery) -> tuple[str, list]:
        raise NotImplementedError

    def engine_sql(self, terms: Terms, where: str, params: list, query: SearchQuery) -> tuple[str, list]:
        raise NotImplementedError
