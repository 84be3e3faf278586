"""Writes of the portal's library: official documents (with their file checked by content),
questions from the public and the officers' answers, static pages. Every write records who."""

import datetime

import filetype
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from nscl.accounts.models import User
from nscl.accounts.services import notification_create_many
from nscl.core.roles import has_role
from nscl.core.text import search_tokens
from nscl.portal.choices import QuestionStatus
from nscl.portal.models import Document, Page, Question, Topic
from nscl.portal.permissions import MANAGE_LIBRARY
from nscl.portal.text import clean_html, plain_text, unique_slug

# Document files: checked by content (filetype), never by name or by what the browser claims.
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
DOCUMENT_TYPES = {  # MIME type found in the content -> extension the file is stored with
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "image/jpeg": "jpg",
    "image/png": "png",
}
HEAD_BYTES = 8192
RESERVED_QUESTION_SLUGS = frozenset({"dat-cau-hoi", "da-gui"})

# -- messages tests assert on ---------------------------------------------------------------------
ERROR_NOT_ALLOWED = _("Bạn không có quyền quản lý văn bản, hỏi đáp và trang của cổng thông tin.")
ERROR_FILE_REQUIRED = _("Cần tải lên tệp văn bản.")
ERROR_FILE_EMPTY = _("Tệp rỗng.")
ERROR_FILE_TOO_BIG = _("Tệp lớn hơn %(limit)s MB.")
ERROR_FILE_TYPE = _("Chỉ nhận tệp PDF, DOCX, XLSX, ODT, JPG hoặc PNG (kiểm tra theo nội dung tệp).")
ERROR_EFFECTIVE_BEFORE_ISSUED = _("Ngày hiệu lực không được trước ngày ban hành.")
ERROR_ANSWER_REQUIRED = _("Cần viết câu trả lời trước.")
ERROR_QUESTION_STATE = _("Không thể thực hiện thao tác này khi câu hỏi đang ở trạng thái “%(status)s”.")
ERROR_BODY_REQUIRED = _("Cần có nội dung.")


def _require_manager(by: User) -> None:
    if not has_role(by, *MANAGE_LIBRARY):
        raise PermissionDenied(ERROR_NOT_ALLOWED)


# Who created or last changed a row may be gone (SET_NULL): that never blocks a later save.
WHO_FIELDS = ["created_by", "updated_by", "answered_by"]


def _save(obj, *, by: User | None, fields: list[str] | None = None) -> None:
    obj.full_clean(exclude=[f.name for f in obj._meta.fields if f.name in WHO_FIELDS])
    obj._history_user = by  # type: ignore[attr-defined]  # who, for django-simple-history, also outside a request
    if fields:
        obj.save(update_fields=fields)
    else:
        obj.save()


