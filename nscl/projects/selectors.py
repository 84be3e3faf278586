"""Reads of the projects app. Every list is scoped to what the user may see."""

import datetime

from django.db.models import BooleanField, Count, ExpressionWrapper, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from nscl.core.history import HistoryEntry, HistorySource, history_list
from nscl.core.roles import has_role
from nscl.core.text import fold
from nscl.projects.choices import ProjectStatus, SupportGroup
from nscl.projects.models import (
    BudgetLine,
    CorrectiveAction,
    Finding,
    Inspection,
    Milestone,
    ProjectEvent,
    ProjectIndicator,
    SupportProject,
    SupportRule,
    SupportType,
)
from nscl.projects.models.projects import READ_ALL_ROLES

# The integer fields that hold đồng, shown as money in the histories.
MONEY_FIELDS = ("total_cost", "requested_amount", "approved_amount", "amount", "ceiling")


def project_list(*, user, filters: dict | None = None) -> QuerySet[SupportProject]:
    """Visible projects with their enterprise and support types, filtered by state, type, commune, year, text."""
    filters = filters or {}
    qs = (
        SupportProject.objects.visible_to(user)
        .select_related("enterprise", "enterprise__commune", "consultant_expert")
        .prefetch_related("support_types")
    )
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("support_type"):
        # Through the link table by id, so a project is never repeated and no DISTINCT sort is needed.
        links = SupportProject.support_types.through.objects.filter(supporttype=filters["support_type"])
        qs = qs.filter(pk__in=links.values("supportproject_id"))
    if filters.get("commune"):
        qs = qs.filter(enterprise__commune=filters["commune"])
    if filters.get("year"):
        year = int(filters["year"])
        qs = qs.filter(created_at__year=year)
    if filters.get("q"):
        for word in fold(filters["q"]).split():
            qs = qs.filter(Q(search_text__contains=word) | Q(enterprise__search_text__contains=word))
    return qs.order_by("-created_at", "-id")


def project_board(*, user, filters: dict | None = None, per_column: int = 8) -> list[dict]:
    """Columns of the pipeline board: each state with its count and newest cards (one query per column)."""
    qs = project_list(user=user, filters={k: v for k, v in (filters or {}).items() if k != "status"})
    counts = dict(qs.order_by().values_list("status").annotate(n=Count("id")))
    columns = []
    for status in ProjectStatus:
        count = counts.get(status.value, 0)
        cards = list(qs.filter(status=status.value)[:per_column]) if count else []
        columns.append({"status": status, "count": count, "cards": cards})
    return columns


def project_get(*, user, pk: int) -> SupportProject:
    """One visible project with everything its page shows; 404 outside the user's scope."""
    qs = (
        SupportProject.objects.visible_to(user)
        .select_related("enterprise", "consultant_expert", "consultant_organisation", "created_by")
        .prefetch_related(
            "support_types",
            "standards",
            "budget_lines",
            "milestones",
            "documents",
            "indicators__kind",
            Prefetch("events", queryset=ProjectEvent.objects.select_related("by").order_by("at", "id")),
        )
    )
    return get_object_or_404(qs, pk=pk)


def support_type_list() -> QuerySet[SupportType]:
    return SupportType.objects.filter(is_active=True)


def _of_visible_projects(queryset: QuerySet, user, path: str) -> QuerySet:
    """Rows whose project (at ``path``) the user may see; no filter at all for those who see every project."""
    if has_role(user, *READ_ALL_ROLES):
        return queryset
    return queryset.filter(**{f"{path}__in": SupportProject.objects.visible_to(user)})


def _count(model, link: str, **conditions) -> Coalesce:
    """A correlated count, evaluated only for the rows of the page (not grouped over the whole table)."""
    rows = model.objects.filter(**{link: OuterRef("pk")}, **conditions).order_by().values(link)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def _findings_with_actions() -> Prefetch:
    """An inspection's findings with their corrective actions, in the order pages show them."""
    actions = Prefetch("actions", queryset=CorrectiveAction.objects.order_by("deadline", "id"))
    return Prefetch("findings", queryset=Finding.objects.prefetch_related(actions))


def inspection_list(*, user, today: datetime.date | None = None) -> QuerySet[Inspection]:
    """Inspections of visible projects, each with its number of findings and of overdue actions."""
    today = today or timezone.localdate()
    return (
        _of_visible_projects(Inspection.objects.all(), user, "project")
        .select_related("project", "project__enterprise")
        .prefetch_related("inspectors")
        .annotate(
            finding_count=_count(Finding, "inspection"),
            overdue_count=_count(CorrectiveAction, "finding__inspection", closed_on__isnull=True, deadline__lt=today),
        )
        .order_by("-planned_on", "-id")
    )


