"""The steering dashboard, a plan and the indicators as the board member sees them: axe-core finds
no serious WCAG A/AA violation, the charts draw from the vendored Chart.js (no other host), and the
screenshots in docs/screenshots/ show the pages."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.browser.test_accessibility import assert_accessible, assert_same_host, record_requests

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_dashboard_plans_and_indicators_for_the_board(page, demo_data, shot):
    from nscl.planning.models import AnnualPlan

    login(page, "bandieuhanh")
    requests = record_requests(page)
    page.goto(page.base + "/ke-hoach/tong-quan/?year=2025")
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("main canvas").first).to_be_visible()
    page.wait_for_function("() => window.Chart && Object.keys(Chart.instances).length > 0")
    assert_same_host(page, requests)
    assert_accessible(page)
    shot(page, "planning-dashboard")

    approved = AnnualPlan.objects.get(year=2025, status="approved")
    page.goto(f"{page.base}/ke-hoach/{approved.pk}/")
    expect(page.locator("main h1")).to_contain_text("2025")
    assert_accessible(page)
    shot(page, "plan-approved-2025")

    page.goto(page.base + "/ke-hoach/chi-tieu/")
    expect(page.locator("main table").first).to_be_visible()
    assert_accessible(page)
    shot(page, "planning-indicators")
