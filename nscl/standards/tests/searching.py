"""What the search tests share: records written through the service, searches, and what the index holds.

Every expectation in test_search_*.py is stated once and holds on both engines (SQLite FTS5 or
PostgreSQL, whichever the suite runs on); the checks that only make sense for one engine are
skipped on the other. Records are written through the service, so the index is the one the
application maintains, not one the test built.
"""

from django.apps import apps
from django.db import connection

from nscl.standards.models import IcsCode, Standard
from nscl.standards.search import Filters, SearchQuery, SearchResult, get_backend
from nscl.standards.services import standard_save

ON_SQLITE = connection.vendor == "sqlite"
ON_POSTGRES = connection.vendor == "postgresql"
ALL = 500  # a page size larger than any result set here

# Every app, so that a transactional test's flush may TRUNCATE ... CASCADE (see the flush test).
ALL_APPS = [config.name for config in apps.get_app_configs()]


def make(code: str, title: str, *, ics: tuple[str, ...] = (), **data) -> Standard:
    codes = [IcsCode.objects.get(code=c) for c in ics]
    return standard_save(standard=Standard(), data={"code": code, "title_vi": title, **data}, ics_codes=codes, by=None)


def search(text: str = "", *, page: int = 1, page_size: int = ALL, **filters) -> SearchResult:
    return get_backend().search(SearchQuery(text=text, filters=Filters(**filters), page=page, page_size=page_size))


def hits(text: str = "", **filters) -> list[int]:
    """Ids in rank order; asserts that the page and the total agree."""
    result = search(text, **filters)
    assert result.total == len(result.ids)
    return result.ids


def codes_of(ids: list[int]) -> list[str]:
    by_id = dict(Standard.objects.filter(id__in=ids).values_list("id", "code"))
    return [by_id[pk] for pk in ids]


def indexed_ids() -> set[int]:
    """What the engine's own index tables hold, read directly (search() joins the records and would
    hide a stale index row). On SQLite the facet table must hold the same records as the text index."""
    with connection.cursor() as cursor:
        if ON_POSTGRES:
            cursor.execute("SELECT standard_id FROM standards_search")
            return {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT rowid FROM standards_fts")
        text = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT id FROM standards_facets")
        assert {row[0] for row in cursor.fetchall()} == text
        return text


def facet_row(pk: int) -> tuple:
    """The facet values the index keeps for one record (kind, status, year, body, field, ICS codes)."""
    if ON_SQLITE:
        sql = "SELECT kind, status, year, issuing_body_id, field_id, ics FROM standards_facets WHERE id = %s"
    else:
        sql = "SELECT kind, status, year, issuing_body_id, field_id, ics FROM standards_search WHERE standard_id = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        return cursor.fetchone()


def ids_of(catalogue: dict[str, Standard], *codes: str) -> set[int]:
    return {catalogue[c].pk for c in codes}
