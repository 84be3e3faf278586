"""Fixtures for the projects tests: one user per role, and a representative of another enterprise."""

import pytest

from nscl.core.roles import Role
from nscl.projects.tests.factories import ExpertFactory, RepresentativeFactory, ready_project


@pytest.fixture
def project(db):
    return ready_project()


@pytest.fixture
def actors(db, make_user, project):
    """Every kind of user the permission tables walk, keyed by a short name."""
    expert = ExpertFactory()
    project.consultant_expert = expert
    project.save(update_fields=["consultant_expert"])
    return {
        "representative": RepresentativeFactory(enterprise=project.enterprise).user,
        "other_enterprise": RepresentativeFactory().user,
        "officer": make_user(Role.OFFICER),
        "board": make_user(Role.BOARD),
        "expert": expert.user,
        "other_expert": ExpertFactory().user,
        "admin": make_user(Role.ADMIN),
        "examiner": make_user(Role.EXAMINER),
        "no_role": make_user(),
    }
