"""Reads of the steering dashboard: one grouped query per block, never one query per row.

The year's budget comes from the plan in force for that year (its approved revision: an approved
adjustment supersedes the earlier one and takes over its commitments and disbursements). Projects
are counted by the year their file was created, the year the project pipeline's filter uses, so
every count on the dashboard is the count of the list it links to.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import BigIntegerField, Count, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from nscl.core.models import Commune
from nscl.enterprises.models import Enterprise, ModelEnterprise, Replication
from nscl.planning import tilemap
from nscl.planning.choices import PlanStatus
from nscl.planning.models import AnnualPlan, BudgetLine, Disbursement
from nscl.planning.selectors import ExecutionRow, execution_rate, plan_execution_by_area, plan_execution_by_source
from nscl.projects.choices import APPROVED_ONWARDS, ProjectStatus
from nscl.projects.models import SupportProject

# The years a dashboard may be asked for; anything else is a bad request.
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class PipelineRow:
    """One project status in one year: how many projects, what they asked for and what was approved."""

    status: str
    label: str
    count: int
    requested: int
    approved: int


@dataclass(frozen=True)
class CommuneReach:
    """One commune of the province: enterprises reached in the year, and those reached through a project."""

    code: str
    name: str
    reached: int
    by_project: int


@dataclass(frozen=True)
class YearTrend:
    """One year of the program: the approved plan's total and disbursements, and the projects accepted."""

    year: int
    plan_id: int | None
    planned: int
    disbursed: int
    accepted: int

    @property
    def rate(self):
        return execution_rate(self.disbursed, self.planned)


@dataclass
class Dashboard:
    """Everything the page shows for one year."""

    year: int
    plan: AnnualPlan | None
    years: list[int]
    by_area: list[ExecutionRow] = field(default_factory=list)
    by_source: list[ExecutionRow] = field(default_factory=list)
    pipeline: list[PipelineRow] = field(default_factory=list)
    communes: list[CommuneReach] = field(default_factory=list)
    trends: list[YearTrend] = field(default_factory=list)

    @property
    def totals(self) -> ExecutionRow | None:
        """The plan's own totals: the sum of the rows by source (every line has exactly one source)."""
        if self.plan is None:
            return None
        rows = self.by_source
        return ExecutionRow(
            None,
            "",
            "",
            sum(r.planned for r in rows),
            sum(r.committed for r in rows),
            sum(r.disbursed for r in rows),
        )

    @property
    def reached_total(self) -> int:
        return sum(c.reached for c in self.communes)


# -- the year -----------------------------------------------------------------------------------------


def approved_years() -> list[int]:
    """Years that have a plan in force, newest first."""
    rows = AnnualPlan.objects.filter(status=PlanStatus.APPROVED).order_by("-year").values_list("year", flat=True)
    return list(dict.fromkeys(rows))


def default_year(years: list[int], today: datetime.date | None = None) -> int:
    """The latest year with an approved plan; this year when there is none yet."""
    return years[0] if years else (today or timezone.localdate()).year


def plan_in_force(*, year: int) -> AnnualPlan | None:
    """The approved revision of the year's plan (the newest one, should two ever be approved)."""
    return AnnualPlan.objects.filter(year=year, status=PlanStatus.APPROVED).order_by("-revision").first()


# -- blocks -------------------------------------------------------------------------------------------


def _created_in(year: int) -> Q:
    """Projects whose file was created in the year, in local time: the pipeline's own year filter."""
    return Q(created_at__year=year)


def project_pipeline(*, year: int) -> list[PipelineRow]:
    """Every project status in the choices' order (zeros included): count, amounts asked and approved."""
    found = {
        r["status"]: r
        for r in SupportProject.objects.filter(_created_in(year))
        .order_by()
        .values("status")
        .annotate(n=Count("id"), requested=Sum("requested_amount"), approved=Sum("approved_amount"))
    }
    rows = []
    for status, label in ProjectStatus.choices:
        r = found.get(status, {})
        rows.append(
            PipelineRow(status, str(label), r.get("n", 0), int(r.get("requested") or 0), int(r.get("approved") or 0))
        )
    return rows


