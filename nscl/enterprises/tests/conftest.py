"""Fixtures of the enterprise tests: size thresholds loaded, one user per role, two enterprises."""

import pytest

from nscl.core.roles import Role
from nscl.enterprises.reference import size_thresholds_load
from nscl.enterprises.tests.factories import EnterpriseFactory, RepresentativeFactory


@pytest.fixture(autouse=True)
def thresholds(db):
    size_thresholds_load()


@pytest.fixture
def officer(make_user):
    return make_user(Role.OFFICER)


@pytest.fixture
def own_enterprise(db):
    return EnterpriseFactory(name_vi="Công ty TNHH Hồi Đỏ")


@pytest.fixture
def other_enterprise(db):
    return EnterpriseFactory(name_vi="Công ty TNHH Quýt Xanh")


@pytest.fixture
def representative(make_user, own_enterprise):
    user = make_user(Role.ENTERPRISE)
    RepresentativeFactory(user=user, enterprise=own_enterprise)
    return user
