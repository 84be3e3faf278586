"""ROLE x ACTION over the pages: who may open what, guessed ids, document downloads, bad input, queries."""

import pytest
from django.urls import reverse

from nscl.projects import constants
from nscl.projects.choices import ProjectStatus
from nscl.projects.models import ProjectDocument
from nscl.projects.tests.factories import PNG_BYTES, SupportProjectFactory, force_status, pdf_upload, ready_project

pytestmark = pytest.mark.django_db
READERS = {"representative", "officer", "board", "expert", "admin"}
EVERYONE = ["representative", "other_enterprise", "officer", "board", "expert", "other_expert", "admin", "examiner",
            "no_role"]  # fmt: skip


@pytest.mark.parametrize("who", EVERYONE)
def test_project_page_and_documents_only_for_readers(client, project, actors, who):
    client.force_login(actors[who])
    document = project.documents.first()
    detail = client.get(reverse("projects:project_detail", args=[project.pk]))
    download = client.get(document.get_absolute_url())
    expected = 200 if who in READERS else 404
    assert detail.status_code == expected
    assert download.status_code == expected
    if expected == 200:
        assert download["Content-Disposition"].startswith("attachment")
        assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("who", EVERYONE)
def test_guessed_ids_are_404(client, project, actors, who):
    client.force_login(actors[who])
    other = ready_project()
    document = other.documents.first()
    for url in (
        reverse("projects:project_detail", args=[other.pk]),
        reverse("projects:document_download", args=[project.pk, document.pk]),  # a document of another project
        reverse("projects:project_detail", args=[999_999]),
    ):
        status = client.get(url).status_code
        assert status == (200 if who in ("officer", "board", "admin") and "999999" not in url and "tai-lieu" not in url
                          else 404), url  # fmt: skip


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("projects:project_pipeline", {"officer", "board", "admin"}),
        ("projects:inspection_list", {"officer", "board", "admin"}),
        ("projects:project_mine", set(EVERYONE)),
        ("projects:project_create", {"representative", "other_enterprise"}),
    ],
)
@pytest.mark.parametrize("who", EVERYONE)
def test_list_pages_by_role(client, actors, name, allowed, who):
    client.force_login(actors[who])
    assert client.get(reverse(name)).status_code == (200 if who in allowed else 403)


def test_my_projects_and_export_show_only_my_enterprises(client, project, actors):
    theirs = SupportProjectFactory(title="Dự án của doanh nghiệp khác")
    client.force_login(actors["representative"])
    page = client.get(reverse("projects:project_mine")).content.decode()
    assert project.title in page and theirs.title not in page
    export = client.get(reverse("projects:project_export"))
    assert export.status_code == 200 and len(export.content) > 0
    from io import BytesIO

    from openpyxl import load_workbook

    rows = list(load_workbook(BytesIO(export.content)).active.values)
    assert [r[1] for r in rows[1:]] == [project.title]


@pytest.mark.parametrize("who", EVERYONE)
def test_transition_by_page_only_for_the_right_person(client, project, actors, who):
    client.force_login(actors[who])
    response = client.post(reverse("projects:project_transition", args=[project.pk, "submit"]), {"reason": ""})
    from nscl.projects.models import SupportProject

    status = SupportProject.objects.get(pk=project.pk).status
    if who in READERS:
        assert response.status_code == 302
        assert status == (ProjectStatus.SUBMITTED if who == "representative" else ProjectStatus.DRAFT)
    else:
        assert response.status_code == 404
        assert status == ProjectStatus.DRAFT


def test_a_wrong_transition_is_a_message_not_a_500(client, project, actors):
    client.force_login(actors["officer"])
    response = client.post(reverse("projects:project_transition", args=[project.pk, "accept"]), follow=True)
    assert response.status_code == 200
    assert "Không thể nghiệm thu đạt" in response.content.decode()
    assert client.post(reverse("projects:project_transition", args=[project.pk, "fly"])).status_code == 404


def test_approve_form_checks_input(client, project, actors):
    project = force_status(project, ProjectStatus.UNDER_APPRAISAL)
    client.force_login(actors["board"])
    url = reverse("projects:project_transition", args=[project.pk, "approve"])
    response = client.post(url, {"amount": "abc", "decision_number": "", "decision_date": "x"}, follow=True)
    assert response.status_code == 200
    response = client.post(
        url, {"amount": "100000001", "decision_number": "1/QĐ", "decision_date": "2026-11-01"}, follow=True
    )
    assert "vượt số đề nghị" in response.content.decode()
    assert force_status(project, ProjectStatus.UNDER_APPRAISAL).approved_amount is None


def test_upload_checks_content_not_name(client, project, actors):
    client.force_login(actors["representative"])
    url = reverse("projects:document_upload", args=[project.pk])
    fake = pdf_upload("gia-mao.pdf", b"MZ\x90\x00 not a pdf at all" * 10)
    response = client.post(url, {"kind": "other", "title": "x", "file": fake}, follow=True)
    assert str(constants.ERROR_FILE_TYPE) in response.content.decode()
    png = pdf_upload("anh.pdf", PNG_BYTES)  # the name lies, the content is a PNG: accepted as .png
    client.post(url, {"kind": "other", "title": "Ảnh", "file": png})
    document = ProjectDocument.objects.get(title="Ảnh")
    assert document.extension == "png" and document.file.name.endswith(".png")
    assert "anh" not in document.file.name


def test_upload_size_limit(client, project, actors, monkeypatch):
    monkeypatch.setattr(constants, "DOCUMENT_MAX_BYTES", 10)
    from nscl.projects import uploads

    monkeypatch.setattr(uploads.check_upload, "__kwdefaults__", {"max_bytes": 10})
    client.force_login(actors["representative"])
    response = client.post(
        reverse("projects:document_upload", args=[project.pk]), {"kind": "other", "file": pdf_upload()}, follow=True
    )
    assert "Tệp lớn hơn" in response.content.decode()


def test_other_enterprise_cannot_upload_or_edit(client, project, actors):
    client.force_login(actors["other_enterprise"])
    assert client.post(reverse("projects:document_upload", args=[project.pk]), {}).status_code == 404
    assert client.get(reverse("projects:project_edit", args=[project.pk])).status_code == 404
    assert client.post(reverse("projects:budget_line_add", args=[project.pk]), {}).status_code == 404


def test_pipeline_queries_do_not_grow_with_rows(client, actors, django_assert_max_num_queries):
    client.force_login(actors["officer"])
    for _ in range(3):
        ready_project()
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("projects:project_pipeline"))
    for _ in range(15):
        ready_project()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("projects:project_pipeline"))
