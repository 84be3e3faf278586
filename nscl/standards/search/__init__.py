"""One search interface over the standards, with a backend per database vendor.

    from nscl.standards.search import SearchQuery, Filters, get_backend
    result = get_backend().search(SearchQuery(text="an toan thuc pham", filters=Filters(kinds=("TCVN",))))

``result.ids`` is the page in rank order, ``result.total`` the number of matches and
``result.facets`` the counts per kind, status, decade, ICS code, issuing body and field over
all matches. Indexing (``index``/``remove``) runs on the caller's connection, so it commits or
rolls back with the record it follows.
"""

from django.db import connection

from nscl.standards.search.base import Filters, SearchBackend, SearchQuery, SearchResult
from nscl.standards.search.terms import Terms, compile_terms, document_for

__all__ = [
    "Filters",
    "SearchBackend",
    "SearchQuery",
    "SearchResult",
    "Terms",
    "compile_terms",
    "document_for",
    "get_backend",
]


def get_backend(using=None) -> SearchBackend:
    conn = using or connection
    if conn.vendor == "postgresql":
        from nscl.standards.search.postgres import PostgresBackend

        return PostgresBackend(conn)
    if conn.vendor == "sqlite":
        from nscl.standards.search.sqlite import SqliteBackend

        return SqliteBackend(conn)
    raise NotImplementedError(f"No standards search backend for {conn.vendor}")
