"""Writes to the standards repository: records, status history, replacements, follows and alerts."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nscl.accounts.models import Notification
from nscl.core.roles import Role
from nscl.standards import constants
from nscl.standards.alerts import alerts_send
from nscl.standards.choices import StandardKind, StandardStatus
from nscl.standards.models import Follow, IcsCode, Standard, StandardStatusChange
from nscl.standards.services import follow_create, follow_delete, standard_delete, standard_save

pytestmark = pytest.mark.django_db


def make(code: str, title: str = "Tiêu chuẩn thử", *, ics: tuple[str, ...] = (), by=None, **data) -> Standard:
    codes = [IcsCode.objects.get(code=c) for c in ics]
    return standard_save(standard=Standard(), data={"code": code, "title_vi": title, **data}, ics_codes=codes, by=by)


def fresh(standard: Standard) -> Standard:
    return Standard.objects.get(pk=standard.pk)


def messages_of(exc: pytest.ExceptionInfo, field: str) -> list[str]:
    return exc.value.message_dict[field]


@pytest.fixture
def officer(make_user):
    return make_user(Role.OFFICER, full_name="Nguyễn Thị Hồng Nhung")


@pytest.fixture
def follower(make_user):
    return make_user(Role.ENTERPRISE, email="follower@example.org")


@pytest.fixture
def bystander(make_user):
    return make_user(Role.ENTERPRISE, email="bystander@example.org")


# ------------------------------------------------------------------------------------------------
# standard_save: the parsed parts of the number
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("code", "kind", "number", "base", "part", "year"),
    [
        ("TCVN 7790-3:2008", StandardKind.TCVN, "7790-3", "7790", "3", 2008),
        ("QCVN 01-1:2018/BYT", StandardKind.QCVN, "01-1", "01", "1", 2018),
        ("ISO/IEC 27001:2022", StandardKind.ISO_IEC, "27001", "27001", "", 2022),
        ("CXS 192-1995", StandardKind.CODEX, "192", "192", "", 1995),
        ("  tcvn   7790-3 : 2008 ", StandardKind.TCVN, "7790-3", "7790", "3", 2008),
    ],
)
def test_save_fills_the_parsed_parts(code, kind, number, base, part, year):
    stored = fresh(make(code))
    assert stored.kind == kind
    assert (stored.number, stored.base_number, stored.part, stored.year) == (number, base, part, year)
    assert stored.code == " ".join(code.split())  # as written, spaces tidied
    assert stored.code_key == stored.code_key.upper()


def test_a_given_year_and_kind_win_over_the_number():
    stored = fresh(make("TCVN 7790-3", year=2009))
    assert stored.year == 2009
    assert fresh(make("TCVN 7790-3:2008", year=2011)).year == 2011
    assert fresh(make("01:2020/NSCL", kind=StandardKind.TCCS)).kind == StandardKind.TCCS


def test_the_same_number_twice_is_refused():
    make("TCVN 7790-3:2008")
    with pytest.raises(ValidationError):
        make("tcvn 7790-3 : 2008", title="Bản trùng")
    assert Standard.objects.count() == 1


def test_the_same_number_twice_gets_the_constant_message():
    make("TCVN 7790-3:2008")
    with pytest.raises(ValidationError) as exc:
        make("TCVN 7790-3:2008")
    expected = str(constants.ERROR_DUPLICATE_CODE % {"kind": "TCVN", "code": "TCVN 7790-3:2008"})
    assert expected in exc.value.messages


def test_a_year_outside_1900_2100_is_refused():
    with pytest.raises(ValidationError) as exc:
        make("TCVN 1234", year=1850)
    assert messages_of(exc, "year") == [str(constants.ERROR_YEAR_RANGE)]
    assert not Standard.objects.exists()


def test_save_records_history_with_the_reason(officer):
    standard = make("TCVN 1:2001", by=officer)
    standard_save(standard=standard, data={"title_vi": "Tên mới"}, by=officer, reason="sửa chính tả")
    latest = standard.history.order_by("-history_id").first()
    assert standard.history.count() == 2
    assert latest.title_vi == "Tên mới"
    assert latest.history_change_reason == "sửa chính tả"


# ------------------------------------------------------------------------------------------------
# Status history and replacement
# ------------------------------------------------------------------------------------------------
def test_creation_records_the_first_status(officer):
    standard = make("TCVN 1:2001", by=officer)
    (change,) = StandardStatusChange.objects.filter(standard=standard)
    assert (change.old_status, change.new_status, change.changed_by) == ("", StandardStatus.IN_FORCE, officer)
    assert change.changed_on == timezone.localdate()


def test_withdrawal_is_recorded_with_who_when_and_why(officer):
    standard = make("TCVN 1:2001")
    standard_save(
        standard=standard,
        data={"status": StandardStatus.WITHDRAWN, "status_date": datetime.date(2024, 7, 1)},
        by=officer,
        reason="Quyết định 123/QĐ-BKHCN",
    )
    change = StandardStatusChange.objects.filter(standard=standard).order_by("-id").first()
    assert (change.old_status, change.new_status) == (StandardStatus.IN_FORCE, StandardStatus.WITHDRAWN)
    assert change.changed_by == officer
    assert change.changed_on == datetime.date(2024, 7, 1)
    assert change.note == "Quyết định 123/QĐ-BKHCN"
    assert fresh(standard).status_date == datetime.date(2024, 7, 1)


def test_an_edit_that_keeps_the_status_records_no_status_change(officer):
    standard = make("TCVN 1:2001")
    standard_save(standard=standard, data={"title_vi": "Tên khác", "status": StandardStatus.IN_FORCE}, by=officer)
    assert StandardStatusChange.objects.filter(standard=standard).count() == 1


def test_replacement_sets_the_status_and_records_who(officer):
    old = make("QCVN 01:2009/BYT")
    new = make("QCVN 01-1:2018/BYT")
    standard_save(standard=old, data={"replaced_by": new}, by=officer)
    stored = fresh(old)
    assert stored.status == StandardStatus.REPLACED
    assert stored.replaced_by == new
    assert stored.status_date == timezone.localdate()
    change = StandardStatusChange.objects.filter(standard=old).order_by("-id").first()
    assert (change.old_status, change.new_status) == (StandardStatus.IN_FORCE, StandardStatus.REPLACED)
    assert change.changed_by == officer
    assert fresh(new).status == StandardStatus.IN_FORCE


def test_replacement_wins_over_a_status_given_with_it(officer):
    old, new = make("TCVN 1:2001"), make("TCVN 1:2010")
    standard_save(standard=old, data={"replaced_by": new, "status": StandardStatus.IN_FORCE}, by=officer)
    assert fresh(old).status == StandardStatus.REPLACED


def test_a_standard_cannot_replace_itself(officer):
    standard = make("TCVN 1:2001")
    with pytest.raises(ValidationError) as exc:
        standard_save(standard=standard, data={"replaced_by": standard}, by=officer)
    assert messages_of(exc, "replaced_by") == [str(constants.ERROR_REPLACED_BY_SELF)]
    stored = fresh(standard)
    assert (stored.status, stored.replaced_by_id) == (StandardStatus.IN_FORCE, None)
    assert StandardStatusChange.objects.filter(standard=standard).count() == 1


def test_a_two_step_cycle_is_refused(officer):
    a, b = make("TCVN 1:2001"), make("TCVN 1:2010")
    standard_save(standard=a, data={"replaced_by": b}, by=officer)
    with pytest.raises(ValidationError) as exc:
        standard_save(standard=fresh(b), data={"replaced_by": fresh(a)}, by=officer)
    assert messages_of(exc, "replaced_by") == [str(constants.ERROR_REPLACEMENT_CYCLE % {"code": "TCVN 1:2010"})]
    assert fresh(b).replaced_by_id is None
    assert fresh(b).status == StandardStatus.IN_FORCE


def test_a_longer_cycle_is_refused_and_names_where_it_closes(officer):
    a, b, c = make("TCVN 1:2001"), make("TCVN 1:2010"), make("TCVN 1:2020")
    standard_save(standard=a, data={"replaced_by": b}, by=officer)
    standard_save(standard=b, data={"replaced_by": c}, by=officer)
    with pytest.raises(ValidationError) as exc:
        standard_save(standard=fresh(c), data={"replaced_by": fresh(a)}, by=officer)
    assert messages_of(exc, "replaced_by") == [str(constants.ERROR_REPLACEMENT_CYCLE % {"code": "TCVN 1:2020"})]
    assert fresh(c).replaced_by_id is None


def test_a_chain_without_a_cycle_is_accepted(officer):
    a, b, c = make("TCVN 1:2001"), make("TCVN 1:2010"), make("TCVN 1:2020")
    standard_save(standard=a, data={"replaced_by": b}, by=officer)
    standard_save(standard=b, data={"replaced_by": c}, by=officer)
    standard_save(standard=a, data={"replaced_by": c}, by=officer)  # pointing further down is fine
    assert fresh(a).replaced_by == c


# ------------------------------------------------------------------------------------------------
# Follows
# ------------------------------------------------------------------------------------------------
def test_follow_create_is_idempotent(follower, ics_tree):
    standard = make("TCVN 1:2001")
    first = follow_create(user=follower, standard=standard)
    assert follow_create(user=follower, standard=standard) == first
    water = IcsCode.objects.get(code="13.060")
    ics_follow = follow_create(user=follower, ics_code=water)
    assert follow_create(user=follower, ics_code=water) == ics_follow
    assert Follow.objects.filter(user=follower).count() == 2


def test_follow_delete_deletes_only_the_users_own_follow(follower, bystander):
    standard = make("TCVN 1:2001")
    mine = follow_create(user=follower, standard=standard)
    theirs = follow_create(user=bystander, standard=standard)
    assert follow_delete(user=follower, follow_id=theirs.pk) is False
    assert Follow.objects.filter(pk=theirs.pk).exists()
    assert follow_delete(user=follower, follow_id=mine.pk) is True
    assert not Follow.objects.filter(pk=mine.pk).exists()
    assert follow_delete(user=follower, follow_id=mine.pk) is False  # already gone
    assert list(Follow.objects.values_list("pk", flat=True)) == [theirs.pk]


# ------------------------------------------------------------------------------------------------
# Alerts
# ------------------------------------------------------------------------------------------------
def test_a_follower_hears_when_the_status_changes(follower, bystander, officer, django_capture_on_commit_callbacks):
    standard = make("TCVN 5502:2003", "Nước cấp sinh hoạt")
    follow_create(user=follower, standard=standard)
    with django_capture_on_commit_callbacks(execute=True):
        standard_save(standard=standard, data={"status": StandardStatus.WITHDRAWN}, by=officer)
    (notice,) = Notification.objects.filter(user=follower)
    assert "TCVN 5502:2003" in notice.title
    assert "Hết hiệu lực" in notice.body
    assert notice.url == standard.get_absolute_url()
    assert [m.to for m in mail.outbox] == [["follower@example.org"]]
    assert mail.outbox[0].subject == notice.title
    assert "TCVN 5502:2003" in mail.outbox[0].body
    assert not Notification.objects.filter(user=bystander).exists()


def test_a_follower_hears_when_the_standard_is_replaced(follower, officer, django_capture_on_commit_callbacks):
    old = make("QCVN 01:2009/BYT")
    new = make("QCVN 01-1:2018/BYT")
    follow_create(user=follower, standard=old)
    with django_capture_on_commit_callbacks(execute=True):
        standard_save(standard=old, data={"replaced_by": new}, by=officer)
    (notice,) = Notification.objects.filter(user=follower)
    assert "QCVN 01:2009/BYT" in notice.title
    assert "QCVN 01-1:2018/BYT" in notice.body  # told what replaces it
    assert len(mail.outbox) == 1
    assert "QCVN 01-1:2018/BYT" in mail.outbox[0].body


def test_no_alert_when_the_status_stays(follower, officer, django_capture_on_commit_callbacks):
    standard = make("TCVN 1:2001")
    follow_create(user=follower, standard=standard)
    with django_capture_on_commit_callbacks(execute=True):
        standard_save(standard=standard, data={"title_vi": "Tên mới"}, by=officer)
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_the_mail_leaves_only_after_commit(follower, officer, django_capture_on_commit_callbacks):
    standard = make("TCVN 1:2001")
    follow_create(user=follower, standard=standard)
    with django_capture_on_commit_callbacks() as callbacks:
        standard_save(standard=standard, data={"status": StandardStatus.WITHDRAWN}, by=officer)
    assert mail.outbox == []  # not yet committed
    assert Notification.objects.filter(user=follower).count() == 1
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_a_rolled_back_change_sends_nothing(follower, officer, django_capture_on_commit_callbacks):
    standard = make("TCVN 1:2001")
    follow_create(user=follower, standard=standard)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        standard_save(standard=standard, data={"status": StandardStatus.WITHDRAWN}, by=officer)
        raise RuntimeError
    assert callbacks == []
    assert mail.outbox == []
    assert not Notification.objects.exists()


@pytest.mark.parametrize("followed", ["67", "67.020"])
def test_an_ics_follower_hears_of_new_standards_under_it(
    ics_tree, follower, bystander, django_capture_on_commit_callbacks, followed
):
    follow_create(user=follower, ics_code=IcsCode.objects.get(code=followed))
    with django_capture_on_commit_callbacks(execute=True):
        make("TCVN 13.060:2020", "Nước sạch", ics=("13.060.20",))
    assert not Notification.objects.exists()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        new = make("TCVN ISO 22000:2018", "Hệ thống quản lý an toàn thực phẩm", ics=("67.020",))
    (notice,) = Notification.objects.filter(user=follower)
    assert f"ICS {followed}" in notice.body
    assert "TCVN ISO 22000:2018 Hệ thống quản lý an toàn thực phẩm" in notice.body
    assert notice.url == IcsCode.objects.get(code=followed).get_absolute_url()
    assert [m.to for m in mail.outbox] == [["follower@example.org"]]
    assert not Notification.objects.filter(user=bystander).exists()
    assert new.pk


def test_an_ics_follower_is_not_told_about_a_sibling_code(ics_tree, follower):
    follow_create(user=follower, ics_code=IcsCode.objects.get(code="67.020"))
    make("TCVN 2:2020", "Phụ gia thực phẩm", ics=("67.220.20",))  # under 67, not under 67.020
    assert not Notification.objects.exists()


def test_an_ics_follower_is_not_told_about_edits(ics_tree, follower, officer):
    standard = make("TCVN 3:2020", "Thực phẩm", ics=("67.020",))
    follow_create(user=follower, ics_code=IcsCode.objects.get(code="67"))
    standard_save(standard=standard, data={"title_vi": "Thực phẩm chức năng"}, by=officer)
    assert not Notification.objects.exists()


def test_a_batch_gives_each_follower_one_notice(follower, bystander, django_capture_on_commit_callbacks):
    a, b, c = make("TCVN 1:2001"), make("TCVN 2:2001"), make("TCVN 3:2001")
    follow_create(user=follower, standard=a)
    follow_create(user=follower, standard=b)
    follow_create(user=bystander, standard=c)
    with django_capture_on_commit_callbacks(execute=True):
        told = alerts_send(status_changes=[(a.pk, StandardStatus.WITHDRAWN), (b.pk, StandardStatus.WITHDRAWN)])
    assert told == 1
    (notice,) = Notification.objects.filter(user=follower)
    assert "TCVN 1:2001" in notice.body
    assert "TCVN 2:2001" in notice.body
    assert len(mail.outbox) == 1
    assert not Notification.objects.filter(user=bystander).exists()


def test_inactive_followers_and_followers_without_email(make_user, officer, django_capture_on_commit_callbacks):
    standard = make("TCVN 1:2001")
    gone = make_user(Role.ENTERPRISE, is_active=False)
    silent = make_user(Role.ENTERPRISE, email="")
    follow_create(user=gone, standard=standard)
    follow_create(user=silent, standard=standard)
    with django_capture_on_commit_callbacks(execute=True):
        standard_save(standard=standard, data={"status": StandardStatus.WITHDRAWN}, by=officer)
    assert not Notification.objects.filter(user=gone).exists()
    assert Notification.objects.filter(user=silent).count() == 1  # told in the application
    assert mail.outbox == []


def test_deleting_a_standard_removes_its_follows(follower):
    standard = make("TCVN 1:2001")
    follow_create(user=follower, standard=standard)
    standard_delete(standard=standard, by=None)
    assert not Follow.objects.exists()
