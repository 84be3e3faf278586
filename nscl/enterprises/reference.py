"""Reference data of the enterprise registry: the size thresholds of Decree 80/2021/NĐ-CP, Article 5."""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from nscl.enterprises.models import SectorGroupSection, SizeThreshold

SIZE_DIR = Path(settings.BASE_DIR) / "data" / "enterprise-size"
SOURCE = "Nghị định 80/2021/NĐ-CP, Điều 5"


@transaction.atomic
def size_thresholds_load(*, directory: Path = SIZE_DIR) -> int:
    """Upsert the thresholds and the VSIC section -> sector group map. Returns the number of thresholds."""
    with (directory / "size_thresholds.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    SizeThreshold.objects.bulk_create(
        [
            SizeThreshold(
                sector_group=row["sector_group"],
                size_class=row["size_class"],
                max_employees=int(row["max_employees"]),
                max_revenue=int(row["max_revenue"]),
                max_capital=int(row["max_capital"]),
                source=SOURCE,
            )
            for row in rows
        ],
        update_conflicts=True,
        unique_fields=["sector_group", "size_class"],
        update_fields=["max_employees", "max_revenue", "max_capital", "source"],
    )
    with (directory / "sector_groups.csv").open(encoding="utf-8", newline="") as handle:
        sections = list(csv.DictReader(handle))
    SectorGroupSection.objects.bulk_create(
        [SectorGroupSection(section=row["section"], sector_group=row["sector_group"]) for row in sections],
        update_conflicts=True,
        unique_fields=["section"],
        update_fields=["sector_group"],
    )
    return len(rows)


def load() -> None:
    """Called by `manage.py load_reference_data`: new thresholds apply to every enterprise at once."""
    from nscl.enterprises.services import enterprise_size_refresh

    size_thresholds_load()
    enterprise_size_refresh()
