"""Self-service: sign up, claim by tax code (or register), an officer confirms or rejects, the representative edits."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from nscl.accounts.models import Notification, User
from nscl.core.roles import Role, has_role
from nscl.enterprises import constants
from nscl.enterprises.choices import EnterpriseStatus, RepresentativeStatus
from nscl.enterprises.models import Enterprise, EnterpriseRepresentative
from nscl.enterprises.services import claim_confirm, claim_create, claim_reject
from nscl.enterprises.tests.factories import CommuneFactory, EnterpriseFactory, next_tax_code

PASSWORD = "Lang-Son-2026-hoi"  # noqa: S105


@pytest.mark.django_db
def test_the_whole_claim_flow(client, officer):
    enterprise = EnterpriseFactory(name_vi="Công ty TNHH Na Ngọt")
    # 1. sign up (public page)
    response = client.post(
        reverse("enterprises:sign_up"),
        {
            "username": "na.ngot",
            "full_name": "Hoàng Thị Na",
            "email": "na@example.org",
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="na.ngot")
    assert has_role(user, Role.ENTERPRISE)
    # 2. claim by tax code: pending, officers told
    response = client.post(reverse("enterprises:claim_create"), {"tax_code": enterprise.tax_code, "position": "GĐ"})
    assert response.status_code == 302
    claim = EnterpriseRepresentative.objects.get(user=user)
    assert claim.status == RepresentativeStatus.PENDING
    assert Notification.objects.filter(user=officer, url=reverse("enterprises:claim_list")).exists()
    assert client.get(reverse("enterprises:enterprise_edit", args=[enterprise.pk])).status_code == 404
    # 3. the officer confirms from the queue; the user is told
    client.force_login(officer)
    queue = client.get(reverse("enterprises:claim_list"))
    assert list(queue.context["claims"]) == [claim]
    response = client.post(reverse("enterprises:claim_decide", args=[claim.pk]), {"decision": "confirm", "note": ""})
    assert response.status_code == 302
    assert EnterpriseRepresentative.objects.get(pk=claim.pk).status == RepresentativeStatus.CONFIRMED
    assert Notification.objects.filter(user=user, url=enterprise.get_absolute_url()).exists()
    # 4. the representative edits its own profile (not its tax code) and adds a year
    client.force_login(user)
    response = client.post(
        reverse("enterprises:enterprise_edit", args=[enterprise.pk]),
        {"name_vi": "Công ty TNHH Na Ngọt Chi Lăng", "ownership": "private", "tax_code": "0100233488"},
    )
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.name_vi == "Công ty TNHH Na Ngọt Chi Lăng"
    assert enterprise.tax_code != "0100233488"
    response = client.post(
        reverse("enterprises:year_create", args=[enterprise.pk]),
        {"year": 2025, "employees": 9, "revenue": 2_000_000_000, "capital": ""},
    )
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert (enterprise.size, enterprise.size_year) == ("micro", 2025)


@pytest.mark.django_db
def test_an_unknown_tax_code_leads_to_registering_and_a_rejection_hides_it(client, make_user, officer):
    user = make_user(Role.ENTERPRISE)
    client.force_login(user)
    tax_code = next_tax_code()
    response = client.post(reverse("enterprises:claim_create"), {"tax_code": tax_code})
    assert response.status_code == 200
    assert str(constants.ERROR_CLAIM_UNKNOWN_TAX_CODE) in response.context["form"].errors["tax_code"]
    commune = CommuneFactory()
    response = client.post(
        reverse("enterprises:enterprise_register"),
        {"tax_code": tax_code, "name_vi": "HTX Quýt Mới", "ownership": "cooperative", "commune": commune.pk},
    )
    assert response.status_code == 302
    enterprise = Enterprise.objects.get(tax_code=tax_code)
    assert enterprise.status == EnterpriseStatus.PENDING
    claim = EnterpriseRepresentative.objects.get(user=user)
    assert claim.registered_enterprise
    claim_reject(claim=claim, by=officer, note="Không đúng người đại diện")
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.REJECTED
    assert Notification.objects.filter(user=user, body="Không đúng người đại diện").exists()
    # the rejected profile leaves the default list
    client.force_login(officer)
    assert enterprise not in client.get(reverse("enterprises:enterprise_list")).context["enterprises"]


@pytest.mark.django_db
def test_confirming_a_registration_activates_the_enterprise(make_user, officer):
    user = make_user(Role.ENTERPRISE)
    from nscl.enterprises.services import enterprise_register

    claim = enterprise_register(user=user, tax_code=next_tax_code(), name_vi="Công ty Mới", ownership="private")
    claim_confirm(claim=claim, by=officer)
    assert Enterprise.objects.get(pk=claim.enterprise_id).status == EnterpriseStatus.ACTIVE
    assert list(Enterprise.objects.visible_to(user)) == [claim.enterprise]


@pytest.mark.django_db
def test_claim_rules(make_user, officer, own_enterprise):
    user = make_user(Role.ENTERPRISE)
    claim = claim_create(user=user, tax_code=own_enterprise.tax_code)
    with pytest.raises(ValidationError) as caught:
        claim_create(user=user, tax_code=own_enterprise.tax_code)
    assert caught.value.message_dict == {"tax_code": [str(constants.ERROR_CLAIM_EXISTS)]}
    claim_confirm(claim=claim, by=officer)
    with pytest.raises(ValidationError) as caught:
        claim_reject(claim=claim, by=officer)
    assert caught.value.messages == [str(constants.ERROR_CLAIM_NOT_PENDING)]
    with pytest.raises(ValidationError) as caught:
        claim_create(user=make_user(Role.EXPERT), tax_code=own_enterprise.tax_code)
    assert caught.value.messages == [str(constants.ERROR_CLAIM_ROLE)]
    with pytest.raises(ValidationError) as caught:
        claim_create(user=user, tax_code="123")
    assert caught.value.message_dict == {"tax_code": [str(constants.ERROR_TAX_CODE)]}


@pytest.mark.django_db
def test_after_a_rejection_the_user_may_claim_again(make_user, officer, own_enterprise):
    user = make_user(Role.ENTERPRISE)
    claim_reject(claim=claim_create(user=user, tax_code=own_enterprise.tax_code), by=officer)
    again = claim_create(user=user, tax_code=own_enterprise.tax_code)
    assert again.status == RepresentativeStatus.PENDING


@pytest.mark.django_db
def test_sign_up_bad_input(client, make_user):
    make_user(Role.ENTERPRISE, username="da.co")
    response = client.post(
        reverse("enterprises:sign_up"),
        {
            "username": "da.co",
            "full_name": "",
            "email": "khong-phai-email",
            "password": "123",
            "password_again": "1234",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["username"] == [str(constants.ERROR_USERNAME_TAKEN)]
    assert set(errors) >= {"username", "full_name", "email", "password_again"}
    response = client.post(
        reverse("enterprises:sign_up"),
        {"username": "moi", "full_name": "A", "email": "a@example.org", "password": "123", "password_again": "123"},
    )
    assert "password" in response.context["form"].errors
    assert not User.objects.filter(username="moi").exists()


@pytest.mark.django_db
def test_public_showcase_shows_public_records_only(client):
    from nscl.enterprises.tests.factories import ModelEnterpriseFactory

    shown = ModelEnterpriseFactory(enterprise__name_vi="Công ty Điển Hình")
    hidden = ModelEnterpriseFactory(is_public=False)
    page = client.get(reverse("enterprises:model_showcase"))
    assert page.status_code == 200
    assert list(page.context["models"]) == [shown]
    assert "Công ty Điển Hình" in page.content.decode()
    assert shown.enterprise.tax_code not in page.content.decode()
    assert client.get(reverse("enterprises:model_showcase_detail", args=[shown.pk])).status_code == 200
    assert client.get(reverse("enterprises:model_showcase_detail", args=[hidden.pk])).status_code == 404
