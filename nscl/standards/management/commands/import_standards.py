"""manage.py import_standards FILE [--dry-run] [--format csv|xlsx|jsonl]

All or nothing: a file with any bad row writes nothing; every bad row is printed on stderr and
the command exits non-zero."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from nscl.standards.imports import run_import


class Command(BaseCommand):
    help = "Import standards from a CSV, XLSX or JSON Lines file (see docs/imports.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
        parser.add_argument("--format", choices=["csv", "xlsx", "jsonl"], default=None)

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        with tqdm(desc=path.name, unit=" rows", file=self.stderr._out, disable=None) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total or None
                bar.update(done - bar.n)

            report = run_import(path, fmt=options["format"], dry_run=options["dry_run"], progress=progress)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(f"row {error.row}, column {error.column}: {error.message}")
            raise CommandError(f"{len(report.errors)} bad row(s); nothing was written.")
        verb = "checked (dry run, nothing written)" if options["dry_run"] else "imported"
        self.stdout.write(
            self.style.SUCCESS(f"{report.total_rows} rows {verb}: {report.created} new, {report.updated} updated")
        )
