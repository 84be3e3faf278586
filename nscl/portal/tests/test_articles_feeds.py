"""Feeds (RSS and Atom, all news and per topic) and the sitemap list public articles only."""

import pytest
from django.urls import reverse

from nscl.portal.tests.factories import TopicFactory, published
from nscl.portal.tests.test_articles_public import hidden_articles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["portal:article_feed_rss", "portal:article_feed_atom"])
def test_news_feeds_list_public_articles_only(client, name):
    public = published(title="Tin công khai <b>đậm</b>")
    hidden = hidden_articles()
    response = client.get(reverse(name))
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml" if "rss" in name else "application/atom+xml")
    assert public.slug in body and "Tin công khai &lt;b&gt;đậm&lt;/b&gt;" in body
    for article in hidden:
        assert article.slug not in body and article.title not in body


@pytest.mark.parametrize("name", ["portal:topic_feed_rss", "portal:topic_feed_atom"])
def test_topic_feeds(client, name):
    topic = TopicFactory()
    inside, outside = published(topic=topic), published()
    hidden = hidden_articles()
    for article in hidden:
        article.topic = topic  # a direct write of a non-state field, for the test only
        article.save(update_fields=["topic"])
    body = client.get(reverse(name, args=[topic.slug])).content.decode()
    assert inside.slug in body and outside.slug not in body
    for article in hidden:
        assert article.slug not in body
    assert client.get(reverse(name, args=["khong-co"])).status_code == 404


def test_the_sitemap_lists_public_articles_only(client):
    topic = TopicFactory()
    public = published(topic=topic)
    hidden = hidden_articles()
    response = client.get("/sitemap.xml")
    body = response.content.decode()
    assert response.status_code == 200
    assert f"http://testserver{public.get_absolute_url()}" in body
    assert f"http://testserver{topic.get_absolute_url()}" in body
    assert f"http://testserver{reverse('portal:article_list')}" in body
    for article in hidden:
        assert article.slug not in body
