"""Reads of the steering dashboard: one grouped query per block, never one query per row.

The year's budget comes from the plan in force for that year (its approved revision: an approved
adjustment supersedes the earlier one and takes over its commitments and disbursements). Projects
are counted by the year their file was created, the year the project pipeline's filter uses, so
every count on the dashboard is the count of the list it links to.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import BooleanField, Count, Max, Min, Q, Sum, Value
from django.utils import timezone

from nscl.core.models import Commune
from nscl.enterprises.models import ModelEnterprise, Replication
from nscl.planning import tilemap
from nscl.planning.choices import FundingSource, PlanStatus
from nscl.planning.indicator_choices import STATUS_COLOURS, IndicatorStatusCode
from nscl.planning.indicators import IndicatorStatus, indicator_statuses
from nscl.planning.models import AnnualPlan, BudgetLine, Commitment, Disbursement
from nscl.planning.selectors import ExecutionRow, execution_rate, line_sum
from nscl.projects.choices import APPROVED_ONWARDS, ProjectStatus
from nscl.projects.models import SupportProject

# The years a dashboard may be asked for; anything else is a bad request.
FIRST_YEAR, LAST_YEAR = 2000, 2100
CACHE_SECONDS = 600  # the plans' totals over the years: see plan_totals


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
    targets: list[IndicatorStatus] = field(default_factory=list)

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
    def target_summary(self) -> list[tuple[str, object, str, int]]:
        """(status, label, colour, number of indicators) for every status, in the traffic light's order."""
        counts: dict[str, int] = {}
        for row in self.targets:
            counts[row.status] = counts.get(row.status, 0) + 1
        return [(code, label, STATUS_COLOURS[code], counts.get(code, 0)) for code, label in IndicatorStatusCode.choices]

    @property
    def reached_total(self) -> int:
        return sum(c.reached for c in self.communes)


# -- the year -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApprovedPlans:
    """The plans in force: {year: plan id}, newest year first, and a stamp that changes whenever one of them does
    (approved, superseded or saved)."""

    by_year: dict[int, int]
    stamp: tuple


def approved_plans() -> ApprovedPlans:
    """One query; the newest revision wins should two of a year ever be approved."""
    rows = list(
        AnnualPlan.objects.filter(status=PlanStatus.APPROVED)
        .order_by("-year", "revision")
        .values_list("year", "pk", "updated_at")
    )
    return ApprovedPlans({year: pk for year, pk, _ in rows}, tuple((pk, str(at)) for _, pk, at in rows))


def approved_years() -> list[int]:
    """Years that have a plan in force, newest first."""
    return list(approved_plans().by_year)


def default_year(years: list[int], today: datetime.date | None = None) -> int:
    """The latest year with an approved plan; this year when there is none yet."""
    return years[0] if years else (today or timezone.localdate()).year


def plan_in_force(*, year: int) -> AnnualPlan | None:
    """The approved revision of the year's plan (the newest one, should two ever be approved)."""
    return AnnualPlan.objects.filter(year=year, status=PlanStatus.APPROVED).order_by("-revision").first()


# -- blocks -------------------------------------------------------------------------------------------


def plan_execution(*, plan: AnnualPlan) -> tuple[list[ExecutionRow], list[ExecutionRow]]:
    """The plan versus actual by area and by funding source, as planning.selectors.plan_execution_by_area and
    plan_execution_by_source give them, from one query grouped by (area, source) instead of one per grouping.
    The commitments and disbursements are reached through their budget line's index, so the cost follows the
    size of this plan, not of every year's records."""
    rows = (
        BudgetLine.objects.filter(task__plan=plan)
        .annotate(line_committed=line_sum(Commitment), line_disbursed=line_sum(Disbursement))
        .values("task__area_id", "task__area__code", "task__area__name_vi", "task__area__sort_order", "funding_source")
        .annotate(planned=Sum("amount"), committed=Sum("line_committed"), disbursed=Sum("line_disbursed"))
        .order_by()
    )
    areas, sums = {}, {}
    for r in rows:
        area = r["task__area_id"]
        areas[area] = (r["task__area__sort_order"], r["task__area__code"], r["task__area__name_vi"])
        sums[(area, r["funding_source"])] = (int(r["planned"]), int(r["committed"] or 0), int(r["disbursed"] or 0))

    def row(key: object, code: str, name: str, position: int) -> ExecutionRow:
        mine = [v for k, v in sums.items() if k[position] == key]
        return ExecutionRow(key, code, name, *(sum(v[i] for v in mine) for i in range(3)))

    by_area = [row(area, code, name, 0) for area, (_, code, name) in sorted(areas.items(), key=lambda a: a[1][:2])]
    by_source = [row(source, source, str(label), 1) for source, label in FundingSource.choices]
    return by_area, by_source


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


def reached_enterprises(*, year: int) -> dict[str, tuple[set[int], set[int]]]:
    """{commune code: (enterprises reached, those reached through a project)} for the year. Reached: a support
    project created in the year and approved (or further on), recognition as a model enterprise in the year, or
    the replication of a model in the year. One query: the union of the three, starting from the year's rows."""
    via_project = Value(True, output_field=BooleanField())
    other = Value(False, output_field=BooleanField())
    columns = ("enterprise_id", "enterprise__commune_id", "via_project")
    supported = SupportProject.objects.filter(_created_in(year), status__in=APPROVED_ONWARDS).annotate(
        via_project=via_project
    )
    modelled = ModelEnterprise.objects.filter(recognition_year=year).annotate(via_project=other)
    replicated = Replication.objects.filter(year=year).annotate(via_project=other)
    rows = (
        supported.order_by()
        .values_list(*columns)
        .union(modelled.order_by().values_list(*columns), replicated.order_by().values_list(*columns))
    )
    found: dict[str, tuple[set[int], set[int]]] = {}
    for enterprise, commune, by_project in rows:
        reached, projects = found.setdefault(commune, (set(), set()))
        reached.add(enterprise)
        if by_project:
            projects.add(enterprise)
    return found


