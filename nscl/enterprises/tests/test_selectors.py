import pytest

from nscl.core.roles import Role
from nscl.enterprises.choices import RepresentativeStatus
from nscl.enterprises.models import Enterprise
from nscl.enterprises.selectors import enterprise_ids_for_user
from nscl.enterprises.tests.factories import RepresentativeFactory


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.OFFICER, Role.ADMIN, Role.BOARD])
def test_staff_and_board_see_every_enterprise(make_user, own_enterprise, other_enterprise, role):
    user = make_user(role)
    assert set(Enterprise.objects.visible_to(user)) == {own_enterprise, other_enterprise}
    assert sorted(enterprise_ids_for_user(user)) == sorted([own_enterprise.pk, other_enterprise.pk])


@pytest.mark.django_db
def test_a_representative_sees_its_confirmed_enterprises_only(representative, own_enterprise, other_enterprise):
    RepresentativeFactory(user=representative, enterprise=other_enterprise, status=RepresentativeStatus.PENDING)
    assert list(Enterprise.objects.visible_to(representative)) == [own_enterprise]
    assert enterprise_ids_for_user(representative) == [own_enterprise.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, Role.EXPERT, Role.EXAMINER])
def test_everyone_else_sees_none(make_user, own_enterprise, role):
    assert enterprise_ids_for_user(make_user(role)) == []


@pytest.mark.django_db
def test_anonymous_and_inactive_users_see_none(make_user, own_enterprise):
    from django.contrib.auth.models import AnonymousUser

    assert enterprise_ids_for_user(AnonymousUser()) == []
    inactive = make_user(Role.OFFICER, is_active=False)
    assert enterprise_ids_for_user(inactive) == []
