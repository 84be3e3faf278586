import pytest

from nscl.planning.models import ExpenseItem, ProgramArea, ProgramPeriod
from nscl.planning.reference import load

pytestmark = pytest.mark.django_db


def test_reference_data_loads_twice_without_change():
    load()
    load()
    assert ProgramArea.objects.count() == 11
    assert ProgramArea.objects.first().code == "standards-conformity"
    assert ProgramArea.objects.last().code == "program-management"
    assert ExpenseItem.objects.count() == 8
    assert ExpenseItem.objects.filter(name_vi="Công tác phí").exists()
    period = ProgramPeriod.objects.get(code="2021-2025")
    assert period.covers(2021) and period.covers(2025) and not period.covers(2026)
