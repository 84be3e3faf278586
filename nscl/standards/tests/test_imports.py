"""The import pipeline: formats, upsert, every kind of bad row, replacements, history and alerts."""

import datetime
import io
import json

import pytest
from django.core import mail
from django.db import connection
from openpyxl import Workbook

from nscl.accounts.models import Notification
from nscl.core.roles import Role
from nscl.standards.choices import ImportStatus, StandardKind, StandardStatus
from nscl.standards.imports import ImportReport, RowError, run_import
from nscl.standards.imports import messages as msg
from nscl.standards.models import (
    IcsCode,
    ImportJob,
    IssuingBody,
    Standard,
    StandardField,
    StandardIcs,
    StandardStatusChange,
)
from nscl.standards.search import Filters, SearchQuery, get_backend
from nscl.standards.services import follow_create

pytestmark = pytest.mark.django_db

HEADER = "code,title_vi,title_en,year,status,ics,scope,replaced_by\n"


def csv_bytes(body: str, header: str = HEADER) -> io.BytesIO:
    return io.BytesIO((header + body).encode("utf-8"))


def run_csv(body: str, header: str = HEADER, **kwargs) -> ImportReport:
    return run_import(csv_bytes(body, header), fmt="csv", **kwargs)


def xlsx_bytes(rows: list[list]) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    return out


def errors_of(report: ImportReport) -> list[tuple[int, str]]:
    return [(e.row, e.column) for e in report.errors]


def search_ids(text: str) -> list[int]:
    return get_backend().search(SearchQuery(text=text)).ids


@pytest.fixture
def officer(make_user):
    return make_user(Role.OFFICER, full_name="Trần Văn Bình")


# ------------------------------------------------------------------------------------------------
# Formats
# ------------------------------------------------------------------------------------------------
def test_csv_creates_records_with_parsed_parts_links_and_index(ics_tree):
    report = run_csv(
        "TCVN 7790-3:2008,Hệ thống lấy mẫu,Sampling systems,2008,,03.120.30;01.040.03,Phạm vi áp dụng,\n"
        "QCVN 01:2009/BYT,Chất lượng nước ăn uống,,,in_force,13.060.20,,\n"
    )

    assert report.ok, report.errors
    assert (report.total_rows, report.created, report.updated) == (2, 2, 0)
    standard = Standard.objects.get(code="TCVN 7790-3:2008")
    assert (standard.kind, standard.base_number, standard.part, standard.year) == (StandardKind.TCVN, "7790", "3", 2008)
    assert standard.status == StandardStatus.IN_FORCE
    assert set(standard.ics_codes.values_list("code", flat=True)) == {"03.120.30", "01.040.03"}
    regulation = Standard.objects.get(code="QCVN 01:2009/BYT")
    assert (regulation.kind, regulation.year) == (StandardKind.QCVN, 2009)
    assert search_ids("lay mau") == [standard.pk]
    assert search_ids("nước ăn uống") == [regulation.pk]


def test_csv_with_bom_and_semicolons(ics_tree):
    data = "\ufeffcode;title_vi;ics\nTCVN 5699-1:2010;An toàn đồ điện gia dụng;13.120\n".encode()

    report = run_import(io.BytesIO(data))

    assert report.ok, report.errors
    assert Standard.objects.get().title_vi == "An toàn đồ điện gia dụng"


def test_xlsx_first_sheet_with_numbers_and_dates(ics_tree):
    data = xlsx_bytes(
        [
            ["code", "title_vi", "year", "ics", "effective_date", "pages"],
            ["TCVN 6400:1998", "Đồng hồ nước", 1998, "91.140.60", datetime.datetime(1999, 1, 15), 12],  # noqa: DTZ001  (Excel dates are naive)
            [None, None, None, None, None, None],
            ["ISO 9001:2015", "Hệ thống quản lý chất lượng", 2015.0, "03.120.10", "15/09/2015", None],
        ]
    )

    report = run_import(data)

    assert report.ok, report.errors
    assert report.total_rows == 2
    meter = Standard.objects.get(code="TCVN 6400:1998")
    assert (meter.effective_date, meter.pages) == (datetime.date(1999, 1, 15), 12)
    assert Standard.objects.get(code="ISO 9001:2015").effective_date == datetime.date(2015, 9, 15)


