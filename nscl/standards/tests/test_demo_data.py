"""The reference and demo data files of the standards repository, and their loaders."""

import csv
from pathlib import Path

import pytest
from django.conf import settings

from nscl.standards.choices import Equivalence, StandardKind, StandardStatus
from nscl.standards.codes import code_key, kind_of, parse_code
from nscl.standards.imports.messages import COLUMNS

DATA = Path(settings.BASE_DIR) / "data"
STANDARDS_DIR = DATA / "standards"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ics_rows() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in read(DATA / "ics" / "ics.csv")}


def demo_rows() -> list[dict[str, str]]:
    return read(STANDARDS_DIR / "demo_standards.csv")


def kind_value(text: str) -> str:
    return text.upper().replace("/", "_")


# -- the files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("standards/demo_standards.csv", list(COLUMNS)),
        ("standards/issuing_bodies.csv", ["code", "name_vi", "name_en"]),
        ("standards/fields.csv", ["code", "name_vi", "name_en"]),
        ("vsic/vsic2018.csv", ["version", "code", "level", "parent", "name_vi", "name_en"]),
        ("ics/ics_fields_vi.csv", ["code", "title_vi"]),
    ],
)
def test_data_file_parses_with_its_columns_and_unique_codes(name, columns):
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        assert reader.fieldnames == columns
    assert rows
    assert all(None not in row and all(value is not None for value in row.values()) for row in rows)
    keys = [(row.get("version"), row["code"]) for row in rows]
    assert len(keys) == len(set(keys))
    assert (path.parent / "SOURCE.md").exists()


def test_every_demo_ics_code_exists_in_the_ics_table():
    known = ics_rows()
    used = {code for row in demo_rows() for code in row["ics"].split(";") if code}
    assert used
    assert used <= set(known), sorted(used - set(known))


def test_every_replaced_by_is_in_the_file_and_matches_the_status():
    rows = demo_rows()
    codes = {row["code"] for row in rows}
    for row in rows:
        if row["replaced_by"]:
            assert row["replaced_by"] in codes, row["code"]
            assert row["status"] in ("", StandardStatus.REPLACED), row["code"]
        else:
            assert row["status"] != StandardStatus.REPLACED, row["code"]
        assert row["status"] in ("", *StandardStatus.values), row["code"]


def test_demo_rows_are_well_formed_and_ship_no_iec_records():
    bodies = {row["code"] for row in read(STANDARDS_DIR / "issuing_bodies.csv")}
    fields = {row["code"] for row in read(STANDARDS_DIR / "fields.csv")}
    for row in demo_rows():
        parsed = parse_code(row["code"])
        assert kind_value(row["kind"]) == kind_of(row["code"]) == parsed.kind, row["code"]
        assert parsed.kind != StandardKind.IEC, row["code"]
        assert parsed.year == int(row["year"]), row["code"]
        assert row["title_vi"] or row["title_en"], row["code"]
        assert row["issuing_body"] in bodies, row["code"]
        assert row["field"] in fields, row["code"]
        assert row["equivalence"] in ("", *Equivalence.values), row["code"]
        assert bool(row["equivalence"]) == bool(row["equivalent_ref"]), row["code"]


def test_both_groups_are_present():
    kinds = [kind_value(row["kind"]) for row in demo_rows()]
    assert sum(kind in (StandardKind.TCVN, StandardKind.QCVN) for kind in kinds) >= 40
    assert sum(kind in (StandardKind.ISO, StandardKind.ISO_IEC) for kind in kinds) >= 25


def test_ics_vietnamese_titles_cover_the_40_fields_and_the_chosen_groups():
    known = ics_rows()
    titles = {row["code"]: row["title_vi"] for row in read(DATA / "ics" / "ics_fields_vi.csv")}
    fields = {code for code, row in known.items() if row["level"] == "1"}
    groups = {
        code
        for code, row in known.items()
        if row["level"] == "2" and row["parent"] in {"03", "13", "65", "67", "91", "93"}
    }
    assert len(fields) == 40
    assert fields | groups == set(titles)
    assert all(title.strip() for title in titles.values())


# -- the loaders -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_ics_load_fills_the_vietnamese_titles(ics_tree):
    from nscl.standards.models import IcsCode

    fields = IcsCode.objects.filter(level=1)
    assert fields.count() == 40
    assert not fields.filter(title_vi="").exists()
    assert IcsCode.objects.get(code="67.060").title_vi
    assert IcsCode.objects.filter(level=3).exclude(title_vi="").count() == 0


