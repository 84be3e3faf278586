"""Reads of annual plans: totals (one grouped query each) and the line-by-line difference of two revisions."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import BigIntegerField, Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from nscl.core.history import HistoryEntry, HistorySource, history_list
from nscl.planning.choices import DiffKind, FundingSource
from nscl.planning.models import AnnualPlan, BudgetLine, Commitment, Disbursement, PlanTask
from nscl.projects.choices import APPROVED_ONWARDS


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

    @property
    def source_label_before(self) -> str | None:
        return str(FundingSource(self.source_before).label) if self.source_before else None

    @property
    def source_label_after(self) -> str | None:
        return str(FundingSource(self.source_after).label) if self.source_after else None


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


# -- plan versus actual -----------------------------------------------------------------------------


def execution_rate(done: int, planned: int) -> Decimal | None:
    """``done`` as a percentage of ``planned``, rounded half-up to one decimal, in integer arithmetic; None
    when nothing is planned. 1 of 3 -> 33.3; 1 of 8 (12.5) -> 12.5; 1 of 16 (6.25) -> 6.3."""
    if planned <= 0:
        return None
    tenths = (done * 2000 + planned) // (2 * planned)
    return (Decimal(tenths) / 10).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class ExecutionRow:
    """Plan versus actual for one task, area or funding source, in integer đồng."""

    key: object
    code: str
    name: str
    planned: int
    committed: int
    disbursed: int

    @property
    def remaining(self) -> int:
        """What is still to be disbursed of the planned amount."""
        return self.planned - self.disbursed

    @property
    def rate(self) -> Decimal | None:
        """The execution rate: disbursed over planned, in percent."""
        return execution_rate(self.disbursed, self.planned)


def outer_total(rows: QuerySet, key: str, aggregate, output_field=None) -> Coalesce:
    """A correlated subquery: ``aggregate`` over ``rows`` (already filtered on an OuterRef) grouped by
    ``key``, 0 when there are none. Annotating with it never multiplies the outer rows, as a join would."""
    per_outer = rows.order_by().values(key).annotate(total=aggregate).values("total")
    return Coalesce(Subquery(per_outer, output_field=output_field or BigIntegerField()), 0)


def line_sum(model: type[Commitment] | type[Disbursement]) -> Coalesce:
    """The sum of ``model``'s amounts on one budget line (an index probe per line)."""
    return outer_total(model.objects.filter(budget_line=OuterRef("pk")), "budget_line", Sum("amount"))


def _execution(plan: AnnualPlan, group: list[str], order: list[str]) -> list[dict]:
    """One grouped query: the plan's lines, each with its committed and disbursed sums, grouped by ``group``."""
    return list(
        BudgetLine.objects.filter(task__plan=plan)
        .annotate(line_committed=line_sum(Commitment), line_disbursed=line_sum(Disbursement))
        .values(*group)
        .annotate(planned=Sum("amount"), committed=Sum("line_committed"), disbursed=Sum("line_disbursed"))
        .order_by(*order)
    )


def _execution_row(key: object, code: str, name: str, r: dict) -> ExecutionRow:
    return ExecutionRow(key, code, name, int(r["planned"]), int(r["committed"] or 0), int(r["disbursed"] or 0))


def plan_execution_by_task(*, plan: AnnualPlan) -> list[ExecutionRow]:
    """Every task with budget lines, in the areas' and the tasks' order (key: the task id; code: the area's)."""
    rows = _execution(
        plan,
        ["task_id", "task__title", "task__area__code", "task__area__sort_order", "task__sort_order"],
        ["task__area__sort_order", "task__sort_order", "task_id"],
    )
    return [_execution_row(r["task_id"], r["task__area__code"], r["task__title"], r) for r in rows]


def plan_execution_by_area(*, plan: AnnualPlan) -> list[ExecutionRow]:
    """Every area with budget lines, in the areas' order (key: the area id)."""
    rows = _execution(
        plan,
        ["task__area_id", "task__area__code", "task__area__name_vi", "task__area__sort_order"],
        ["task__area__sort_order", "task__area__code"],
    )
    return [_execution_row(r["task__area_id"], r["task__area__code"], r["task__area__name_vi"], r) for r in rows]


def plan_execution_by_source(*, plan: AnnualPlan) -> list[ExecutionRow]:
    """Every funding source in the choices' order, with zeros for a source without lines."""
    found = {r["funding_source"]: r for r in _execution(plan, ["funding_source"], ["funding_source"])}
    empty = {"planned": 0, "committed": 0, "disbursed": 0}
    return [
        _execution_row(source, source, str(label), found.get(source, empty)) for source, label in FundingSource.choices
    ]


