"""ROLE x ACTION over the support rules pages, bad input next to its field, and who changed what when."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from nscl.core.roles import Role
from nscl.projects import constants
from nscl.projects.choices import SupportGroup
from nscl.projects.models import SupportRule
from nscl.projects.tests.factories import ExpertFactory, RepresentativeFactory, SupportRuleFactory

pytestmark = pytest.mark.django_db
ROLES = ["officer", "board", "admin", "enterprise", "expert", "no_role", "anonymous"]
READERS = {"officer", "board", "admin"}
MANAGERS = {"officer", "admin"}
GOOD = {
    "group": SupportGroup.IMPROVEMENT_TOOL,
    "share_percent": "70.5",
    "ceiling": "50.000.000",
    "valid_from": "2026-01-01",
    "valid_to": "",
    "source": "Nghị quyết 12/2025/NQ-HĐND",
}


@pytest.fixture
def rule(db):
    return SupportRuleFactory()


@pytest.fixture
def users(db, make_user):
    return {
        "officer": make_user(Role.OFFICER),
        "board": make_user(Role.BOARD),
        "admin": make_user(Role.ADMIN),
        "enterprise": RepresentativeFactory().user,
        "expert": ExpertFactory().user,
        "no_role": make_user(),
        "anonymous": None,
    }


def sign_in(client, users, who):
    if users[who] is not None:
        client.force_login(users[who])
    return client


def expected(who, allowed):
    if who == "anonymous":
        return 302
    return 200 if who in allowed else 403


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize(
    ("page", "allowed"),
    [("list", READERS), ("create", MANAGERS), ("edit", MANAGERS)],
)
def test_pages_by_role(client, users, rule, who, page, allowed):
    sign_in(client, users, who)
    url = {
        "list": reverse("projects:support_rule_list"),
        "create": reverse("projects:support_rule_create"),
        "edit": reverse("projects:support_rule_edit", args=[rule.pk]),
    }[page]
    response = client.get(url)
    assert response.status_code == expected(who, allowed)
    if who == "anonymous":
        assert "/login" in response["Location"] or "dang-nhap" in response["Location"]


@pytest.mark.parametrize("who", ROLES)
def test_only_officers_and_admins_write(client, users, rule, who):
    sign_in(client, users, who)
    created = client.post(reverse("projects:support_rule_create"), GOOD)
    edited = client.post(
        reverse("projects:support_rule_edit", args=[rule.pk]),
        {**GOOD, "group": rule.group, "valid_from": "2021-01-01", "share_percent": "40"},
    )
    assert created.status_code == edited.status_code == (302 if who in MANAGERS or who == "anonymous" else 403)
    allowed = who in MANAGERS
    assert SupportRule.objects.filter(group=SupportGroup.IMPROVEMENT_TOOL).exists() == allowed
    rule.refresh_from_db()
    assert rule.share_percent == (Decimal(40) if allowed else Decimal(50))


def test_the_list_shows_groups_marks_current_and_edit_links_for_managers(client, users, rule):
    SupportRuleFactory(valid_from=datetime.date(2018, 1, 1), valid_to=datetime.date(2020, 12, 31), share_percent=30)
    client.force_login(users["officer"])
    page = client.get(reverse("projects:support_rule_list")).content.decode()
    assert page.count("<h1") == 1
    for group in SupportGroup:
        assert str(group.label) in page
    assert "Đang áp dụng" in page and "Hết hiệu lực" in page
    assert "100.000.000 đồng" in page and "01/01/2021" in page and "31/12/2020" in page
    assert reverse("projects:support_rule_edit", args=[rule.pk]) in page
    client.force_login(users["board"])
    page = client.get(reverse("projects:support_rule_list")).content.decode()
    assert reverse("projects:support_rule_edit", args=[rule.pk]) not in page
    assert reverse("projects:support_rule_create") not in page


def test_create_accepts_money_with_dots_and_records_who(client, users):
    client.force_login(users["officer"])
    response = client.post(reverse("projects:support_rule_create"), GOOD)
    assert response.status_code == 302
    rule = SupportRule.objects.get(group=SupportGroup.IMPROVEMENT_TOOL)
    assert rule.ceiling == 50_000_000 and rule.share_percent == Decimal("70.5") and not rule.is_demo
    record = rule.history.get()
    assert record.history_type == "+" and record.history_user == users["officer"]


def error_of(response, field: str) -> str:
    """The text of the error shown next to a field (the core form partial's invalid-feedback block)."""
    html = response.content.decode()
    marker = f'id="id_{field}_error"'
    assert marker in html, f"no error next to {field}"
    return html.split(marker, 1)[1].split("</div>", 1)[0]


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"share_percent": "100.5"}, "share_percent", "100"),
        ({"share_percent": "-1"}, "share_percent", "0"),
        ({"ceiling": "-5"}, "ceiling", "0"),
        ({"ceiling": "nhiều"}, "ceiling", ""),
        ({"valid_from": "2026-06-01", "valid_to": "2026-01-01"}, "valid_to", str(constants.ERROR_RULE_RANGE)),
        ({"valid_from": ""}, "valid_from", ""),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_writes_nothing(client, users, change, field, text):
    client.force_login(users["officer"])
    response = client.post(reverse("projects:support_rule_create"), {**GOOD, **change})
    assert response.status_code == 200
    assert text in error_of(response, field)
    assert 'aria-describedby="id_' + field + "_error" in response.content.decode()
    assert not SupportRule.objects.exists()
    assert not SupportRule.history.exists()


def test_an_overlapping_period_is_refused_next_to_the_start_date(client, users, rule):
    client.force_login(users["officer"])
    response = client.post(
        reverse("projects:support_rule_create"), {**GOOD, "group": rule.group, "valid_from": "2025-01-01"}
    )
    assert str(constants.ERROR_RULE_OVERLAP) in error_of(response, "valid_from")
    assert SupportRule.objects.count() == 1


def test_an_edit_is_recorded_with_who_and_when_and_shown(client, users, rule):
    client.force_login(users["admin"])
    url = reverse("projects:support_rule_edit", args=[rule.pk])
    form = client.get(url).content.decode()
    assert 'value="100.000.000"' in form  # the ceiling is offered as officers write it
    before, started = SupportRule.history.filter(id=rule.pk).count(), timezone.now()
    response = client.post(
        url,
        {**GOOD, "group": rule.group, "valid_from": "2021-01-01", "share_percent": "40", "ceiling": "80000000"},
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.share_percent, rule.ceiling, rule.is_demo) == (Decimal(40), 80_000_000, False)
    latest = rule.history.order_by("-history_id").first()
    assert SupportRule.history.filter(id=rule.pk).count() == before + 1
    assert latest.history_type == "~" and latest.history_user == users["admin"]
    assert started <= latest.history_date <= timezone.now()
    client.force_login(users["board"])
    page = client.get(reverse("projects:support_rule_list")).content.decode()
    assert users["admin"].display_name in page
    assert "80.000.000 đồng" in page  # the ceiling's before and after
    assert "<del>100.000.000 đồng</del>" in page


def test_editing_a_missing_rule_is_404(client, users):
    client.force_login(users["officer"])
    assert client.get(reverse("projects:support_rule_edit", args=[999_999])).status_code == 404