@pytest.mark.django_db
def test_vsic_load_is_idempotent_and_links_divisions_to_sections():
    from nscl.core.models import VsicCode
    from nscl.core.reference import vsic_load

    first = vsic_load()
    pks = sorted(VsicCode.objects.values_list("pk", flat=True))
    assert vsic_load() == first
    assert sorted(VsicCode.objects.values_list("pk", flat=True)) == pks

    codes = VsicCode.objects.filter(version="2018")
    sections = codes.filter(level=1)
    divisions = codes.filter(level=2)
    assert sections.count() == 21
    assert sorted(sections.values_list("code", flat=True)) == [chr(c) for c in range(ord("A"), ord("U") + 1)]
    assert divisions.count() == 88
    assert not divisions.filter(parent__isnull=True).exists()
    assert all(d.parent.level == 1 for d in divisions.select_related("parent"))
    assert codes.get(code="10").parent.code == "C"
    assert codes.get(code="99").parent.code == "U"


def counts() -> dict[str, int]:
    from nscl.standards.models import (
        Follow,
        IssuingBody,
        Standard,
        StandardField,
        StandardIcs,
        StandardStatusChange,
    )

    return {
        model.__name__: model.objects.count()
        for model in (IssuingBody, StandardField, Standard, StandardIcs, StandardStatusChange, Follow)
    } | {"history": Standard.history.count()}


def chain(start):
    steps = [start.code]
    current = start
    while current.replaced_by_id:
        current = current.replaced_by
        steps.append(current.code)
    return steps


@pytest.mark.django_db
def test_demo_load_twice_gives_the_same_records_and_links_the_chains(ics_tree):
    from nscl.accounts import demo as accounts_demo
    from nscl.standards import demo
    from nscl.standards.models import Standard

    accounts_demo.load()
    demo.load()
    first = counts()
    demo.load()
    assert counts() == first

    rows = demo_rows()
    assert first["Standard"] == len(rows)
    assert first["IssuingBody"] == len(read(STANDARDS_DIR / "issuing_bodies.csv"))
    assert first["StandardField"] == len(read(STANDARDS_DIR / "fields.csv"))
    assert first["StandardIcs"] == sum(len([c for c in row["ics"].split(";") if c]) for row in rows)
    assert first["Follow"] == 2

    def get(kind, code):
        return Standard.objects.get(kind=kind, code_key=code_key(code))

    assert chain(get(StandardKind.ISO, "ISO 9001:1987")) == [
        "ISO 9001:1987", "ISO 9001:1994", "ISO 9001:2000", "ISO 9001:2008", "ISO 9001:2015",
    ]  # fmt: skip
    assert chain(get(StandardKind.QCVN, "QCVN 01:2009/BYT"))[:2] == ["QCVN 01:2009/BYT", "QCVN 01-1:2018/BYT"]
    assert chain(get(StandardKind.TCVN, "TCVN ISO 9001:2008")) == ["TCVN ISO 9001:2008", "TCVN ISO 9001:2015"]

    iso_9001 = get(StandardKind.ISO, "ISO 9001:2015")
    assert iso_9001.status == StandardStatus.IN_FORCE
    assert set(iso_9001.ics_codes.values_list("code", flat=True)) == {"03.100.70", "03.120.10"}
    assert get(StandardKind.ISO, "ISO 9001:2008").status == StandardStatus.REPLACED
    tcvn_9001 = get(StandardKind.TCVN, "TCVN ISO 9001:2015")
    assert (tcvn_9001.equivalent_ref, tcvn_9001.equivalence) == ("ISO 9001:2015", Equivalence.IDT)
    assert tcvn_9001.issuing_body.code == "BKHCN"
    assert tcvn_9001.field.code == "he-thong-quan-ly"
    assert get(StandardKind.ISO_IEC, "ISO/IEC 27001:2013").replaced_by.code == "ISO/IEC 27001:2022"
    assert not Standard.objects.filter(kind=StandardKind.IEC).exists()


@pytest.mark.django_db
def test_demo_follows_of_the_enterprise_user(ics_tree):
    from nscl.accounts import demo as accounts_demo
    from nscl.standards import demo

    accounts_demo.load()
    demo.load()
    from nscl.accounts.models import User

    user = User.objects.get(username=demo.DEMO_FOLLOWER)
    follows = {(f.standard.code if f.standard else None, f.ics_code_id) for f in user.standard_follows.all()}
    assert follows == {("TCVN ISO 9001:2015", None), (None, "67")}


@pytest.mark.django_db
def test_demo_load_without_the_demo_user_skips_the_follows(ics_tree):
    from nscl.standards import demo
    from nscl.standards.models import Follow, Standard

    demo.load()
    assert Standard.objects.count() == len(demo_rows())
    assert not Follow.objects.exists()
