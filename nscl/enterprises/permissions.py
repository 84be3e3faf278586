"""Who may do what in the enterprise registry. Object scope: an enterprise user acts only on its own records."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from nscl.core.permissions import PUBLIC, is_allowed
from nscl.core.roles import Role, has_role

STAFF = (Role.OFFICER, Role.ADMIN)
READ_ALL = (Role.OFFICER, Role.ADMIN, Role.BOARD)
# Pages that list or show enterprises: each filters by Enterprise.objects.visible_to(user).
REGISTRY_READ = (Role.OFFICER, Role.ADMIN, Role.BOARD, Role.ENTERPRISE)
# Profile and yearly figures: staff, or the confirmed representative (object check below).
PROFILE_EDIT = (Role.OFFICER, Role.ADMIN, Role.ENTERPRISE)
MANAGE = STAFF  # create enterprises, certifications, decide claims, model enterprises
CLAIM = (Role.ENTERPRISE,)
SHOWCASE_READ = READ_ALL
SIGN_UP = PUBLIC
PUBLIC_SHOWCASE = PUBLIC


def can_read_history(user) -> bool:
    return is_allowed(user, STAFF)


def can_manage(user) -> bool:
    return is_allowed(user, MANAGE)


def sees_full_record(user) -> bool:
    """Staff and the board read every field of every enterprise."""
    return has_role(user, *READ_ALL)


class ApiRead(BasePermission):
    """Reads only, by anyone: what each reader sees (public fields or the full record) is the serializer's choice."""

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS
