"""Every transition through both doors, the page and the API, for every kind of user.

The rules live in the services (tested in test_transitions.py); this table proves the page and the
API apply them the same way: the right person moves the project, a reader who may not is refused
with a message (page) or 403 (API) and nothing changes, and anyone else never learns it exists (404).
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from nscl.projects.models import ProjectEvent, SupportProject
from nscl.projects.services import STATUS_AFTER
from nscl.projects.tests.factories import force_status
from nscl.projects.tests.test_transitions import ACTORS, TABLE

pytestmark = pytest.mark.django_db
READERS = {"representative", "officer", "board", "expert", "admin"}


def payload(verb: str) -> dict:
    data = {"reason": "Ghi chú của người thực hiện"}
    if verb == "approve":
        data |= {"amount": 90_000_000, "decision_number": "88/QĐ-UBND", "decision_date": timezone.localdate()}
    return data


def expected_outcome(verb: str, who: str) -> str:
    source, allowed = TABLE[verb]
    if who in allowed:
        return "moved"
    return "refused" if who in READERS else "hidden"


@pytest.mark.parametrize("verb", TABLE)
@pytest.mark.parametrize("who", ACTORS)
def test_by_page(client, project, actors, verb, who):
    source, _ = TABLE[verb]
    project = force_status(project, source)
    client.force_login(actors[who])
    response = client.post(reverse("projects:project_transition", args=[project.pk, verb]), payload(verb))
    status = SupportProject.objects.get(pk=project.pk).status
    outcome = expected_outcome(verb, who)
    if outcome == "hidden":
        assert response.status_code == 404
    else:
        assert response.status_code == 302
        assert response.url == project.get_absolute_url()
    assert status == (STATUS_AFTER[verb] if outcome == "moved" else source)
    assert ProjectEvent.objects.filter(project=project).exists() == (outcome == "moved")
    if outcome == "refused":
        page = client.get(response.url).content.decode()
        assert "alert-danger" in page


@pytest.mark.parametrize("verb", TABLE)
@pytest.mark.parametrize("who", ACTORS)
def test_by_api(client, project, actors, verb, who):
    source, _ = TABLE[verb]
    project = force_status(project, source)
    client.force_login(actors[who])
    data = {key: str(value) for key, value in payload(verb).items()}
    response = client.post(
        reverse("projects_api:project_transition", args=[project.pk, verb]), data, content_type="application/json"
    )
    outcome = expected_outcome(verb, who)
    assert response.status_code == {"moved": 200, "refused": 403, "hidden": 404}[outcome], response.content
    status = SupportProject.objects.get(pk=project.pk).status
    assert status == (STATUS_AFTER[verb] if outcome == "moved" else source)
    if outcome == "moved":
        assert response.json()["status"] == STATUS_AFTER[verb]
        event = ProjectEvent.objects.get(project=project)
        assert (event.by, event.from_status, event.to_status) == (actors[who], source, STATUS_AFTER[verb])
    else:
        assert not ProjectEvent.objects.filter(project=project).exists()
