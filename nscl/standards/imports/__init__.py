"""Importing standards from CSV, XLSX and JSON Lines files (see docs/imports.md)::

from nscl.standards.imports import run_import, ImportReport
report = run_import("standards.csv", dry_run=True)
report.ok, report.created, report.updated, report.errors  # errors: [RowError(row, column, message)]
"""

from nscl.standards.imports.messages import COLUMNS
from nscl.standards.imports.report import ImportReport, RowError
from nscl.standards.imports.runner import run_import

__all__ = ["COLUMNS", "ImportReport", "RowError", "run_import"]
