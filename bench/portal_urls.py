"""URLs of the portal benchmark: the project's own, plus the baseline, a minimal Django view.

Only bench/portal.py serves these (through bench/portal_settings.py); the project never does.
"""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def minimal(request):  # noqa: ARG001
    """The baseline: the same middleware and server, no template, no query."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal), *project_urlpatterns]
