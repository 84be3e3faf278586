"""The library's pages: who may use the workspace, what the public sees, escaping, search, queries."""

import pytest
from django.urls import reverse
from django.utils import translation

from nscl.core.roles import Role
from nscl.portal.choices import DocumentType, QuestionStatus
from nscl.portal.models import Document, Question
from nscl.portal.tests.factories_library import DocumentFactory, PageFactory, QuestionFactory, pdf_upload

pytestmark = pytest.mark.django_db

ALLOWED = [Role.OFFICER, Role.EDITOR]
REFUSED = [Role.BOARD, Role.ENTERPRISE, Role.EXPERT, Role.EXAMINER, Role.ADMIN, None]


@pytest.fixture
def records(db):
    return {"document": DocumentFactory(), "question": QuestionFactory(), "page": PageFactory(slug="lien-he")}


def workspace_pages(records):
    return [
        reverse("portal:document_manage"),
        reverse("portal:document_create"),
        reverse("portal:document_update", args=[records["document"].pk]),
        reverse("portal:question_queue"),
        reverse("portal:question_review", args=[records["question"].pk]),
        reverse("portal:page_manage"),
        reverse("portal:page_update", args=["lien-he"]),
    ]


def workspace_posts(records):
    """Each write of the workspace with data that would succeed for an allowed role."""
    document, question = records["document"], records["question"]
    return [
        (reverse("portal:document_publish", args=[document.pk]), {"published": "0"}),
        (reverse("portal:question_review", args=[question.pk]), {"action": "reject", "answer": ""}),
        (
            reverse("portal:page_update", args=["lien-he"]),
            {"title": "Liên hệ", "body": "<p>Sở KH&amp;CN</p>", "sort_order": "1"},
        ),
        (
            reverse("portal:document_create"),
            {
                "number": "01/QĐ-UBND",
                "title": "Quyết định",
                "doc_type": DocumentType.DECISION,
                "issuer": "UBND tỉnh",
                "issued_on": "2024-01-05",
                "file": pdf_upload(),
            },
        ),
    ]


class WorkspaceAccessTests:
    @pytest.mark.parametrize("role", ALLOWED)
    def test_officers_and_editors_open_every_workspace_page(self, client, make_user, records, role):
        client.force_login(make_user(role))
        for url in workspace_pages(records):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.content.count(b"<h1") == 1, url

    @pytest.mark.parametrize("role", REFUSED)
    def test_other_roles_are_refused(self, client, make_user, records, role):
        client.force_login(make_user(role))
        for url in workspace_pages(records):
            assert client.get(url).status_code == 403, url
        for url, data in workspace_posts(records):
            assert client.post(url, data).status_code == 403, url
        records["document"].refresh_from_db()
        assert records["document"].is_published
        assert Question.objects.get().status == QuestionStatus.NEW
        assert Document.objects.count() == 1

    def test_anonymous_users_are_sent_to_sign_in(self, client, records):
        for url in workspace_pages(records):
            response = client.get(url)
            assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response.url, url
        for url, data in workspace_posts(records):
            assert client.post(url, data).status_code == 302, url
        assert Question.objects.get().status == QuestionStatus.NEW

    @pytest.mark.parametrize("role", ALLOWED)
    def test_every_write_succeeds_for_allowed_roles(self, client, make_user, records, role):
        client.force_login(make_user(role))
        for url, data in workspace_posts(records):
            assert client.post(url, data).status_code == 302, url
        records["document"].refresh_from_db()
        assert not records["document"].is_published
        assert Question.objects.get().status == QuestionStatus.REJECTED
        assert Document.objects.count() == 2


