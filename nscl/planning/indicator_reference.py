"""Reference data of the program's indicators and their targets (data/planning/indicators.toml, SOURCE.md).

Upserted by code: an indicator is matched by its code and a target by its year or period; the file is
the authority, so a target of a loaded indicator that the file no longer lists is removed. Every row
is checked before anything is written; a malformed row stops the load with a ValueError naming it.
"""

import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.db import transaction

from nscl.planning.indicator_choices import IndicatorAggregation, IndicatorDirection, IndicatorMethod, IndicatorScope
from nscl.planning.indicators import REGISTRY
from nscl.planning.models import Indicator, IndicatorTarget, ProgramPeriod

DATA_PATH = Path(settings.BASE_DIR) / "data" / "planning" / "indicators.toml"
REQUIRED = ("code", "name_vi", "unit", "scope", "method", "aggregation")
CHOICES = {
    "scope": IndicatorScope.values,
    "method": IndicatorMethod.values,
    "aggregation": IndicatorAggregation.values,
    "direction": IndicatorDirection.values,
}


def _decimal(text: object, where: str) -> Decimal:
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        raise ValueError(f"{where}: value {text!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{where}: value {text!r} is not a number")
    return value


def _check_indicator(row: dict, where: str) -> None:
    missing = [key for key in REQUIRED if not str(row.get(key, "")).strip()]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    for key, allowed in CHOICES.items():
        if key in row and row[key] not in allowed:
            raise ValueError(f"{where}: {key} {row[key]!r} is not one of {', '.join(allowed)}")
    computation = row.get("computation", "")
    if row["method"] == IndicatorMethod.COMPUTED:
        if computation not in REGISTRY:
            raise ValueError(f"{where}: unknown computation {computation!r}")
        if REGISTRY[computation].aggregation != row["aggregation"]:
            raise ValueError(f"{where}: computation {computation} is {REGISTRY[computation].aggregation}")
    elif computation:
        raise ValueError(f"{where}: an entered indicator names no computation")


def _check_target(row: dict, where: str, periods: dict[str, ProgramPeriod]) -> tuple[int | None, str | None]:
    year, period = row.get("year"), row.get("period")
    if (year is None) == (period is None):
        raise ValueError(f"{where}: give exactly one of year and period")
    if period is not None and period not in periods:
        raise ValueError(f"{where}: unknown period {period!r}")
    if year is not None and (not isinstance(year, int) or not 2000 <= year <= 2100):
        raise ValueError(f"{where}: year {year!r} is not a year")
    _decimal(row.get("value"), where)
    return year, period


def _read(path: Path) -> list[dict]:
    with path.open("rb") as handle:
        rows = tomllib.load(handle).get("indicator", [])
    periods = {p.code: p for p in ProgramPeriod.objects.all()}
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        where = f"{path.name}: [[indicator]] number {number}"
        _check_indicator(row, where)
        if row["code"] in seen:
            raise ValueError(f"{where}: code {row['code']} appears twice")
        seen.add(row["code"])
        spans = set()
        for t_number, target in enumerate(row.get("target", []), start=1):
            span = _check_target(target, f"{where} ({row['code']}), target {t_number}", periods)
            if span in spans:
                raise ValueError(f"{where} ({row['code']}): two targets for {span[0] or span[1]}")
            spans.add(span)
    return rows


def _upsert(row: dict, periods: dict[str, ProgramPeriod]) -> None:
    indicator, _ = Indicator.objects.update_or_create(
        code=row["code"],
        defaults={
            "name_vi": row["name_vi"],
            "name_en": row.get("name_en", ""),
            "unit": row["unit"],
            "scope": row["scope"],
            "method": row["method"],
            "computation": row.get("computation", ""),
            "aggregation": row["aggregation"],
            "direction": row.get("direction", IndicatorDirection.HIGHER),
            "allows_negative": bool(row.get("allows_negative", False)),
            "is_illustrative": bool(row.get("illustrative", False)),
            "description": row.get("description", ""),
            "source": row.get("source", ""),
            "sort_order": int(row.get("sort_order", 0)),
        },
    )
    kept = []
    for target in row.get("target", []):
        span = {"year": target.get("year"), "period": periods.get(target.get("period", ""))}
        obj, _ = IndicatorTarget.objects.update_or_create(
            indicator=indicator,
            **span,
            defaults={"value": _decimal(target["value"], row["code"]), "source": target.get("source", "")},
        )
        kept.append(obj.pk)
    indicator.targets.exclude(pk__in=kept).delete()


@transaction.atomic
def indicators_load(*, path: Path = DATA_PATH) -> int:
    """Upsert the indicators and their targets; return how many indicators the file holds."""
    rows = _read(path)
    periods = {p.code: p for p in ProgramPeriod.objects.all()}
    for row in rows:
        _upsert(row, periods)
    return len(rows)
