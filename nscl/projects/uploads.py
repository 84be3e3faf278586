"""Upload checks for project documents: size, then type read from the content (never the name)."""

import filetype
from django.core.exceptions import ValidationError

from nscl.projects import constants

HEAD_BYTES = 8192


def check_upload(upload, *, max_bytes: int = constants.DOCUMENT_MAX_BYTES) -> tuple[str, str]:
    """Return (MIME type, extension) of an accepted file; raise ValidationError otherwise."""
    size = getattr(upload, "size", None) or 0
    if size <= 0:
        raise ValidationError(constants.ERROR_FILE_EMPTY)
    if size > max_bytes:
        raise ValidationError(constants.ERROR_FILE_TOO_BIG % {"limit": max_bytes // (1024 * 1024)})
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else ""
    if mime not in constants.DOCUMENT_TYPES:
        raise ValidationError(constants.ERROR_FILE_TYPE)
    return mime, constants.DOCUMENT_TYPES[mime]
