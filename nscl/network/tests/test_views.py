import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nscl.network.models import ConsultingOrganisation, Expert
from nscl.network.tests.factories import (
    ConformityBodyFactory,
    ConsultingOrganisationFactory,
    ExpertFactory,
    QualificationFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "enterprise", "officer", "board", "expert_own", "expert_other", "admin"]


@pytest.fixture
def world(make_user):
    own = make_user("expert", username="own.expert")
    expert = ExpertFactory(user=own, full_name="Chuyên Gia Riêng")
    other_expert = ExpertFactory(full_name="Chuyên Gia Khác")
    QualificationFactory(expert=other_expert)
    return {
        "users": {
            "anonymous": None,
            "enterprise": make_user("enterprise"),
            "officer": make_user("officer"),
            "board": make_user("board"),
            "expert_own": own,
            "expert_other": make_user("expert"),
            "admin": make_user("admin"),
        },
        "expert": expert,
        "organisation": ConsultingOrganisationFactory(),
        "body": ConformityBodyFactory(),
        "qualification": other_expert.qualifications.first(),
    }


READERS = {"officer", "board", "admin"}
MANAGERS = {"officer", "admin"}
EVERYONE = set(ROLES)
# (url name, kwargs key, method, roles allowed)
TABLE = [
    ("network:expert_list", None, "get", READERS),
    ("network:expert_export", None, "get", READERS),
    ("network:expert_detail", "expert", "get", READERS),
    ("network:expert_create", None, "get", MANAGERS),
    ("network:expert_edit", "expert", "get", MANAGERS),
    ("network:qualification_create", "expert", "get", MANAGERS),
    ("network:qualification_delete", "qualification", "post", MANAGERS),
    ("network:expert_self", None, "get", {"expert_own"}),
    ("network:organisation_list", None, "get", READERS),
    ("network:organisation_export", None, "get", READERS),
    ("network:organisation_detail", "organisation", "get", READERS),
    ("network:organisation_create", None, "get", MANAGERS),
    ("network:organisation_edit", "organisation", "get", MANAGERS),
    ("network:body_list", None, "get", READERS),
    ("network:body_export", None, "get", READERS),
    ("network:body_detail", "body", "get", READERS),
    ("network:body_create", None, "get", MANAGERS),
    ("network:body_edit", "body", "get", MANAGERS),
    ("network_directory:body_list", None, "get", EVERYONE),
    ("network_directory:body_detail", "body", "get", EVERYONE),
    ("network_directory:expert_list", None, "get", EVERYONE),
    ("network_directory:expert_detail", "expert", "get", EVERYONE),
    ("network_api:organisation_list", None, "get", READERS),
    ("network_api:organisation_detail", "organisation", "get", READERS),
    ("network_public_api:expert_list", None, "get", EVERYONE),
    ("network_public_api:expert_detail", "expert", "get", EVERYONE),
    ("network_public_api:body_list", None, "get", EVERYONE),
    ("network_public_api:body_detail", "body", "get", EVERYONE),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "obj", "method", "allowed"), TABLE, ids=[row[0] for row in TABLE])
def test_permission_table(client, world, role, name, obj, method, allowed):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    url = reverse(name, kwargs={"pk": world[obj].pk} if obj else None)
    response = getattr(client, method)(url)
    if name == "network:expert_self" and role == "expert_other":
        assert response.status_code == 404  # the role fits, but this expert has no record of their own
    elif role in allowed:
        assert response.status_code in (200, 302), f"{role} {name}: {response.status_code}"
        if method == "post":
            assert response.status_code == 302
    elif user is None:
        assert response.status_code in (302, 401, 403), f"{role} {name}: {response.status_code}"
        if response.status_code == 302:
            assert "/dang-nhap/" in response.url
    else:
        assert response.status_code == 403, f"{role} {name}: {response.status_code}"


def test_expert_self_page_edits_own_record_only(client, world):
    client.force_login(world["users"]["expert_own"])
    response = client.post(
        reverse("network:expert_self"), {"phone": "0999", "email": "a@b.vn", "availability": "limited"}
    )
    assert response.status_code == 302
    world["expert"].refresh_from_db()
    assert world["expert"].phone == "0999" and world["expert"].availability == "limited"
    client.force_login(world["users"]["expert_other"])  # an expert with no record of their own
    assert client.get(reverse("network:expert_self")).status_code == 404


