"""Exports of a search result: the import's columns (an export can be imported again), in rank order.

Rows are produced a page of records at a time, so a CSV streams and an XLSX is written by openpyxl's
write-only workbook into a temporary file: memory does not grow with the result.
"""

import csv
import tempfile
from collections.abc import Iterable, Iterator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from nscl.standards.constants import EXPORT_MAX_ROWS
from nscl.standards.imports.messages import COLUMNS
from nscl.standards.imports.rows import FORMULA_STARTS
from nscl.standards.models import Standard, StandardIcs
from nscl.standards.search import SearchQuery, compile_terms, get_backend

PAGE = 1000
# A cell starting with one of these is a formula to a spreadsheet: an exported title must not run.
# The import takes the apostrophe off again (nscl.standards.imports.rows.plain_text).
TEXT_COLUMNS = {"title_vi", "title_en", "scope", "decision", "equivalent_ref"}


def export_ids(query: SearchQuery, limit: int | None = None) -> list[int]:
    """Every id the search matches, in the order the search pages show them, at most EXPORT_MAX_ROWS."""
    limit = limit or EXPORT_MAX_ROWS
    backend = get_backend()
    if compile_terms(query.text):
        return backend.engine_query(SearchQuery(text=query.text, filters=query.filters, page=1, page_size=limit))
    return backend.browse_ids(query.filters, limit=limit)


def _row(standard: Standard, ics: list[str]) -> dict[str, object]:
    return {
        "code": standard.code,
        "kind": standard.kind,
        "title_vi": standard.title_vi,
        "title_en": standard.title_en,
        "year": standard.year,
        "status": standard.status,
        "ics": ";".join(ics),
        "scope": standard.scope,
        "replaced_by": standard.replaced_by.code if standard.replaced_by_id else "",
        "effective_date": standard.effective_date.isoformat() if standard.effective_date else "",
        "issuing_body": standard.issuing_body.code if standard.issuing_body_id else "",
        "decision": standard.decision,
        "equivalent_ref": standard.equivalent_ref,
        "equivalence": standard.equivalence,
        "pages": standard.pages,
        "field": standard.field.code if standard.field_id else "",
    }


def export_rows(ids: Iterable[int]) -> Iterator[dict[str, object]]:
    """One dict per record, keyed by the import columns, in the order of `ids`; three queries a page."""
    ids = list(ids)
    for start in range(0, len(ids), PAGE):
        page = ids[start : start + PAGE]
        records = Standard.objects.select_related("replaced_by", "issuing_body", "field").in_bulk(page)
        links: dict[int, list[str]] = {}
        for standard_id, code in (
            StandardIcs.objects.filter(standard_id__in=page)
            .order_by("ics_code_id")
            .values_list("standard_id", "ics_code_id")
        ):
            links.setdefault(standard_id, []).append(code)
        for pk in page:
            if pk in records:
                yield _row(records[pk], links.get(pk, []))


def _safe_text(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[dict[str, object]]) -> Iterator[bytes]:
    """UTF-8 with a BOM (so Excel reads Vietnamese right), the header, then one line per record."""
    writer = csv.writer(_Echo())
    yield ("\ufeff" + writer.writerow(COLUMNS)).encode("utf-8")
    for row in rows:
        cells = [_safe_text(row[c]) if c in TEXT_COLUMNS else ("" if row[c] is None else row[c]) for c in COLUMNS]
        yield writer.writerow(cells).encode("utf-8")


def xlsx_file(rows: Iterable[dict[str, object]]):
    """A temporary file holding the workbook (write-only: rows go to disk as they come), rewound."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("tieu-chuan")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([_cell(sheet, row[c]) for c in COLUMNS])
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115  (the response closes it once sent)
    workbook.save(handle)
    handle.seek(0)
    return handle


def _cell(sheet, value: object):
    """Numbers stay numbers; text is always text, never read as a formula."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    cell = WriteOnlyCell(sheet, value=str(value))
    cell.data_type = "s"
    return cell
