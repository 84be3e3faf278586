"""Registry pages: search and filters, bounded queries, bad input on every form, history, Excel export."""

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nscl.core.roles import Role
from nscl.enterprises import constants
from nscl.enterprises.choices import SizeClass
from nscl.enterprises.models import Certification, Enterprise, EnterpriseYear
from nscl.enterprises.services import enterprise_create, enterprise_year_save
from nscl.enterprises.tests.factories import (
    CertificationFactory,
    CommuneFactory,
    EnterpriseFactory,
    EnterpriseYearFactory,
    VsicDivisionFactory,
    VsicSectionFactory,
    next_tax_code,
)


def list_url(**params):
    from urllib.parse import urlencode

    return reverse("enterprises:enterprise_list") + ("?" + urlencode(params) if params else "")


@pytest.fixture
def signed_in_officer(client, officer):
    client.force_login(officer)
    return client


@pytest.mark.django_db
def test_search_is_accent_insensitive_and_filters_combine(signed_in_officer, officer):
    dong_dang = CommuneFactory(name="Đồng Đăng")
    retail = VsicDivisionFactory(code="47", parent=VsicSectionFactory(code="G", name_vi="Bán lẻ"))
    hit = enterprise_create(
        by=officer, tax_code=next_tax_code(), name_vi="Công ty TNHH Đường Hồi", ownership="private", commune=dong_dang
    )
    enterprise_create(
        by=officer, tax_code=next_tax_code(), name_vi="Công ty Dương Quýt", ownership="fdi", vsic_code=retail
    )
    CertificationFactory(enterprise=hit)
    enterprise_year_save(enterprise=hit, by=officer, year=2025, employees=5, revenue=1_000_000)

    def names(**params):
        return [e.name_vi for e in signed_in_officer.get(list_url(**params)).context["enterprises"]]

    assert names(q="duong hoi") == ["Công ty TNHH Đường Hồi"]
    assert names(q="ĐƯỜNG") == ["Công ty Dương Quýt", "Công ty TNHH Đường Hồi"]  # folded: đường = dương
    assert names(q="dong dang") == ["Công ty TNHH Đường Hồi"]  # the commune is in the search text
    assert names(q=hit.tax_code) == ["Công ty TNHH Đường Hồi"]
    assert names(commune=dong_dang.pk) == ["Công ty TNHH Đường Hồi"]
    assert names(section="G") == ["Công ty Dương Quýt"]
    assert names(size=SizeClass.MICRO) == ["Công ty TNHH Đường Hồi"]
    assert names(ownership="fdi") == ["Công ty Dương Quýt"]
    assert names(certified="on") == ["Công ty TNHH Đường Hồi"]
    assert names(certified="on", ownership="fdi") == []
    assert signed_in_officer.get(list_url(size="khong-co")).status_code == 200  # bad filter: ignored, no crash


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_list_queries_do_not_grow_with_rows(signed_in_officer, django_assert_max_num_queries, count):
    for _ in range(count):
        enterprise = EnterpriseFactory()
        CertificationFactory(enterprise=enterprise)
    with django_assert_max_num_queries(12):
        response = signed_in_officer.get(list_url())
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 10])
def test_detail_queries_do_not_grow_with_rows(signed_in_officer, django_assert_max_num_queries, count, officer):
    enterprise = EnterpriseFactory()
    for year in range(2010, 2010 + count):
        enterprise_year_save(enterprise=enterprise, by=officer, year=year, employees=5, revenue=1)
        CertificationFactory(enterprise=enterprise)
    with django_assert_max_num_queries(30):
        response = signed_in_officer.get(enterprise.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.django_db
def test_export_holds_the_filtered_rows(signed_in_officer):
    enterprise = EnterpriseFactory(name_vi="Công ty Xuất Khẩu Hồi")
    EnterpriseYearFactory(enterprise=enterprise, year=2024, employees=10, revenue=7)
    EnterpriseYearFactory(enterprise=enterprise, year=2025, employees=12, revenue=123_456_789_000)
    EnterpriseFactory(name_vi="Công ty Khác")
    response = signed_in_officer.get(reverse("enterprises:enterprise_export") + "?q=xuat+khau")
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Mã số thuế", "Tên doanh nghiệp")
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Tên doanh nghiệp"] == "Công ty Xuất Khẩu Hồi"
    assert row["Lao động (BHXH)"] == 12
    assert row["Doanh thu (đồng)"] == 123_456_789_000  # an integer, never a float


@pytest.mark.django_db
def test_enterprise_form_bad_input(signed_in_officer):
    taken = EnterpriseFactory()
    url = reverse("enterprises:enterprise_create")
    cases = [
        ({}, {"tax_code", "name_vi", "ownership"}),
        ({"tax_code": "0100233489", "name_vi": "A", "ownership": "private"}, {"tax_code"}),
        ({"tax_code": "abc", "name_vi": "A", "ownership": "x"}, {"tax_code", "ownership"}),
        ({"tax_code": taken.tax_code, "name_vi": "A", "ownership": "private"}, {"tax_code"}),
        ({"tax_code": next_tax_code(), "name_vi": "A", "ownership": "private", "email": "x", "website": "y z"},
         {"email", "website"}),
        ({"tax_code": next_tax_code(), "name_vi": "A", "ownership": "private", "commune": "99999"}, {"commune"}),
    ]  # fmt: skip
    for data, fields in cases:
        response = signed_in_officer.post(url, data)
        assert response.status_code == 200, data
        assert set(response.context["form"].errors) == fields, data
        assert 'class="invalid-feedback d-block"' in response.content.decode()
    response = signed_in_officer.post(url, cases[3][0])
    assert response.context["form"].errors["tax_code"] == [
        str(constants.ERROR_TAX_CODE_TAKEN) % {"tax_code": taken.tax_code}
    ]
    assert Enterprise.objects.count() == 1


@pytest.mark.django_db
def test_a_commune_of_another_province_is_refused(officer):
    from django.core.exceptions import ValidationError

    from nscl.core.models import Province

    elsewhere = CommuneFactory(province=Province.objects.create(code="01", name="Hà Nội", full_name="Thành phố Hà Nội"))
    with pytest.raises(ValidationError) as caught:
        enterprise_create(by=officer, tax_code=next_tax_code(), name_vi="A", ownership="private", commune=elsewhere)
    assert caught.value.message_dict == {"commune": [str(constants.ERROR_COMMUNE_PROVINCE)]}


@pytest.mark.django_db
def test_year_form_bad_input(signed_in_officer):
    enterprise = EnterpriseFactory()
    EnterpriseYearFactory(enterprise=enterprise, year=2024)
    url = reverse("enterprises:year_create", args=[enterprise.pk])
    cases = [
        ({}, {"year", "employees", "revenue"}),
        ({"year": 1800, "employees": 1, "revenue": 1}, {"year"}),
        ({"year": 2025, "employees": -1, "revenue": -5}, {"employees", "revenue"}),
        ({"year": 2025, "employees": 1, "revenue": "1.5"}, {"revenue"}),  # no fractions of a đồng
        ({"year": 2025, "employees": 1, "revenue": 10**17}, {"revenue"}),
        ({"year": 2024, "employees": 1, "revenue": 1}, {"year"}),
    ]
    for data, fields in cases:
        response = signed_in_officer.post(url, data)
        assert response.status_code == 200, data
        assert set(response.context["form"].errors) == fields, data
    assert response.context["form"].errors["year"] == [str(constants.ERROR_YEAR_TAKEN) % {"year": 2024}]
    assert EnterpriseYear.objects.count() == 1


@pytest.mark.django_db
def test_certification_form_bad_input_and_success(signed_in_officer):
    enterprise = EnterpriseFactory()
    url = reverse("enterprises:certification_create", args=[enterprise.pk])
    base = {"kind": "iso9001", "body_name": "Tổ chức X", "certificate_number": "N-1", "issued_on": "2025-01-01"}
    cases = [
        ({}, {"kind", "body_name", "certificate_number", "issued_on"}),
        ({**base, "expires_on": "2024-12-31"}, {"expires_on"}),
        ({**base, "issued_on": "31/02/2025"}, {"issued_on"}),
        ({**base, "kind": "product"}, {"standard_text"}),
        ({**base, "standard": "999999"}, {"standard"}),
    ]
    for data, fields in cases:
        response = signed_in_officer.post(url, data)
        assert response.status_code == 200, data
        assert set(response.context["form"].errors) == fields, data
    response = signed_in_officer.post(url, {**base, "issued_on": "15/03/2025", "expires_on": "2028-03-14"})
    assert response.status_code == 302
    cert = Certification.objects.get()
    assert cert.issued_on == datetime.date(2025, 3, 15)


@pytest.mark.django_db
def test_claim_forms_bad_input(client, make_user):
    client.force_login(make_user(Role.ENTERPRISE))
    response = client.post(reverse("enterprises:claim_create"), {"tax_code": "12"})
    assert response.context["form"].errors["tax_code"] == [str(constants.ERROR_TAX_CODE)]
    response = client.post(reverse("enterprises:enterprise_register"), {"tax_code": "0100233489"})
    assert set(response.context["form"].errors) == {"tax_code", "name_vi", "ownership"}


@pytest.mark.django_db
def test_claim_decision_bad_input(signed_in_officer):
    from nscl.enterprises.choices import RepresentativeStatus
    from nscl.enterprises.tests.factories import RepresentativeFactory

    claim = RepresentativeFactory(status=RepresentativeStatus.PENDING)
    response = signed_in_officer.post(reverse("enterprises:claim_decide", args=[claim.pk]), {"decision": "maybe"})
    assert response.status_code == 200
    assert "decision" in response.context["form"].errors


@pytest.mark.django_db
def test_history_is_recorded_and_shown_to_officers_only(client, officer, representative, own_enterprise):
    client.force_login(representative)
    client.post(
        reverse("enterprises:enterprise_edit", args=[own_enterprise.pk]),
        {"name_vi": "Tên Mới Của Công Ty", "ownership": "private", "phone": "0205 111 222"},
    )
    client.post(
        reverse("enterprises:year_create", args=[own_enterprise.pk]),
        {"year": 2025, "employees": 3, "revenue": 1000},
    )
    latest = own_enterprise.history.filter(name_vi="Tên Mới Của Công Ty").first()
    assert latest.history_user == representative
    assert EnterpriseYear.history.get().history_user == representative
    page = client.get(own_enterprise.get_absolute_url())
    assert page.context["history"] is None
    assert "Lịch sử thay đổi" not in page.content.decode()
    client.force_login(officer)
    page = client.get(own_enterprise.get_absolute_url())
    body = page.content.decode()
    assert "Lịch sử thay đổi" in body
    renamed = ("tên doanh nghiệp", "Công ty TNHH Hồi Đỏ", "Tên Mới Của Công Ty")
    change = next(e for e in page.context["history"] if renamed in e.changes)  # (the size it sets is one too)
    assert change.who == representative.display_name


@pytest.mark.django_db
def test_detail_shows_expiry_flags_and_money(signed_in_officer):
    from django.utils import timezone

    today = timezone.localdate()
    enterprise = EnterpriseFactory()
    EnterpriseYearFactory(enterprise=enterprise, revenue=1_234_567_000)
    CertificationFactory(
        enterprise=enterprise,
        issued_on=today.replace(year=today.year - 3),
        expires_on=today - datetime.timedelta(days=1),
    )
    CertificationFactory(
        enterprise=enterprise,
        issued_on=today.replace(year=today.year - 2),
        expires_on=today + datetime.timedelta(days=30),
    )
    body = signed_in_officer.get(enterprise.get_absolute_url()).content.decode()
    assert "Đã hết hạn" in body
    assert "Sắp hết hạn" in body
    assert "1.234.567.000 đồng" in body
    assert 'id="projects"' in body  # the place the projects app fills


@pytest.mark.django_db
def test_history_names_choices_and_related_rows(signed_in_officer, officer):
    first, second = CommuneFactory(name="Chi Lăng"), CommuneFactory(name="Bắc Sơn")
    enterprise = enterprise_create(
        by=officer, tax_code=next_tax_code(), name_vi="Công ty A", ownership="private", commune=first
    )
    from nscl.enterprises.services import enterprise_update

    enterprise_update(enterprise=enterprise, by=officer, ownership="fdi", commune=second)
    history = signed_in_officer.get(enterprise.get_absolute_url()).context["history"]
    changes = {label: (before, after) for label, before, after in history[0].changes}
    assert changes["loại hình sở hữu"] == (
        "Doanh nghiệp tư nhân, công ty ngoài nhà nước",
        "Doanh nghiệp có vốn đầu tư nước ngoài",
    )
    assert changes["xã, phường"] == (str(first), str(second))


@pytest.mark.django_db
def test_the_list_answers_htmx_with_its_results_fragment(signed_in_officer):
    EnterpriseFactory(name_vi="Công ty Hồi")
    response = signed_in_officer.get(list_url(q="hoi"), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Công ty Hồi" in body
    assert "<h1" not in body
    assert [t.name for t in response.templates][0] == "enterprises/partials/_enterprise_results.html"
