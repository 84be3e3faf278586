"""Editing a plan: who may, in which states (an approved plan is frozen), and the money rules."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from nscl.enterprises.tests.factories import EnterpriseFactory
from nscl.planning import constants
from nscl.planning.choices import EDITABLE_STATUSES, FROZEN_STATUSES, FundingSource, PlanStatus
from nscl.planning.models import AnnualPlan, BudgetLine, PlanTask
from nscl.planning.services import (
    budget_line_add,
    budget_line_delete,
    budget_line_update,
    plan_create,
    task_add,
    task_update,
)
from nscl.planning.tests.factories import (
    ExpenseItemFactory,
    ProgramAreaFactory,
    ProgramPeriodFactory,
    force_status,
)

pytestmark = pytest.mark.django_db
S = PlanStatus


def edits(plan):
    """One call of each editing service on this plan, keyed by name."""
    task = plan.tasks.first()
    line = BudgetLine.objects.filter(task__plan=plan).first()
    item = ExpenseItemFactory()
    data = {"area": ProgramAreaFactory(), "title": "Hội thảo 5S", "lead_unit": "Sở KH&CN"}
    return {
        "task_add": lambda by: task_add(plan=plan, by=by, data=data),
        "task_update": lambda by: task_update(task=task, by=by, data={"title": "Tên mới"}),
        "budget_line_add": lambda by: budget_line_add(
            task=task, by=by, funding_source=FundingSource.CENTRAL, expense_item=item, amount=1_000_000
        ),
        "budget_line_update": lambda by: budget_line_update(line=line, by=by, data={"amount": 7}),
        "budget_line_delete": lambda by: budget_line_delete(line=line, by=by),
    }


EDITS = ["task_add", "task_update", "budget_line_add", "budget_line_update", "budget_line_delete"]


@pytest.mark.parametrize("name", EDITS)
@pytest.mark.parametrize("state", EDITABLE_STATUSES)
def test_officers_edit_a_draft_or_returned_plan(name, state, plan, actors):
    plan = force_status(plan, state)
    edits(plan)[name](actors["officer"])


@pytest.mark.parametrize("name", EDITS)
@pytest.mark.parametrize("who", ["board", "admin", "enterprise", "expert", "no_role"])
def test_only_officers_edit(name, who, plan, actors):
    with pytest.raises(PermissionDenied, match=str(constants.ERROR_EDIT_NOT_ALLOWED)):
        edits(plan)[name](actors[who])


@pytest.mark.parametrize("name", EDITS)
@pytest.mark.parametrize("state", FROZEN_STATUSES)
def test_an_approved_plan_is_frozen(name, state, plan, actors):
    plan = force_status(plan, state)
    before = list(BudgetLine.objects.values_list("id", "amount"))
    with pytest.raises(ValidationError) as caught:
        edits(plan)[name](actors["officer"])
    assert caught.value.messages == [str(constants.ERROR_FROZEN)]
    assert list(BudgetLine.objects.values_list("id", "amount")) == before
    assert PlanTask.objects.count() == 1


@pytest.mark.parametrize("state", [S.SUBMITTED_TO_BOARD, S.ENDORSED, S.SUBMITTED_TO_COMMITTEE])
def test_a_plan_under_review_is_not_edited(state, plan, actors):
    plan = force_status(plan, state)
    with pytest.raises(ValidationError) as caught:
        edits(plan)["budget_line_update"](actors["officer"])
    assert caught.value.messages[0].startswith("Chỉ sửa được kế hoạch đang soạn hoặc bị trả lại")


@pytest.mark.parametrize("amount", [-1, 1.0, 2.5, "100", None, True, -10_000_000])
def test_money_is_a_non_negative_integer(amount, plan, actors):
    task = plan.tasks.get()
    with pytest.raises(ValidationError) as caught:
        budget_line_add(
            task=task, by=actors["officer"], funding_source=FundingSource.OTHER,
            expense_item=ExpenseItemFactory(), amount=amount,
        )  # fmt: skip
    assert caught.value.message_dict["amount"] == [str(constants.ERROR_AMOUNT)]
    line = BudgetLine.objects.get()
    with pytest.raises(ValidationError):
        budget_line_update(line=line, by=actors["officer"], data={"amount": amount})
    assert BudgetLine.objects.get().amount == 50_000_000


def test_the_database_refuses_a_negative_amount(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetLine.objects.filter(task__plan=plan).update(amount=-1)


def test_big_amounts_fit(plan, actors):
    line = budget_line_update(line=BudgetLine.objects.get(), by=actors["officer"], data={"amount": 9 * 10**15})
    assert BudgetLine.objects.get(pk=line.pk).amount == 9 * 10**15


def test_money_changes_keep_who_and_before_after(plan, actors):
    line = BudgetLine.objects.get()
    budget_line_update(line=line, by=actors["officer"], data={"amount": 70_000_000})
    amounts = list(line.history.order_by("history_date").values_list("amount", "history_user"))
    assert amounts[-2:] == [(50_000_000, None), (70_000_000, actors["officer"].pk)]


def test_a_task_schedule_runs_forward(plan, actors):
    task = plan.tasks.get()
    with pytest.raises(ValidationError) as caught:
        task_update(task=task, by=actors["officer"],
                    data={"start_date": datetime.date(2025, 5, 1), "end_date": datetime.date(2025, 4, 1)})  # fmt: skip
    assert caught.value.message_dict["end_date"] == [str(constants.ERROR_SCHEDULE)]


def test_a_task_links_support_projects(plan, actors):
    # planning and projects are sibling layers (pyproject.toml): the model is reached through the relation.
    support_project = PlanTask._meta.get_field("projects").related_model
    project = support_project.objects.create(enterprise=EnterpriseFactory(), title="Áp dụng ISO 9001")
    task = task_update(task=plan.tasks.get(), by=actors["officer"], data={"projects": [project]})
    assert list(task.projects.all()) == [project]


def test_plan_create_one_per_year_within_the_period(actors):
    period = ProgramPeriodFactory()
    officer = actors["officer"]
    plan = plan_create(period=period, year=2024, title="Kế hoạch NSCL năm 2024", by=officer)
    assert (plan.status, plan.revision, plan.created_by) == (S.DRAFT, 1, officer)
    assert plan.history.get().history_user == officer
    with pytest.raises(ValidationError) as caught:
        plan_create(period=period, year=2024, title="Lần hai", by=officer)
    assert caught.value.message_dict["year"] == [str(constants.ERROR_YEAR_EXISTS % {"year": 2024})]
    with pytest.raises(ValidationError) as caught:
        plan_create(period=period, year=2030, title="Ngoài giai đoạn", by=officer)
    assert "2030" in caught.value.message_dict["year"][0]
    with pytest.raises(PermissionDenied):
        plan_create(period=period, year=2023, title="Ban điều hành lập", by=actors["board"])
    assert AnnualPlan.objects.count() == 1
