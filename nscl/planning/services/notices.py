"""Who hears about a plan's transitions: in-app notices, queued for after the commit."""

from django.db import transaction
from django.utils.translation import gettext

from nscl.accounts.models import User
from nscl.accounts.services import notification_create_many
from nscl.core.roles import Role
from nscl.planning.models import AnnualPlan

AUDIENCE = {
    "submit": (Role.BOARD,),
    "return_for_changes": (Role.OFFICER,),
    "endorse": (Role.OFFICER,),
    "approve": (Role.BOARD,),
}


def recipients(verb: str, *, actor: User | None) -> list[User]:
    roles = AUDIENCE.get(verb, ())
    if not roles:
        return []
    users = User.objects.filter(groups__name__in=roles, is_active=True).distinct()
    if actor is not None:
        users = users.exclude(pk=actor.pk)
    return list(users.order_by("id"))


def notify_transition(plan: AnnualPlan, verb: str, *, actor: User | None, status_label: str, reason: str) -> None:
    """Nothing leaves if the transaction rolls back."""
    title = gettext("Kế hoạch “%(title)s”: %(status)s") % {"title": plan.title[:150], "status": status_label}

    def send() -> None:
        users = recipients(verb, actor=actor)
        if users:
            notification_create_many(users=users, title=title, body=reason or "", url="")

    transaction.on_commit(send)