def test_public_directory_hides_contacts(client, world):
    expert, body = world["expert"], world["body"]
    pages = [
        reverse("network_directory:expert_list"),
        reverse("network_directory:expert_detail", args=[expert.pk]),
        reverse("network_directory:body_list"),
        reverse("network_directory:body_detail", args=[body.pk]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert expert.email not in html and expert.phone not in html and body.email not in html, url
    assert expert.full_name in client.get(pages[0]).content.decode()
    data = client.get(reverse("network_public_api:expert_detail", args=[expert.pk])).json()
    assert "email" not in data and "phone" not in data and data["full_name"] == expert.full_name
    client.force_login(world["users"]["officer"])
    assert client.get(reverse("network_public_api:expert_detail", args=[expert.pk])).json()["email"] == expert.email


def test_inactive_experts_stay_out_of_the_directory(client, world):
    hidden = ExpertFactory(is_active=False)
    assert client.get(reverse("network_directory:expert_detail", args=[hidden.pk])).status_code == 404


@pytest.mark.parametrize(
    ("name", "max_queries"),
    [("network:expert_list", 12), ("network:organisation_list", 10), ("network:body_list", 10)],
)
def test_list_query_counts(client, world, django_assert_max_num_queries, name, max_queries):
    for _ in range(15):
        QualificationFactory(expert=ExpertFactory(organisation=world["organisation"]))
        ConsultingOrganisationFactory()
        ConformityBodyFactory()
    client.force_login(world["users"]["officer"])
    with django_assert_max_num_queries(max_queries):
        assert client.get(reverse(name)).status_code == 200


def test_expert_export_content(client, world):
    client.force_login(world["users"]["board"])
    response = client.get(reverse("network:expert_export"), {"q": "chuyen gia rieng"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Họ và tên"
    assert [r[0] for r in rows[1:]] == ["Chuyên Gia Riêng"]


def test_body_export_has_dates_and_validity(client, world):
    client.force_login(world["users"]["officer"])
    rows = list(load_workbook(io.BytesIO(client.get(reverse("network:body_export")).content)).active.values)
    assert rows[1][1] == world["body"].name
    assert rows[1][6].date() == world["body"].valid_until


def test_export_neutralises_formulas(client, world):
    ExpertFactory(full_name="=HYPERLINK(1)")
    client.force_login(world["users"]["officer"])
    sheet = load_workbook(io.BytesIO(client.get(reverse("network:expert_export")).content)).active
    cell = next(c for c in sheet["A"] if c.value and str(c.value).startswith("=HYP"))
    assert cell.data_type == "s"


class FormTests:
    def test_expert_form_bad_input(self, client, world):
        client.force_login(world["users"]["officer"])
        response = client.post(reverse("network:expert_create"), {"full_name": "", "email": "khong-phai-email"})
        assert response.status_code == 200
        assert response.context["form"].errors.keys() >= {"full_name", "email", "availability"}
        assert 'aria-describedby="id_full_name_error"' in response.content.decode()

    def test_organisation_form_bad_tax_code(self, client, world):
        client.force_login(world["users"]["officer"])
        response = client.post(reverse("network:organisation_create"), {"name": "X", "tax_code": "123"})
        assert "tax_code" in response.context["form"].errors
        assert not ConsultingOrganisation.objects.filter(name="X").exists()

    def test_body_form_bad_input(self, client, world):
        client.force_login(world["users"]["officer"])
        data = {"kind": "testing_lab", "name": "Lab", "scope_codes": "TCVN 99999:2099",
                "valid_from": "2026-01-02", "valid_until": "2025-01-01"}  # fmt: skip
        errors = client.post(reverse("network:body_create"), data).context["form"].errors
        assert {"scope_codes", "registration_number", "valid_until"} <= errors.keys()

    def test_qualification_form_bad_dates(self, client, world):
        client.force_login(world["users"]["officer"])
        url = reverse("network:qualification_create", args=[world["expert"].pk])
        response = client.post(url, {"kind": "trainer", "issued_on": "2025-05-02", "valid_until": "2025-05-01"})
        assert "valid_until" in response.context["form"].errors

    def test_self_form_bad_input(self, client, world):
        client.force_login(world["users"]["expert_own"])
        response = client.post(reverse("network:expert_self"), {"availability": "busy", "email": "x"})
        assert {"availability", "email"} <= response.context["form"].errors.keys()

    def test_create_expert_through_the_form(self, client, world):
        client.force_login(world["users"]["officer"])
        response = client.post(
            reverse("network:expert_create"), {"full_name": "Lò Văn Mới", "availability": "available"}
        )
        expert = Expert.objects.get(full_name="Lò Văn Mới")
        assert response.status_code == 302 and response.url == expert.get_absolute_url()
        assert expert.history.first().history_user == world["users"]["officer"]
        assert "lo van moi" in expert.search_text
