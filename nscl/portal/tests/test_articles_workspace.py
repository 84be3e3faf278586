"""The workspace pages: who gets in, the form with its preview, buttons by role, versions, images."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from nscl.core.roles import Role
from nscl.portal import permissions
from nscl.portal.choices import ArticleStatus as S
from nscl.portal.models import Article, ArticleImage
from nscl.portal.services import articles as services
from nscl.portal.tests.factories import ArticleFactory, TopicFactory, image_upload

pytestmark = pytest.mark.django_db

FORM = {"title": "Hội thảo Kaizen tại Lạng Sơn", "summary": "Tóm tắt", "body": "<p>Nội dung <script>x()</script></p>"}


def pages(article: Article) -> list[str]:
    return [
        reverse("portal:article_workspace_list"),
        reverse("portal:article_create"),
        reverse("portal:article_workspace_detail", args=[article.pk]),
        reverse("portal:article_edit", args=[article.pk]),
        reverse("portal:image_upload"),
    ]


def test_anonymous_users_are_sent_to_sign_in(client):
    for url in pages(ArticleFactory()):
        response = client.get(url)
        assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response.url


@pytest.mark.parametrize("role", [Role.ENTERPRISE, Role.EXPERT, Role.BOARD, None])
def test_other_roles_are_refused(client, make_user, role):
    client.force_login(make_user(role))
    article = ArticleFactory()
    for url in pages(article):
        assert client.get(url).status_code == 403
    response = client.post(reverse("portal:article_transition", args=[article.pk]), {"action": "submit"})
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).status == S.DRAFT


@pytest.mark.parametrize("role", [Role.OFFICER, Role.EDITOR])
def test_writers_open_every_page(client, make_user, role):
    client.force_login(make_user(role))
    for url in pages(ArticleFactory()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count("<h1") == 1


def test_list_filters_by_state_and_folded_words(client, make_user):
    client.force_login(make_user(Role.OFFICER))
    draft = ArticleFactory(title="Đo lường thử nghiệm", search_text="do luong thu nghiem")
    review = ArticleFactory(title="Giải thưởng", search_text="giai thuong", status=S.IN_REVIEW)
    url = reverse("portal:article_workspace_list")
    html = client.get(url, {"status": S.IN_REVIEW}).content.decode()
    assert review.title in html and draft.title not in html
    html = client.get(url, {"q": "đo lường"}).content.decode()
    assert draft.title in html and review.title not in html


def test_preview_shows_the_cleaned_body_and_saves_nothing(client, make_user):
    client.force_login(make_user(Role.OFFICER))
    response = client.post(reverse("portal:article_create"), {**FORM, "preview": "1"})
    assert response.status_code == 200
    assert response.context["preview"] == "<p>Nội dung </p>"
    assert "<script>x()" not in response.content.decode()
    assert not Article.objects.exists()


def test_create_then_edit_keeps_the_slug(client, make_user):
    client.force_login(make_user(Role.OFFICER))
    topic = TopicFactory()
    response = client.post(reverse("portal:article_create"), {**FORM, "topic": topic.pk})
    article = Article.objects.get()
    assert response.status_code == 302 and response.url == reverse("portal:article_workspace_detail", args=[article.pk])
    assert article.slug == "hoi-thao-kaizen-tai-lang-son" and article.topic == topic and "<script" not in article.body
    client.post(reverse("portal:article_edit", args=[article.pk]), {**FORM, "title": "Tiêu đề mới", "reason": "Sửa"})
    article = Article.objects.get()
    assert article.title == "Tiêu đề mới" and article.slug == "hoi-thao-kaizen-tai-lang-son"
    assert article.history.first().history_change_reason == "Sửa"


def test_invalid_input_is_shown_on_the_form(client, make_user):
    client.force_login(make_user(Role.OFFICER))
    response = client.post(reverse("portal:article_create"), {**FORM, "body": "<script>only()</script>"})
    assert response.status_code == 200
    assert str(services.ERROR_EMPTY_BODY) in response.content.decode()
    assert not Article.objects.exists()


def test_officers_cannot_open_the_edit_form_of_a_published_article(client, make_user):
    article = ArticleFactory(status=S.PUBLISHED, published_at=timezone.now())
    client.force_login(make_user(Role.OFFICER))
    assert client.get(reverse("portal:article_edit", args=[article.pk])).status_code == 403
    client.force_login(make_user(Role.EDITOR))
    assert client.get(reverse("portal:article_edit", args=[article.pk])).status_code == 200


def buttons(html: str) -> set[str]:
    return {verb for verb in permissions.ARTICLE_TRANSITIONS if f'name="action" value="{verb}"' in html}


def test_buttons_by_role_and_state(client, make_user):
    officer, editor = make_user(Role.OFFICER), make_user(Role.EDITOR)
    draft, review = ArticleFactory(), ArticleFactory(status=S.IN_REVIEW)
    detail = "portal:article_workspace_detail"
    client.force_login(officer)
    assert buttons(client.get(reverse(detail, args=[draft.pk])).content.decode()) == {"submit"}
    html = client.get(reverse(detail, args=[review.pk])).content.decode()
    assert buttons(html) == set() and "Khôi phục" not in html
    client.force_login(editor)
    assert buttons(client.get(reverse(detail, args=[review.pk])).content.decode()) == {"return_to_draft", "publish"}


def test_officer_submits_editor_schedules_through_the_pages(client, make_user):
    officer, editor = make_user(Role.OFFICER), make_user(Role.EDITOR)
    article = ArticleFactory(created_by=officer)
    url = reverse("portal:article_transition", args=[article.pk])
    client.force_login(officer)
    client.post(url, {"action": "submit"})
    assert Article.objects.get(pk=article.pk).status == S.IN_REVIEW
    response = client.post(url, {"action": "publish"}, follow=True)
    assert str(services.ERROR_NOT_ALLOWED) in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == S.IN_REVIEW
    client.force_login(editor)
    response = client.post(url, {"action": "return_to_draft", "reason": ""}, follow=True)
    assert str(services.ERROR_REASON_REQUIRED) in response.content.decode()
    when = timezone.localtime(timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    client.post(url, {"action": "publish", "published_at": when.strftime("%Y-%m-%dT%H:%M")})
    article = Article.objects.get(pk=article.pk)
    assert article.status == S.PUBLISHED and article.published_at == when
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editors_restore_a_version_from_the_page(client, make_user):
    officer, editor = make_user(Role.OFFICER), make_user(Role.EDITOR)
    article = services.article_create(by=officer, title="Bản một", summary="s", body="<p>1</p>")
    first = article.history.first()
    services.article_update(obj=article, by=officer, title="Bản hai", summary="s", body="<p>2</p>")
    url = reverse("portal:article_restore", args=[article.pk])
    client.force_login(officer)
    assert client.post(url, {"history_id": first.history_id}).status_code == 403
    client.force_login(editor)
    html = client.get(reverse("portal:article_workspace_detail", args=[article.pk])).content.decode()
    assert f'name="history_id" value="{first.history_id}"' in html
    client.post(url, {"history_id": first.history_id})
    assert Article.objects.get(pk=article.pk).title == "Bản một"


def test_image_upload_page(client, make_user):
    client.force_login(make_user(Role.OFFICER))
    url = reverse("portal:image_upload")
    response = client.post(url, {"file": image_upload(1200, 600), "alt_text": "Lớp tập huấn", "caption": "Ảnh"})
    assert response.status_code == 302
    image = ArticleImage.objects.get()
    assert image.alt_text == "Lớp tập huấn" and set(image.renditions) == {"480", "960"}
    response = client.post(url, {"file": image_upload(10, 10), "alt_text": ""})
    assert response.status_code == 200 and ArticleImage.objects.count() == 1
    fake = SimpleUploadedFile("a.jpg", b"not an image", content_type="image/jpeg")
    response = client.post(url, {"file": fake, "alt_text": "x"})
    assert response.status_code == 200 and "JPEG, PNG hoặc WebP" in response.content.decode()
    assert ArticleImage.objects.count() == 1


def test_officers_cannot_post_to_the_edit_form_of_a_published_article(client, make_user):
    article = ArticleFactory(status=S.PUBLISHED, published_at=timezone.now())
    client.force_login(make_user(Role.OFFICER))
    assert client.post(reverse("portal:article_edit", args=[article.pk]), FORM).status_code == 403
    assert Article.objects.get(pk=article.pk).title == article.title