def enterprises_reached_by_commune(*, year: int) -> list[CommuneReach]:
    """Every commune of the province (zeros included), in the communes' order, with the enterprises reached."""
    found = reached_enterprises(year=year)
    empty: tuple[set[int], set[int]] = (set(), set())
    return [
        CommuneReach(code, name, len(found.get(code, empty)[0]), len(found.get(code, empty)[1]))
        for code, name in Commune.objects.of_province().values_list("code", "full_name")
    ]


def accepted_per_year() -> dict[int, int]:
    """Accepted projects per year of creation (local time), years without any left out. Two queries: the span
    of years, then one count per year as a range on created_at (no time-zone conversion of every row)."""
    accepted = SupportProject.objects.filter(status=ProjectStatus.ACCEPTED).order_by()
    span = accepted.aggregate(first=Min("created_at"), last=Max("created_at"))
    if span["first"] is None:
        return {}
    first = max(timezone.localtime(span["first"]).year, FIRST_YEAR)
    last = min(timezone.localtime(span["last"]).year, LAST_YEAR)
    years = range(first, last + 1)
    counts = accepted.aggregate(**{f"y{y}": Count("pk", filter=Q(created_at__year=y)) for y in years})
    return {y: counts[f"y{y}"] for y in years if counts[f"y{y}"]}


def _plan_totals(plan_ids: list[int]) -> dict[int, tuple[int, int]]:
    """{plan id: (planned, disbursed)}: every line and every disbursement of the plans, two grouped queries."""
    planned = dict(
        BudgetLine.objects.filter(task__plan_id__in=plan_ids)
        .order_by()
        .values_list("task__plan_id")
        .annotate(s=Sum("amount"))
    )
    disbursed = dict(
        Disbursement.objects.filter(budget_line__task__plan_id__in=plan_ids)
        .order_by()
        .values_list("budget_line__task__plan_id")
        .annotate(s=Sum("amount"))
    )
    return {pk: (int(planned.get(pk, 0)), int(disbursed.get(pk, 0))) for pk in plan_ids}


def plan_totals(plans: ApprovedPlans) -> dict[int, tuple[int, int]]:
    """``_plan_totals`` of the plans in force, cached while nothing they add up can have changed.

    The lines of an approved plan are frozen (services/plans.py edits only drafts and returned plans), a
    disbursement is only ever added (services/execution.py), and approving an adjustment supersedes the
    revision it replaces. So the totals change only when the set or state of the approved plans changes (their
    ids and updated_at, in ``plans.stamp``) or a disbursement is added (the newest disbursement's id): both
    are in the cache key, read by two small indexed queries instead of summing every year's rows on each
    request. CACHE_SECONDS bounds how long a change made outside the services could go unseen."""
    if not plans.by_year:
        return {}
    last = Disbursement.objects.aggregate(last=Max("pk"))["last"]
    stamp = hashlib.sha256(repr((plans.stamp, last)).encode()).hexdigest()[:32]
    key = f"planning:dashboard:plan-totals:{stamp}"
    totals = cache.get(key)
    if totals is None:
        totals = _plan_totals(sorted(plans.by_year.values()))
        cache.set(key, totals, CACHE_SECONDS)
    return totals


def trends(plans: ApprovedPlans | None = None) -> list[YearTrend]:
    """Every year with an approved plan or an accepted project, oldest first: the total of the plan in force and
    what was disbursed against it, and the projects accepted among those created in the year."""
    plans = approved_plans() if plans is None else plans
    totals = plan_totals(plans)
    accepted = accepted_per_year()
    rows = []
    for year in sorted(set(plans.by_year) | set(accepted)):
        plan = plans.by_year.get(year)
        planned, disbursed = totals.get(plan, (0, 0)) if plan else (0, 0)
        rows.append(YearTrend(year, plan, planned, disbursed, accepted.get(year, 0)))
    return rows


# -- the page -----------------------------------------------------------------------------------------


def dashboard_get(*, year: int | None = None) -> Dashboard:
    """The dashboard of ``year`` (default: the latest year with an approved plan)."""
    plans = approved_plans()
    years = list(plans.by_year)
    year = year or default_year(years)
    plan = AnnualPlan.objects.get(pk=plans.by_year[year]) if year in plans.by_year else None
    board = Dashboard(year=year, plan=plan, years=years)
    if plan is not None:
        board.by_area, board.by_source = plan_execution(plan=plan)
    board.pipeline = project_pipeline(year=year)
    board.communes = enterprises_reached_by_commune(year=year)
    board.trends = trends(plans)
    board.targets = indicator_statuses(year=year)  # planning/indicators.py: 3 queries + 1 per computed indicator
    return board


def commune_tiles(communes: list[CommuneReach]) -> tilemap.TileMap:
    """The schematic map of the communes, coloured by enterprises reached."""
    return tilemap.build([(c.code, c.name, c.reached) for c in communes])
