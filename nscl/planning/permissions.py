"""Who may do what with annual plans. Deny by default.

The transition table names, for each verb, the roles that may make it; the model's ``@transition``
names the states it starts from. Only officers write a plan's tasks and budget lines.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from nscl.core.roles import Role, has_role

READ = (Role.OFFICER, Role.BOARD, Role.ADMIN)
EDIT = (Role.OFFICER,)


@dataclass(frozen=True)
class TransitionRule:
    verb: str
    label: object  # lazy text: "trình Ban điều hành"
    who: tuple[str, ...]
    reason_required: bool = False
    style: str = "primary"


TRANSITIONS: dict[str, TransitionRule] = {
    rule.verb: rule
    for rule in (
        TransitionRule("submit", _("trình Ban điều hành"), (Role.OFFICER,)),
        TransitionRule("return_for_changes", _("trả lại kế hoạch"), (Role.BOARD,), True, "warning"),
        TransitionRule("endorse", _("thông qua kế hoạch"), (Role.BOARD,), False, "success"),
        TransitionRule("submit_to_committee", _("trình UBND tỉnh"), (Role.OFFICER,)),
        TransitionRule("approve", _("ghi nhận quyết định phê duyệt"), (Role.OFFICER,), False, "success"),
        TransitionRule("adjust", _("lập điều chỉnh"), (Role.OFFICER,), True, "outline-primary"),
    )
}


def can_transition(user, verb: str) -> bool:
    rule = TRANSITIONS.get(verb)
    return rule is not None and has_role(user, *rule.who)


def can_edit_plans(user) -> bool:
    return has_role(user, *EDIT)


def can_read_plans(user) -> bool:
    return has_role(user, *READ)


def can_record_execution(user) -> bool:
    """Commitments and disbursements are recorded by officers only."""
    return has_role(user, Role.OFFICER)
