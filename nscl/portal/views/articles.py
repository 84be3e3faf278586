"""The public news: lists by date, topic, event tag and month, and the article page (the workspace
is in ``articles_workspace``). Views are thin: reads through ``selectors``."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from nscl.core.permissions import PUBLIC, AccessRequiredMixin
from nscl.portal import images, permissions, selectors
from nscl.portal.choices import ArticleStatus
from nscl.portal.models import Article, EventTag, Topic
from nscl.portal.views.caching import PublicCacheMixin

PAGE_SIZE = 12


def refusal_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error.args[0]) if error.args else ""


def in_english(article: Article) -> bool:
    """English is shown when the page is in English and the article has an English title and body."""
    return get_language() == "en" and bool(article.title_en and article.body_en)


def decorate(articles) -> list[Article]:
    """Attach what list cards show: the title in the page's language and a small picture."""
    english = get_language() == "en"
    shown = []
    for article in articles:
        article.shown_title = article.title_en if english and article.title_en else article.title
        article.shown_summary = article.summary_en if english and article.summary_en else article.summary
        article.thumbnail = images.thumbnail_url(article.lead_image)
        shown.append(article)
    return shown


def is_public(article: Article) -> bool:
    """Whether the public can see it now (writers previewing see a banner when not)."""
    return article.status == ArticleStatus.PUBLISHED and article.published_at <= timezone.now()


def topic_name(topic) -> str:
    if topic is None:
        return ""
    return topic.name_en if get_language() == "en" and topic.name_en else topic.name_vi


# ------------------------------------------------------------------------------------------------
# Public pages
# ------------------------------------------------------------------------------------------------
class ArticleListBase(PublicCacheMixin, AccessRequiredMixin, TemplateView):
    """A paginated public list; subclasses say which articles and the page's heading."""

    access = PUBLIC
    template_name = "portal/articles/article_list.html"

    def articles(self):
        return selectors.article_public_list()

    def heading(self) -> str:
        return str(_("Tin tức"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(self.articles(), PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            heading=self.heading(),
            page_obj=page,
            is_paginated=page.has_other_pages(),
            articles=decorate(page.object_list),
            months=selectors.article_month_list()[:24],
            feeds=self.feeds(),
        )
        return context

    def feeds(self) -> tuple[str, str]:
        return reverse("portal:article_feed_rss"), reverse("portal:article_feed_atom")


class ArticleListView(ArticleListBase):
    """All the news, newest first."""


class ArticleTopicView(ArticleListBase):
    """The articles of one topic series (chuyên đề)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.topic = get_object_or_404(Topic, slug=kwargs["slug"], is_active=True)

    def articles(self):
        return selectors.article_public_list(topic=self.topic)

    def heading(self) -> str:
        return str(_("Chuyên đề: %(name)s") % {"name": topic_name(self.topic)})

    def feeds(self) -> tuple[str, str]:
        return (
            reverse("portal:topic_feed_rss", args=[self.topic.slug]),
            reverse("portal:topic_feed_atom", args=[self.topic.slug]),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["description"] = self.topic.description
        return context


class ArticleTagView(ArticleListBase):
    """The articles tagged with one event (sự kiện)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.tag = get_object_or_404(EventTag, slug=kwargs["slug"])

    def articles(self):
        return selectors.article_public_list(tag=self.tag)

    def heading(self) -> str:
        name = self.tag.name_en if get_language() == "en" and self.tag.name_en else self.tag.name_vi
        return str(_("Sự kiện: %(name)s") % {"name": name})


class ArticleMonthView(ArticleListBase):
    """The articles of one month (archive)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.year, self.month = kwargs["year"], kwargs["month"]
        if not (1 <= self.month <= 12 and 2000 <= self.year <= 2100):
            raise Http404

    def articles(self):
        return selectors.article_public_list(year=self.year, month=self.month)

    def heading(self) -> str:
        return str(_("Tin tức tháng %(month)02d/%(year)d") % {"month": self.month, "year": self.year})


class ArticleDetailView(PublicCacheMixin, AccessRequiredMixin, TemplateView):
    """The article page. Unpublished and scheduled articles are a 404 except to writers and editors."""

    access = PUBLIC
    template_name = "portal/articles/article_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = selectors.article_get(slug=kwargs["slug"], user=self.request.user)
        english = in_english(article)
        lead = article.lead_image
        context.update(
            article=article,
            english=english,
            untranslated=get_language() == "en" and not english,
            title=article.title_en if english else article.title,
            summary=(article.summary_en or article.summary) if english else article.summary,
            body=article.body_en if english else article.body,
            topic_label=topic_name(article.topic),
            lead=lead,
            lead_srcset=images.srcset(lead),
            og_image=self.request.build_absolute_uri(images.thumbnail_url(lead, 960)) if lead else "",
            page_url=self.request.build_absolute_uri(article.get_absolute_url()),
            related=decorate(selectors.article_related_list(article=article)),
            is_public=is_public(article),
            can_edit=permissions.can_write(self.request.user),
        )
        return context
