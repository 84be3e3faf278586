"""The project's URLs plus the uploaded files, for the live server of the browser tests.

In production the reverse proxy serves MEDIA_ROOT and `make run` (DEBUG) has Django do it; the live
server runs without DEBUG, so the pictures the demo data uploads would answer 404 (a console error).
Files are read through the default storage (in memory under the test settings).
"""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import re_path

from config.urls import urlpatterns as project_urlpatterns


def media(request, path):  # noqa: ARG001
    if not default_storage.exists(path):
        raise Http404(path)
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(path), content_type=content_type)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *project_urlpatterns]
