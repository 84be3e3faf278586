"""Headless Chromium (Debian's package) driven by Playwright, against pytest-django's live server."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# Playwright's sync API keeps an event loop in this thread; the ORM calls made by the tests
# themselves are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _serve_uploads(settings):
    settings.ROOT_URLCONF = "tests.browser.urls"


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.base = live_server.url
    yield page
    context.close()
    assert not errors, f"console errors: {errors}"


@pytest.fixture
def shot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, full_page: bool = True) -> None:
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)

    return take


@pytest.fixture
def demo_data(transactional_db):
    from django.core.management import call_command

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def login(page, username: str, password: str = "nscl-demo-2026") -> None:  # noqa: S107  (demo account)
    page.goto(page.base + "/tai-khoan/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")


@pytest.fixture
def new_page(browser, live_server):
    """More pages, each in its own browser context (one person signed in per context), held to the same
    rule as `page`: any console error fails the test. Call ``new_page(width=390)`` for a phone."""
    contexts, errors = [], []

    def make(width: int = 1280, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        contexts.append(context)
        extra = context.new_page()
        extra.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        extra.on("pageerror", lambda exc: errors.append(str(exc)))
        extra.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        extra.base = live_server.url
        return extra

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"console errors: {errors}"
