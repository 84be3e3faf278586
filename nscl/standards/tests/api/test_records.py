"""The standards API beyond search: detail, suggestions, ICS, permissions, bounded queries, schema."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.throttling import AnonRateThrottle

from nscl.standards.models import IcsCode, IssuingBody, StandardField
from nscl.standards.tests.api.helpers import (
    DETAIL_KEYS,
    ICS_URL,
    ITEM_KEYS,
    LIST_URL,
    SUGGEST_URL,
    detail_url,
    make,
    replace,
)

pytestmark = pytest.mark.django_db


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
