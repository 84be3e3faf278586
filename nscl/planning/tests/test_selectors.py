"""Plan totals against hand-computed figures, each in one query."""

import pytest

from nscl.planning.choices import FundingSource
from nscl.planning.selectors import plan_total, plan_totals_by_area, plan_totals_by_source, plan_totals_by_task
from nscl.planning.tests.factories import (
    AnnualPlanFactory,
    BudgetLineFactory,
    ExpenseItemFactory,
    PlanTaskFactory,
    ProgramAreaFactory,
)

pytestmark = pytest.mark.django_db
C, P, E = FundingSource.CENTRAL, FundingSource.PROVINCIAL, FundingSource.ENTERPRISE


@pytest.fixture
def plan():
    """Training: task A (central 100m + provincial 40m), task B (provincial 15.5m);
    award: task C (enterprise 7m + provincial 0); another plan's line must not count."""
    training = ProgramAreaFactory(code="training", sort_order=80)
    award = ProgramAreaFactory(code="quality-award", name_vi="Giải thưởng chất lượng", sort_order=90)
    expert, other = ExpenseItemFactory(), ExpenseItemFactory(code="other", name_vi="Chi khác")
    plan = AnnualPlanFactory()
    a = PlanTaskFactory(plan=plan, area=training, title="A", sort_order=1)
    b = PlanTaskFactory(plan=plan, area=training, title="B", sort_order=2)
    c = PlanTaskFactory(plan=plan, area=award, title="C", sort_order=3)
    PlanTaskFactory(plan=plan, area=award, title="D (chưa có kinh phí)", sort_order=4)
    BudgetLineFactory(task=a, funding_source=C, expense_item=expert, amount=100_000_000)
    BudgetLineFactory(task=a, funding_source=P, expense_item=other, amount=40_000_000)
    BudgetLineFactory(task=b, funding_source=P, expense_item=expert, amount=15_500_000)
    BudgetLineFactory(task=c, funding_source=E, expense_item=other, amount=7_000_000)
    BudgetLineFactory(task=c, funding_source=P, expense_item=other, amount=0)
    BudgetLineFactory(amount=999_999_999)  # another plan
    return plan


def test_totals_by_area(plan, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = plan_totals_by_area(plan=plan)
    assert [(r["code"], r["total"]) for r in rows] == [("training", 155_500_000), ("quality-award", 7_000_000)]


def test_totals_by_source(plan, django_assert_num_queries):
    with django_assert_num_queries(1):
        totals = plan_totals_by_source(plan=plan)
    assert totals == {"central": 100_000_000, "provincial": 55_500_000, "enterprise": 7_000_000, "other": 0}
    assert sum(totals.values()) == plan_total(plan=plan) == 162_500_000


def test_totals_by_task(plan, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = [(t.title, t.area.code, t.total) for t in plan_totals_by_task(plan=plan)]
    assert rows == [
        ("A", "training", 140_000_000),
        ("B", "training", 15_500_000),
        ("C", "quality-award", 7_000_000),
        ("D (chưa có kinh phí)", "quality-award", 0),
    ]
