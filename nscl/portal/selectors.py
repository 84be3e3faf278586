"""Reads of the articles, public and workspace, with their joins applied (the documents, questions
and pages have theirs in ``selectors_library``).

The public sees only ``Article.objects.public()``: published and whose time has come. Writers and
editors may also open the rest (to preview), everyone else gets a 404.
"""

import datetime

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from nscl.core.history import HistorySource, history_list
from nscl.core.roles import has_role
from nscl.core.text import fold
from nscl.portal import permissions
from nscl.portal.choices import ArticleStatus
from nscl.portal.models import Article, ArticleImage, EventTag, Topic

RELATED_COUNT = 4
LIST_RELATED = ("lead_image", "topic")


def article_public_list(
    *,
    now: datetime.datetime | None = None,
    topic: Topic | None = None,
    tag: EventTag | None = None,
    year: int | None = None,
    month: int | None = None,
) -> QuerySet[Article]:
    """Public articles, newest first, optionally of one topic, one event tag or one month."""
    articles = Article.objects.public(now).select_related(*LIST_RELATED).order_by("-published_at", "-id")
    if topic is not None:
        articles = articles.filter(topic=topic)
    if tag is not None:
        articles = articles.filter(tags=tag)
    if year is not None and month is not None:
        start = timezone.make_aware(datetime.datetime(year, month, 1))  # noqa: DTZ001 (made aware here)
        end = timezone.make_aware(datetime.datetime(year + month // 12, month % 12 + 1, 1))  # noqa: DTZ001
        articles = articles.filter(published_at__gte=start, published_at__lt=end)
    return articles


def article_get(*, slug: str, user, now: datetime.datetime | None = None) -> Article:
    """One article page: public and archived ones for everyone, any state for writers and editors (preview)."""
    articles = Article.objects.select_related("lead_image", "topic", "created_by").prefetch_related("tags")
    if not has_role(user, *permissions.WRITE_ARTICLES):
        # Archived articles leave the lists but keep their page, for the links that point to it.
        articles = articles.filter(
            status__in=[ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED], published_at__lte=now or timezone.now()
        )
    article = articles.filter(slug=slug).first()
    if article is None:
        raise Http404
    return article


def article_related_list(*, article: Article, now: datetime.datetime | None = None) -> list[Article]:
    """Up to four public articles: the same topic or a shared event tag first, then the most recent."""
    public = Article.objects.public(now).exclude(pk=article.pk).select_related(*LIST_RELATED)
    public = public.order_by("-published_at", "-id")
    tag_ids = [tag.pk for tag in article.tags.all()]  # prefetched by article_get
    close = Q(topic_id=article.topic_id) if article.topic_id else Q(pk__in=[])
    if tag_ids:
        close |= Q(pk__in=Article.tags.through.objects.filter(eventtag_id__in=tag_ids).values("article_id"))
    related = list(public.filter(close)[:RELATED_COUNT])
    if len(related) < RELATED_COUNT:
        taken = [a.pk for a in related]
        related += list(public.exclude(pk__in=taken)[: RELATED_COUNT - len(related)])
    return related


def article_month_list(*, now: datetime.datetime | None = None) -> list[datetime.date]:
    """The months that have public articles, newest first (for the archive links)."""
    moments = Article.objects.public(now).dates("published_at", "month", order="DESC")
    return list(moments)


def article_workspace_list(*, user, status: str = "", query: str = "") -> QuerySet[Article]:
    """The workspace list: every article (writers and editors only), filtered by state and words."""
    if not has_role(user, *permissions.WRITE_ARTICLES):
        return Article.objects.none()
    articles = Article.objects.select_related("topic", "created_by").order_by("-updated_at", "-id")
    if status:
        articles = articles.filter(status=status)
    for word in fold(query or "").split():
        articles = articles.filter(search_text__contains=word)
    return articles


def article_workspace_get(*, user, pk: int) -> Article:
    if not has_role(user, *permissions.WRITE_ARTICLES):
        raise Http404
    article = (
        Article.objects.select_related("lead_image", "topic", "created_by").prefetch_related("tags").filter(pk=pk)
    ).first()
    if article is None:
        raise Http404
    return article


def article_version_list(*, article: Article, limit: int = 30) -> QuerySet:
    """The saved versions of the article, newest first, with who saved each."""
    return article.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit]


def article_history(*, article: Article) -> list:
    return history_list(sources=[HistorySource(Article.history.filter(id=article.pk), str(Article._meta.verbose_name))])


def article_image_list(*, user, limit: int = 40) -> QuerySet[ArticleImage]:
    if not has_role(user, *permissions.WRITE_ARTICLES):
        return ArticleImage.objects.none()
    return ArticleImage.objects.select_related("uploaded_by")[:limit]
