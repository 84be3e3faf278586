"""The demo plans: loaded through the services, idempotent, fast, with the figures the demo data add up to."""

import time
from decimal import Decimal

import pytest

from nscl.accounts.demo import load as accounts_load
from nscl.planning import demo
from nscl.planning.choices import PlanStatus
from nscl.planning.models import AnnualPlan, BudgetLine, Commitment, Disbursement, PlanEvent
from nscl.planning.selectors import plan_execution_by_source, plan_total

pytestmark = pytest.mark.django_db


def test_demo_loads_once_fast_and_is_idempotent():
    accounts_load()
    started = time.perf_counter()
    assert demo.load() == 2
    assert time.perf_counter() - started < 2
    counts = (AnnualPlan.objects.count(), BudgetLine.objects.count(), Disbursement.objects.count())
    assert demo.load() == 0
    assert (AnnualPlan.objects.count(), BudgetLine.objects.count(), Disbursement.objects.count()) == counts

    plan = AnnualPlan.objects.get(year=2025)
    assert plan.status == PlanStatus.APPROVED and plan.decision_number == "999/QĐ-UBND (minh họa)"
    assert "minh họa" in plan.title and 8 <= plan.tasks.count() <= 12
    assert list(PlanEvent.objects.filter(plan=plan).values_list("action", "by__username")) == [
        ("submit", "canbo"), ("endorse", "bandieuhanh"), ("submit_to_committee", "canbo"), ("approve", "canbo"),
    ]  # fmt: skip
    draft = AnnualPlan.objects.get(year=2026)
    assert draft.status == PlanStatus.DRAFT and draft.period.code == "2026-2030"
    assert not Disbursement.objects.filter(budget_line__task__plan=draft).exists()

    # By hand from demo.py: provincial 240+480+60+75+90+30+120+80+650+40+45+15+110+95+35 = 2,165 million;
    # central 300+400+250 = 950 million; enterprise 160+320+200 = 680 million.
    assert plan_total(plan=plan) == 3_795_000_000
    assert Commitment.objects.count() == 3
    rows = {r.key: (r.planned, r.committed, r.disbursed, r.rate) for r in plan_execution_by_source(plan=plan)}
    assert rows == {
        # central: committed 300; disbursed 150 (5S) + 125 (training) = 275 of 950 -> 28.947… %
        "central": (950_000_000, 300_000_000, 275_000_000, Decimal("28.9")),
        # provincial: committed 480 + 648; disbursed 432 + 118.5 + 62 + 648 + 55 + 47.5 = 1,363 of 2,165 -> 62.956… %
        "provincial": (2_165_000_000, 1_128_000_000, 1_363_000_000, Decimal("63.0")),
        "enterprise": (680_000_000, 0, 0, Decimal("0.0")),
        "other": (0, 0, 0, None),
    }


def test_demo_without_demo_users_creates_nothing():
    assert demo.load() == 0
    assert not AnnualPlan.objects.exists()
