"""Plan versus actual by task, area and funding source, against hand-computed figures, one query per level."""

import datetime
from decimal import Decimal

import pytest

from nscl.planning.choices import FundingSource, PlanStatus
from nscl.planning.selectors import (
    execution_rate,
    plan_execution_by_area,
    plan_execution_by_source,
    plan_execution_by_task,
)
from nscl.planning.services import commitment_add, disbursement_add
from nscl.planning.tests.factories import (
    AnnualPlanFactory,
    BudgetLineFactory,
    ExpenseItemFactory,
    PlanTaskFactory,
    ProgramAreaFactory,
    force_status,
)

pytestmark = pytest.mark.django_db
C, P, E = FundingSource.CENTRAL, FundingSource.PROVINCIAL, FundingSource.ENTERPRISE
DAY = datetime.date(2025, 5, 20)


@pytest.fixture
def plan(actors):
    """2025, approved.
    training / task A: a1 central 100,000,000 (committed 60m + 30m; disbursed 25,000,000 + 8,333,333)
                       a2 provincial 40,000,000 (committed 40m; disbursed 10m)
    training / task B: b1 provincial 15,500,000 (no commitment; disbursed 5m)
    award / task C:    c1 enterprise 7,000,000 (committed 7m; disbursed 7m)
    Another approved plan (2024) has a line with a commitment and a disbursement that must not count."""
    training = ProgramAreaFactory(code="training", sort_order=80)
    award = ProgramAreaFactory(code="quality-award", name_vi="Giải thưởng chất lượng", sort_order=90)
    expert, other = ExpenseItemFactory(), ExpenseItemFactory(code="other", name_vi="Chi khác")
    plan = AnnualPlanFactory(year=2025)
    a = PlanTaskFactory(plan=plan, area=training, title="A", sort_order=1)
    b = PlanTaskFactory(plan=plan, area=training, title="B", sort_order=2)
    c = PlanTaskFactory(plan=plan, area=award, title="C", sort_order=3)
    a1 = BudgetLineFactory(task=a, funding_source=C, expense_item=expert, amount=100_000_000)
    a2 = BudgetLineFactory(task=a, funding_source=P, expense_item=other, amount=40_000_000)
    b1 = BudgetLineFactory(task=b, funding_source=P, expense_item=expert, amount=15_500_000)
    c1 = BudgetLineFactory(task=c, funding_source=E, expense_item=other, amount=7_000_000)
    elsewhere = BudgetLineFactory(task=PlanTaskFactory(plan=AnnualPlanFactory(year=2024)), amount=900_000_000)
    force_status(plan, PlanStatus.APPROVED)
    force_status(elsewhere.task.plan, PlanStatus.APPROVED)
    officer = actors["officer"]

    def commit(line, amount, date=DAY):
        commitment_add(line=line, by=officer, amount=amount, date=date, reference="HĐ")

    def disburse(line, amount, date=DAY):
        disbursement_add(line=line, by=officer, amount=amount, date=date, voucher="PC")

    for line, amount in ((a1, 60_000_000), (a1, 30_000_000), (a2, 40_000_000), (c1, 7_000_000)):
        commit(line, amount)
    for line, amount in ((a1, 25_000_000), (a1, 8_333_333), (a2, 10_000_000), (b1, 5_000_000), (c1, 7_000_000)):
        disburse(line, amount)
    commit(elsewhere, 800_000_000, datetime.date(2024, 3, 1))
    disburse(elsewhere, 700_000_000, datetime.date(2024, 3, 1))
    return plan


def table(rows):
    return [(r.code, r.name, r.planned, r.committed, r.disbursed, r.remaining, r.rate) for r in rows]


def test_by_task(plan, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = plan_execution_by_task(plan=plan)
    assert table(rows) == [
        ("training", "A", 140_000_000, 130_000_000, 43_333_333, 96_666_667, Decimal("31.0")),  # 30.952…
        ("training", "B", 15_500_000, 0, 5_000_000, 10_500_000, Decimal("32.3")),  # 32.258…
        ("quality-award", "C", 7_000_000, 7_000_000, 7_000_000, 0, Decimal("100.0")),
    ]


def test_by_area(plan, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = plan_execution_by_area(plan=plan)
    assert table(rows) == [
        ("training", "Đào tạo, tập huấn", 155_500_000, 130_000_000, 48_333_333, 107_166_667, Decimal("31.1")),
        ("quality-award", "Giải thưởng chất lượng", 7_000_000, 7_000_000, 7_000_000, 0, Decimal("100.0")),
    ]


def test_by_source(plan, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = plan_execution_by_source(plan=plan)
    assert [(r.key, r.planned, r.committed, r.disbursed, r.remaining, r.rate) for r in rows] == [
        ("central", 100_000_000, 90_000_000, 33_333_333, 66_666_667, Decimal("33.3")),
        ("provincial", 55_500_000, 40_000_000, 15_000_000, 40_500_000, Decimal("27.0")),  # 27.027…
        ("enterprise", 7_000_000, 7_000_000, 7_000_000, 0, Decimal("100.0")),
        ("other", 0, 0, 0, 0, None),
    ]


@pytest.mark.parametrize(
    ("done", "planned", "rate"),
    [
        (1, 3, Decimal("33.3")),
        (2, 3, Decimal("66.7")),
        (1, 8, Decimal("12.5")),
        (1, 16, Decimal("6.3")),  # 6.25: half-up, not half-even (6.2)
        (1, 1600, Decimal("0.1")),  # 0.0625 -> 0.1
        (0, 5, Decimal("0.0")),
        (5, 5, Decimal("100.0")),
        (3, 0, None),
    ],
)
def test_execution_rate_rounds_half_up_to_one_decimal(done, planned, rate):
    assert execution_rate(done, planned) == rate
    if rate is not None:
        assert str(execution_rate(done, planned)) == str(rate)
