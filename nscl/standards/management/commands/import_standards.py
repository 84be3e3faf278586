"""manage.py import_standards FILE [--dry-run] [--format csv|xlsx|jsonl]

All or nothing: a file with any bad row writes nothing; every bad row is printed on stderr as
``row N, column C: reason`` and the command exits non-zero. The run is kept as an ImportJob, so the
officers' workspace lists imports from the command line too."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from nscl.standards.imports import run_import
from nscl.standards.imports.readers import FORMATS
from nscl.standards.models import ImportJob


class Command(BaseCommand):
    help = "Import standards from a CSV, XLSX or JSON Lines file (see docs/imports.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
        parser.add_argument("--format", choices=FORMATS, default=None, help="default: guessed from the file")
        parser.add_argument("--chunk-size", type=int, default=2000, help="rows written per batch")

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        job = ImportJob.objects.create(filename=path.name[:255], dry_run=options["dry_run"])
        with tqdm(desc=path.name, unit=" rows", file=self.stderr._out, disable=None, leave=False) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total or None
                bar.update(done - bar.n)

            report = run_import(
                path,
                fmt=options["format"],
                dry_run=options["dry_run"],
                job=job,
                progress=progress,
                chunk_size=options["chunk_size"],
            )
        if not report.ok:
            for error in report.sorted_errors():
                self.stderr.write(str(error) if error.row else error.message)
            raise CommandError(f"{report.error_count} error(s) in {path.name}; nothing was written.")
        verb = "checked (dry run, nothing written)" if report.dry_run else "imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.total_rows} rows {verb}: {report.created} new, {report.updated} updated, "
                f"{report.unchanged} unchanged."
            )
        )
