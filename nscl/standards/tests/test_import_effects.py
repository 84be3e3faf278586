"""Imports beyond one file's rows: replacements, history, alerts, and the job that runs them."""

import pytest
from django.core import mail
from django.db import connection

from nscl.accounts.models import Notification
from nscl.core.roles import Role
from nscl.standards.choices import ImportStatus, StandardStatus
from nscl.standards.imports import messages as msg
from nscl.standards.models import (
    IcsCode,
    ImportJob,
    Standard,
    StandardStatusChange,
)
from nscl.standards.services import follow_create
from nscl.standards.tests.importing import errors_of, run_csv

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------------------------------------
# Replacements
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("chunk_size", [1, 2, 2000])
def test_replaced_by_may_point_further_down_the_file(ics_tree, chunk_size):
    report = run_csv(
        "TCVN 7790-3:2002,Bản 2002,,,,,,TCVN 7790-3:2008\n"
        "TCVN 7790-3:2008,Bản 2008,,,,,,TCVN 7790-3:2020\n"
        "TCVN 7790-3:2020,Bản 2020,,,,,,\n",
        chunk_size=chunk_size,
    )

    assert report.ok, report.errors
    first, second, third = (Standard.objects.get(year=y) for y in (2002, 2008, 2020))
    assert (first.status, first.replaced_by) == (StandardStatus.REPLACED, second)
    assert (second.status, second.replaced_by) == (StandardStatus.REPLACED, third)
    assert (third.status, third.replaced_by) == (StandardStatus.IN_FORCE, None)
    assert first.history.first().replaced_by_id == second.pk


@pytest.mark.parametrize("chunk_size", [1, 2000])
def test_replaced_by_may_point_up_the_file_or_to_a_stored_record(ics_tree, chunk_size):
    run_csv("TCVN 5:2010,Đã có,,,,,,\n")

    report = run_csv(
        "TCVN 6:2020,Mới,,,,,,\nTCVN 6:2015,Cũ,,,,,,TCVN 6:2020\nTCVN 5:2005,Rất cũ,,,,,,tcvn 5 : 2010\n",
        chunk_size=chunk_size,
    )

    assert report.ok, report.errors
    assert Standard.objects.get(year=2015).replaced_by == Standard.objects.get(year=2020)
    assert Standard.objects.get(year=2005).replaced_by == Standard.objects.get(code="TCVN 5:2010")


def test_a_replacement_loop_is_rejected(ics_tree):
    report = run_csv("TCVN 1:2000,Một,,,,,,TCVN 2:2000\nTCVN 2:2000,Hai,,,,,,TCVN 1:2000\n")

    assert errors_of(report) == [(2, "replaced_by"), (3, "replaced_by")]
    assert Standard.objects.count() == 0


def test_replacing_a_stored_record_records_its_status_change(ics_tree, officer):
    run_csv("TCVN 1:2000,Một,,,,,,\n")

    report = run_csv("TCVN 1:2010,Một (2010),,,,,,\nTCVN 1:2000,Một,,,,,,TCVN 1:2010\n", by=officer)

    assert (report.created, report.updated) == (1, 1)
    old = Standard.objects.get(year=2000)
    assert old.status == StandardStatus.REPLACED
    change = StandardStatusChange.objects.get(standard=old)
    assert (change.old_status, change.new_status, change.changed_by) == ("in_force", "replaced", officer)


# ------------------------------------------------------------------------------------------------
# History, status changes and alerts
# ------------------------------------------------------------------------------------------------
def test_imports_record_history_with_the_user(ics_tree, officer):
    run_csv("TCVN 1:2000,Một,,,,,,\n", by=officer)
    run_csv("TCVN 1:2000,Một (sửa),,,,,,\n", by=officer)

    standard = Standard.objects.get()
    records = list(standard.history.order_by("history_date", "history_id"))
    assert [r.history_type for r in records] == ["+", "~"]
    assert all(r.history_user == officer for r in records)
    assert records[-1].title_vi == "Một (sửa)"


def test_status_change_alerts_followers(ics_tree, make_user, officer, django_capture_on_commit_callbacks):
    run_csv("TCVN 1:2000,Một,,,,,,\nTCVN 2:2000,Hai,,,,,,\n")
    follower = make_user(Role.ENTERPRISE, email="follower@example.org")
    follow_create(user=follower, standard=Standard.objects.get(code="TCVN 1:2000"))

    with django_capture_on_commit_callbacks(execute=True):
        report = run_csv("TCVN 1:2000,Một,,,withdrawn,,,\nTCVN 2:2000,Hai,,,in_force,,,\n", by=officer)

    assert (report.updated, report.unchanged) == (1, 1)
    change = StandardStatusChange.objects.get()
    assert (change.old_status, change.new_status) == (StandardStatus.IN_FORCE, StandardStatus.WITHDRAWN)
    notice = Notification.objects.get(user=follower)
    assert "TCVN 1:2000" in notice.title
    assert [m.to for m in mail.outbox] == [["follower@example.org"]]


