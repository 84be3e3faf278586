"""The articles' services: who may do what in which state, scheduling, slugs, cleaning, versions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from nscl.accounts.models import Notification
from nscl.core.roles import Role
from nscl.portal.choices import ArticleStatus as S
from nscl.portal.models import Article
from nscl.portal.services import articles as services
from nscl.portal.tests.factories import ArticleFactory, EventTagFactory, TopicFactory

pytestmark = pytest.mark.django_db

ROLES = {
    "officer": Role.OFFICER,
    "editor": Role.EDITOR,
    "enterprise": Role.ENTERPRISE,
    "expert": Role.EXPERT,
    "board": Role.BOARD,
    "admin": Role.ADMIN,
    "no_role": None,
}
TEXT = {"title": "Tiêu đề", "summary": "Tóm tắt", "body": "<p>Nội dung</p>"}


def call(verb: str, article: Article, user):
    if verb == "return_to_draft":
        return services.article_return_to_draft(obj=article, by=user, reason="Cần sửa số liệu")
    return getattr(services, f"article_{verb}")(obj=article, by=user)


# (role, verb, state the article is in) -> allowed? Every other combination is refused.
ALLOWED = {
    ("officer", "submit", S.DRAFT),
    ("editor", "submit", S.DRAFT),
    ("editor", "return_to_draft", S.IN_REVIEW),
    ("editor", "publish", S.IN_REVIEW),
    ("editor", "publish", S.ARCHIVED),
    ("editor", "archive", S.PUBLISHED),
}
STATES = [S.DRAFT, S.IN_REVIEW, S.PUBLISHED, S.ARCHIVED]
VERBS = ["submit", "return_to_draft", "publish", "archive"]
TARGET = {"submit": S.IN_REVIEW, "return_to_draft": S.DRAFT, "publish": S.PUBLISHED, "archive": S.ARCHIVED}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("state", STATES)
def test_the_workflow_table(make_user, role, verb, state):
    user = make_user(ROLES[role])
    published_at = timezone.now() if state in (S.PUBLISHED, S.ARCHIVED) else None
    article = ArticleFactory(status=state, published_at=published_at)
    if (role, verb, state) in ALLOWED:
        assert call(verb, article, user).status == TARGET[verb]
        assert Article.objects.get(pk=article.pk).status == TARGET[verb]
        return
    role_may = any(r == role and v == verb for r, v, _s in ALLOWED)
    expected = ValidationError if role_may else PermissionDenied
    with pytest.raises(expected):
        call(verb, article, user)
    assert Article.objects.get(pk=article.pk).status == state


def test_only_writers_create(make_user):
    for role in (Role.ENTERPRISE, Role.EXPERT, Role.BOARD, None):
        with pytest.raises(PermissionDenied):
            services.article_create(by=make_user(role), **TEXT)
    assert not Article.objects.exists()


def test_return_needs_a_comment_and_notifies_the_author(make_user, django_capture_on_commit_callbacks):
    author = make_user(Role.OFFICER)
    editor = make_user(Role.EDITOR)
    article = services.article_submit(obj=services.article_create(by=author, **TEXT), by=author)
    with pytest.raises(ValidationError) as refused:
        services.article_return_to_draft(obj=article, by=editor, reason="  ")
    assert str(services.ERROR_REASON_REQUIRED) in refused.value.messages
    with django_capture_on_commit_callbacks(execute=True):
        services.article_return_to_draft(obj=article, by=editor, reason="Bổ sung ảnh")
    notice = Notification.objects.get(user=author)
    assert notice.body == "Bổ sung ảnh" and article.get_absolute_url() == notice.url
    version = Article.objects.get(pk=article.pk).history.first()
    assert version.history_user == editor and version.history_change_reason == "Bổ sung ảnh"


def test_publish_notifies_the_author(make_user, django_capture_on_commit_callbacks):
    author, editor = make_user(Role.OFFICER), make_user(Role.EDITOR)
    article = ArticleFactory(created_by=author, status=S.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(obj=article, by=editor)
    assert Notification.objects.filter(user=author).count() == 1


def test_scheduled_publication_waits_for_its_time(make_user):
    editor = make_user(Role.EDITOR)
    now = timezone.now()
    later = now + datetime.timedelta(hours=3)
    article = ArticleFactory(status=S.IN_REVIEW)
    services.article_publish(obj=article, by=editor, published_at=later, now=now)
    article = Article.objects.get(pk=article.pk)
    assert article.status == S.PUBLISHED and article.published_at == later
    assert not Article.objects.public(now=now).filter(pk=article.pk).exists()
    assert not Article.objects.public(now=later - datetime.timedelta(seconds=1)).filter(pk=article.pk).exists()
    assert Article.objects.public(now=later).filter(pk=article.pk).exists()


def test_publish_defaults_to_now(make_user):
    now = timezone.now()
    article = services.article_publish(obj=ArticleFactory(status=S.IN_REVIEW), by=make_user(Role.EDITOR), now=now)
    assert article.published_at == now
    assert Article.objects.public(now=now).filter(pk=article.pk).exists()


def test_slug_is_folded_set_once_and_unique(make_user):
    officer = make_user(Role.OFFICER)
    first = services.article_create(by=officer, title="Đường đến Giải thưởng Chất lượng Quốc gia", summary="s",
                                    body="<p>b</p>")  # fmt: skip
    assert first.slug == "duong-den-giai-thuong-chat-luong-quoc-gia"
    second = services.article_create(by=officer, title="Đường đến giải thưởng chất lượng quốc gia!", summary="s",
                                     body="<p>b</p>")  # fmt: skip
    assert second.slug == "duong-den-giai-thuong-chat-luong-quoc-gia-2"
    edited = services.article_update(obj=first, by=officer, title="Một tiêu đề khác hẳn", summary="s", body="<p>b</p>")
    assert edited.slug == first.slug
    assert Article.objects.get(pk=first.pk).title == "Một tiêu đề khác hẳn"


def test_bodies_are_cleaned_on_save_and_search_text_is_folded(make_user):
    officer = make_user(Role.OFFICER)
    dirty = (
        '<p onclick="x()">Hội nghị <b>NSCL</b><script>alert(1)</script></p>'
        '<img src="x.png" onerror="alert(2)" alt="a"><a href="javascript:alert(3)">link</a>'
    )
    article = services.article_create(by=officer, title="Đắk Lắk học 5S", summary="Tóm tắt", body=dirty,
                                      body_en=dirty)  # fmt: skip
    for body in (article.body, article.body_en):
        assert "<script" not in body and "onerror" not in body and "onclick" not in body
        assert "javascript:" not in body and "alert(1)" not in body
        assert "<b>NSCL</b>" in body
    assert "dak lak hoc 5s" in article.search_text and "hoi nghi" in article.search_text
    assert "<" not in article.search_text


def test_a_body_that_cleans_to_nothing_is_refused(make_user):
    with pytest.raises(ValidationError) as refused:
        services.article_create(by=make_user(Role.OFFICER), title="t", summary="s", body="<script>x()</script>")
    assert str(services.ERROR_EMPTY_BODY) in refused.value.messages


def test_officers_cannot_edit_published_articles_editors_can(make_user):
    article = ArticleFactory(status=S.PUBLISHED, published_at=timezone.now())
    with pytest.raises(PermissionDenied) as refused:
        services.article_update(obj=article, by=make_user(Role.OFFICER), **TEXT)
    assert str(refused.value) == str(services.ERROR_PUBLISHED_LOCKED)
    edited = services.article_update(obj=article, by=make_user(Role.EDITOR), **{**TEXT, "title": "Sửa lỗi chính tả"})
    assert edited.title == "Sửa lỗi chính tả" and edited.status == S.PUBLISHED
    with pytest.raises(PermissionDenied):
        services.article_update(obj=article, by=make_user(Role.ENTERPRISE), **TEXT)


def test_restore_brings_back_an_earlier_version_as_a_new_one(make_user):
    officer, editor = make_user(Role.OFFICER), make_user(Role.EDITOR)
    topic, tag = TopicFactory(), EventTagFactory()
    article = services.article_create(by=officer, title="Bản đầu", summary="Tóm tắt đầu", body="<p>Một</p>",
                                      topic=topic, tags=[tag])  # fmt: skip
    first = article.history.first()  # the latest version of the creation (with the tags)
    services.article_update(obj=article, by=officer, title="Bản hai", summary="Tóm tắt hai", body="<p>Hai</p>")
    count = article.history.count()
    with pytest.raises(PermissionDenied):
        services.article_restore(obj=article, by=officer, history_id=first.history_id)
    with pytest.raises(ValidationError):
        services.article_restore(obj=article, by=editor, history_id=0)
    restored = services.article_restore(obj=article, by=editor, history_id=first.history_id)
    restored = Article.objects.get(pk=restored.pk)
    assert (restored.title, restored.summary, restored.body) == ("Bản đầu", "Tóm tắt đầu", "<p>Một</p>")
    assert restored.topic == topic and list(restored.tags.all()) == [tag]
    assert "mot" in restored.search_text.split()
    assert article.history.count() == count + 1
    latest = article.history.first()
    assert latest.history_user == editor and latest.history_change_reason.startswith("Khôi phục phiên bản")
    assert restored.slug == article.slug


def test_every_edit_is_one_version_with_its_tags(make_user):
    officer = make_user(Role.OFFICER)
    tag = EventTagFactory()
    article = services.article_create(by=officer, **TEXT)
    before = article.history.count()
    services.article_update(obj=article, by=officer, tags=[tag], reason="Gắn sự kiện", **TEXT)
    assert article.history.count() == before + 1
    latest = article.history.first()
    assert latest.history_change_reason == "Gắn sự kiện"
    assert list(latest.tags.values_list("eventtag_id", flat=True)) == [tag.pk]