def test_xlsx_errors_name_the_spreadsheet_row(ics_tree):
    data = xlsx_bytes([["code", "title_vi"], ["TCVN 1:2000", "Một"], [None, None], ["TCVN 2:2000", ""]])

    report = run_import(data)

    assert errors_of(report) == [(4, "title_vi")]


def test_json_lines_with_lists_and_numbers(ics_tree):
    lines = [
        {"code": "IEC 60335-1:2020", "title_en": "Household appliances", "ics": ["13.120", "97.030"], "year": 2020},
        {},
        {"code": "TCVN 6592-1:2009", "title_vi": "Thiết bị đóng cắt", "status": "withdrawn"},
    ]
    data = "\n".join("" if not line else json.dumps(line, ensure_ascii=False) for line in lines).encode()

    report = run_import(io.BytesIO(data), fmt="jsonl")

    assert report.ok, report.errors
    assert set(Standard.objects.get(code="IEC 60335-1:2020").ics_codes.values_list("code", flat=True)) == {
        "13.120",
        "97.030",
    }
    assert Standard.objects.get(code="TCVN 6592-1:2009").status == StandardStatus.WITHDRAWN


def test_json_lines_bad_lines_are_reported_by_line(ics_tree):
    data = b'{"code": "TCVN 1:2000", "title_vi": "A"}\nnot json\n[1, 2]\n{"code": "TCVN 2:2000", "colour": "x"}\n'

    report = run_import(io.BytesIO(data), fmt="jsonl")

    assert errors_of(report) == [(2, ""), (3, ""), (4, "colour")]
    assert Standard.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("standards.xlsx", b"not a zip at all", msg.XLSX_UNREADABLE),
        ("standards.csv", "code,title_vi\nTCVN 1:2000,Nước\n".encode("utf-16"), msg.NOT_UTF8),
        ("standards.csv", b"", msg.NO_HEADER),
        ("standards.csv", b"code,title_vi\n", msg.NO_ROWS),
    ],
)
def test_unreadable_files_are_rejected_with_a_reason(ics_tree, name, data, expected):
    handle = io.BytesIO(data)
    handle.name = name

    report = run_import(handle)

    assert not report.ok
    assert report.errors[0].message == str(expected)


def test_format_is_guessed_from_a_path(ics_tree, tmp_path):
    path = tmp_path / "upload.bin"
    path.write_bytes(b'{"code": "TCVN 1:2000", "title_vi": "A"}\n')

    assert run_import(path).created == 1


# ------------------------------------------------------------------------------------------------
# Upsert and kinds
# ------------------------------------------------------------------------------------------------
def test_second_import_updates_instead_of_duplicating(ics_tree):
    run_csv("TCVN 7790-3:2008,Tên cũ,,,,03.120.30,,\nTCVN 1:2000,Một,,,,,,\n")

    report = run_csv("tcvn  7790-3 : 2008,Tên mới,,,,03.120.30;01.040.03,,\nTCVN 1:2000,Một,,,,,,\n")

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert Standard.objects.count() == 2
    standard = Standard.objects.get(code_key="TCVN 7790-3:2008")
    assert standard.title_vi == "Tên mới"
    assert StandardIcs.objects.filter(standard=standard).count() == 2
    assert search_ids("ten moi") == [standard.pk]
    counts = get_backend().search(SearchQuery(text="ten moi", filters=Filters(ics="01"))).facets["ics"]
    assert counts == [("01.040", 1)]  # the facet counts see the new ICS link too


