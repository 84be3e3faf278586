"""Execution of an approved plan: commitments (cam kết chi) and disbursements (giải ngân) against its budget lines.

Only officers record them, only on lines of the approved revision in force (not a draft, not a
superseded revision), dated within the plan's year, in positive integer đồng. The total committed
and the total disbursed on a line never exceed its approved amount: going over needs an adjustment.
The budget line's row is locked first, so two concurrent records cannot both pass the check.
"""

import datetime
import uuid
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce

from nscl.accounts.models import User
from nscl.core.formatting import format_money
from nscl.planning import constants
from nscl.planning.choices import PlanStatus
from nscl.planning.models import BudgetLine, Commitment, Disbursement
from nscl.planning.permissions import can_record_execution
from nscl.projects.uploads import check_upload


def check_positive_amount(amount: Any) -> int:
    """Integer đồng above zero; a float, a bool or text is refused, not rounded."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValidationError({"amount": constants.ERROR_EXECUTION_AMOUNT})
    return int(amount)


def line_label(line: BudgetLine) -> str:
    """How a message names a line: task, funding source, expense item."""
    return f"{line.task.title} / {line.get_funding_source_display()} / {line.expense_item.name_vi}"


def _locked_line(line: BudgetLine | int, by: User) -> BudgetLine:
    """Check the user, lock the line's row, and check that its plan is the approved revision in force."""
    if not can_record_execution(by):
        raise PermissionDenied(constants.ERROR_EXECUTION_NOT_ALLOWED)
    pk = line if isinstance(line, int) else line.pk
    locked = BudgetLine.objects.select_for_update(of=("self",)).select_related("task__plan", "expense_item").get(pk=pk)
    plan = locked.task.plan
    if plan.status != PlanStatus.APPROVED:
        raise ValidationError(
            constants.ERROR_EXECUTION_NOT_APPROVED % {"line": line_label(locked), "status": plan.get_status_display()}
        )
    return locked


def _check_date(line: BudgetLine, date: datetime.date | None) -> None:
    year = line.task.plan.year
    if date is None or date.year != year:
        raise ValidationError({"date": constants.ERROR_EXECUTION_DATE % {"date": date, "year": year}})


def _check_reference(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: constants.ERROR_REFERENCE_REQUIRED})
    return value


def _check_room(line: BudgetLine, *, done: int, amount: int, message: Any) -> None:
    if done + amount > line.amount:
        raise ValidationError(
            message
            % {
                "line": line_label(line),
                "approved": format_money(line.amount),
                "done": format_money(done),
                "amount": format_money(amount),
            }
        )


def _total(queryset: Any) -> int:
    return int(queryset.aggregate(total=Coalesce(Sum("amount"), 0))["total"])


def _check_commitment(line: BudgetLine, commitment: Commitment, amount: int) -> None:
    if commitment.budget_line_id != line.pk:
        message = constants.ERROR_COMMITMENT_OTHER_LINE % {"reference": commitment.reference}
        raise ValidationError({"commitment": message})
    done = _total(Disbursement.objects.filter(commitment=commitment))
    if done + amount > commitment.amount:
        raise ValidationError(
            constants.ERROR_OVER_COMMITMENT
            % {
                "reference": commitment.reference,
                "committed": format_money(commitment.amount),
                "done": format_money(done),
                "amount": format_money(amount),
            }
        )


def _attach(obj: Commitment | Disbursement, document: Any) -> None:
    """Keep the supporting document (contract, decision, voucher) under a name of our own, if it passes
    the upload checks (size, and a type read from the content)."""
    if document is None:
        return
    try:
        obj.content_type, extension = check_upload(document)
    except ValidationError as error:
        raise ValidationError({"document": error.messages}) from error
    obj.document.save(f"{uuid.uuid4().hex}.{extension}", document, save=False)


def _save(obj: Commitment | Disbursement, by: User, document: Any = None) -> None:
    obj._history_user = by  # type: ignore[union-attr]  # who, for django-simple-history
    obj.full_clean(exclude=["document"])
    _attach(obj, document)
    obj.save()


@transaction.atomic
def commitment_add(
    *,
    line: BudgetLine,
    by: User,
    amount: int,
    date: datetime.date,
    reference: str,
    note: str = "",
    document: Any = None,
) -> Commitment:
    amount = check_positive_amount(amount)
    line = _locked_line(line, by)
    _check_date(line, date)
    reference = _check_reference(reference, "reference")
    done = _total(Commitment.objects.filter(budget_line=line))
    _check_room(line, done=done, amount=amount, message=constants.ERROR_OVER_COMMITTED)
    commitment = Commitment(budget_line=line, amount=amount, date=date, reference=reference, note=note, by=by)
    _save(commitment, by, document)
    return commitment


@transaction.atomic
def disbursement_add(
    *,
    line: BudgetLine,
    by: User,
    amount: int,
    date: datetime.date,
    voucher: str,
    commitment: Commitment | None = None,
    note: str = "",
    document: Any = None,
) -> Disbursement:
    amount = check_positive_amount(amount)
    line = _locked_line(line, by)
    _check_date(line, date)
    voucher = _check_reference(voucher, "voucher")
    done = _total(Disbursement.objects.filter(budget_line=line))
    _check_room(line, done=done, amount=amount, message=constants.ERROR_OVER_DISBURSED)
    if commitment is not None:
        _check_commitment(line, commitment, amount)
    disbursement = Disbursement(
        budget_line=line, commitment=commitment, amount=amount, date=date, voucher=voucher, note=note, by=by
    )
    _save(disbursement, by, document)
    return disbursement
