"""The site search: accent-insensitive, every word required, public content only, grouped by type."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nscl.portal.models import Article, Document, Question
from nscl.portal.search import PER_GROUP, site_search
from nscl.standards import services as standards_services
from nscl.standards.models import Standard

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def article(title: str, *, status: str = "published", at=None) -> Article:
    return Article.objects.create(
        slug=f"a-{Article.objects.count()}", title=title, summary="", body="", status=status,
        published_at=(at or timezone.now() - HOUR) if status == "published" else None,
        search_text=title.lower(),
    )  # fmt: skip


def stored(code: str, title: str) -> Standard:
    data = {"code": code, "title_vi": title, "status": "in_force"}
    return standards_services.standard_save(standard=Standard(), data=data, by=None)


def by_key(groups) -> dict:
    return {g.key: g for g in groups}


def test_accent_insensitive_and_every_word_required():
    from nscl.core.text import fold

    match = article("Hội nghị năng suất chất lượng")
    match.search_text = fold(match.title)
    match.save()
    other = article("Hội nghị khác")
    other.search_text = fold(other.title)
    other.save()
    groups = by_key(site_search("hoi nghi nang suat"))
    assert groups["articles"].items == [match]
    assert by_key(site_search("Hội nghị"))["articles"].total == 2


def test_only_public_content_is_found():
    article("kaizen ban nhap", status="draft")
    article("kaizen hen gio", at=timezone.now() + HOUR)
    Document.objects.create(
        slug="d", number="1/KH", title="kaizen", doc_type="plan", issuer="UBND", issued_on=datetime.date(2026, 1, 1),
        file="x.pdf", is_published=False, search_text="kaizen",
    )  # fmt: skip
    Question.objects.create(
        slug="q", asker_name="A", asker_email="a@example.org", title="kaizen?", body="?", search_text="kaizen"
    )  # fmt: skip  (new, not published)
    assert site_search("kaizen") == []


def test_a_group_shows_a_few_and_counts_all():
    for n in range(PER_GROUP + 3):
        article(f"lean {n}")
    group = by_key(site_search("lean"))["articles"]
    assert (len(group.items), group.total) == (PER_GROUP, PER_GROUP + 3)


def test_standards_come_from_the_repository_search():
    stored("TCVN ISO 9001:2015", "Hệ thống quản lý chất lượng")
    group = by_key(site_search("quan ly chat luong"))["standards"]
    assert [s.code for s in group.items] == ["TCVN ISO 9001:2015"]


def test_the_page_says_what_to_try_when_nothing_matches(client):
    page = client.get(reverse("portal:search"), {"q": "khong co gi ca"}).content.decode()
    assert "Không tìm thấy nội dung nào" in page and "Thử từ khóa ngắn hơn" in page
    assert "Nhập từ khóa" in client.get(reverse("portal:search")).content.decode()


def test_the_query_is_shown_escaped(client):
    page = client.get(reverse("portal:search"), {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_the_page_lists_standards_with_a_link_to_the_full_search(client):
    for n in range(PER_GROUP + 1):
        stored(f"TCVN {9000 + n}:2020", "An toàn thực phẩm")
    page = client.get(reverse("portal:search"), {"q": "an toan thuc pham"}).content.decode()
    assert page.count('class="code"') == PER_GROUP
    assert reverse("standards:standard_search") + "?q=an%20toan%20thuc%20pham" in page


def test_a_group_has_a_page_of_its_own_with_every_match(client):
    for n in range(PER_GROUP + 3):
        article(f"kaizen {n}")
    grouped = client.get(reverse("portal:search"), {"q": "kaizen"}).content.decode()
    assert "?q=kaizen&amp;type=articles" in grouped
    page = client.get(reverse("portal:search"), {"q": "kaizen", "type": "articles"})
    assert page.context["page"].paginator.count == PER_GROUP + 3
    assert page.content.decode().count("kaizen ") >= PER_GROUP + 3
    bad = client.get(reverse("portal:search"), {"q": "kaizen", "type": "nope"})
    assert bad.status_code == 200 and "page" not in bad.context  # an unknown kind: the grouped page


def test_the_page_lists_each_group_under_its_heading(client):
    article("hop tac xa nang suat")
    page = client.get(reverse("portal:search"), {"q": "nang suat"}).content.decode()
    main = page.split("<main", 1)[1]
    assert 'id="group-articles"' in main and "hop tac xa nang suat" in main
    assert "<section" not in page.split("<title>", 1)[1].split("</title>", 1)[0]
