"""When an adjustment is approved, the execution recorded on the revision it replaces moves to the new one.

Commitments and disbursements belong to budget lines. An adjustment copies every line (the copy
remembers its ``origin``), so on approval each record is moved to the copy of its line: the
revision in force then carries the whole year's execution, and plan versus actual reads one
revision. Before that, the adjustment must fit what was already spent: a line that has records
cannot be removed, and its new amount cannot fall below what was committed or disbursed on it.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models import Sum
from simple_history.utils import bulk_update_with_history

from nscl.accounts.models import User
from nscl.core.formatting import format_money
from nscl.planning import constants
from nscl.planning.models import AnnualPlan, BudgetLine, Commitment, Disbursement
from nscl.planning.services.execution import line_label


def _done_by_line(plan_id: int) -> dict[int, dict[str, int]]:
    """Committed and disbursed đồng per line of a revision (two grouped queries)."""
    done: dict[int, dict[str, int]] = defaultdict(lambda: {"committed": 0, "disbursed": 0})
    for key, model in (("committed", Commitment), ("disbursed", Disbursement)):
        rows = (
            model.objects.filter(budget_line__task__plan_id=plan_id)
            .values_list("budget_line_id")
            .annotate(total=Sum("amount"))
            .order_by()
        )
        for line_id, total in rows:
            done[line_id][key] = int(total)
    return done


def check_execution_fits(plan: AnnualPlan) -> None:
    """Refuse an adjustment that removes a line with records or cuts a line below what was done on it."""
    if plan.previous_id is None:
        return
    done = _done_by_line(plan.previous_id)
    if not done:
        return
    copies = {
        line.origin_id: line
        for line in BudgetLine.objects.filter(task__plan=plan, origin__isnull=False).select_related(
            "task", "expense_item"
        )
    }
    problems = []
    old_lines = BudgetLine.objects.filter(pk__in=done).select_related("task", "expense_item").order_by("pk")
    for old in old_lines:
        spent = max(done[old.pk]["committed"], done[old.pk]["disbursed"])
        copy = copies.get(old.pk)
        if copy is None:
            problems.append(constants.ERROR_CARRY_REMOVED % {"line": line_label(old), "done": format_money(spent)})
        elif copy.amount < spent:
            problems.append(
                constants.ERROR_CARRY_BELOW_DONE
                % {"line": line_label(copy), "amount": format_money(copy.amount), "done": format_money(spent)}
            )
    if problems:
        raise ValidationError(problems)


def carry_execution(*, old: AnnualPlan, new: AnnualPlan, by: User) -> dict[str, int]:
    """Move the old revision's commitments and disbursements to the copies of their lines; say how many."""
    copy_of = dict(BudgetLine.objects.filter(task__plan=new, origin__task__plan=old).values_list("origin_id", "pk"))
    moved = {}
    for key, model in (("commitments", Commitment), ("disbursements", Disbursement)):
        records = list(model.objects.filter(budget_line__task__plan=old).order_by("pk"))
        for record in records:
            record.budget_line_id = copy_of[record.budget_line_id]
        if records:
            reason = f"carried to revision {new.revision}"
            bulk_update_with_history(records, model, ["budget_line"], default_user=by, default_change_reason=reason)
        moved[key] = len(records)
    return moved
