"""The permission layer every view and API endpoint goes through. Deny by default.

An HTML view states its rule in one place: ``access = PUBLIC``, ``access = SIGNED_IN`` or
``access = (Role.OFFICER, Role.ADMIN)``. A view that states nothing answers 403 to everyone.
Object scope (an enterprise's own records) lives in each app's ``permissions.py``.
"""

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission

from nscl.core.roles import Role, has_role

PUBLIC = "public"
SIGNED_IN = "signed_in"
STAFF_ROLES = (Role.OFFICER, Role.ADMIN)


def is_allowed(user, access) -> bool:
    if access == PUBLIC:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if access == SIGNED_IN:
        return True
    if isinstance(access, tuple | list | frozenset | set) and access:
        return has_role(user, *access)
    return False


class AccessRequiredMixin(AccessMixin):
    """Checks ``access`` before anything else runs; anonymous users go to the login page."""

    access: object = None  # deny when a view forgets to say

    def dispatch(self, request, *args, **kwargs):
        if not is_allowed(request.user, self.access):
            if not request.user.is_authenticated:
                return self.handle_no_permission()
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DenyAll(BasePermission):
    """DRF default: an endpoint that names no permission class is closed."""

    def has_permission(self, request, view) -> bool:
        return False


class PublicReadOnly(BasePermission):
    """Anyone may read; nobody writes through this endpoint."""

    def has_permission(self, request, view) -> bool:
        return request.method in ("GET", "HEAD", "OPTIONS")


class HasRole(BasePermission):
    """Use as ``permission_classes = [HasRole.of(Role.OFFICER, Role.ADMIN)]``."""

    roles: tuple[str, ...] = ()

    @classmethod
    def of(cls, *roles: str) -> type["HasRole"]:
        return type(f"HasRole_{'_'.join(roles)}", (cls,), {"roles": roles})

    def has_permission(self, request, view) -> bool:
        return is_allowed(request.user, self.roles)
