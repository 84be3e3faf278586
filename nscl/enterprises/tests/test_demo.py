import io

import pytest
from django.core.management import call_command

from nscl.accounts.models import User
from nscl.enterprises.choices import RepresentativeStatus
from nscl.enterprises.models import (
    Certification,
    Enterprise,
    EnterpriseRepresentative,
    EnterpriseYear,
    KeyProduct,
    ModelEnterprise,
    Replication,
)
from nscl.enterprises.taxcodes import tax_code_normalize


@pytest.mark.django_db
def test_demo_data_is_complete_valid_and_idempotent():
    call_command("load_demo", stdout=io.StringIO())
    counts = [m.objects.count() for m in (Enterprise, EnterpriseYear, Certification, KeyProduct, Replication)]
    call_command("load_demo", stdout=io.StringIO())
    assert [m.objects.count() for m in (Enterprise, EnterpriseYear, Certification, KeyProduct, Replication)] == counts
    assert Enterprise.objects.count() >= 30
    for enterprise in Enterprise.objects.all():
        assert enterprise.tax_code.startswith("49")
        assert tax_code_normalize(enterprise.tax_code) == enterprise.tax_code
        assert "Demo" in enterprise.name_vi  # invented names say so
        assert enterprise.commune.province_id == "20"
        assert enterprise.size
    assert set(EnterpriseYear.objects.values_list("year", flat=True)) == {2022, 2023, 2024, 2025}
    # Demo money is whole millions of đồng: no float residue such as 394.799.999.999.
    assert all(revenue % 1_000_000 == 0 for revenue in EnterpriseYear.objects.values_list("revenue", flat=True))
    assert ModelEnterprise.objects.count() == 3
    claim = EnterpriseRepresentative.objects.get(user=User.objects.get(username="doanhnghiep"))
    assert claim.status == RepresentativeStatus.CONFIRMED


@pytest.mark.django_db
def test_every_demo_page_renders(client):
    from django.urls import reverse

    call_command("load_demo", stdout=io.StringIO())
    client.force_login(User.objects.get(username="canbo"))
    urls = [e.get_absolute_url() for e in Enterprise.objects.all()]
    urls += [p.get_absolute_url() for p in KeyProduct.objects.all()]
    urls += [m.get_absolute_url() for m in ModelEnterprise.objects.all()]
    urls += [reverse("enterprises:enterprise_list"), reverse("enterprises:certification_expiring")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"{#" not in response.content and b"{%" not in response.content, url  # no template text leaks
    client.force_login(User.objects.get(username="doanhnghiep"))
    mine = Enterprise.objects.visible_to(User.objects.get(username="doanhnghiep")).get()
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(reverse("enterprises:enterprise_edit", args=[mine.pk])).status_code == 200
