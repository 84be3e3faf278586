"""Project guard tests: rules that hold for every app, checked over the whole project at once.

* no model change without its migration;
* deny by default: every URL refuses anonymous users except an explicit public list, and every
  routed view states who may use it;
* the English catalogue loads;
* login throttling, CSRF, the demo loader and the production settings.
"""

import io
import os
import re
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import translation
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from nscl.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from nscl.accounts.models import User
from nscl.core.permissions import AccessRequiredMixin, DenyAll

BASE_DIR = Path(settings.BASE_DIR)

# ------------------------------------------------------------------------------------------------
# Migrations
# ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_no_pending_migrations():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:  # --check exits with status 1 when a migration is missing
        pytest.fail(f"Models changed without a migration:\n{out.getvalue()}")


# ------------------------------------------------------------------------------------------------
# Every URL of the project
# ------------------------------------------------------------------------------------------------
# URL names anyone may open. Adding a name here is a decision: say why next to it.
PUBLIC = {
    # the public portal: home, site search, news with topics, events, months, feeds and the sitemap;
    # published documents and their files; published questions and answers, and asking one; pages
    "portal:home",
    "portal:search",
    "portal:article_list",
    "portal:article_detail",
    "portal:article_month",
    "portal:article_feed_rss",
    "portal:article_feed_atom",
    "portal:topic_detail",
    "portal:topic_feed_rss",
    "portal:topic_feed_atom",
    "portal:tag_detail",
    "sitemap",
    "portal:document_list",
    "portal:document_detail",
    "portal:document_download",
    "portal:question_list",
    "portal:question_detail",
    "portal:question_ask",
    "portal:question_thanks",
    "portal:page_detail",
    # the standards repository is public (DESIGN.md): search, suggestions, records, the ICS tree
    "standards:standard_search",
    "standards:standard_suggest",
    "standards:standard_detail",
    "standards:ics_browse",
    "standards:ics_detail",
    # signing in, out, and recovering a password happen before one is signed in
    "accounts:login",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "admin:login",  # the admin site's own sign-in form (throttled by axes like the other one)
    "set_language",
    # the OpenAPI schema, its documentation, and the public read API
    "api-schema",
    "api-docs",
    "api:standard_list",
    "api:standard_suggest",
    "api:standard_detail",
    "api:ics_list",
    "api:ics_detail",
    # the public directory of conformity assessment bodies and experts (public fields only)
    "network_directory:body_list",
    "network_directory:body_detail",
    "network_directory:expert_list",
    "network_directory:expert_detail",
    "network_public_api:expert_list",
    "network_public_api:expert_detail",
    "network_public_api:body_list",
    "network_public_api:body_detail",
    # the catalogue of support types the program offers
    "projects_api:support_type_list",
    # enterprise sign-up, the model-enterprise showcase, the enterprise read API (public fields only)
    "enterprises:sign_up",
    "enterprises:model_showcase",
    "enterprises:model_showcase_detail",
    "enterprises_api:enterprise_list",
    "enterprises_api:enterprise_detail",
    "enterprises_api:key_product_list",
    "enterprises_api:key_product_detail",
}
# Values for URL parameters, by name and then by converter.
SAMPLE_KWARGS = {"uidb64": "MQ", "token": "set-password", "code": "13.060", "app_label": "auth", "url": "khong-co/"}
SAMPLE_BY_CONVERTER = {
    "int": "1",
    "str": "1",
    "path": "1",
    "slug": "mot",
    "uuid": "00000000-0000-0000-0000-000000000001",
}


@dataclass(frozen=True)
class Route:
    url: str
    name: str | None
    pattern: URLPattern

    def __str__(self) -> str:
        return f"{self.name or '(unnamed)'} {self.url}"


