"""The standards search API (/api/v1/standards/): matching, filters, facets, pages and bad parameters."""

import pytest

from nscl.standards.models import IssuingBody, StandardField
from nscl.standards.tests.api.helpers import (
    FACET_NAMES,
    ITEM_KEYS,
    LIST_URL,
    codes_of,
)

pytestmark = pytest.mark.django_db


# -- Search ----------------------------------------------------------------------------------------
def test_search_answers_the_documented_shape(client, catalogue):
    response = client.get(LIST_URL, {"q": "an toàn thực phẩm"})

    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"count", "page", "num_pages", "results", "facets"}
    assert (data["count"], data["page"], data["num_pages"]) == (1, 1, 1)
    item = data["results"][0]
    assert set(item) == ITEM_KEYS
    record = catalogue["iso22000"]
    assert item == {
        "id": record.pk,
        "kind": "TCVN",
        "code": "TCVN ISO 22000:2018",
        "title_vi": record.title_vi,
        "title_en": "Food safety management systems",
        "year": 2018,
        "status": "in_force",
        "ics_codes": ["03.100.70", "67.020"],
        "url": f"http://testserver/tieu-chuan/{record.pk}/",
    }
    assert set(data["facets"]) == FACET_NAMES
    assert data["facets"]["kind"] == [{"value": "TCVN", "label": "TCVN - Tiêu chuẩn quốc gia", "count": 1}]


def test_search_ignores_accents(client, catalogue):
    folded = client.get(LIST_URL, {"q": "an toan thuc pham"})
    marked = client.get(LIST_URL, {"q": "AN TOÀN THỰC PHẨM"})

    assert codes_of(folded) == codes_of(marked) == ["TCVN ISO 22000:2018"]


def test_search_folds_d_with_stroke(client, catalogue):
    assert codes_of(client.get(LIST_URL, {"q": "dien ha ap"})) == ["TCVN 7447-1:2010"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("TCVN 7790-3:2008", "TCVN 7790-3:2008"),
        ("7790-3", "TCVN 7790-3:2008"),
        ("7790", "TCVN 7790-3:2008"),
        ("QCVN 01:2009/BYT", "QCVN 01:2009/BYT"),
        ("ISO 22000", "TCVN ISO 22000:2018"),
    ],
)
def test_search_finds_numbers_as_typed(client, catalogue, typed, expected):
    codes = codes_of(client.get(LIST_URL, {"q": typed}))

    assert codes[0] == expected


def test_search_without_text_lists_everything_newest_first(client, catalogue):
    data = client.get(LIST_URL).json()

    assert data["count"] == len(catalogue)
    years = [item["year"] for item in data["results"]]
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "QCVN"}, {"QCVN 01:2009/BYT"}),
        ({"kind": "QCVN,ISO"}, {"QCVN 01:2009/BYT", "ISO 9001:1987"}),
        ({"kind": ["QCVN", "ISO"]}, {"QCVN 01:2009/BYT", "ISO 9001:1987"}),
        ({"status": "replaced"}, {"TCVN 5603:1998", "TCVN 5603:2008"}),
        ({"status": "withdrawn,replaced"}, {"TCVN 5603:1998", "TCVN 5603:2008", "ISO 9001:1987"}),
        ({"ics": "03"}, {"TCVN 7790-3:2008", "TCVN ISO 22000:2018", "ISO 9001:1987"}),
        ({"ics": "03.120"}, {"TCVN 7790-3:2008", "ISO 9001:1987"}),
        ({"ics": "13.060.20"}, {"QCVN 01:2009/BYT"}),
        ({"year_min": 2010, "year_max": 2018}, {"TCVN 7447-1:2010", "TCVN ISO 22000:2018"}),
        ({"year_max": 1998}, {"TCVN 5603:1998", "ISO 9001:1987"}),
        ({"q": "ve sinh thuc pham", "status": "in_force"}, {"TCVN 5603:2023"}),
    ],
)
def test_search_filters(client, catalogue, params, expected):
    data = client.get(LIST_URL, params).json()

    assert {item["code"] for item in data["results"]} == expected
    assert data["count"] == len(expected)


def test_search_filters_by_issuing_body_and_field(client, catalogue):
    moh = IssuingBody.objects.get(code="BYT")
    most = IssuingBody.objects.get(code="BKHCN")
    food = StandardField.objects.get(code="thuc-pham")

    by_body = client.get(LIST_URL, {"body": f"{moh.pk},{most.pk}"}).json()
    by_field = client.get(LIST_URL, {"field": food.pk, "q": "thuc pham"}).json()

    assert by_body["count"] == 3
    assert set(codes_of_data(by_field)) == {"TCVN ISO 22000:2018", "TCVN 5603:2008", "TCVN 5603:2023"}


def codes_of_data(data: dict) -> list[str]:
    return [item["code"] for item in data["results"]]


