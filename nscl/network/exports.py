"""Excel exports of the filtered workspace lists (experts, consulting organisations, conformity bodies).

Headers are Vietnamese, dates are real dates shown dd/mm/yyyy, and text is always stored as text
(never read as a formula, so "=HYPERLINK(...)" typed in a name stays harmless).
"""

import datetime
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from nscl.network.constants import EXPORT_MAX_ROWS

DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class Column:
    header: Callable[[], str]
    value: Callable[[object], object]


def _join(items: Iterable[object]) -> str:
    return "; ".join(str(item) for item in items)


def expert_columns() -> list[Column]:
    return [
        Column(lambda: _("Họ và tên"), lambda e: e.full_name),
        Column(lambda: _("Học hàm, học vị"), lambda e: e.title),
        Column(lambda: _("Tổ chức"), lambda e: e.organisation.name if e.organisation else ""),
        Column(lambda: _("Lĩnh vực chuyên môn"), lambda e: _join(f.name_vi for f in e.fields.all())),
        Column(lambda: _("Chứng chỉ"), lambda e: _join(q.get_kind_display() for q in e.qualifications.all())),
        Column(lambda: _("Điện thoại"), lambda e: e.phone),
        Column(lambda: _("Thư điện tử"), lambda e: e.email),
        Column(lambda: _("Khả năng nhận việc"), lambda e: e.get_availability_display()),
        Column(lambda: _("Ghi chú khả năng nhận việc"), lambda e: e.availability_note),
        Column(lambda: _("Đang hoạt động"), lambda e: _("Có") if e.is_active else _("Không")),
    ]


def organisation_columns() -> list[Column]:
    return [
        Column(lambda: _("Tên tổ chức"), lambda o: o.name),
        Column(lambda: _("Mã số thuế"), lambda o: o.tax_code),
        Column(lambda: _("Lĩnh vực tư vấn"), lambda o: _join(f.name_vi for f in o.fields.all())),
        Column(lambda: _("Địa chỉ"), lambda o: o.address),
        Column(lambda: _("Điện thoại"), lambda o: o.phone),
        Column(lambda: _("Thư điện tử"), lambda o: o.email),
        Column(lambda: _("Trang web"), lambda o: o.website),
    ]


def body_columns() -> list[Column]:
    return [
        Column(lambda: _("Loại hình"), lambda b: b.get_kind_display()),
        Column(lambda: _("Tên tổ chức"), lambda b: b.name),
        Column(lambda: _("Số đăng ký hoạt động"), lambda b: b.registration_number),
        Column(lambda: _("Số công nhận"), lambda b: b.accreditation_number),
        Column(lambda: _("Tổ chức công nhận"), lambda b: b.accreditation_body),
        Column(lambda: _("Hiệu lực từ"), lambda b: b.valid_from),
        Column(lambda: _("Hiệu lực đến"), lambda b: b.valid_until),
        Column(lambda: _("Tình trạng hiệu lực"), lambda b: b.get_validity_display()),
        Column(lambda: _("Phạm vi"), lambda b: b.scope_note),
        Column(lambda: _("Địa chỉ"), lambda b: b.address),
        Column(lambda: _("Điện thoại"), lambda b: b.phone),
        Column(lambda: _("Thư điện tử"), lambda b: b.email),
        Column(lambda: _("Đặt tại tỉnh"), lambda b: _("Có") if b.in_province else _("Không")),
    ]


def _cell(sheet, value: object):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    cell = WriteOnlyCell(sheet, value=str(value))
    cell.data_type = "s"  # text stays text: never a formula
    return cell


def xlsx_bytes(*, title: str, columns: list[Column], rows: Iterable[object]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append([column.header() for column in columns])
    for index, row in enumerate(rows):
        if index >= EXPORT_MAX_ROWS:
            break
        sheet.append([_cell(sheet, column.value(row)) for column in columns])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
