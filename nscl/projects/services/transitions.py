"""One service per transition of a support project: ``project_<verb>(*, obj, by, reason="")``.

Each locks the row, checks who may act and from which state, checks the preconditions, makes
the transition, saves, writes a ProjectEvent (who, when, why, state before and after) and queues
the notices for after the commit. A refusal raises PermissionDenied (the wrong person) or
ValidationError (wrong state, missing input, broken rule), each with a message from constants.
"""

import datetime
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from nscl.accounts.models import User
from nscl.core.formatting import format_money
from nscl.projects import constants
from nscl.projects.choices import DocumentKind, ProjectStatus
from nscl.projects.models import ProjectEvent, SupportProject
from nscl.projects.permissions import TRANSITIONS, can_transition
from nscl.projects.services.notices import notify_transition
from nscl.projects.services.rules import project_check_budget, project_support_limit

Check = Callable[[SupportProject], None]


def _require_documents(kinds: tuple[str, ...]) -> Check:
    def check(project: SupportProject) -> None:
        present = set(project.documents.values_list("kind", flat=True))
        missing = [str(DocumentKind(kind).label) for kind in kinds if kind not in present]
        if missing:
            raise ValidationError(constants.ERROR_MISSING_DOCUMENTS % {"kinds": ", ".join(missing)})

    return check


def _check_proposal(project: SupportProject) -> None:
    if not project.support_types.exists():
        raise ValidationError(constants.ERROR_NO_SUPPORT_TYPE)
    _require_documents(constants.REQUIRED_FOR_SUBMIT)(project)
    project_check_budget(project=project)


def _transition(
    *,
    obj: SupportProject,
    by: User,
    verb: str,
    reason: str = "",
    checks: tuple[Check, ...] = (),
    data: dict | None = None,
    **kwargs,
) -> SupportProject:
    project = SupportProject.objects.select_for_update().get(pk=obj.pk)
    rule = TRANSITIONS[verb]
    if not can_transition(by, project, verb):
        raise PermissionDenied(constants.ERROR_NOT_ALLOWED)
    method = getattr(project, verb)
    if not can_proceed(method):
        raise ValidationError(
            constants.ERROR_WRONG_STATE % {"action": rule.label, "status": project.get_status_display()}
        )
    reason = (reason or "").strip()
    if rule.reason_required and not reason:
        raise ValidationError({"reason": constants.ERROR_REASON_REQUIRED})
    for check in checks:
        check(project)
    before = project.status
    method(**kwargs)
    project._change_reason = reason[:100] or verb  # django-simple-history keeps it with the row
    project._history_user = by  # who, also outside a request (commands, the demo loader)
    project.save()
    ProjectEvent.objects.create(
        project=project,
        action=verb,
        from_status=before,
        to_status=project.status,
        by=by,
        reason=reason,
        data=data or {},
    )
    notify_transition(project, verb, actor=by, status_label=str(project.get_status_display()), reason=reason)
    return project


@transaction.atomic
def project_submit(*, obj: SupportProject, by: User, reason: str = "") -> SupportProject:
    return _transition(obj=obj, by=by, verb="submit", reason=reason, checks=(_check_proposal,))


@transaction.atomic
def project_resubmit(*, obj: SupportProject, by: User, reason: str = "") -> SupportProject:
    return _transition(obj=obj, by=by, verb="resubmit", reason=reason, checks=(_check_proposal,))


@transaction.atomic
def project_start_appraisal(*, obj: SupportProject, by: User, reason: str = "") -> SupportProject:
    return _transition(obj=obj, by=by, verb="start_appraisal", reason=reason)


@transaction.atomic
def project_return_for_changes(*, obj: SupportProject, by: User, reason: str = "") -> SupportProject:
    return _transition(obj=obj, by=by, verb="return_for_changes", reason=reason)


@transaction.atomic
def project_reject(*, obj: SupportProject, by: User, reason: str = "") -> SupportProject:
    return _transition(obj=obj, by=by, verb="reject", reason=reason)