def _sample_route(pattern) -> str:
    if isinstance(pattern, RoutePattern):

        def fill(match: re.Match) -> str:
            converter, name = match["converter"] or "str", match["name"]
            if converter == "slug":  # a named sample (an ICS code with its dot) may not be a slug
                return SAMPLE_BY_CONVERTER["slug"]
            return SAMPLE_KWARGS.get(name, SAMPLE_BY_CONVERTER[converter])

        return re.sub(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>", fill, str(pattern))
    if isinstance(pattern, RegexPattern):
        regex = str(pattern).lstrip("^").rstrip("$").replace("\\/", "/")
        return re.sub(r"\(\?P<(?P<name>\w+)>[^)]*\)", lambda m: SAMPLE_KWARGS[m["name"]], regex)
    return str(pattern)  # the language prefix: empty for the default language


def walk(patterns, prefix: str = "/", namespace: str | None = None):
    for entry in patterns:
        part = _sample_route(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = entry.namespace
            scope = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
            yield from walk(entry.url_patterns, prefix + part, scope)
        else:
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield Route(url=prefix + part, name=name, pattern=entry)


ROUTES = list(walk(get_resolver().url_patterns))
PROTECTED = [r for r in ROUTES if r.name not in PUBLIC]
OPEN = [r for r in ROUTES if r.name in PUBLIC]


def test_the_walk_finds_every_route():
    assert len(ROUTES) > 40
    for route in ROUTES:
        assert resolve(route.url).func == route.pattern.callback, route


def test_the_public_list_names_only_existing_routes():
    assert not PUBLIC - {r.name for r in ROUTES}


LOGIN_URLS = ("/tai-khoan/dang-nhap/", "/admin/login/")


def assert_denied(response, route: Route) -> None:
    """A redirect (however many hops) ending on a sign-in page, or a refusal."""
    if response.redirect_chain:
        final = response.redirect_chain[-1][0]
        assert final.startswith(LOGIN_URLS), f"{route}: redirected to {final}"
        return
    assert response.status_code in (401, 403, 405), f"{route}: answered {response.status_code} to anonymous"


@pytest.mark.django_db
@pytest.mark.parametrize("route", PROTECTED, ids=str)
def test_anonymous_users_are_turned_away(client, route):
    assert_denied(client.get(route.url, follow=True), route)
    assert_denied(client.post(route.url, {"id": "1", "next": "/"}, follow=True), route)
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize("route", OPEN, ids=str)
def test_public_routes_open_to_anonymous_users(client, route):
    response = client.get(route.url)
    assert response.status_code in (200, 204, 301, 302, 404, 405), f"{route}: {response.status_code}"
    if response.status_code in (301, 302):
        assert not response.url.startswith(LOGIN_URLS), f"{route} sends anonymous users to sign in"


def _view_class(callback):
    return getattr(callback, "view_class", None) or getattr(callback, "cls", None)


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_every_routed_view_states_who_may_use_it(route):
    callback = route.pattern.callback
    view = _view_class(callback)
    module = (view or callback).__module__
    if view is not None and issubclass(view, APIView):
        permissions = getattr(callback, "initkwargs", {}).get("permission_classes", view.permission_classes)
        assert permissions, f"{route}: no permission classes"
        assert list(permissions) != list(api_settings.DEFAULT_PERMISSION_CLASSES), f"{route}: default permissions"
        assert DenyAll not in permissions, f"{route}: DenyAll"
        return
    if not module.startswith("nscl."):
        return  # Django's own views (admin, set_language) are covered by the anonymous walk above
    assert view is not None, f"{route}: function views cannot state an access rule; use a class"
    assert issubclass(view, AccessRequiredMixin), f"{route}: {view.__name__} lacks AccessRequiredMixin"
    assert view.access is not None, f"{route}: {view.__name__}.access is not set"


# ------------------------------------------------------------------------------------------------
# Translations
# ------------------------------------------------------------------------------------------------
EN_CATALOGUE = BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.mo"


@pytest.mark.skipif(
    not EN_CATALOGUE.exists(), reason="locale/en/LC_MESSAGES/django.mo is not compiled yet (make messages)"
)
def test_the_english_catalogue_loads():
    from nscl.core.roles import Role
    from nscl.standards.choices import StandardStatus

    translation.trans_real._translations = {}  # read the catalogue as compiled now
    with translation.override("vi"):  # whatever language an earlier test left active
        sources = [str(StandardStatus.IN_FORCE.label), str(Role.OFFICER.label), "Năm phải nằm trong khoảng 1900-2100."]
        assert translation.gettext("Còn hiệu lực") == "Còn hiệu lực"
    with translation.override("en"):
        english = [translation.gettext(s) for s in sources]
        assert str(StandardStatus.IN_FORCE.label) != "Còn hiệu lực"
    for source, text in zip(sources, english, strict=True):
        assert text != source, f"no English for {source!r}"
        assert text.isascii(), f"{source!r} -> {text!r} still looks Vietnamese"


def test_english_urls_carry_the_language_prefix():
    with translation.override("en"):
        assert reverse("standards:standard_search") == "/en/tieu-chuan/"
    with translation.override("vi"):
        assert reverse("standards:standard_search") == "/tieu-chuan/"


# ------------------------------------------------------------------------------------------------
# Signing in: throttling and CSRF
# ------------------------------------------------------------------------------------------------
PASSWORD = "correct-horse-battery"
LOGIN_URL = "/tai-khoan/dang-nhap/"


@pytest.fixture
def member(make_user):
    return make_user("enterprise", username="thuy.nguyen")


def attempt(client: Client, username: str, password: str):
    return client.post(LOGIN_URL, {"username": username, "password": password})


@pytest.mark.django_db
def test_the_right_password_signs_in(client, member):
    response = attempt(client, member.username, PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(member.pk)


@pytest.mark.django_db
def test_four_failures_do_not_lock_the_account(client, member):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, member.username, "wrong-password").status_code == 200
    assert attempt(client, member.username, PASSWORD).status_code == 302
    assert client.session[SESSION_KEY] == str(member.pk)


@pytest.mark.django_db
def test_five_failures_lock_out_even_the_right_password(client, member):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(5):
        attempt(client, member.username, "wrong-password")
    response = attempt(client, member.username, PASSWORD)
    assert response.status_code in (403, 429)
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_a_lock_out_is_for_that_account_only(client, member, make_user):
    other = make_user("enterprise", username="lan.tran")
    for _ in range(5):
        attempt(client, member.username, "wrong-password")
    assert attempt(client, other.username, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_posts_without_a_csrf_token_are_refused(member):
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN_URL, {"username": member.username, "password": PASSWORD})
    assert response.status_code == 403
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_posts_with_the_csrf_token_pass(member):
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN_URL)
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(LOGIN_URL, {"username": member.username, "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(member.pk)


@pytest.mark.django_db
def test_signed_in_posts_need_the_csrf_token_too(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(reverse("accounts:notification_mark_read")).status_code == 403
    assert client.post(reverse("accounts:logout")).status_code == 403
    assert client.session[SESSION_KEY] == str(member.pk)  # still signed in


# ------------------------------------------------------------------------------------------------
# Demo data
# ------------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_demo_loader_is_idempotent_and_prints_the_accounts():
    first = io.StringIO()
    call_command("load_demo", stdout=first)
    users = User.objects.count()
    second = io.StringIO()
    call_command("load_demo", stdout=second)
    assert User.objects.count() == users >= len(DEMO_USERS)
    for out in (first.getvalue(), second.getvalue()):
        for username, _name, _role in DEMO_USERS:
            assert re.search(rf"^\s*{username}\s+{re.escape(DEMO_PASSWORD)}\s", out, re.MULTILINE), username


@pytest.mark.django_db
def test_the_demo_accounts_sign_in(client):
    call_command("load_demo", stdout=io.StringIO())
    for username, _name, _role in DEMO_USERS:
        assert attempt(client, username, DEMO_PASSWORD).status_code == 302, username
        assert client.session[SESSION_KEY] == str(User.objects.get(username=username).pk)
        client.post(reverse("accounts:logout"))


# ------------------------------------------------------------------------------------------------
# Production settings (in a fresh interpreter: settings load once per process)
# ------------------------------------------------------------------------------------------------
# Variables of the test process that a deployment does not have (the browser tests' conftest sets the last one).
NOT_INHERITED = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DEBUG",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    environment.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env})
    return subprocess.run(  # noqa: S603  (our own interpreter and manage.py, fixed arguments)
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def strong_key() -> str:
    return secrets.token_urlsafe(64)


def test_production_refuses_to_start_without_a_secret_key():
    # An empty value, not an absent one: a developer's .env only fills variables that are absent.
    result = manage("check", SECRET_KEY="", ALLOWED_HOSTS="nscl.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = manage("check", SECRET_KEY="too-short", ALLOWED_HOSTS="nscl.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.skipif((BASE_DIR / ".env").exists(), reason="a local .env may set ALLOWED_HOSTS")
def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=strong_key())
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deployment_checks():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=strong_key(), ALLOWED_HOSTS="nscl.example.org"
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
