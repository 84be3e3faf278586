"""One service per transition of an annual plan: ``plan_<verb>(*, obj, by, reason="")``, and the adjustment.

Each locks the row, checks who may act and from which state, checks the preconditions, makes the
transition, saves (django-simple-history keeps who and why), writes a PlanEvent and queues the
notices for after the commit. A refusal raises PermissionDenied (the wrong person) or
ValidationError (wrong state, missing input, broken rule), each with a message from constants.
"""

import datetime
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_fsm import can_proceed

from nscl.accounts.models import User
from nscl.planning import constants
from nscl.planning.choices import PlanStatus
from nscl.planning.models import AnnualPlan, BudgetLine, PlanEvent, PlanTask
from nscl.planning.permissions import TRANSITIONS, can_transition
from nscl.planning.services.carryover import carry_execution, check_execution_fits
from nscl.planning.services.notices import notify_transition
from nscl.planning.services.plans import TASK_FIELDS

Check = Callable[[AnnualPlan], None]


def _check_budget(plan: AnnualPlan) -> None:
    if not BudgetLine.objects.filter(task__plan=plan, amount__gt=0).exists():
        raise ValidationError(constants.ERROR_NO_BUDGET)


def _record(plan: AnnualPlan, *, verb: str, before: str, by: User, reason: str, data: dict | None = None) -> None:
    plan._change_reason = reason[:100] or verb  # type: ignore[attr-defined]
    plan._history_user = by  # type: ignore[attr-defined]
    plan.save()
    PlanEvent.objects.create(
        plan=plan, action=verb, from_status=before, to_status=plan.status, by=by, reason=reason, data=data or {}
    )


def _transition(
    *,
    obj: AnnualPlan,
    by: User,
    verb: str,
    reason: str = "",
    checks: tuple[Check, ...] = (),
    data: dict | None = None,
    **kwargs,
) -> AnnualPlan:
    plan = AnnualPlan.objects.select_for_update().get(pk=obj.pk)
    rule = TRANSITIONS[verb]
    if not can_transition(by, verb):
        raise PermissionDenied(constants.ERROR_NOT_ALLOWED)
    method = getattr(plan, verb)
    if not can_proceed(method):
        raise ValidationError(constants.ERROR_WRONG_STATE % {"action": rule.label, "status": plan.get_status_display()})
    reason = (reason or "").strip()
    if rule.reason_required and not reason:
        raise ValidationError({"reason": constants.ERROR_REASON_REQUIRED})
    for check in checks:
        check(plan)
    before = plan.status
    method(**kwargs)
    _record(plan, verb=verb, before=before, by=by, reason=reason, data=data)
    notify_transition(plan, verb, actor=by, status_label=str(plan.get_status_display()), reason=reason)
    return plan


@transaction.atomic
def plan_submit(*, obj: AnnualPlan, by: User, reason: str = "") -> AnnualPlan:
    return _transition(obj=obj, by=by, verb="submit", reason=reason, checks=(_check_budget, check_execution_fits))


@transaction.atomic
def plan_return(*, obj: AnnualPlan, by: User, reason: str = "") -> AnnualPlan:
    return _transition(obj=obj, by=by, verb="return_for_changes", reason=reason)


@transaction.atomic
def plan_endorse(*, obj: AnnualPlan, by: User, reason: str = "") -> AnnualPlan:
    return _transition(obj=obj, by=by, verb="endorse", reason=reason)


@transaction.atomic
def plan_submit_to_committee(*, obj: AnnualPlan, by: User, reason: str = "") -> AnnualPlan:
    return _transition(obj=obj, by=by, verb="submit_to_committee", reason=reason, checks=(_check_budget,))


def _decision_check(decision_number: str, decision_date: datetime.date | None) -> Check:
    def check(plan: AnnualPlan) -> None:
        if not decision_number or decision_date is None:
            raise ValidationError({"decision_number": constants.ERROR_DECISION_REQUIRED})
        if decision_date > timezone.localdate():
            raise ValidationError({"decision_date": constants.ERROR_DECISION_DATE_FUTURE})

    return check


def _check_carry(plan: AnnualPlan) -> None:
    """Lock the lines of the revision in force (no record lands on them meanwhile), then check the
    adjustment fits what was done on them."""
    if plan.previous_id is not None:
        list(BudgetLine.objects.select_for_update().filter(task__plan_id=plan.previous_id).values_list("pk"))
    check_execution_fits(plan)


