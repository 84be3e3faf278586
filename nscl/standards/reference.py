"""Reference data of the standards repository: the ICS tree (ISO Open Data) and its Vietnamese field names."""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from nscl.standards.models import IcsCode

ICS_DIR = Path(settings.BASE_DIR) / "data" / "ics"


@transaction.atomic
def ics_load(*, directory: Path = ICS_DIR) -> int:
    """Upsert every ICS code, parents first; Vietnamese titles come from ics_fields_vi.csv when present."""
    titles_vi: dict[str, str] = {}
    vi_path = directory / "ics_fields_vi.csv"
    if vi_path.exists():
        with vi_path.open(encoding="utf-8", newline="") as handle:
            titles_vi = {row["code"]: row["title_vi"] for row in csv.DictReader(handle)}
    with (directory / "ics.csv").open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: (int(r["level"]), r["code"]))
    for level in (1, 2, 3):
        IcsCode.objects.bulk_create(
            [
                IcsCode(
                    code=row["code"],
                    level=level,
                    parent_id=row["parent"] or None,
                    title_en=row["title_en"],
                    title_vi=titles_vi.get(row["code"], ""),
                    scope=row["scope_en"] or "",
                )
                for row in rows
                if int(row["level"]) == level
            ],
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["level", "parent", "title_en", "title_vi", "scope"],
        )
    return len(rows)


def load() -> None:
    ics_load()
