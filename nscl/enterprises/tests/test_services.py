import pytest
from django.core.exceptions import ValidationError

from nscl.enterprises import constants
from nscl.enterprises.services import enterprise_create, enterprise_update, enterprise_year_save
from nscl.enterprises.tests.factories import CommuneFactory, EnterpriseFactory, next_tax_code


@pytest.mark.django_db
def test_search_text_is_folded_and_follows_every_change(officer):
    commune = CommuneFactory(name="Đồng Đăng")
    enterprise = enterprise_create(
        by=officer, tax_code=next_tax_code(), name_vi="Công ty Thạch Đen", ownership="private", commune=commune
    )
    assert "thach den" in enterprise.search_text
    assert "dong dang" in enterprise.search_text
    enterprise_update(enterprise=enterprise, by=officer, name_vi="Công ty Rượu Mẫu Sơn")
    enterprise.refresh_from_db()
    assert "ruou mau son" in enterprise.search_text
    assert "thach" not in enterprise.search_text
    assert enterprise.history.count() == 2
    assert enterprise.history.first().history_user == officer


@pytest.mark.django_db
def test_branch_tax_codes_are_stored_with_their_dash(officer):
    main = next_tax_code()
    branch = enterprise_create(by=officer, tax_code=f"{main}002", name_vi="Chi nhánh", ownership="private")
    assert branch.tax_code == f"{main}-002"
    with pytest.raises(ValidationError) as caught:
        enterprise_create(by=officer, tax_code=f"{main}-002", name_vi="Lặp", ownership="private")
    assert caught.value.message_dict["tax_code"] == [str(constants.ERROR_TAX_CODE_TAKEN) % {"tax_code": f"{main}-002"}]


@pytest.mark.django_db
def test_services_refuse_unknown_fields_and_bad_figures(officer):
    enterprise = EnterpriseFactory()
    with pytest.raises(TypeError):
        enterprise_update(enterprise=enterprise, by=officer, size="large")  # the size is computed, never typed
    with pytest.raises(ValidationError) as caught:
        enterprise_year_save(enterprise=enterprise, by=officer, year=2025, employees=-1, revenue=-1, capital=-1)
    assert caught.value.message_dict == {
        name: [str(constants.ERROR_NEGATIVE)] for name in ("employees", "revenue", "capital")
    }
    with pytest.raises(ValidationError) as caught:
        enterprise_year_save(enterprise=enterprise, by=officer, year=1900, employees=1, revenue=1)
    assert caught.value.message_dict == {"year": [str(constants.ERROR_YEAR_RANGE)]}


@pytest.mark.django_db
def test_money_stays_integer(officer):
    enterprise = EnterpriseFactory()
    record = enterprise_year_save(
        enterprise=enterprise, by=officer, year=2025, employees=1, revenue=999_999_999_999_999
    )
    record.refresh_from_db()
    assert record.revenue == 999_999_999_999_999
    assert isinstance(record.revenue, int)
