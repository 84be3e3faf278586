"""An adjustment (điều chỉnh): a new revision with copied content, its own approval, and the diff."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from nscl.planning import constants
from nscl.planning.choices import DiffKind, FundingSource, PlanStatus
from nscl.planning.models import BudgetLine
from nscl.planning.selectors import revision_diff
from nscl.planning.services import (
    budget_line_add,
    budget_line_delete,
    budget_line_update,
    plan_adjust,
    plan_approve,
    plan_endorse,
    plan_submit,
    plan_submit_to_committee,
    task_update,
)
from nscl.planning.tests.factories import BudgetLineFactory, ExpenseItemFactory, PlanTaskFactory, force_status

pytestmark = pytest.mark.django_db
S = PlanStatus


@pytest.fixture
def approved(plan):
    """An approved plan with two tasks and three lines."""
    task = PlanTaskFactory(plan=plan, title="Hội nghị sơ kết")
    BudgetLineFactory(task=task, funding_source=FundingSource.CENTRAL, amount=30_000_000)
    BudgetLineFactory(task=task, funding_source=FundingSource.ENTERPRISE, amount=5_000_000)
    return force_status(plan, S.APPROVED)


def test_adjust_creates_revision_two_with_copied_lines(approved, actors):
    new = plan_adjust(obj=approved, by=actors["officer"], reason="Bổ sung kinh phí giữa năm")
    assert (new.status, new.revision, new.previous_id, new.year) == (S.DRAFT, 2, approved.pk, approved.year)
    old_lines = sorted(BudgetLine.objects.filter(task__plan=approved).values_list("funding_source", "amount"))
    new_lines = sorted(BudgetLine.objects.filter(task__plan=new).values_list("funding_source", "amount"))
    assert new_lines == old_lines and len(new_lines) == 3
    assert sorted(new.tasks.values_list("title", flat=True)) == sorted(approved.tasks.values_list("title", flat=True))
    assert revision_diff(old=approved, new=new) == []
    assert new.events.get().action == "adjust"
    assert approved.events.get().data["new_plan"] == new.pk


def test_only_one_open_adjustment(approved, actors):
    plan_adjust(obj=approved, by=actors["officer"], reason="Lần 1")
    with pytest.raises(ValidationError) as caught:
        plan_adjust(obj=approved, by=actors["officer"], reason="Lần 2")
    assert caught.value.messages == [str(constants.ERROR_ADJUSTMENT_OPEN % {"revision": 2})]


def test_the_diff_shows_changes_line_by_line(approved, actors):
    officer = actors["officer"]
    new = plan_adjust(obj=approved, by=officer, reason="Điều chỉnh")
    lines = {(ln.task.title, ln.funding_source): ln for ln in BudgetLine.objects.filter(task__plan=new)}
    changed = lines[("Hội nghị sơ kết", FundingSource.CENTRAL)]
    budget_line_update(line=changed, by=officer, data={"amount": 45_000_000})
    budget_line_delete(line=lines[("Hội nghị sơ kết", FundingSource.ENTERPRISE)], by=officer)
    item = ExpenseItemFactory(code="travel", name_vi="Công tác phí")
    budget_line_add(task=changed.task, by=officer, funding_source=FundingSource.OTHER, expense_item=item, amount=2_000)
    renamed = new.tasks.exclude(pk=changed.task_id).get()
    task_update(task=renamed, by=officer, data={"title": "Tập huấn (đổi tên)"})

    rows = {(row.kind, row.task_after or row.task_before, row.source_after or row.source_before): row
            for row in revision_diff(old=approved, new=new)}  # fmt: skip
    assert len(rows) == 4
    amount = rows[(DiffKind.CHANGED, "Hội nghị sơ kết", FundingSource.CENTRAL)]
    assert (amount.amount_before, amount.amount_after, amount.delta) == (30_000_000, 45_000_000, 15_000_000)
    removed = rows[(DiffKind.REMOVED, "Hội nghị sơ kết", FundingSource.ENTERPRISE)]
    assert (removed.amount_before, removed.amount_after) == (5_000_000, None)
    added = rows[(DiffKind.ADDED, "Hội nghị sơ kết", FundingSource.OTHER)]
    assert (added.item_after, added.amount_before, added.amount_after) == ("Công tác phí", None, 2_000)
    title = rows[(DiffKind.CHANGED, "Tập huấn (đổi tên)", FundingSource.PROVINCIAL)]
    assert title.task_before != title.task_after and title.amount_before == title.amount_after == 50_000_000


def test_the_adjustment_goes_through_approval_and_supersedes(approved, actors, django_capture_on_commit_callbacks):
    officer, board = actors["officer"], actors["board"]
    new = plan_adjust(obj=approved, by=officer, reason="Điều chỉnh")
    for service, user in [(plan_submit, officer), (plan_endorse, board), (plan_submit_to_committee, officer)]:
        new = service(obj=new, by=user)
    assert approved.__class__.objects.get(pk=approved.pk).status == S.APPROVED  # in force until then
    new = plan_approve(obj=new, by=officer, decision_number="99/QĐ-UBND", decision_date=datetime.date(2025, 7, 1))
    old = approved.__class__.objects.get(pk=approved.pk)
    assert (new.status, old.status) == (S.APPROVED, S.SUPERSEDED)
    event = old.events.latest("id")
    assert (event.action, event.from_status, event.to_status, event.by) == (
        "supersede",
        S.APPROVED,
        S.SUPERSEDED,
        officer,
    )
    assert old.history.latest().history_user == officer
    # The superseded plan is frozen like an approved one, and cannot be adjusted again.
    with pytest.raises(ValidationError):
        plan_adjust(obj=old, by=officer, reason="Lại")
    assert plan_adjust(obj=new, by=officer, reason="Lần hai").revision == 3
