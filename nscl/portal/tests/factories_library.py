"""Factories of the library: documents (with a small real PDF), questions, static pages."""

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nscl.accounts.tests.factories import UserFactory
from nscl.core.text import search_tokens
from nscl.portal.choices import DocumentType, QuestionStatus
from nscl.portal.models import Document, Page, Question

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"


def pdf_upload(name: str = "ke-hoach.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    slug = factory.Sequence(lambda n: f"van-ban-{n}")
    number = factory.Sequence(lambda n: f"{100 + n}/KH-UBND")
    title = factory.Sequence(lambda n: f"Kế hoạch thực hiện Chương trình năng suất chất lượng số {n}")
    doc_type = DocumentType.PLAN
    issuer = "UBND tỉnh Lạng Sơn"
    issued_on = datetime.date(2024, 3, 15)
    summary = "Mục tiêu, nhiệm vụ và giải pháp nâng cao năng suất chất lượng."
    file = factory.LazyAttribute(lambda d: pdf_upload(f"{d.slug}.pdf"))
    file_size = len(PDF_BYTES)
    is_published = True
    created_by = factory.SubFactory(UserFactory)
    search_text = factory.LazyAttribute(
        lambda d: " ".join(search_tokens(f"{d.number} {d.title} {d.issuer} {d.summary}"))
    )


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    slug = factory.Sequence(lambda n: f"cau-hoi-{n}")
    asker_name = "Nguyễn Văn An"
    asker_email = factory.Sequence(lambda n: f"nguoihoi{n}@example.org")
    title = factory.Sequence(lambda n: f"Doanh nghiệp được hỗ trợ áp dụng ISO 9001 thế nào? ({n})")
    body = "Công ty chúng tôi muốn áp dụng hệ thống quản lý chất lượng, xin hỏi thủ tục đề nghị hỗ trợ."
    status = QuestionStatus.NEW
    search_text = factory.LazyAttribute(lambda q: " ".join(search_tokens(f"{q.title} {q.body}")))

    class Params:
        published = factory.Trait(
            status=QuestionStatus.PUBLISHED,
            answer="<p>Doanh nghiệp nộp hồ sơ đề nghị hỗ trợ tại Sở Khoa học và Công nghệ.</p>",
            answered_at=factory.LazyFunction(timezone.now),
        )


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"trang-{n}")
    title = factory.Sequence(lambda n: f"Giới thiệu chương trình {n}")
    body = "<p>Chương trình nâng cao năng suất và chất lượng sản phẩm, hàng hóa của tỉnh.</p>"
