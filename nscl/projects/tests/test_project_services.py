"""Creating and editing a proposal through its services (the pages and the API call these)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nscl.projects import services
from nscl.projects.choices import ProjectStatus
from nscl.projects.models import SupportProject
from nscl.projects.tests.factories import RepresentativeFactory, SupportTypeFactory, force_status

pytestmark = pytest.mark.django_db


def proposal(**extra):
    return {
        "title": "Áp dụng công cụ 5S tại xưởng may",
        "goals": "Giảm thời gian tìm dụng cụ.",
        "start_date": datetime.date(2026, 3, 1),
        "end_date": datetime.date(2026, 9, 30),
        "support_types": [SupportTypeFactory()],
        **extra,
    }


def test_a_representative_creates_a_draft_of_their_enterprise():
    rep = RepresentativeFactory()
    created = services.project_create(enterprise=rep.enterprise, by=rep.user, data=proposal())
    project = SupportProject.objects.get(pk=created.pk)  # refresh_from_db would assign the protected state
    assert project.status == ProjectStatus.DRAFT
    assert project.created_by == rep.user
    assert [t.code for t in project.support_types.all()] == ["iso-9001"]
    assert "5s" in project.search_text


def test_nobody_creates_a_proposal_for_another_enterprise():
    rep, other = RepresentativeFactory(), RepresentativeFactory()
    with pytest.raises(PermissionDenied):
        services.project_create(enterprise=other.enterprise, by=rep.user, data=proposal())


def test_a_schedule_that_ends_before_it_starts_is_refused_on_its_field():
    rep = RepresentativeFactory()
    data = proposal(start_date=datetime.date(2026, 9, 1), end_date=datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError) as caught:
        services.project_create(enterprise=rep.enterprise, by=rep.user, data=data)
    assert "end_date" in caught.value.message_dict


def test_editing_keeps_the_state_and_is_refused_once_submitted():
    rep = RepresentativeFactory()
    project = services.project_create(enterprise=rep.enterprise, by=rep.user, data=proposal())
    edited = services.project_update(project=project, by=rep.user, data={"title": "Áp dụng 5S và Kaizen"})
    assert (edited.title, edited.status) == ("Áp dụng 5S và Kaizen", ProjectStatus.DRAFT)
    submitted = force_status(edited, ProjectStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.project_update(project=submitted, by=rep.user, data={"title": "Khác"})
