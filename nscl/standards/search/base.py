"""The interface both backends implement, and the SQL they share (filters, facets)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from nscl.standards.search.terms import Terms, compile_terms, document_for

FACET_NAMES = ("kind", "status", "decade", "ics", "body", "field")


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


def filter_sql(filters: Filters, alias: str = "s", id_column: str = "id") -> tuple[str, list]:
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
            f"{alias}.{id_column} IN (SELECT standard_id FROM standards_standardics "
            "WHERE ics_code_id = %s OR ics_code_id LIKE %s)"
        )
        params.extend([filters.ics, filters.ics + ".%"])
    return " AND ".join(where), params


def ics_facet_length(filters: Filters) -> int:
    """Facet one level below the ICS filter: fields (2 chars), groups (6) or sub-groups (9)."""
    return {0: 2, 2: 6, 6: 9}.get(len(filters.ics), 9)


# The compact copy of each record's facet values the backends keep beside the text index
# (the ICS codes as one space-separated string), so counting never joins the records or their links.
FACET_COLUMNS = ("kind", "status", "year", "issuing_body_id", "field_id", "ics")


def count_facets(rows: Iterable[tuple], filters: Filters) -> tuple[int, dict[str, list[tuple[object, int]]]]:
    """The total and the facet counts from the two groupings of the matches a backend returns.

    Each row is (kind, status, decade, body, field, ics, n): either grouped by the first five
    (ics is None) or by the ICS codes alone (kind is None). Adding up a few hundred or thousand
    groups here costs less than a scan of the matches per facet, and a record counts once under
    each ICS heading it holds, however many of its codes share it.
    """
    length, wanted = ics_facet_length(filters), filters.ics
    counters: dict[str, dict] = {name: {} for name in FACET_NAMES}
    total = 0

    def add(name: str, value, n: int) -> None:
        counter = counters[name]
        counter[value] = counter.get(value, 0) + n

    for kind, status, decade, body, field_id, ics, n in rows:
        if kind is None:
            for heading in ics_headings(ics or "", length, wanted):
                add("ics", heading, n)
            continue
        total += n
        add("kind", kind, n)
        add("status", status, n)
        if decade is not None:
            add("decade", int(decade) * 10, n)
        if body is not None:
            add("body", body, n)
        if field_id is not None:
            add("field", field_id, n)
    facets = {
        name: sorted(counter.items(), key=lambda item: (-item[1], str(item[0]))) for name, counter in counters.items()
    }
    return total, facets


@lru_cache(maxsize=65536)
def ics_headings(ics: str, length: int, wanted: str) -> frozenset[str]:
    """The distinct headings `length` characters long of the codes in `ics` that fall under `wanted`."""
    return frozenset(
        code[:length]
        for code in ics.split()
        if len(code) >= length and (not wanted or code == wanted or code.startswith(wanted + "."))
    )


class SearchBackend:
    """What every backend provides. Subclasses implement the engine-specific parts."""

    vendor = ""

    def __init__(self, connection):
        self.connection = connection

    # -- querying --------------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        """The page (the engine query itself), then the total and the facets in one grouping pass."""
        terms = compile_terms(query.text)
        if terms:
            ids = self.engine_query(query)
        else:
            ids = self.browse_ids(query.filters, offset=query.offset, limit=query.page_size)
        if not ids and query.page == 1:
            total, facets = 0, {name: [] for name in FACET_NAMES}
        else:
            sql, params = self.facet_sql(terms, query.filters)
            with self.connection.cursor() as cursor:
                cursor.execute(sql, params)
                total, facets = count_facets(self.facet_rows(cursor.fetchall()), query.filters)
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

    def browse_ids(self, filters: Filters, *, offset: int = 0, limit: int = 20) -> list[int]:
        """No text: the records that pass the filters, newest first."""
        where, params = filter_sql(filters)
        clause = f"WHERE {where}" if where else ""
        sql = (
            f"SELECT s.id FROM standards_standard s {clause} "
            "ORDER BY s.year DESC NULLS LAST, s.id DESC LIMIT %s OFFSET %s"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def suggest(self, text: str, limit: int = 8) -> list[int]:
        terms = compile_terms(text, prefix=True)
        if not terms:
            return []
        return self.engine_query(SearchQuery(text=text, page_size=limit))

    # -- indexing --------------------------------------------------------------------------------
    def documents(self, ids: Iterable[int]) -> list[tuple[int, dict[str, str], tuple]]:
        """For each record: the folded text to index and its facet values (FACET_COLUMNS)."""
        from nscl.standards.models import Standard, StandardIcs

        ids = list(ids)
        codes: dict[int, list[str]] = {}
        links = StandardIcs.objects.filter(standard_id__in=ids).order_by("standard_id", "ics_code_id")
        for pk, code in links.values_list("standard_id", "ics_code_id").iterator(chunk_size=2000):
            codes.setdefault(pk, []).append(code)
        # In id order: FTS5 flushes its pending terms whenever a rowid goes down, and the model's
        # default ordering (year, id) would make every batch a string of tiny index segments.
        rows = (
            Standard.objects.filter(id__in=ids)
            .order_by("id")
            .values_list(
                "id",
                "code",
                "equivalent_ref",
                "title_vi",
                "title_en",
                "scope",
                "kind",
                "status",
                "year",
                "issuing_body_id",
                "field_id",
            )  # fmt: skip
        )
        return [
            (
                pk,
                document_for(code=code, equivalent_ref=ref, title_vi=vi, title_en=en, scope=scope),
                (kind, status, year, body, field_id, " ".join(codes.get(pk, ()))),
            )
            for pk, code, ref, vi, en, scope, kind, status, year, body, field_id in rows.iterator(chunk_size=2000)
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
    def facet_sql(self, terms: Terms, filters: Filters) -> tuple[str, list]:
        """Every match (or, without terms, every record) that passes the filters, unranked, grouped
        twice: by kind, status, decade, body and field, and by ICS codes (see count_facets)."""
        raise NotImplementedError

    def facet_rows(self, rows: list[tuple]) -> Iterable[tuple]:
        """The rows of facet_sql as count_facets reads them."""
        return rows

    def engine_sql(self, terms: Terms, where: str, params: list, query: SearchQuery) -> tuple[str, list]:
        raise NotImplementedError
