"""Factories for the articles' tests (the documents, questions and pages have ``factories_library``)."""

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from nscl.accounts.tests.factories import UserFactory
from nscl.core.roles import Role
from nscl.portal.choices import ArticleStatus
from nscl.portal.models import Article, EventTag, Topic
from nscl.portal.text import clean_html

__all__ = ["ArticleFactory", "EventTagFactory", "TopicFactory", "image_upload", "published"]


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"chuyen-de-{n}")
    name_vi = factory.Sequence(lambda n: f"Chuyên đề {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


class EventTagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventTag

    slug = factory.Sequence(lambda n: f"su-kien-{n}")
    name_vi = factory.Sequence(lambda n: f"Sự kiện {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A draft written straight to the table (tests of the services go through the services).
    ``status`` is a protected FSM field, so it is passed to the constructor, never set afterwards."""

    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Tập huấn năng suất chất lượng số {n}")
    slug = factory.Sequence(lambda n: f"tap-huan-nang-suat-chat-luong-so-{n}")
    summary = "Doanh nghiệp trong tỉnh học cách áp dụng công cụ cải tiến."
    body = factory.LazyFunction(lambda: clean_html("<p>Nội dung bài viết về <strong>5S</strong> và Kaizen.</p>"))
    byline = "Phòng Quản lý tiêu chuẩn chất lượng"
    created_by = factory.SubFactory(UserFactory, roles=[Role.OFFICER])
    status = ArticleStatus.DRAFT


def published(*, days_ago: int = 1, **kwargs) -> Article:
    """A public article, published ``days_ago`` days ago."""
    return ArticleFactory(
        status=ArticleStatus.PUBLISHED, published_at=timezone.now() - datetime.timedelta(days=days_ago), **kwargs
    )


def image_upload(
    width: int = 2000, height: int = 1000, fmt: str = "PNG", name: str = "anh.png", exif: bytes | None = None
) -> SimpleUploadedFile:
    """A real picture made by Pillow, as an upload."""
    buffer = io.BytesIO()
    options = {"exif": exif} if exif else {}
    Image.new("RGB", (width, height), (11, 79, 138)).save(buffer, format=fmt, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")
