"""Writes of the program's indicators: recording an entered indicator's value for a year.

A year has one value per indicator; recording it again corrects it, and the row's history keeps who
changed it, when, and the value and source before and after.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from nscl.planning.indicator_choices import (
    ERROR_ENTRY_COMPUTED,
    ERROR_ENTRY_NEGATIVE,
    ERROR_ENTRY_NOT_ALLOWED,
    ERROR_ENTRY_SOURCE,
    ERROR_ENTRY_YEAR,
)
from nscl.planning.models import Indicator, IndicatorEntry
from nscl.planning.permissions import can_edit_plans

FIRST_YEAR = 2000


def entry_year_bounds(today: datetime.date | None = None) -> tuple[int, int]:
    """Values are recorded for years already begun: from 2000 to the current year."""
    return FIRST_YEAR, (today or timezone.localdate()).year


@transaction.atomic
def indicator_entry_record(
    *, indicator: Indicator, year: int, value: Decimal, source: str, note: str = "", by
) -> IndicatorEntry:
    if not can_edit_plans(by):  # officers only, as for the plans
        raise PermissionDenied(ERROR_ENTRY_NOT_ALLOWED)
    if indicator.is_computed:
        raise ValidationError(ERROR_ENTRY_COMPUTED, params={"code": indicator.code})
    low, high = entry_year_bounds()
    errors: dict[str, list] = {}
    if not low <= year <= high:
        errors["year"] = [ValidationError(ERROR_ENTRY_YEAR, params={"low": low, "high": high})]
    if value < 0 and not indicator.allows_negative:
        errors["value"] = [ValidationError(ERROR_ENTRY_NEGATIVE)]
    if not source.strip():
        errors["source"] = [ValidationError(ERROR_ENTRY_SOURCE)]
    if errors:
        raise ValidationError(errors)
    entry = IndicatorEntry.objects.select_for_update().filter(indicator=indicator, year=year).first()
    if entry is None:
        entry = IndicatorEntry(indicator=indicator, year=year, value=value, source=source.strip(), note=note, by=by)
        entry._history_user = by  # type: ignore[attr-defined]  # who, for django-simple-history
        entry.full_clean()
        entry.save()
        return entry
    entry.value, entry.source, entry.note, entry.by, entry.at = value, source.strip(), note, by, timezone.now()
    entry._history_user = by  # type: ignore[attr-defined]
    entry.full_clean()
    entry.save(update_fields=["value", "source", "note", "by", "at"])
    return entry
