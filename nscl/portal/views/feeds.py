"""RSS and Atom feeds of the public news, for all of it and for each topic (only public articles)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views import View

from nscl.core.permissions import PUBLIC, AccessRequiredMixin
from nscl.portal import selectors
from nscl.portal.models import Article, Topic
from nscl.portal.text import plain_text
from nscl.portal.views.caching import PublicCacheMixin

FEED_SIZE = 20


class ArticleFeed(Feed):
    """The latest public articles (RSS 2.0)."""

    title = _("Tin tức Chương trình Năng suất chất lượng")
    description = _("Tin mới nhất về hoạt động năng suất chất lượng của tỉnh.")

    def link(self) -> str:
        return reverse("portal:article_list")

    def items(self):
        return selectors.article_public_list()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        # Plain text: the summary, never the HTML body (feed readers render descriptions as HTML).
        return plain_text(item.summary)

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return item.byline

    def item_categories(self, item: Article) -> list[str]:
        return [item.topic.name_vi] if item.topic_id else []


class ArticleAtomFeed(ArticleFeed):
    """The same, as Atom."""

    feed_type = Atom1Feed
    subtitle = ArticleFeed.description


class TopicFeed(ArticleFeed):
    """The latest public articles of one topic series (RSS 2.0)."""

    def get_object(self, request, slug: str) -> Topic:
        return get_object_or_404(Topic, slug=slug, is_active=True)

    def title(self, obj: Topic) -> str:
        return str(_("Chuyên đề: %(name)s") % {"name": obj.name_vi})

    def description(self, obj: Topic) -> str:
        return obj.description or str(ArticleFeed.description)

    def link(self, obj: Topic) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Topic):
        return selectors.article_public_list(topic=obj)[:FEED_SIZE]


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Topic) -> str:
        return self.description(obj)


class FeedView(PublicCacheMixin, AccessRequiredMixin, View):
    """A feed behind the permission layer, so it states its rule like every other view (public)."""

    access = PUBLIC
    feed: type[Feed] = ArticleFeed

    def get(self, request, *args, **kwargs):
        return self.feed()(request, *args, **kwargs)