def test_search_facets_count_every_match(client, catalogue):
    food = StandardField.objects.get(code="thuc-pham")
    moh = IssuingBody.objects.get(code="BYT")

    facets = client.get(LIST_URL, {"page_size": 1}).json()["facets"]

    assert {f["value"]: f["count"] for f in facets["kind"]} == {"TCVN": 6, "QCVN": 1, "ISO": 1}
    assert {f["value"]: f["count"] for f in facets["status"]} == {"in_force": 5, "replaced": 2, "withdrawn": 1}
    assert {f["value"]: f["count"] for f in facets["decade"]} == {2000: 3, 2010: 2, 2020: 1, 1990: 1, 1980: 1}
    assert {f["value"]: f["count"] for f in facets["ics"]} == {"67": 4, "03": 3, "13": 1, "29": 1}
    assert {f["value"]: f["count"] for f in facets["field"]} == {
        food.pk: 3,
        StandardField.objects.get(code="nuoc").pk: 1,
    }
    assert {"value": moh.pk, "label": "Bộ Y tế", "count": 1} in facets["body"]
    assert {"value": 2000, "label": "2000-2009", "count": 3} in facets["decade"]
    assert facets["status"][0] == {"value": "in_force", "label": "Còn hiệu lực", "count": 5}


def test_search_ics_facet_goes_one_level_below_the_filter(client, catalogue):
    facets = client.get(LIST_URL, {"ics": "03"}).json()["facets"]

    assert {f["value"]: f["count"] for f in facets["ics"]} == {"03.120": 2, "03.100": 1}


# -- Pagination ------------------------------------------------------------------------------------
@pytest.mark.parametrize("q", ["", "tieu chuan mau"])
def test_pages_are_disjoint_and_stable(client, many, q):
    everything = codes_of(client.get(LIST_URL, {"q": q, "page_size": 100}))
    pages = [client.get(LIST_URL, {"q": q, "page_size": 5, "page": page}).json() for page in range(1, 6)]

    walked = [code for page in pages for code in codes_of_data(page)]
    assert walked == everything
    assert len(set(walked)) == 23
    assert [page["num_pages"] for page in pages] == [5] * 5
    assert [len(page["results"]) for page in pages] == [5, 5, 5, 5, 3]
    assert codes_of(client.get(LIST_URL, {"q": q, "page_size": 5, "page": 3})) == codes_of_data(pages[2])


def test_page_past_the_last_is_empty_not_an_error(client, many):
    response = client.get(LIST_URL, {"page": 50, "page_size": 10})

    assert response.status_code == 200
    data = response.json()
    assert (data["count"], data["page"], data["num_pages"], data["results"]) == (23, 50, 3, [])


def test_default_page_size_is_20(client, many):
    data = client.get(LIST_URL).json()

    assert (len(data["results"]), data["num_pages"]) == (20, 2)


# -- Bad parameters --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "10001"}, "page"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "-1"}, "page_size"),
        ({"kind": "XYZ"}, "kind"),
        ({"kind": "TCVN,XYZ"}, "kind"),
        ({"status": "gone"}, "status"),
        ({"year_min": "2010", "year_max": "2000"}, "year_max"),
        ({"year_min": "1800"}, "year_min"),
        ({"year_max": "năm"}, "year_max"),
        ({"ics": "13.06"}, "ics"),
        ({"ics": "13.060.2"}, "ics"),
        ({"ics": "abc"}, "ics"),
        ({"q": "x" * 201}, "q"),
        ({"q": "an\x00toan"}, "q"),
        ({"body": "abc"}, "body"),
        ({"body": "99999999999999999999"}, "body"),
        ({"field": "1.5"}, "field"),
    ],
)
def test_bad_parameter_is_a_400_naming_it(client, catalogue, params, parameter):
    response = client.get(LIST_URL, params)

    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {parameter}
    assert errors[parameter] and all(isinstance(message, str) and message for message in errors[parameter])


def test_bad_parameter_messages_are_vietnamese(client, catalogue):
    assert client.get(LIST_URL, {"ics": "13.06"}).json() == {"ics": ["Mã ICS có dạng 13, 13.060 hoặc 13.060.20."]}
    assert client.get(LIST_URL, {"year_min": 2010, "year_max": 2000}).json() == {
        "year_max": ["Năm kết thúc phải từ năm bắt đầu trở đi."]
    }


def test_several_bad_parameters_are_all_named(client, catalogue):
    errors = client.get(LIST_URL, {"page": "x", "kind": "XYZ", "q": "y" * 300}).json()

    assert set(errors) == {"page", "kind", "q"}


def test_blank_and_unknown_parameters_are_ignored(client, catalogue):
    response = client.get(LIST_URL, {"q": "", "kind": "", "page": "", "page_size": "", "ics": "", "unknown": "1"})

    assert response.status_code == 200
    assert response.json()["count"] == len(catalogue)
