"""The projects section of an enterprise's page: only the projects the viewer may see, indicators of
accepted projects, the propose button for the enterprise's own representatives, bounded queries."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from nscl.core.roles import Role
from nscl.enterprises.constants import PROJECTS_SECTION_TEMPLATE
from nscl.projects.choices import ProjectStatus
from nscl.projects.models import ProjectIndicator
from nscl.projects.tests.factories import (
    EnterpriseFactory,
    IndicatorKindFactory,
    RepresentativeFactory,
    SupportProjectFactory,
    force_status,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db, make_user):
    a, b = EnterpriseFactory(name_vi="Công ty Gốm An"), EnterpriseFactory(name_vi="Công ty Bình Minh")
    accepted = force_status(SupportProjectFactory(enterprise=a, title="Dự án 5S đã nghiệm thu"), ProjectStatus.ACCEPTED)
    running = force_status(SupportProjectFactory(enterprise=a, title="Dự án ISO đang làm"), ProjectStatus.IN_PROGRESS)
    theirs = SupportProjectFactory(enterprise=b, title="Dự án của Bình Minh")
    kind = IndicatorKindFactory()
    ProjectIndicator.objects.create(
        project=accepted, kind=kind, unit="%", baseline=Decimal("12.5"), target=Decimal(5), result=Decimal("4.0000")
    )
    ProjectIndicator.objects.create(
        project=running, kind=kind, unit="%", baseline=Decimal("33.3"), target=Decimal(10), result=None
    )
    return {
        "a": a, "b": b, "accepted": accepted, "running": running, "theirs": theirs,
        "rep_a": RepresentativeFactory(enterprise=a).user,
        "rep_b": RepresentativeFactory(enterprise=b).user,
        "officer": make_user(Role.OFFICER),
        "board": make_user(Role.BOARD),
    }  # fmt: skip


def page(client, user, enterprise) -> str:
    client.force_login(user)
    response = client.get(reverse("enterprises:enterprise_detail", args=[enterprise.pk]))
    assert response.status_code == 200
    return response.content.decode()


def section(user, enterprise) -> str:
    return render_to_string(PROJECTS_SECTION_TEMPLATE, {"enterprise": enterprise, "user": user})


def test_the_enterprise_page_includes_the_section(client, world):
    html = page(client, world["officer"], world["a"])
    assert "Danh sách dự án hỗ trợ sẽ hiển thị tại đây" not in html
    assert world["accepted"].get_absolute_url() in html and world["running"].get_absolute_url() in html


def test_a_representative_sees_its_own_projects_and_never_another_enterprises(client, world):
    html = page(client, world["rep_a"], world["a"])
    assert world["accepted"].title in html and world["running"].title in html
    assert world["theirs"].title not in html
    client.force_login(world["rep_a"])
    assert client.get(reverse("enterprises:enterprise_detail", args=[world["b"].pk])).status_code == 404
    # Even handed another enterprise, the section shows nothing the representative may not see.
    assert world["theirs"].title not in section(world["rep_a"], world["b"])
    assert "Không có dự án hỗ trợ nào bạn được xem" in section(world["rep_a"], world["b"])


@pytest.mark.parametrize("who", ["officer", "board"])
def test_officers_and_the_board_see_every_project(client, world, who):
    assert world["theirs"].title in page(client, world[who], world["b"])
    html = page(client, world[who], world["a"])
    assert world["accepted"].title in html and world["running"].title in html


def test_status_support_types_money_and_dates(client, world):
    project = world["accepted"]
    project.approved_amount = 150_000_000
    project.start_date, project.end_date = project.created_at.date(), project.created_at.date()
    project.save(update_fields=["approved_amount", "start_date", "end_date"])
    html = page(client, world["officer"], world["a"])
    assert "Đã nghiệm thu" in html and "Đang thực hiện" in html
    assert "Hệ thống quản lý chất lượng ISO 9001" in html
    assert "150.000.000 đồng" in html
    assert project.start_date.strftime("%d/%m/%Y") in html


def test_indicators_are_shown_for_accepted_projects_only(world):
    html = section(world["officer"], world["a"])
    assert "Tỷ lệ sản phẩm lỗi: 12,5 → 4 %" in html
    assert "33,3" not in html  # the running project's baseline: not an outcome yet


def test_the_propose_button_is_for_the_enterprises_own_representatives(world):
    create = reverse("projects:project_create")
    assert f"{create}?enterprise={world['a'].pk}" in section(world["rep_a"], world["a"])
    assert create not in section(world["officer"], world["a"])
    assert create not in section(world["rep_b"], world["a"])


def test_the_create_form_starts_with_the_enterprise_chosen(client, world):
    client.force_login(world["rep_a"])
    html = client.get(reverse("projects:project_create") + f"?enterprise={world['a'].pk}").content.decode()
    assert f'<option value="{world["a"].pk}" selected>' in html


def test_empty_state(client, world):
    html = page(client, world["officer"], EnterpriseFactory())
    assert "Không có dự án hỗ trợ nào bạn được xem" in html


def test_queries_do_not_grow_with_projects(client, world, django_assert_max_num_queries):
    kind = IndicatorKindFactory()
    client.force_login(world["officer"])
    url = reverse("enterprises:enterprise_detail", args=[world["a"].pk])
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for _ in range(8):
        project = force_status(SupportProjectFactory(enterprise=world["a"]), ProjectStatus.ACCEPTED)
        ProjectIndicator.objects.create(project=project, kind=kind, unit="%", baseline=1, target=2, result=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("Tỷ lệ sản phẩm lỗi") == 9
