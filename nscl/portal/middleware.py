"""Whole public pages from the cache, for visitors without a session.

A view opts in by setting ``response.portal_cache_seconds`` (``PublicCacheMixin``). Such a response
is kept under the portal's content version, the language and the full path, and later visitors
without a session or messages cookie get the same bytes before any view, session or template work
runs. A response that sets a cookie (a CSRF token, a session) is never kept, so one visitor's token
never reaches another; signed-in people always get a fresh page. Every portal write bumps the
content version (nscl.portal.cache), so a publication shows at once.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from nscl.portal.cache import content_version

PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def page_key(request) -> str | None:
    """The cache key of this request's page, or None when the request must not share one."""
    if request.method not in ("GET", "HEAD") or any(name in request.COOKIES for name in PRIVATE_COOKIES):
        return None
    if "HX-Request" in request.headers:  # a fragment, not the page
        return None
    path = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    return f"nscl:portal:page:{content_version()}:{get_language()}:{path}"


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                return cached
        response = self.get_response(request)
        seconds = getattr(response, "portal_cache_seconds", None)
        if key is not None and request.method == "GET" and seconds and self._shareable(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(key, response, seconds)
        return response

    @staticmethod
    def _shareable(response) -> bool:
        return response.status_code == 200 and not response.cookies and not response.streaming
