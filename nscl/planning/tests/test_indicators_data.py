"""The indicators.toml loader (idempotent, strict about malformed rows) and the entered-value service."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from nscl.planning.indicator_choices import (
    ERROR_ENTRY_COMPUTED,
    ERROR_ENTRY_NEGATIVE,
    ERROR_ENTRY_NOT_ALLOWED,
    ERROR_ENTRY_SOURCE,
)
from nscl.planning.indicator_reference import indicators_load
from nscl.planning.indicator_services import indicator_entry_record
from nscl.planning.models import Indicator, IndicatorEntry, IndicatorTarget
from nscl.planning.reference import periods_load

pytestmark = pytest.mark.django_db

ROW = """
[[indicator]]
code = "tinh-dn-dien-hinh"
name_vi = "Doanh nghiệp điển hình"
unit = "doanh nghiệp"
scope = "provincial"
method = "computed"
computation = "model_enterprises_recognised"
aggregation = "sum"
{extra}

[[indicator.target]]
{target}
value = "{value}"
source = "Minh họa"
"""


def write(tmp_path: Path, extra: str = "", target: str = 'period = "2021-2025"', value: str = "8") -> Path:
    path = tmp_path / "indicators.toml"
    path.write_text(ROW.format(extra=extra, target=target, value=value), encoding="utf-8")
    return path


@pytest.fixture
def periods(db):
    periods_load()


def test_the_real_file_loads_twice_to_the_same_rows(periods):
    assert indicators_load() == 12
    counts = (Indicator.objects.count(), IndicatorTarget.objects.count())
    assert indicators_load() == 12
    assert (Indicator.objects.count(), IndicatorTarget.objects.count()) == counts == (12, 30)
    harmonised = Indicator.objects.get(code="qg-hai-hoa-tcvn")
    assert harmonised.scope == "national" and harmonised.method == "entered"
    assert {(t.period.code, t.value) for t in harmonised.targets.all()} == {("2021-2025", 65), ("2026-2030", 70)}
    assert all("http" in t.source for t in IndicatorTarget.objects.filter(indicator__scope="national"))
    assert not Indicator.objects.filter(scope="provincial", is_illustrative=False).exists()


def test_a_reload_updates_values_and_drops_targets_no_longer_listed(periods, tmp_path):
    indicators_load(path=write(tmp_path, value="8"))
    indicators_load(path=write(tmp_path, target="year = 2025", value="2.5"))
    [target] = IndicatorTarget.objects.all()
    assert (target.year, target.period, target.value) == (2025, None, Decimal("2.5"))


@pytest.mark.parametrize(
    ("extra", "target", "value", "message"),
    [
        ('direction = "up"', 'period = "2021-2025"', "8", "direction 'up' is not one of"),
        ("", 'period = "2021-2025"\nyear = 2024', "8", "exactly one of year and period"),
        ("", "", "8", "exactly one of year and period"),
        ("", 'period = "2031-2035"', "8", "unknown period '2031-2035'"),
        ("", "year = 2024", "tám", "value 'tám' is not a number"),
        ("", "year = 2024", "NaN", "is not a number"),
        ("", 'year = "2024"', "8", "year '2024' is not a year"),
    ],
)
def test_malformed_rows_are_refused_and_nothing_is_written(periods, tmp_path, extra, target, value, message):
    with pytest.raises(ValueError, match=message):
        indicators_load(path=write(tmp_path, extra=extra, target=target, value=value))
    assert not Indicator.objects.exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('computation = "model_enterprises_recognised"', 'computation = "nope"', "unknown computation 'nope'"),
        ('aggregation = "sum"', 'aggregation = "end_of_period"', "is sum"),
        ('method = "computed"', 'method = "entered"', "names no computation"),
        ('code = "tinh-dn-dien-hinh"', 'code = ""', "missing code"),
    ],
)
def test_inconsistent_indicators_are_refused(periods, tmp_path, old, new, message):
    path = write(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        indicators_load(path=path)


def test_a_code_twice_is_refused(periods, tmp_path):
    path = write(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") * 2, encoding="utf-8")
    with pytest.raises(ValueError, match="appears twice"):
        indicators_load(path=path)


# -- recording entered values -------------------------------------------------------------------


@pytest.fixture
def tfp(periods):
    indicators_load()
    return Indicator.objects.get(code="tinh-tfp-grdp")


def test_an_officer_records_then_corrects_a_value_and_history_keeps_both(tfp, actors):
    officer = actors["officer"]
    indicator_entry_record(indicator=tfp, year=2024, value=Decimal("30"), source="Báo cáo A", by=officer)
    indicator_entry_record(indicator=tfp, year=2024, value=Decimal("-1.5"), source=" Báo cáo B ", by=officer)
    entry = IndicatorEntry.objects.get(indicator=tfp, year=2024)
    assert (entry.value, entry.source) == (Decimal("-1.5"), "Báo cáo B")  # TFP's share may be negative
    assert [h.value for h in entry.history.order_by("history_date")] == [Decimal("30"), Decimal("-1.5")]


@pytest.mark.parametrize("role", ["board", "admin", "enterprise", "expert", "no_role"])
def test_only_officers_record(tfp, actors, role):
    with pytest.raises(PermissionDenied, match=str(ERROR_ENTRY_NOT_ALLOWED)):
        indicator_entry_record(indicator=tfp, year=2024, value=Decimal(1), source="BC", by=actors[role])


def test_the_service_refuses_computed_indicators_negative_values_blank_sources_and_future_years(tfp, actors):
    officer = actors["officer"]
    computed = Indicator.objects.get(code="tinh-dn-iso9001")
    with pytest.raises(ValidationError) as error:
        indicator_entry_record(indicator=computed, year=2024, value=Decimal(1), source="BC", by=officer)
    assert error.value.messages == [ERROR_ENTRY_COMPUTED % {"code": "tinh-dn-iso9001"}]
    trained = Indicator.objects.get(code="qg-chuyen-gia")
    next_year = timezone.localdate().year + 1
    with pytest.raises(ValidationError) as error:
        indicator_entry_record(indicator=trained, year=next_year, value=Decimal(-3), source="  ", by=officer)
    problems = error.value.message_dict
    assert problems["value"] == [str(ERROR_ENTRY_NEGATIVE)] and problems["source"] == [str(ERROR_ENTRY_SOURCE)]
    assert "year" in problems
    assert not IndicatorEntry.objects.exists()


def test_entries_have_timezone_aware_times(tfp, actors):
    entry = indicator_entry_record(indicator=tfp, year=2023, value=Decimal(1), source="BC", by=actors["officer"])
    assert timezone.is_aware(entry.at) and entry.by == actors["officer"]


def test_demo_values_are_recorded_once_by_the_demo_officer(periods):
    from nscl.accounts.demo import load as accounts_load
    from nscl.planning import demo_indicators

    assert demo_indicators.load() == 0  # no demo officer yet: nothing
    accounts_load()
    assert demo_indicators.load() == 4
    assert demo_indicators.load() == 0
    entries = IndicatorEntry.objects.select_related("by", "indicator")
    assert {e.by.username for e in entries} == {"canbo"}
    assert {e.history.get().history_user.username for e in entries} == {"canbo"}
    assert all("minh họa" in e.source for e in entries if e.indicator.code == "tinh-tfp-grdp")
    assert "https://vietnamnews.vn/" in entries.get(indicator__code="qg-hai-hoa-tcvn").source
