import pytest

from nscl.projects.choices import SupportGroup
from nscl.projects.models import IndicatorKind, SupportRule, SupportType
from nscl.projects.reference import load, support_rules_load

pytestmark = pytest.mark.django_db


def test_catalogue_covers_every_group_and_loads_twice_without_change():
    load()
    count = SupportType.objects.count()
    load()
    assert SupportType.objects.count() == count
    assert set(SupportType.objects.values_list("group", flat=True)) == set(SupportGroup.values)
    for code in ("iso-9001", "haccp", "vietgap", "5s", "six-sigma", "iso-iec-17025", "standard-declaration"):
        assert SupportType.objects.filter(code=code).exists(), code
    assert IndicatorKind.objects.filter(code="defect-rate", direction="lower").exists()


def test_demo_rules_are_labelled_and_officers_edits_survive_a_reload():
    assert support_rules_load() == len(SupportGroup.values)
    assert not SupportRule.objects.filter(is_demo=False).exists()
    rule = SupportRule.objects.get(group=SupportGroup.MANAGEMENT_SYSTEM)
    rule.ceiling = 1
    rule.save(update_fields=["ceiling"])
    assert support_rules_load() == 0
    rule.refresh_from_db()
    assert rule.ceiling == 1
