"""Import a file of standards: all or nothing, streamed in chunks inside one transaction.

Rows are read, validated in Python and written a chunk at a time; what must be known across the
whole file (codes already met, replacements pointing further down) lives in temporary tables, so
memory does not grow with the file. Any bad row, or a dry run, rolls everything back at the end.
"""

import itertools
from collections.abc import Callable

from django.db import connection, transaction
from django.utils.translation import gettext as _

from nscl.standards.alerts import alerts_send
from nscl.standards.imports import jobs
from nscl.standards.imports import messages as msg
from nscl.standards.imports.readers import FileError, RawRow, guess_format, open_binary, open_reader
from nscl.standards.imports.report import ImportReport
from nscl.standards.imports.rows import CleanRow, Lookups, RowCleaner
from nscl.standards.imports.staging import Staging
from nscl.standards.imports.writer import ChunkWriter
from nscl.standards.models import ImportJob, Standard

Progress = Callable[[int, int], None]


class _Import:
    """One run over one file; ``report`` collects the counts and errors."""

    def __init__(self, report: ImportReport, *, by, note: str, chunk_size: int, progress: Progress | None):
        self.report = report
        self.chunk_size = max(1, chunk_size)
        self.progress = progress
        self.cleaner = RowCleaner(Lookups.load())
        self.staging = Staging(connection)
        self.writer = ChunkWriter(self.staging, by=by, note=note, batch_size=min(self.chunk_size, 1000))

    def run(self, reader) -> None:
        with transaction.atomic():
            self.staging.create()
            try:
                self._read(reader)
            except FileError as exc:
                for row, column, message in exc.problems:
                    self.report.add_error(row, column, message)
            if self.report.total_rows == 0 and self.report.ok:
                self.report.add_error(1, "", msg.NO_ROWS)
            self._finish()
            self.staging.drop()
            if not self.report.ok or self.report.dry_run:
                transaction.set_rollback(True)

    def _read(self, reader) -> None:
        rows = reader.rows()
        estimate = reader.estimated_rows
        while chunk := list(itertools.islice(rows, self.chunk_size)):
            self._chunk(chunk)
            self.report.total_rows += len(chunk)
            if self.progress:
                self.progress(self.report.total_rows, max(estimate, self.report.total_rows))

    def _chunk(self, raw_rows: list[RawRow]) -> None:
        good, bad = [], []
        for raw in raw_rows:
            if raw.error:
                self.report.add_error(raw.number, *raw.error)
                continue
            row, errors = self.cleaner.clean(raw.number, raw.values)
            for column, message in errors:
                self.report.add_error(raw.number, column, message)
            if row is not None:
                (bad if errors else good).append(row)
        good, bad = self._without_duplicates(good, bad)
        plan = self.writer.plan(good)
        written = self.report.ok
        if written:
            self.writer.write(plan)
        self.writer.remember(plan, written=written)
        self.staging.add_rows([(r.kind, r.code_key, r.number, None, False, None) for r in bad])
        self.staging.add_refs([(r.number, None, *r.ref) for r in bad if r.ref])
        self.report.created += len(plan.new)
        self.report.updated += len(plan.changed)
        self.report.unchanged += len(plan.unchanged)

    def _without_duplicates(self, good: list[CleanRow], bad: list[CleanRow]) -> tuple[list, list]:
        """A code met earlier in the file (earlier chunk or this one) makes the row bad."""
        first = self.staging.seen((r.kind, r.code_key) for r in good + bad)
        good_ids = {id(r) for r in good}
        keep_good, keep_bad = [], []
        for row in sorted(good + bad, key=lambda r: r.number):
            key = (row.kind, row.code_key)
            if key in first:
                self.report.add_error(
                    row.number, "code", msg.DUPLICATE_ROW % {"code": row.fields["code"], "row": first[key]}
                )
                continue
            first[key] = row.number
            (keep_good if id(row) in good_ids else keep_bad).append(row)
        return keep_good, keep_bad

    def _finish(self) -> None:
        """Replacements pointing further down the file, cycles, then the alerts."""
        for row, code in self.staging.unresolved(msg.MAX_REPORTED_ERRORS):
            self.report.add_error(row, "replaced_by", msg.REPLACED_BY_UNKNOWN % {"code": code})
        if not self.report.ok:
            return
        self.staging.resolve()
        for row, code in self.staging.cycles(msg.MAX_REPORTED_ERRORS):
            self.report.add_error(row, "replaced_by", msg.REPLACEMENT_CYCLE % {"code": code})
        if not self.report.ok:
            return
        for ids in self.staging.resolved_ids():
            records = list(Standard.objects.filter(id__in=ids))
            Standard.history.bulk_history_create(
                records, update=True, default_user=self.writer.by, default_change_reason=self.writer.note
            )
        if not self.report.dry_run:
            alerts_send(status_changes=self.staging.status_changes(), created_ids=self.staging.created_ids())


def run_import(
    source,
    *,
    fmt: str | None = None,
    dry_run: bool = False,
    by=None,
    job: ImportJob | None = None,
    progress: Progress | None = None,
    chunk_size: int = 2000,
) -> ImportReport:
    """Import a CSV, XLSX or JSON Lines file (a path or a binary file object); see docs/imports.md."""
    report = ImportReport(dry_run=dry_run)
    if job is not None:
        jobs.job_start(job)
        progress = _with_job_progress(job, progress)
    try:
        with open_binary(source) as (handle, name):
            note = _("Nhập từ tệp %(name)s") % {"name": (job.filename if job else name) or "-"}
            try:
                reader = open_reader(handle, fmt or guess_format(handle, name))
            except FileError as exc:
                for row, column, message in exc.problems:
                    report.add_error(row, column, message)
            else:
                _Import(report, by=by, note=note, chunk_size=chunk_size, progress=progress).run(reader)
    except Exception:
        if job is not None:
            jobs.job_fail(job, str(jobs.FAILURE))
        raise
    report.errors.sort(key=lambda error: (error.row, error.column))
    if job is not None:
        jobs.job_finish(job, report)
    return report


def _with_job_progress(job: ImportJob, progress: Progress | None) -> Progress:
    def report_progress(processed: int, total: int) -> None:
        jobs.job_progress_set(job, processed, total)
        if progress:
            progress(processed, total)

    return report_progress
