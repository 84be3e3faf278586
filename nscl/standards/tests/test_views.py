"""The public HTML pages of the repository: bounded queries, HTMX fragments, empty states, following."""

import pytest
from django.core import mail

from nscl.standards.choices import StandardStatus
from nscl.standards.models import Follow, IcsCode, Standard
from nscl.standards.services import standard_save

pytestmark = pytest.mark.django_db

SEARCH = "/tieu-chuan/"


def make(code: str, title: str, *ics: str, **data) -> Standard:
    codes = list(IcsCode.objects.filter(code__in=ics))
    return standard_save(standard=Standard(), data={"code": code, "title_vi": title, **data}, ics_codes=codes, by=None)


@pytest.fixture
def records(ics_tree):
    def build(n: int) -> list[Standard]:
        return [
            make(f"TCVN {1000 + i}:2010", f"Thực phẩm đóng gói mẫu số {i}", "67.020", "13.060.20") for i in range(n)
        ]

    return build


def signed_in(client, make_user, role=None):
    user = make_user(role)
    client.force_login(user)
    return user


@pytest.mark.parametrize("n", [3, 30])
def test_search_page_runs_a_bounded_number_of_queries(client, records, n, django_assert_max_num_queries):
    records(n)
    # search + records + their ICS codes + body/field/ICS labels; the same bound for 3 and 30 results
    with django_assert_max_num_queries(7):
        response = client.get(SEARCH, {"q": "thuc pham", "kind": "TCVN"})
    assert response.status_code == 200
    assert response.context["result"].total == n


@pytest.mark.parametrize("n", [3, 30])
def test_search_page_for_a_signed_in_user_stays_bounded(client, records, make_user, n, django_assert_max_num_queries):
    records(n)
    signed_in(client, make_user)
    with django_assert_max_num_queries(11):  # plus session, user, roles and unread notices
        assert client.get(SEARCH, {"q": "thuc pham"}).status_code == 200


def test_detail_page_runs_a_bounded_number_of_queries(client, records, django_assert_max_num_queries):
    chain = [make(f"TCVN 5603:{year}", "Vệ sinh thực phẩm", "67.020") for year in (1998, 2003, 2008, 2013, 2023)]
    for old, new in zip(chain, chain[1:], strict=False):
        standard_save(standard=old, data={"replaced_by": new}, by=None)
    with django_assert_max_num_queries(9):
        response = client.get(chain[2].get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert all(s.code in html for s in chain)
    assert [s.code for s in response.context["older"]] == ["TCVN 5603:2003", "TCVN 5603:1998"]
    assert [s.code for s in response.context["newer"]] == ["TCVN 5603:2013", "TCVN 5603:2023"]


def test_htmx_request_gets_only_the_results_fragment(client, records):
    records(2)
    full = client.get(SEARCH, {"q": "thuc pham"})
    fragment = client.get(SEARCH, {"q": "thuc pham"}, HTTP_HX_REQUEST="true")
    assert b"<html" in full.content
    assert b"<html" not in fragment.content
    assert b"TCVN 1000:2010" in fragment.content


def test_no_result_page_says_what_to_try(client, records):
    records(1)
    html = client.get(SEARCH, {"q": "zzqxv", "kind": "QCVN"}).content.decode()
    assert "Không tìm thấy" in html
    assert "bỏ các bộ lọc" in html  # a filter is on, so the page offers to drop it


def test_bad_parameters_are_reported_not_a_server_error(client, records):
    records(1)
    response = client.get(SEARCH, {"year_min": "abc", "ics": "13.06", "page": "-1", "kind": "XYZ"})
    assert response.status_code == 200
    assert "Mã ICS có dạng" in response.content.decode()


def test_user_text_is_escaped(client, records):
    records(1)
    html = client.get(SEARCH, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_suggestions_list_matching_numbers(client, records):
    records(3)
    html = client.get("/tieu-chuan/goi-y/", {"q": "TCVN 100"}).content.decode()
    assert "TCVN 1000:2010" in html


def test_ics_pages_show_counts_over_the_subtree(client, records):
    records(2)
    fields = client.get("/tieu-chuan/ics/").context["codes"]
    counts = {c.code: c.standard_count for c in fields}
    assert counts["67"] == 2 and counts["13"] == 2 and counts["01"] == 0
    detail = client.get("/tieu-chuan/ics/13/")
    assert detail.context["result"].total == 2
    assert {c.code: c.standard_count for c in detail.context["children"]}["13.060"] == 2
    assert client.get("/tieu-chuan/ics/99.999/").status_code == 404


def test_anonymous_cannot_follow(client, records):
    standard = records(1)[0]
    response = client.post(f"/tieu-chuan/{standard.pk}/theo-doi/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    assert not Follow.objects.exists()


def test_follow_toggle_and_alert(client, records, make_user, django_capture_on_commit_callbacks):
    standard = records(1)[0]
    user = signed_in(client, make_user, "enterprise")
    client.post(f"/tieu-chuan/{standard.pk}/theo-doi/")
    assert Follow.objects.filter(user=user, standard=standard).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        standard_save(standard=standard, data={"status": StandardStatus.WITHDRAWN}, by=None)
    assert user.notifications.count() == 1
    assert mail.outbox and mail.outbox[0].to == [user.email]
    client.post(f"/tieu-chuan/{standard.pk}/theo-doi/")  # the same button unfollows
    assert not Follow.objects.filter(user=user).exists()


def test_a_user_cannot_remove_another_users_follow(client, records, make_user):
    standard = records(1)[0]
    owner = make_user("enterprise")
    follow = Follow.objects.create(user=owner, standard=standard)
    signed_in(client, make_user, "enterprise")
    assert client.post(f"/tieu-chuan/theo-doi/{follow.pk}/bo/").status_code == 404
    assert Follow.objects.filter(pk=follow.pk).exists()


def test_follow_list_shows_only_the_users_own(client, records, make_user):
    a, b = records(2)
    other = make_user("enterprise")
    Follow.objects.create(user=other, standard=b)
    user = signed_in(client, make_user, "enterprise")
    Follow.objects.create(user=user, standard=a)
    html = client.get("/tieu-chuan/theo-doi/").content.decode()
    assert a.code in html and b.code not in html


@pytest.mark.parametrize(("role", "status"), [(None, 403), ("enterprise", 403), ("expert", 403), ("officer", 200)])
def test_workspace_is_for_officers(client, make_user, role, status):
    signed_in(client, make_user, role)
    assert client.get("/tieu-chuan/quan-ly/").status_code == status


def test_edit_history_is_shown_to_officers_only(client, records, make_user):
    standard = records(1)[0]
    officer = make_user("officer")
    standard_save(standard=standard, data={"title_vi": "Tên mới"}, by=officer)
    client.force_login(make_user("enterprise"))
    assert "Lịch sử chỉnh sửa" not in client.get(standard.get_absolute_url()).content.decode()
    client.force_login(officer)
    html = client.get(standard.get_absolute_url()).content.decode()
    assert "Lịch sử chỉnh sửa" in html
    assert officer.display_name in html and "Tên mới" in html
    assert standard.history.first().history_user == officer