def test_columns_absent_from_the_file_keep_their_stored_values(ics_tree):
    run_csv("TCVN 1:2000,Một,One,,withdrawn,01.040.01,Phạm vi,\n")

    report = run_csv("TCVN 1:2000,Một (sửa)\n", header="code,title_vi\n")

    assert report.updated == 1
    standard = Standard.objects.get()
    assert (standard.title_en, standard.status, standard.scope) == ("One", StandardStatus.WITHDRAWN, "Phạm vi")
    assert list(standard.ics_codes.values_list("code", flat=True)) == ["01.040.01"]


@pytest.mark.parametrize(
    ("code", "kind", "expected"),
    [
        ("ISO 9001:2015", "", StandardKind.ISO),
        ("TCVN ISO 9001:2015", "", StandardKind.TCVN),
        ("ISO/IEC 17025:2017", "", StandardKind.ISO_IEC),
        ("QCĐP 01:2020/LS", "", StandardKind.QCDP),
        ("QCĐP 01:2020/LS", "qcđp", StandardKind.QCDP),
        ("01:2020/LS", "QCDP", StandardKind.QCDP),
        ("CXS 192-1995", "Codex", StandardKind.CODEX),
        ("17025:2017", "iso/iec", StandardKind.ISO_IEC),
        ("ASTM D4052", "other", StandardKind.OTHER),
        ("TCCS 01:2023/LS", "TCCS", StandardKind.TCCS),
    ],
)
def test_kind_is_parsed_unless_given(ics_tree, code, kind, expected):
    report = run_csv(f"{code},{kind},Tên\n", header="code,kind,title_vi\n")

    assert report.ok, report.errors
    assert Standard.objects.get().kind == expected


# ------------------------------------------------------------------------------------------------
# Bad rows: reported with row and column, and nothing written
# ------------------------------------------------------------------------------------------------
GOOD = "TCVN 100:2000,Dòng tốt,,,,01.040.01,,\n"


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("TCVN 1:2000,Một,,,,99.999.99,,", "ics", msg.UNKNOWN_ICS % {"codes": "99.999.99"}),
        ("TCVN 1:2000,Một,,,obsolete,,,", "status", msg.BAD_STATUS % {"value": "obsolete"}),
        ("TCVN 1:2000,Một,,hai nghìn,,,,", "year", msg.BAD_YEAR % {"value": "hai nghìn"}),
        ("TCVN 1,Một,,1850,,,,", "year", msg.YEAR_RANGE),
        ("TCVN 1:2000,Một,,2001,,,,", "year", msg.YEAR_MISMATCH % {"year": 2001, "code_year": 2000}),
        (",Một,,,,,,", "code", msg.CODE_REQUIRED),
        ("TCVN abc,Một,,,,,,", "code", msg.CODE_UNPARSED % {"code": "TCVN abc"}),
        ("TCVN 1:2000,,,,,,,", "title_vi", msg.TITLE_REQUIRED),
        ("TCVN 1:2000,Một,,,,,,TCVN 9:2009", "replaced_by", msg.REPLACED_BY_UNKNOWN % {"code": "TCVN 9:2009"}),
        ("TCVN 1:2000,Một,,,,,,TCVN 1:2000", "replaced_by", msg.REPLACED_BY_SELF),
        ("TCVN 1:2000,Một,,,withdrawn,,,TCVN 100:2000", "status", msg.STATUS_CONFLICT % {"value": "withdrawn"}),
        ("TCVN 100:2000,Trùng,,,,,,", "code", msg.DUPLICATE_ROW % {"code": "TCVN 100:2000", "row": 2}),
        ("TCVN 1:2000,Một,,,,,,,extra", "", msg.TOO_MANY_CELLS % {"cells": 9, "columns": 8}),
    ],
)
def test_a_bad_row_is_reported_and_nothing_is_written(ics_tree, row, column, message):
    report = run_csv(GOOD + row + "\n")

    assert not report.ok
    assert report.errors == [RowError(row=3, column=column, message=str(message))]
    assert Standard.objects.count() == 0
    assert StandardIcs.objects.count() == 0
    assert search_ids("dong tot") == []


