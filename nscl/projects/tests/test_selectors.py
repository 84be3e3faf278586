"""The projects reads: each project once whatever the filters, counts per inspection, scope for inspections."""

import datetime

import pytest

from nscl.core.roles import Role
from nscl.projects import selectors, services
from nscl.projects.choices import FindingSeverity, ProjectStatus, SupportGroup
from nscl.projects.models import CorrectiveAction, Finding, Inspection
from nscl.projects.tests.factories import (
    RepresentativeFactory,
    SupportProjectFactory,
    SupportTypeFactory,
    force_status,
    ready_project,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 24)


def test_a_project_with_several_support_types_is_listed_and_counted_once(make_user):
    five_s = SupportTypeFactory(code="5s", group=SupportGroup.IMPROVEMENT_TOOL, name_vi="5S")
    kaizen = SupportTypeFactory(code="kaizen", group=SupportGroup.IMPROVEMENT_TOOL, name_vi="Kaizen")
    both = SupportProjectFactory(support_types=[five_s, kaizen])
    SupportProjectFactory(support_types=[kaizen])
    officer = make_user(Role.OFFICER)
    assert list(selectors.project_list(user=officer, filters={"support_type": five_s})) == [both]
    assert selectors.project_list(user=officer, filters={"support_type": kaizen}).count() == 2
    board = selectors.project_board(user=officer, filters={"support_type": kaizen})
    assert sum(column["count"] for column in board) == 2


def test_inspections_carry_their_finding_and_overdue_counts(make_user):
    project = force_status(ready_project(), ProjectStatus.IN_PROGRESS)
    busy = Inspection.objects.create(project=project, planned_on=TODAY)
    Inspection.objects.create(project=project, planned_on=TODAY - datetime.timedelta(days=30))
    for deadline, closed in (
        (TODAY - datetime.timedelta(days=1), None),
        (TODAY, None),
        (TODAY - datetime.timedelta(days=9), TODAY),
    ):
        finding = Finding.objects.create(inspection=busy, severity=FindingSeverity.NEEDS_CORRECTION, description="x")
        CorrectiveAction.objects.create(
            finding=finding, description="sửa", deadline=deadline, closed_on=closed, evidence="ảnh" if closed else ""
        )
    Finding.objects.create(inspection=busy, severity=FindingSeverity.COMPLIANT, description="đạt")
    rows = list(selectors.inspection_list(user=make_user(Role.OFFICER), today=TODAY))
    assert [(r.finding_count, r.overdue_count) for r in rows] == [(4, 1), (0, 0)]


def test_inspections_stay_in_the_readers_scope(make_user):
    mine = force_status(ready_project(), ProjectStatus.IN_PROGRESS)
    theirs = force_status(ready_project(), ProjectStatus.IN_PROGRESS)
    for project in (mine, theirs):
        Inspection.objects.create(project=project, planned_on=TODAY)
    representative = RepresentativeFactory(enterprise=mine.enterprise).user
    assert [i.project for i in selectors.inspection_list(user=representative)] == [mine]
    assert selectors.inspection_list(user=make_user(Role.BOARD)).count() == 2
    assert not selectors.inspection_list(user=make_user(Role.EXAMINER)).exists()


def test_a_transition_outside_a_request_records_who_in_the_history(make_user):
    project = ready_project()
    representative = RepresentativeFactory(enterprise=project.enterprise).user
    services.project_submit(obj=project, by=representative)
    assert project.history.latest().history_user == representative