def reached_enterprises(*, year: int):
    """Enterprises the program reached in the year: a support project approved (or further) created in the
    year, recognition as a model enterprise in the year, or the replication of a model in the year."""
    supported = SupportProject.objects.filter(_created_in(year), status__in=APPROVED_ONWARDS).values("enterprise_id")
    modelled = ModelEnterprise.objects.filter(recognition_year=year).values("enterprise_id")
    replicated = Replication.objects.filter(year=year).values("enterprise_id")
    return (
        Enterprise.objects.filter(Q(pk__in=supported) | Q(pk__in=modelled) | Q(pk__in=replicated)),
        supported,
    )


def enterprises_reached_by_commune(*, year: int) -> list[CommuneReach]:
    """Every commune of the province (zeros included), in the communes' order, with the enterprises reached."""
    reached, supported = reached_enterprises(year=year)
    counts = {
        r["commune_id"]: r
        for r in reached.order_by()
        .values("commune_id")
        .annotate(n=Count("id"), by_project=Count("id", filter=Q(pk__in=supported)))
    }
    rows = []
    for code, name in Commune.objects.of_province().values_list("code", "full_name"):
        r = counts.get(code, {})
        rows.append(CommuneReach(code, name, r.get("n", 0), r.get("by_project", 0)))
    return rows


def _plan_sum(model, path: str) -> Coalesce:
    """A correlated sum over one approved plan (``path`` leads from ``model`` to the plan)."""
    rows = model.objects.filter(**{path: OuterRef("pk")}).order_by().values(path).annotate(s=Sum("amount"))
    return Coalesce(Subquery(rows.values("s"), output_field=BigIntegerField()), 0)


def trends() -> list[YearTrend]:
    """Every year with an approved plan or an accepted project, oldest first: planned and disbursed of the plan
    in force, and the projects accepted among those created in the year. Two queries."""
    plans = (
        AnnualPlan.objects.filter(status=PlanStatus.APPROVED)
        .annotate(
            planned=_plan_sum(BudgetLine, "task__plan"),
            disbursed=_plan_sum(Disbursement, "budget_line__task__plan"),
        )
        .order_by("year", "revision")
        .values("year", "pk", "planned", "disbursed")
    )
    by_year = {r["year"]: r for r in plans}  # the newest revision wins
    accepted = dict(
        SupportProject.objects.filter(status=ProjectStatus.ACCEPTED)
        .annotate(year=ExtractYear("created_at", output_field=IntegerField()))
        .order_by()
        .values_list("year")
        .annotate(n=Count("id"))
    )
    rows = []
    for year in sorted(set(by_year) | set(accepted)):
        plan = by_year.get(year, {})
        rows.append(
            YearTrend(
                year, plan.get("pk"), int(plan.get("planned", 0)), int(plan.get("disbursed", 0)), accepted.get(year, 0)
            )
        )
    return rows


# -- the page -----------------------------------------------------------------------------------------


def dashboard_get(*, year: int | None = None) -> Dashboard:
    """The dashboard of ``year`` (default: the latest year with an approved plan)."""
    years = approved_years()
    year = year or default_year(years)
    plan = plan_in_force(year=year) if year in years else None
    board = Dashboard(year=year, plan=plan, years=years)
    if plan is not None:
        board.by_area = plan_execution_by_area(plan=plan)
        board.by_source = plan_execution_by_source(plan=plan)
    board.pipeline = project_pipeline(year=year)
    board.communes = enterprises_reached_by_commune(year=year)
    board.trends = trends()
    return board


def commune_tiles(communes: list[CommuneReach]) -> tilemap.TileMap:
    """The schematic map of the communes, coloured by enterprises reached."""
    return tilemap.build([(c.code, c.name, c.reached) for c in communes])
