"""The inspections section of the project page: everyone who reads the project sees the findings and
corrective actions (overdue flagged); only officers plan and record; the page's queries stay bounded."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nscl.projects import services
from nscl.projects.choices import FindingSeverity, ProjectStatus
from nscl.projects.models import CorrectiveAction, Finding, Inspection
from nscl.projects.tests.factories import force_status, ready_project

pytestmark = pytest.mark.django_db
READERS = {"representative", "officer", "board", "expert", "admin"}
EVERYONE = ["representative", "other_enterprise", "officer", "board", "expert", "other_expert", "admin", "examiner",
            "no_role"]  # fmt: skip
DAY = datetime.timedelta(days=1)


def inspect(project, officer, *, overdue="Bổ sung hồ sơ hiệu chuẩn cân", closed="Dán nhãn khu vực 5S", n=1):
    """An inspection with a serious finding whose action is overdue, and one whose action is closed."""
    today = timezone.localdate()
    inspection = services.inspection_create(
        project=project, by=officer, planned_on=today - 30 * DAY - n * DAY, inspectors=[officer]
    )
    services.finding_add(
        inspection=inspection, by=officer, severity=FindingSeverity.SERIOUS,
        description=f"Thiết bị đo chưa hiệu chuẩn {n}", action=overdue, deadline=today - 5 * DAY,
    )  # fmt: skip
    finding = services.finding_add(
        inspection=inspection, by=officer, severity=FindingSeverity.NEEDS_CORRECTION,
        description=f"Khu vực kho chưa sắp xếp {n}", action=closed, deadline=today - 2 * DAY,
    )  # fmt: skip
    services.corrective_action_close(
        action=finding.actions.get(), by=officer, closed_on=today - 3 * DAY, evidence="Ảnh chụp khu vực kho"
    )
    return inspection


@pytest.fixture
def inspected(project, actors):
    project = force_status(project, ProjectStatus.IN_PROGRESS)
    return project, inspect(project, actors["officer"])


def detail(client, user, project):
    client.force_login(user)
    return client.get(reverse("projects:project_detail", args=[project.pk]))


@pytest.mark.parametrize("who", EVERYONE)
def test_everyone_who_reads_the_project_sees_its_inspections(client, actors, inspected, who):
    project, inspection = inspected
    response = detail(client, actors[who], project)
    if who not in READERS:
        assert response.status_code == 404
        return
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Kiểm tra ngày {inspection.planned_on:%d/%m/%Y}" in html
    assert "Thiết bị đo chưa hiệu chuẩn 1" in html and "Vi phạm nghiêm trọng" in html
    assert "Bổ sung hồ sơ hiệu chuẩn cân" in html and "Quá hạn" in html
    assert "Dán nhãn khu vực 5S" in html and "Đã khắc phục" in html and "Ảnh chụp khu vực kho" in html
    assert (timezone.localdate() - 5 * DAY).strftime("%d/%m/%Y") in html  # the deadline, dd/mm/yyyy


def test_the_representative_reads_but_does_not_plan_or_open_the_officers_pages(client, actors, inspected):
    project, inspection = inspected
    html = detail(client, actors["representative"], project).content.decode()
    assert reverse("projects:inspection_create", args=[project.pk]) not in html
    assert inspection.get_absolute_url() not in html
    assert client.get(inspection.get_absolute_url()).status_code == 403  # the inspection pages stay officers'


def test_officers_get_the_link_and_the_planning_form_the_board_only_the_link(client, actors, inspected):
    project, inspection = inspected
    html = detail(client, actors["officer"], project).content.decode()
    assert inspection.get_absolute_url() in html
    assert reverse("projects:inspection_create", args=[project.pk]) in html
    html = detail(client, actors["board"], project).content.decode()
    assert inspection.get_absolute_url() in html
    assert reverse("projects:inspection_create", args=[project.pk]) not in html


def test_another_enterprises_representative_still_gets_404(client, actors, inspected):
    project, _inspection = inspected
    assert detail(client, actors["other_enterprise"], project).status_code == 404


@pytest.mark.parametrize("who", ["representative", "expert", "board", "other_enterprise"])
def test_only_officers_record_findings_and_close_actions(client, actors, inspected, who):
    project, inspection = inspected
    client.force_login(actors[who])
    action = CorrectiveAction.objects.get(finding__inspection=inspection, closed_on__isnull=True)
    before = (Inspection.objects.count(), Finding.objects.count())
    responses = [
        client.post(reverse("projects:inspection_create", args=[project.pk]), {"planned_on": "2026-01-01"}),
        client.post(
            reverse("projects:finding_add", args=[inspection.pk]), {"severity": "compliant", "description": "x"}
        ),
        client.post(
            reverse("projects:corrective_action_close", args=[inspection.pk, action.pk]),
            {"closed_on": "2026-01-01", "evidence": "x"},
        ),
    ]
    assert [r.status_code for r in responses] == [403, 403, 403]
    assert (Inspection.objects.count(), Finding.objects.count()) == before
    action.refresh_from_db()
    assert action.closed_on is None


def test_a_project_without_inspections_says_so(client, actors, project):
    html = detail(client, actors["representative"], project).content.decode()
    assert "Chưa có cuộc kiểm tra nào." in html
    assert html.count("<h1") == 1


def test_the_inspections_of_other_projects_are_not_shown(client, actors, inspected):
    project, _inspection = inspected
    other = force_status(ready_project(), ProjectStatus.IN_PROGRESS)
    inspect(other, actors["officer"], overdue="Hành động của dự án khác", n=7)
    html = detail(client, actors["officer"], project).content.decode()
    assert "Hành động của dự án khác" not in html


@pytest.mark.parametrize("who", ["representative", "officer"])
def test_project_page_queries_do_not_grow_with_inspections(
    client, actors, inspected, who, django_assert_max_num_queries
):
    project, _inspection = inspected
    with django_assert_max_num_queries(45) as few:
        detail(client, actors[who], project)
    for n in range(2, 7):
        inspect(project, actors["officer"], n=n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = detail(client, actors[who], project).content.decode()
    assert "Thiết bị đo chưa hiệu chuẩn 6" in html
