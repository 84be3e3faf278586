"""Uploaded pictures, for every app: checked by what they are (never by their name), stripped of EXIF
(camera, owner, GPS position), turned upright, and resized to a few widths for ``srcset``.

``prepare`` reads an upload and returns the cleaned original; ``make_renditions`` writes the smaller
copies next to the stored original and returns ``{width: stored name}``. Never upscaled. ``srcset`` and
``thumbnail_url`` read any model with an ImageField ``file``, its ``width`` and a ``renditions`` JSON field.
"""

import io
import os
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 50_000_000  # a decompression bomb is refused before it is decoded
WIDTHS = (480, 960, 1600)
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SAVE_OPTIONS = {"JPEG": {"quality": 85, "optimize": True, "progressive": True}, "PNG": {"optimize": True},
                "WEBP": {"quality": 82}}  # fmt: skip

ERROR_EMPTY = _("Tệp ảnh rỗng.")
ERROR_TOO_BIG = _("Ảnh quá lớn: tối đa %(limit)s MB.")
ERROR_TYPE = _("Chỉ nhận ảnh JPEG, PNG hoặc WebP (kiểm tra theo nội dung tệp, không theo tên).")
ERROR_TOO_MANY_PIXELS = _("Ảnh có quá nhiều điểm ảnh.")
ERROR_ALT_REQUIRED = _("Hãy mô tả nội dung ảnh (alt) cho người không xem được ảnh.")


@dataclass(frozen=True)
class Prepared:
    """The cleaned original: its stored name, bytes, format and the decoded picture."""

    name: str
    content: ContentFile
    format: str
    image: Image.Image


def _open(upload, max_bytes: int) -> Image.Image:
    size = getattr(upload, "size", None) or 0
    if size <= 0:
        raise ValidationError({"file": ERROR_EMPTY})
    if size > max_bytes:
        raise ValidationError({"file": ERROR_TOO_BIG % {"limit": max_bytes // (1024 * 1024)}})
    upload.seek(0)
    data = upload.read()
    try:
        probe = Image.open(io.BytesIO(data))
        if probe.format not in FORMATS:
            raise ValidationError({"file": ERROR_TYPE})
        if probe.width * probe.height > MAX_PIXELS:
            raise ValidationError({"file": ERROR_TOO_MANY_PIXELS})
        probe.verify()  # a truncated or corrupt file fails here
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError({"file": ERROR_TYPE}) from error
    return image


def _encode(image: Image.Image, fmt: str) -> bytes:
    """The picture re-encoded: no EXIF or other metadata is carried over (only the colour profile)."""
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    options = dict(SAVE_OPTIONS[fmt])
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def prepare(upload, *, max_bytes: int | None = None) -> Prepared:
    """The upload as a clean original, or ValidationError (on ``file``) naming what is wrong with it.

    ``max_bytes`` is the caller's size limit (``MAX_BYTES`` when not given).
    """
    image = _open(upload, max_bytes or MAX_BYTES)
    fmt = image.format
    upright = ImageOps.exif_transpose(image)  # the EXIF orientation applied, then EXIF dropped
    upright.info.pop("exif", None)
    name = f"{uuid.uuid4().hex[:16]}.{FORMATS[fmt]}"
    return Prepared(name=name, content=ContentFile(_encode(upright, fmt)), format=fmt, image=upright)


def make_renditions(original_name: str, prepared: Prepared) -> dict[str, str]:
    """Smaller copies at WIDTHS narrower than the original, stored beside it: ``{"480": name, ...}``."""
    stem, ext = os.path.splitext(original_name)
    renditions: dict[str, str] = {}
    for width in WIDTHS:
        if width >= prepared.image.width:
            break  # never upscale
        height = max(1, round(prepared.image.height * width / prepared.image.width))
        resized = prepared.image.resize((width, height), Image.Resampling.LANCZOS)
        resized.info = dict(prepared.image.info)
        stored = default_storage.save(f"{stem}-{width}w{ext}", ContentFile(_encode(resized, prepared.format)))
        renditions[str(width)] = stored
    return renditions


def srcset(image) -> str:
    """``srcset`` for a stored picture: each rendition and the original, with their widths."""
    if image is None:
        return ""
    parts = [f"{default_storage.url(name)} {width}w" for width, name in sorted(image.renditions.items(), key=_width)]
    parts.append(f"{image.file.url} {image.width}w")
    return ", ".join(parts)


def thumbnail_url(image, width: int = WIDTHS[0]) -> str:
    """The smallest stored copy at least ``width`` wide (the original when none is)."""
    if image is None:
        return ""
    for key, name in sorted(image.renditions.items(), key=_width):
        if int(key) >= width:
            return default_storage.url(name)
    return image.file.url


def _width(item: tuple[str, str]) -> int:
    return int(item[0])
