"""The dashboard page: who may read it, its links, its query bound and its answers to a bad year."""

import re

import pytest
from django.urls import NoReverseMatch, reverse

from nscl.enterprises.tests.factories import CommuneFactory, EnterpriseFactory
from nscl.planning.choices import FundingSource, PlanStatus
from nscl.planning.reference import load as planning_reference_load
from nscl.planning.tests.factories import AnnualPlanFactory, BudgetLineFactory, PlanTaskFactory, force_status
from nscl.planning.tests.test_dashboard import M, project, world  # noqa: F401 - the shared fixture
from nscl.projects.choices import ProjectStatus

URL = reverse("planning:dashboard")
# Session, user, roles, notifications, footer pages (5); 12 for budget, pipeline, communes and trends; the
# targets: 3 + 1 per computed indicator (planning/indicators.py), 8 computed among the 12 of the reference data.
QUERY_BOUND = 5 + 12 + 3 + 8


@pytest.mark.parametrize(
    ("role", "expected"),
    [("officer", 200), ("board", 200), ("admin", 200), ("enterprise", 403), ("expert", 403), ("no_role", 403)],
)
def test_who_may_read_the_dashboard(client, actors, role, expected):
    client.force_login(actors[role])
    assert client.get(URL).status_code == expected


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_the_route(db):
    assert URL == "/ke-hoach/tong-quan/"


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_page_shows_each_block_with_links_to_its_records(client, actors, world):  # noqa: F811
    client.force_login(actors["board"])
    response = client.get(URL)
    html = _text(response)
    assert response.status_code == 200
    assert "200.000.000 đồng" in html and "40.000.000 đồng" in html  # the plan's total and disbursed
    pipeline = reverse("projects:project_pipeline")
    assert f'href="{pipeline}?status=approved&amp;year=2024">2</a>' in html
    assert f'href="{pipeline}?status=accepted&amp;year=2023">1</a>' in html  # the trends table
    enterprises = reverse("enterprises:enterprise_list")
    assert f'href="{enterprises}?commune={world["a"].code}">2</a>' in html
    assert f'href="{pipeline}?commune={world["b"].code}&amp;year=2024">1</a>' in html
    assert "<title>Xã An: 2 doanh nghiệp</title>" in html  # the map's tile, for screen readers
    assert 'id="targets-heading"' in html and reverse("planning:indicator_list") in html
    assert 'id="dashboard-charts"' in html and "chartjs-4.6.1/chart.umd.min.js" in html
    try:
        plan_url = reverse("planning:plan_detail", args=[world["plan"].pk])
    except NoReverseMatch:  # the plan page lands separately; until then the numbers are shown unlinked
        return
    assert f'<a href="{plan_url}">200.000.000 đồng</a>' in html
    assert f'<a href="{reverse("planning:plan_detail", args=[world["p2023"].pk])}">80.000.000 đồng</a>' in html


def test_charts_have_a_table_next_to_them(client, actors, world):  # noqa: F811
    client.force_login(actors["officer"])
    html = _text(client.get(URL))
    for canvas, table in (
        ("chart-trend", "trend-table"),
        ("chart-accepted", "trend-table"),
        ("chart-areas", "budget-by-area"),
    ):
        assert re.search(rf'id="{canvas}" role="img" aria-label="[^"]+" aria-describedby="{table}"', html)
        assert f'id="{table}"' in html


def test_another_year_is_chosen_with_the_year_parameter(client, actors, world):  # noqa: F811
    client.force_login(actors["officer"])
    response = client.get(URL, {"year": "2023"})
    assert response.status_code == 200 and response.context["board"].plan == world["p2023"]


@pytest.mark.parametrize("value", ["abc", "2024.5", "-1", "١٢", "99999999999999999999", "1850"])
def test_a_bad_year_gets_a_helpful_page_not_an_error(client, actors, world, value):  # noqa: F811
    client.force_login(actors["officer"])
    response = client.get(URL, {"year": value})
    assert response.status_code == 400
    html = _text(response)
    assert "Không hiển thị được năm đã chọn" in html and 'href="?year=2024"' in html


def test_a_year_without_an_approved_plan_says_so_and_lists_the_years(client, actors, world):  # noqa: F811
    client.force_login(actors["officer"])
    response = client.get(URL, {"year": "2031"})
    html = _text(response)
    assert response.status_code == 200
    assert "Năm 2031 chưa có kế hoạch được phê duyệt" in html and 'href="?year=2023"' in html


def test_an_empty_database_renders(client, actors):
    client.force_login(actors["officer"])
    response = client.get(URL)
    assert response.status_code == 200 and "chưa có kế hoạch được phê duyệt" in _text(response)


def _grow(world, times: int) -> None:  # noqa: F811
    """More of everything: plans of other years, lines, communes, enterprises and projects."""
    for i in range(times):
        plan = AnnualPlanFactory(year=2010 + i)
        for _ in range(3):
            BudgetLineFactory(task=PlanTaskFactory(plan=plan), funding_source=FundingSource.CENTRAL, amount=M)
        force_status(plan, PlanStatus.APPROVED)
        commune = CommuneFactory()
        for status in (ProjectStatus.APPROVED, ProjectStatus.ACCEPTED, ProjectStatus.SUBMITTED):
            project(EnterpriseFactory(commune=commune), status, 2010 + i, M, M)
    BudgetLineFactory(task=PlanTaskFactory(plan=world["plan"]), funding_source=FundingSource.OTHER, amount=M)


def test_the_number_of_queries_does_not_grow_with_the_data(client, actors, world, django_assert_max_num_queries):  # noqa: F811
    planning_reference_load()  # periods, areas, items and the program's indicators, as a deployment has them
    client.force_login(actors["officer"])
    with django_assert_max_num_queries(QUERY_BOUND):
        assert client.get(URL).status_code == 200
    _grow(world, 8)
    with django_assert_max_num_queries(QUERY_BOUND):
        response = client.get(URL)
    assert response.status_code == 200 and len(response.context["board"].trends) == 10
