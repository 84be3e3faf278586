"""Template helpers of the projects app, for pages of other apps too (the enterprise page's projects section)."""

from decimal import Decimal

from django import template

from nscl.core.formatting import format_number
from nscl.projects import permissions, selectors
from nscl.projects.choices import ProjectStatus

register = template.Library()

_BADGES = {
    ProjectStatus.DRAFT: "text-bg-light border",
    ProjectStatus.SUBMITTED: "text-bg-info",
    ProjectStatus.UNDER_APPRAISAL: "text-bg-info",
    ProjectStatus.RETURNED: "text-bg-warning",
    ProjectStatus.REJECTED: "text-bg-danger",
    ProjectStatus.APPROVED: "text-bg-primary",
    ProjectStatus.IN_PROGRESS: "text-bg-primary",
    ProjectStatus.ACCEPTANCE_REVIEW: "text-bg-info",
    ProjectStatus.ACCEPTED: "text-bg-success",
    ProjectStatus.NOT_ACCEPTED: "text-bg-danger",
    ProjectStatus.CANCELLED: "text-bg-secondary",
}


@register.filter
def status_badge(status: str) -> str:
    """The Bootstrap badge classes of a project state (the state's name is always written next to it)."""
    return _BADGES.get(status, "text-bg-secondary")


@register.filter
def measure(value: Decimal | None) -> str:
    """An indicator's value as officers write it: 1234.5000 -> "1.234,5", 100.0000 -> "100" (never "1E+2")."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    whole, _, decimals = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = sign + format_number(int(whole.lstrip("-") or 0))
    return f"{grouped},{decimals}" if decimals else grouped


@register.simple_tag
def enterprise_projects(enterprise, user) -> dict:
    """What the enterprise page's projects section shows this user: the enterprise's projects the
    user may see (three queries however many), and whether they may propose one for it."""
    if enterprise is None or user is None:
        return {"projects": [], "can_propose": False}
    return {
        "projects": list(selectors.enterprise_project_list(user=user, enterprise=enterprise)),
        "can_propose": permissions.can_propose_project_for(user, enterprise),
    }
