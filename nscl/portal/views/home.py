"""The home page: lead story and latest news, topic series, the standards search, program figures
computed from the records, model enterprises, the newest documents."""

from django.utils import timezone
from django.views.generic import TemplateView

from nscl.core.permissions import PUBLIC, AccessRequiredMixin
from nscl.portal import cache
from nscl.portal.views.caching import PublicCacheMixin


class HomeView(PublicCacheMixin, AccessRequiredMixin, TemplateView):
    """Everything below the header is one cached fragment (see templates/portal/home.html); the view
    itself only works out how long the fragment may live and hands the template lazy reads."""

    access = PUBLIC
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        from nscl.portal import home

        return super().get_context_data(
            cache_version=cache.content_version(),
            cache_seconds=self.cache_seconds,
            home=home.HomeContent(now=timezone.now()),
            **kwargs,
        )
