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


LABELS = {"articles": _("Tin bài"), "documents": _("Văn bản"), "questions": _("Hỏi đáp")}


def portal_matches(key: str, text: str) -> QuerySet:
    """Every public row of one kind of portal content that holds all the words of the text."""
    words = search_tokens(text)[:MAX_WORDS]
    if key == "articles":
        return _matching(Article.objects.public(timezone.now()), words).order_by("-published_at", "-id")
    if key == "documents":
        return _matching(Document.objects.filter(is_published=True), words).order_by("-issued_on", "-id")
    if key == "questions":
        return _matching(Question.objects.public(), words).order_by("-answered_at", "-id")
    raise ValueError(key)


def site_search(text: str) -> list[Group]:
    """The groups that have results, in a fixed order; empty when the query has no word."""
    if not search_tokens(text):
        return []
    groups = [_group(key, label, portal_matches(key, text)) for key, label in LABELS.items()]
    found = get_backend().search(SearchQuery(text=text, page_size=PER_GROUP))
    groups.append(
        Group(key="standards", label=_("Tiêu chuẩn, quy chuẩn"), items=standards_by_ids(found.ids), total=found.total)
    )
    return [group for group in groups if group.total]
