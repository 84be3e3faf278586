"""The import pipeline: formats, upsert, every kind of bad row, replacements, history and alerts."""

import datetime
import io
import json

import pytest

from nscl.standards.choices import StandardKind, StandardStatus
from nscl.standards.imports import RowError, run_import
from nscl.standards.imports import messages as msg
from nscl.standards.models import (
    IssuingBody,
    Standard,
    StandardField,
    StandardIcs,
)
from nscl.standards.search import Filters, SearchQuery, get_backend
from nscl.standards.tests.importing import errors_of, run_csv, search_ids, xlsx_bytes

pytestmark = pytest.mark.django_db


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
