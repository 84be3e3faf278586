"""Demo accounts, one per role of DESIGN.md. Passwords are for a local demo only."""

from nscl.accounts.models import User
from nscl.accounts.services import user_set_roles
from nscl.core.roles import Role

DEMO_PASSWORD = "nscl-demo-2026"  # noqa: S105  (printed by `make run`; for a local demo only)
DEMO_USERS = [
    ("admin", "Quản trị hệ thống", Role.ADMIN),
    ("canbo", "Nguyễn Thị Hồng Nhung", Role.OFFICER),
    ("bientap", "Chu Thị Minh Ngọc", Role.EDITOR),
    ("bandieuhanh", "Hoàng Văn Thắng", Role.BOARD),
    ("chuyengia", "Lương Minh Đức", Role.EXPERT),
    ("giamkhao", "Vi Thị Thu Trang", Role.EXAMINER),
    ("doanhnghiep", "Lộc Văn Phúc", Role.ENTERPRISE),
]


def load() -> list[tuple[str, str, str]]:
    accounts = []
    for username, full_name, role in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"full_name": full_name, "email": f"{username}@nscl.localhost", "is_staff": role == Role.ADMIN},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_superuser = role == Role.ADMIN
            user.save(update_fields=["password", "is_superuser"])
        user_set_roles(user=user, roles=[role])
        accounts.append((username, DEMO_PASSWORD, str(role.label)))
    return accounts
