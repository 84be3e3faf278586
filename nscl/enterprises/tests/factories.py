"""Factories of the enterprise registry. Enterprises are created through the ORM here; tests of the
services call the services. Tax codes are valid (prefix 49, real check digit)."""

import datetime
import itertools

import factory
from django.conf import settings

from nscl.accounts.tests.factories import UserFactory
from nscl.core.models import Commune, Province, VsicCode
from nscl.core.text import search_tokens
from nscl.enterprises.choices import CertificationKind, Ownership, RepresentativeStatus
from nscl.enterprises.models import (
    Certification,
    Enterprise,
    EnterpriseRepresentative,
    EnterpriseYear,
    KeyProduct,
    ModelEnterprise,
    Replication,
)
from nscl.enterprises.taxcodes import tax_code_with_check_digit

_numbers = itertools.count(1)


def next_tax_code() -> str:
    while True:
        try:
            return tax_code_with_check_digit(f"49{next(_numbers) + 5_000_000:07d}")
        except ValueError:
            continue


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = factory.LazyFunction(lambda: settings.NSCL_PROVINCE_CODE)
    name = "Lạng Sơn"
    full_name = "Tỉnh Lạng Sơn"


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"9{n:04d}")
    province = factory.SubFactory(ProvinceFactory)
    name = factory.Sequence(lambda n: f"Xã Thử {n}")
    full_name = factory.LazyAttribute(lambda c: f"Xã {c.name}")
    name_folded = factory.LazyAttribute(lambda c: " ".join(search_tokens(c.full_name)))


class VsicSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VsicCode
        django_get_or_create = ("version", "code")

    version = "2018"
    code = "C"
    level = 1
    name_vi = "Công nghiệp chế biến, chế tạo"


class VsicDivisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VsicCode
        django_get_or_create = ("version", "code")

    version = "2018"
    code = "10"
    level = 2
    parent = factory.SubFactory(VsicSectionFactory)
    name_vi = "Sản xuất, chế biến thực phẩm"


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    tax_code = factory.LazyFunction(next_tax_code)
    name_vi = factory.Sequence(lambda n: f"Công ty TNHH Thử Nghiệm {n}")
    ownership = Ownership.PRIVATE
    commune = factory.SubFactory(CommuneFactory)
    vsic_code = factory.SubFactory(VsicDivisionFactory)
    search_text = factory.LazyAttribute(lambda e: " ".join(search_tokens(f"{e.tax_code} {e.name_vi}")))


class EnterpriseYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseYear

    enterprise = factory.SubFactory(EnterpriseFactory)
    year = 2025
    employees = 20
    revenue = 5_000_000_000
    capital = 2_000_000_000


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification

    enterprise = factory.SubFactory(EnterpriseFactory)
    kind = CertificationKind.ISO_9001
    standard_text = "ISO 9001:2015"
    body_name = "Tổ chức chứng nhận thử"
    certificate_number = factory.Sequence(lambda n: f"CERT-{n:05d}")
    issued_on = datetime.date(2025, 1, 1)
    expires_on = datetime.date(2028, 1, 1)


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseRepresentative

    user = factory.SubFactory(UserFactory, roles=["enterprise"])
    enterprise = factory.SubFactory(EnterpriseFactory)
    status = RepresentativeStatus.CONFIRMED


class KeyProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyProduct

    slug = factory.Sequence(lambda n: f"san-pham-{n}")
    name_vi = factory.Sequence(lambda n: f"Sản phẩm {n}")


class ModelEnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModelEnterprise

    enterprise = factory.SubFactory(EnterpriseFactory)
    recognition_year = 2024
    applied = "ISO 9001 và 5S"
    results = "Năng suất tăng"


class ReplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Replication

    model = factory.SubFactory(ModelEnterpriseFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    year = 2025
