"""Demo content of the portal (`manage.py load_demo`; safe to repeat).

Loads data/portal/demo_content.toml (written for NSCL; data/portal/SOURCE.md says which facts are
real): topic series, event tags, articles, documents with a generated placeholder PDF, questions and
answers, static pages. A row whose slug exists is skipped, so loading twice adds nothing and an
officer's edits stay. Every invented article ends with the demo note; lead images are generated
abstract illustrations (one per topic series), captioned as such.

Rows are written with the models directly (the demo must not depend on the editing services), but the
way the services write them: HTML through ``clean_html``, slugs from ``unique_slug`` set once, the
same folded search text. Dates are days before the day of loading, so the site always looks current.
"""

import datetime
import logging
import tomllib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from nscl.accounts.models import User
from nscl.core.placeholders import placeholder_pdf, placeholder_picture
from nscl.core.text import fold, search_tokens, slugify_vi
from nscl.portal.choices import ArticleStatus, QuestionStatus
from nscl.portal.models import Article, ArticleImage, Document, EventTag, Page, Question, Topic
from nscl.portal.text import clean_html, plain_text, unique_slug

logger = logging.getLogger(__name__)

DEMO_FILE = Path(settings.BASE_DIR) / "data" / "portal" / "demo_content.toml"
DEMO_AUTHOR = "canbo"
DEMO_NOTE = "Bài viết minh họa: sự kiện, số liệu và doanh nghiệp nêu trong bài là giả định."
DEMO_NOTE_EN = "Illustrative article: the events, figures and enterprises it mentions are hypothetical."
QUESTION_STATUS = {
    "published": QuestionStatus.PUBLISHED,
    "new": QuestionStatus.NEW,
    "answered": QuestionStatus.ANSWERED_PRIVATELY,
}


def demo_note_html(note: str = DEMO_NOTE) -> str:
    return f"<p><em>{note}</em></p>"


def content(path: Path = DEMO_FILE) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _moment(days_ago: int, hour: int = 9) -> datetime.datetime:
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, (days_ago * 7) % 60)))


def _new_slug(model: type, text: str, max_length: int) -> str | None:
    """The slug the services would give this title, or None when it exists already (skip the row)."""
    base = slugify_vi(text, max_length=max_length - 6) or "bai"
    return None if model.objects.filter(slug=base).exists() else unique_slug(model, text, max_length=max_length)


def _taxonomy(data: dict[str, Any]) -> tuple[dict[str, Topic], dict[str, EventTag]]:
    for order, spec in enumerate(data["topics"], start=1):
        Topic.objects.get_or_create(
            slug=spec["slug"],
            defaults={"name_vi": spec["name_vi"], "name_en": spec["name_en"], "description": spec["description"],
                      "sort_order": order},
        )  # fmt: skip
    for spec in data["tags"]:
        EventTag.objects.get_or_create(slug=spec["slug"], defaults={"name_vi": spec["name_vi"],
                                                                    "name_en": spec["name_en"]})  # fmt: skip
    return {t.slug: t for t in Topic.objects.all()}, {t.slug: t for t in EventTag.objects.all()}


def _article(spec: dict[str, Any], slug: str, author: User | None, topics: dict[str, Topic]) -> Article:
    real = spec.get("real", False)
    body = clean_html(spec["body"] + ("" if real else demo_note_html()))
    body_en = spec.get("body_en", "")
    if body_en:
        body_en = clean_html(body_en + ("" if real else demo_note_html(DEMO_NOTE_EN)))
    status = ArticleStatus(spec.get("status", ArticleStatus.PUBLISHED))
    published_at = _moment(spec["days_ago"], spec.get("hour", 9)) if "days_ago" in spec else None
    article = Article(
        status=status,  # a protected FSM field: set once, here
        slug=slug,
        title=spec["title"],
        summary=spec["summary"],
        body=body,
        title_en=spec.get("title_en", ""),
        summary_en=spec.get("summary_en", ""),
        body_en=body_en,
        topic=topics.get(spec.get("topic", "")),
        byline=spec["byline"],
        is_lead=spec.get("is_lead", False),
        published_at=published_at,
        search_text=fold(" ".join([spec["title"], spec["summary"], plain_text(body)])),
        created_by=author,
    )
    article.save()
    return article


def _illustrations(author: User | None, topics: dict[str, Topic]) -> dict[str, ArticleImage]:
    """One generated abstract picture per topic series ("" for news without one), made once: no
    photograph poses as a real event."""
    from nscl.portal.services.articles import article_image_create

    if author is None:
        return {}
    pictures = {}
    for seed, key in enumerate(["", *sorted(topics)]):
        name = topics[key].name_vi if key else "tin tức"
        alt = f"Ảnh minh họa: hình tròn và cột màu tượng trưng cho {name}"
        existing = ArticleImage.objects.filter(alt_text=alt).first()
        pictures[key] = existing or article_image_create(
            by=author,
            file=placeholder_picture(seed),
            alt_text=alt,
            caption="Ảnh minh họa do hệ thống tạo.",
            credit="NSCL",
        )
    return pictures


