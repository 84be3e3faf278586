"""Fixtures shared by every app's tests."""

import pytest


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    # A request to an /en/ page leaves English active in this thread; every test starts in Vietnamese.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def ics_tree(db):
    """The real ICS tree from data/ics (1,381 codes)."""
    from nscl.standards.reference import ics_load

    ics_load()


@pytest.fixture
def make_user(db):
    from nscl.accounts.tests.factories import UserFactory

    def make(role: str | None = None, **kwargs):
        return UserFactory(roles=[role] if role else [], **kwargs)

    return make
