"""Reference data of planning: program periods, program areas and expense items (data/planning, SOURCE.md).

Upserted by code from TOML files; safe to repeat.
"""

import tomllib
from pathlib import Path

from django.conf import settings
from django.db import transaction

from nscl.planning.indicator_reference import indicators_load
from nscl.planning.models import ExpenseItem, ProgramArea, ProgramPeriod

DATA_DIR = Path(settings.BASE_DIR) / "data" / "planning"


def _rows(path: Path, key: str) -> list[dict]:
    with path.open("rb") as handle:
        rows = tomllib.load(handle).get(key, [])
    for number, row in enumerate(rows, start=1):
        if not str(row.get("code", "")).strip():
            raise ValueError(f"{path.name}: [[{key}]] number {number} has no code")
    return rows


@transaction.atomic
def periods_load(*, path: Path = DATA_DIR / "periods.toml") -> int:
    rows = _rows(path, "period")
    for row in rows:
        if int(row["end_year"]) < int(row["start_year"]):
            raise ValueError(f"{path.name}: {row['code']} ends before it starts")
        ProgramPeriod.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "start_year": int(row["start_year"]),
                "end_year": int(row["end_year"]),
                "decision_reference": row.get("decision_reference", ""),
            },
        )
    return len(rows)


@transaction.atomic
def areas_load(*, path: Path = DATA_DIR / "areas.toml") -> int:
    rows = _rows(path, "area")
    for row in rows:
        ProgramArea.objects.update_or_create(
            code=row["code"],
            defaults={"name_vi": row["name_vi"], "name_en": row.get("name_en", ""), "sort_order": row["sort_order"]},
        )
    return len(rows)


@transaction.atomic
def expense_items_load(*, path: Path = DATA_DIR / "expense_items.toml") -> int:
    rows = _rows(path, "item")
    for row in rows:
        ExpenseItem.objects.update_or_create(
            code=row["code"],
            defaults={"name_vi": row["name_vi"], "name_en": row.get("name_en", ""), "sort_order": row["sort_order"]},
        )
    return len(rows)


def load() -> None:
    periods_load()
    areas_load()
    expense_items_load()
    indicators_load()
