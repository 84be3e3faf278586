"""Who may do what on the portal. Deny by default; the public reads only what is published."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from nscl.core.roles import Role, has_role
from nscl.portal.choices import ArticleStatus as S

if TYPE_CHECKING:
    from nscl.portal.models import Article

WRITE_ARTICLES = (Role.OFFICER, Role.EDITOR)  # write drafts, upload images, submit for review
REVIEW_ARTICLES = (Role.EDITOR,)  # return, publish (now or scheduled), archive, restore a version
MANAGE_LIBRARY = (Role.OFFICER, Role.EDITOR)  # documents, answers to questions, static pages

# verb -> (who may make it, its label, whether a comment is required); the model's @transition
# names the states it starts from.
ARTICLE_TRANSITIONS: dict[str, tuple[tuple[str, ...], object, bool]] = {
    "submit": (WRITE_ARTICLES, _("gửi duyệt"), False),
    "return_to_draft": (REVIEW_ARTICLES, _("trả lại"), True),
    "publish": (REVIEW_ARTICLES, _("đăng"), False),
    "archive": (REVIEW_ARTICLES, _("lưu trữ"), False),
}


def can_write(user) -> bool:
    return has_role(user, *WRITE_ARTICLES)


def can_review(user) -> bool:
    return has_role(user, *REVIEW_ARTICLES)


def can_edit_article(user, article: "Article") -> bool:
    """Writers edit drafts and articles in review; once published or archived, editors only."""
    if article.status in (S.PUBLISHED, S.ARCHIVED):
        return can_review(user)
    return can_write(user)


def available_transitions(user, article: "Article") -> list[str]:
    """The verbs this user may apply to the article in its current state."""
    return [
        verb
        for verb, (roles, _label, _comment) in ARTICLE_TRANSITIONS.items()
        if has_role(user, *roles) and can_proceed(getattr(article, verb))
    ]
