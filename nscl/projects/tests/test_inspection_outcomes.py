"""The end of a visit: officers write the conclusion or call off a planned visit, with the reason; the
enterprise's representatives hear of each step; nobody else may do either."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from nscl.accounts.models import Notification
from nscl.projects import services
from nscl.projects.choices import FindingSeverity, InspectionStatus, ProjectStatus
from nscl.projects.models import Inspection
from nscl.projects.tests.factories import RepresentativeFactory, force_status

pytestmark = pytest.mark.django_db
EVERYONE = ["representative", "other_enterprise", "officer", "board", "expert", "other_expert", "admin", "examiner",
            "no_role"]  # fmt: skip


@pytest.fixture
def planned(project, actors, django_capture_on_commit_callbacks):
    project = force_status(project, ProjectStatus.IN_PROGRESS)
    with django_capture_on_commit_callbacks(execute=True):
        return services.inspection_create(
            project=project,
            by=actors["officer"],
            planned_on=timezone.localdate() + datetime.timedelta(days=10),
            inspectors=[actors["officer"]],
        )


def fresh(inspection) -> Inspection:
    return Inspection.objects.get(pk=inspection.pk)


def test_the_representative_hears_of_the_planned_visit(planned, actors):
    notice = Notification.objects.get(user=actors["representative"])
    assert planned.project.title in notice.title
    assert notice.url == planned.project.get_absolute_url()
    assert not Notification.objects.filter(user=actors["officer"]).exists()  # not the one who planned it


def test_a_conclusion_marks_the_visit_done_records_who_and_tells_the_enterprise(
    planned, actors, django_capture_on_commit_callbacks
):
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.inspection_conclude(inspection=planned, by=actors["officer"], summary="  Đạt yêu cầu chung.  ")
    done = fresh(planned)
    assert (done.status, done.summary) == (InspectionStatus.DONE, "Đạt yêu cầu chung.")
    assert done.history.latest().history_user == actors["officer"]
    assert Notification.objects.filter(user=actors["representative"], body="Đạt yêu cầu chung.").exists()


def test_a_finding_with_a_corrective_action_is_announced(planned, actors, django_capture_on_commit_callbacks):
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.finding_add(
            inspection=planned, by=actors["officer"], severity=FindingSeverity.NEEDS_CORRECTION,
            description="Chưa có sổ theo dõi hiệu chuẩn", action="Lập sổ", deadline=timezone.localdate(),
        )  # fmt: skip
    assert Notification.objects.filter(user=actors["representative"]).count() == 1


@pytest.mark.parametrize("summary", ["", "   "])
def test_an_empty_conclusion_is_refused_on_its_field(planned, actors, summary):
    with pytest.raises(ValidationError) as caught:
        services.inspection_conclude(inspection=planned, by=actors["officer"], summary=summary)
    assert "summary" in caught.value.message_dict
    assert fresh(planned).status == InspectionStatus.PLANNED


def test_cancel_only_a_planned_visit_and_with_a_reason(planned, actors):
    with pytest.raises(ValidationError):
        services.inspection_cancel(inspection=planned, by=actors["officer"], reason=" ")
    services.inspection_cancel(inspection=planned, by=actors["officer"], reason="Doanh nghiệp đề nghị dời lịch")
    cancelled = fresh(planned)
    assert (cancelled.status, cancelled.summary) == (InspectionStatus.CANCELLED, "Doanh nghiệp đề nghị dời lịch")
    with pytest.raises(ValidationError):
        services.inspection_cancel(inspection=cancelled, by=actors["officer"], reason="lần nữa")
    with pytest.raises(ValidationError):
        services.inspection_conclude(inspection=cancelled, by=actors["officer"], summary="Đạt")


def test_a_visit_that_took_place_cannot_be_called_off(planned, actors):
    services.inspection_conclude(inspection=planned, by=actors["officer"], summary="Đạt")
    with pytest.raises(ValidationError):
        services.inspection_cancel(inspection=planned, by=actors["officer"], reason="nhầm")


@pytest.mark.parametrize("who", ["board", "admin", "representative", "expert", "examiner"])
def test_only_officers_conclude_or_cancel_in_the_services(planned, actors, who):
    with pytest.raises(PermissionDenied):
        services.inspection_conclude(inspection=planned, by=actors[who], summary="Đạt")
    with pytest.raises(PermissionDenied):
        services.inspection_cancel(inspection=planned, by=actors[who], reason="x")


@pytest.mark.parametrize("who", EVERYONE)
def test_conclude_and_cancel_pages_by_role(client, planned, actors, who):
    client.force_login(actors[who])
    conclude = client.post(reverse("projects:inspection_conclude", args=[planned.pk]), {"summary": "Đạt"})
    cancel = client.post(reverse("projects:inspection_cancel", args=[planned.pk]), {"reason": "Dời lịch"})
    if who == "officer":
        assert conclude.status_code == cancel.status_code == 302
        assert fresh(planned).status == InspectionStatus.DONE  # concluded first, so it can no longer be called off
    else:
        assert conclude.status_code == cancel.status_code == 403
        assert fresh(planned).status == InspectionStatus.PLANNED


def test_the_officer_sees_both_forms_on_a_planned_visit_and_only_the_conclusion_after(client, planned, actors):
    client.force_login(actors["officer"])
    page = client.get(planned.get_absolute_url()).content.decode()
    assert reverse("projects:inspection_conclude", args=[planned.pk]) in page
    assert reverse("projects:inspection_cancel", args=[planned.pk]) in page
    services.inspection_conclude(inspection=planned, by=actors["officer"], summary="Đạt")
    page = client.get(planned.get_absolute_url()).content.decode()
    assert reverse("projects:inspection_cancel", args=[planned.pk]) not in page
    assert "<title>" in page and "Lịch sử" not in page.split("<title>")[1].split("</title>")[0]


def test_a_blank_conclusion_from_the_page_says_what_is_missing(client, planned, actors):
    client.force_login(actors["officer"])
    response = client.post(reverse("projects:inspection_conclude", args=[planned.pk]), {"summary": ""}, follow=True)
    assert "Kết luận" in response.content.decode() and "alert-danger" in response.content.decode()
    assert fresh(planned).status == InspectionStatus.PLANNED


def test_another_enterprises_representative_hears_nothing(planned):
    outsider = RepresentativeFactory().user
    assert not Notification.objects.filter(user=outsider).exists()
