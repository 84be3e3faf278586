"""The proposal form: standards typed by number are found in the repository, or named as unknown."""

import pytest

from nscl.projects.forms import ProjectForm
from nscl.projects.tests.factories import RepresentativeFactory, SupportTypeFactory
from nscl.standards import services as standards_services
from nscl.standards.models import Standard

pytestmark = pytest.mark.django_db


def stored(code: str, title: str) -> Standard:
    return standards_services.standard_save(
        standard=Standard(), data={"code": code, "title_vi": title, "status": "in_force"}, by=None
    )


def bound(user, standards: str) -> ProjectForm:
    data = {"enterprise": "", "title": "Áp dụng ISO 50001", "standards": standards}
    return ProjectForm(data={**data, "support_types": [SupportTypeFactory().pk]}, user=user, editing=True)


def test_standards_are_found_by_number_however_they_are_typed():
    iso = stored("TCVN ISO 9001:2015", "Hệ thống quản lý chất lượng - Các yêu cầu")
    energy = stored("ISO 50001:2018", "Energy management systems")
    form = bound(RepresentativeFactory().user, " tcvn iso 9001 : 2015 ;\nISO 50001:2018; ISO 50001:2018")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["standards"] == [iso, energy]


def test_an_unknown_number_is_named_next_to_the_field_and_nothing_is_guessed():
    stored("ISO 50001:2018", "Energy management systems")
    form = bound(RepresentativeFactory().user, "ISO 50001:2018; TCVN 99999:2030")
    assert not form.is_valid()
    assert "TCVN 99999:2030" in form.errors["standards"][0]
    assert "ISO 50001" not in form.errors["standards"][0]


def test_the_form_shows_the_stored_standards_as_numbers():
    iso = stored("ISO 50001:2018", "Energy management systems")
    form = ProjectForm(initial={"standards": [iso]}, user=RepresentativeFactory().user, editing=True)
    assert "ISO 50001:2018</textarea>" in str(form["standards"])


def test_no_standards_is_allowed():
    form = bound(RepresentativeFactory().user, "  ")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["standards"] == []


def test_the_pipeline_filter_offers_only_the_province_communes(settings):
    from nscl.enterprises.tests.factories import CommuneFactory, ProvinceFactory
    from nscl.projects.forms import ProjectFilterForm

    home = CommuneFactory(province=ProvinceFactory(code=settings.NSCL_PROVINCE_CODE))
    elsewhere = CommuneFactory(province=ProvinceFactory(code="01"))
    offered = list(ProjectFilterForm().fields["commune"].queryset)
    assert home in offered and elsewhere not in offered
