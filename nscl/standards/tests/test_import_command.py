"""manage.py import_standards: exit code, stderr report, dry run, formats, the job it leaves."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from nscl.standards.choices import ImportStatus
from nscl.standards.models import ImportJob, Standard

pytestmark = pytest.mark.django_db


def write(tmp_path, text: str, name: str = "standards.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_standards", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_good_file_is_imported_and_counted(tmp_path, ics_tree):
    path = write(tmp_path, "code,title_vi,ics\nTCVN 7790-3:2008,Quy trình lấy mẫu,03.120.30\nTCVN 1:2000,Một,\n")

    out, _err = run(path)

    assert "2 rows imported: 2 new, 0 updated, 0 unchanged." in out
    assert Standard.objects.get(code="TCVN 7790-3:2008").ics_codes.get().code == "03.120.30"
    job = ImportJob.objects.get()
    assert (job.filename, job.status, job.created_count) == ("standards.csv", ImportStatus.SUCCEEDED, 2)


def test_second_run_updates(tmp_path, ics_tree):
    run(write(tmp_path, "code,title_vi\nTCVN 1:2000,Một\n"))

    out, _err = run(write(tmp_path, "code,title_vi\nTCVN 1:2000,Một (sửa)\n"))

    assert "0 new, 1 updated" in out
    assert Standard.objects.get().title_vi == "Một (sửa)"


def test_dry_run_writes_nothing(tmp_path, ics_tree):
    out, _err = run(write(tmp_path, "code,title_vi\nTCVN 7790-3:2008,Quy trình lấy mẫu\n"), "--dry-run")

    assert "checked (dry run, nothing written)" in out
    assert not Standard.objects.exists()
    assert ImportJob.objects.get().status == ImportStatus.CHECKED


def test_bad_rows_are_all_reported_on_stderr_with_a_failing_exit_code(tmp_path, ics_tree):
    path = write(tmp_path, "code,title_vi,ics\nTCVN 1:2000,Một,03.120.30\nTCVN 2:2000,,99.999\nTCVN 3:2000,Ba,13.06\n")
    err = io.StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("import_standards", str(path), stdout=io.StringIO(), stderr=err)

    assert raised.value.returncode == 1  # manage.py exits with it
    assert "3 error(s) in standards.csv; nothing was written." in str(raised.value)
    lines = err.getvalue().splitlines()
    assert lines == [
        "row 3, column ics: Mã ICS không có trong bảng phân loại: 99.999.",
        "row 3, column title_vi: Cần tên tiếng Việt (title_vi) hoặc tên tiếng Anh (title_en).",
        "row 4, column ics: Mã ICS không có trong bảng phân loại: 13.06.",
    ]
    assert not Standard.objects.exists()
    assert ImportJob.objects.get().status == ImportStatus.REJECTED


def test_format_option_reads_json_lines_whatever_the_name(tmp_path, ics_tree):
    line = json.dumps({"code": "QCVN 01:2009/BYT", "title_vi": "Nước ăn uống"}, ensure_ascii=False)
    path = write(tmp_path, line + "\n", name="standards.txt")

    out, _err = run(path, "--format", "jsonl")

    assert "1 new" in out
    assert Standard.objects.get().kind == "QCVN"


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_standards", str(tmp_path / "none.csv"))
