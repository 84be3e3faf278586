"""Who may do what with support projects and inspections. Deny by default.

Page and API access rules are the module constants; object scope is in the ``can_*`` predicates
and in ``SupportProject.objects.visible_to(user)``. The transition table names, for each verb,
who may make it; the model's ``@transition`` names the states it starts from.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from nscl.core.permissions import SIGNED_IN
from nscl.core.roles import Role, has_role
from nscl.enterprises.choices import RepresentativeStatus
from nscl.enterprises.models import EnterpriseRepresentative
from nscl.projects.choices import EDITABLE_STATUSES, OPEN_STATUSES, ProjectStatus

READ = SIGNED_IN  # then object scope: visible_to(user)
PIPELINE = (Role.OFFICER, Role.BOARD, Role.ADMIN)  # the whole pipeline board and list
MY_PROJECTS = (Role.ENTERPRISE,)
MANAGE_RULES = (Role.OFFICER, Role.ADMIN)
READ_RULES = (Role.OFFICER, Role.BOARD, Role.ADMIN)  # the board reads the rules it approves projects under
INSPECT = (Role.OFFICER,)  # plan and record inspections
READ_INSPECTIONS = (Role.OFFICER, Role.BOARD, Role.ADMIN)  # the inspection list and the inspection pages
# A project's own inspections (findings, corrective actions) are shown on its page to everyone who may
# read the project: its representatives and its expert too. Recording them stays INSPECT.
READ_PROJECT_INSPECTIONS = READ
# Who changed what and when (project, budget, indicators, milestones, inspections): not the enterprise
# nor its expert, as with the enterprise registry's history.
READ_HISTORY = (Role.OFFICER, Role.BOARD, Role.ADMIN)

REPRESENTATIVE = "representative"  # a confirmed representative of THIS project's enterprise


@dataclass(frozen=True)
class TransitionRule:
    verb: str
    label: object  # lazy text: "nộp hồ sơ"
    who: tuple[str, ...]
    reason_required: bool = False
    style: str = "primary"


TRANSITIONS: dict[str, TransitionRule] = {
    rule.verb: rule
    for rule in (
        TransitionRule("submit", _("nộp hồ sơ"), (REPRESENTATIVE,)),
        TransitionRule("resubmit", _("nộp lại hồ sơ"), (REPRESENTATIVE,)),
        TransitionRule("start_appraisal", _("bắt đầu thẩm định"), (Role.OFFICER,)),
        TransitionRule("return_for_changes", _("trả lại để bổ sung"), (Role.OFFICER,), True, "warning"),
        TransitionRule("reject", _("từ chối"), (Role.OFFICER,), True, "danger"),
        TransitionRule("approve", _("phê duyệt"), (Role.BOARD,), False, "success"),
        TransitionRule("start", _("bắt đầu thực hiện"), (REPRESENTATIVE,)),
        TransitionRule("request_acceptance", _("đề nghị nghiệm thu"), (REPRESENTATIVE,)),
        TransitionRule("accept", _("nghiệm thu đạt"), (Role.OFFICER,), False, "success"),
        TransitionRule("refuse_acceptance", _("không nghiệm thu"), (Role.OFFICER,), True, "danger"),
        TransitionRule("cancel", _("hủy dự án"), (Role.OFFICER, REPRESENTATIVE), True, "outline-danger"),
    )
}
# A representative may cancel only before appraisal starts; an officer from any open state.
REPRESENTATIVE_CANCEL_FROM = (ProjectStatus.DRAFT, ProjectStatus.SUBMITTED)


def is_representative(user, project) -> bool:
    return represents_enterprise(user, project.enterprise_id)


def represents_enterprise(user, enterprise_id: int) -> bool:
    """A confirmed representative of this enterprise (the enterprise ids are looked up once per request)."""
    if not has_role(user, Role.ENTERPRISE):
        return False
    cache = getattr(user, "_nscl_enterprise_ids", None)
    if cache is None:
        cache = set(
            EnterpriseRepresentative.objects.filter(user=user, status=RepresentativeStatus.CONFIRMED).values_list(
                "enterprise_id", flat=True
            )
        )
        user._nscl_enterprise_ids = cache
    return enterprise_id in cache


def can_transition(user, project, verb: str) -> bool:
    """Whether the user's role (or representation) lets them make this transition on this project."""
    rule = TRANSITIONS.get(verb)
    if rule is None or not getattr(user, "is_authenticated", False):
        return False
    roles = [who for who in rule.who if who != REPRESENTATIVE]
    if roles and has_role(user, *roles):
        return True
    if REPRESENTATIVE in rule.who and is_representative(user, project):
        return verb != "cancel" or project.status in REPRESENTATIVE_CANCEL_FROM
    return False


def available_transitions(user, project) -> list[TransitionRule]:
    """The transitions this user may make now: allowed for them and possible from the current state."""
    return [
        rule
        for verb, rule in TRANSITIONS.items()
        if can_transition(user, project, verb)
        and any(t.name == verb for t in project.get_available_status_transitions())
    ]


def can_edit_project(user, project) -> bool:
    return project.status in EDITABLE_STATUSES and is_representative(user, project)


def can_update_progress(user, project) -> bool:
    """Milestones done and indicator results: the enterprise while the project runs."""
    return project.status in (ProjectStatus.IN_PROGRESS, *EDITABLE_STATUSES) and is_representative(user, project)


def can_upload_document(user, project) -> bool:
    if project.status not in OPEN_STATUSES:
        return False
    return has_role(user, Role.OFFICER) or is_representative(user, project)


def can_create_project(user) -> bool:
    return has_role(user, Role.ENTERPRISE)


def can_propose_project_for(user, enterprise) -> bool:
    """A representative proposes projects only for an enterprise they are a confirmed representative of."""
    return can_create_project(user) and represents_enterprise(user, enterprise.pk)


def can_manage_rules(user) -> bool:
    return has_role(user, *MANAGE_RULES)


def can_record_inspections(user) -> bool:
    return has_role(user, *INSPECT)


def can_open_inspection_pages(user) -> bool:
    return has_role(user, *READ_INSPECTIONS)


def can_read_history(user) -> bool:
    return has_role(user, *READ_HISTORY)
