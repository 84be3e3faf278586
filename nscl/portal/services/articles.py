"""Every write of the articles: create, edit, the review transitions, restoring a version, images.

Each service checks who may act (``permissions.WRITE_ARTICLES`` write and submit,
``permissions.REVIEW_ARTICLES`` review and publish), records who and why with the version
django-simple-history keeps (``_history_user``, ``_change_reason``) and notifies the author in-app
after the commit. A refusal raises PermissionDenied (the wrong person) or ValidationError (wrong
state, missing input), each with a message constant below that tests assert on.

Bodies are cleaned on every save (``clean_html``), which is what lets the templates print them with
``|safe``. Slugs are set once from the first title and never recomputed.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from nscl.accounts.models import User
from nscl.accounts.services import notification_create_many
from nscl.core.formatting import format_date
from nscl.core.roles import has_role
from nscl.core.text import fold
from nscl.portal import images, permissions
from nscl.portal.models import Article, ArticleImage, EventTag, Topic
from nscl.portal.text import clean_html, plain_text, unique_slug

__all__ = [
    "ERROR_NOT_ALLOWED",
    "ERROR_PUBLISHED_LOCKED",
    "ERROR_REASON_REQUIRED",
    "ERROR_WRONG_STATE",
    "article_archive",
    "article_create",
    "article_image_create",
    "article_publish",
    "article_restore",
    "article_return_to_draft",
    "article_submit",
    "article_update",
]

ERROR_NOT_ALLOWED = _("Bạn không có quyền thực hiện thao tác này với tin bài.")
ERROR_PUBLISHED_LOCKED = _("Tin bài đã đăng hoặc đã lưu trữ: chỉ biên tập viên được sửa.")
ERROR_WRONG_STATE = _("Không thể %(action)s khi tin bài ở trạng thái “%(status)s”.")
ERROR_REASON_REQUIRED = _("Hãy ghi nhận xét để người viết biết cần sửa gì.")
ERROR_EMPTY_BODY = _("Nội dung không được để trống (sau khi làm sạch HTML).")
ERROR_NO_VERSION = _("Không tìm thấy phiên bản này của tin bài.")

# verb -> (who may, label of the action for messages, comment required)
# The fields a version restore brings back (never the slug, the state or the publication time).
RESTORED_FIELDS = (
    "title", "summary", "body", "title_en", "summary_en", "body_en", "lead_image_id", "topic_id", "byline",
)  # fmt: skip
REASON_LENGTH = 100  # django-simple-history's history_change_reason column


# ------------------------------------------------------------------------------------------------
# Who may (the predicates views use to show or hide buttons)
# ------------------------------------------------------------------------------------------------
# ------------------------------------------------------------------------------------------------
# Writing
# ------------------------------------------------------------------------------------------------
def _search_text(article: Article) -> str:
    return fold(" ".join([article.title, article.summary, plain_text(article.body)]))


def _fill(article: Article, *, title: str, summary: str, body: str, title_en: str, summary_en: str,
          body_en: str, topic: Topic | None, byline: str, lead_image: ArticleImage | None,
          is_lead: bool) -> None:  # fmt: skip
    article.title = title.strip()
    article.summary = summary.strip()
    article.body = clean_html(body)
    article.title_en = (title_en or "").strip()
    article.summary_en = (summary_en or "").strip()
    article.body_en = clean_html(body_en or "")
    article.topic = topic
    article.byline = (byline or "").strip()
    article.lead_image = lead_image
    article.is_lead = is_lead
    if not plain_text(article.body) and "<img" not in article.body:
        raise ValidationError({"body": ERROR_EMPTY_BODY})
    article.search_text = _search_text(article)


def _stamp(article: Article, by: User, reason: str) -> None:
    article._history_user = by  # who, also outside a request (commands, the demo loader)
    article._change_reason = reason[:REASON_LENGTH]


@transaction.atomic
def article_create(
    *,
    by: User,
    title: str,
    summary: str,
    body: str,
    title_en: str = "",
    summary_en: str = "",
    body_en: str = "",
    topic: Topic | None = None,
    tags: Iterable[EventTag] = (),
    byline: str = "",
    lead_image: ArticleImage | None = None,
    is_lead: bool = False,
) -> Article:
    """A new draft by a writer; its slug comes from the title once and for all."""
    if not permissions.can_write(by):
        raise PermissionDenied(ERROR_NOT_ALLOWED)
    article = Article(created_by=by)
    _fill(article, title=title, summary=summary, body=body, title_en=title_en, summary_en=summary_en,
          body_en=body_en, topic=topic, byline=byline, lead_image=lead_image, is_lead=is_lead)  # fmt: skip
    article.slug = unique_slug(Article, article.title, max_length=Article._meta.get_field("slug").max_length)
    article.full_clean(exclude=["status"])  # protected FSM field: changed by transitions only
    _stamp(article, by, str(_("Tạo tin bài")))
    article.save()
    tags = list(tags)
    if tags:
        article.tags.set(tags)  # one more version, holding the tags
    return article


@transaction.atomic
def article_update(
    *,
    obj: Article,
    by: User,
    title: str,
    summary: str,
    body: str,
    title_en: str = "",
    summary_en: str = "",
    body_en: str = "",
    topic: Topic | None = None,
    tags: Iterable[EventTag] = (),
    byline: str = "",
    lead_image: ArticleImage | None = None,
    is_lead: bool = False,
    reason: str = "",
) -> Article:
    """A new version of the article. The slug never changes; published ones are the editors' to edit."""
    article = Article.objects.select_for_update().get(pk=obj.pk)
    if not permissions.can_write(by):
        raise PermissionDenied(ERROR_NOT_ALLOWED)
    if not permissions.can_edit_article(by, article):
        raise PermissionDenied(ERROR_PUBLISHED_LOCKED)
    _fill(article, title=title, summary=summary, body=body, title_en=title_en, summary_en=summary_en,
          body_en=body_en, topic=topic, byline=byline, lead_image=lead_image, is_lead=is_lead)  # fmt: skip
    article.full_clean(exclude=["status"])  # protected FSM field: changed by transitions only
    # The tags first, without a version of their own: the save below records them with the fields.
    article.skip_history_when_saving = True
    article.tags.set(list(tags))
    del article.skip_history_when_saving
    _stamp(article, by, (reason or "").strip() or str(_("Sửa tin bài")))
    article.save()
    return article


