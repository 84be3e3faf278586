"""The public news pages: what the public may see, escaping, the article page's parts, bounded queries."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from nscl.core.roles import Role
from nscl.portal.choices import ArticleStatus as S
from nscl.portal.models import Article
from nscl.portal.services import articles as services
from nscl.portal.tests.factories import ArticleFactory, EventTagFactory, TopicFactory, image_upload, published

pytestmark = pytest.mark.django_db


def hidden_articles():
    """One article in each state the public must not see."""
    later = timezone.now() + datetime.timedelta(hours=2)
    return [
        ArticleFactory(slug="ban-nhap", title="Bản nháp bí mật", status=S.DRAFT),
        ArticleFactory(slug="cho-duyet", title="Đang chờ duyệt", status=S.IN_REVIEW),
        ArticleFactory(slug="hen-gio", title="Hẹn giờ đăng", status=S.PUBLISHED, published_at=later),
    ]


def test_the_list_shows_public_articles_newest_first(client):
    old, new = published(days_ago=5, title="Tin cũ"), published(days_ago=1, title="Tin mới")
    hidden = hidden_articles()
    response = client.get(reverse("portal:article_list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(new.title) < html.index(old.title)
    for article in hidden:
        assert article.title not in html


def test_the_list_is_paginated(client):
    for days in range(14):
        published(days_ago=days + 1)
    first = client.get(reverse("portal:article_list"))
    assert len(first.context["articles"]) == 12 and first.context["is_paginated"]
    second = client.get(reverse("portal:article_list"), {"page": 2})
    assert len(second.context["articles"]) == 2


@pytest.mark.parametrize("role", [None, Role.ENTERPRISE, Role.EXPERT])
def test_guessed_slugs_of_unpublished_articles_are_404(client, make_user, role):
    if role is not None:
        client.force_login(make_user(role))
    for article in hidden_articles():
        assert client.get(reverse("portal:article_detail", args=[article.slug])).status_code == 404
    assert client.get(reverse("portal:article_detail", args=["khong-co-bai-nay"])).status_code == 404


@pytest.mark.parametrize("role", [Role.OFFICER, Role.EDITOR])
def test_writers_and_editors_preview_unpublished_articles(client, make_user, role):
    client.force_login(make_user(role))
    for article in hidden_articles():
        response = client.get(reverse("portal:article_detail", args=[article.slug]))
        assert response.status_code == 200
        assert "Bản xem trước" in response.content.decode()
        assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_a_scheduled_article_appears_when_its_time_comes(client, make_user):
    article = ArticleFactory(status=S.IN_REVIEW)
    now = timezone.now()
    services.article_publish(obj=article, by=make_user(Role.EDITOR), published_at=now + datetime.timedelta(minutes=5))
    url = reverse("portal:article_detail", args=[article.slug])
    assert client.get(url).status_code == 404
    assert article.title not in client.get(reverse("portal:article_list")).content.decode()
    # the time passes (moved back rather than waited for); the shared page cache lived only until the
    # scheduled time (nscl.portal.cache.page_seconds, tested in test_page_cache.py), so it is gone too
    Article.objects.filter(pk=article.pk).update(published_at=now - datetime.timedelta(minutes=1))
    cache.clear()
    assert client.get(url).status_code == 200
    assert article.title in client.get(reverse("portal:article_list")).content.decode()


def test_archived_articles_keep_their_page_but_leave_the_lists(client):
    article = ArticleFactory(status=S.ARCHIVED, published_at=timezone.now() - datetime.timedelta(days=3))
    response = client.get(reverse("portal:article_detail", args=[article.slug]))
    assert response.status_code == 200 and "đã được lưu trữ" in response.content.decode()
    assert article.title not in client.get(reverse("portal:article_list")).content.decode()


def test_every_typed_field_is_escaped_and_the_body_is_the_cleaned_html(client, make_user):
    officer, editor = make_user(Role.OFFICER), make_user(Role.EDITOR)
    image = services.article_image_create(by=officer, file=image_upload(1000, 500), alt_text='<b>"alt"</b>',
                                          caption="<script>cap()</script>")  # fmt: skip
    article = services.article_create(
        by=officer, title="<script>alert('t')</script> Tiêu đề", summary="<img src=x onerror=alert(1)>",
        body='<p>Thân bài <a href="javascript:alert(2)">x</a></p><script>alert(3)</script>',
        byline="<i>Tác giả</i>", lead_image=image,
    )  # fmt: skip
    services.article_submit(obj=article, by=officer)
    services.article_publish(obj=article, by=editor)
    for url in (reverse("portal:article_detail", args=[article.slug]), reverse("portal:article_list")):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html and "<script>cap" not in html
        assert "javascript:" not in html and "<i>Tác giả</i>" not in html
    html = client.get(reverse("portal:article_detail", args=[article.slug])).content.decode()
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; Tiêu đề" in html
    assert "&lt;i&gt;Tác giả&lt;/i&gt;" in html and "&lt;script&gt;cap()&lt;/script&gt;" in html
    assert "<p>Thân bài <a" in html  # the cleaned body is real HTML


def test_the_article_page(client, make_user):
    topic, tag = TopicFactory(), EventTagFactory()
    officer = make_user(Role.OFFICER)
    image = services.article_image_create(by=officer, file=image_upload(2000, 1000), alt_text="Hội nghị",
                                          caption="Toàn cảnh hội nghị", credit="Sở KH&CN")  # fmt: skip
    article = published(title="Hội nghị năng suất", summary="Tóm tắt hội nghị", byline="Minh Anh", topic=topic,
                        lead_image=image)  # fmt: skip
    article.tags.set([tag])
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert html.count("<h1") == 1
    local = timezone.localtime(article.published_at)
    assert local.strftime("%d/%m/%Y %H:%M") in html
    assert 'srcset="' in html and "480w" in html and "1600w" in html and 'sizes="' in html
    assert 'alt="Hội nghị"' in html and "Toàn cảnh hội nghị" in html and "Minh Anh" in html
    assert topic.get_absolute_url() in html and tag.get_absolute_url() in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Hội nghị năng suất">' in html
    assert '<meta property="og:image" content="http://testserver/media/portal/images/' in html
    assert "facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Ftin-tuc%2F" in html
    assert "sp.zalo.me/share_inline?u=" in html and 'href="mailto:?subject=' in html
    assert 'href="#top"' in html and "portal/articles.css" in html
    assert '<script src="http' not in html  # no third-party script


def test_related_articles_same_topic_or_tags_first_then_recent_never_itself(client):
    topic, tag = TopicFactory(), EventTagFactory()
    article = published(topic=topic)
    article.tags.set([tag])
    same_topic = published(days_ago=20, topic=topic)
    same_tag = published(days_ago=30)
    same_tag.tags.set([tag])
    recent = [published(days_ago=2), published(days_ago=3), published(days_ago=4)]
    ArticleFactory(topic=topic)  # a draft of the same topic: never shown
    related = client.get(article.get_absolute_url()).context["related"]
    assert related[:2] == [same_topic, same_tag]
    assert related[2:] == recent[:2]
    assert article not in related and len(related) == 4


def test_topic_tag_and_month_lists(client):
    topic, tag = TopicFactory(), EventTagFactory()
    in_topic = published(topic=topic, title="Trong chuyên đề")
    tagged = published(title="Có gắn sự kiện")
    tagged.tags.set([tag])
    other = published(title="Bài khác")
    ArticleFactory(topic=topic, title="Nháp chuyên đề")
    html = client.get(topic.get_absolute_url()).content.decode()
    assert in_topic.title in html and other.title not in html and "Nháp chuyên đề" not in html
    html = client.get(tag.get_absolute_url()).content.decode()
    assert tagged.title in html and other.title not in html
    old = ArticleFactory(status=S.PUBLISHED, published_at=timezone.make_aware(datetime.datetime(2024, 3, 15, 9)))  # noqa: DTZ001
    html = client.get(reverse("portal:article_month", args=[2024, 3])).content.decode()
    assert old.title in html and other.title not in html
    assert client.get(reverse("portal:article_month", args=[2024, 13])).status_code == 404
    assert client.get(reverse("portal:topic_detail", args=["khong-co"])).status_code == 404


def test_english_shown_when_translated_else_vietnamese_with_a_note(client):
    translated = published(title="Tin tiếng Việt", title_en="News in English", body_en="<p>English body</p>")
    untranslated = published(title="Chỉ có tiếng Việt")
    url, other = translated.get_absolute_url(), untranslated.get_absolute_url()  # before English is active
    html = client.get("/en" + url).content.decode()
    assert "News in English" in html and "English body" in html
    response = client.get("/en" + other)
    assert "Chỉ có tiếng Việt" in response.content.decode() and response.context["untranslated"]
    html = client.get(url).content.decode()
    assert "Tin tiếng Việt" in html and "News in English" not in html


def make_many(count: int):
    topic, tag = TopicFactory(), EventTagFactory()
    officer = ArticleFactory().created_by
    image = services.article_image_create(by=officer, file=image_upload(1000, 500), alt_text="Ảnh")
    articles = [published(days_ago=n + 1, topic=topic, lead_image=image) for n in range(count)]
    for article in articles:
        article.tags.set([tag])
    return articles


def test_public_list_queries_are_bounded(client, django_assert_max_num_queries):
    make_many(20)
    with django_assert_max_num_queries(5):  # count, page, months; footer pages; next scheduled time
        assert client.get(reverse("portal:article_list")).status_code == 200


def test_public_detail_queries_are_bounded(client, django_assert_max_num_queries):
    article = make_many(20)[5]
    with django_assert_max_num_queries(6):  # article, tags, related (close, recent); footer; next scheduled
        assert client.get(article.get_absolute_url()).status_code == 200