# -- the pages: lists, one plan, one task, history ----------------------------------------------------


def _plan_total_subquery() -> Coalesce:
    return outer_total(BudgetLine.objects.filter(task__plan=OuterRef("pk")), "task__plan", Sum("amount"))


def plan_list() -> QuerySet[AnnualPlan]:
    """Every revision of every year, newest first, each with its ``total`` (one query)."""
    return AnnualPlan.objects.select_related("period").annotate(total=_plan_total_subquery())


def plan_get(*, pk: int) -> AnnualPlan:
    """One plan with its period, the revision before it and the one after it (404 when missing)."""
    plan = get_object_or_404(AnnualPlan.objects.select_related("period", "previous", "created_by"), pk=pk)
    plan.next = AnnualPlan.objects.filter(previous=plan).only("pk", "revision", "status").first()
    return plan


def _linked_projects(**conditions) -> QuerySet:
    return PlanTask.projects.through.objects.filter(plantask_id=OuterRef("pk"), **conditions)


def _linked_projects_sum() -> Coalesce:
    """The approved amounts of a task's linked projects that were approved (or went further)."""
    linked = _linked_projects(supportproject__status__in=APPROVED_ONWARDS)
    return outer_total(linked, "plantask_id", Sum("supportproject__approved_amount"))


def _linked_projects_count() -> Coalesce:
    return outer_total(_linked_projects(), "plantask_id", Count("pk"), IntegerField())


def plan_tasks(*, plan: AnnualPlan) -> QuerySet[PlanTask]:
    """The plan's tasks in the areas' order, each with ``total`` (its lines), ``project_count`` and
    ``project_amount`` (what its linked projects roll up) and its lines prefetched: three queries."""
    lines = BudgetLine.objects.select_related("expense_item").order_by("funding_source", "expense_item__sort_order")
    return (
        PlanTask.objects.filter(plan=plan)
        .select_related("area")
        .annotate(
            total=Coalesce(Sum("budget_lines__amount"), 0),
            project_count=_linked_projects_count(),
            project_amount=_linked_projects_sum(),
        )
        .prefetch_related(Prefetch("budget_lines", queryset=lines))
        .order_by("area__sort_order", "sort_order", "id")
    )


def task_get(*, plan: AnnualPlan, pk: int) -> PlanTask:
    return get_object_or_404(PlanTask.objects.select_related("area"), plan=plan, pk=pk)


def task_lines(*, task: PlanTask) -> list[BudgetLine]:
    """The task's lines with ``committed`` and ``disbursed`` sums and their records prefetched."""
    return list(
        BudgetLine.objects.filter(task=task)
        .select_related("expense_item")
        .annotate(committed=line_sum(Commitment), disbursed=line_sum(Disbursement))
        .prefetch_related(
            Prefetch("commitments", queryset=Commitment.objects.select_related("by").order_by("date", "id")),
            Prefetch(
                "disbursements", queryset=Disbursement.objects.select_related("by", "commitment").order_by("date", "id")
            ),
        )
        .order_by("funding_source", "expense_item__sort_order", "id")
    )


def task_projects(*, task: PlanTask) -> QuerySet:
    return task.projects.select_related("enterprise").order_by("enterprise__name_vi", "title")


MONEY_FIELDS = ("amount",)


def plan_history(*, plan: AnnualPlan, limit: int = 50) -> list[HistoryEntry]:
    """Changes to the plan, its tasks, lines, commitments and disbursements, newest first (one query each;
    the ids come from the history tables, so deleted tasks and lines keep their entries)."""
    task_ids = PlanTask.history.filter(plan_id=plan.pk).values("id")
    line_ids = BudgetLine.history.filter(task_id__in=task_ids).values("id")
    return history_list(
        sources=[
            HistorySource(AnnualPlan.history.filter(id=plan.pk), str(AnnualPlan._meta.verbose_name), ("title",)),
            HistorySource(PlanTask.history.filter(plan_id=plan.pk), str(PlanTask._meta.verbose_name), ("title",)),
            HistorySource(
                BudgetLine.history.filter(task_id__in=task_ids),
                str(BudgetLine._meta.verbose_name),
                ("funding_source", "expense_item"),
            ),
            HistorySource(
                Commitment.history.filter(budget_line_id__in=line_ids),
                str(Commitment._meta.verbose_name),
                ("reference",),
            ),
            HistorySource(
                Disbursement.history.filter(budget_line_id__in=line_ids),
                str(Disbursement._meta.verbose_name),
                ("voucher",),
            ),
        ],
        limit=limit,
        money_fields=MONEY_FIELDS,
    )
