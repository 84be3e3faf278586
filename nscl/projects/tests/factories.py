"""Factories for the projects tests. Enterprises and representatives are the enterprises app's factories
(re-exported here: other test modules import them from this module); the expert is the network's one with a
linked expert-role user."""

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from nscl.accounts.tests.factories import UserFactory
from nscl.core.roles import Role
from nscl.enterprises.tests.factories import EnterpriseFactory, RepresentativeFactory
from nscl.network.tests import factories as network_factories
from nscl.projects.choices import DocumentKind, FundingSource, SupportGroup
from nscl.projects.models import (
    BudgetLine,
    IndicatorKind,
    ProjectDocument,
    SupportProject,
    SupportRule,
    SupportType,
)

__all__ = [
    "BudgetLineFactory",
    "DocumentFactory",
    "EnterpriseFactory",
    "ExpertFactory",
    "IndicatorKindFactory",
    "PDF_BYTES",
    "PNG_BYTES",
    "RepresentativeFactory",
    "SupportProjectFactory",
    "SupportRuleFactory",
    "SupportTypeFactory",
    "force_status",
    "pdf_upload",
    "ready_project",
]

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 64


def pdf_upload(name: str = "thuyet-minh.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class ExpertFactory(network_factories.ExpertFactory):
    """The network's expert with a linked expert-role user: the projects tests need one who signs in."""

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
    # The protected field's bypass, on purpose: tests only (STYLE rule 24 forbids it anywhere else).
    SupportProject.objects.filter(pk=project.pk).update(status=status)
    return SupportProject.objects.get(pk=project.pk)
