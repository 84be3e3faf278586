"""Accent-insensitive search over the folded ``search_text`` column each service keeps up to date.

The column holds the record's folded tokens with a space on either side, so a query token matches
the start of a word: "thu" finds "Thu" and "Thuỷ" but not "mathu". ``đ`` folds to ``d`` both ways.
"""

from collections.abc import Iterable

from django.db.models import QuerySet

from nscl.core.text import search_tokens

MAX_TOKENS = 12


def search_text_of(*parts: object) -> str:
    tokens: list[str] = []
    for part in parts:
        if part:
            tokens.extend(search_tokens(str(part)))
    return f" {' '.join(tokens)} " if tokens else ""


def search_text_of_many(values: Iterable[object]) -> str:
    return search_text_of(*values)


def filter_by_query(queryset: QuerySet, query: str) -> QuerySet:
    for token in search_tokens(query or "")[:MAX_TOKENS]:
        queryset = queryset.filter(search_text__contains=f" {token}")
    return queryset
