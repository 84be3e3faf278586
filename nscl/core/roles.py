"""The roles of DESIGN.md. Each is a Django Group of the same name; superusers count as admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ENTERPRISE = "enterprise", _("Đại diện doanh nghiệp")
    OFFICER = "officer", _("Cán bộ Sở KH&CN")
    EDITOR = "editor", _("Biên tập viên cổng thông tin")
    BOARD = "board", _("Thành viên Ban điều hành")
    EXPERT = "expert", _("Chuyên gia NSCL")
    EXAMINER = "examiner", _("Chuyên gia đánh giá giải thưởng")
    ADMIN = "admin", _("Quản trị hệ thống")


def user_roles(user) -> frozenset[str]:
    """The user's role codes, computed once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_nscl_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            names.add(Role.ADMIN)
        cached = frozenset(names & set(Role.values))
        user._nscl_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))
