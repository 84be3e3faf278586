"""ROLE x ACTION: every page and API endpoint of the registry, as each role, including guessed ids.

`own` is the confirmed representative of the enterprise under test; `other` represents another one.
Expected answers: 200 allowed, 302 (anonymous) sent to sign in, 403 wrong role, 404 outside one's scope.
"""

import pytest
from django.urls import reverse

from nscl.core.roles import Role
from nscl.enterprises.choices import RepresentativeStatus
from nscl.enterprises.tests.factories import (
    CertificationFactory,
    EnterpriseYearFactory,
    KeyProductFactory,
    ModelEnterpriseFactory,
    RepresentativeFactory,
)

ROLES = ["anonymous", "own", "other", "officer", "board", "expert", "admin"]


def expect(anonymous, own, other, officer, board, expert, admin):
    return dict(zip(ROLES, (anonymous, own, other, officer, board, expert, admin), strict=True))


REGISTRY = expect(302, 200, 200, 200, 200, 403, 200)
DETAIL = expect(302, 200, 404, 200, 200, 403, 200)
EDIT = expect(302, 200, 404, 200, 403, 403, 200)
MANAGE = expect(302, 403, 403, 200, 403, 403, 200)
CLAIM = expect(302, 200, 200, 403, 403, 403, 403)
SHOWCASE = expect(302, 403, 403, 200, 200, 403, 200)
ANONYMOUS_API = 200  # public fields only
API_LIST = expect(ANONYMOUS_API, 200, 200, 200, 200, 200, 200)
API_DETAIL = expect(ANONYMOUS_API, 200, 404, 200, 200, 200, 200)

# (route name, kwargs from the world, expectations)
PAGES = [
    ("enterprises:enterprise_list", lambda w: {}, REGISTRY),
    ("enterprises:enterprise_export", lambda w: {}, REGISTRY),
    ("enterprises:enterprise_create", lambda w: {}, MANAGE),
    ("enterprises:enterprise_detail", lambda w: {"pk": w["enterprise"].pk}, DETAIL),
    ("enterprises:enterprise_edit", lambda w: {"pk": w["enterprise"].pk}, EDIT),
    ("enterprises:year_create", lambda w: {"pk": w["enterprise"].pk}, EDIT),
    ("enterprises:year_edit", lambda w: {"pk": w["enterprise"].pk, "year_pk": w["year"].pk}, EDIT),
    ("enterprises:certification_create", lambda w: {"pk": w["enterprise"].pk}, MANAGE),
    ("enterprises:certification_edit", lambda w: {"pk": w["enterprise"].pk, "cert_pk": w["cert"].pk}, MANAGE),
    ("enterprises:my_enterprises", lambda w: {}, CLAIM),
    ("enterprises:claim_create", lambda w: {}, CLAIM),
    ("enterprises:enterprise_register", lambda w: {}, CLAIM),
    ("enterprises:claim_list", lambda w: {}, MANAGE),
    ("enterprises:claim_decide", lambda w: {"pk": w["claim"].pk}, MANAGE),
    ("enterprises:key_product_list", lambda w: {}, SHOWCASE),
    ("enterprises:key_product_detail", lambda w: {"slug": w["product"].slug}, SHOWCASE),
    ("enterprises:model_enterprise_list", lambda w: {}, SHOWCASE),
    ("enterprises:model_enterprise_detail", lambda w: {"pk": w["model"].pk}, SHOWCASE),
    ("enterprises:key_product_create", lambda w: {}, MANAGE),
    ("enterprises:key_product_edit", lambda w: {"slug": w["product"].slug}, MANAGE),
    ("enterprises:model_enterprise_create", lambda w: {}, MANAGE),
    ("enterprises:model_enterprise_edit", lambda w: {"pk": w["model"].pk}, MANAGE),
    ("enterprises:replication_create", lambda w: {"pk": w["model"].pk}, MANAGE),
    ("enterprises:certification_expiring", lambda w: {}, SHOWCASE),
    ("enterprises_api:enterprise_list", lambda w: {}, API_LIST),
    ("enterprises_api:enterprise_detail", lambda w: {"pk": w["enterprise"].pk}, API_DETAIL),
    ("enterprises_api:key_product_list", lambda w: {}, API_LIST),
    ("enterprises_api:key_product_detail", lambda w: {"slug": w["product"].slug}, API_LIST),
]


