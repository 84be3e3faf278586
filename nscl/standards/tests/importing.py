"""What the import tests share: files built in memory and a CSV run through run_import."""

import io

from openpyxl import Workbook

from nscl.standards.imports import ImportReport, run_import
from nscl.standards.search import SearchQuery, get_backend

HEADER = "code,title_vi,title_en,year,status,ics,scope,replaced_by\n"


def csv_bytes(body: str, header: str = HEADER) -> io.BytesIO:
    return io.BytesIO((header + body).encode("utf-8"))


def run_csv(body: str, header: str = HEADER, **kwargs) -> ImportReport:
    return run_import(csv_bytes(body, header), fmt="csv", **kwargs)


def xlsx_bytes(rows: list[list]) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    return out


def errors_of(report: ImportReport) -> list[tuple[int, str]]:
    return [(e.row, e.column) for e in report.errors]


def search_ids(text: str) -> list[int]:
    return get_backend().search(SearchQuery(text=text)).ids
