"""Approving an adjustment hands the year's commitments and disbursements over to the new revision."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from nscl.core.formatting import format_money
from nscl.planning import constants
from nscl.planning.choices import FundingSource, PlanStatus
from nscl.planning.models import AnnualPlan, BudgetLine, Commitment, Disbursement
from nscl.planning.selectors import plan_execution_by_source
from nscl.planning.services import (
    budget_line_delete,
    budget_line_update,
    commitment_add,
    disbursement_add,
    plan_adjust,
    plan_approve,
    plan_endorse,
    plan_submit,
    plan_submit_to_committee,
)
from nscl.planning.services.execution import line_label
from nscl.planning.tests.factories import AnnualPlanFactory, BudgetLineFactory, PlanTaskFactory, force_status

pytestmark = pytest.mark.django_db
S = PlanStatus
DAY = datetime.date(2025, 5, 20)


@pytest.fixture
def executed(actors):
    """The approved 2025 plan: a provincial line of 50m with 30m committed and 20m disbursed under it,
    and a central line of 10m with 4m disbursed; plus an untouched enterprise line of 5m."""
    plan = AnnualPlanFactory(year=2025)
    task = PlanTaskFactory(plan=plan, title="Hỗ trợ áp dụng ISO 9001")
    provincial = BudgetLineFactory(task=task, funding_source=FundingSource.PROVINCIAL, amount=50_000_000)
    central = BudgetLineFactory(task=task, funding_source=FundingSource.CENTRAL, amount=10_000_000)
    BudgetLineFactory(task=task, funding_source=FundingSource.ENTERPRISE, amount=5_000_000)
    plan = force_status(plan, S.APPROVED)
    officer = actors["officer"]
    commitment = commitment_add(line=provincial, by=officer, amount=30_000_000, date=DAY, reference="HĐ 05/2025")
    disbursement_add(line=provincial, by=officer, amount=20_000_000, date=DAY, voucher="PC-1", commitment=commitment)
    disbursement_add(line=central, by=officer, amount=4_000_000, date=DAY, voucher="PC-2")
    return plan


def _new_line(new, source):
    return BudgetLine.objects.select_related("task", "expense_item").get(task__plan=new, funding_source=source)


def _through_approval(new, actors, *, decision="15/QĐ-UBND"):
    officer, board = actors["officer"], actors["board"]
    new = plan_submit(obj=new, by=officer)
    new = plan_endorse(obj=new, by=board)
    new = plan_submit_to_committee(obj=new, by=officer)
    return plan_approve(obj=new, by=officer, decision_number=decision, decision_date=datetime.date(2025, 7, 1))


def test_approval_moves_the_records_to_the_new_lines(executed, actors):
    officer = actors["officer"]
    new = plan_adjust(obj=executed, by=officer, reason="Tăng kinh phí tỉnh")
    budget_line_update(line=_new_line(new, FundingSource.PROVINCIAL), by=officer, data={"amount": 70_000_000})
    new = _through_approval(new, actors)

    provincial = _new_line(new, FundingSource.PROVINCIAL)
    central = _new_line(new, FundingSource.CENTRAL)
    assert Commitment.objects.get().budget_line == provincial
    assert sorted(Disbursement.objects.values_list("budget_line_id", "amount")) == sorted(
        [(provincial.pk, 20_000_000), (central.pk, 4_000_000)]
    )
    # hand-computed: provincial 70m planned / 30m committed / 20m disbursed; central 10m / 0 / 4m
    rows = {row.key: row for row in plan_execution_by_source(plan=new)}
    assert (rows["provincial"].planned, rows["provincial"].committed, rows["provincial"].disbursed) == (
        70_000_000,
        30_000_000,
        20_000_000,
    )
    assert (rows["central"].planned, rows["central"].disbursed) == (10_000_000, 4_000_000)
    assert str(rows["provincial"].rate) == "28.6"  # 20 / 70 = 28.57 -> 28.6
    old = AnnualPlan.objects.get(pk=executed.pk)
    assert old.status == S.SUPERSEDED
    assert plan_execution_by_source(plan=old)[0].disbursed == 0
    event = old.events.get(action="supersede")
    assert (event.data["commitments"], event.data["disbursements"]) == (1, 2)
    moved = Disbursement.history.filter(history_change_reason="carried to revision 2")
    assert moved.count() == 2 and {h.history_user for h in moved} == {officer}


def test_after_the_carry_the_new_revision_takes_more_records_up_to_its_line(executed, actors):
    officer = actors["officer"]
    new = plan_adjust(obj=executed, by=officer, reason="Tăng kinh phí tỉnh")
    budget_line_update(line=_new_line(new, FundingSource.PROVINCIAL), by=officer, data={"amount": 60_000_000})
    new = _through_approval(new, actors)
    line = _new_line(new, FundingSource.PROVINCIAL)
    disbursement_add(line=line, by=officer, amount=40_000_000, date=DAY, voucher="PC-3")  # 20 + 40 = 60: fits
    with pytest.raises(ValidationError):
        disbursement_add(line=line, by=officer, amount=1, date=DAY, voucher="PC-4")


def test_the_old_revision_takes_no_more_records_once_superseded(executed, actors):
    officer = actors["officer"]
    old_line = BudgetLine.objects.get(task__plan=executed, funding_source=FundingSource.ENTERPRISE)
    _through_approval(plan_adjust(obj=executed, by=officer, reason="Điều chỉnh"), actors)
    with pytest.raises(ValidationError):
        disbursement_add(line=old_line, by=officer, amount=1_000_000, date=DAY, voucher="PC-9")


def test_an_adjustment_cannot_cut_a_line_below_what_was_done(executed, actors):
    officer = actors["officer"]
    new = plan_adjust(obj=executed, by=officer, reason="Giảm kinh phí")
    line = _new_line(new, FundingSource.PROVINCIAL)
    budget_line_update(line=line, by=officer, data={"amount": 25_000_000})  # committed 30m
    with pytest.raises(ValidationError) as caught:
        plan_submit(obj=new, by=officer)
    expected = constants.ERROR_CARRY_BELOW_DONE % {
        "line": line_label(line),
        "amount": format_money(25_000_000),
        "done": format_money(30_000_000),
    }
    assert caught.value.messages == [str(expected)]
    assert AnnualPlan.objects.get(pk=new.pk).status == S.DRAFT


def test_an_adjustment_cannot_remove_a_line_with_records(executed, actors):
    officer = actors["officer"]
    new = plan_adjust(obj=executed, by=officer, reason="Bỏ dòng trung ương")
    budget_line_delete(line=_new_line(new, FundingSource.CENTRAL), by=officer)
    with pytest.raises(ValidationError) as caught:
        plan_submit(obj=new, by=officer)
    old = BudgetLine.objects.select_related("task", "expense_item").get(
        task__plan=executed, funding_source=FundingSource.CENTRAL
    )
    expected = constants.ERROR_CARRY_REMOVED % {"line": line_label(old), "done": format_money(4_000_000)}
    assert caught.value.messages == [str(expected)]


def test_removing_an_untouched_line_is_fine(executed, actors):
    officer = actors["officer"]
    new = plan_adjust(obj=executed, by=officer, reason="Bỏ dòng đối ứng")
    budget_line_delete(line=_new_line(new, FundingSource.ENTERPRISE), by=officer)
    new = _through_approval(new, actors)
    assert new.status == S.APPROVED
    assert Disbursement.objects.filter(budget_line__task__plan=new).count() == 2


def test_records_added_after_submission_are_checked_again_at_approval(executed, actors):
    """The old revision stays in force while the adjustment is on its way: the approval re-checks."""
    officer, board = actors["officer"], actors["board"]
    new = plan_adjust(obj=executed, by=officer, reason="Giảm kinh phí")
    budget_line_update(line=_new_line(new, FundingSource.CENTRAL), by=officer, data={"amount": 6_000_000})
    new = plan_submit_to_committee(obj=plan_endorse(obj=plan_submit(obj=new, by=officer), by=board), by=officer)
    old_central = BudgetLine.objects.get(task__plan=executed, funding_source=FundingSource.CENTRAL)
    disbursement_add(line=old_central, by=officer, amount=3_000_000, date=DAY, voucher="PC-5")  # 7m done now
    with pytest.raises(ValidationError):
        plan_approve(obj=new, by=officer, decision_number="16/QĐ-UBND", decision_date=datetime.date(2025, 7, 2))
    assert AnnualPlan.objects.get(pk=new.pk).status == S.SUBMITTED_TO_COMMITTEE
    assert AnnualPlan.objects.get(pk=executed.pk).status == S.APPROVED
    assert Disbursement.objects.filter(budget_line=old_central).count() == 2
