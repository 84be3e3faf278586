"""The read API: public fields for everyone else, full records for staff and owners, key products."""

import pytest
from django.urls import reverse

from nscl.core.roles import Role
from nscl.enterprises.choices import EnterpriseStatus
from nscl.enterprises.tests.factories import CertificationFactory, EnterpriseFactory, KeyProductFactory

PUBLIC_FIELDS = {"id", "name_vi", "name_en", "short_name", "commune", "vsic_code", "size"}


@pytest.mark.django_db
def test_officers_read_the_full_record(client, officer):
    enterprise = EnterpriseFactory(name_vi="Công ty Hồi")
    CertificationFactory(enterprise=enterprise)
    client.force_login(officer)
    row = client.get(reverse("enterprises_api:enterprise_detail", args=[enterprise.pk])).json()
    assert row["tax_code"] == enterprise.tax_code
    assert row["certifications"][0]["kind"] == "iso9001"
    assert {"expired", "expiring_soon"} <= set(row["certifications"][0])


@pytest.mark.django_db
def test_anonymous_reads_public_fields_of_active_enterprises(client):
    active = EnterpriseFactory(name_vi="Công ty Na")
    EnterpriseFactory(status=EnterpriseStatus.PENDING)
    data = client.get(reverse("enterprises_api:enterprise_list")).json()
    assert [r["id"] for r in data["results"]] == [active.pk]
    assert set(data["results"][0]) == PUBLIC_FIELDS
    assert client.post(reverse("enterprises_api:enterprise_list"), {}).status_code in (403, 405)


@pytest.mark.django_db
def test_search_and_pagination(client, make_user, django_assert_max_num_queries):
    for n in range(30):
        EnterpriseFactory(name_vi=f"Công ty Quýt {n}")
    EnterpriseFactory(name_vi="Công ty Đường Sắt")
    client.force_login(make_user(Role.BOARD))
    with django_assert_max_num_queries(10):
        data = client.get(reverse("enterprises_api:enterprise_list") + "?page_size=10").json()
    assert data["count"] == 31
    assert len(data["results"]) == 10
    data = client.get(reverse("enterprises_api:enterprise_list") + "?q=duong+sat").json()
    assert [r["name_vi"] for r in data["results"]] == ["Công ty Đường Sắt"]


@pytest.mark.django_db
def test_key_products_list_their_producers_with_public_fields(client, make_user):
    product = KeyProductFactory(slug="hoi", name_vi="Hoa hồi")
    product.producers.add(EnterpriseFactory(name_vi="Công ty Hồi"))
    client.force_login(make_user(Role.EXPERT))
    data = client.get(reverse("enterprises_api:key_product_detail", args=["hoi"])).json()
    assert data["name_vi"] == "Hoa hồi"
    assert set(data["producers"][0]) == PUBLIC_FIELDS
