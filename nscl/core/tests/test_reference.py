"""Administrative units after the 2025 reform, loaded from data/vn-admin-units-2025."""

import io
import json

import pytest
from django.core.management import call_command

from nscl.core.models import Commune, Province
from nscl.core.reference import admin_units_load
from nscl.core.text import fold

pytestmark = pytest.mark.django_db

PROVINCES = 34
COMMUNES = 3321
LANG_SON = "20"
LANG_SON_COMMUNES = 65


def test_loads_every_province_and_commune():
    assert Province.objects.count() == 0  # nothing is loaded by a migration behind the test's back
    assert admin_units_load() == (PROVINCES, COMMUNES)
    assert Province.objects.count() == PROVINCES
    assert Commune.objects.count() == COMMUNES


def test_lang_son():
    admin_units_load()
    lang_son = Province.objects.get(code=LANG_SON)
    assert lang_son.name == "Lạng Sơn"
    assert lang_son.communes.count() == LANG_SON_COMMUNES
    assert Commune.objects.filter(province_id=LANG_SON).count() == LANG_SON_COMMUNES


def test_every_commune_has_its_folded_name():
    admin_units_load()
    for commune in Commune.objects.filter(province_id=LANG_SON):
        assert commune.name_folded == fold(commune.full_name)
        assert commune.name_folded.isascii()
    assert Commune.objects.filter(name_folded="").count() == 0


def test_loading_twice_changes_nothing():
    admin_units_load()
    before = list(Commune.objects.order_by("code").values_list("code", "province_id", "full_name", "name_folded"))
    provinces = list(Province.objects.order_by("code").values_list("code", "full_name"))
    assert admin_units_load() == (PROVINCES, COMMUNES)
    assert list(Province.objects.order_by("code").values_list("code", "full_name")) == provinces
    assert (
        list(Commune.objects.order_by("code").values_list("code", "province_id", "full_name", "name_folded")) == before
    )


def test_loading_again_repairs_edited_rows():
    admin_units_load()
    commune = Commune.objects.filter(province_id=LANG_SON).first()
    original = commune.full_name
    Commune.objects.filter(pk=commune.pk).update(full_name="sửa tay", name_folded="sua tay")
    Province.objects.filter(pk=LANG_SON).update(full_name="?")
    admin_units_load()
    commune.refresh_from_db()
    assert commune.full_name == original
    assert commune.name_folded == fold(original)
    assert Province.objects.get(pk=LANG_SON).full_name != "?"


def test_a_commune_moved_to_another_province_follows_the_file(tmp_path):
    admin_units_load()
    from nscl.core.reference import ADMIN_UNITS_FILE

    data = json.loads(ADMIN_UNITS_FILE.read_text(encoding="utf-8"))
    lang_son = next(item for item in data if item["Code"] == LANG_SON)
    other = next(item for item in data if item["Code"] != LANG_SON)
    moved = lang_son["Wards"].pop()
    other["Wards"].append(moved)
    path = tmp_path / "units.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    admin_units_load(path=path)
    assert Commune.objects.get(code=moved["Code"]).province_id == other["Code"]
    assert Commune.objects.filter(province_id=LANG_SON).count() == LANG_SON_COMMUNES - 1


def test_the_command_loads_them():
    out = io.StringIO()
    call_command("load_reference_data", stdout=out)
    assert "reference data loaded: core" in out.getvalue()
    assert Province.objects.count() == PROVINCES
    assert Commune.objects.count() == COMMUNES
