"""Officers keep key products, model enterprises and replications; expiring certificates are listed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nscl.enterprises import constants
from nscl.enterprises.models import KeyProduct, ModelEnterprise, Replication
from nscl.enterprises.tests.factories import (
    CertificationFactory,
    EnterpriseFactory,
    KeyProductFactory,
    ModelEnterpriseFactory,
)


@pytest.fixture
def staff_client(client, officer):
    client.force_login(officer)
    return client


@pytest.mark.django_db
def test_key_product_create_edit_and_bad_input(staff_client):
    producer = EnterpriseFactory()
    KeyProductFactory(slug="na-chi-lang")
    url = reverse("enterprises:key_product_create")
    response = staff_client.post(url, {})
    assert set(response.context["form"].errors) >= {"slug", "name_vi"}
    response = staff_client.post(url, {"slug": "na-chi-lang", "name_vi": "Na", "order": 0})
    assert response.context["form"].errors["slug"] == [str(constants.ERROR_SLUG_TAKEN)]
    response = staff_client.post(url, {"slug": "co gi", "name_vi": "Na", "order": 0})
    assert "slug" in response.context["form"].errors
    response = staff_client.post(
        url, {"slug": "quyt-bac-son", "name_vi": "Quýt Bắc Sơn", "order": 1, "producers": [producer.pk]}
    )
    assert response.status_code == 302
    product = KeyProduct.objects.get(slug="quyt-bac-son")
    assert list(product.producers.all()) == [producer]
    response = staff_client.post(
        reverse("enterprises:key_product_edit", args=["quyt-bac-son"]),
        {"slug": "quyt-bac-son", "name_vi": "Quýt vàng Bắc Sơn", "order": 1},
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.name_vi == "Quýt vàng Bắc Sơn"
    assert product.producers.count() == 0


@pytest.mark.django_db
def test_model_enterprise_and_replication(staff_client):
    model_owner, copier = EnterpriseFactory(), EnterpriseFactory()
    url = reverse("enterprises:model_enterprise_create")
    response = staff_client.post(
        url, {"enterprise": model_owner.pk, "recognition_year": 1800, "applied": "", "results": ""}
    )
    assert set(response.context["form"].errors) == {"recognition_year", "applied", "results"}
    data = {
        "enterprise": model_owner.pk,
        "recognition_year": 2025,
        "applied": "5S, Kaizen",
        "results": "Tốt",
        "is_public": "on",
    }
    assert staff_client.post(url, data).status_code == 302
    record = ModelEnterprise.objects.get()
    response = staff_client.post(url, data)
    assert response.context["form"].errors["enterprise"] == [str(constants.ERROR_MODEL_EXISTS)]
    replicate = reverse("enterprises:replication_create", args=[record.pk])
    response = staff_client.post(replicate, {"enterprise": model_owner.pk, "year": 2025})
    assert response.context["form"].errors["enterprise"] == [str(constants.ERROR_REPLICATION_SELF)]
    response = staff_client.post(replicate, {"enterprise": copier.pk, "year": "x"})
    assert "year" in response.context["form"].errors
    assert staff_client.post(replicate, {"enterprise": copier.pk, "year": 2026, "note": "5S"}).status_code == 302
    assert Replication.objects.get().enterprise == copier
    page = staff_client.get(copier.get_absolute_url()).content.decode()
    assert model_owner.name_vi in page  # the replicator's page names the model it followed
    response = staff_client.post(
        reverse("enterprises:model_enterprise_edit", args=[record.pk]), {**data, "results": "Rất tốt"}
    )
    assert response.status_code == 302
    assert ModelEnterprise.objects.get().results == "Rất tốt"


@pytest.mark.django_db
def test_expiring_certifications_page(staff_client, django_assert_max_num_queries):
    today = timezone.localdate()
    soon = CertificationFactory(
        issued_on=today - datetime.timedelta(days=700), expires_on=today + datetime.timedelta(days=10)
    )
    CertificationFactory(
        issued_on=today - datetime.timedelta(days=700), expires_on=today + datetime.timedelta(days=200)
    )
    CertificationFactory(issued_on=today - datetime.timedelta(days=700), expires_on=today - datetime.timedelta(days=1))
    for _ in range(10):
        CertificationFactory(
            standard_text="",
            issued_on=today - datetime.timedelta(days=700),
            expires_on=today + datetime.timedelta(days=5),
        )
    with django_assert_max_num_queries(12):
        response = staff_client.get(reverse("enterprises:certification_expiring"))
    certs = list(response.context["certifications"])
    assert soon in certs
    assert len(certs) == 11


@pytest.mark.django_db
def test_workspace_lists_render(staff_client):
    ModelEnterpriseFactory(is_public=False)
    KeyProductFactory()
    for name in ("enterprises:key_product_list", "enterprises:model_enterprise_list"):
        body = staff_client.get(reverse(name)).content.decode()
        assert body.count("<h1") == 1
