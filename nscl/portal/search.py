"""One site search over what the public may read: articles, documents, questions and answers, and
the standards repository, grouped by type. Accent-insensitive: the query and the stored text are
both folded (nscl.core.text), and every word must appear."""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nscl.core.text import search_tokens
from nscl.portal.models import Article, Document, Question
from nscl.standards.search import get_backend
from nscl.standards.search.base import SearchQuery
from nscl.standards.selectors import standards_by_ids

PER_GROUP = 5
MAX_WORDS = 12


@dataclass
class Group:
    key: str
    label: object  # lazy text
    items: list = field(default_factory=list)
    total: int = 0


def _matching(queryset: QuerySet, words: list[str]) -> QuerySet:
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def _group(key: str, label, queryset: QuerySet) -> Group:
    items = list(queryset[: PER_GROUP + 1])
    # The count is needed only when the group has more than it shows.
    total = queryset.count() if len(items) > PER_GROUP else len(items)
    return Group(key=key, label=label, items=items[:PER_GROUP], total=total)


def site_search(text: str) -> list[Group]:
    """The groups that have results, in a fixed order; empty when the query has no word."""
    words = search_tokens(text)[:MAX_WORDS]
    if not words:
        return []
    now = timezone.now()
    groups = [
        _group("articles", _("Tin bài"), _matching(Article.objects.public(now), words).order_by("-published_at")),
        _group("documents", _("Văn bản"), _matching(Document.objects.filter(is_published=True), words)),
        _group("questions", _("Hỏi đáp"), _matching(Question.objects.public(), words).order_by("-answered_at")),
    ]
    found = get_backend().search(SearchQuery(text=text, page_size=PER_GROUP))
    groups.append(
        Group(key="standards", label=_("Tiêu chuẩn, quy chuẩn"), items=standards_by_ids(found.ids), total=found.total)
    )
    return [group for group in groups if group.total]
