"""Export of a search result to CSV and XLSX: same records and order as the search, re-importable."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nscl.core.roles import Role
from nscl.standards import exports
from nscl.standards.forms import StandardSearchForm
from nscl.standards.imports import COLUMNS, run_import
from nscl.standards.models import IssuingBody, Standard
from nscl.standards.search import get_backend

pytestmark = pytest.mark.django_db

CATALOGUE = """code,title_vi,title_en,year,status,ics,scope,replaced_by,issuing_body,effective_date,pages
TCVN 5502:2003,Nước cấp sinh hoạt - Yêu cầu chất lượng,Domestic supply water,2003,,13.060.20,\
Nước dùng cho ăn uống,,BKHCN,15/06/2004,12
QCVN 01:2009/BYT,Quy chuẩn kỹ thuật quốc gia về chất lượng nước ăn uống,,2009,,13.060.20,,,,,
QCVN 01-1:2018/BYT,Chất lượng nước sạch sử dụng cho mục đích sinh hoạt,,2018,,13.060.20;13.060.01,,,,,
TCVN 6096:2004,Nước uống đóng chai,Bottled drinking water,2004,,67.160.20,,TCVN 6096:2010,,,
TCVN 6096:2010,Nước uống đóng chai (soát xét),Bottled drinking water,2010,,67.160.20,,,,,
TCVN 7790-3:2008,Quy trình lấy mẫu,Sampling procedures,2008,withdrawn,03.120.30,,,,,
ISO 9001:2015,Hệ thống quản lý chất lượng,Quality management systems,2015,,03.120.10,,,,,
TCVN 9999:2020,=HYPERLINK("http://example.org"),,2020,,01.040.01,+ phạm vi,,,,
"""


@pytest.fixture
def catalogue(ics_tree):
    IssuingBody.objects.create(code="BKHCN", name_vi="Bộ Khoa học và Công nghệ")
    report = run_import(io.BytesIO(CATALOGUE.encode()), fmt="csv")
    assert report.ok, report.errors


@pytest.fixture
def member_client(client, make_user):
    client.force_login(make_user(Role.ENTERPRISE))
    return client


def search_codes(params: dict) -> list[str]:
    """What the search page lists for these parameters, all pages at once."""
    query = StandardSearchForm(params).to_query()
    ids = get_backend().search(query.__class__(text=query.text, filters=query.filters, page_size=100)).ids
    by_id = Standard.objects.in_bulk(ids)
    return [by_id[pk].code for pk in ids]


def export_csv(client, params: dict) -> list[list[str]]:
    import csv

    response = client.get(reverse("standards:standard_export", kwargs={"fmt": "csv"}), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def export_xlsx(client, params: dict) -> list[list]:
    response = client.get(reverse("standards:standard_export", kwargs={"fmt": "xlsx"}), params)
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def test_anonymous_users_are_sent_to_sign_in(client):
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("standards:standard_export", kwargs={"fmt": fmt}))
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "nước"},
        {"q": "nuoc uong", "kind": ["TCVN"]},
        {"q": "QCVN 01"},
        {},
        {"ics": "13.060", "year_min": "2004"},
        {"status": ["withdrawn", "replaced"]},
    ],
)
def test_csv_holds_the_records_of_the_search_in_its_order(member_client, catalogue, params):
    rows = export_csv(member_client, params)

    assert rows[0] == list(COLUMNS)
    assert [row[0] for row in rows[1:]] == search_codes(params)


def test_csv_columns_carry_every_field(member_client, catalogue):
    rows = export_csv(member_client, {"q": "TCVN 5502"})
    record = dict(zip(rows[0], rows[1], strict=True))

    assert record == {
        "code": "TCVN 5502:2003",
        "kind": "TCVN",
        "title_vi": "Nước cấp sinh hoạt - Yêu cầu chất lượng",
        "title_en": "Domestic supply water",
        "year": "2003",
        "status": "in_force",
        "ics": "13.060.20",
        "scope": "Nước dùng cho ăn uống",
        "replaced_by": "",
        "effective_date": "2004-06-15",
        "issuing_body": "BKHCN",
        "decision": "",
        "equivalent_ref": "",
        "equivalence": "",
        "pages": "12",
        "field": "",
    }
    replaced = dict(zip(rows[0], export_csv(member_client, {"q": "TCVN 6096:2004"})[1], strict=True))
    assert (replaced["status"], replaced["replaced_by"]) == ("replaced", "TCVN 6096:2010")


def test_xlsx_matches_the_search_too(member_client, catalogue):
    params = {"q": "chất lượng"}

    rows = export_xlsx(member_client, params)

    assert rows[0] == list(COLUMNS)
    assert [row[0] for row in rows[1:]] == search_codes(params)
    iso = next(row for row in rows if row[0] == "ISO 9001:2015")
    assert (iso[1], iso[4], iso[6]) == ("ISO", 2015, "03.120.10")


def test_formulas_are_exported_as_text(member_client, catalogue):
    csv_row = export_csv(member_client, {"q": "TCVN 9999"})[1]
    assert csv_row[2] == '\'=HYPERLINK("http://example.org")'
    assert csv_row[7] == "'+ phạm vi"

    response = member_client.get(reverse("standards:standard_export", kwargs={"fmt": "xlsx"}), {"q": "TCVN 9999"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert sheet["C2"].data_type == "s"
    assert sheet["C2"].value == '=HYPERLINK("http://example.org")'


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(member_client, catalogue, fmt):
    response = member_client.get(reverse("standards:standard_export", kwargs={"fmt": fmt}))
    data = b"".join(response.streaming_content)
    before = list(Standard.objects.order_by("id").values())

    report = run_import(io.BytesIO(data), fmt=fmt)

    assert report.ok, report.errors
    assert (report.total_rows, report.created, report.updated) == (8, 0, 0)
    assert list(Standard.objects.order_by("id").values()) == before


def test_exports_stop_at_the_cap(member_client, catalogue, monkeypatch):
    monkeypatch.setattr(exports, "EXPORT_MAX_ROWS", 3)

    rows = export_csv(member_client, {})

    assert len(rows) == 1 + 3
    assert [row[0] for row in rows[1:]] == search_codes({})[:3]


def test_an_unmatched_search_exports_the_header_only(member_client, catalogue):
    assert export_csv(member_client, {"q": "khongcokhop"}) == [list(COLUMNS)]


def test_a_query_of_punctuation_exports_what_the_search_lists(member_client, catalogue):
    rows = export_csv(member_client, {"q": "!!!"})

    assert [row[0] for row in rows[1:]] == search_codes({"q": "!!!"})


def test_other_formats_are_not_found(member_client):
    assert member_client.get(reverse("standards:standard_export", args=["pdf"])).status_code == 404
