"""The state of an import job: counters and errors in the ImportJob row, live progress in the cache
(the import's transaction holds SQLite's write lock, so progress cannot go through the database)."""

import logging
import threading

from django.core.cache import cache
from django.db import close_old_connections, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nscl.standards.choices import ImportStatus
from nscl.standards.imports.report import ImportReport, RowError
from nscl.standards.models import ImportJob

logger = logging.getLogger(__name__)
PROGRESS_TTL = 24 * 3600
FAILURE = _("Lỗi hệ thống khi nhập tệp; không có dữ liệu nào được ghi. Hãy báo quản trị viên.")
FINISHED = (ImportStatus.SUCCEEDED, ImportStatus.CHECKED, ImportStatus.REJECTED, ImportStatus.FAILED)


def progress_key(job_id: int) -> str:
    return f"nscl:standards:import:{job_id}:progress"


def job_progress_set(job: ImportJob, processed: int, total: int) -> None:
    cache.set(progress_key(job.pk), (processed, total), PROGRESS_TTL)


def job_progress(job: ImportJob) -> tuple[int, int]:
    """(processed rows, total rows): live while the job runs, from the row once it is over."""
    if job.status in FINISHED:
        return job.processed_rows, job.total_rows
    return cache.get(progress_key(job.pk)) or (job.processed_rows, job.total_rows)


def job_start(job: ImportJob) -> None:
    job.status = ImportStatus.RUNNING
    job.save(update_fields=["status"])
    job_progress_set(job, 0, 0)


def job_finish(job: ImportJob, report: ImportReport) -> None:
    if not report.ok:
        job.status = ImportStatus.REJECTED
    else:
        job.status = ImportStatus.CHECKED if report.dry_run else ImportStatus.SUCCEEDED
    job.total_rows = job.processed_rows = report.total_rows
    job.created_count, job.updated_count = report.created, report.updated
    job.errors = [error.as_dict() for error in report.sorted_errors()]
    job.finished_at = timezone.now()
    counters = ["total_rows", "processed_rows", "created_count", "updated_count"]
    job.save(update_fields=["status", *counters, "errors", "finished_at"])
    cache.delete(progress_key(job.pk))


def job_fail(job: ImportJob, message: str) -> None:
    job.status = ImportStatus.FAILED
    job.errors = [RowError(row=0, column="", message=message).as_dict()]
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "errors", "finished_at"])
    cache.delete(progress_key(job.pk))


def job_run(job_id: int) -> None:
    """Run a stored job from its file; failures are recorded on the job, never raised."""
    from nscl.standards.imports.runner import run_import

    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    try:
        with job.file.open("rb") as handle:
            run_import(handle, dry_run=job.dry_run, by=job.created_by, job=job)
    except Exception:
        logger.exception("Import job %s failed", job_id)
        if job.status not in FINISHED:  # failed before the run could record it (the file, say)
            job_fail(job, str(FAILURE))


def _run_in_thread(job_id: int) -> None:
    close_old_connections()
    try:
        job_run(job_id)
    finally:
        connections.close_all()


def job_launch(job: ImportJob, *, inline: bool) -> None:
    """Run the job now (tests) or in a background thread once the job row is committed."""
    if inline:
        job_run(job.pk)
        return

    def start() -> None:
        threading.Thread(target=_run_in_thread, args=(job.pk,), name=f"import-{job.pk}", daemon=True).start()

    transaction.on_commit(start)
