"""The public read API of the standards repository (/api/v1/), on real records indexed for search."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.throttling import AnonRateThrottle

from nscl.standards.choices import StandardStatus
from nscl.standards.models import IcsCode, IssuingBody, Standard, StandardField
from nscl.standards.services import standard_save

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/standards/"
SUGGEST_URL = "/api/v1/standards/suggest/"
ICS_URL = "/api/v1/ics/"
ITEM_KEYS = {"id", "kind", "code", "title_vi", "title_en", "year", "status", "ics_codes", "url"}
DETAIL_KEYS = {
    "scope", "status_date", "effective_date", "issuing_body", "decision", "equivalent_ref", "equivalence", "pages",
    "field", "replaced_by", "replaces", "chain", "status_changes",
}  # fmt: skip
FACET_NAMES = {"kind", "status", "decade", "ics", "body", "field"}


def make(code: str, title_vi: str = "", *, ics: tuple[str, ...] = (), **data) -> Standard:
    """A standard written through the service, so it is indexed for search like any other."""
    codes = list(IcsCode.objects.filter(code__in=ics))
    assert len(codes) == len(ics), "unknown ICS code in a test record"
    return standard_save(
        standard=Standard(), data={"code": code, "title_vi": title_vi, **data}, ics_codes=codes, by=None
    )


def replace(old: Standard, *, by: Standard) -> Standard:
    return standard_save(standard=old, data={"replaced_by": by}, by=None)


def detail_url(pk) -> str:
    return f"/api/v1/standards/{pk}/"


def codes_of(response) -> list[str]:
    return [item["code"] for item in response.json()["results"]]


@pytest.fixture
def catalogue(ics_tree):
    """A small repository: two bodies, two fields, numbers of every shape, a chain of three versions."""
    moh = IssuingBody.objects.create(code="BYT", name_vi="Bộ Y tế", name_en="Ministry of Health")
    most = IssuingBody.objects.create(code="BKHCN", name_vi="Bộ Khoa học và Công nghệ")
    food = StandardField.objects.create(code="thuc-pham", name_vi="Thực phẩm")
    water = StandardField.objects.create(code="nuoc", name_vi="Nước")
    records = {
        "sampling": make(
            "TCVN 7790-3:2008",
            "Quy trình lấy mẫu để kiểm tra định tính - Phần 3: Quy trình lấy mẫu theo lô nhảy cóc",
            title_en="Sampling procedures for inspection by attributes - Part 3: Skip-lot sampling procedures",
            ics=("03.120.30",),
            issuing_body=most,
        ),
        "water": make(
            "QCVN 01:2009/BYT",
            "Quy chuẩn kỹ thuật quốc gia về chất lượng nước ăn uống",
            ics=("13.060.20",),
            issuing_body=moh,
            field=water,
        ),
        "iso22000": make(
            "TCVN ISO 22000:2018",
            "Hệ thống quản lý an toàn thực phẩm - Yêu cầu đối với các tổ chức trong chuỗi thực phẩm",
            title_en="Food safety management systems",
            ics=("67.020", "03.100.70"),
            issuing_body=most,
            field=food,
            equivalent_ref="ISO 22000:2018",
            equivalence="IDT",
            pages=48,
        ),
        "electric": make(
            "TCVN 7447-1:2010", "Hệ thống lắp đặt điện hạ áp - Phần 1: Nguyên tắc cơ bản", ics=("29.020",)
        ),
        "hygiene_1998": make("TCVN 5603:1998", "Quy phạm thực hành về vệ sinh thực phẩm", ics=("67.020",)),
        "hygiene_2008": make("TCVN 5603:2008", "Quy phạm thực hành về vệ sinh thực phẩm", ics=("67.020",), field=food),
        "hygiene_2023": make("TCVN 5603:2023", "Nguyên tắc chung về vệ sinh thực phẩm", ics=("67.020",), field=food),
        "old_iso": make("ISO 9001:1987", "Hệ thống chất lượng", ics=("03.120.10",)),
    }
    replace(records["hygiene_1998"], by=records["hygiene_2008"])
    replace(records["hygiene_2008"], by=records["hygiene_2023"])
    standard_save(standard=records["old_iso"], data={"status": StandardStatus.WITHDRAWN}, by=None)
    return {name: Standard.objects.get(pk=s.pk) for name, s in records.items()}


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
@pytest.fixture
def many(ics_tree):
    """23 standards with the same words in their titles and only a few distinct years."""
    return [make(f"TCVN {9000 + i}:{2000 + i % 3}", f"Tiêu chuẩn mẫu số {i}", ics=("01.040",)) for i in range(23)]


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


# -- Detail ----------------------------------------------------------------------------------------
def test_detail_has_the_full_record(client, catalogue):
    record = catalogue["iso22000"]

    data = client.get(detail_url(record.pk)).json()

    assert set(data) == ITEM_KEYS | DETAIL_KEYS
    assert data["code"] == "TCVN ISO 22000:2018"
    assert data["url"] == f"http://testserver/tieu-chuan/{record.pk}/"
    assert data["issuing_body"] == {"code": "BKHCN", "name": "Bộ Khoa học và Công nghệ"}
    assert data["field"] == {"code": "thuc-pham", "name": "Thực phẩm"}
    assert data["ics_codes"] == [
        {"code": ics.code, "level": ics.level, "title_en": ics.title_en, "title_vi": ics.title_vi}
        for ics in IcsCode.objects.filter(code__in=["03.100.70", "67.020"]).order_by("code")
    ]
    assert data["ics_codes"][1]["title_en"] == "Processes in the food industry"
    assert (data["equivalent_ref"], data["equivalence"], data["pages"]) == ("ISO 22000:2018", "IDT", 48)
    assert (data["replaced_by"], data["replaces"], data["chain"]) == (None, [], {"older": [], "newer": []})
    assert data["status_changes"] == [
        {"old_status": None, "new_status": "in_force", "changed_on": record.status_date.isoformat()}
    ]
    assert (data["scope"], data["effective_date"], data["decision"]) == ("", None, "")


def test_detail_has_the_replacement_chain_both_ways(client, catalogue):
    old, middle, new = catalogue["hygiene_1998"], catalogue["hygiene_2008"], catalogue["hygiene_2023"]

    data = client.get(detail_url(middle.pk)).json()

    assert data["status"] == "replaced"
    assert data["replaced_by"] == {
        "id": new.pk,
        "code": "TCVN 5603:2023",
        "url": f"http://testserver{new.get_absolute_url()}",
    }
    assert data["replaces"] == [
        {"id": old.pk, "code": "TCVN 5603:1998", "url": f"http://testserver{old.get_absolute_url()}"}
    ]
    assert [(s["code"], s["year"], s["status"]) for s in data["chain"]["older"]] == [
        ("TCVN 5603:1998", 1998, "replaced")
    ]
    assert [(s["code"], s["status"]) for s in data["chain"]["newer"]] == [("TCVN 5603:2023", "in_force")]
    assert [(c["old_status"], c["new_status"]) for c in data["status_changes"]] == [
        ("in_force", "replaced"),
        (None, "in_force"),
    ]

    oldest = client.get(detail_url(old.pk)).json()
    assert [s["code"] for s in oldest["chain"]["newer"]] == ["TCVN 5603:2008", "TCVN 5603:2023"]
    assert oldest["replaced_by"]["code"] == "TCVN 5603:2008"
    newest = client.get(detail_url(new.pk)).json()
    assert [s["code"] for s in newest["chain"]["older"]] == ["TCVN 5603:2008", "TCVN 5603:1998"]
    assert [s["code"] for s in newest["replaces"]] == ["TCVN 5603:2008"]


@pytest.mark.parametrize("pk", ["999999", "abc", "0", "-1", "99999999999999999999", "1.0"])
def test_detail_of_an_unknown_id_is_a_json_404(client, catalogue, pk):
    response = client.get(detail_url(pk))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Không tìm thấy tiêu chuẩn."}


# -- Suggestions -----------------------------------------------------------------------------------
def test_suggest_completes_numbers_and_words(client, catalogue):
    record = catalogue["sampling"]

    by_number = client.get(SUGGEST_URL, {"q": "TCVN 779"}).json()
    by_word = client.get(SUGGEST_URL, {"q": "an toan thuc ph"}).json()

    assert by_number == {
        "results": [
            {
                "id": record.pk,
                "code": "TCVN 7790-3:2008",
                "title": record.title_vi,
                "status": "in_force",
                "url": f"http://testserver/tieu-chuan/{record.pk}/",
            }
        ]
    }
    assert [item["code"] for item in by_word["results"]] == ["TCVN ISO 22000:2018"]


def test_suggest_gives_at_most_8(client, many):
    results = client.get(SUGGEST_URL, {"q": "tieu chuan ma"}).json()["results"]

    assert len(results) == 8


def test_suggest_title_and_links_follow_the_language(client, catalogue):
    record = catalogue["iso22000"]

    english = client.get(SUGGEST_URL, {"q": "22000"}, HTTP_ACCEPT_LANGUAGE="en")
    default = client.get(SUGGEST_URL, {"q": "22000"})

    assert english.json()["results"][0]["title"] == "Food safety management systems"
    assert english.json()["results"][0]["url"] == f"http://testserver/en/tieu-chuan/{record.pk}/"
    assert "Accept-Language" in english["Vary"]
    assert (english["Content-Language"], default["Content-Language"]) == ("en", "vi")
    assert default.json()["results"][0]["title"] == record.title_vi


@pytest.mark.parametrize("q", ["", "   ", "!!!"])
def test_suggest_on_nothing_to_match_is_empty(client, catalogue, q):
    response = client.get(SUGGEST_URL, {"q": q})

    assert response.status_code == 200
    assert response.json() == {"results": []}


def test_suggest_rejects_an_overlong_text(client, catalogue):
    response = client.get(SUGGEST_URL, {"q": "a" * 201})

    assert response.status_code == 400
    assert set(response.json()) == {"q"}


# -- ICS -------------------------------------------------------------------------------------------
def test_ics_without_parent_lists_the_40_fields_with_counts(client, catalogue):
    results = client.get(ICS_URL).json()["results"]

    assert len(results) == 40
    by_code = {item["code"]: item for item in results}
    assert by_code["67"] == {
        "code": "67",
        "level": 1,
        "title_en": "Food technology",
        "title_vi": IcsCode.objects.get(code="67").title_vi,
        "parent": None,
        "standard_count": 4,
    }
    assert (by_code["03"]["standard_count"], by_code["01"]["standard_count"]) == (3, 0)


def test_ics_with_parent_lists_its_groups(client, catalogue):
    results = client.get(ICS_URL, {"parent": "13"}).json()["results"]

    assert {item["parent"] for item in results} == {"13"}
    assert {item["level"] for item in results} == {2}
    by_code = {item["code"]: item["standard_count"] for item in results}
    assert (by_code["13.060"], by_code["13.020"]) == (1, 0)


@pytest.mark.parametrize("parent", ["13.06", "1", "abc", "99"])
def test_ics_bad_parent_is_a_400_naming_it(client, catalogue, parent):
    response = client.get(ICS_URL, {"parent": parent})

    assert response.status_code == 400
    assert set(response.json()) == {"parent"}


def test_ics_detail_has_ancestors_and_children(client, catalogue):
    data = client.get(f"{ICS_URL}03.120/").json()

    assert (data["code"], data["level"], data["parent"], data["standard_count"]) == ("03.120", 2, "03", 2)
    assert [a["code"] for a in data["ancestors"]] == ["03"]
    children = {c["code"]: c["standard_count"] for c in data["children"]}
    assert (children["03.120.10"], children["03.120.30"], children["03.120.20"]) == (1, 1, 0)

    leaf = client.get(f"{ICS_URL}03.120.30/").json()
    assert [a["code"] for a in leaf["ancestors"]] == ["03", "03.120"]
    assert (leaf["children"], leaf["standard_count"]) == ([], 1)


@pytest.mark.parametrize("code", ["99", "13.06", "abc", "13.060.20.1"])
def test_ics_detail_of_an_unknown_code_is_a_json_404(client, catalogue, code):
    response = client.get(f"{ICS_URL}{code}/")

    assert response.status_code == 404
    assert set(response.json()) == {"detail"}


# -- Permissions and throttling --------------------------------------------------------------------
@pytest.mark.parametrize("url", [LIST_URL, SUGGEST_URL, detail_url(1), ICS_URL, f"{ICS_URL}13/"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, make_user, url, method):
    anonymous = getattr(client, method)(url, {}, content_type="application/json")
    client.force_login(make_user("admin"))
    admin = getattr(client, method)(url, {}, content_type="application/json")

    assert anonymous.status_code in (403, 405)
    assert admin.status_code in (403, 405)


def test_the_api_is_public(client, catalogue, make_user):
    for url in (LIST_URL, SUGGEST_URL, detail_url(catalogue["water"].pk), ICS_URL, f"{ICS_URL}13/"):
        assert client.get(url).status_code == 200, url
        assert client.head(url).status_code == 200, url


def test_anonymous_users_are_throttled(client, catalogue, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "user": "1000/min"})

    statuses = [client.get(ICS_URL).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


# -- Bounded queries -------------------------------------------------------------------------------
SEARCH_MAX_QUERIES = 7  # page, counts, records, their ICS codes, then labels for bodies, fields and ICS codes


@pytest.mark.parametrize("size", [3, 30])
def test_search_queries_do_not_grow_with_the_results(client, ics_tree, django_assert_max_num_queries, size):
    body = IssuingBody.objects.create(code="TCVN", name_vi="Bộ Khoa học và Công nghệ")
    field = StandardField.objects.create(code="chung", name_vi="Chung")
    for i in range(size):
        make(f"TCVN {100 + i}:2020", f"Tiêu chuẩn thử {i}", ics=("01.040", "03.120.10"), issuing_body=body, field=field)

    for params in ({"page_size": 50}, {"q": "tieu chuan thu", "page_size": 50}):
        with django_assert_max_num_queries(SEARCH_MAX_QUERIES):
            response = client.get(LIST_URL, params)
        assert len(response.json()["results"]) == size


@pytest.mark.parametrize("chain_length", [1, 6])
def test_detail_queries_do_not_grow_with_the_chain(client, ics_tree, django_assert_max_num_queries, chain_length):
    versions = [make(f"TCVN 42:{2000 + i}", "Phiên bản", ics=("01.040",)) for i in range(chain_length)]
    for older, newer in zip(versions, versions[1:], strict=False):
        replace(older, by=newer)

    with django_assert_max_num_queries(6):
        response = client.get(detail_url(versions[len(versions) // 2].pk))
    assert response.status_code == 200


def test_suggest_and_ics_queries_are_bounded(client, many, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assert len(client.get(SUGGEST_URL, {"q": "tieu"}).json()["results"]) == 8
    with django_assert_max_num_queries(2):
        assert len(client.get(ICS_URL).json()["results"]) == 40
    with django_assert_max_num_queries(5):
        assert client.get(f"{ICS_URL}01.040/").status_code == 200


# -- OpenAPI schema and Swagger UI -----------------------------------------------------------------
def test_schema_describes_every_endpoint(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/api/v1/standards/", "/api/v1/standards/{id}/", "/api/v1/standards/suggest/", "/api/v1/ics/"):
        assert "get" in paths[path], path
    assert "/api/v1/ics/{code}/" in paths
    listed = {p["name"] for p in paths["/api/v1/standards/"]["get"]["parameters"]}
    assert listed == {"q", "kind", "status", "ics", "year_min", "year_max", "body", "field", "page", "page_size"}


def test_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))

    assert (tmp_path / "schema.yml").read_text().startswith("openapi:")


def test_swagger_ui_loads_only_local_files(client):
    response = client.get(reverse("api-docs"))

    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script[^>]*\bsrc=[\"']([^\"']+)", html)
    styles = re.findall(r"<link[^>]*\bhref=[\"']([^\"']+)", html)
    assert scripts and styles
    for url in scripts + styles:
        assert not re.match(r"^(https?:)?//", url), url
    assert "swagger-ui-bundle.js" in html
    assert not re.search(r"https?://[^\"'\s]*\.(js|css)\b", html)
