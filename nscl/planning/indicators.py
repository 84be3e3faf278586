"""Program indicators: the registry of computations over NSCL's own records, and the selectors that
put each indicator's actual value next to its target for a year or a program period.

A computation takes a span of dates and returns a queryset of the records behind the value; the value
is the number of those records, counted by the database (one query). Each computation says whether
it counts what happened within the span (``sum``: a period's value is the total of its years) or
what stands at the end of the span (``end_of_period``). Actual values are never stored: they are
computed on demand, so the drill-down always shows the records that make the figure.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from nscl.enterprises.choices import CertificationKind
from nscl.enterprises.models import Certification, Enterprise, ModelEnterprise
from nscl.network.choices import QualificationKind
from nscl.network.models import Expert, Qualification
from nscl.planning.indicator_choices import (
    STATUS_COLOURS,
    IndicatorAggregation,
    IndicatorDirection,
    IndicatorMethod,
    IndicatorStatusCode,
)
from nscl.planning.models import Indicator, IndicatorEntry, IndicatorTarget, ProgramPeriod
from nscl.projects.choices import ProjectStatus, SupportGroup
from nscl.projects.models import ProjectEvent, SupportProject
from nscl.standards.choices import StandardStatus
from nscl.standards.models import Standard

SUM = IndicatorAggregation.SUM
END = IndicatorAggregation.END_OF_PERIOD
DETAIL_URL_NAME = "planning:indicator_detail"
HUNDRED = Decimal(100)

# The advanced management systems of the glossary (product and other certificates are not systems).
MANAGEMENT_SYSTEMS = [
    k for k in CertificationKind.values if k not in (CertificationKind.PRODUCT, CertificationKind.OTHER)
]


@dataclass(frozen=True)
class Span:
    """The dates an actual value is computed over: a whole year or a whole period, cut at ``today``."""

    start: datetime.date
    end: datetime.date  # the last day counted: 31/12 of the last year, or today if that is earlier

    @classmethod
    def of_years(cls, start_year: int, end_year: int, *, today: datetime.date) -> "Span | None":
        """None when the span has not begun: nothing can be counted yet."""
        start = datetime.date(start_year, 1, 1)
        if start > today:
            return None
        return cls(start=start, end=min(datetime.date(end_year, 12, 31), today))


@dataclass(frozen=True)
class Computation:
    key: str
    aggregation: str
    records: Callable[[Span], QuerySet]


REGISTRY: dict[str, Computation] = {}


def register(key: str, aggregation: str) -> Callable:
    def decorate(function: Callable[[Span], QuerySet]) -> Callable[[Span], QuerySet]:
        REGISTRY[key] = Computation(key=key, aggregation=aggregation, records=function)
        return function

    return decorate


# -- the computations ------------------------------------------------------------------------------


def _certified_enterprises(kinds: list[str], span: Span) -> QuerySet:
    holders = Certification.objects.filter(kind__in=kinds).valid_on(span.end).values("enterprise_id")
    return Enterprise.objects.filter(pk__in=holders).order_by("name_vi", "pk")


@register("enterprises_iso9001_valid", END)
def enterprises_iso9001_valid(span: Span) -> QuerySet:
    """Enterprises holding an ISO 9001 certificate valid on the last day of the span."""
    return _certified_enterprises([CertificationKind.ISO_9001], span)


@register("enterprises_management_system_valid", END)
def enterprises_management_system_valid(span: Span) -> QuerySet:
    """Enterprises holding at least one advanced management system certificate valid on the last day."""
    return _certified_enterprises(MANAGEMENT_SYSTEMS, span)


def _accepted_projects(span: Span, group: str | None = None) -> QuerySet:
    """Projects accepted (nghiệm thu đạt) within the span: the date is that of the acceptance event."""
    accepted = ProjectEvent.objects.filter(
        to_status=ProjectStatus.ACCEPTED, at__date__gte=span.start, at__date__lte=span.end
    ).values("project_id")
    projects = SupportProject.objects.filter(status=ProjectStatus.ACCEPTED, pk__in=accepted)
    if group:
        projects = projects.filter(pk__in=SupportProject.objects.filter(support_types__group=group).values("pk"))
    return projects.select_related("enterprise").order_by("title", "pk")


register("projects_accepted", SUM)(_accepted_projects)
for _group in SupportGroup.values:
    # One computation per support group: projects_accepted.management_system and so on.
    register(f"projects_accepted.{_group}", SUM)(lambda span, group=_group: _accepted_projects(span, group))


@register("experts_certified", SUM)
def experts_certified(span: Span) -> QuerySet:
    """Experts whose P&Q expert certificate was issued within the span (each expert counted once)."""
    issued = Qualification.objects.filter(
        kind=QualificationKind.PQ_EXPERT, issued_on__gte=span.start, issued_on__lte=span.end
    ).values("expert_id")
    return Expert.objects.filter(pk__in=issued).order_by("full_name", "pk")


@register("model_enterprises_recognised", SUM)
def model_enterprises_recognised(span: Span) -> QuerySet:
    """Model enterprises recognised in the years of the span."""
    return (
        ModelEnterprise.objects.filter(recognition_year__gte=span.start.year, recognition_year__lte=span.end.year)
        .select_related("enterprise")
        .order_by("recognition_year", "pk")
    )


@register("standards_in_force", END)
def standards_in_force(span: Span) -> QuerySet:
    """Standards in the repository whose status is in force and which took effect by the last day.

    The status is today's: a standard withdrawn since is not counted for an earlier year.
    """
    return (
        Standard.objects.filter(status=StandardStatus.IN_FORCE)
        .filter(Q(effective_date__isnull=True) | Q(effective_date__lte=span.end))
        .order_by("code_key", "pk")
    )


# -- values of one indicator ----------------------------------------------------------------------


def span_of(*, year: int | None = None, period: ProgramPeriod | None = None, today: datetime.date) -> Span | None:
    if (year is None) == (period is None):
        raise ValueError("give either a year or a period")
    if period is not None:
        return Span.of_years(period.start_year, period.end_year, today=today)
    return Span.of_years(year, year, today=today)  # type: ignore[arg-type]


def entered_value(indicator: Indicator, entries: list[IndicatorEntry]) -> Decimal | None:
    """A sum indicator adds the years entered; an end-of-period one takes the latest year entered."""
    if not entries:
        return None
    if indicator.aggregation == SUM:
        return sum((entry.value for entry in entries), Decimal(0))
    return max(entries, key=lambda entry: entry.year).value


def indicator_records(
    *, indicator: Indicator, year: int | None = None, period: ProgramPeriod | None = None, today=None
) -> QuerySet:
    """The records behind the actual value: those a computation counts, or the entries of the years."""
    today = today or timezone.localdate()
    span = span_of(year=year, period=period, today=today)
    if indicator.is_computed:
        if span is None:
            return REGISTRY[indicator.computation].records(Span(today, today)).none()
        return REGISTRY[indicator.computation].records(span)
    first, last = (period.start_year, period.end_year) if period else (year, year)
    return indicator.entries.filter(year__gte=first, year__lte=last).select_related("by").order_by("-year")


def indicator_actual(
    *, indicator: Indicator, year: int | None = None, period: ProgramPeriod | None = None, today=None
) -> Decimal | None:
    """The actual value (one query). None when nothing can be known yet: a span not begun, no entry."""
    today = today or timezone.localdate()
    if indicator.is_computed:
        if span_of(year=year, period=period, today=today) is None:
            return None
        return Decimal(indicator_records(indicator=indicator, year=year, period=period, today=today).count())
    return entered_value(indicator, list(indicator_records(indicator=indicator, year=year, period=period)))


# -- statuses: target against actual ------------------------------------------------------------


def percent(part: Decimal, whole: Decimal, places: str = "0.1") -> Decimal | None:
    """part / whole in percent, rounded half-up; None when whole is zero."""
    if not whole:
        return None
    return (part * HUNDRED / whole).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def elapsed_share(first_year: int, last_year: int, today: datetime.date) -> Decimal:
    """The share of the span's days gone by today (0 to 1), to four places, rounded half-up."""
    start, end = datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31)
    if today >= end:
        return Decimal(1)
    if today < start:
        return Decimal(0)
    done = Decimal((today - start).days + 1) / Decimal((end - start).days + 1)
    return done.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def status_of(
    *, indicator: Indicator, target: Decimal | None, actual: Decimal | None, share: Decimal
) -> IndicatorStatusCode:
    """The rules, in order:

    1. no target for the year or period: ``no_target``;
    2. no actual value: ``no_data``;
    3. the target is reached (at least it, or at most it for a lower-is-better indicator): ``met``;
    4. the span is still running (``share`` < 1), the indicator adds up over time (``sum``) and is
       higher-is-better, and the actual is at least the target times the share of time gone by:
       ``on_track``;
    5. otherwise ``behind``.
    """
    if target is None:
        return IndicatorStatusCode.NO_TARGET
    if actual is None:
        return IndicatorStatusCode.NO_DATA
    higher = indicator.direction == IndicatorDirection.HIGHER
    if (higher and actual >= target) or (not higher and actual <= target):
        return IndicatorStatusCode.MET
    if share < 1 and higher and indicator.aggregation == SUM:
        expected = (target * share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if actual >= expected:
            return IndicatorStatusCode.ON_TRACK
    return IndicatorStatusCode.BEHIND


@dataclass(frozen=True)
class IndicatorStatus:
    """One row of the traffic-light table."""

    indicator: Indicator
    target: Decimal | None
    target_source: str
    actual: Decimal | None
    status: str
    progress: Decimal | None  # actual / target in percent, one place, half-up
    query: str  # "year=2025" or "period=2021-2025": appended to the drill-down URL
    url_name: str = DETAIL_URL_NAME

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[self.status]

    @property
    def status_label(self) -> Any:
        return IndicatorStatusCode(self.status).label

    @property
    def url(self) -> str:
        return f"{reverse(self.url_name, args=[self.indicator.code])}?{self.query}"


def indicator_list() -> QuerySet:
    return Indicator.objects.order_by("scope", "sort_order", "code")


def _row(indicator: Indicator, target: IndicatorTarget | None, actual: Decimal | None, share: Decimal, query: str):
    goal = target.value if target else None
    status = status_of(indicator=indicator, target=goal, actual=actual, share=share)
    progress = percent(actual, goal) if actual is not None and goal else None
    return IndicatorStatus(indicator, goal, target.source if target else "", actual, status, progress, query)


def _frame(year: int | None, period: ProgramPeriod | None, today: datetime.date):
    """The span, the elapsed share and the drill-down query of a year or a period."""
    first, last = (period.start_year, period.end_year) if period else (year, year)
    span = span_of(year=year, period=period, today=today)
    share = elapsed_share(first, last, today)  # type: ignore[arg-type]
    return first, last, span, share, (f"period={period.code}" if period else f"year={year}")


def indicator_statuses(
    *, year: int | None = None, period: ProgramPeriod | None = None, today: datetime.date | None = None
) -> list[IndicatorStatus]:
    """Every indicator's target and actual value for a year (the current one by default) or a period.

    Query bound: three queries (indicators, their targets, the entered values of the span) plus one
    count per computed indicator, whatever the number of records behind the values.
    """
    today = today or timezone.localdate()
    if year is None and period is None:
        year = today.year
    first, last, span, share, query = _frame(year, period, today)
    targets = IndicatorTarget.objects.filter(period=period) if period else IndicatorTarget.objects.filter(year=year)
    target_of = {t.indicator_id: t for t in targets}
    entries: dict[int, list[IndicatorEntry]] = {}
    for entry in IndicatorEntry.objects.filter(year__gte=first, year__lte=last):
        entries.setdefault(entry.indicator_id, []).append(entry)
    rows = []
    for indicator in indicator_list():
        if indicator.method == IndicatorMethod.COMPUTED:
            actual = Decimal(REGISTRY[indicator.computation].records(span).count()) if span else None
        else:
            actual = entered_value(indicator, entries.get(indicator.pk, []))
        rows.append(_row(indicator, target_of.get(indicator.pk), actual, share, query))
    return rows


def indicator_status_get(
    *, indicator: Indicator, year: int | None = None, period: ProgramPeriod | None = None, today=None
) -> IndicatorStatus:
    """One indicator's row (two queries: its target, then its count or its entries)."""
    today = today or timezone.localdate()
    _, _, _, share, query = _frame(year, period, today)
    target = indicator.targets.filter(**({"period": period} if period else {"year": year})).first()
    actual = indicator_actual(indicator=indicator, year=year, period=period, today=today)
    return _row(indicator, target, actual, share, query)