@pytest.mark.parametrize(
    ("header", "column", "message"),
    [
        ("code,title_vi,colour\n", "colour", msg.UNKNOWN_COLUMNS),
        ("title_vi,year\n", "code", msg.MISSING_COLUMN),
        ("code,year\n", "title_vi", msg.MISSING_TITLE_COLUMN),
        ("code,title_vi,code\n", "code", msg.DUPLICATE_COLUMN),
    ],
)
def test_a_bad_header_is_reported_on_row_1(ics_tree, header, column, message):
    report = run_csv("TCVN 1:2000,Một,x\n", header=header)

    assert [(e.row, e.column) for e in report.errors] == [(1, column)]
    assert report.errors[0].message.startswith(str(message).split("%")[0])
    assert Standard.objects.count() == 0


def test_unknown_column_message_names_the_columns(ics_tree):
    report = run_csv("TCVN 1:2000,Một,x,y\n", header="code,title_vi,Colour,size\n")

    assert "colour, size" in report.errors[0].message
    assert report.errors[0].column == "colour, size"


def test_every_bad_row_is_reported_across_chunks(ics_tree):
    body = GOOD + "".join(f"TCVN {n}:2000,Tên {n},,,,,,\n" for n in range(1, 8))
    body += "TCVN 3:2000,Trùng,,,,,,\nTCVN 20:2000,,,,bad,99.1,,TCVN 404:2000\n"

    report = run_csv(body, chunk_size=3)

    assert errors_of(report) == [
        (10, "code"),
        (11, "ics"),
        (11, "replaced_by"),
        (11, "status"),
        (11, "title_vi"),
    ]
    assert report.errors[0].message == str(msg.DUPLICATE_ROW % {"code": "TCVN 3:2000", "row": 5})
    assert Standard.objects.count() == 0


def test_optional_reference_columns_are_checked(ics_tree):
    IssuingBody.objects.create(code="BKHCN", name_vi="Bộ Khoa học và Công nghệ")
    StandardField.objects.create(code="thuc-pham", name_vi="Thực phẩm")
    header = "code,title_vi,issuing_body,field,equivalence,effective_date,pages,decision\n"

    report = run_csv(
        "TCVN 1:2000,Một,bkhcn,thuc-pham,idt,2001-02-03,10,QĐ 1/QĐ-BKHCN\n"
        "TCVN 2:2000,Hai,XYZ,nong-nghiep,SAME,31/02/2001,-1,\n",
        header=header,
    )

    assert errors_of(report) == [
        (3, "effective_date"),
        (3, "equivalence"),
        (3, "field"),
        (3, "issuing_body"),
        (3, "pages"),
    ]
    assert report.errors[-1].message == str(msg.BAD_PAGES % {"value": "-1"})
    assert Standard.objects.count() == 0


def test_dry_run_reports_counts_and_writes_nothing(ics_tree):
    run_csv("TCVN 1:2000,Một,,,,,,\n")

    report = run_csv("TCVN 1:2000,Một (sửa),,,,,,\nTCVN 2:2000,Hai,,,,01.040.01,,\n", dry_run=True)

    assert report.ok and report.dry_run
    assert (report.created, report.updated) == (1, 1)
    assert list(Standard.objects.values_list("title_vi", flat=True)) == ["Một"]
    assert StandardIcs.objects.count() == 0
    assert search_ids("hai") == []


# ------------------------------------------------------------------------------------------------
# Replacements
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("chunk_size", [1, 2, 2000])
def test_replaced_by_may_point_further_down_the_file(ics_tree, chunk_size):
    report = run_csv(
        "TCVN 7790-3:2002,Bản 2002,,,,,,TCVN 7790-3:2008\n"
        "TCVN 7790-3:2008,Bản 2008,,,,,,TCVN 7790-3:2020\n"
        "TCVN 7790-3:2020,Bản 2020,,,,,,\n",
        chunk_size=chunk_size,
    )

    assert report.ok, report.errors
    first, second, third = (Standard.objects.get(year=y) for y in (2002, 2008, 2020))
    assert (first.status, first.replaced_by) == (StandardStatus.REPLACED, second)
    assert (second.status, second.replaced_by) == (StandardStatus.REPLACED, third)
    assert (third.status, third.replaced_by) == (StandardStatus.IN_FORCE, None)
    assert first.history.first().replaced_by_id == second.pk