# ------------------------------------------------------------------------------------------------
# The review life cycle
# ------------------------------------------------------------------------------------------------
def _notify_author(article: Article, by: User, title: str, body: str = "") -> None:
    author = article.created_by
    if author is None or author.pk == by.pk:
        return
    url = article.get_absolute_url()
    transaction.on_commit(lambda: notification_create_many(users=[author], title=title, body=body, url=url))


def _transition(*, obj: Article, by: User, verb: str, reason: str = "", **fields) -> Article:
    article = Article.objects.select_for_update(of=("self",)).select_related("created_by").get(pk=obj.pk)
    roles, label, comment_required = permissions.ARTICLE_TRANSITIONS[verb]
    if not has_role(by, *roles):
        raise PermissionDenied(ERROR_NOT_ALLOWED)
    method = getattr(article, verb)
    if not can_proceed(method):
        raise ValidationError(ERROR_WRONG_STATE % {"action": label, "status": article.get_status_display()})
    reason = (reason or "").strip()
    if comment_required and not reason:
        raise ValidationError({"reason": ERROR_REASON_REQUIRED})
    method()
    for name, value in fields.items():
        setattr(article, name, value)
    _stamp(article, by, reason or str(label))
    article.save()
    return article


@transaction.atomic
def article_submit(*, obj: Article, by: User, reason: str = "") -> Article:
    """A writer sends a draft to the editors."""
    return _transition(obj=obj, by=by, verb="submit", reason=reason)


