"""Reference data of support projects: support types, indicator kinds and the demo support rules.

Sources and caveats: data/projects/SOURCE.md. Support types and indicator kinds are upserted by
code. Support rules are created when missing and never overwritten: officers edit them.
"""

import csv
import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from nscl.projects.choices import IndicatorDirection, SupportGroup
from nscl.projects.models import IndicatorKind, SupportRule, SupportType

DATA_DIR = Path(settings.BASE_DIR) / "data" / "projects"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(handle)]


@transaction.atomic
def support_types_load(*, path: Path = DATA_DIR / "support_types.csv") -> int:
    rows = _read(path)
    for row in rows:
        if row["group"] not in SupportGroup.values:
            raise ValueError(f"{path.name}: unknown group {row['group']!r} for {row['code']}")
        SupportType.objects.update_or_create(
            code=row["code"],
            defaults={
                "group": row["group"],
                "name_vi": row["name_vi"],
                "name_en": row["name_en"],
                "sort_order": int(row["sort_order"] or 0),
            },
        )
    return len(rows)


@transaction.atomic
def indicator_kinds_load(*, path: Path = DATA_DIR / "indicator_kinds.csv") -> int:
    rows = _read(path)
    for row in rows:
        if row["direction"] not in IndicatorDirection.values:
            raise ValueError(f"{path.name}: unknown direction {row['direction']!r} for {row['code']}")
        IndicatorKind.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_vi": row["name_vi"],
                "name_en": row["name_en"],
                "unit": row["unit"],
                "direction": row["direction"],
                "sort_order": int(row["sort_order"] or 0),
            },
        )
    return len(rows)


@transaction.atomic
def support_rules_load(*, path: Path = DATA_DIR / "support_rules_demo.csv", demo: bool = True) -> int:
    """Create the rules that are missing (by group and start date); rows officers edited stay as they are."""
    created = 0
    for row in _read(path):
        if row["group"] not in SupportGroup.values:
            raise ValueError(f"{path.name}: unknown group {row['group']!r}")
        _rule, was_created = SupportRule.objects.get_or_create(
            group=row["group"],
            valid_from=datetime.date.fromisoformat(row["valid_from"]),
            defaults={
                "share_percent": Decimal(row["share_percent"]),
                "ceiling": int(row["ceiling"]),
                "valid_to": datetime.date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
                "source": row["source"],
                "is_demo": demo,
            },
        )
        created += was_created
    return created


def load() -> None:
    """The catalogue only: the demo support rules are loaded by demo.py (they are not the province's)."""
    support_types_load()
    indicator_kinds_load()
