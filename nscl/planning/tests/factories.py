"""Factories for the planning tests: periods, areas and expense items (get-or-create by code), plans, tasks, lines."""

import factory

from nscl.planning.choices import FundingSource
from nscl.planning.models import AnnualPlan, BudgetLine, ExpenseItem, PlanTask, ProgramArea, ProgramPeriod

__all__ = [
    "AnnualPlanFactory",
    "BudgetLineFactory",
    "ExpenseItemFactory",
    "PlanTaskFactory",
    "ProgramAreaFactory",
    "ProgramPeriodFactory",
    "force_status",
    "ready_plan",
]


class ProgramPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramPeriod
        django_get_or_create = ("code",)

    code = "2021-2025"
    name = "Giai đoạn 2021-2025"
    start_year = 2021
    end_year = 2025


class ProgramAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramArea
        django_get_or_create = ("code",)

    code = "training"
    name_vi = "Đào tạo, tập huấn"
    sort_order = 80


class ExpenseItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpenseItem
        django_get_or_create = ("code",)

    code = "experts"
    name_vi = "Thuê chuyên gia"
    sort_order = 20


class AnnualPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualPlan

    period = factory.SubFactory(ProgramPeriodFactory)
    year = factory.Sequence(lambda n: 2021 + n)  # one plan per year: each factory plan its own year
    title = factory.LazyAttribute(lambda p: f"Kế hoạch thực hiện Chương trình NSCL năm {p.year}")


class PlanTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanTask

    plan = factory.SubFactory(AnnualPlanFactory)
    area = factory.SubFactory(ProgramAreaFactory)
    title = factory.Sequence(lambda n: f"Tập huấn công cụ cải tiến số {n}")
    lead_unit = "Sở Khoa học và Công nghệ"
    sort_order = factory.Sequence(int)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    task = factory.SubFactory(PlanTaskFactory)
    funding_source = FundingSource.PROVINCIAL
    expense_item = factory.SubFactory(ExpenseItemFactory)
    amount = 50_000_000


def ready_plan(**kwargs) -> AnnualPlan:
    """A draft with one task and one line above zero: it passes the submit check."""
    plan = AnnualPlanFactory(**kwargs)
    BudgetLineFactory(task=PlanTaskFactory(plan=plan))
    return plan


def force_status(plan: AnnualPlan, status: str) -> AnnualPlan:
    """Put a test plan in a state without the workflow (tests only: STYLE rule 24 forbids it elsewhere)."""
    AnnualPlan.objects.filter(pk=plan.pk).update(status=status)
    return AnnualPlan.objects.get(pk=plan.pk)