class WorkspaceTests:
    def test_the_queue_lists_new_questions_first(self, client, make_user):
        QuestionFactory(published=True, title="Câu đã đăng")
        QuestionFactory(title="Câu mới nhận")
        client.force_login(make_user(Role.OFFICER))
        content = client.get(reverse("portal:question_queue")).content.decode()
        assert content.index("Câu mới nhận") < content.index("Câu đã đăng")

    def test_publishing_an_answer_from_the_review_page(self, client, make_user):
        question = QuestionFactory()
        client.force_login(make_user(Role.EDITOR))
        url = reverse("portal:question_review", args=[question.pk])
        response = client.post(url, {"action": "publish", "answer": ""})
        assert response.status_code == 200
        assert "Cần viết câu trả lời trước." in response.content.decode()
        response = client.post(url, {"action": "publish", "answer": "<p>Có.</p><script>x</script>"})
        assert response.status_code == 302
        question.refresh_from_db()
        assert question.status == QuestionStatus.PUBLISHED and question.answer == "<p>Có.</p>"
        page = client.get(url).content.decode()
        assert "Lịch sử thay đổi" in page

    def test_an_exe_renamed_pdf_is_refused_next_to_the_file_field(self, client, make_user):
        from django.core.files.uploadedfile import SimpleUploadedFile

        from nscl.portal.tests.factories_library import EXE_BYTES

        client.force_login(make_user(Role.OFFICER))
        data = workspace_posts({"document": DocumentFactory(), "question": QuestionFactory()})[3][1]
        data["file"] = SimpleUploadedFile("quyet-dinh.pdf", EXE_BYTES)
        response = client.post(reverse("portal:document_create"), data)
        assert response.status_code == 200
        content = response.content.decode()
        assert 'id="id_file_error"' in content and "kiểm tra theo nội dung tệp" in content


class PublicVisibilityTests:
    def test_unpublished_documents_are_404(self, client):
        document = DocumentFactory(is_published=False)
        assert client.get(document.get_absolute_url()).status_code == 404
        assert client.get(reverse("portal:document_download", args=[document.slug])).status_code == 404
        assert document.title not in client.get(reverse("portal:document_list")).content.decode()

    def test_a_published_document_shows_its_details_and_downloads(self, client):
        document = DocumentFactory(issued_on="2024-03-15", number="121/KH-UBND")
        content = client.get(document.get_absolute_url()).content.decode()
        assert "15/03/2024" in content and "121/KH-UBND" in content and "UBND tỉnh Lạng Sơn" in content
        response = client.get(reverse("portal:document_download", args=[document.slug]))
        assert response.status_code == 200
        assert f'filename="{document.slug}.pdf"' in response["Content-Disposition"]
        assert b"".join(response.streaming_content).startswith(b"%PDF")

    @pytest.mark.parametrize("status", [QuestionStatus.NEW, QuestionStatus.ANSWERED_PRIVATELY, QuestionStatus.REJECTED])
    def test_unpublished_questions_are_404(self, client, status):
        question = QuestionFactory(status=status, answer="<p>Trả lời riêng</p>")
        assert client.get(question.get_absolute_url()).status_code == 404
        assert question.title not in client.get(reverse("portal:question_list")).content.decode()

    def test_a_published_question_shows_its_answer(self, client):
        question = QuestionFactory(published=True)
        content = client.get(question.get_absolute_url()).content.decode()
        assert question.title in content and "Doanh nghiệp nộp hồ sơ" in content
        assert question.asker_email not in content

    def test_a_page_in_vietnamese_and_in_english(self, client):
        page = PageFactory(slug="gioi-thieu", title="Giới thiệu", title_en="About", body_en="<p>In English</p>")
        assert "Giới thiệu" in client.get(page.get_absolute_url()).content.decode()
        with translation.override("en"):
            url = reverse("portal:page_detail", args=["gioi-thieu"])
        assert url.startswith("/en/")
        content = client.get(url).content.decode()
        assert "About" in content and "In English" in content
        assert client.get(reverse("portal:page_detail", args=["khong-co"])).status_code == 404


class PublicPagesTests:
    def test_each_public_page_has_one_h1(self, client):
        document, question = DocumentFactory(), QuestionFactory(published=True)
        page = PageFactory()
        urls = [
            reverse("portal:document_list"),
            document.get_absolute_url(),
            reverse("portal:question_list"),
            reverse("portal:question_ask"),
            reverse("portal:question_thanks"),
            question.get_absolute_url(),
            page.get_absolute_url(),
        ]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.content.count(b"<h1") == 1, url

    def test_a_bad_filter_value_drops_only_that_filter(self, client):
        DocumentFactory(title="Kế hoạch A", doc_type=DocumentType.PLAN)
        DocumentFactory(title="Quyết định B", doc_type=DocumentType.DECISION)
        response = client.get(reverse("portal:document_list"), {"year": "1800", "doc_type": "decision"})
        assert [d.title for d in response.context["documents"]] == ["Quyết định B"]