@pytest.mark.parametrize("chunk_size", [1, 2000])
def test_replaced_by_may_point_up_the_file_or_to_a_stored_record(ics_tree, chunk_size):
    run_csv("TCVN 5:2010,Đã có,,,,,,\n")

    report = run_csv(
        "TCVN 6:2020,Mới,,,,,,\nTCVN 6:2015,Cũ,,,,,,TCVN 6:2020\nTCVN 5:2005,Rất cũ,,,,,,tcvn 5 : 2010\n",
        chunk_size=chunk_size,
    )

    assert report.ok, report.errors
    assert Standard.objects.get(year=2015).replaced_by == Standard.objects.get(year=2020)
    assert Standard.objects.get(year=2005).replaced_by == Standard.objects.get(code="TCVN 5:2010")


def test_a_replacement_loop_is_rejected(ics_tree):
    report = run_csv("TCVN 1:2000,Một,,,,,,TCVN 2:2000\nTCVN 2:2000,Hai,,,,,,TCVN 1:2000\n")

    assert errors_of(report) == [(2, "replaced_by"), (3, "replaced_by")]
    assert Standard.objects.count() == 0


def test_replacing_a_stored_record_records_its_status_change(ics_tree, officer):
    run_csv("TCVN 1:2000,Một,,,,,,\n")

    report = run_csv("TCVN 1:2010,Một (2010),,,,,,\nTCVN 1:2000,Một,,,,,,TCVN 1:2010\n", by=officer)

    assert (report.created, report.updated) == (1, 1)
    old = Standard.objects.get(year=2000)
    assert old.status == StandardStatus.REPLACED
    change = StandardStatusChange.objects.get(standard=old)
    assert (change.old_status, change.new_status, change.changed_by) == ("in_force", "replaced", officer)


# ------------------------------------------------------------------------------------------------
# History, status changes and alerts
# ------------------------------------------------------------------------------------------------
def test_imports_record_history_with_the_user(ics_tree, officer):
    run_csv("TCVN 1:2000,Một,,,,,,\n", by=officer)
    run_csv("TCVN 1:2000,Một (sửa),,,,,,\n", by=officer)

    standard = Standard.objects.get()
    records = list(standard.history.order_by("history_date", "history_id"))
    assert [r.history_type for r in records] == ["+", "~"]
    assert all(r.history_user == officer for r in records)
    assert records[-1].title_vi == "Một (sửa)"


def test_status_change_alerts_followers(ics_tree, make_user, officer, django_capture_on_commit_callbacks):
    run_csv("TCVN 1:2000,Một,,,,,,\nTCVN 2:2000,Hai,,,,,,\n")
    follower = make_user(Role.ENTERPRISE, email="follower@example.org")
    follow_create(user=follower, standard=Standard.objects.get(code="TCVN 1:2000"))

    with django_capture_on_commit_callbacks(execute=True):
        report = run_csv("TCVN 1:2000,Một,,,withdrawn,,,\nTCVN 2:2000,Hai,,,in_force,,,\n", by=officer)

    assert (report.updated, report.unchanged) == (1, 1)
    change = StandardStatusChange.objects.get()
    assert (change.old_status, change.new_status) == (StandardStatus.IN_FORCE, StandardStatus.WITHDRAWN)
    notice = Notification.objects.get(user=follower)
    assert "TCVN 1:2000" in notice.title
    assert [m.to for m in mail.outbox] == [["follower@example.org"]]