@transaction.atomic
def article_return_to_draft(*, obj: Article, by: User, reason: str = "") -> Article:
    """An editor sends the article back to its writer, saying why."""
    article = _transition(obj=obj, by=by, verb="return_to_draft", reason=reason)
    _notify_author(article, by, str(_("Tin bài được trả lại: %(title)s") % {"title": article.title}), reason)
    return article


@transaction.atomic
def article_publish(
    *,
    obj: Article,
    by: User,
    published_at: datetime.datetime | None = None,
    reason: str = "",
    now: datetime.datetime | None = None,
) -> Article:
    """An editor publishes now, or at ``published_at`` when it lies ahead (scheduled)."""
    when = published_at or now or timezone.now()
    article = _transition(obj=obj, by=by, verb="publish", reason=reason, published_at=when)
    if when > (now or timezone.now()):
        title = _("Tin bài được hẹn giờ đăng lúc %(when)s: %(title)s")
        moment = timezone.localtime(when)
        shown = f"{moment:%H:%M} {format_date(moment.date())}"
        _notify_author(article, by, str(title % {"when": shown, "title": article.title}))
    else:
        _notify_author(article, by, str(_("Tin bài đã được đăng: %(title)s") % {"title": article.title}))
    return article


@transaction.atomic
def article_archive(*, obj: Article, by: User, reason: str = "") -> Article:
    """An editor takes a published article off the lists."""
    return _transition(obj=obj, by=by, verb="archive", reason=reason)


@transaction.atomic
def article_restore(*, obj: Article, by: User, history_id: int, reason: str = "") -> Article:
    """An editor brings back the text of an earlier version, saved as a new version (nothing is lost)."""
    article = Article.objects.select_for_update().get(pk=obj.pk)
    if not permissions.can_review(by):
        raise PermissionDenied(ERROR_NOT_ALLOWED)
    version = article.history.filter(history_id=history_id).first()
    if version is None:
        raise ValidationError(ERROR_NO_VERSION)
    for name in RESTORED_FIELDS:
        setattr(article, name, getattr(version, name))
    article.body = clean_html(article.body)
    article.body_en = clean_html(article.body_en)
    article.search_text = _search_text(article)
    article.full_clean(exclude=["status"])  # protected FSM field: changed by transitions only
    tags = list(EventTag.objects.filter(pk__in=version.tags.values_list("eventtag_id", flat=True)))
    article.skip_history_when_saving = True
    article.tags.set(tags)
    del article.skip_history_when_saving
    moment = timezone.localtime(version.history_date)
    default = _("Khôi phục phiên bản %(when)s") % {"when": f"{moment:%H:%M} {format_date(moment.date())}"}
    _stamp(article, by, (reason or "").strip() or str(default))
    article.save()
    return article


# ------------------------------------------------------------------------------------------------
# Images
# ------------------------------------------------------------------------------------------------
@transaction.atomic
def article_image_create(*, by: User, file, alt_text: str, caption: str = "", credit: str = "") -> ArticleImage:
    """An uploaded picture: checked by content, EXIF removed, resized into ``renditions``."""
    if not permissions.can_write(by):
        raise PermissionDenied(ERROR_NOT_ALLOWED)
    alt_text = (alt_text or "").strip()
    if not alt_text:
        raise ValidationError({"alt_text": images.ERROR_ALT_REQUIRED})
    prepared = images.prepare(file)
    image = ArticleImage(alt_text=alt_text, caption=(caption or "").strip(), credit=(credit or "").strip(),
                         uploaded_by=by)  # fmt: skip
    image.file.save(prepared.name, prepared.content, save=False)
    image.full_clean()
    image.save()
    image.renditions = images.make_renditions(image.file.name, prepared)
    image.save(update_fields=["renditions"])
    return image
