"""Every transition of a plan: allowed for the right role, refused for every other and from every wrong state."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from nscl.accounts.models import Notification
from nscl.planning import constants
from nscl.planning.choices import PlanStatus
from nscl.planning.models import AnnualPlan, PlanEvent
from nscl.planning.services import SERVICES, STATUS_AFTER
from nscl.planning.tests.factories import force_status

pytestmark = pytest.mark.django_db
S = PlanStatus
DECISION = {"decision_number": "1234/QĐ-UBND", "decision_date": datetime.date(2025, 3, 10)}

# verb -> (states it starts from, who may make it, who is told afterwards)
TABLE = {
    "submit": ((S.DRAFT, S.RETURNED), {"officer"}, "board"),
    "return_for_changes": ((S.SUBMITTED_TO_BOARD,), {"board"}, "officer"),
    "endorse": ((S.SUBMITTED_TO_BOARD,), {"board"}, "officer"),
    "submit_to_committee": ((S.ENDORSED,), {"officer"}, None),
    "approve": ((S.SUBMITTED_TO_COMMITTEE,), {"officer"}, "board"),
    "adjust": ((S.APPROVED,), {"officer"}, None),
}
ACTORS = ["officer", "board", "admin", "enterprise", "expert", "no_role"]


def run(verb, plan, user, reason="Ý kiến ghi lại"):
    kwargs = dict(DECISION) if verb == "approve" else {}
    return SERVICES[verb](obj=plan, by=user, reason=reason, **kwargs)


@pytest.mark.parametrize("verb", TABLE)
def test_the_right_role_makes_the_transition(verb, plan, actors, django_capture_on_commit_callbacks):
    sources, allowed, told = TABLE[verb]
    for source in sources:
        for who in sorted(allowed):
            plan = force_status(plan, source)
            AnnualPlan.objects.filter(previous=plan).delete()
            Notification.objects.all().delete()
            with django_capture_on_commit_callbacks(execute=True):
                result = run(verb, plan, actors[who])
            assert result.status == STATUS_AFTER[verb]
            event = PlanEvent.objects.filter(plan=result).latest("id")
            assert event.action == verb and event.to_status == STATUS_AFTER[verb]
            assert event.by == actors[who] and event.reason == "Ý kiến ghi lại"
            history = result.history.latest()
            assert history.history_user == actors[who] and history.history_change_reason == "Ý kiến ghi lại"
            assert not Notification.objects.filter(user=actors[who]).exists(), "the actor is not told of their own act"
            if told:
                assert Notification.objects.filter(user=actors[told]).exists()


@pytest.mark.parametrize("verb", TABLE)
@pytest.mark.parametrize("who", ACTORS)
def test_every_other_role_is_refused(verb, who, plan, actors):
    sources, allowed, _told = TABLE[verb]
    if who in allowed:
        pytest.skip("allowed")
    plan = force_status(plan, sources[0])
    with pytest.raises(PermissionDenied, match=str(constants.ERROR_NOT_ALLOWED)):
        run(verb, plan, actors[who])
    assert AnnualPlan.objects.get(pk=plan.pk).status == sources[0]
    assert not PlanEvent.objects.exists()


@pytest.mark.parametrize("verb", TABLE)
@pytest.mark.parametrize("state", S.values)
def test_wrong_states_are_refused_with_a_message(verb, state, plan, actors):
    sources, allowed, _told = TABLE[verb]
    if state in sources:
        pytest.skip("a right state")
    plan = force_status(plan, state)
    with pytest.raises(ValidationError) as caught:
        run(verb, plan, actors[sorted(allowed)[0]])
    if verb == "adjust":
        assert caught.value.messages == [str(constants.ERROR_ADJUST_ONLY_APPROVED)]
    else:
        assert caught.value.messages[0].startswith("Không thể ")
    assert AnnualPlan.objects.get(pk=plan.pk).status == state
    assert not PlanEvent.objects.exists()


@pytest.mark.parametrize("verb", ["return_for_changes", "adjust"])
def test_a_comment_is_required(verb, plan, actors):
    sources, allowed, _told = TABLE[verb]
    plan = force_status(plan, sources[0])
    with pytest.raises(ValidationError) as caught:
        run(verb, plan, actors[sorted(allowed)[0]], reason="  ")
    assert caught.value.message_dict["reason"] == [str(constants.ERROR_REASON_REQUIRED)]


def test_a_plan_without_money_cannot_be_submitted(actors):
    from nscl.planning.tests.factories import AnnualPlanFactory, BudgetLineFactory, PlanTaskFactory

    plan = AnnualPlanFactory()
    for _attempt in range(2):  # no task at all, then a task whose only line is 0 đồng
        with pytest.raises(ValidationError) as caught:
            run("submit", plan, actors["officer"])
        assert caught.value.messages == [str(constants.ERROR_NO_BUDGET)]
        BudgetLineFactory(task=PlanTaskFactory(plan=plan), amount=0)
    assert AnnualPlan.objects.get(pk=plan.pk).status == S.DRAFT


@pytest.mark.parametrize(
    ("number", "day", "field", "message"),
    [
        ("", datetime.date(2025, 3, 10), "decision_number", constants.ERROR_DECISION_REQUIRED),
        ("12/QĐ-UBND", None, "decision_number", constants.ERROR_DECISION_REQUIRED),
        ("12/QĐ-UBND", timezone.localdate() + datetime.timedelta(days=2), "decision_date",
         constants.ERROR_DECISION_DATE_FUTURE),
    ],
)  # fmt: skip
def test_approval_needs_the_committees_decision(number, day, field, message, plan, actors):
    plan = force_status(plan, S.SUBMITTED_TO_COMMITTEE)
    with pytest.raises(ValidationError) as caught:
        SERVICES["approve"](obj=plan, by=actors["officer"], decision_number=number, decision_date=day)
    assert caught.value.message_dict[field] == [str(message)]
    assert AnnualPlan.objects.get(pk=plan.pk).status == S.SUBMITTED_TO_COMMITTEE


def test_the_whole_way_to_approval(plan, actors, django_capture_on_commit_callbacks):
    officer, board = actors["officer"], actors["board"]
    with django_capture_on_commit_callbacks(execute=True):
        for verb, user in [("submit", officer), ("return_for_changes", board), ("submit", officer),
                           ("endorse", board), ("submit_to_committee", officer), ("approve", officer)]:  # fmt: skip
            plan = run(verb, plan, user)
    assert plan.status == S.APPROVED and plan.decision_number == "1234/QĐ-UBND"
    assert list(plan.events.values_list("action", flat=True)) == [
        "submit", "return_for_changes", "submit", "endorse", "submit_to_committee", "approve",
    ]  # fmt: skip
    assert plan.history.filter(decision_number="1234/QĐ-UBND", history_user=officer).exists()
    assert Notification.objects.filter(user=officer, title__contains="Ban điều hành trả lại").exists()
    assert not Notification.objects.filter(user=actors["enterprise"]).exists()


def test_notices_wait_for_the_commit(plan, actors):
    run("submit", plan, actors["officer"])
    assert not Notification.objects.exists()
