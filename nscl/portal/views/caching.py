"""Opting a public view into the shared page cache (nscl/portal/middleware.py)."""

from nscl.portal.cache import page_seconds


class PublicCacheMixin:
    """Let the middleware keep this view's page for visitors without a session. Only for pages that
    hold no per-visitor content: no CSRF token, no spam token, no messages."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200 and not request.user.is_authenticated and not request.htmx:
            response.portal_cache_seconds = page_seconds()
        return response
