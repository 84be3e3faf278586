"""The indicators' computations against values counted by hand from factory data, the entered values'
aggregation, target selection (year or period) and the status rules."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from nscl.enterprises.choices import CertificationKind
from nscl.enterprises.tests.factories import CertificationFactory, EnterpriseFactory, ModelEnterpriseFactory
from nscl.network.choices import QualificationKind
from nscl.network.tests.factories import ExpertFactory, QualificationFactory
from nscl.planning.indicator_choices import IndicatorAggregation, IndicatorDirection, IndicatorStatusCode
from nscl.planning.indicators import (
    REGISTRY,
    Span,
    elapsed_share,
    indicator_actual,
    indicator_records,
    indicator_status_get,
    indicator_statuses,
    percent,
    status_of,
)
from nscl.planning.models import Indicator, IndicatorEntry, IndicatorTarget
from nscl.planning.tests.factories import ProgramPeriodFactory
from nscl.projects.choices import ProjectStatus, SupportGroup
from nscl.projects.models import ProjectEvent
from nscl.projects.tests.factories import SupportProjectFactory, SupportTypeFactory, force_status
from nscl.standards.choices import StandardKind, StandardStatus
from nscl.standards.models import Standard

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 6, 30)  # every span below 2026 is over


def computed(code: str, computation: str, **kwargs) -> Indicator:
    return Indicator.objects.create(
        code=code,
        name_vi=code,
        unit="x",
        scope="provincial",
        method="computed",
        computation=computation,
        aggregation=REGISTRY[computation].aggregation,
        **kwargs,
    )


def entered(code: str, aggregation: str, **kwargs) -> Indicator:
    return Indicator.objects.create(
        code=code, name_vi=code, unit="%", scope="provincial", method="entered", aggregation=aggregation, **kwargs
    )


def value(key: str, first: int, last: int, today: datetime.date = TODAY) -> int:
    return REGISTRY[key].records(Span.of_years(first, last, today=today)).count()


def names(key: str, first: int, last: int) -> set[str]:
    return {str(r) for r in REGISTRY[key].records(Span.of_years(first, last, today=TODAY))}


# -- certificates -----------------------------------------------------------------------------------


@pytest.fixture
def certificates():
    e = {n: EnterpriseFactory(name_vi=f"DN {n}") for n in range(1, 7)}
    iso = CertificationKind.ISO_9001
    CertificationFactory(enterprise=e[1], kind=iso, issued_on=D(2023, 1, 1), expires_on=D(2026, 1, 1))
    CertificationFactory(enterprise=e[1], kind=iso, issued_on=D(2024, 3, 1), expires_on=D(2027, 3, 1))  # same firm
    CertificationFactory(enterprise=e[2], kind=iso, issued_on=D(2022, 1, 1), expires_on=D(2024, 6, 30))  # expired
    CertificationFactory(enterprise=e[3], kind=iso, issued_on=D(2025, 2, 1), expires_on=D(2028, 2, 1))  # later
    CertificationFactory(enterprise=e[4], kind=CertificationKind.ISO_14001, issued_on=D(2023, 5, 1))
    CertificationFactory(enterprise=e[5], kind=CertificationKind.PRODUCT, issued_on=D(2023, 5, 1))  # not a system
    CertificationFactory(enterprise=e[6], kind=iso, issued_on=D(2020, 1, 1), expires_on=None)  # no end date
    return e


def test_iso9001_counts_enterprises_with_a_certificate_valid_on_the_last_day(certificates):
    # 31/12/2024: DN 1 (twice, counted once) and DN 6; DN 2 expired, DN 3 not yet, DN 4-5 other kinds.
    assert names("enterprises_iso9001_valid", 2024, 2024) == {"DN 1", "DN 6"}
    assert value("enterprises_iso9001_valid", 2024, 2024) == 2
    # 31/12/2025: DN 1 (until 1/1/2026), DN 3, DN 6.
    assert value("enterprises_iso9001_valid", 2025, 2025) == 3
    # A period counts on its last day; 2022-2023 would count DN 2 too.
    assert value("enterprises_iso9001_valid", 2021, 2025) == 3
    assert value("enterprises_iso9001_valid", 2023, 2023) == 3
    # A running year stops today: on 30/06/2024 DN 2's certificate is still valid (its last day).
    assert value("enterprises_iso9001_valid", 2024, 2024, today=D(2024, 6, 30)) == 3


def test_management_systems_count_any_system_but_not_product_certificates(certificates):
    assert names("enterprises_management_system_valid", 2024, 2024) == {"DN 1", "DN 4", "DN 6"}


# -- projects ----------------------------------------------------------------------------------------


def accepted(title: str, groups: list[str], at: datetime.datetime, status=ProjectStatus.ACCEPTED):
    types = [SupportTypeFactory(code=f"type-{g}", group=g) for g in groups]
    project = force_status(SupportProjectFactory(title=title, support_types=types), status)
    ProjectEvent.objects.create(
        project=project, action="accept", from_status=ProjectStatus.ACCEPTANCE_REVIEW, to_status=status, at=at
    )
    return project


def local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def projects():
    ms, tool, tech = SupportGroup.MANAGEMENT_SYSTEM, SupportGroup.IMPROVEMENT_TOOL, SupportGroup.TECHNOLOGY
    accepted("P1", [ms, tool], local(2024, 5, 10, 9))
    accepted("P2", [ms], local(2023, 12, 31, 23))  # the year before
    accepted("P4", [tool], local(2024, 11, 1, 9))
    accepted("P5", [ms], local(2024, 7, 1, 9), status=ProjectStatus.NOT_ACCEPTED)  # refused
    accepted("P6", [tech], local(2024, 1, 1, 1))  # 18:00 UTC on 31/12/2023: the local date counts
    force_status(SupportProjectFactory(title="P3", support_types=[]), ProjectStatus.ACCEPTANCE_REVIEW)  # not yet


def test_projects_accepted_count_the_acceptance_date_in_local_time(projects):
    assert names("projects_accepted", 2024, 2024) == {"P1", "P4", "P6"}
    assert value("projects_accepted", 2023, 2023) == 1
    assert value("projects_accepted", 2021, 2025) == 4


def test_projects_accepted_by_support_group(projects):
    assert names("projects_accepted.management_system", 2024, 2024) == {"P1"}
    assert names("projects_accepted.improvement_tool", 2024, 2024) == {"P1", "P4"}
    assert names("projects_accepted.technology", 2024, 2024) == {"P6"}
    assert value("projects_accepted.key_product", 2024, 2024) == 0


# -- experts, model enterprises, standards ------------------------------------------------------------


def test_experts_certified_count_each_expert_once_and_only_pq_certificates():
    x1, x2, x3, x4, x5 = (ExpertFactory(full_name=f"CG {n}") for n in range(1, 6))
    QualificationFactory(expert=x1, issued_on=D(2024, 3, 1))
    QualificationFactory(expert=x1, issued_on=D(2024, 9, 1))
    QualificationFactory(expert=x2, issued_on=D(2023, 12, 31))
    QualificationFactory(expert=x3, kind=QualificationKind.LEAN_SIX_SIGMA, issued_on=D(2024, 5, 1))
    QualificationFactory(expert=x4, issued_on=None, valid_until=None)
    QualificationFactory(expert=x5, issued_on=D(2024, 12, 31))
    assert names("experts_certified", 2024, 2024) == {"CG 1", "CG 5"}
    assert value("experts_certified", 2021, 2025) == 3


def test_model_enterprises_by_recognition_year():
    for year in (2024, 2024, 2023, 2019):
        ModelEnterpriseFactory(recognition_year=year)
    assert value("model_enterprises_recognised", 2024, 2024) == 2
    assert value("model_enterprises_recognised", 2021, 2025) == 3


def test_standards_in_force_that_took_effect_by_the_last_day():
    rows = [
        ("TCVN 1:2020", StandardStatus.IN_FORCE, D(2020, 1, 1)),
        ("TCVN 2:2019", StandardStatus.IN_FORCE, None),
        ("TCVN 3:2025", StandardStatus.IN_FORCE, D(2025, 7, 1)),
        ("TCVN 4:2010", StandardStatus.WITHDRAWN, D(2010, 1, 1)),
    ]
    for code, status, effective in rows:
        Standard.objects.create(
            kind=StandardKind.TCVN, code=code, code_key=code, status=status, effective_date=effective
        )
    assert names("standards_in_force", 2024, 2024) == {"TCVN 1:2020", "TCVN 2:2019"}
    assert value("standards_in_force", 2025, 2025) == 3


def test_a_span_not_begun_has_no_value():
    indicator = computed("dn-dien-hinh", "model_enterprises_recognised")
    ModelEnterpriseFactory(recognition_year=2027)
    assert indicator_actual(indicator=indicator, year=2027, today=TODAY) is None
    assert indicator_records(indicator=indicator, year=2027, today=TODAY).count() == 0


# -- entered values --------------------------------------------------------------------------------


def test_entered_values_add_up_or_take_the_latest_year(make_user):
    period = ProgramPeriodFactory()
    officer = make_user("officer")
    tfp = entered("tfp", IndicatorAggregation.END_OF_PERIOD)
    trained = entered("trained", IndicatorAggregation.SUM)
    for indicator, year, amount in [
        (tfp, 2023, "30"),
        (tfp, 2024, "33.5"),
        (trained, 2022, "100"),
        (trained, 2024, "150"),
    ]:
        IndicatorEntry.objects.create(indicator=indicator, year=year, value=Decimal(amount), source="BC", by=officer)
    assert indicator_actual(indicator=tfp, period=period, today=TODAY) == Decimal("33.5")
    assert indicator_actual(indicator=trained, period=period, today=TODAY) == Decimal("250")
    assert indicator_actual(indicator=trained, year=2023, today=TODAY) is None
    assert [e.year for e in indicator_records(indicator=trained, period=period)] == [2024, 2022]


# -- targets and statuses ------------------------------------------------------------------------------


def test_the_year_view_uses_year_targets_and_the_period_view_period_targets():
    period = ProgramPeriodFactory()
    indicator = computed("dn-dien-hinh", "model_enterprises_recognised")
    IndicatorTarget.objects.create(indicator=indicator, year=2024, value=2, source="minh họa")
    IndicatorTarget.objects.create(indicator=indicator, period=period, value=10)
    for year in (2024, 2024, 2023):
        ModelEnterpriseFactory(recognition_year=year)

    [row] = indicator_statuses(year=2024, today=TODAY)
    assert (row.target, row.actual, row.status, row.progress) == (2, 2, "met", Decimal("100.0"))
    assert row.target_source == "minh họa" and row.url.endswith("/chi-tieu/dn-dien-hinh/?year=2024")
    [row] = indicator_statuses(period=period, today=TODAY)
    assert (row.target, row.actual, row.status, row.progress) == (10, 3, "behind", Decimal("30.0"))
    assert row.colour == "danger" and row.url.endswith("?period=2021-2025")
    [row] = indicator_statuses(year=2023, today=TODAY)  # no fallback to the period's target
    assert (row.target, row.actual, row.status) == (None, 1, "no_target")
    assert indicator_status_get(indicator=indicator, period=period, today=TODAY).status == "behind"


def test_a_running_period_is_on_track_when_ahead_of_the_time_gone_by():
    period = ProgramPeriodFactory()
    indicator = computed("dn-dien-hinh", "model_enterprises_recognised")
    IndicatorTarget.objects.create(indicator=indicator, period=period, value=10)
    for year in (2021, 2022, 2023):
        ModelEnterpriseFactory(recognition_year=year)
    # 1/1/2021 to 30/6/2023: 911 of 1,826 days, share 0.4989; expected 4.99 > 3: behind.
    assert indicator_statuses(period=period, today=D(2023, 6, 30))[0].status == "behind"
    ModelEnterpriseFactory(recognition_year=2022)
    ModelEnterpriseFactory(recognition_year=2022)
    assert indicator_statuses(period=period, today=D(2023, 6, 30))[0].status == "on_track"  # 5 >= 4.99


def test_entered_indicator_without_a_value_has_no_data():
    indicator = entered("tfp", IndicatorAggregation.END_OF_PERIOD)
    IndicatorTarget.objects.create(indicator=indicator, year=2024, value=35)
    [row] = indicator_statuses(year=2024, today=TODAY)
    assert (row.actual, row.status, row.colour) == (None, "no_data", "warning")


def test_indicator_statuses_defaults_to_the_current_year_and_refuses_both_spans():
    indicator = computed("dn-dien-hinh", "model_enterprises_recognised")
    IndicatorTarget.objects.create(indicator=indicator, year=timezone.localdate().year, value=1)
    assert indicator_statuses()[0].target == 1
    with pytest.raises(ValueError):
        indicator_statuses(year=2024, period=ProgramPeriodFactory())


HIGHER, LOWER = IndicatorDirection.HIGHER, IndicatorDirection.LOWER
SUM, END = IndicatorAggregation.SUM, IndicatorAggregation.END_OF_PERIOD


@pytest.mark.parametrize(
    ("direction", "aggregation", "target", "actual", "share", "expected"),
    [
        (HIGHER, SUM, None, 5, 1, IndicatorStatusCode.NO_TARGET),
        (HIGHER, SUM, 10, None, 1, IndicatorStatusCode.NO_DATA),
        (HIGHER, SUM, 10, 10, 1, IndicatorStatusCode.MET),
        (HIGHER, SUM, 10, 9, 1, IndicatorStatusCode.BEHIND),
        (HIGHER, SUM, 10, 5, Decimal("0.5"), IndicatorStatusCode.ON_TRACK),
        (HIGHER, SUM, 10, Decimal("4.99"), Decimal("0.5"), IndicatorStatusCode.BEHIND),
        (HIGHER, END, 10, 9, Decimal("0.5"), IndicatorStatusCode.BEHIND),  # a level has no pro-rata
        (LOWER, SUM, 10, 8, 1, IndicatorStatusCode.MET),
        (LOWER, SUM, 10, 11, Decimal("0.5"), IndicatorStatusCode.BEHIND),
    ],
)
def test_status_rules(direction, aggregation, target, actual, share, expected):
    indicator = Indicator(direction=direction, aggregation=aggregation)
    to_decimal = lambda v: None if v is None else Decimal(v)  # noqa: E731
    assert status_of(indicator=indicator, target=to_decimal(target), actual=to_decimal(actual), share=share) == expected


def test_percentages_round_half_up():
    assert percent(Decimal(1), Decimal(16)) == Decimal("6.3")  # 6.25: half-up, not half-even
    assert percent(Decimal(1), Decimal(8)) == Decimal("12.5")
    assert percent(Decimal(1), Decimal(0)) is None
    assert elapsed_share(2024, 2024, D(2024, 7, 1)) == Decimal("0.5")  # 183 of 366 days
    assert elapsed_share(2024, 2024, D(2025, 1, 1)) == 1