def _supersede_previous(plan: AnnualPlan, by: User) -> None:
    """The approved revision this one adjusts gives way to it, in the same transaction, and hands its
    commitments and disbursements over to the new revision's copies of their lines."""
    if plan.previous_id is None:
        return
    previous = AnnualPlan.objects.select_for_update().get(pk=plan.previous_id)
    if not can_proceed(previous.supersede):
        return
    before = previous.status
    previous.supersede()
    moved = carry_execution(old=previous, new=plan, by=by)
    reason = gettext("Thay thế bằng bản điều chỉnh lần %(revision)s") % {"revision": plan.revision}
    _record(previous, verb="supersede", before=before, by=by, reason=reason, data={"by_plan": plan.pk, **moved})


@transaction.atomic
def plan_approve(
    *, obj: AnnualPlan, by: User, decision_number: str, decision_date: datetime.date | None, reason: str = ""
) -> AnnualPlan:
    """The officer records the People's Committee's decision (number and date, not in the future)."""
    decision_number = (decision_number or "").strip()
    plan = _transition(
        obj=obj,
        by=by,
        verb="approve",
        reason=reason,
        checks=(_decision_check(decision_number, decision_date), _check_carry),
        data={"decision_number": decision_number, "decision_date": str(decision_date)},
        decision_number=decision_number,
        decision_date=decision_date,
    )
    _supersede_previous(plan, by)
    return plan


def _copy_content(old: AnnualPlan, new: AnnualPlan, by: User) -> None:
    """Copy every task (with its linked projects) and budget line; each copy remembers its origin."""
    for task in old.tasks.prefetch_related("projects", "budget_lines").order_by("sort_order", "id"):
        copy = PlanTask(plan=new, origin=task, **{field: getattr(task, field) for field in TASK_FIELDS})
        copy._history_user = by  # type: ignore[attr-defined]
        copy.save()
        copy.projects.set(list(task.projects.all()))
        for line in task.budget_lines.all():
            line_copy = BudgetLine(
                task=copy,
                origin=line,
                funding_source=line.funding_source,
                expense_item_id=line.expense_item_id,
                amount=line.amount,
            )
            line_copy._history_user = by  # type: ignore[attr-defined]
            line_copy.save()


@transaction.atomic
def plan_adjust(*, obj: AnnualPlan, by: User, reason: str = "") -> AnnualPlan:
    """A mid-year adjustment (điều chỉnh): a new draft revision with the approved plan's tasks and lines.

    It goes through the same approval; the approved plan stays in force until the new one is approved.
    """
    old = AnnualPlan.objects.select_for_update().get(pk=obj.pk)
    if not can_transition(by, "adjust"):
        raise PermissionDenied(constants.ERROR_NOT_ALLOWED)
    if old.status != PlanStatus.APPROVED:
        raise ValidationError(constants.ERROR_ADJUST_ONLY_APPROVED)
    newer = AnnualPlan.objects.filter(previous=old).first()
    if newer is not None:
        raise ValidationError(constants.ERROR_ADJUSTMENT_OPEN % {"revision": newer.revision})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": constants.ERROR_REASON_REQUIRED})
    new = AnnualPlan(
        period_id=old.period_id,
        year=old.year,
        revision=old.revision + 1,
        previous=old,
        title=old.title,
        created_by=by,
    )
    new.full_clean(exclude=["status"])
    _record(new, verb="adjust", before="", by=by, reason=reason, data={"from_plan": old.pk})
    _copy_content(old, new, by)
    PlanEvent.objects.create(
        plan=old, action="adjust", from_status=old.status, to_status=old.status, by=by, reason=reason,
        data={"new_plan": new.pk, "revision": new.revision},
    )  # fmt: skip
    return new


SERVICES: dict[str, Callable[..., AnnualPlan]] = {
    "submit": plan_submit,
    "return_for_changes": plan_return,
    "endorse": plan_endorse,
    "submit_to_committee": plan_submit_to_committee,
    "approve": plan_approve,
    "adjust": plan_adjust,
}
STATUS_AFTER = {
    "submit": PlanStatus.SUBMITTED_TO_BOARD,
    "return_for_changes": PlanStatus.RETURNED,
    "endorse": PlanStatus.ENDORSED,
    "submit_to_committee": PlanStatus.SUBMITTED_TO_COMMITTEE,
    "approve": PlanStatus.APPROVED,
    "adjust": PlanStatus.DRAFT,  # of the new revision; the approved one stays approved until then
}
