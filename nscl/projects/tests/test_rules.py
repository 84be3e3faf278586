"""Preconditions of submit and approve, and the money rules at their boundaries."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from nscl.projects import constants
from nscl.projects.choices import DocumentKind, ProjectStatus
from nscl.projects.models import SupportRule
from nscl.projects.services import project_approve, project_submit
from nscl.projects.tests.factories import RepresentativeFactory, force_status, ready_project

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 1)


def rep_of(project):
    return RepresentativeFactory(enterprise=project.enterprise).user


@pytest.mark.parametrize(
    ("cost", "requested", "ok"),
    [
        (200_000_000, 100_000_000, True),  # exactly 50 %, exactly the ceiling
        (200_000_000, 100_000_001, False),  # one đồng over
        (199_999_999, 99_999_999, True),  # 50 % rounds down to 99,999,999
        (199_999_999, 100_000_000, False),
        (400_000_000, 100_000_000, True),  # the ceiling binds
        (400_000_000, 100_000_001, False),
    ],
)
def test_requested_support_at_the_boundaries(cost, requested, ok):
    project = ready_project(cost=cost, requested=requested)
    if ok:
        assert project_submit(obj=project, by=rep_of(project)).status == ProjectStatus.SUBMITTED
    else:
        with pytest.raises(ValidationError, match="vượt mức tối đa"):
            project_submit(obj=project, by=rep_of(project))


def test_submit_needs_the_required_documents():
    project = ready_project()
    project.documents.filter(kind=DocumentKind.BUDGET).delete()
    with pytest.raises(ValidationError) as caught:
        project_submit(obj=project, by=rep_of(project))
    assert caught.value.messages == [constants.ERROR_MISSING_DOCUMENTS % {"kinds": "Dự toán kinh phí"}]


def test_submit_needs_a_rule_in_force():
    project = ready_project()
    SupportRule.objects.update(valid_to=datetime.date(2022, 1, 1))
    with pytest.raises(ValidationError, match="Chưa có quy định mức hỗ trợ"):
        project_submit(obj=project, by=rep_of(project))


def test_submit_needs_a_support_type_and_a_budget():
    project = ready_project()
    project.support_types.clear()
    with pytest.raises(ValidationError, match=str(constants.ERROR_NO_SUPPORT_TYPE)):
        project_submit(obj=project, by=rep_of(project))
    project = ready_project(cost=0, requested=0)
    with pytest.raises(ValidationError, match=str(constants.ERROR_NO_BUDGET)):
        project_submit(obj=project, by=rep_of(project))


@pytest.mark.parametrize(
    ("amount", "number", "day", "message"),
    [
        (None, "1/QĐ", DAY, constants.ERROR_APPROVED_REQUIRED),
        (0, "1/QĐ", DAY, constants.ERROR_APPROVED_REQUIRED),
        (50, "", DAY, constants.ERROR_DECISION_REQUIRED),
        (50, "1/QĐ", None, constants.ERROR_DECISION_REQUIRED),
        (50, "1/QĐ", datetime.date(2099, 1, 1), constants.ERROR_DECISION_DATE_FUTURE),
        (100_000_001, "1/QĐ", DAY, "vượt số đề nghị"),
    ],
)
def test_approval_preconditions(actors, project, amount, number, day, message):
    project = force_status(project, ProjectStatus.UNDER_APPRAISAL)
    with pytest.raises(ValidationError, match=re.escape(str(message))):
        project_approve(obj=project, by=actors["board"], amount=amount, decision_number=number, decision_date=day)


def test_approval_within_a_rule_tightened_after_the_request(actors, project):
    project = force_status(project, ProjectStatus.UNDER_APPRAISAL)
    SupportRule.objects.update(ceiling=80_000_000)
    kwargs = {"by": actors["board"], "decision_number": "1/QĐ", "decision_date": DAY}
    with pytest.raises(ValidationError, match="vượt mức tối đa"):
        project_approve(obj=project, amount=80_000_001, **kwargs)
    assert project_approve(obj=project, amount=80_000_000, **kwargs).approved_amount == 80_000_000
