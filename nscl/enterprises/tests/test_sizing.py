"""Size classes of Decree 80/2021/NĐ-CP, Article 5, at every boundary, for both sector groups."""

import pytest

from nscl.enterprises.choices import SectorGroup, SizeClass
from nscl.enterprises.models import SizeThreshold
from nscl.enterprises.reference import size_thresholds_load
from nscl.enterprises.services import enterprise_size_refresh, enterprise_year_save
from nscl.enterprises.sizing import sector_group_for, size_class_for
from nscl.enterprises.tests.factories import EnterpriseFactory, VsicDivisionFactory, VsicSectionFactory

B = 1_000_000_000
AGRI, TRADE = SectorGroup.AGRI_INDUSTRY_CONSTRUCTION, SectorGroup.TRADE_SERVICES
MICRO, SMALL, MEDIUM, LARGE = SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM, SizeClass.LARGE


def size(group, employees, revenue, capital=None):
    return size_class_for(
        employees=employees,
        revenue=revenue,
        capital=capital,
        thresholds=SizeThreshold.objects.filter(sector_group=group),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("group", "employees", "revenue", "capital", "expected"),
    [
        # agriculture, forestry, fisheries; industry and construction
        (AGRI, 10, 3 * B, None, MICRO),
        (AGRI, 11, 3 * B, None, SMALL),  # one employee over the micro ceiling
        (AGRI, 10, 3 * B + 1, None, SMALL),  # one đồng over the micro revenue ceiling...
        (AGRI, 10, 3 * B + 1, 3 * B, MICRO),  # ...but capital within it: either criterion suffices
        (AGRI, 10, 3 * B + 1, 3 * B + 1, SMALL),
        (AGRI, 100, 50 * B, None, SMALL),
        (AGRI, 101, 50 * B, None, MEDIUM),
        (AGRI, 100, 50 * B + 1, 20 * B, SMALL),
        (AGRI, 100, 50 * B + 1, 20 * B + 1, MEDIUM),
        (AGRI, 200, 200 * B, None, MEDIUM),
        (AGRI, 201, 1, None, LARGE),
        (AGRI, 200, 200 * B + 1, 100 * B, MEDIUM),
        (AGRI, 200, 200 * B + 1, 100 * B + 1, LARGE),
        # trade and services
        (TRADE, 10, 10 * B, None, MICRO),
        (TRADE, 11, 10 * B, None, SMALL),
        (TRADE, 10, 10 * B + 1, 3 * B, MICRO),
        (TRADE, 10, 10 * B + 1, 3 * B + 1, SMALL),
        (TRADE, 50, 100 * B, None, SMALL),
        (TRADE, 51, 100 * B, None, MEDIUM),
        (TRADE, 50, 100 * B + 1, 50 * B, SMALL),
        (TRADE, 50, 100 * B + 1, 50 * B + 1, MEDIUM),
        (TRADE, 100, 300 * B, None, MEDIUM),
        (TRADE, 101, 1, None, LARGE),
        (TRADE, 100, 300 * B + 1, 100 * B, MEDIUM),
        (TRADE, 100, 300 * B + 1, 100 * B + 1, LARGE),
        (TRADE, 0, 0, 0, MICRO),
    ],
)
def test_size_class_at_every_boundary(group, employees, revenue, capital, expected):
    assert size(group, employees, revenue, capital) == expected


@pytest.mark.django_db
def test_the_thresholds_are_data_with_their_source():
    assert SizeThreshold.objects.count() == 6
    assert all("80/2021" in t.source for t in SizeThreshold.objects.all())
    assert size_thresholds_load() == 6  # idempotent
    assert SizeThreshold.objects.count() == 6


@pytest.mark.django_db
def test_sector_group_follows_the_vsic_section():
    manufacturing = VsicDivisionFactory(code="10", parent=VsicSectionFactory(code="C"))
    retail = VsicDivisionFactory(code="47", parent=VsicSectionFactory(code="G", name_vi="Bán buôn và bán lẻ"))
    assert sector_group_for(manufacturing) == AGRI
    assert sector_group_for(manufacturing.parent) == AGRI
    assert sector_group_for(retail) == TRADE
    assert sector_group_for(None) == TRADE


@pytest.mark.django_db
def test_the_size_is_computed_from_the_latest_year_not_typed():
    retail = VsicDivisionFactory(code="47", parent=VsicSectionFactory(code="G", name_vi="Bán lẻ"))
    enterprise = EnterpriseFactory(vsic_code=retail)
    enterprise_year_save(enterprise=enterprise, by=None, year=2024, employees=8, revenue=9 * B, capital=None)
    assert (enterprise.size, enterprise.size_year) == (MICRO, 2024)
    enterprise_year_save(enterprise=enterprise, by=None, year=2023, employees=500, revenue=900 * B)
    assert (enterprise.size, enterprise.size_year) == (MICRO, 2024)  # an older year does not decide
    enterprise_year_save(enterprise=enterprise, by=None, year=2025, employees=60, revenue=9 * B)
    enterprise.refresh_from_db()
    assert (enterprise.size, enterprise.size_year) == (MEDIUM, 2025)


@pytest.mark.django_db
def test_refresh_recomputes_after_the_thresholds_change():
    enterprise = EnterpriseFactory()  # manufacturing
    enterprise_year_save(enterprise=enterprise, by=None, year=2025, employees=10, revenue=3 * B)
    assert enterprise.size == MICRO
    SizeThreshold.objects.filter(sector_group=AGRI, size_class=MICRO).update(max_employees=5)
    assert enterprise_size_refresh() == 1
    enterprise.refresh_from_db()
    assert enterprise.size == SMALL


@pytest.mark.django_db
def test_the_reference_hook_loads_and_reapplies_the_thresholds():
    from nscl.enterprises.reference import load

    enterprise = EnterpriseFactory()
    enterprise_year_save(enterprise=enterprise, by=None, year=2025, employees=11, revenue=1)
    SizeThreshold.objects.filter(sector_group=AGRI, size_class=MICRO).update(max_employees=50)
    enterprise_size_refresh()
    enterprise.refresh_from_db()
    assert enterprise.size == MICRO
    load()  # back to the Decree's figures from data/enterprise-size/
    enterprise.refresh_from_db()
    assert enterprise.size == SMALL
