"""The home page: public articles only, figures computed from the records, one cached fragment that a
publication refreshes at once and a scheduled publication refreshes on time."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nscl.enterprises.tests.factories import ModelEnterpriseFactory
from nscl.portal import cache
from nscl.portal.models import Article
from nscl.projects.choices import ProjectStatus
from nscl.projects.tests.factories import SupportProjectFactory, force_status

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def article(title: str, *, status: str = "published", at=None, lead: bool = False) -> Article:
    at = at or timezone.now() - HOUR
    return Article.objects.create(
        slug=title.lower().replace(" ", "-"), title=title, summary=f"Tóm tắt {title}", body="<p>x</p>",
        status=status, published_at=at if status == "published" else None, is_lead=lead,
    )  # fmt: skip


def home(client) -> str:
    return client.get(reverse("portal:home")).content.decode()


def test_only_public_articles_are_shown_with_the_marked_lead_first(client):
    article("Tin cu", at=timezone.now() - 48 * HOUR, lead=True)
    article("Tin moi")
    article("Ban nhap", status="draft")
    article("Hen gio", at=timezone.now() + HOUR)
    page = home(client)
    assert page.index("Tin cu") < page.index("Tin moi")  # the lead story comes first, though older
    assert "Ban nhap" not in page and "Hen gio" not in page


def test_the_figures_come_from_the_records(client):
    for status in (ProjectStatus.APPROVED, ProjectStatus.ACCEPTED, ProjectStatus.ACCEPTED, ProjectStatus.DRAFT):
        force_status(SupportProjectFactory(), status)
    ModelEnterpriseFactory()
    figures = client.get(reverse("portal:home")).context["home"].figures
    assert figures == {"enterprises_supported": 3, "projects_accepted": 2, "model_enterprises": 1, "standards": 0}


def test_the_fragment_is_cached_and_a_publication_refreshes_it(client):
    first = article("Tin dau")
    assert "Tin dau" in home(client)
    Article.objects.filter(pk=first.pk).update(title="Doi ten lang le")  # no signal: the cache still holds
    assert "Tin dau" in home(client)
    first = Article.objects.get(pk=first.pk)
    first.title = "Doi ten cong khai"
    first.save()  # a real save bumps the content version
    assert "Doi ten cong khai" in home(client)


def test_a_scheduled_article_caps_the_cache_time():
    now = timezone.now()
    assert cache.seconds_until(None, now) == cache.LONGEST
    assert cache.seconds_until(now + datetime.timedelta(seconds=90), now) == 90
    assert cache.seconds_until(now + datetime.timedelta(days=3), now) == cache.LONGEST
    assert cache.seconds_until(now - HOUR, now) == 1


def test_the_cached_page_is_cheap(client, django_assert_max_num_queries):
    for n in range(8):
        article(f"Tin {n}")
    home(client)
    with django_assert_max_num_queries(3):  # the next scheduled time (+ session/user when signed in)
        home(client)


def test_the_first_render_is_bounded_whatever_the_number_of_articles(client, django_assert_max_num_queries):
    for n in range(30):
        article(f"Tin {n}")
    with django_assert_max_num_queries(14):  # the fragment's reads, the footer's pages, the page's lifetime
        home(client)
