"""The shared page cache: visitors without a session get the stored page with no query at all; a
publication refreshes it; signed-in people, HTMX fragments and pages with per-visitor tokens are
never shared; a scheduled publication bounds how long a page lives; each language has its own."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nscl.core.roles import Role
from nscl.portal.cache import LONGEST, page_seconds
from nscl.portal.choices import ArticleStatus
from nscl.portal.tests.factories import ArticleFactory, published

pytestmark = pytest.mark.django_db


def test_the_second_visitor_gets_the_page_without_a_query(client, django_assert_num_queries):
    first = published(title="Hội thảo Lean")
    url = reverse("portal:article_list")
    assert "Hội thảo Lean" in client.get(url).content.decode()
    with django_assert_num_queries(0):
        assert "Hội thảo Lean" in client.get(url).content.decode()
    first.title = "Hội thảo Lean (cập nhật)"
    first.save()  # any portal write bumps the content version
    assert "Hội thảo Lean (cập nhật)" in client.get(url).content.decode()


def test_signed_in_people_always_get_their_own_page(client, make_user):
    published()
    url = reverse("portal:article_list")
    client.get(url)  # stored for visitors without a session
    officer = make_user(Role.OFFICER)
    client.force_login(officer)
    assert officer.display_name in client.get(url).content.decode()
    client.logout()
    client.cookies.clear()
    assert officer.display_name not in client.get(url).content.decode()


def test_a_page_seen_signed_in_is_never_stored_for_others(client, make_user):
    published()
    url = reverse("portal:article_list")
    officer = make_user(Role.OFFICER)
    client.force_login(officer)
    client.get(url)
    client.logout()
    client.cookies.clear()
    page = client.get(url).content.decode()
    assert officer.display_name not in page


def test_htmx_fragments_are_not_shared(client):
    published(title="Tin HTMX")
    url = reverse("portal:article_list")
    client.get(url, headers={"HX-Request": "true"})
    assert "<html" in client.get(url).content.decode()


def test_pages_with_a_per_visitor_token_are_never_shared(client):
    url = reverse("portal:question_list")  # holds the ask form: CSRF and spam tokens
    first = client.get(url).content.decode()
    client.cookies.clear()
    second = client.get(url).content.decode()
    token = 'name="csrfmiddlewaretoken" value="'
    assert first.split(token)[1][:20] != second.split(token)[1][:20]


def test_each_language_has_its_own_page(client):
    published(title="Tin song ngữ", title_en="Bilingual news", body_en="<p>English</p>")
    vi = client.get(reverse("portal:article_list")).content.decode()
    en = client.get("/en" + reverse("portal:article_list")).content.decode()
    assert 'lang="vi"' in vi and 'lang="en"' in en


def test_a_scheduled_publication_bounds_the_page_lifetime():
    now = timezone.now()
    assert page_seconds(now) == LONGEST
    ArticleFactory(status=ArticleStatus.PUBLISHED, published_at=now + datetime.timedelta(seconds=90))
    assert 1 <= page_seconds(now) <= 90
