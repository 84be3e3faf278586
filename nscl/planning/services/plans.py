"""Writes to a plan's content: the plan itself, its tasks and their budget lines.

Only officers write, and only while the plan is a draft or returned by the board; an approved
plan is frozen (a change goes through an adjustment, ``plan_adjust``). Every write locks the
plan row, so edits and transitions of one plan run one after another.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from nscl.accounts.models import User
from nscl.planning import constants
from nscl.planning.choices import EDITABLE_STATUSES, FROZEN_STATUSES
from nscl.planning.models import AnnualPlan, BudgetLine, ExpenseItem, PlanTask, ProgramPeriod
from nscl.planning.permissions import can_edit_plans

# The state is protected (changed only by transitions): cleaning would assign it, which django-fsm refuses.
FSM_FIELDS = ["status"]
TASK_FIELDS = ("area", "title", "lead_unit", "partners", "output", "start_date", "end_date", "sort_order")


def check_amount(amount: Any) -> int:
    """Money is integer đồng, never negative; a float (or a bool, or text) is refused, not rounded."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError({"amount": constants.ERROR_AMOUNT})
    return int(amount)


def editable_plan(plan: AnnualPlan | int, by: User) -> AnnualPlan:
    """Lock the plan's row and check that this user may change it now."""
    if not can_edit_plans(by):
        raise PermissionDenied(constants.ERROR_EDIT_NOT_ALLOWED)
    pk = plan if isinstance(plan, int) else plan.pk
    locked = AnnualPlan.objects.select_for_update().get(pk=pk)
    if locked.status in FROZEN_STATUSES:
        raise ValidationError(constants.ERROR_FROZEN)
    if locked.status not in EDITABLE_STATUSES:
        raise ValidationError(constants.ERROR_NOT_EDITABLE % {"status": locked.get_status_display()})
    return locked


def _save(obj: Any, by: User, reason: str = "") -> None:
    obj._history_user = by  # who, for django-simple-history, also outside a request
    if reason:
        obj._change_reason = reason[:100]
    obj.save()


@transaction.atomic
def plan_create(*, period: ProgramPeriod, year: int, title: str, by: User) -> AnnualPlan:
    """The first revision of a year's plan, as a draft."""
    if not can_edit_plans(by):
        raise PermissionDenied(constants.ERROR_EDIT_NOT_ALLOWED)
    if not period.covers(year):
        raise ValidationError({"year": constants.ERROR_YEAR_OUTSIDE_PERIOD % {"year": year, "period": period.code}})
    if AnnualPlan.objects.filter(year=year).exists():
        raise ValidationError({"year": constants.ERROR_YEAR_EXISTS % {"year": year}})
    plan = AnnualPlan(period=period, year=year, title=(title or "").strip(), created_by=by)
    plan.full_clean(exclude=FSM_FIELDS)
    _save(plan, by, "create")
    return plan


def _apply_task(task: PlanTask, data: dict[str, Any]) -> None:
    for field in TASK_FIELDS:
        if field in data:
            setattr(task, field, data[field])
    if task.start_date and task.end_date and task.end_date < task.start_date:
        raise ValidationError({"end_date": constants.ERROR_SCHEDULE})
    task.full_clean()


@transaction.atomic
def task_add(*, plan: AnnualPlan, by: User, data: dict[str, Any]) -> PlanTask:
    plan = editable_plan(plan, by)
    task = PlanTask(plan=plan)
    _apply_task(task, data)
    _save(task, by)
    if "projects" in data:
        task.projects.set(data["projects"])
    return task


@transaction.atomic
def task_update(*, task: PlanTask, by: User, data: dict[str, Any]) -> PlanTask:
    editable_plan(task.plan_id, by)
    task = PlanTask.objects.get(pk=task.pk)
    _apply_task(task, data)
    _save(task, by)
    if "projects" in data:
        task.projects.set(data["projects"])
    return task


@transaction.atomic
def budget_line_add(
    *, task: PlanTask, by: User, funding_source: str, expense_item: ExpenseItem, amount: int
) -> BudgetLine:
    editable_plan(task.plan_id, by)
    line = BudgetLine(task=task, funding_source=funding_source, expense_item=expense_item, amount=check_amount(amount))
    line.full_clean()
    _save(line, by)
    return line


@transaction.atomic
def budget_line_update(*, line: BudgetLine, by: User, data: dict[str, Any]) -> BudgetLine:
    """Change the source, the item or the amount of a line; history keeps the amount before and after."""
    editable_plan(line.task.plan_id, by)
    line = BudgetLine.objects.get(pk=line.pk)
    if "amount" in data:
        line.amount = check_amount(data["amount"])
    if "funding_source" in data:
        line.funding_source = data["funding_source"]
    if "expense_item" in data:
        line.expense_item = data["expense_item"]
    line.full_clean()
    _save(line, by)
    return line


@transaction.atomic
def budget_line_delete(*, line: BudgetLine, by: User) -> None:
    editable_plan(line.task.plan_id, by)
    line._history_user = by  # type: ignore[attr-defined]
    line.delete()
