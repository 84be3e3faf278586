from django.conf import settings

from nscl.core.permissions import STAFF_ROLES
from nscl.core.roles import has_role, user_roles


def site(request):
    """Site-wide values for the base layout (one small query for a signed-in user's unread notices)."""
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    url_name = match.url_name if match else ""
    route = match.route if match else ""
    app_name = match.app_name if match else ""
    if app_name == "standards" and "quan-ly/" in route:
        section = "workspace"
    elif (url_name or "").startswith("ics_"):
        section = "ics"
    else:
        section = app_name
    context = {
        "PROVINCE_NAME": settings.NSCL_PROVINCE_NAME,
        "nscl_is_staff": False,
        "nscl_roles": frozenset(),
        "nscl_unread": 0,
        "nav_section": section,
        "nav_url_name": url_name,
    }
    if user is not None and user.is_authenticated:
        context["nscl_is_staff"] = has_role(user, *STAFF_ROLES)
        context["nscl_roles"] = user_roles(user)
        context["nscl_unread"] = user.notifications.filter(read_at__isnull=True).count()
    return context
