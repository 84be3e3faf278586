"""Who hears about a project's transitions. Notices leave after the transaction commits."""

from django.db import transaction
from django.utils.translation import gettext

from nscl.accounts.models import User
from nscl.accounts.services import notification_create_many
from nscl.core.formatting import format_date
from nscl.core.roles import Role
from nscl.enterprises.choices import RepresentativeStatus
from nscl.projects.models import SupportProject

REPRESENTATIVES, OFFICERS, BOARD, CONSULTANT = "representatives", "officers", "board", "consultant"
AUDIENCE = {
    "submit": (OFFICERS,),
    "resubmit": (OFFICERS,),
    "start_appraisal": (REPRESENTATIVES, BOARD),
    "return_for_changes": (REPRESENTATIVES,),
    "reject": (REPRESENTATIVES,),
    "approve": (REPRESENTATIVES, OFFICERS, CONSULTANT),
    "start": (OFFICERS, CONSULTANT),
    "request_acceptance": (OFFICERS, CONSULTANT),
    "accept": (REPRESENTATIVES, BOARD, CONSULTANT),
    "refuse_acceptance": (REPRESENTATIVES, BOARD, CONSULTANT),
    "cancel": (REPRESENTATIVES, OFFICERS, CONSULTANT),
}


def _representatives(project: SupportProject):
    return User.objects.filter(
        enterprise_claims__enterprise_id=project.enterprise_id,
        enterprise_claims__status=RepresentativeStatus.CONFIRMED,
    )


def recipients(project: SupportProject, verb: str, *, actor: User | None) -> list[User]:
    audience = AUDIENCE.get(verb, ())
    users = User.objects.none()
    if REPRESENTATIVES in audience:
        users |= _representatives(project)
    if OFFICERS in audience:
        users |= User.objects.filter(groups__name=Role.OFFICER)
    if BOARD in audience:
        users |= User.objects.filter(groups__name=Role.BOARD)
    if CONSULTANT in audience and project.consultant_expert_id:
        users |= User.objects.filter(expert_profile__id=project.consultant_expert_id)
    users = users.filter(is_active=True).distinct()
    if actor is not None:
        users = users.exclude(pk=actor.pk)
    return list(users.order_by("id"))


def notify_transition(
    project: SupportProject, verb: str, *, actor: User | None, status_label: str, reason: str
) -> None:
    """Queue the notices (in-app and e-mail) for after the commit; nothing leaves if it rolls back."""
    title = gettext("Dự án “%(title)s”: %(status)s") % {"title": project.title[:150], "status": status_label}
    body = reason or ""
    url = project.get_absolute_url()

    def send() -> None:
        users = recipients(project, verb, actor=actor)
        if users:
            notification_create_many(users=users, title=title, body=body, url=url)

    transaction.on_commit(send)


def notify_inspection(inspection, *, actor: User | None, what) -> None:
    """Tell the enterprise's representatives about a visit (planned, concluded, called off), after the commit."""
    project = inspection.project
    title = gettext("%(what)s ngày %(day)s: %(title)s") % {
        "what": what,
        "day": format_date(inspection.planned_on),
        "title": project.title[:150],
    }
    body, url = inspection.summary or "", project.get_absolute_url()

    def send() -> None:
        users = list(_representatives(project).filter(is_active=True).exclude(pk=getattr(actor, "pk", None)).distinct())
        if users:
            notification_create_many(users=users, title=title, body=body, url=url)

    transaction.on_commit(send)
