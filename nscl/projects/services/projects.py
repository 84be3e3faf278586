"""Writes to a project's proposal: its fields, budget lines, milestones, indicators and documents."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from nscl.accounts.models import User
from nscl.core.text import fold
from nscl.enterprises.models import Enterprise
from nscl.projects import constants
from nscl.projects.choices import FundingSource
from nscl.projects.models import BudgetLine, IndicatorKind, Milestone, ProjectDocument, ProjectIndicator, SupportProject
from nscl.projects.permissions import (
    can_edit_project,
    can_update_progress,
    can_upload_document,
    is_representative,
)
from nscl.projects.uploads import check_upload

# The state is protected (changed only by transitions): cleaning it would assign it, which
# django-fsm refuses, so validation leaves it out.
FSM_FIELDS = ["status"]
PROJECT_FIELDS = ("title", "goals", "consultant_expert", "consultant_organisation", "start_date", "end_date")


def _search_text(project: SupportProject) -> str:
    return fold(f"{project.title} {project.enterprise.name_vi} {project.enterprise.short_name}")


def _editable(project: SupportProject, by: User) -> SupportProject:
    locked = SupportProject.objects.select_for_update().select_related("enterprise").get(pk=project.pk)
    if not can_edit_project(by, locked):
        raise PermissionDenied(constants.ERROR_NOT_EDITABLE)
    return locked


def _apply(project: SupportProject, data: dict[str, Any]) -> None:
    for field in PROJECT_FIELDS:
        if field in data:
            setattr(project, field, data[field])
    if project.start_date and project.end_date and project.end_date < project.start_date:
        raise ValidationError({"end_date": constants.ERROR_SCHEDULE})
    project.search_text = _search_text(project)


@transaction.atomic
def project_create(*, enterprise: Enterprise, by: User, data: dict[str, Any]) -> SupportProject:
    """A draft proposal by a confirmed representative of the enterprise."""
    project = SupportProject(enterprise=enterprise, created_by=by)
    if not is_representative(by, project):
        raise PermissionDenied(constants.ERROR_ENTERPRISE_NOT_YOURS)
    _apply(project, data)
    project.full_clean(exclude=FSM_FIELDS)
    project._history_user = by  # type: ignore[attr-defined]  # who, for django-simple-history, also outside a request
    project.save()
    _set_relations(project, data)
    return project


@transaction.atomic
def project_update(*, project: SupportProject, by: User, data: dict[str, Any]) -> SupportProject:
    project = _editable(project, by)
    _apply(project, data)
    project.full_clean(exclude=FSM_FIELDS)
    project._history_user = by  # type: ignore[attr-defined]
    project.save()
    _set_relations(project, data)
    return project


def _set_relations(project: SupportProject, data: dict[str, Any]) -> None:
    if "support_types" in data:
        project.support_types.set(data["support_types"])
    if "standards" in data:
        project.standards.set(data["standards"])


def _recompute_budget(project: SupportProject, by: User) -> None:
    totals = dict(project.budget_lines.values_list("source").annotate(total=Sum("amount")).order_by())
    project.total_cost = sum(totals.values())
    project.requested_amount = totals.get(FundingSource.STATE, 0)
    project._history_user = by  # type: ignore[attr-defined]
    project.save(update_fields=["total_cost", "requested_amount", "updated_at"])


@transaction.atomic
def budget_line_add(*, project: SupportProject, by: User, item: str, source: str, amount: int) -> BudgetLine:
    project = _editable(project, by)
    if isinstance(amount, float) or amount is None or int(amount) < 0:
        raise ValidationError({"amount": constants.ERROR_AMOUNT_NEGATIVE})
    line = BudgetLine(project=project, item=item, source=source, amount=int(amount))
    line.full_clean()
    line._history_user = by  # type: ignore[attr-defined]
    line.save()
    _recompute_budget(project, by)
    return line


@transaction.atomic
def budget_line_delete(*, line: BudgetLine, by: User) -> None:
    project = _editable(line.project, by)
    line._history_user = by  # type: ignore[attr-defined]
    line.delete()
    _recompute_budget(project, by)


@transaction.atomic
def milestone_add(*, project: SupportProject, by: User, title: str, due_date: datetime.date) -> Milestone:
    project = _editable(project, by)
    milestone = Milestone(project=project, title=title, due_date=due_date)
    milestone.full_clean()
    milestone._history_user = by  # type: ignore[attr-defined]
    milestone.save()
    return milestone


@transaction.atomic
def milestone_mark_done(*, milestone: Milestone, by: User, done_date: datetime.date | None) -> Milestone:
    if not can_update_progress(by, milestone.project):
        raise PermissionDenied(constants.ERROR_NOT_ALLOWED)
    if done_date and done_date > timezone.localdate():
        raise ValidationError({"done_date": constants.ERROR_MILESTONE_DONE_FUTURE})
    milestone.done_date = done_date
    milestone._history_user = by  # type: ignore[attr-defined]
    milestone.save(update_fields=["done_date"])
    return milestone


@transaction.atomic
def indicator_set(
    *,
    project: SupportProject,
    by: User,
    kind: IndicatorKind,
    baseline: Decimal,
    target: Decimal,
    result: Decimal | None = None,
) -> ProjectIndicator:
    """Baseline and target while the proposal is editable; the result while the project runs."""
    if not can_update_progress(by, project):
        raise PermissionDenied(constants.ERROR_NOT_ALLOWED)
    indicator = ProjectIndicator.objects.filter(project=project, kind=kind).first()
    if indicator is None or can_edit_project(by, project):
        indicator = indicator or ProjectIndicator(project=project, kind=kind, unit=kind.unit)
        indicator.baseline, indicator.target = baseline, target
    indicator.result = result
    indicator.full_clean()
    indicator._history_user = by  # type: ignore[attr-defined]
    indicator.save()
    return indicator


@transaction.atomic
def document_upload(*, project: SupportProject, by: User, kind: str, title: str, upload) -> ProjectDocument:
    """Checked by size and content; stored under a random name in private storage."""
    if not can_upload_document(by, project):
        raise PermissionDenied(constants.ERROR_NOT_ALLOWED)
    mime, extension = check_upload(upload)
    document = ProjectDocument(
        project=project,
        kind=kind,
        title=(title or upload.name)[:255],
        original_name=(upload.name or "")[:255],
        content_type=mime,
        extension=extension,
        size=upload.size,
        uploaded_by=by,
    )
    document.file.save("upload", upload, save=False)
    document.full_clean()
    document.save()
    return document
