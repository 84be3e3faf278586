"""The officers' workspace: uploads (type and size by content), the job page, editing records, access."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from openpyxl import Workbook

from nscl.core.roles import Role
from nscl.standards.choices import ImportStatus, StandardStatus
from nscl.standards.imports import messages as msg
from nscl.standards.imports.jobs import job_progress_set
from nscl.standards.models import ImportJob, Standard, StandardStatusChange
from nscl.standards.services import standard_save

pytestmark = pytest.mark.django_db

GOOD_CSV = "code,title_vi,ics\nTCVN 7790-3:2008,Quy trình lấy mẫu,03.120.30\nTCVN 1:2000,Một,\n"


@pytest.fixture
def officer(make_user):
    return make_user(Role.OFFICER, full_name="Lê Thu Hà")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def upload(client, data: bytes, name: str = "tieu-chuan.csv", **extra):
    return client.post(reverse("standards:import_create"), {"file": SimpleUploadedFile(name, data), **extra})


def field_errors(response, name: str) -> list[str]:
    return response.context["form"].errors.get(name, [])


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------------
# Access
# ------------------------------------------------------------------------------------------------
def _routes(pk: int) -> list[str]:
    return [
        reverse("standards:workspace"),
        reverse("standards:import_create"),
        reverse("standards:import_detail", args=[pk]),
        reverse("standards:import_progress", args=[pk]),
        reverse("standards:import_errors", args=[pk]),
        reverse("standards:import_template"),
        reverse("standards:standard_create"),
    ]


def test_anonymous_users_are_sent_to_sign_in(client):
    job = ImportJob.objects.create(filename="a.csv")
    for url in _routes(job.pk):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("accounts:login") in response["Location"]


def test_enterprise_users_are_refused(client, make_user):
    job = ImportJob.objects.create(filename="a.csv")
    client.force_login(make_user(Role.ENTERPRISE))
    for url in _routes(job.pk):
        assert client.get(url).status_code == 403, url
    assert upload(client, GOOD_CSV.encode()).status_code == 403
    assert not Standard.objects.exists()


def test_officers_reach_every_page(officer_client):
    job = ImportJob.objects.create(filename="a.csv")
    for url in _routes(job.pk):
        assert officer_client.get(url).status_code == 200, url


# ------------------------------------------------------------------------------------------------
# Upload
# ------------------------------------------------------------------------------------------------
def test_an_officer_imports_a_csv_and_sees_the_result(officer_client, officer, ics_tree):
    response = upload(officer_client, GOOD_CSV.encode())

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert (job.status, job.created_count, job.created_by) == (ImportStatus.SUCCEEDED, 2, officer)
    assert job.file.name.startswith("imports/") and job.file.name.endswith(".csv")
    assert "tieu-chuan" not in job.file.name  # stored under a random name
    assert Standard.objects.count() == 2
    page = officer_client.get(job.get_absolute_url())
    assert page.context["percent"] == 100
    assert 'aria-valuenow="100"' in page.content.decode()
    assert "every 1s" not in page.content.decode()  # finished: no more polling


def test_an_xlsx_upload_is_recognised_by_content(officer_client, ics_tree):
    data = xlsx_bytes([["code", "title_vi"], ["TCVN 6400:1998", "Đồng hồ nước"]])

    upload(officer_client, data, name="bang-tinh.bin")

    assert ImportJob.objects.get().file.name.endswith(".xlsx")
    assert Standard.objects.get().code == "TCVN 6400:1998"


def test_a_dry_run_upload_writes_nothing(officer_client, ics_tree):
    upload(officer_client, GOOD_CSV.encode(), dry_run="on")

    job = ImportJob.objects.get()
    assert (job.status, job.created_count) == (ImportStatus.CHECKED, 2)
    assert not Standard.objects.exists()


def test_a_file_with_bad_rows_shows_them_all(officer_client, ics_tree):
    upload(officer_client, b"code,title_vi,ics\nTCVN 1:2000,,99.999\nTCVN 2:2000,Hai,\n")

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.REJECTED
    page = officer_client.get(job.get_absolute_url()).content.decode()
    assert "99.999" in page and str(msg.TITLE_REQUIRED) in page
    assert not Standard.objects.exists()
    errors_csv = officer_client.get(reverse("standards:import_errors", args=[job.pk])).content.decode("utf-8-sig")
    assert errors_csv.splitlines()[1].startswith("2,ics,")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        ("code,title_vi\nTCVN 1:2000,Café crème\n".encode("latin-1"), "latin.csv", msg.UPLOAD_NOT_TEXT),
        ("code,title_vi\nTCVN 1:2000,Nước\n".encode("utf-16"), "utf16.csv", msg.UPLOAD_NOT_TEXT),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "anh.csv", msg.UPLOAD_NOT_TEXT),
        (b"code,title_vi\nTCVN 1:2000,\x00\x01binary\n", "nul.csv", msg.UPLOAD_NOT_TEXT),
        (b"PK\x03\x04 not really a zip", "fake.xlsx", msg.UPLOAD_BAD_ZIP),
        (b"", "empty.csv", None),
    ],
)
def test_uploads_that_are_not_csv_jsonl_or_xlsx_are_refused_next_to_the_field(officer_client, data, name, message):
    response = upload(officer_client, data, name=name)

    assert response.status_code == 200
    errors = field_errors(response, "file")
    assert errors
    if message is not None:
        assert errors == [str(message)]
    assert 'id="id_file_error"' in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_zip_that_is_not_a_workbook_is_refused(officer_client):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")

    response = upload(officer_client, out.getvalue(), name="data.xlsx")

    assert field_errors(response, "file") == [str(msg.UPLOAD_BAD_ZIP)]


def test_a_file_over_the_limit_is_refused(officer_client, settings):
    settings.NSCL_IMPORT_MAX_UPLOAD_BYTES = 100

    data = GOOD_CSV.encode() * 3
    response = upload(officer_client, data)

    expected = msg.UPLOAD_TOO_LARGE % {"size": filesizeformat(len(data)), "limit": filesizeformat(100)}
    assert field_errors(response, "file") == [str(expected)]
    assert str(expected) in response.content.decode()
    assert not ImportJob.objects.exists()


def test_the_progress_fragment_polls_while_the_job_runs(officer_client):
    job = ImportJob.objects.create(filename="lon.csv", status=ImportStatus.RUNNING)
    job_progress_set(job, 4000, 10000)

    response = officer_client.get(reverse("standards:import_progress", args=[job.pk]))

    html = response.content.decode()
    assert response.templates[0].name == "standards/partials/_import_progress.html"
    assert 'hx-trigger="every 1s"' in html
    assert 'aria-valuenow="40"' in html
    htmx = officer_client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert "<h1" not in htmx.content.decode()


def test_the_template_has_every_import_column(officer_client):
    response = officer_client.get(reverse("standards:import_template"))

    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0] == ",".join(msg.COLUMNS)


def test_the_template_itself_imports(officer_client, ics_tree):
    template = officer_client.get(reverse("standards:import_template")).content

    upload(officer_client, template)

    assert ImportJob.objects.get().status == ImportStatus.SUCCEEDED
    assert Standard.objects.get().code == "TCVN 7790-3:2008"


# ------------------------------------------------------------------------------------------------
# Editing records
# ------------------------------------------------------------------------------------------------
def form_data(**changes) -> dict:
    data = {
        "code": "TCVN 7790-3:2008",
        "kind": "",
        "title_vi": "Quy trình lấy mẫu",
        "title_en": "",
        "year": "",
        "status": StandardStatus.IN_FORCE,
        "ics": "03.120.30; 01.040.03",
        "replaced_by_code": "",
        "reason": "",
    }
    return {**data, **changes}


def test_an_officer_creates_a_record(officer_client, officer, ics_tree):
    response = officer_client.post(reverse("standards:standard_create"), form_data())

    standard = Standard.objects.get()
    assert response["Location"] == standard.get_absolute_url()
    assert (standard.kind, standard.year) == ("TCVN", 2008)
    assert sorted(standard.ics_codes.values_list("code", flat=True)) == ["01.040.03", "03.120.30"]
    record = standard.history.get()
    assert (record.history_type, record.history_user) == ("+", officer)


def test_editing_records_history_with_the_editor(officer_client, officer, ics_tree):
    standard = standard_save(standard=Standard(), data={"code": "TCVN 1:2000", "title_vi": "Một"}, by=None)
    newer = standard_save(standard=Standard(), data={"code": "TCVN 1:2010", "title_vi": "Một"}, by=None)
    before = standard.history.count()
    url = reverse("standards:standard_edit", args=[standard.pk])
    assert officer_client.get(url).context["form"].initial["ics"] == ""

    response = officer_client.post(
        url, form_data(code="TCVN 1:2000", title_vi="Một (sửa)", replaced_by_code="tcvn 1 : 2010", reason="Soát xét")
    )

    assert response.status_code == 302
    standard.refresh_from_db()
    assert (standard.title_vi, standard.replaced_by, standard.status) == ("Một (sửa)", newer, StandardStatus.REPLACED)
    assert standard.history.count() == before + 1
    latest = standard.history.first()
    assert (latest.history_user, latest.history_change_reason) == (officer, "Soát xét")
    change = StandardStatusChange.objects.get(standard=standard, new_status=StandardStatus.REPLACED)
    assert change.changed_by == officer


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ics": "03.120.30; 99.99"}, "ics", msg.UNKNOWN_ICS % {"codes": "99.99"}),
        (
            {"replaced_by_code": "TCVN 404:2020"},
            "replaced_by_code",
            msg.REPLACED_BY_UNKNOWN % {"code": "TCVN 404:2020"},
        ),
        ({"title_vi": ""}, "title_vi", msg.TITLE_REQUIRED),
        ({"code": "TCVN 1:2000"}, "code", None),  # a number already stored
    ],
)
def test_bad_input_is_shown_next_to_the_field(officer_client, ics_tree, changes, field, message):
    standard_save(standard=Standard(), data={"code": "TCVN 1:2000", "title_vi": "Một"}, by=None)

    response = officer_client.post(reverse("standards:standard_create"), form_data(**changes))

    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    if message is not None:
        assert errors == [str(message)]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert Standard.objects.count() == 1


def test_a_record_cannot_replace_itself(officer_client, ics_tree):
    standard = standard_save(standard=Standard(), data={"code": "TCVN 1:2000", "title_vi": "Một"}, by=None)

    response = officer_client.post(
        reverse("standards:standard_edit", args=[standard.pk]),
        form_data(code="TCVN 1:2000", replaced_by_code="TCVN 1:2000"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["replaced_by_code"]
    standard.refresh_from_db()
    assert standard.replaced_by is None


def test_the_workspace_lists_imports_and_links_to_editing(officer_client, ics_tree):
    standard = standard_save(standard=Standard(), data={"code": "TCVN 1:2000", "title_vi": "Một"}, by=None)
    job = ImportJob.objects.create(filename="ds.csv", status=ImportStatus.SUCCEEDED)

    html = officer_client.get(reverse("standards:workspace")).content.decode()

    assert job.get_absolute_url() in html
    assert reverse("standards:standard_edit", args=[standard.pk]) in html


@pytest.mark.django_db(transaction=True)
def test_outside_tests_the_import_runs_in_a_background_thread(client, make_user, ics_tree, settings):
    import threading

    settings.NSCL_IMPORTS_INLINE = False
    client.force_login(make_user(Role.OFFICER))

    response = upload(client, GOOD_CSV.encode())

    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    for worker in threading.enumerate():  # none left if it has already finished
        if worker.name == f"import-{job.pk}":
            worker.join(timeout=60)
    job.refresh_from_db()
    assert (job.status, job.created_count) == (ImportStatus.SUCCEEDED, 2)
    assert Standard.objects.count() == 2
