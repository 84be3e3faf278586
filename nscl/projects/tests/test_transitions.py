"""Every transition: allowed for the right person, refused for every other and from every wrong state."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nscl.accounts.models import Notification
from nscl.projects import constants
from nscl.projects.choices import OPEN_STATUSES, ProjectStatus
from nscl.projects.models import ProjectEvent, SupportProject
from nscl.projects.services import SERVICES, STATUS_AFTER
from nscl.projects.tests.factories import force_status

pytestmark = pytest.mark.django_db
S = ProjectStatus
DECISION = {"amount": 90_000_000, "decision_number": "123/QĐ-SKHCN", "decision_date": datetime.date(2026, 11, 20)}

# verb -> (state it starts from, who may make it)
TABLE = {
    "submit": (S.DRAFT, {"representative"}),
    "resubmit": (S.RETURNED, {"representative"}),
    "start_appraisal": (S.SUBMITTED, {"officer"}),
    "return_for_changes": (S.UNDER_APPRAISAL, {"officer"}),
    "reject": (S.UNDER_APPRAISAL, {"officer"}),
    "approve": (S.UNDER_APPRAISAL, {"board"}),
    "start": (S.APPROVED, {"representative"}),
    "request_acceptance": (S.IN_PROGRESS, {"representative"}),
    "accept": (S.ACCEPTANCE_REVIEW, {"officer"}),
    "refuse_acceptance": (S.ACCEPTANCE_REVIEW, {"officer"}),
    "cancel": (S.DRAFT, {"officer", "representative"}),
}
ACTORS = [
    "representative",
    "other_enterprise",
    "officer",
    "board",
    "expert",
    "other_expert",
    "admin",
    "examiner",
    "no_role",
]


def run(verb, project, user, reason="Lý do ghi lại"):
    kwargs = dict(DECISION) if verb == "approve" else {}
    return SERVICES[verb](obj=project, by=user, reason=reason, **kwargs)


@pytest.mark.parametrize("verb", TABLE)
def test_the_right_person_makes_the_transition(verb, project, actors, django_capture_on_commit_callbacks):
    source, allowed = TABLE[verb]
    project = force_status(project, source)
    for who in sorted(allowed):
        project = force_status(project, source)
        Notification.objects.all().delete()
        with django_capture_on_commit_callbacks(execute=True):
            result = run(verb, project, actors[who])
        assert result.status == STATUS_AFTER[verb]
        event = ProjectEvent.objects.filter(project=project).latest("id")
        assert (event.action, event.from_status, event.to_status) == (verb, source, STATUS_AFTER[verb])
        assert event.by == actors[who] and event.reason == "Lý do ghi lại"
        assert not Notification.objects.filter(user=actors[who]).exists(), "the actor is not told of their own act"


@pytest.mark.parametrize("verb", TABLE)
@pytest.mark.parametrize("who", ACTORS)
def test_everyone_else_is_refused(verb, who, project, actors):
    source, allowed = TABLE[verb]
    if who in allowed:
        pytest.skip("allowed")
    project = force_status(project, source)
    with pytest.raises(PermissionDenied, match=str(constants.ERROR_NOT_ALLOWED)):
        run(verb, project, actors[who])
    assert SupportProject.objects.get(pk=project.pk).status == source
    assert not ProjectEvent.objects.exists()


@pytest.mark.parametrize("verb", TABLE)
@pytest.mark.parametrize("state", S.values)
def test_wrong_states_are_refused_with_a_message(verb, state, project, actors):
    source, allowed = TABLE[verb]
    who = "officer" if "officer" in allowed else sorted(allowed)[0]
    if state == source or (verb == "cancel" and state in OPEN_STATUSES):
        pytest.skip("a right state")
    project = force_status(project, state)
    with pytest.raises(ValidationError) as caught:
        run(verb, project, actors[who])
    assert caught.value.messages[0].startswith("Không thể ")
    assert SupportProject.objects.get(pk=project.pk).status == state


@pytest.mark.parametrize("state", OPEN_STATUSES)
def test_officers_cancel_from_every_open_state(state, project, actors):
    project = force_status(project, state)
    assert run("cancel", project, actors["officer"]).status == S.CANCELLED


@pytest.mark.parametrize("state", OPEN_STATUSES)
def test_the_enterprise_cancels_only_before_appraisal(state, project, actors):
    project = force_status(project, state)
    if state in (S.DRAFT, S.SUBMITTED):
        assert run("cancel", project, actors["representative"]).status == S.CANCELLED
    else:
        with pytest.raises(PermissionDenied):
            run("cancel", project, actors["representative"])


@pytest.mark.parametrize("verb", ["return_for_changes", "reject", "refuse_acceptance", "cancel"])
def test_a_reason_is_required_to_refuse(verb, project, actors):
    source, allowed = TABLE[verb]
    project = force_status(project, source)
    with pytest.raises(ValidationError) as caught:
        run(verb, project, actors["officer"], reason="   ")
    assert caught.value.message_dict["reason"] == [str(constants.ERROR_REASON_REQUIRED)]


def test_a_whole_life_cycle_leaves_an_ordered_timeline(project, actors, django_capture_on_commit_callbacks):
    rep, officer, board = actors["representative"], actors["officer"], actors["board"]
    with django_capture_on_commit_callbacks(execute=True):
        for verb, user in [
            ("submit", rep), ("start_appraisal", officer), ("return_for_changes", officer), ("resubmit", rep),
            ("start_appraisal", officer), ("approve", board), ("start", rep), ("request_acceptance", rep),
            ("accept", officer),
        ]:  # fmt: skip
            project = run(verb, project, user)
    assert project.status == S.ACCEPTED
    assert project.approved_amount == 90_000_000 and project.decision_number == "123/QĐ-SKHCN"
    assert list(project.events.values_list("action", flat=True)) == [
        "submit", "start_appraisal", "return_for_changes", "resubmit", "start_appraisal", "approve", "start",
        "request_acceptance", "accept",
    ]  # fmt: skip
    assert project.history.filter(approved_amount=90_000_000).exists()  # money keeps its history
    assert Notification.objects.filter(user=rep, title__contains="Đã nghiệm thu").exists()
    assert Notification.objects.filter(user=actors["expert"], title__contains="Đã phê duyệt").exists()
    assert Notification.objects.filter(user=officer, title__contains="Đã nộp").exists()
    assert not Notification.objects.filter(user=actors["other_enterprise"]).exists()


def test_notices_wait_for_the_commit(project, actors):
    run("submit", project, actors["representative"])
    assert not Notification.objects.exists()  # the on_commit callback never ran in this test transaction
