"""The indicator pages: who may read and record, the drill-down, the entry form's errors, query bounds."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from nscl.enterprises.tests.factories import ModelEnterpriseFactory
from nscl.planning.indicator_choices import ERROR_ENTRY_NEGATIVE, ERROR_ENTRY_SOURCE
from nscl.planning.models import Indicator, IndicatorEntry
from nscl.planning.reference import load as reference_load

pytestmark = pytest.mark.django_db

LIST = reverse("planning:indicator_list")
DETAIL = reverse("planning:indicator_detail", args=["tinh-dn-dien-hinh"])
ENTRY_DETAIL = reverse("planning:indicator_detail", args=["tinh-tfp-grdp"])
ENTRY_FORM = reverse("planning:indicator_entry_create", args=["tinh-tfp-grdp"])


@pytest.fixture
def data(db):
    reference_load()  # periods, areas, expense items and the indicators with their targets


def as_user(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", [LIST, DETAIL, ENTRY_FORM])
def test_anonymous_users_go_to_the_login_page(client, data, url):
    response = client.get(url)
    assert response.status_code == 302 and "next=" in response["Location"]


@pytest.mark.parametrize(
    ("role", "read", "record"),
    [
        ("officer", 200, 200),
        ("board", 200, 403),
        ("admin", 200, 403),
        ("enterprise", 403, 403),
        ("expert", 403, 403),
        ("no_role", 403, 403),
    ],
)
def test_who_reads_and_who_records(client, data, actors, role, read, record):
    client = as_user(client, actors[role])
    assert client.get(LIST).status_code == read
    assert client.get(DETAIL).status_code == read
    assert client.get(ENTRY_FORM).status_code == record
    response = client.post(ENTRY_FORM, {"year": 2024, "value": "1", "source": "BC"})
    assert response.status_code == (302 if record == 200 else 403)


def test_unknown_codes_and_computed_indicators_have_no_entry_form(client, data, actors):
    client = as_user(client, actors["officer"])
    assert client.get(reverse("planning:indicator_detail", args=["khong-co"])).status_code == 404
    assert client.get(reverse("planning:indicator_entry_create", args=["tinh-dn-dien-hinh"])).status_code == 404


def test_the_list_shows_targets_actuals_and_statuses_for_a_year_or_a_period(client, data, actors):
    for year in (2025, 2025, 2023):
        ModelEnterpriseFactory(recognition_year=year)
    client = as_user(client, actors["board"])
    rows = {r.indicator.code: r for r in client.get(LIST, {"year": 2025}).context["groups"][1][1]}
    assert (rows["tinh-dn-dien-hinh"].target, rows["tinh-dn-dien-hinh"].actual) == (2, 2)
    assert rows["tinh-dn-dien-hinh"].status == "met"
    response = client.get(LIST, {"period": "2021-2025"})
    row = next(r for _, rows in response.context["groups"] for r in rows if r.indicator.code == "tinh-dn-dien-hinh")
    assert (row.target, row.actual, row.status) == (8, 3, "behind")
    assert response.context["period"].code == "2021-2025"
    html = response.content.decode()
    assert (
        html.count("<h1") == 1
        and "Minh họa" in html
        and 'href="/ke-hoach/chi-tieu/tinh-dn-dien-hinh/?period=2021-2025"' in html
    )
    assert client.get(LIST, {"year": "abc"}).context["year"] == timezone.localdate().year  # bad input: this year


def test_the_drill_down_lists_and_links_the_records_behind_the_value(client, data, actors):
    counted = [ModelEnterpriseFactory(recognition_year=2024, enterprise__name_vi=f"Công ty {n}") for n in range(30)]
    ModelEnterpriseFactory(recognition_year=2022, enterprise__name_vi="Công ty năm khác")
    client = as_user(client, actors["officer"])
    response = client.get(DETAIL, {"year": 2024})
    assert response.context["row"].actual == 30
    page = response.context["page_obj"]
    assert page.paginator.count == 30 and len(page.object_list) == 25
    html = response.content.decode()
    assert counted[0].get_absolute_url() in html and "Công ty năm khác" not in html
    assert "Trang 1 / 2" in html
    assert len(client.get(DETAIL, {"year": 2024, "page": 2}).context["page_obj"].object_list) == 5


def test_an_officer_records_a_value_with_a_comma_decimal(client, data, actors):
    client = as_user(client, actors["officer"])
    response = client.post(ENTRY_FORM, {"year": 2024, "value": "35,5", "source": "Niên giám minh họa", "note": ""})
    assert response.status_code == 302 and response["Location"].endswith("?year=2024")
    entry = IndicatorEntry.objects.get()
    assert (entry.value, entry.source, entry.by) == (Decimal("35.5"), "Niên giám minh họa", actors["officer"])
    detail = client.get(ENTRY_DETAIL, {"year": 2024})
    assert detail.context["row"].actual == Decimal("35.5") and "35,5" in detail.content.decode()
    assert len(detail.context["history"]) == 1


@pytest.mark.parametrize(
    ("data_in", "field", "message"),
    [
        ({"year": 2024, "value": "ba mươi", "source": "BC"}, "value", "Nhập một số."),
        ({"year": 2024, "value": "-2", "source": "BC"}, "value", str(ERROR_ENTRY_NEGATIVE)),
        ({"year": 2024, "value": "2", "source": ""}, "source", str(ERROR_ENTRY_SOURCE)),
        ({"year": "", "value": "2", "source": "BC"}, "year", "Trường này là bắt buộc."),
    ],
)
def test_bad_input_is_shown_next_to_the_field(client, data, actors, data_in, field, message):
    indicator = "qg-chuyen-gia"  # a count: negative values are refused
    url = reverse("planning:indicator_entry_create", args=[indicator])
    response = as_user(client, actors["officer"]).post(url, data_in)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert form.errors[field] == [message]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not IndicatorEntry.objects.exists()


def test_list_queries_do_not_grow_with_records(client, data, actors, django_assert_max_num_queries):
    """Bound: the session and user, periods, indicators, targets, entries, one count per computed indicator."""
    client = as_user(client, actors["board"])
    computed = Indicator.objects.filter(method="computed").count()
    with django_assert_max_num_queries(9 + computed) as few:
        client.get(LIST, {"period": "2021-2025"})
    baseline = len(few.captured_queries)  # read now: the next request clears the connection's log
    for year in range(2021, 2026):
        ModelEnterpriseFactory.create_batch(3, recognition_year=year)
    with django_assert_max_num_queries(baseline):
        client.get(LIST, {"period": "2021-2025"})


@pytest.mark.parametrize("url", [DETAIL, ENTRY_DETAIL])
def test_detail_queries_do_not_grow_with_records(client, data, actors, django_assert_max_num_queries, url):
    client = as_user(client, actors["officer"])
    with django_assert_max_num_queries(16) as few:
        client.get(url, {"year": 2024})
    baseline = len(few.captured_queries)
    ModelEnterpriseFactory.create_batch(10, recognition_year=2024)
    for year in (2021, 2022, 2023, 2024):
        client.post(ENTRY_FORM, {"year": year, "value": "30", "source": "BC"})
    with django_assert_max_num_queries(baseline):
        client.get(url, {"period": "2021-2025"})
