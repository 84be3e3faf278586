"""Loaders for the reference data files under data/ (idempotent: run them as often as you like)."""

import csv
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from nscl.core.models import Commune, Province, VsicCode
from nscl.core.text import fold

DATA_DIR = Path(settings.BASE_DIR) / "data"
ADMIN_UNITS_FILE = DATA_DIR / "vn-admin-units-2025" / "vn_units_2025.json"
VSIC_DIR = DATA_DIR / "vsic"


@transaction.atomic
def admin_units_load(*, path: Path = ADMIN_UNITS_FILE) -> tuple[int, int]:
    """Provinces and communes after the 2025 reform. Returns (provinces, communes)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    provinces, communes = [], []
    for item in data:
        provinces.append(
            Province(
                code=item["Code"],
                name=item["Name"],
                name_en=item.get("NameEn") or "",
                full_name=item["FullName"],
                full_name_en=item.get("FullNameEn") or "",
            )
        )
        for ward in item.get("Wards", []):
            communes.append(
                Commune(
                    code=ward["Code"],
                    province_id=item["Code"],
                    name=ward["Name"],
                    name_en=ward.get("NameEn") or "",
                    full_name=ward["FullName"],
                    full_name_en=ward.get("FullNameEn") or "",
                    name_folded=fold(ward["FullName"]),
                )
            )
    fields = ["name", "name_en", "full_name", "full_name_en"]
    Province.objects.bulk_create(provinces, update_conflicts=True, unique_fields=["code"], update_fields=fields)
    Commune.objects.bulk_create(
        communes,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=[*fields, "province", "name_folded"],
    )
    return len(provinces), len(communes)


@transaction.atomic
def vsic_load(*, directory: Path = VSIC_DIR) -> int:
    """VSIC codes from every data/vsic/vsic*.csv (columns version, code, level, parent, name_vi, name_en)."""
    count = 0
    for path in sorted(directory.glob("vsic*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = sorted(csv.DictReader(handle), key=lambda r: int(r["level"]))
        for row in rows:
            parent = None
            if row["parent"]:
                parent = VsicCode.objects.get(version=row["version"], code=row["parent"])
            VsicCode.objects.update_or_create(
                version=row["version"],
                code=row["code"],
                defaults={
                    "level": int(row["level"]),
                    "parent": parent,
                    "name_vi": row["name_vi"],
                    "name_en": row["name_en"],
                },
            )
            count += 1
    return count


def load() -> None:
    """Called by `manage.py load_reference_data`."""
    admin_units_load()
    vsic_load()