def inspection_get(*, user, pk: int) -> Inspection:
    qs = (
        _of_visible_projects(Inspection.objects.all(), user, "project")
        .select_related("project", "project__enterprise", "created_by")
        .prefetch_related("inspectors", _findings_with_actions())
    )
    return get_object_or_404(qs, pk=pk)


def overdue_action_list(*, user, today: datetime.date | None = None) -> QuerySet[CorrectiveAction]:
    return _of_visible_projects(
        CorrectiveAction.objects.overdue(today), user, "finding__inspection__project"
    ).select_related("finding__inspection__project__enterprise")


def project_inspection_list(*, project: SupportProject) -> QuerySet[Inspection]:
    """The inspections of one project (the caller has already checked the project is visible), with
    their inspectors, findings and corrective actions: four queries however many there are."""
    return (
        Inspection.objects.filter(project=project)
        .prefetch_related("inspectors", _findings_with_actions())
        .order_by("-planned_on", "-id")
    )


def enterprise_project_list(*, user, enterprise) -> QuerySet[SupportProject]:
    """The projects of one enterprise that the user may see, with support types and indicators."""
    return (
        SupportProject.objects.visible_to(user)
        .filter(enterprise=enterprise)
        .prefetch_related(
            "support_types",
            Prefetch("indicators", queryset=ProjectIndicator.objects.select_related("kind")),
        )
        .order_by("-created_at", "-id")
    )


# -- support rules ----------------------------------------------------------------------------------


def support_rule_list(*, today: datetime.date | None = None) -> QuerySet[SupportRule]:
    """Every rule, by group and newest period first, each with ``is_current`` (in force today)."""
    today = today or timezone.localdate()
    current = Q(valid_from__lte=today) & (Q(valid_to__isnull=True) | Q(valid_to__gte=today))
    return SupportRule.objects.annotate(is_current=ExpressionWrapper(current, output_field=BooleanField())).order_by(
        "group", "-valid_from", "-id"
    )


def support_rule_groups(*, today: datetime.date | None = None) -> list[dict]:
    """Each support group with its rules (one query); a group without any rule is listed empty."""
    rules = list(support_rule_list(today=today))
    return [{"group": group, "rules": [r for r in rules if r.group == group]} for group in SupportGroup]


def support_rule_history(*, limit: int = 30) -> list[HistoryEntry]:
    """The newest ``limit`` saved versions of any rule, each compared with that rule's version before."""
    source = HistorySource(SupportRule.history.all(), str(SupportRule._meta.verbose_name), ("group", "valid_from"))
    return history_list(sources=[source], limit=limit, money_fields=MONEY_FIELDS)


# -- history of a project and of an inspection (officers, board, admins: permissions.READ_HISTORY) ----


def project_history(*, project: SupportProject, limit: int = 50) -> list[HistoryEntry]:
    """Who changed what and when on the project, its budget lines, indicators and milestones; one
    query per source. The project's saved reason is the transition's verb, so it is not shown
    (the project's timeline shows the reasons people wrote)."""

    def source(model, records, name_fields=(), reasons=True):
        return HistorySource(records, str(model._meta.verbose_name), name_fields, reasons)

    return history_list(
        sources=[
            source(SupportProject, SupportProject.history.filter(id=project.pk), reasons=False),
            source(BudgetLine, BudgetLine.history.filter(project_id=project.pk)),
            source(ProjectIndicator, ProjectIndicator.history.filter(project_id=project.pk), ("kind",)),
            source(Milestone, Milestone.history.filter(project_id=project.pk)),
        ],
        limit=limit,
        money_fields=MONEY_FIELDS,
    )


def inspection_history(*, inspection: Inspection, limit: int = 50) -> list[HistoryEntry]:
    """Who changed what and when on the inspection, its findings and their corrective actions (also
    those of findings since deleted); one query per source."""
    findings = Finding.history.filter(inspection_id=inspection.pk)
    return history_list(
        sources=[
            HistorySource(
                Inspection.history.filter(id=inspection.pk), str(Inspection._meta.verbose_name), ("planned_on",)
            ),
            HistorySource(findings, str(Finding._meta.verbose_name)),
            HistorySource(
                CorrectiveAction.history.filter(finding_id__in=findings.values("id")),
                str(CorrectiveAction._meta.verbose_name),
            ),
        ],
        limit=limit,
    )
