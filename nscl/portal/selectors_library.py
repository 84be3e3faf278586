"""Reads of the portal's library: documents, questions and answers, static pages. The public sees
published documents and published questions only; the workspace sees everything."""

from typing import Any

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import ExtractYear

from nscl.core.history import HistoryEntry, HistorySource, history_list
from nscl.core.text import search_tokens
from nscl.portal.choices import QuestionStatus
from nscl.portal.models import Document, Page, Question


def _search(queryset: QuerySet, q: str) -> QuerySet:
    for token in search_tokens(q or ""):
        queryset = queryset.filter(search_text__contains=token)  # both sides folded
    return queryset


# -- documents ------------------------------------------------------------------------------------
def document_list(*, filters: dict[str, Any] | None = None, published_only: bool = True) -> QuerySet[Document]:
    """Documents, newest first, filtered: q (accent-insensitive), doc_type, issuer, year."""
    filters = filters or {}
    queryset = Document.objects.select_related("topic")
    if published_only:
        queryset = queryset.filter(is_published=True)
    queryset = _search(queryset, filters.get("q") or "")
    if filters.get("doc_type"):
        queryset = queryset.filter(doc_type=filters["doc_type"])
    if filters.get("issuer"):
        queryset = queryset.filter(issuer=filters["issuer"])
    if filters.get("year"):
        queryset = queryset.filter(issued_on__year=int(filters["year"]))
    return queryset.order_by("-issued_on", "-id")


def document_issuers() -> list[str]:
    """The issuers of published documents, for the filter (one query)."""
    return list(
        Document.objects.filter(is_published=True).order_by("issuer").values_list("issuer", flat=True).distinct()
    )


def document_years() -> list[int]:
    """The years published documents were issued in, newest first (one query)."""
    years = (
        Document.objects.filter(is_published=True)
        .annotate(year=ExtractYear("issued_on"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return list(years)


def document_public_get(*, slug: str) -> Document:
    """A published document; DoesNotExist otherwise."""
    return Document.objects.select_related("topic").get(slug=slug, is_published=True)


def document_get(*, pk: int) -> Document:
    return Document.objects.select_related("topic", "created_by").get(pk=pk)


def document_history(*, document: Document) -> list[HistoryEntry]:
    return history_list(sources=[HistorySource(document.history.all(), str(Document._meta.verbose_name))])


# -- questions ------------------------------------------------------------------------------------
def question_public_list(*, q: str = "") -> QuerySet[Question]:
    """Published questions, the newest answer first, searchable in the question and its answer."""
    queryset = _search(Question.objects.public(), q).select_related("topic")
    return queryset.order_by("-answered_at", "-id")


def question_public_get(*, slug: str) -> Question:
    return Question.objects.public().select_related("topic").get(slug=slug)


def question_queue(*, status: str = "", q: str = "") -> QuerySet[Question]:
    """The workspace list: new questions first (the longest waiting at the top), then the rest, newest first."""
    queryset = _search(Question.objects.all(), q).select_related("topic", "answered_by")
    if status:
        queryset = queryset.filter(status=status)
    waiting = Case(When(status=QuestionStatus.NEW, then=Value(0)), default=Value(1), output_field=IntegerField())
    return queryset.annotate(waiting=waiting).order_by(
        "waiting", Case(When(waiting=0, then=F("asked_at"))).asc(nulls_last=True), "-asked_at", "-id"
    )


def question_get(*, pk: int) -> Question:
    return Question.objects.select_related("topic", "answered_by").get(pk=pk)


def question_history(*, question: Question) -> list[HistoryEntry]:
    return history_list(sources=[HistorySource(question.history.all(), str(Question._meta.verbose_name))])


# -- pages ----------------------------------------------------------------------------------------
def page_list() -> QuerySet[Page]:
    return Page.objects.select_related("updated_by").order_by("sort_order", "title")


def page_get(*, slug: str) -> Page:
    return Page.objects.get(slug=slug)


def page_history(*, page: Page) -> list[HistoryEntry]:
    return history_list(sources=[HistorySource(page.history.all(), str(Page._meta.verbose_name))])
