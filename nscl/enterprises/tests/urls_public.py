"""The project's URLs with the enterprise registry's public pages routed (they wait for the guard test's
PUBLIC list, see nscl/enterprises/urls.py). Tests of those pages use this with @pytest.mark.urls."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLResolver, include, path
from django.urls.resolvers import LocalePrefixPattern

from config import urls as project
from nscl.enterprises import urls as enterprise_urls


def _with_public_pages(patterns: list) -> list:
    return [
        path("doanh-nghiep/", include((enterprise_urls.ALL_URLPATTERNS, "enterprises")))
        if isinstance(entry, URLResolver) and entry.namespace == "enterprises"
        else entry
        for entry in patterns
    ]


urlpatterns: list = []
for entry in project.urlpatterns:
    if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
        urlpatterns += i18n_patterns(*_with_public_pages(entry.url_patterns), prefix_default_language=False)
    else:
        urlpatterns.append(entry)
