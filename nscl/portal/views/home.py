"""The home page: lead story and latest news, topic series, the standards search, program figures
computed from the records, model enterprises, the newest documents."""

from django.db.models import Min
from django.utils import timezone
from django.views.generic import TemplateView

from nscl.core.permissions import PUBLIC, AccessRequiredMixin
from nscl.portal import cache
from nscl.portal.choices import ArticleStatus
from nscl.portal.models import Article
from nscl.portal.views.caching import PublicCacheMixin


class HomeView(PublicCacheMixin, AccessRequiredMixin, TemplateView):
    """Everything below the header is one cached fragment (see templates/portal/home.html); the view
    itself only works out how long the fragment may live and hands the template lazy reads."""

    access = PUBLIC
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        from nscl.portal import home

        now = timezone.now()
        next_scheduled = Article.objects.filter(status=ArticleStatus.PUBLISHED, published_at__gt=now).aggregate(
            next=Min("published_at")
        )["next"]
        return super().get_context_data(
            cache_version=cache.content_version(),
            cache_seconds=cache.seconds_until(next_scheduled, now),
            home=home.HomeContent(now=now),
            **kwargs,
        )