@pytest.fixture
def world(make_user, own_enterprise, other_enterprise, representative):
    other_user = make_user(Role.ENTERPRISE)
    RepresentativeFactory(user=other_user, enterprise=other_enterprise)
    pending = RepresentativeFactory(enterprise=own_enterprise, status=RepresentativeStatus.PENDING)
    product = KeyProductFactory()
    product.producers.add(own_enterprise)
    return {
        "enterprise": own_enterprise,
        "year": EnterpriseYearFactory(enterprise=own_enterprise),
        "cert": CertificationFactory(enterprise=own_enterprise),
        "claim": pending,
        "product": product,
        "model": ModelEnterpriseFactory(enterprise=own_enterprise),
        "users": {
            "anonymous": None,
            "own": representative,
            "other": other_user,
            "officer": make_user(Role.OFFICER),
            "board": make_user(Role.BOARD),
            "expert": make_user(Role.EXPERT),
            "admin": make_user(Role.ADMIN),
        },
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs", "expected"), PAGES, ids=[p[0] for p in PAGES])
@pytest.mark.parametrize("role", ROLES)
def test_role_by_action(client, world, name, kwargs, expected, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    response = client.get(reverse(name, kwargs=kwargs(world)))
    assert response.status_code == expected[role], f"{role} GET {name}"
    if expected[role] == 302:
        assert "/tai-khoan/dang-nhap/" in response.url
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        assert response.content.decode().count("<h1") == 1, f"{name}: one <h1> per page"


POSTS = [
    ("enterprises:enterprise_create", lambda w: {}, MANAGE),
    ("enterprises:enterprise_edit", lambda w: {"pk": w["enterprise"].pk}, EDIT),
    ("enterprises:year_create", lambda w: {"pk": w["enterprise"].pk}, EDIT),
    ("enterprises:certification_create", lambda w: {"pk": w["enterprise"].pk}, MANAGE),
    ("enterprises:claim_decide", lambda w: {"pk": w["claim"].pk}, MANAGE),
    ("enterprises:claim_create", lambda w: {}, CLAIM),
    ("enterprises:key_product_create", lambda w: {}, MANAGE),
    ("enterprises:model_enterprise_create", lambda w: {}, MANAGE),
    ("enterprises:replication_create", lambda w: {"pk": w["model"].pk}, MANAGE),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs", "expected"), POSTS, ids=[p[0] for p in POSTS])
@pytest.mark.parametrize("role", ["anonymous", "other", "board", "expert"])
def test_writes_are_refused_before_anything_is_read(client, world, name, kwargs, expected, role):
    """An empty POST from a role without the right answers as the GET would (never 200 with errors)."""
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    response = client.post(reverse(name, kwargs=kwargs(world)), {})
    if expected[role] == 200:
        assert response.status_code == 200  # allowed: the form comes back with its errors
    else:
        assert response.status_code == expected[role], f"{role} POST {name}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["own", "officer"])
def test_guessed_ids_answer_404(client, world, other_enterprise, role):
    client.force_login(world["users"][role])
    own = world["enterprise"].pk
    foreign_year = EnterpriseYearFactory(enterprise=other_enterprise)
    foreign_cert = CertificationFactory(enterprise=other_enterprise)
    urls = [
        reverse("enterprises:enterprise_detail", args=[999_999]),
        reverse("enterprises:enterprise_edit", args=[999_999]),
        reverse("enterprises:year_edit", args=[own, foreign_year.pk]),  # a year of another enterprise
        reverse("enterprises_api:enterprise_detail", args=["999999"]),
        reverse("enterprises_api:enterprise_detail", args=["abc"]),
        reverse("enterprises_api:key_product_detail", args=["khong-co"]),
    ]
    if role == "officer":
        urls.append(reverse("enterprises:certification_edit", args=[own, foreign_cert.pk]))
        urls.append(reverse("enterprises:claim_decide", args=[999_999]))
        urls.append(reverse("enterprises:key_product_detail", args=["khong-co"]))
        urls.append(reverse("enterprises:model_enterprise_detail", args=[999_999]))
        urls.append(reverse("enterprises:model_enterprise_edit", args=[999_999]))
        urls.append(reverse("enterprises:replication_create", args=[999_999]))
        urls.append(reverse("enterprises:key_product_edit", args=["khong-co"]))
    for url in urls:
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_a_representative_sees_only_its_own_enterprise_in_lists_and_exports(client, world, other_enterprise):
    client.force_login(world["users"]["own"])
    page = client.get(reverse("enterprises:enterprise_list"))
    assert list(page.context["enterprises"]) == [world["enterprise"]]
    api = client.get(reverse("enterprises_api:enterprise_list")).json()
    assert [row["id"] for row in api["results"]] == [world["enterprise"].pk]
    assert "tax_code" in api["results"][0]
    from io import BytesIO

    from openpyxl import load_workbook

    export = client.get(reverse("enterprises:enterprise_export"))
    rows = list(load_workbook(BytesIO(b"".join(export.streaming_content))).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [world["enterprise"].tax_code]


@pytest.mark.django_db
def test_a_pending_claim_opens_nothing(client, world):
    pending_user = world["claim"].user
    client.force_login(pending_user)
    assert client.get(reverse("enterprises:enterprise_detail", args=[world["enterprise"].pk])).status_code == 404
    assert client.get(reverse("enterprises:enterprise_edit", args=[world["enterprise"].pk])).status_code == 404
    assert client.get(reverse("enterprises_api:enterprise_list")).json()["results"] == []


@pytest.mark.django_db
def test_signed_in_users_without_scope_read_public_fields_only(client, world):
    client.force_login(world["users"]["expert"])
    row = client.get(reverse("enterprises_api:enterprise_detail", args=[world["enterprise"].pk])).json()
    assert set(row) == {"id", "name_vi", "name_en", "short_name", "commune", "vsic_code", "size"}
