"""Reads of annual plans: totals (one grouped query each) and the line-by-line difference of two revisions."""

from dataclasses import dataclass

from django.db.models import QuerySet, Sum
from django.db.models.functions import Coalesce

from nscl.planning.choices import DiffKind, FundingSource
from nscl.planning.models import AnnualPlan, BudgetLine, PlanTask


def plan_total(*, plan: AnnualPlan) -> int:
    return BudgetLine.objects.filter(task__plan=plan).aggregate(total=Coalesce(Sum("amount"), 0))["total"]


def plan_totals_by_area(*, plan: AnnualPlan) -> list[dict]:
    """One row per area that has lines: area id, code, name and total đồng, in the areas' order."""
    rows = (
        BudgetLine.objects.filter(task__plan=plan)
        .values("task__area_id", "task__area__code", "task__area__name_vi", "task__area__sort_order")
        .annotate(total=Sum("amount"))
        .order_by("task__area__sort_order", "task__area__code")
    )
    return [
        {
            "area_id": r["task__area_id"],
            "code": r["task__area__code"],
            "name": r["task__area__name_vi"],
            "total": r["total"],
        }
        for r in rows
    ]


def plan_totals_by_source(*, plan: AnnualPlan) -> dict[str, int]:
    """Every funding source, in the choices' order, with 0 for a source without lines."""
    found = dict(
        BudgetLine.objects.filter(task__plan=plan)
        .values_list("funding_source")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {source: found.get(source, 0) for source in FundingSource.values}


def plan_totals_by_task(*, plan: AnnualPlan) -> QuerySet[PlanTask]:
    """The plan's tasks with their area, each annotated with ``total`` (0 for a task without lines)."""
    return (
        PlanTask.objects.filter(plan=plan)
        .select_related("area")
        .annotate(total=Coalesce(Sum("budget_lines__amount"), 0))
        .order_by("area__sort_order", "sort_order", "id")
    )


@dataclass(frozen=True)
class DiffRow:
    """One budget line that differs between two revisions: before (None when added) and after (None when removed)."""

    kind: str
    task_before: str | None
    task_after: str | None
    source_before: str | None
    source_after: str | None
    item_before: str | None
    item_after: str | None
    amount_before: int | None
    amount_after: int | None

    @property
    def delta(self) -> int:
        return (self.amount_after or 0) - (self.amount_before or 0)


def _lines(plan: AnnualPlan) -> list[BudgetLine]:
    return list(
        BudgetLine.objects.filter(task__plan=plan)
        .select_related("task", "expense_item")
        .order_by("task__sort_order", "task_id", "id")
    )


def _facts(line: BudgetLine | None) -> tuple:
    if line is None:
        return (None, None, None, None)
    return (line.task.title, line.funding_source, line.expense_item.name_vi, line.amount)


def _row(kind: str, before: BudgetLine | None, after: BudgetLine | None) -> DiffRow:
    (tb, sb, ib, ab), (ta, sa, ia, aa) = _facts(before), _facts(after)
    return DiffRow(kind, tb, ta, sb, sa, ib, ia, ab, aa)


def revision_diff(*, old: AnnualPlan, new: AnnualPlan) -> list[DiffRow]:
    """What an adjustment changed, line by line: lines added, removed, or changed (task title, source, item,
    amount). A copied line is matched to the line it was copied from; unchanged lines are left out."""
    old_lines = {line.pk: line for line in _lines(old)}
    rows, matched = [], set()
    for line in _lines(new):
        before = old_lines.get(line.origin_id) if line.origin_id else None
        if before is None:
            rows.append(_row(DiffKind.ADDED, None, line))
            continue
        matched.add(before.pk)
        if _facts(before) != _facts(line):
            rows.append(_row(DiffKind.CHANGED, before, line))
    rows.extend(_row(DiffKind.REMOVED, line, None) for pk, line in old_lines.items() if pk not in matched)
    return rows
