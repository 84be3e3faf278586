"""Opting a public view into the shared page cache (nscl/portal/middleware.py)."""

from functools import cached_property

from nscl.portal import cache


class PublicCacheMixin:
    """Let the middleware keep this view's page for visitors without a session. Only for pages that
    hold no per-visitor content: no CSRF token, no spam token, no messages."""

    @cached_property
    def cache_seconds(self) -> int:
        """How long this page (or a fragment of it) may be shared: read once per request."""
        return cache.page_seconds()

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200 and not request.user.is_authenticated and not request.htmx:
            response.portal_cache_seconds = self.cache_seconds
        return response
