"""The demo support projects (`manage.py load_demo`): every state, a real history, money within the
rules, inspections with an overdue action, the demo accounts' scope, and nothing new on a second run."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from nscl.accounts.models import User
from nscl.enterprises.models import EnterpriseRepresentative
from nscl.projects import demo
from nscl.projects.choices import DocumentKind, FindingSeverity, ProjectStatus
from nscl.projects.models import (
    BudgetLine,
    CorrectiveAction,
    Finding,
    Inspection,
    Milestone,
    ProjectDocument,
    ProjectEvent,
    ProjectIndicator,
    SupportProject,
)
from nscl.projects.services import project_support_limit

S = ProjectStatus
AFTER_ACCEPTANCE_REQUEST = (S.ACCEPTANCE_REVIEW, S.ACCEPTED, S.NOT_ACCEPTED)
COUNTED = (
    SupportProject,
    ProjectEvent,
    BudgetLine,
    Milestone,
    ProjectIndicator,
    ProjectDocument,
    Inspection,
    Finding,
    CorrectiveAction,
    EnterpriseRepresentative,
    User,
)


def load_demo() -> None:
    call_command("load_demo", stdout=io.StringIO())


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def assert_history(project: SupportProject) -> None:
    events = list(project.events.order_by("at", "id"))
    if project.status == S.DRAFT:
        assert events == [], project
        return
    assert events, project
    assert events[0].from_status == S.DRAFT
    assert events[-1].to_status == project.status, project
    for before, after in zip(events, events[1:], strict=False):
        assert after.from_status == before.to_status, project
        assert after.at > before.at, project
    assert events[-1].at <= timezone.now()
    assert project.submitted_at == next(e.at for e in events if e.action == "submit")


def assert_money(project: SupportProject) -> None:
    lines = list(project.budget_lines.all())
    assert project.total_cost == sum(line.amount for line in lines) > 0
    assert 0 < project.requested_amount <= project_support_limit(project=project), project
    if project.approved_amount is not None:
        assert 0 < project.approved_amount <= project.requested_amount, project
        assert project.approved_amount <= project_support_limit(project=project), project
        assert project.decision_number and project.decision_date <= timezone.localdate()


def assert_documents(project: SupportProject) -> None:
    kinds = set(project.documents.values_list("kind", flat=True))
    assert {DocumentKind.PROPOSAL, DocumentKind.BUDGET} <= kinds, project
    if project.status in AFTER_ACCEPTANCE_REQUEST:
        assert DocumentKind.REPORT in kinds, project
    for document in project.documents.all():
        with document.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"


@pytest.mark.django_db
def test_demo_projects_cover_every_state_with_a_real_history():
    load_demo()
    projects = list(SupportProject.objects.select_related("enterprise"))
    assert 20 <= len(projects) <= 30
    assert {p.status for p in projects} == set(S.values)
    today = timezone.localdate()
    for project in projects:
        assert project.title.startswith("[Minh họa]")
        assert "Demo" in project.enterprise.name_vi  # only on the invented enterprises
        assert project.created_at.year >= today.year - 3
        assert project.support_types.exists()
        assert_history(project)
        assert_money(project)
        assert_documents(project)
    accepted = [p for p in projects if p.status == S.ACCEPTED]
    assert all(p.indicators.filter(result__isnull=False).exists() for p in accepted)
    running = SupportProject.objects.filter(status=S.IN_PROGRESS)
    assert any(m.is_late() for p in running for m in p.milestones.all())
    assert Milestone.objects.filter(done_date__isnull=False).exists()
    assert SupportProject.objects.filter(standards__isnull=False).exists()


@pytest.mark.django_db
def test_demo_inspections_have_every_severity_and_an_overdue_action():
    load_demo()
    assert set(Finding.objects.values_list("severity", flat=True)) == set(FindingSeverity.values)
    assert CorrectiveAction.objects.overdue().exists()
    assert CorrectiveAction.objects.filter(closed_on__isnull=False).exclude(evidence="").exists()
    assert CorrectiveAction.objects.filter(closed_on__isnull=True, deadline__gte=timezone.localdate()).exists()
    assert Inspection.objects.filter(planned_on__gt=timezone.localdate(), findings__isnull=True).exists()


@pytest.mark.django_db
def test_demo_accounts_see_their_projects_and_a_second_load_adds_nothing():
    load_demo()
    before = counts()
    load_demo()
    assert counts() == before

    representative = User.objects.get(username="doanhnghiep")
    mine = SupportProject.objects.visible_to(representative)
    enterprise_ids = set(
        EnterpriseRepresentative.objects.filter(user=representative).values_list("enterprise_id", flat=True)
    )
    assert set(mine.values_list("enterprise_id", flat=True)) == enterprise_ids
    assert mine.count() == SupportProject.objects.filter(enterprise_id__in=enterprise_ids).count()
    assert len(set(mine.values_list("status", flat=True))) >= 4

    expert = User.objects.get(username="chuyengia")
    consulted = SupportProject.objects.visible_to(expert)
    assert consulted.count() >= 3
    assert set(consulted.values_list("consultant_expert__user", flat=True)) == {expert.pk}

    officer = User.objects.get(username="canbo")
    assert SupportProject.objects.visible_to(officer).count() == SupportProject.objects.count()


@pytest.mark.django_db
def test_demo_loader_creates_no_project_without_the_demo_users():
    assert demo.load() == 0
    assert not SupportProject.objects.exists()


def test_demo_pdf_is_one_page_with_a_correct_cross_reference_table():
    pdf = demo.demo_pdf("Thuyết minh dự án (minh họa) – Đổi mới công nghệ")
    assert pdf.startswith(b"%PDF-1.4\n") and pdf.endswith(b"%%EOF\n")
    xref = int(re.search(rb"startxref\n(\d+)\n", pdf).group(1))
    assert pdf[xref:].startswith(b"xref\n0 6\n")
    offsets = [int(offset) for offset in re.findall(rb"(\d{10}) 00000 n", pdf)]
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)
    assert b"/Count 1" in pdf
    assert b"Thuyet minh du an [minh hoa]" not in pdf  # parentheses are dropped, not escaped
    assert b"Thuyet minh du an minh hoa" in pdf