# -- documents ------------------------------------------------------------------------------------
def document_file_check(upload, *, max_bytes: int | None = None) -> str:
    """The extension an accepted file is stored with; ValidationError on the ``file`` field otherwise."""
    max_bytes = max_bytes or DOCUMENT_MAX_BYTES
    size = getattr(upload, "size", None) or 0
    if size <= 0:
        raise ValidationError({"file": ERROR_FILE_EMPTY})
    if size > max_bytes:
        raise ValidationError({"file": ERROR_FILE_TOO_BIG % {"limit": max_bytes // (1024 * 1024)}})
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in DOCUMENT_TYPES:
        raise ValidationError({"file": ERROR_FILE_TYPE})
    return DOCUMENT_TYPES[kind.mime]


def _document_search_text(document: Document) -> str:
    parts = [document.number, document.title, document.issuer, document.summary]
    return " ".join(search_tokens(" ".join(p for p in parts if p)))


def _attach(document: Document, upload) -> None:
    extension = document_file_check(upload)
    upload.name = f"{document.slug}.{extension}"
    document.file = upload
    document.file_size = upload.size


def _fill(
    document: Document,
    *,
    number: str,
    title: str,
    doc_type: str,
    issuer: str,
    issued_on: datetime.date,
    effective_on: datetime.date | None,
    summary: str,
    topic: Topic | None,
    is_published: bool,
) -> None:
    if effective_on and effective_on < issued_on:
        raise ValidationError({"effective_on": ERROR_EFFECTIVE_BEFORE_ISSUED})
    document.number, document.title, document.issuer = number.strip(), title.strip(), issuer.strip()
    document.doc_type, document.issued_on, document.effective_on = doc_type, issued_on, effective_on
    document.summary, document.topic, document.is_published = (summary or "").strip(), topic, is_published
    document.search_text = _document_search_text(document)


@transaction.atomic
def document_create(
    *,
    by: User,
    number: str,
    title: str,
    doc_type: str,
    issuer: str,
    issued_on: datetime.date,
    file,
    effective_on: datetime.date | None = None,
    summary: str = "",
    topic: Topic | None = None,
    is_published: bool = True,
) -> Document:
    """A new document; its slug comes once from the number and title and never changes."""
    _require_manager(by)
    if not file:
        raise ValidationError({"file": ERROR_FILE_REQUIRED})
    document = Document(created_by=by)
    _fill(
        document,
        number=number,
        title=title,
        doc_type=doc_type,
        issuer=issuer,
        issued_on=issued_on,
        effective_on=effective_on,
        summary=summary,
        topic=topic,
        is_published=is_published,
    )
    document.slug = unique_slug(Document, f"{document.number} {document.title}", max_length=160)
    _attach(document, file)
    _save(document, by=by)
    return document


@transaction.atomic
def document_update(
    *,
    document: Document,
    by: User,
    number: str,
    title: str,
    doc_type: str,
    issuer: str,
    issued_on: datetime.date,
    file=None,
    effective_on: datetime.date | None = None,
    summary: str = "",
    topic: Topic | None = None,
    is_published: bool = True,
) -> Document:
    """Change a document's details, and its file when a new one is given; the slug stays."""
    _require_manager(by)
    document = Document.objects.select_for_update().get(pk=document.pk)
    _fill(
        document,
        number=number,
        title=title,
        doc_type=doc_type,
        issuer=issuer,
        issued_on=issued_on,
        effective_on=effective_on,
        summary=summary,
        topic=topic,
        is_published=is_published,
    )
    if file:
        _attach(document, file)
    _save(document, by=by)
    return document


@transaction.atomic
def document_set_published(*, document: Document, by: User, published: bool) -> Document:
    """Show the document to the public, or withdraw it (its page and file answer 404)."""
    _require_manager(by)
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.is_published != published:
        document.is_published = published
        _save(document, by=by, fields=["is_published", "updated_at"])
    return document


# -- questions ------------------------------------------------------------------------------------
def _question_search_text(question: Question) -> str:
    return " ".join(search_tokens(f"{question.title} {question.body} {plain_text(question.answer)}"))


def _notify_new_question(question: Question) -> None:
    officers = User.objects.filter(groups__name__in=MANAGE_LIBRARY, is_active=True).distinct().order_by("id")
    title = gettext("Câu hỏi mới: “%(title)s”") % {"title": question.title[:150]}
    url = reverse("portal:question_review", args=[question.pk])
    notification_create_many(users=list(officers), title=title, body=question.asker_name, url=url)


@transaction.atomic
def question_ask(
    *,
    asker_name: str,
    asker_email: str,
    title: str,
    body: str,
    asker_organisation: str = "",
    topic: Topic | None = None,
) -> Question:
    """A question from anyone (the spam guard runs before, in the view); officers hear of it after commit."""
    question = Question(
        asker_name=asker_name.strip(),
        asker_email=asker_email.strip(),
        asker_organisation=(asker_organisation or "").strip(),
        title=" ".join(title.split()),
        body=body.strip(),
        topic=topic,
        status=QuestionStatus.NEW,
    )
    question.slug = unique_slug(Question, question.title, max_length=160)
    if question.slug in RESERVED_QUESTION_SLUGS:  # the ask and thank-you pages live beside the questions
        question.slug = unique_slug(Question, f"{question.title} hoi", max_length=160)
    question.search_text = _question_search_text(question)
    _save(question, by=None)
    transaction.on_commit(lambda: _notify_new_question(question))
    return question


def _locked_question(question: Question, by: User) -> Question:
    _require_manager(by)
    return Question.objects.select_for_update().get(pk=question.pk)


def _require_state(question: Question, *allowed: str) -> None:
    if question.status not in allowed:
        raise ValidationError(ERROR_QUESTION_STATE % {"status": question.get_status_display()})


def _set_answer(question: Question, by: User, answer: str | None, *, required: bool) -> None:
    if answer is not None:
        cleaned = clean_html(answer)
        if cleaned != question.answer:
            question.answer = cleaned if plain_text(cleaned) else ""
            question.answered_by, question.answered_at = by, timezone.now()
    if required and not plain_text(question.answer):
        raise ValidationError({"answer": ERROR_ANSWER_REQUIRED})
    question.search_text = _question_search_text(question)


ANSWER_FIELDS = ["answer", "answered_by", "answered_at", "search_text"]


@transaction.atomic
def question_answer(*, question: Question, by: User, answer: str) -> Question:
    """Write or rewrite the answer (cleaned HTML); a published question shows the new text."""
    question = _locked_question(question, by)
    _require_state(question, QuestionStatus.NEW, QuestionStatus.PUBLISHED, QuestionStatus.ANSWERED_PRIVATELY)
    _set_answer(question, by, answer, required=False)
    _save(question, by=by, fields=ANSWER_FIELDS)
    return question


@transaction.atomic
def question_publish(*, question: Question, by: User, answer: str | None = None) -> Question:
    """Publish the question with its answer (an answer is required)."""
    question = _locked_question(question, by)
    _require_state(question, QuestionStatus.NEW, QuestionStatus.ANSWERED_PRIVATELY, QuestionStatus.REJECTED)
    _set_answer(question, by, answer, required=True)
    question.status = QuestionStatus.PUBLISHED
    _save(question, by=by, fields=[*ANSWER_FIELDS, "status"])
    return question


def _mail_answer(question: Question) -> None:
    subject = gettext("Trả lời câu hỏi: %(title)s") % {"title": question.title[:150]}
    text = gettext("Kính gửi %(name)s,\n\nCâu hỏi của bạn: %(title)s\n\nTrả lời:\n%(answer)s\n") % {
        "name": question.asker_name,
        "title": question.title,
        "answer": plain_text(question.answer.replace("</p>", "</p>\n")),
    }
    send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [question.asker_email], fail_silently=True)


@transaction.atomic
def question_answer_privately(*, question: Question, by: User, answer: str | None = None) -> Question:
    """Answer by e-mail only: the asker receives the answer after commit; the question stays unpublished."""
    question = _locked_question(question, by)
    _require_state(question, QuestionStatus.NEW)
    _set_answer(question, by, answer, required=True)
    question.status = QuestionStatus.ANSWERED_PRIVATELY
    _save(question, by=by, fields=[*ANSWER_FIELDS, "status"])
    transaction.on_commit(lambda: _mail_answer(question))
    return question


@transaction.atomic
def question_reject(*, question: Question, by: User) -> Question:
    """Do not publish the question (spam, off topic, duplicate), or withdraw a published one."""
    question = _locked_question(question, by)
    _require_state(question, QuestionStatus.NEW, QuestionStatus.PUBLISHED)
    question.status = QuestionStatus.REJECTED
    _save(question, by=by, fields=["status"])
    return question


# -- pages ----------------------------------------------------------------------------------------
@transaction.atomic
def page_update(
    *,
    page: Page,
    by: User,
    title: str,
    body: str,
    title_en: str = "",
    body_en: str = "",
    sort_order: int = 0,
    in_footer: bool = True,
) -> Page:
    """Change a static page (its HTML cleaned against the allow-list); the slug never changes."""
    _require_manager(by)
    page = Page.objects.select_for_update().get(pk=page.pk)
    cleaned = clean_html(body)
    if not plain_text(cleaned) and "<img" not in cleaned:
        raise ValidationError({"body": ERROR_BODY_REQUIRED})
    page.title, page.body = title.strip(), cleaned
    page.title_en, page.body_en = (title_en or "").strip(), clean_html(body_en)
    page.sort_order, page.in_footer, page.updated_by = sort_order or 0, in_footer, by
    _save(page, by=by)
    return page
