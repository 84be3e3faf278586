"""The portal's demo content: complete, labelled as invented, already clean, and loaded only once."""

import re
import time

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from nscl.portal import demo
from nscl.portal.choices import ArticleStatus, QuestionStatus
from nscl.portal.models import Article, ArticleImage, Document, EventTag, Page, Question, Topic
from nscl.portal.text import clean_html

pytestmark = pytest.mark.django_db
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COUNTED = (Article, Topic, EventTag, Document, Question, Page)


def _portal_load_seconds() -> float:
    """How long the portal's own loader takes on a database without portal rows (then undone)."""
    with transaction.atomic():
        for model in COUNTED:
            model.objects.all().delete()
        started = time.monotonic()
        demo.load()
        seconds = time.monotonic() - started
        transaction.set_rollback(True)
    return seconds


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """`load_demo` twice, inside one transaction rolled back at the end so no other test sees the rows;
    yields the portal counts after the first run and the time the portal loader takes."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        first = {model: model.objects.count() for model in COUNTED}
        seconds = _portal_load_seconds()
        call_command("load_demo", verbosity=0)
        yield first, seconds
        transaction.set_rollback(True)


def test_the_second_load_adds_nothing(loaded):
    first, _seconds = loaded
    assert {model: model.objects.count() for model in COUNTED} == first
    assert demo.load() == 0


def test_the_portal_loader_is_fast(loaded):
    _first, seconds = loaded
    assert seconds < 3


def test_articles_show_the_whole_workflow(loaded):
    now = timezone.now()
    assert Article.objects.count() == 24
    assert Article.objects.public(now).count() >= 19
    assert Article.objects.filter(status=ArticleStatus.PUBLISHED, published_at__gt=now).count() == 1
    assert Article.objects.filter(status=ArticleStatus.DRAFT).exists()
    assert Article.objects.filter(status=ArticleStatus.IN_REVIEW).exists()
    assert Article.objects.filter(is_lead=True).count() == 1
    assert Article.objects.exclude(title_en="").count() == 2
    # Every article has a generated illustration, captioned as such, with renditions for srcset.
    assert not Article.objects.filter(lead_image=None).exists()
    for image in ArticleImage.objects.all():
        assert image.alt_text.startswith("Ảnh minh họa") and "minh họa" in image.caption
        assert image.renditions


def test_bodies_are_clean_and_invented_articles_say_so(loaded):
    real = {a["title"] for a in demo.content()["articles"] if a.get("real")}
    assert len(real) == 2
    for article in Article.objects.all():
        assert clean_html(article.body) == article.body, article.slug
        assert clean_html(article.body_en) == article.body_en, article.slug
        assert article.search_text and article.search_text == article.search_text.lower()
        if article.title in real:
            assert demo.DEMO_NOTE not in article.body
        else:
            assert article.body.endswith(demo.demo_note_html()), article.slug


def test_slugs_are_readable_without_diacritics(loaded):
    for model in COUNTED:
        for slug in model.objects.values_list("slug", flat=True):
            assert SLUG.match(slug), slug


def test_taxonomy_and_pages(loaded):
    assert Topic.objects.count() == 3
    assert EventTag.objects.count() >= 5
    assert set(Page.objects.values_list("slug", flat=True)) == {"gioi-thieu", "ban-dieu-hanh", "lien-he"}
    for page in Page.objects.all():
        assert page.title_en and page.body_en
        assert clean_html(page.body) == page.body


def test_documents_have_a_placeholder_pdf(loaded):
    assert Document.objects.count() == 8
    for document in Document.objects.all():
        assert document.file_size > 0
        with document.file.open("rb") as handle:
            data = handle.read()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        assert len(data) == document.file_size
        if document.number.endswith("-MH"):
            assert "Văn bản minh họa" in document.summary


def test_questions(loaded):
    assert Question.objects.count() == 8
    assert Question.objects.public().count() == 6
    assert Question.objects.filter(status=QuestionStatus.NEW, answer="").count() == 1
    assert Question.objects.filter(status=QuestionStatus.ANSWERED_PRIVATELY).exclude(answer="").count() == 1
    assert all(email.endswith(".invalid") for email in Question.objects.values_list("asker_email", flat=True))
