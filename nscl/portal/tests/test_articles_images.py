"""Image uploads: type by content, size limit, EXIF removed, renditions without upscaling, alt text."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from nscl.core.roles import Role
from nscl.portal import images
from nscl.portal.models import ArticleImage
from nscl.portal.services import articles as services
from nscl.portal.tests.factories import image_upload

pytestmark = pytest.mark.django_db


def upload(user, file, alt_text="Hội nghị tổng kết"):
    return services.article_image_create(by=user, file=file, alt_text=alt_text, caption="Chú thích")


def refusal(error: pytest.ExceptionInfo) -> str:
    return " ".join(error.value.messages)


def test_a_real_png_is_resized_into_renditions(make_user):
    image = upload(make_user(Role.OFFICER), image_upload(2000, 1000))
    assert (image.width, image.height) == (2000, 1000)
    assert set(image.renditions) == {"480", "960", "1600"}
    for width, name in image.renditions.items():
        with default_storage.open(name) as stored:
            picture = Image.open(stored)
            assert picture.format == "PNG"
            assert picture.size == (int(width), int(width) // 2)
        assert name.startswith("portal/images/") and name.endswith(f"-{width}w.png")
    srcset = images.srcset(image)
    assert "480w" in srcset and "1600w" in srcset and "2000w" in srcset
    assert images.thumbnail_url(image).endswith("-480w.png")


def test_no_upscaling(make_user):
    small = upload(make_user(Role.OFFICER), image_upload(600, 400))
    assert set(small.renditions) == {"480"}
    tiny = upload(make_user(Role.OFFICER), image_upload(300, 200))
    assert tiny.renditions == {}
    assert images.srcset(tiny) == f"{tiny.file.url} 300w"


def test_a_text_file_named_jpg_is_refused(make_user):
    fake = SimpleUploadedFile("anh.jpg", b"this is not a picture at all\n" * 10, content_type="image/jpeg")
    with pytest.raises(ValidationError) as refused:
        upload(make_user(Role.OFFICER), fake)
    assert str(images.ERROR_TYPE) in refusal(refused)
    assert not ArticleImage.objects.exists()


def test_other_picture_formats_are_refused(make_user):
    with pytest.raises(ValidationError) as refused:
        upload(make_user(Role.OFFICER), image_upload(100, 100, fmt="GIF", name="anh.gif"))
    assert str(images.ERROR_TYPE) in refusal(refused)


def test_size_limit_and_empty_files(make_user, monkeypatch):
    officer = make_user(Role.OFFICER)
    monkeypatch.setattr(images, "MAX_BYTES", 1000)
    with pytest.raises(ValidationError) as refused:
        upload(officer, image_upload(800, 800, fmt="JPEG", name="anh.jpg"))
    assert "tối đa" in refusal(refused)
    with pytest.raises(ValidationError) as refused:
        upload(officer, SimpleUploadedFile("rong.png", b""))
    assert str(images.ERROR_EMPTY) in refusal(refused)


def test_exif_is_removed(make_user):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x0131] = "Secret software"  # Software
    raw = exif.tobytes()
    original = image_upload(1200, 800, fmt="JPEG", name="anh.jpg", exif=raw)
    assert b"Camera maker" in original.read()
    original.seek(0)
    image = upload(make_user(Role.OFFICER), original)
    for name in [image.file.name, *image.renditions.values()]:
        with default_storage.open(name) as stored:
            data = stored.read()
        assert b"Camera maker" not in data
        assert not Image.open(io.BytesIO(data)).getexif()


def test_alt_text_is_required_and_only_writers_upload(make_user):
    with pytest.raises(ValidationError) as refused:
        upload(make_user(Role.OFFICER), image_upload(100, 100), alt_text="  ")
    assert str(images.ERROR_ALT_REQUIRED) in refusal(refused)
    for role in (Role.ENTERPRISE, Role.EXPERT, None):
        with pytest.raises(PermissionDenied):
            upload(make_user(role), image_upload(100, 100))
    assert not ArticleImage.objects.exists()
