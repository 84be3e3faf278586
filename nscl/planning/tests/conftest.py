"""Fixtures for the planning tests: one user per role, and a plan ready to submit."""

import pytest

from nscl.core.roles import Role
from nscl.planning.tests.factories import ready_plan


@pytest.fixture
def plan(db):
    return ready_plan()


@pytest.fixture
def actors(db, make_user):
    """Every kind of user the permission tables walk, keyed by role code (no_role: signed in, no role)."""
    return {
        "officer": make_user(Role.OFFICER),
        "board": make_user(Role.BOARD),
        "admin": make_user(Role.ADMIN),
        "enterprise": make_user(Role.ENTERPRISE),
        "expert": make_user(Role.EXPERT),
        "no_role": make_user(),
    }
