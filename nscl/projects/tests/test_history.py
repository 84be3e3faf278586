"""The "Lịch sử thay đổi" section of the project page and of the inspection page: officers, the board and
admins read who changed what and when (the approved amount before and after, a corrective action closed);
the enterprise and its expert do not; the pages' queries do not grow with the versions."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nscl.core.history import CHANGED, CREATED, FieldChange
from nscl.projects import services
from nscl.projects.choices import FindingSeverity, ProjectStatus
from nscl.projects.models import SupportProject
from nscl.projects.tests.factories import force_status

pytestmark = pytest.mark.django_db
READERS = {"officer", "board", "admin"}
OTHERS = {"representative", "expert"}
DAY = datetime.timedelta(days=1)


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response


def move(client, user, project, verb, **data):
    client.force_login(user)
    response = client.post(reverse("projects:project_transition", args=[project.pk, verb]), data)
    assert response.status_code == 302


@pytest.fixture
def approved(client, actors, project):
    """A project taken through submission, appraisal and approval on its pages (who is the signed-in user)."""
    move(client, actors["representative"], project, "submit", reason="")
    move(client, actors["officer"], project, "start_appraisal", reason="")
    today = timezone.localdate()
    move(client, actors["board"], project, "approve", reason="", amount=90_000_000,
         decision_number="123/QĐ-SKHCN", decision_date=today.isoformat())  # fmt: skip
    project = SupportProject.objects.get(pk=project.pk)  # (a protected state is not refreshed in place)
    assert project.status == ProjectStatus.APPROVED
    return project


@pytest.fixture
def inspection(approved, actors):
    """An inspection with a finding whose corrective action the officer closed (in a service, no request)."""
    project = force_status(approved, ProjectStatus.IN_PROGRESS)
    officer, today = actors["officer"], timezone.localdate()
    inspection = services.inspection_create(
        project=project, by=officer, planned_on=today - 9 * DAY, inspectors=[officer]
    )
    finding = services.finding_add(
        inspection=inspection, by=officer, severity=FindingSeverity.NEEDS_CORRECTION,
        description="Khu vực kho chưa sắp xếp", action="Dán nhãn khu vực 5S", deadline=today - 2 * DAY,
    )  # fmt: skip
    services.corrective_action_close(
        action=finding.actions.get(), by=officer, closed_on=today - 3 * DAY, evidence="Ảnh chụp khu vực kho"
    )
    return inspection


@pytest.mark.parametrize("who", sorted(READERS | OTHERS))
def test_only_officers_board_and_admins_see_the_project_history(client, actors, approved, who):
    response = page(client, actors[who], approved.get_absolute_url())
    html = response.content.decode()
    assert ("Lịch sử thay đổi" in html) == (who in READERS)
    assert (response.context["history"] is not None) == (who in READERS)
    assert html.count("<h1") == 1


def test_the_approved_amount_is_shown_before_and_after_with_who(client, actors, approved):
    response = page(client, actors["officer"], approved.get_absolute_url())
    history = response.context["history"]
    approval = next(e for e in history if any(c.field == "kinh phí được phê duyệt (đồng)" for c in e.changes))
    assert approval.who == actors["board"].display_name
    assert approval.record == approved.title
    assert FieldChange("kinh phí được phê duyệt (đồng)", "", "90.000.000 đồng") in approval.changes
    assert FieldChange("trạng thái", "Đang thẩm định", "Đã phê duyệt") in approval.changes
    html = response.content.decode()
    assert "<del>—</del> → <ins>90.000.000 đồng</ins>" in html and actors["board"].display_name in html
    assert [e.who for e in history if e.what == "dự án hỗ trợ"][-1] == ""  # created by the factory, no one


def test_budget_lines_milestones_and_indicators_are_in_the_project_history(client, actors, project):
    rep = actors["representative"]
    services.budget_line_add(project=project, by=rep, item="Mua cân chuẩn", source="state", amount=5_000_000)
    milestone = services.milestone_add(
        project=project, by=rep, title="Đánh giá chứng nhận", due_date=datetime.date(2027, 1, 1)
    )
    services.milestone_mark_done(milestone=milestone, by=rep, done_date=timezone.localdate())
    history = page(client, actors["admin"], project.get_absolute_url()).context["history"]
    kinds = {(e.what, e.record, e.action, e.who) for e in history}
    assert ("dòng dự toán", "Mua cân chuẩn", CREATED, rep.display_name) in kinds
    assert ("mốc tiến độ", "Đánh giá chứng nhận", CREATED, rep.display_name) in kinds
    done = next(e for e in history if e.what == "mốc tiến độ" and e.action == CHANGED)
    assert done.changes == (FieldChange("ngày hoàn thành", "", timezone.localdate().strftime("%d/%m/%Y")),)
    total = next(e for e in history if e.what == "dự án hỗ trợ" and e.action == CHANGED)
    assert FieldChange("tổng kinh phí (đồng)", "200.000.000 đồng", "205.000.000 đồng") in total.changes
    assert total.who == rep.display_name  # the budget's sums, kept by the service


def test_the_inspection_page_shows_the_corrective_action_closed_with_who(client, actors, inspection):
    response = page(client, actors["board"], inspection.get_absolute_url())
    history = response.context["history"]
    closed = next(e for e in history if e.what == "hành động khắc phục" and e.action == CHANGED)
    assert closed.who == actors["officer"].display_name
    assert closed.record == "Dán nhãn khu vực 5S"
    day = (timezone.localdate() - 3 * DAY).strftime("%d/%m/%Y")
    assert closed.changes == (
        FieldChange("ngày đóng", "", day),
        FieldChange("bằng chứng khắc phục", "", "Ảnh chụp khu vực kho"),
    )
    assert {(e.what, e.action) for e in history} >= {
        ("cuộc kiểm tra", CREATED), ("cuộc kiểm tra", CHANGED),
        ("phát hiện", CREATED), ("hành động khắc phục", CREATED),
    }  # fmt: skip
    status = next(e for e in history if e.what == "cuộc kiểm tra" and e.action == CHANGED)
    assert status.changes == (FieldChange("trạng thái", "Đã lên kế hoạch", "Đã kiểm tra"),)
    html = response.content.decode()
    assert "Lịch sử thay đổi" in html and f"<ins>{day}</ins>" in html


def test_the_enterprise_sees_neither_the_inspection_page_nor_its_history(client, actors, inspection):
    client.force_login(actors["representative"])
    assert client.get(inspection.get_absolute_url()).status_code == 403
    html = page(client, actors["representative"], inspection.project.get_absolute_url()).content.decode()
    assert "Dán nhãn khu vực 5S" in html  # the project's own inspections, yes
    assert "Lịch sử thay đổi" not in html and "Ảnh chụp khu vực kho" in html


def test_the_pages_queries_do_not_grow_with_versions(client, actors, inspection, django_assert_max_num_queries):
    project, officer = inspection.project, actors["officer"]
    urls = [project.get_absolute_url(), inspection.get_absolute_url()]
    counts = []
    for url in urls:
        with django_assert_max_num_queries(60) as before:
            page(client, officer, url)
        counts.append(len(before.captured_queries))
    for n in range(5):
        finding = services.finding_add(
            inspection=inspection, by=officer, severity=FindingSeverity.SERIOUS, description=f"Phát hiện {n}",
            action=f"Hành động {n}", deadline=timezone.localdate() + DAY,
        )  # fmt: skip
        services.corrective_action_close(action=finding.actions.get(), by=officer, closed_on=timezone.localdate(),
                                         evidence="Biên bản")  # fmt: skip
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            page(client, officer, url)
