"""Factories for the projects tests, with stand-ins for enterprises and network (they ship none yet)."""

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from nscl.accounts.tests.factories import UserFactory
from nscl.core.roles import Role
from nscl.enterprises.choices import Ownership, RepresentativeStatus
from nscl.enterprises.models import Enterprise, EnterpriseRepresentative
from nscl.network.models import Expert
from nscl.projects.choices import DocumentKind, FundingSource, SupportGroup
from nscl.projects.models import (
    BudgetLine,
    IndicatorKind,
    ProjectDocument,
    SupportProject,
    SupportRule,
    SupportType,
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 64


def pdf_upload(name: str = "thuyet-minh.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    tax_code = factory.Sequence(lambda n: f"49{n:08d}")
    name_vi = factory.Sequence(lambda n: f"Công ty TNHH Thử nghiệm {n}")
    ownership = Ownership.PRIVATE


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseRepresentative

    user = factory.SubFactory(UserFactory, roles=[Role.ENTERPRISE])
    enterprise = factory.SubFactory(EnterpriseFactory)
    status = RepresentativeStatus.CONFIRMED


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    full_name = factory.Sequence(lambda n: f"Chuyên gia {n}")
    user = factory.SubFactory(UserFactory, roles=[Role.EXPERT])


class SupportTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportType
        django_get_or_create = ("code",)

    code = "iso-9001"
    group = SupportGroup.MANAGEMENT_SYSTEM
    name_vi = "Hệ thống quản lý chất lượng ISO 9001"


class SupportRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportRule
        django_get_or_create = ("group", "valid_from")

    group = SupportGroup.MANAGEMENT_SYSTEM
    share_percent = 50
    ceiling = 100_000_000
    valid_from = datetime.date(2021, 1, 1)
    is_demo = True


class IndicatorKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorKind
        django_get_or_create = ("code",)

    code = "defect-rate"
    name_vi = "Tỷ lệ sản phẩm lỗi"
    unit = "%"
    direction = "lower"


class SupportProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportProject
        skip_postgeneration_save = True

    enterprise = factory.SubFactory(EnterpriseFactory)
    title = factory.Sequence(lambda n: f"Áp dụng ISO 9001 tại nhà máy số {n}")
    goals = "Giảm tỷ lệ sản phẩm lỗi."
    search_text = factory.LazyAttribute(lambda p: p.title.lower())

    @factory.post_generation
    def support_types(self, create, extracted, **kwargs):
        if create:
            self.support_types.set(extracted if extracted is not None else [SupportTypeFactory()])


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    project = factory.SubFactory(SupportProjectFactory)
    item = "Thuê chuyên gia tư vấn"
    source = FundingSource.STATE
    amount = 50_000_000


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectDocument

    project = factory.SubFactory(SupportProjectFactory)
    kind = DocumentKind.PROPOSAL
    title = "Thuyết minh"
    file = factory.LazyFunction(lambda: SimpleUploadedFile("x.pdf", PDF_BYTES))
    original_name = "x.pdf"
    content_type = "application/pdf"
    extension = "pdf"
    size = len(PDF_BYTES)


def ready_project(*, cost: int = 200_000_000, requested: int = 100_000_000, **kwargs) -> SupportProject:
    """A draft that passes every submit check: a rule, a budget within it, the required documents."""
    SupportRuleFactory()
    project = SupportProjectFactory(total_cost=cost, requested_amount=requested, **kwargs)
    BudgetLineFactory(project=project, source=FundingSource.STATE, amount=requested)
    BudgetLineFactory(project=project, source=FundingSource.ENTERPRISE, amount=cost - requested)
    for kind in (DocumentKind.PROPOSAL, DocumentKind.BUDGET, DocumentKind.REPORT):
        DocumentFactory(project=project, kind=kind)
    return project


def force_status(project: SupportProject, status: str) -> SupportProject:
    """Put a test project in a state without going through the workflow (tests only)."""
    SupportProject.objects.filter(pk=project.pk).update(status=status)  # noqa: the protected field's bypass
    return SupportProject.objects.get(pk=project.pk)