def _articles(data: dict[str, Any], author: User | None, topics: dict[str, Topic], tags: dict[str, EventTag]) -> int:
    max_length = Article._meta.get_field("slug").max_length
    created = 0
    pictures = None
    for spec in data["articles"]:
        slug = _new_slug(Article, spec["title"], max_length)
        if slug is None:
            continue
        pictures = _illustrations(author, topics) if pictures is None else pictures
        article = _article(spec, slug, author, topics)
        article.lead_image = pictures.get(spec.get("topic", ""))
        Article.objects.filter(pk=article.pk).update(lead_image=article.lead_image)
        article.tags.set([tags[t] for t in spec.get("tags", [])])
        # Written a day or two before publication (drafts: this week), as the workspace would show.
        written = _moment(max(spec.get("days_ago", 0), 0) + 1 + created % 2, 8)
        shown = article.published_at if article.published_at and article.published_at <= timezone.now() else written
        Article.objects.filter(pk=article.pk).update(created_at=written, updated_at=shown)
        created += 1
    return created


def _document_issued(spec: dict[str, Any]) -> datetime.date:
    if "issued" in spec:
        return datetime.date.fromisoformat(spec["issued"])
    return timezone.localdate() - datetime.timedelta(days=spec["issued_days_ago"])


def _documents(data: dict[str, Any], author: User | None, topics: dict[str, Topic]) -> int:
    created = 0
    for spec in data["documents"]:
        slug = _new_slug(Document, f"{spec['number']} {spec['title']}", 160)
        if slug is None:
            continue
        document = Document(
            slug=slug,
            number=spec["number"],
            title=spec["title"],
            doc_type=spec["doc_type"],
            issuer=spec["issuer"],
            issued_on=_document_issued(spec),
            summary=spec["summary"],
            topic=topics.get(spec.get("topic", "")),
            is_published=True,
            created_by=author,
        )
        parts = [document.number, document.title, document.issuer, document.summary]
        document.search_text = " ".join(search_tokens(" ".join(parts)))
        pdf = placeholder_pdf("Tep minh hoa / placeholder file - NSCL demo", spec["number"], spec["title"],
                       "Day khong phai ban chinh cua van ban.")  # fmt: skip
        document.file.save(f"{slug}.pdf", ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document.save()
        created += 1
    return created


def _questions(data: dict[str, Any], author: User | None, topics: dict[str, Topic]) -> int:
    created = 0
    for spec in data["questions"]:
        slug = _new_slug(Question, spec["title"], 160)
        if slug is None:
            continue
        answer = clean_html(spec.get("answer", ""))
        answered = "answered_days_ago" in spec
        question = Question.objects.create(
            slug=slug,
            asker_name=spec["asker_name"],
            asker_email=spec["asker_email"],
            asker_organisation=spec.get("asker_organisation", ""),
            title=spec["title"],
            body=spec["body"],
            topic=topics.get(spec.get("topic", "")),
            status=QUESTION_STATUS[spec["status"]],
            answer=answer,
            answered_by=author if answered else None,
            answered_at=_moment(spec["answered_days_ago"], 14) if answered else None,
            search_text=" ".join(search_tokens(f"{spec['title']} {spec['body']} {plain_text(answer)}")),
        )
        Question.objects.filter(pk=question.pk).update(asked_at=_moment(spec["asked_days_ago"], 20))
        created += 1
    return created


def _pages(data: dict[str, Any], author: User | None) -> int:
    created = 0
    for spec in data["pages"]:
        _page, made = Page.objects.get_or_create(
            slug=spec["slug"],
            defaults={"title": spec["title"], "body": clean_html(spec["body"]), "title_en": spec["title_en"],
                      "body_en": clean_html(spec["body_en"]), "sort_order": spec["sort_order"], "in_footer": True,
                      "updated_by": author},
        )  # fmt: skip
        created += made
    return created


@transaction.atomic
def load(*, path: Path = DEMO_FILE) -> int:
    """Create every demo row that is missing; return how many articles, documents, questions and pages."""
    data = content(path)
    author = User.objects.filter(username=DEMO_AUTHOR).first()
    if author is None:
        logger.warning("portal demo: the demo officer %r is missing; rows are created without an author", DEMO_AUTHOR)
    topics, tags = _taxonomy(data)
    created = (
        _articles(data, author, topics, tags)
        + _documents(data, author, topics)
        + _questions(data, author, topics)
        + _pages(data, author)
    )
    logger.info("portal demo: %s rows created", created)
    return created
