"""Demo data of the standards repository (`manage.py load_demo`; safe to repeat).

Issuing bodies and fields are upserted by code; the demo standards go through the ordinary import
pipeline (upsert by kind + number), so loading twice changes nothing. Sources: data/standards/SOURCE.md.
"""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from nscl.accounts.models import User
from nscl.standards.choices import StandardKind
from nscl.standards.codes import code_key
from nscl.standards.imports import ImportReport, run_import
from nscl.standards.models import IcsCode, IssuingBody, Standard, StandardField
from nscl.standards.services import follow_create

DATA_DIR = Path(settings.BASE_DIR) / "data" / "standards"
BODIES_FILE = DATA_DIR / "issuing_bodies.csv"
FIELDS_FILE = DATA_DIR / "fields.csv"
STANDARDS_FILE = DATA_DIR / "demo_standards.csv"

# The demo enterprise user (nscl/accounts/demo.py) follows one standard and one ICS field.
DEMO_FOLLOWER = "doanhnghiep"
DEMO_FOLLOWED_STANDARDS = [(StandardKind.TCVN, "TCVN ISO 9001:2015")]
DEMO_FOLLOWED_ICS = ["67"]


class DemoDataError(RuntimeError):
    """The demo file did not import cleanly; the message lists every bad row."""


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(handle)]


@transaction.atomic
def _coded_names_load(model, path: Path) -> int:
    """Upsert rows of (code, name_vi, name_en) by code: issuing bodies and fields share the shape."""
    rows = _read(path)
    for row in rows:
        model.objects.update_or_create(
            code=row["code"], defaults={"name_vi": row["name_vi"], "name_en": row["name_en"]}
        )
    return len(rows)


def issuing_bodies_load(*, path: Path = BODIES_FILE) -> int:
    return _coded_names_load(IssuingBody, path)


def fields_load(*, path: Path = FIELDS_FILE) -> int:
    return _coded_names_load(StandardField, path)


def standards_load(*, path: Path = STANDARDS_FILE) -> ImportReport:
    """Import the demo standards; raise DemoDataError (naming each bad row) if the file is rejected."""
    report = run_import(path, fmt="csv", by=None)
    if not report.ok:
        lines = "\n".join(str(error) for error in report.sorted_errors())
        raise DemoDataError(f"{path.name} was rejected by the importer:\n{lines}")
    return report


@transaction.atomic
def follows_load(*, username: str = DEMO_FOLLOWER) -> int:
    """The demo enterprise follows TCVN ISO 9001:2015 and ICS 67 (food technology). Skipped without the user."""
    user = User.objects.filter(username=username).first()
    if user is None:
        return 0
    count = 0
    for kind, code in DEMO_FOLLOWED_STANDARDS:
        standard = Standard.objects.filter(kind=kind, code_key=code_key(code)).first()
        if standard is not None:
            follow_create(user=user, standard=standard)
            count += 1
    for ics in IcsCode.objects.filter(code__in=DEMO_FOLLOWED_ICS):
        follow_create(user=user, ics_code=ics)
        count += 1
    return count


def load() -> None:
    issuing_bodies_load()
    fields_load()
    standards_load()
    follows_load()