class EscapingTests:
    def test_plain_fields_are_escaped(self, client):
        question = QuestionFactory(
            published=True, title="<script>alert('hoi')</script> Câu hỏi", body="<img src=x onerror=alert(1)>"
        )
        for url in (question.get_absolute_url(), reverse("portal:question_list")):
            content = client.get(url).content.decode()
            assert "<script>alert(" not in content and "<img src=x" not in content
            assert "&lt;script&gt;alert(" in content
        document = DocumentFactory(title="<script>alert(2)</script> Kế hoạch")
        content = client.get(document.get_absolute_url()).content.decode()
        assert "<script>alert(2)" not in content and "&lt;script&gt;alert(2)" in content

    def test_pages_and_answers_saved_through_the_workspace_lose_their_scripts(self, client, make_user):
        PageFactory(slug="lien-he")
        client.force_login(make_user(Role.OFFICER))
        body = '<p>Điện thoại</p><script>alert(1)</script><img src="x" onerror="alert(1)">'
        client.post(
            reverse("portal:page_update", args=["lien-he"]), {"title": "Liên hệ", "body": body, "sort_order": 0}
        )
        content = client.get(reverse("portal:page_detail", args=["lien-he"])).content.decode()
        assert "<p>Điện thoại</p>" in content
        assert "alert(1)" not in content and "onerror" not in content


class SearchTests:
    def test_search_without_accents_finds_the_document(self, client):
        DocumentFactory(title="Kế hoạch nâng cao năng suất", summary="")
        DocumentFactory(title="Quyết định phê duyệt danh sách", summary="")
        content = client.get(reverse("portal:document_list"), {"q": "ke hoach"}).content.decode()
        assert "Kế hoạch nâng cao năng suất" in content
        assert "Quyết định phê duyệt danh sách" not in content

    def test_number_type_issuer_and_year_filters(self, client):
        DocumentFactory(number="121/KH-UBND", doc_type=DocumentType.PLAN, issued_on="2016-09-20", title="Kế hoạch A")
        DocumentFactory(
            number="05/QĐ-SKHCN", doc_type=DocumentType.DECISION, issuer="Sở KH&CN", issued_on="2023-02-01",
            title="Quyết định B",
        )  # fmt: skip
        url = reverse("portal:document_list")

        def titles(**params):
            return [d.title for d in client.get(url, params).context["documents"]]

        assert titles(q="121/KH") == ["Kế hoạch A"]
        assert titles(doc_type="decision") == ["Quyết định B"]
        assert titles(issuer="Sở KH&CN") == ["Quyết định B"]
        assert titles(year="2016") == ["Kế hoạch A"]
        assert titles() == ["Quyết định B", "Kế hoạch A"]

    def test_published_questions_are_searchable_in_their_answers(self, client):
        QuestionFactory(published=True, title="Về giải thưởng", answer="<p>Hồ sơ dự thưởng gửi trước tháng 6.</p>")
        QuestionFactory(published=True, title="Về đào tạo")
        questions = client.get(reverse("portal:question_list"), {"q": "du thuong"}).context["questions"]
        assert [q.title for q in questions] == ["Về giải thưởng"]


class QueryCountTests:
    def test_public_lists_are_bounded(self, client, django_assert_max_num_queries):
        for _ in range(3):
            DocumentFactory()
            QuestionFactory(published=True)
        with django_assert_max_num_queries(6):  # + the footer's pages (cached after) and the next scheduled time
            assert client.get(reverse("portal:document_list")).status_code == 200
        with django_assert_max_num_queries(3):
            assert client.get(reverse("portal:question_list")).status_code == 200
        for _ in range(10):
            DocumentFactory()
            QuestionFactory(published=True)
        with django_assert_max_num_queries(6):  # the new documents made the footer's cache stale
            client.get(reverse("portal:document_list"), {"q": "ke hoach", "year": "2024"})
        with django_assert_max_num_queries(3):
            client.get(reverse("portal:question_list"))

    def test_workspace_lists_are_bounded(self, client, make_user, django_assert_max_num_queries):
        for _ in range(10):
            DocumentFactory()
            QuestionFactory()
            PageFactory()
        client.force_login(make_user(Role.OFFICER))
        for name in ("portal:document_manage", "portal:question_queue", "portal:page_manage"):
            with django_assert_max_num_queries(7):
                assert client.get(reverse(name)).status_code == 200
