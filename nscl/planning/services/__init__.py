"""Every write of the planning app, split by topic."""

from nscl.planning.services.execution import commitment_add, disbursement_add
from nscl.planning.services.plans import (
    budget_line_add,
    budget_line_delete,
    budget_line_update,
    plan_create,
    task_add,
    task_update,
)
from nscl.planning.services.transitions import (
    SERVICES,
    STATUS_AFTER,
    plan_adjust,
    plan_approve,
    plan_endorse,
    plan_return,
    plan_submit,
    plan_submit_to_committee,
)

__all__ = [
    "SERVICES",
    "STATUS_AFTER",
    "budget_line_add",
    "budget_line_delete",
    "budget_line_update",
    "commitment_add",
    "disbursement_add",
    "plan_adjust",
    "plan_approve",
    "plan_create",
    "plan_endorse",
    "plan_return",
    "plan_submit",
    "plan_submit_to_committee",
    "task_add",
    "task_update",
]
