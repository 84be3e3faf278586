"""Who may do what in the network of experts and conformity bodies."""

from nscl.core.permissions import PUBLIC, is_allowed
from nscl.core.roles import Role

DIRECTORY = PUBLIC  # the public directory: names, fields, organisation; never phone or e-mail
READ = (Role.OFFICER, Role.BOARD, Role.ADMIN)  # the workspace lists, details, history, exports
MANAGE = (Role.OFFICER, Role.ADMIN)  # create and edit records
SELF = (Role.EXPERT,)  # an expert's own profile (object check: can_edit_own_expert)


def can_read_network(user) -> bool:
    return is_allowed(user, READ)


def can_manage_network(user) -> bool:
    return is_allowed(user, MANAGE)


def can_see_contacts(user) -> bool:
    """Phone, e-mail and internal notes are for the workspace roles only."""
    return can_read_network(user)