def _approval_check(amount: int | None, decision_number: str, decision_date: datetime.date | None) -> Check:
    def check(project: SupportProject) -> None:
        if amount is None or amount <= 0:
            raise ValidationError({"amount": constants.ERROR_APPROVED_REQUIRED})
        if not decision_number.strip() or decision_date is None:
            raise ValidationError({"decision_number": constants.ERROR_DECISION_REQUIRED})
        if decision_date > timezone.localdate():
            raise ValidationError({"decision_date": constants.ERROR_DECISION_DATE_FUTURE})
        if amount > project.requested_amount:
            raise ValidationError(
                {
                    "amount": constants.ERROR_APPROVED_OVER_REQUEST
                    % {"approved": format_money(amount), "requested": format_money(project.requested_amount)}
                }
            )
        limit = project_support_limit(project=project)
        if amount > limit:
            raise ValidationError(
                {
                    "amount": constants.ERROR_APPROVED_OVER_LIMIT
                    % {"approved": format_money(amount), "limit": format_money(limit)}
                }
            )

    return check


@transaction.atomic
def project_approve(
    *,
    obj: SupportProject,
    by: User,
    amount: int | None,
    decision_number: str,
    decision_date: datetime.date | None,
    reason: str = "",
) -> SupportProject:
    decision_number = (decision_number or "").strip()
    return _transition(
        obj=obj,
        by=by,
        verb="approve",
        reason=reason,
        checks=(_approval_check(amount, decision_number, decision_date),),
        data={"amount": amount, "decision_number": decision_number, "decision_date": str(decision_date)},
        amount=amount,
        decision_number=decision_number,
        decision_date=decision_date,
    )


@transaction.atomic
def project_start(*, obj: SupportProject, by: User, reason: str = "") -> SupportProject:
    return _transition(obj=obj, by=by, verb="start", reason=reason)


@transaction.atomic
def project_request_acceptance(*, obj: SupportProject, by: User, reason: str = "") -> SupportProject:
    checks = (_require_documents(constants.REQUIRED_FOR_ACCEPTANCE),)
    return _transition(obj=obj, by=by, verb="request_acceptance", reason=reason, checks=checks)


@transaction.atomic
def project_accept(*, obj: SupportProject, by: User, reason: str = "") -> SupportProject:
    return _transition(obj=obj, by=by, verb="accept", reason=reason)


@transaction.atomic
def project_refuse_acceptance(*, obj: SupportProject, by: User, reason: str = "") -> SupportProject:
    return _transition(obj=obj, by=by, verb="refuse_acceptance", reason=reason)


@transaction.atomic
def project_cancel(*, obj: SupportProject, by: User, reason: str = "") -> SupportProject:
    return _transition(obj=obj, by=by, verb="cancel", reason=reason)


SERVICES: dict[str, Callable[..., SupportProject]] = {
    "submit": project_submit,
    "resubmit": project_resubmit,
    "start_appraisal": project_start_appraisal,
    "return_for_changes": project_return_for_changes,
    "reject": project_reject,
    "approve": project_approve,
    "start": project_start,
    "request_acceptance": project_request_acceptance,
    "accept": project_accept,
    "refuse_acceptance": project_refuse_acceptance,
    "cancel": project_cancel,
}
STATUS_AFTER = {
    "submit": ProjectStatus.SUBMITTED,
    "resubmit": ProjectStatus.SUBMITTED,
    "start_appraisal": ProjectStatus.UNDER_APPRAISAL,
    "return_for_changes": ProjectStatus.RETURNED,
    "reject": ProjectStatus.REJECTED,
    "approve": ProjectStatus.APPROVED,
    "start": ProjectStatus.IN_PROGRESS,
    "request_acceptance": ProjectStatus.ACCEPTANCE_REVIEW,
    "accept": ProjectStatus.ACCEPTED,
    "refuse_acceptance": ProjectStatus.NOT_ACCEPTED,
    "cancel": ProjectStatus.CANCELLED,
}
