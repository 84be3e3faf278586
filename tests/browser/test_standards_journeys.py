"""Journeys through the standards repository in a real browser; screenshots go to docs/screenshots/."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_as_you_type_then_filter_keeps_the_query_in_the_url(page, demo_data, shot):
    page.goto(page.base + "/tieu-chuan/")
    expect(page.locator("h1")).to_have_count(1)
    page.fill("#q", "he thong quan ly chat luong")
    suggestion = page.locator("#suggestions a").first
    expect(suggestion).to_be_visible()
    expect(suggestion).to_contain_text("9001")
    page.press("#q", "Enter")
    expect(page).to_have_url(re.compile(r"q=he(\+|%20)thong(\+|%20)quan"))
    expect(page).not_to_have_url(re.compile(r"year_min="))  # empty fields stay out of shared URLs
    expect(page.locator("#result-count")).to_contain_text("kết quả")
    first_code = page.locator(".result-item .code").first
    expect(first_code).to_contain_text("9001")
    # A facet narrows the results through HTMX and the URL keeps both the query and the filter.
    page.locator("input[name=kind][value=TCVN]").check()
    expect(page).to_have_url(re.compile(r"kind=TCVN"))
    expect(page.locator(".result-item").first).to_contain_text("TCVN")
    shot(page, "standards-search")
    # The bookmarked URL gives the same page without JavaScript state.
    url = page.url
    page.goto(url)
    expect(page.locator("input[name=kind][value=TCVN]")).to_be_checked()


def test_number_as_typed_and_detail_page_with_replacement_chain(page, demo_data, shot):
    page.goto(page.base + "/tieu-chuan/?q=ISO+9001%3A2008")
    page.locator(".result-item a.code", has_text="ISO 9001:2008").first.click()
    expect(page.locator("h1")).to_contain_text("9001:2008")
    chain = page.locator("ol.chain")
    expect(chain).to_contain_text("9001:2015")
    expect(page.locator(".alert-warning")).to_contain_text("thay thế")
    shot(page, "standards-detail")


def test_no_result_state_says_what_to_try(page, demo_data):
    page.goto(page.base + "/tieu-chuan/?q=zzzxqv")
    expect(page.locator("main")).to_contain_text("Không tìm thấy")
    expect(page.locator("main")).to_contain_text("Hãy thử")


def test_ics_browser_descends_the_tree(page, demo_data, shot):
    page.goto(page.base + "/tieu-chuan/ics/")
    expect(page.locator("main li")).to_have_count(40)
    shot(page, "ics-browser")
    page.locator("main a", has_text=re.compile(r"^03 ")).first.click()
    expect(page.locator("h1")).to_contain_text("03")
    page.locator("main a", has_text="03.120").first.click()
    expect(page.locator(".breadcrumb")).to_contain_text("03")
    shot(page, "ics-detail")


def test_phone_width_search_page(browser, live_server, demo_data, shot):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + "/tieu-chuan/?q=thuc+pham")
    expect(page.locator("h1")).to_be_visible()
    shot(page, "standards-search-phone")
    context.close()


def test_english_switch(page, demo_data):
    page.goto(page.base + "/tieu-chuan/")
    page.get_by_role("navigation", name="Ngôn ngữ").get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(page.base + "/en/tieu-chuan/")
    page.locator(".site-languages a[lang=vi]").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")


def test_follow_then_status_change_reaches_the_follower(page, demo_data):
    from nscl.standards.choices import StandardStatus
    from nscl.standards.models import Standard
    from nscl.standards.services import standard_save

    standard = (
        Standard.objects.filter(status=StandardStatus.IN_FORCE, kind="TCVN")
        .exclude(follows__user__username="doanhnghiep")
        .order_by("id")
        .first()
    )
    login(page, "doanhnghiep")
    page.goto(page.base + standard.get_absolute_url())
    page.get_by_role("button", name="Theo dõi thay đổi").click()
    expect(page.locator(".alert-success")).to_be_visible()
    standard_save(standard=standard, data={"status": StandardStatus.WITHDRAWN}, by=None, reason="Hủy bỏ")
    page.goto(page.base + "/tai-khoan/thong-bao/")
    expect(page.locator("main")).to_contain_text(standard.code)
