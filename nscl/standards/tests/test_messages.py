"""Counted messages read right in both languages (one form in Vietnamese, two in English)."""

import pytest
from django.template.loader import render_to_string
from django.utils.translation import override

from nscl.standards.choices import ImportStatus
from nscl.standards.imports.messages import more_errors
from nscl.standards.models import ImportJob


@pytest.mark.parametrize(
    ("count", "vi", "en"),
    [
        (1, "Còn 1 dòng lỗi khác", "1 more row with errors is not listed"),
        (3, "Còn 3 dòng lỗi khác", "3 more rows with errors are not listed"),
    ],
)
def test_hidden_import_errors_are_counted_in_each_language(count, vi, en):
    with override("vi"):
        assert more_errors(count).startswith(vi)
    with override("en"):
        assert more_errors(count).startswith(en)


@pytest.mark.parametrize(("count", "en"), [(1, "1 more error is"), (12, "12 more errors are")])
def test_the_progress_fragment_counts_the_errors_left_out(count, en):
    with override("en"):
        job = ImportJob(pk=1, status=ImportStatus.REJECTED, total_rows=500, errors=[{"row": 2}])
        context = {"job": job, "running": False, "percent": 100, "processed": 500, "total": 500}
        context |= {"errors": job.errors, "errors_hidden": count}
        html = render_to_string("standards/partials/_import_progress.html", context)
    assert en in html
