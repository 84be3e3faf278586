"""Reads of the projects app. Every list is scoped to what the user may see."""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from nscl.core.text import fold
from nscl.projects.choices import ProjectStatus
from nscl.projects.models import (
    CorrectiveAction,
    Finding,
    Inspection,
    ProjectEvent,
    SupportProject,
    SupportType,
)


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
        qs = qs.filter(support_types=filters["support_type"])
    if filters.get("commune"):
        qs = qs.filter(enterprise__commune=filters["commune"])
    if filters.get("year"):
        year = int(filters["year"])
        qs = qs.filter(created_at__year=year)
    if filters.get("q"):
        for word in fold(filters["q"]).split():
            qs = qs.filter(Q(search_text__contains=word) | Q(enterprise__search_text__contains=word))
    return qs.distinct().order_by("-created_at", "-id")


def project_board(*, user, filters: dict | None = None, per_column: int = 8) -> list[dict]:
    """Columns of the pipeline board: each state with its count and newest cards (one query per column)."""
    qs = project_list(user=user, filters={k: v for k, v in (filters or {}).items() if k != "status"})
    counts = dict(qs.order_by().values_list("status").annotate(n=Count("id", distinct=True)))
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


def inspection_list(*, user, today: datetime.date | None = None) -> QuerySet[Inspection]:
    """Inspections of visible projects, each with its number of findings and of overdue actions."""
    today = today or timezone.localdate()
    overdue = Q(findings__actions__closed_on__isnull=True, findings__actions__deadline__lt=today)
    return (
        Inspection.objects.filter(project__in=SupportProject.objects.visible_to(user))
        .select_related("project", "project__enterprise")
        .prefetch_related("inspectors")
        .annotate(
            finding_count=Count("findings", distinct=True),
            overdue_count=Count("findings__actions", filter=overdue, distinct=True),
        )
        .order_by("-planned_on", "-id")
    )


def inspection_get(*, user, pk: int) -> Inspection:
    qs = (
        Inspection.objects.filter(project__in=SupportProject.objects.visible_to(user))
        .select_related("project", "project__enterprise", "created_by")
        .prefetch_related(
            "inspectors",
            Prefetch(
                "findings",
                queryset=Finding.objects.prefetch_related(
                    Prefetch("actions", queryset=CorrectiveAction.objects.order_by("deadline", "id"))
                ),
            ),
        )
    )
    return get_object_or_404(qs, pk=pk)


def overdue_action_list(*, user, today: datetime.date | None = None) -> QuerySet[CorrectiveAction]:
    return (
        CorrectiveAction.objects.overdue(today)
        .filter(finding__inspection__project__in=SupportProject.objects.visible_to(user))
        .select_related("finding__inspection__project__enterprise")
    )
