"""manage.py import_standards: exit code, stderr report, dry run."""

import io

import pytest
from django.core.management import CommandError, call_command

from nscl.standards.models import Standard

pytestmark = pytest.mark.django_db


def write(tmp_path, text: str):
    path = tmp_path / "standards.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_is_imported(tmp_path, ics_tree):
    path = write(tmp_path, "code,title_vi,ics\nTCVN 7790-3:2008,Quy trình lấy mẫu,03.120.30\n")
    out = io.StringIO()
    call_command("import_standards", str(path), stdout=out, stderr=io.StringIO())
    assert "1 new" in out.getvalue()
    assert Standard.objects.get().code == "TCVN 7790-3:2008"


def test_dry_run_writes_nothing(tmp_path, ics_tree):
    path = write(tmp_path, "code,title_vi\nTCVN 7790-3:2008,Quy trình lấy mẫu\n")
    call_command("import_standards", str(path), "--dry-run", stdout=io.StringIO(), stderr=io.StringIO())
    assert not Standard.objects.exists()


def test_bad_rows_are_all_reported_and_nothing_is_written(tmp_path, ics_tree):
    path = write(tmp_path, "code,title_vi,ics\nTCVN 1:2000,Một,03.120.30\nTCVN 2:2000,,99.999\nTCVN 3:2000,Ba,13.06\n")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_standards", str(path), stdout=io.StringIO(), stderr=err)
    report = err.getvalue()
    assert "row 3, column ics" in report and "row 3, column title_vi" in report and "row 4, column ics" in report
    assert not Standard.objects.exists()


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_standards", str(tmp_path / "none.csv"))
