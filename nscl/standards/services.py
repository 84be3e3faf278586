"""Writes to the standards repository. Every write indexes the record in the same transaction and
records who changed what: django-simple-history for edits, StandardStatusChange for status."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nscl.accounts.models import User
from nscl.standards import constants
from nscl.standards.alerts import alerts_send
from nscl.standards.choices import StandardStatus
from nscl.standards.codes import parse_code
from nscl.standards.models import Follow, IcsCode, Standard, StandardIcs, StandardStatusChange
from nscl.standards.search import get_backend

EDITABLE_FIELDS = [
    "kind", "code", "title_vi", "title_en", "scope", "status", "status_date", "effective_date", "issuing_body",
    "decision", "equivalent_ref", "equivalence", "replaced_by", "pages", "field", "year",
]  # fmt: skip


def apply_code(standard: Standard, *, keep_year: bool = False) -> None:
    """Fill the parsed parts (key, number, base, part, and the year unless given) from the code."""
    parsed = parse_code(standard.code, standard.kind or None)
    standard.kind = standard.kind or parsed.kind
    standard.code = parsed.code
    standard.code_key = parsed.code_key
    standard.number, standard.base_number, standard.part = parsed.number, parsed.base_number, parsed.part
    if not (keep_year and standard.year):
        standard.year = parsed.year or standard.year


def check_replacement(standard: Standard) -> None:
    """A standard is never replaced by itself, and following replaced_by never loops."""
    target = standard.replaced_by
    if target is None:
        return
    if standard.pk and target.pk == standard.pk:
        raise ValidationError({"replaced_by": constants.ERROR_REPLACED_BY_SELF})
    seen = {standard.pk}
    for _step in range(constants.MAX_CHAIN):
        if target is None:
            return
        if target.pk in seen:
            raise ValidationError({"replaced_by": constants.ERROR_REPLACEMENT_CYCLE % {"code": target.code}})
        seen.add(target.pk)
        target = target.replaced_by


def _record_status(standard: Standard, old: str, *, by: User | None, on: datetime.date | None, note: str) -> None:
    StandardStatusChange.objects.create(
        standard=standard, old_status=old, new_status=standard.status, changed_on=on, note=note[:300], changed_by=by
    )


def _prepare(standard: Standard, data: dict[str, Any]) -> None:
    """Derived parts and the checks that need other rows: status, parsed code, unique number, year."""
    if standard.replaced_by_id:
        standard.status = StandardStatus.REPLACED
    # A year the user gave wins; otherwise the year follows the number (also when the number changes).
    apply_code(standard, keep_year=data.get("year") is not None)
    duplicate = Standard.objects.filter(kind=standard.kind, code_key=standard.code_key).exclude(pk=standard.pk)
    if duplicate.exists():
        raise ValidationError(
            {
                "code": constants.ERROR_DUPLICATE_CODE
                % {"kind": standard.get_kind_display().split(" - ")[0], "code": standard.code}
            }
        )
    if standard.year is not None and not 1900 <= standard.year <= 2100:
        raise ValidationError({"year": constants.ERROR_YEAR_RANGE})


@transaction.atomic
def standard_save(
    *,
    standard: Standard,
    data: dict[str, Any],
    ics_codes: list[IcsCode] | None = None,
    by: User | None,
    reason: str = "",
) -> Standard:
    """Create or update one standard from form data; status history, index and alerts follow."""
    creating = standard.pk is None
    old_status = "" if creating else Standard.objects.values_list("status", flat=True).get(pk=standard.pk)
    for name, value in data.items():
        setattr(standard, name, value)
    _prepare(standard, data)
    check_replacement(standard)
    if old_status != standard.status:
        standard.status_date = standard.status_date if data.get("status_date") else timezone.localdate()
    standard._change_reason = reason
    if by is not None:
        standard._history_user = by  # who, for django-simple-history, also outside a request
    standard.full_clean()
    standard.save()
    if ics_codes is not None:
        _set_ics(standard, ics_codes)
    if old_status != standard.status:
        _record_status(standard, old_status, by=by, on=standard.status_date, note=reason)
    get_backend().index([standard.pk])
    if creating:
        alerts_send(created_ids=[standard.pk])
    elif old_status != standard.status:
        alerts_send(status_changes=[(standard.pk, standard.status)])
    return standard


def _set_ics(standard: Standard, codes: list[IcsCode]) -> None:
    wanted = {c.pk for c in codes}
    StandardIcs.objects.filter(standard=standard).exclude(ics_code_id__in=wanted).delete()
    have = set(StandardIcs.objects.filter(standard=standard).values_list("ics_code_id", flat=True))
    StandardIcs.objects.bulk_create([StandardIcs(standard=standard, ics_code_id=c) for c in wanted - have])


@transaction.atomic
def standard_delete(*, standard: Standard, by: User | None) -> None:
    standard._change_reason = f"deleted by {by}" if by else "deleted"
    get_backend().remove([standard.pk])
    standard.delete()


@transaction.atomic
def follow_create(*, user: User, standard: Standard | None = None, ics_code: IcsCode | None = None) -> Follow:
    follow, _created = Follow.objects.get_or_create(user=user, standard=standard, ics_code=ics_code)
    return follow


@transaction.atomic
def follow_delete(*, user: User, follow_id: int) -> bool:
    deleted, _ = Follow.objects.filter(user=user, id=follow_id).delete()
    return bool(deleted)
