"""Who may do what in the standards repository."""

from nscl.core.permissions import PUBLIC, SIGNED_IN, STAFF_ROLES

SEARCH = PUBLIC
READ = PUBLIC
FOLLOW = SIGNED_IN
EXPORT = SIGNED_IN
MANAGE = STAFF_ROLES  # edit records, import files


def can_manage_standards(user) -> bool:
    from nscl.core.permissions import is_allowed

    return is_allowed(user, MANAGE)