def test_new_standards_under_a_followed_ics_code_alert_once(ics_tree, make_user, django_capture_on_commit_callbacks):
    follower = make_user(Role.ENTERPRISE, email="ics@example.org")
    follow_create(user=follower, ics_code=IcsCode.objects.get(code="13.060"))
    body = (
        "".join(f"TCVN {n}:2020,Nước {n},,,,13.060.20,,\n" for n in range(1, 6)) + "TCVN 9:2020,Khác,,,,01.040.01,,\n"
    )

    with django_capture_on_commit_callbacks(execute=True):
        run_csv(body, chunk_size=2)

    notice = Notification.objects.get(user=follower)
    assert "5 tiêu chuẩn mới thuộc mã ICS 13.060" in notice.body
    assert "TCVN 9:2020" not in notice.body
    assert len(mail.outbox) == 1


def test_rejected_and_dry_run_imports_alert_nobody(ics_tree, make_user, django_capture_on_commit_callbacks):
    follower = make_user(Role.ENTERPRISE)
    follow_create(user=follower, ics_code=IcsCode.objects.get(code="13"))

    with django_capture_on_commit_callbacks(execute=True):
        run_csv("TCVN 1:2000,Một,,,,13.060.20,,\n", dry_run=True)
        run_csv("TCVN 1:2000,Một,,,,13.060.20,,\nTCVN 2:2000,,,,,,,\n")

    assert Notification.objects.count() == 0
    assert mail.outbox == []


# ------------------------------------------------------------------------------------------------
# Progress, jobs, the temporary tables
# ------------------------------------------------------------------------------------------------
def test_progress_is_reported_after_each_chunk(ics_tree):
    calls = []
    body = "".join(f"TCVN {n}:2000,Tên {n},,,,,,\n" for n in range(1, 6))

    run_csv(body, chunk_size=2, progress=lambda done, total: calls.append((done, total)))

    assert calls == [(2, 5), (4, 5), (5, 5)]


def test_a_job_records_its_outcome(ics_tree, officer):
    job = ImportJob.objects.create(filename="ds.csv", created_by=officer)

    run_csv("TCVN 1:2000,Một,,,,,,\nTCVN 2:2000,,,,,,,\n", job=job, by=officer)
    job.refresh_from_db()
    assert (job.status, job.total_rows) == (ImportStatus.REJECTED, 2)
    assert job.errors == [{"row": 3, "column": "title_vi", "message": str(msg.TITLE_REQUIRED)}]
    assert job.finished_at is not None

    dry = ImportJob.objects.create(filename="ds.csv", dry_run=True)
    run_csv("TCVN 1:2000,Một,,,,,,\n", job=dry, dry_run=True)
    dry.refresh_from_db()
    assert (dry.status, dry.created_count, dry.errors) == (ImportStatus.CHECKED, 1, [])


def test_the_temporary_tables_are_gone_afterwards(ics_tree):
    run_csv("TCVN 1:2000,Một,,,,,,\n")
    run_csv("TCVN 2:2000,,,,,,,\n")

    tables = connection.introspection.table_names(include_views=False)
    assert not [name for name in tables if name.startswith("nscl_import")]


def test_a_job_whose_file_is_gone_is_marked_failed(db):
    from nscl.standards.imports.jobs import FAILURE, job_run

    job = ImportJob.objects.create(filename="ds.csv", file="imports/missing.csv")

    job_run(job.pk)

    job.refresh_from_db()
    assert (job.status, job.errors) == (ImportStatus.FAILED, [{"row": 0, "column": "", "message": str(FAILURE)}])


def test_a_crash_mid_import_marks_the_job_failed_and_writes_nothing(ics_tree, monkeypatch):
    from nscl.standards.imports.writer import ChunkWriter

    calls = []

    def crash_on_second_chunk(self, plan):
        calls.append(plan)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, plan)

    original = ChunkWriter.write
    monkeypatch.setattr(ChunkWriter, "write", crash_on_second_chunk)
    job = ImportJob.objects.create(filename="ds.csv")

    with pytest.raises(RuntimeError):
        run_csv("TCVN 1:2000,Một,,,,,,\nTCVN 2:2000,Hai,,,,,,\n", chunk_size=1, job=job)

    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert Standard.objects.count() == 0
