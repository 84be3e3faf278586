"""The library's services: documents and their files, questions and answers, static pages."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from nscl.accounts.models import Notification
from nscl.core.roles import Role
from nscl.portal.choices import DocumentType, QuestionStatus
from nscl.portal.models import Document, Question
from nscl.portal.services import library as services
from nscl.portal.tests.factories_library import (
    EXE_BYTES,
    PNG_BYTES,
    DocumentFactory,
    PageFactory,
    QuestionFactory,
    pdf_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return make_user(Role.OFFICER)


@pytest.fixture
def editor(make_user):
    return make_user(Role.EDITOR)


def document_data(**changes):
    data = {
        "number": "121/KH-UBND",
        "title": "Kế hoạch thực hiện Chương trình năng suất chất lượng",
        "doc_type": DocumentType.PLAN,
        "issuer": "UBND tỉnh Lạng Sơn",
        "issued_on": datetime.date(2016, 9, 20),
        "summary": "Đẩy mạnh áp dụng hệ thống quản lý tiên tiến.",
        "file": pdf_upload(),
    }
    return data | changes


def message_of(error) -> list[str]:
    return [str(m) for m in error.value.messages]


class DocumentTests:
    def test_create_sets_a_stable_slug_size_search_text_and_who(self, officer):
        document = services.document_create(by=officer, **document_data())
        assert document.slug == "121-kh-ubnd-ke-hoach-thuc-hien-chuong-trinh-nang-suat-chat-luong"
        assert document.file_size == len(pdf_upload().read())
        assert document.file.name.endswith(f"{document.slug}.pdf")
        assert "ke hoach" in document.search_text and "ubnd" in document.search_text
        assert document.created_by == officer
        assert document.history.first().history_user == officer
        updated = services.document_update(
            document=document, by=officer, **document_data(title="Kế hoạch mới", file=None)
        )
        assert updated.slug == document.slug
        assert updated.title == "Kế hoạch mới"
        assert updated.file.name == document.file.name

    def test_a_second_document_with_the_same_number_and_title_gets_its_own_slug(self, editor):
        first = services.document_create(by=editor, **document_data())
        second = services.document_create(by=editor, **document_data())
        assert second.slug == f"{first.slug}-2"

    def test_an_exe_renamed_pdf_is_refused(self, officer):
        fake = SimpleUploadedFile("ke-hoach.pdf", EXE_BYTES, content_type="application/pdf")
        with pytest.raises(ValidationError) as error:
            services.document_create(by=officer, **document_data(file=fake))
        assert error.value.message_dict["file"] == [str(services.ERROR_FILE_TYPE)]
        assert not Document.objects.exists()

    def test_an_oversize_file_is_refused(self, officer):
        big = pdf_upload(content=b"%PDF-1.4\n" + b"0" * services.DOCUMENT_MAX_BYTES)
        with pytest.raises(ValidationError) as error:
            services.document_create(by=officer, **document_data(file=big))
        assert error.value.message_dict["file"] == [str(services.ERROR_FILE_TOO_BIG % {"limit": 20})]

    def test_an_image_is_accepted_and_stored_with_its_real_extension(self, officer):
        image = SimpleUploadedFile("scan.pdf", PNG_BYTES, content_type="application/pdf")
        document = services.document_create(by=officer, **document_data(file=image))
        assert document.file.name.endswith(".png")

    def test_a_file_is_required_and_dates_in_order(self, officer):
        with pytest.raises(ValidationError) as error:
            services.document_create(by=officer, **document_data(file=None))
        assert error.value.message_dict["file"] == [str(services.ERROR_FILE_REQUIRED)]
        with pytest.raises(ValidationError) as error:
            services.document_create(by=officer, **document_data(effective_on=datetime.date(2016, 1, 1)))
        assert error.value.message_dict["effective_on"] == [str(services.ERROR_EFFECTIVE_BEFORE_ISSUED)]

    @pytest.mark.parametrize("role", [Role.BOARD, Role.ENTERPRISE, Role.EXPERT, Role.EXAMINER, None])
    def test_other_roles_are_refused(self, make_user, role):
        with pytest.raises(PermissionDenied):
            services.document_create(by=make_user(role), **document_data())

    def test_publish_and_withdraw(self, officer):
        document = DocumentFactory()
        services.document_set_published(document=document, by=officer, published=False)
        document.refresh_from_db()
        assert not document.is_published
        services.document_set_published(document=document, by=officer, published=True)
        document.refresh_from_db()
        assert document.is_published
        assert document.history.first().history_user == officer


def ask(**changes):
    data = {
        "asker_name": "Trần Thị Bình",
        "asker_email": "binh@example.org",
        "title": "Hỗ trợ áp dụng công cụ 5S cho hợp tác xã",
        "body": "Hợp tác xã chúng tôi có được hỗ trợ kinh phí áp dụng 5S không?",
    }
    return services.question_ask(**(data | changes))


class QuestionTests:
    def test_ask_stores_a_new_question_and_notifies_officers_and_editors_after_commit(
        self, officer, editor, make_user, django_capture_on_commit_callbacks
    ):
        board = make_user(Role.BOARD)
        with django_capture_on_commit_callbacks(execute=True):
            question = ask()
        assert question.status == QuestionStatus.NEW
        assert question.slug == "ho-tro-ap-dung-cong-cu-5s-cho-hop-tac-xa"
        notified = set(Notification.objects.values_list("user_id", flat=True))
        assert notified == {officer.pk, editor.pk}
        assert board.pk not in notified
        assert Notification.objects.first().url == f"/bien-tap/hoi-dap/{question.pk}/"

    def test_a_question_cannot_take_the_ask_page_slug(self):
        assert ask(title="Đặt câu hỏi").slug != "dat-cau-hoi"

    def test_the_answer_is_cleaned_and_who_recorded(self, officer):
        question = QuestionFactory()
        services.question_answer(
            question=question, by=officer, answer='<p onclick="x()">Có.</p><script>alert(1)</script>'
        )
        question.refresh_from_db()
        assert question.answer == "<p>Có.</p>"
        assert question.answered_by == officer and question.answered_at
        assert question.status == QuestionStatus.NEW
        assert question.history.first().history_user == officer

    def test_publish_needs_an_answer(self, officer):
        question = QuestionFactory()
        with pytest.raises(ValidationError) as error:
            services.question_publish(question=question, by=officer, answer="<script>x</script>")
        assert error.value.message_dict["answer"] == [str(services.ERROR_ANSWER_REQUIRED)]
        published = services.question_publish(question=question, by=officer, answer="<p>Được hỗ trợ.</p>")
        assert published.status == QuestionStatus.PUBLISHED
        assert "duoc ho tro" in published.search_text

    def test_answer_privately_mails_the_asker_and_stays_unpublished(self, officer, django_capture_on_commit_callbacks):
        question = QuestionFactory(asker_email="an@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            services.question_answer_privately(question=question, by=officer, answer="<p>Xin gửi thông tin.</p>")
        question.refresh_from_db()
        assert question.status == QuestionStatus.ANSWERED_PRIVATELY
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["an@example.org"]
        assert "Xin gửi thông tin." in mail.outbox[0].body
        assert not Question.objects.public().exists()

    def test_reject_and_the_states_each_action_accepts(self, editor):
        question = QuestionFactory()
        services.question_reject(question=question, by=editor)
        question.refresh_from_db()
        assert question.status == QuestionStatus.REJECTED
        with pytest.raises(ValidationError) as error:
            services.question_answer_privately(question=question, by=editor, answer="<p>Có</p>")
        assert message_of(error) == [str(services.ERROR_QUESTION_STATE % {"status": QuestionStatus.REJECTED.label})]
        with pytest.raises(ValidationError):
            services.question_reject(question=question, by=editor)

    @pytest.mark.parametrize("role", [Role.BOARD, Role.ENTERPRISE, Role.EXPERT, Role.EXAMINER, None])
    def test_other_roles_cannot_answer(self, make_user, role):
        question = QuestionFactory()
        with pytest.raises(PermissionDenied):
            services.question_publish(question=question, by=make_user(role), answer="<p>Có</p>")
        with pytest.raises(PermissionDenied):
            services.question_reject(question=question, by=make_user(role))


class PageTests:
    def test_update_cleans_the_html_keeps_the_slug_and_records_who(self, editor):
        page = PageFactory(slug="gioi-thieu")
        services.page_update(
            page=page,
            by=editor,
            title="Giới thiệu Chương trình",
            body='<h2>Mục tiêu</h2><script>alert("x")</script><p><a href="javascript:alert(1)">xem</a></p>',
            title_en="About",
            body_en="<p>About the program</p><iframe src='x'></iframe>",
        )
        page.refresh_from_db()
        assert page.slug == "gioi-thieu"
        assert "<script" not in page.body and "javascript:" not in page.body
        assert page.body.startswith("<h2>Mục tiêu</h2>")
        assert page.body_en == "<p>About the program</p>"
        assert page.updated_by == editor
        assert page.history.first().history_user == editor

    def test_an_empty_body_is_refused(self, officer):
        with pytest.raises(ValidationError) as error:
            services.page_update(page=PageFactory(), by=officer, title="Trang", body="<script>x</script>")
        assert error.value.message_dict["body"] == [str(services.ERROR_BODY_REQUIRED)]

    def test_other_roles_cannot_edit(self, make_user):
        with pytest.raises(PermissionDenied):
            services.page_update(page=PageFactory(), by=make_user(Role.BOARD), title="Trang", body="<p>x</p>")
