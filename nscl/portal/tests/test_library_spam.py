"""The question form's spam guard: honeypot, signed timestamp (too fast, stale, forged), per-address
limit; a normal question is stored and officers are told."""

import time

import pytest
from django.urls import reverse

from nscl.accounts.models import Notification
from nscl.core.roles import Role
from nscl.portal import spam
from nscl.portal.choices import QuestionStatus
from nscl.portal.models import Question

pytestmark = pytest.mark.django_db
ASK = "/hoi-dap/dat-cau-hoi/"


def form_data(**changes):
    data = {
        "asker_name": "Hoàng Văn Cường",
        "asker_email": "cuong@example.org",
        "asker_organisation": "Công ty TNHH Chè Lạng Sơn",
        "title": "Thủ tục đề nghị hỗ trợ áp dụng ISO 22000",
        "body": "Doanh nghiệp chế biến chè muốn áp dụng ISO 22000; xin hướng dẫn hồ sơ đề nghị hỗ trợ.",
        spam.HONEYPOT_FIELD: "",
        spam.TOKEN_FIELD: spam.token_issue(now=time.time() - 30),
    }
    return data | changes


def test_the_route_names():
    assert reverse("portal:question_ask") == ASK


def test_the_form_page_and_the_list_carry_a_token_and_a_hidden_honeypot(client):
    for url in (ASK, reverse("portal:question_list")):
        content = client.get(url).content.decode()
        assert f'name="{spam.TOKEN_FIELD}"' in content
        assert 'name="website"' in content and 'tabindex="-1"' in content


def test_a_normal_question_is_stored_and_officers_are_notified(client, make_user, django_capture_on_commit_callbacks):
    officer = make_user(Role.OFFICER)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK, form_data(), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302 and response.url == reverse("portal:question_thanks")
    question = Question.objects.get()
    assert question.status == QuestionStatus.NEW and question.asker_email == "cuong@example.org"
    assert Notification.objects.filter(user=officer).count() == 1
    assert client.get(response.url).status_code == 200


def test_a_filled_honeypot_is_thanked_and_dropped(client):
    response = client.post(ASK, form_data(website="http://spam.example"))
    assert response.status_code == 302 and response.url == reverse("portal:question_thanks")
    assert not Question.objects.exists()


def test_a_form_sent_too_fast_is_refused(client):
    response = client.post(ASK, form_data(form_token=spam.token_issue()))
    assert response.status_code == 200
    assert str(spam.ERROR_TOO_FAST) in response.content.decode()
    assert not Question.objects.exists()


def test_a_stale_form_is_refused(client):
    response = client.post(ASK, form_data(form_token=spam.token_issue(now=time.time() - 2 * 24 * 3600)))
    assert str(spam.ERROR_STALE) in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize("token", ["", "abc", "eyJ0IjoxfQ:forged:signature"])
def test_a_missing_or_forged_token_is_refused(client, token):
    response = client.post(ASK, form_data(form_token=token))
    assert str(spam.ERROR_TOKEN) in response.content.decode()
    assert not Question.objects.exists()


def test_the_sixth_question_in_an_hour_from_one_address_is_refused(client):
    for n in range(spam.RATE_LIMIT):
        response = client.post(ASK, form_data(title=f"Câu hỏi số {n + 1} về năng suất"), REMOTE_ADDR="198.51.100.4")
        assert response.status_code == 302
    response = client.post(ASK, form_data(title="Câu hỏi số 6 về năng suất"), REMOTE_ADDR="198.51.100.4")
    assert response.status_code == 200
    assert str(spam.ERROR_RATE) in response.content.decode()
    assert Question.objects.count() == spam.RATE_LIMIT
    # another address is not held back, and the address itself is never stored
    assert client.post(ASK, form_data(), REMOTE_ADDR="198.51.100.5").status_code == 302
    from django.core.cache import cache

    assert cache.get(f"portal:ask:{spam.client_key_for('198.51.100.4')}") == spam.RATE_LIMIT


def test_field_errors_sit_next_to_their_fields_and_a_fresh_token_is_issued(client):
    old = spam.token_issue(now=time.time() - 30)
    response = client.post(ASK, form_data(asker_email="khong-phai-email", body="Ngắn", form_token=old))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_asker_email_error"' in content and 'id="id_body_error"' in content
    assert 'aria-describedby="id_asker_email_error id_asker_email_helptext"' in content
    assert response.context["form"].data[spam.TOKEN_FIELD] != old
    assert not Question.objects.exists()


def test_a_token_is_checked_by_age():
    now = time.time()
    assert spam.token_problem(spam.token_issue(now=now - 10), now=now) == ""
    assert spam.token_problem(spam.token_issue(now=now - 1), now=now) == str(spam.ERROR_TOO_FAST)
    assert spam.token_problem(spam.token_issue(now=now - spam.MAX_SECONDS - 1), now=now) == str(spam.ERROR_STALE)