def test_new_standards_under_a_followed_ics_code_alert_once(ics_tree, make_user, django_capture_on_commit_callbacks):
    follower = make_user(Role.ENTERPRISE, email="ics@example.org")
    follow_create(user=follower, ics_code=IcsCode.objects.get(code="13.060"))
    body = (
        "".join(f"TCVN {n}:2020,Nước {n},,,,13.060.20,,\n" for n in range(1, 6)) + "TCVN 9:2020,Khác,,,,01.040.01,,\n"
    )

    with django_capture_on_commit_callbacks(execute=True):
        run_csv(body, chunk_size=2)

    notice = Notification.objects.get(user=follower)
    assert "5 tiêu chuẩn mới thuộc mã ICS 13.060" in notice.body
    assert "TCVN 9:2020" not in notice.body
    assert len(mail.outbox) == 1


def test_rejected_and_dry_run_imports_alert_nobody(ics_tree, make_user, django_capture_on_commit_callbacks):
    follower = make_user(Role.ENTERPRISE)
    follow_create(user=follower, ics_code=IcsCode.objects.get(code="13"))

    with django_capture_on_commit_callbacks(execute=True):
        run_csv("TCVN 1:2000,Một,,,,13.060.20,,\n", dry_run=True)
        run_csv("TCVN 1:2000,Một,,,,13.060.20,,\nTCVN 2:2000,,,,,,,\n")

    assert Notification.objects.count() == 0
    assert mail.outbox == []


# ------------------------------------------------------------------------------------------------
# Progress, jobs, the temporary tables
# ------------------------------------------------------------------------------------------------
def test_progress_is_reported_after_each_chunk(ics_tree):
    calls = []
    body = "".join(f"TCVN {n}:2000,Tên {n},,,,,,\n" for n in range(1, 6))

    run_csv(body, chunk_size=2, progress=lambda done, total: calls.append((done, total)))

    assert calls == [(2, 5), (4, 5), (5, 5)]


def test_a_job_records_its_outcome(ics_tree, officer):
    job = ImportJob.objects.create(filename="ds.csv", created_by=officer)

    run_csv("TCVN 1:2000,Một,,,,,,\nTCVN 2:2000,,,,,,,\n", job=job, by=officer)
    job.refresh_from_db()
    assert (job.status, job.total_rows) == (ImportStatus.REJECTED, 2)
    assert job.errors == [{"row": 3, "column": "title_vi", "message": str(msg.TITLE_REQUIRED)}]
    assert job.finished_at is not None

    dry = ImportJob.objects.create(filename="ds.csv", dry_run=True)
    run_csv("TCVN 1:2000,Một,,,,,,\n", job=dry, dry_run=True)
    dry.refresh_from_db()
    assert (dry.status, dry.created_count, dry.errors) == (ImportStatus.CHECKED, 1, [])


def test_the_temporary_tables_are_gone_afterwards(ics_tree):
    run_csv("TCVN 1:2000,Một,,,,,,\n")
    run_csv("TCVN 2:2000,,,,,,,\n")

    tables = connection.introspection.table_names(include_views=False)
    assert not [name for name in tables if name.startswith("nscl_import")]


def test_a_job_whose_file_is_gone_is_marked_failed(db):
    from nscl.standards.imports.jobs import FAILURE, job_run

    job = ImportJob.objects.create(filename="ds.csv", file="imports/missing.csv")

    job_run(job.pk)

    job.refresh_from_db()
    assert (job.status, job.errors) == (ImportStatus.FAILED, [{"row": 0, "column": "", "message": str(FAILURE)}])


def test_a_crash_mid_import_marks_the_job_failed_and_writes_nothing(ics_tree, monkeypatch):
    from nscl.standards.imports.writer import ChunkWriter

    calls = []

    def crash_on_second_chunk(self, plan):
        calls.append(plan)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, plan)

    original = ChunkWriter.write
    monkeypatch.setattr(ChunkWriter, "write", crash_on_second_chunk)
    job = ImportJob.objects.create(filename="ds.csv")

    with pytest.raises(RuntimeError):
        run_csv("TCVN 1:2000,Một,,,,,,\nTCVN 2:2000,Hai,,,,,,\n", chunk_size=1, job=job)

    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert Standard.objects.count() == 0
