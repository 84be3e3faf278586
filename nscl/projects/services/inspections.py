"""Writes of inspections: plan a visit, record findings with corrective actions, close an action,
write the conclusion, cancel a visit that has not happened. The enterprise hears of each step."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from nscl.accounts.models import User
from nscl.core.roles import Role, has_role
from nscl.projects import constants
from nscl.projects.choices import APPROVED_ONWARDS, InspectionStatus
from nscl.projects.models import CorrectiveAction, Finding, Inspection, SupportProject
from nscl.projects.permissions import INSPECT
from nscl.projects.services.notices import notify_inspection

INSPECTABLE = APPROVED_ONWARDS  # a project is inspected once its support is granted


def _require_inspector(by: User) -> None:
    if not has_role(by, *INSPECT):
        raise PermissionDenied(constants.ERROR_NOT_ALLOWED)


@transaction.atomic
def inspection_create(
    *, project: SupportProject, by: User, planned_on: datetime.date, inspectors: Iterable[User]
) -> Inspection:
    _require_inspector(by)
    if project.status not in INSPECTABLE:
        raise ValidationError(constants.ERROR_INSPECTION_PROJECT)
    inspectors = list(inspectors)
    if not inspectors:
        raise ValidationError({"inspectors": constants.ERROR_INSPECTORS_REQUIRED})
    if not all(has_role(user, Role.OFFICER) for user in inspectors):
        raise ValidationError({"inspectors": constants.ERROR_INSPECTOR_ROLE})
    inspection = Inspection(project=project, planned_on=planned_on, created_by=by)
    inspection.full_clean()
    inspection._history_user = by  # type: ignore[attr-defined]  # who, for django-simple-history, also outside a request
    inspection.save()
    inspection.inspectors.set(inspectors)
    notify_inspection(inspection, actor=by, what=gettext_lazy("Lịch kiểm tra"))
    return inspection


@transaction.atomic
def finding_add(
    *,
    inspection: Inspection,
    by: User,
    severity: str,
    description: str,
    action: str = "",
    deadline: datetime.date | None = None,
) -> Finding:
    """A finding, and its corrective action when there is one; the inspection counts as done."""
    _require_inspector(by)
    finding = Finding(inspection=inspection, severity=severity, description=description)
    finding.full_clean()
    finding._history_user = by  # type: ignore[attr-defined]
    finding.save()
    if action:
        corrective = CorrectiveAction(finding=finding, description=action, deadline=deadline)
        corrective.full_clean()
        corrective._history_user = by  # type: ignore[attr-defined]
        corrective.save()
    if action:
        notify_inspection(inspection, actor=by, what=gettext_lazy("Yêu cầu khắc phục sau kiểm tra"))
    if inspection.status == InspectionStatus.PLANNED:
        inspection.status = InspectionStatus.DONE
        inspection._history_user = by  # type: ignore[attr-defined]
        inspection.save(update_fields=["status"])
    return finding


@transaction.atomic
def corrective_action_close(
    *, action: CorrectiveAction, by: User, closed_on: datetime.date, evidence: str
) -> CorrectiveAction:
    _require_inspector(by)
    action = CorrectiveAction.objects.select_for_update().get(pk=action.pk)
    if action.closed_on is not None:
        raise ValidationError(constants.ERROR_ACTION_CLOSED)
    if not (evidence or "").strip():
        raise ValidationError({"evidence": constants.ERROR_EVIDENCE_REQUIRED})
    if closed_on > timezone.localdate():
        raise ValidationError({"closed_on": constants.ERROR_MILESTONE_DONE_FUTURE})
    action.closed_on, action.evidence = closed_on, evidence.strip()
    action._history_user = by  # type: ignore[attr-defined]
    action.save(update_fields=["closed_on", "evidence"])
    return action


def _record_outcome(inspection: Inspection, *, by: User, status: str, text: str, notice) -> Inspection:
    """Save the visit's outcome (its conclusion, or why it was called off) and tell the enterprise."""
    inspection.summary, inspection.status = text.strip(), status
    inspection._history_user = by  # type: ignore[attr-defined]
    inspection.save(update_fields=["summary", "status"])
    notify_inspection(inspection, actor=by, what=notice)
    return inspection


def _locked(inspection: Inspection, by: User) -> Inspection:
    _require_inspector(by)
    return Inspection.objects.select_for_update().select_related("project").get(pk=inspection.pk)


@transaction.atomic
def inspection_conclude(*, inspection: Inspection, by: User, summary: str) -> Inspection:
    """Write (or rewrite) the conclusion of a visit; the inspection counts as done."""
    inspection = _locked(inspection, by)
    if inspection.status == InspectionStatus.CANCELLED:
        raise ValidationError(constants.ERROR_INSPECTION_CANCELLED)
    if not (summary or "").strip():
        raise ValidationError({"summary": constants.ERROR_SUMMARY_REQUIRED})
    notice = gettext_lazy("Đã có kết luận kiểm tra")
    return _record_outcome(inspection, by=by, status=InspectionStatus.DONE, text=summary, notice=notice)


@transaction.atomic
def inspection_cancel(*, inspection: Inspection, by: User, reason: str) -> Inspection:
    """Call off a planned visit, with the reason (kept as its conclusion). Done visits stay."""
    inspection = _locked(inspection, by)
    if inspection.status != InspectionStatus.PLANNED:
        raise ValidationError(constants.ERROR_INSPECTION_NOT_PLANNED)
    if not (reason or "").strip():
        raise ValidationError({"reason": constants.ERROR_REASON_REQUIRED})
    notice = gettext_lazy("Đã hủy lịch kiểm tra")
    return _record_outcome(inspection, by=by, status=InspectionStatus.CANCELLED, text=reason, notice=notice)
