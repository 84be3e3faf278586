"""The API answers each caller with their scope, and makes transitions with the same rules as pages."""

import pytest
from django.urls import reverse

from nscl.projects.choices import ProjectStatus
from nscl.projects.models import SupportProject
from nscl.projects.tests.factories import force_status, ready_project

pytestmark = pytest.mark.django_db
EVERYONE = ["representative", "other_enterprise", "officer", "board", "expert", "other_expert", "admin", "examiner",
            "no_role"]  # fmt: skip
SEES_IT = {"representative", "officer", "board", "expert", "admin"}


@pytest.mark.parametrize("who", EVERYONE)
def test_reads_are_scoped(client, project, actors, who):
    ready_project()  # someone else's
    client.force_login(actors[who])
    listed = client.get(reverse("projects_api:project_list")).json()
    ids = [p["id"] for p in listed["results"]] if isinstance(listed, dict) else [p["id"] for p in listed]
    assert (project.pk in ids) == (who in SEES_IT)
    if who not in ("officer", "board", "admin"):
        assert len(ids) == (1 if who in SEES_IT else 0)
    detail = client.get(reverse("projects_api:project_detail", args=[project.pk]))
    assert detail.status_code == (200 if who in SEES_IT else 404)


def test_anonymous_gets_nothing(client, project):
    assert client.get(reverse("projects_api:project_list")).status_code in (401, 403)
    url = reverse("projects_api:project_transition", args=[project.pk, "submit"])
    assert client.post(url).status_code in (401, 403)


@pytest.mark.parametrize("who", EVERYONE)
def test_submit_by_api(client, project, actors, who):
    client.force_login(actors[who])
    response = client.post(reverse("projects_api:project_transition", args=[project.pk, "submit"]), {})
    expected = {"representative": 200}.get(who, 403 if who in SEES_IT else 404)
    assert response.status_code == expected, response.content
    assert SupportProject.objects.get(pk=project.pk).status == (
        ProjectStatus.SUBMITTED if who == "representative" else ProjectStatus.DRAFT
    )


def test_api_refusals_are_400_with_the_message(client, project, actors):
    project = force_status(project, ProjectStatus.UNDER_APPRAISAL)
    client.force_login(actors["board"])
    url = reverse("projects_api:project_transition", args=[project.pk, "approve"])
    response = client.post(
        url, {"amount": 100_000_001, "decision_number": "1/QĐ", "decision_date": "2026-11-01"}, "application/json"
    )
    assert response.status_code == 400 and "vượt số đề nghị" in response.content.decode()
    response = client.post(
        url, {"amount": 100_000_000, "decision_number": "1/QĐ", "decision_date": "2026-11-01"}, "application/json"
    )
    assert response.status_code == 200 and response.json()["approved_amount"] == 100_000_000
    client.force_login(actors["officer"])
    wrong = client.post(reverse("projects_api:project_transition", args=[project.pk, "submit"]), {})
    assert wrong.status_code == 403


def test_support_types_are_public_and_read_only(client, actors):
    from nscl.projects.reference import load

    load()
    codes = [t["code"] for t in client.get(reverse("projects_api:support_type_list")).json()]
    assert "iso-9001" in codes and "vietgap" in codes
    client.force_login(actors["officer"])
    assert client.post(reverse("projects_api:support_type_list"), {"code": "x"}).status_code == 403
