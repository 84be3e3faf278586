"""The sitemap of the public portal: the news list, the topics and every public article."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from nscl.portal import selectors
from nscl.portal.models import Article, Topic


class ArticleSitemap(Sitemap):
    """Public articles only: drafts, articles in review, scheduled and archived ones stay out."""

    changefreq = "weekly"
    priority = 0.7
    limit = 5000

    def items(self):
        return selectors.article_public_list().select_related(None).only("slug", "updated_at", "published_at")

    def lastmod(self, item: Article):
        return item.updated_at


class TopicSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Topic.objects.filter(is_active=True)


class NewsSitemap(Sitemap):
    changefreq = "hourly"
    priority = 0.8

    def items(self) -> list[str]:
        return ["portal:article_list"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"news": NewsSitemap, "topics": TopicSitemap, "articles": ArticleSitemap}
