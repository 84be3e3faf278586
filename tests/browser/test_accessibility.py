"""The portal's public pages checked with axe-core (WCAG 2.0/2.1, levels A and AA) in headless Chromium.

axe-core is vendored in tests/browser/axe/ (see its README: version, npm source, MPL-2.0), so the
tests need no network. Each page is opened anonymously, in Vietnamese (and the home page in English);
a violation of impact "serious" or "critical" fails the test, with the rule, its help and the first
elements it found. The `page` fixture also fails a test on any console error, and the home page
must make no request to another host.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent / "axe" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
    .then(results => results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')), count: v.nodes.length})))"""


def axe_violations(page) -> list[dict]:
    """The serious and critical WCAG A/AA violations axe-core finds on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(RUN_AXE, WCAG_TAGS)
    return [violation for violation in found if violation["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} [{v['count']} element(s)] e.g. {v['targets']}" for v in violations
    )


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core, {page.url}:\n{describe(violations)}"


def lead_article_path() -> str:
    from nscl.portal.models import Article

    return Article.objects.get(is_lead=True).get_absolute_url()


def record_requests(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def assert_same_host(page, urls: list[str]) -> None:
    """Every request the page made (documents, styles, scripts, images, fonts) went to the live server."""
    own = urlsplit(page.base).netloc
    elsewhere = [url for url in urls if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != own]
    assert urls, "no request recorded"
    assert not elsewhere, f"requests to another host: {elsewhere}"


# -- the pages ------------------------------------------------------------------------------------


@pytest.fixture
def anonymous(page):
    """The `page` fixture: anonymous, and any console error fails the test."""
    return page


def test_home_page(anonymous, demo_data):
    page = anonymous
    urls = record_requests(page)
    page.goto(page.base + "/")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#news-title")).to_be_visible()
    assert_same_host(page, urls)
    assert_accessible(page)


def test_home_page_in_english(anonymous, demo_data):
    page = anonymous
    urls = record_requests(page)
    page.goto(page.base + "/en/")
    page.wait_for_load_state("networkidle")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_same_host(page, urls)
    assert_accessible(page)


def test_article_page(anonymous, demo_data):
    page = anonymous
    page.goto(page.base + lead_article_path())
    expect(page.locator("h1.article__title")).to_be_visible()
    assert_accessible(page)


def test_site_search_results(anonymous, demo_data):
    page = anonymous
    page.goto(page.base + "/tim-kiem/?q=nang+suat")
    expect(page.locator("#group-articles")).to_be_visible()
    assert_accessible(page)


def test_documents_list(anonymous, demo_data):
    page = anonymous
    page.goto(page.base + "/van-ban/")
    expect(page.locator("main table tbody tr").first).to_be_visible()
    assert_accessible(page)
