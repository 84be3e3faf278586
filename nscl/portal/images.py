"""Pictures of the articles: the processing is shared by every app and lives in ``nscl.core.images``.

This module keeps the names the portal uses (``images.prepare``, ``images.srcset``, the error texts…)
and the portal's own size limit, ``MAX_BYTES``, read at each call.
"""

from nscl.core import images as _core
from nscl.core.images import (
    ERROR_ALT_REQUIRED,
    ERROR_EMPTY,
    ERROR_TOO_BIG,
    ERROR_TOO_MANY_PIXELS,
    ERROR_TYPE,
    FORMATS,
    MAX_PIXELS,
    SAVE_OPTIONS,
    WIDTHS,
    Prepared,
    make_renditions,
    srcset,
    thumbnail_url,
)

__all__ = [
    "ERROR_ALT_REQUIRED",
    "ERROR_EMPTY",
    "ERROR_TOO_BIG",
    "ERROR_TOO_MANY_PIXELS",
    "ERROR_TYPE",
    "FORMATS",
    "MAX_BYTES",
    "MAX_PIXELS",
    "SAVE_OPTIONS",
    "WIDTHS",
    "Prepared",
    "make_renditions",
    "prepare",
    "srcset",
    "thumbnail_url",
]

MAX_BYTES = _core.MAX_BYTES


def prepare(upload) -> Prepared:
    """The upload as a clean original (``nscl.core.images.prepare``) within the portal's size limit."""
    return _core.prepare(upload, max_bytes=MAX_BYTES)
