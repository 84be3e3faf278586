"""Reference data of the network: the fields of expertise (management systems, improvement tools)."""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from nscl.network.models import ExpertiseField

DATA_DIR = Path(settings.BASE_DIR) / "data" / "network"


@transaction.atomic
def expertise_fields_load(*, path: Path = DATA_DIR / "expertise_fields.csv") -> int:
    """Upsert every field of expertise by its code."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ExpertiseField.objects.bulk_create(
        [
            ExpertiseField(
                code=row["code"],
                category=row["category"],
                sort_order=int(row["sort_order"]),
                name_vi=row["name_vi"],
                name_en=row["name_en"],
            )
            for row in rows
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["category", "sort_order", "name_vi", "name_en"],
    )
    return len(rows)


def load() -> None:
    expertise_fields_load()
