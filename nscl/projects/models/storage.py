"""Private storage for project documents: outside MEDIA_ROOT, so no static route ever serves them."""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files under NSCL_PRIVATE_MEDIA_ROOT (default: a "private" folder next to MEDIA_ROOT), no URL.

    The location is read from the settings at each use, so tests that move MEDIA_ROOT move it too.
    """

    @property
    def base_location(self) -> str:  # type: ignore[override]
        configured = getattr(settings, "NSCL_PRIVATE_MEDIA_ROOT", None)
        if configured:
            return str(configured)
        return os.path.join(os.path.dirname(os.path.abspath(str(settings.MEDIA_ROOT))), "private")

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)

    def url(self, name):  # noqa: ARG002
        raise ValueError("Private files have no URL; serve them through a view that checks the reader.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def document_path(instance, filename: str) -> str:  # noqa: ARG001  (the user's name is never used on disk)
    """projects/<project id>/<uuid4>.<extension found in the content>."""
    return f"projects/{instance.project_id}/{uuid.uuid4().hex}.{instance.extension}"
