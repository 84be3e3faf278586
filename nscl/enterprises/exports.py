"""Excel export of the registry list (openpyxl, write-only)."""

import io
from collections.abc import Iterable, Iterator

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from nscl.enterprises.constants import EXPORT_MAX_ROWS
from nscl.enterprises.models import Enterprise, EnterpriseYear


def headers() -> list[str]:
    return [
        _("Mã số thuế"), _("Tên doanh nghiệp"), _("Tên viết tắt"), _("Xã, phường"), _("Địa chỉ"), _("Mã ngành VSIC"),
        _("Ngành"), _("Loại hình sở hữu"), _("Quy mô"), _("Năm xác định quy mô"), _("Lao động (BHXH)"),
        _("Doanh thu (đồng)"), _("Nguồn vốn (đồng)"), _("Người đại diện"), _("Điện thoại"), _("Thư điện tử"),
        _("Chứng nhận còn hiệu lực"), _("Trạng thái hồ sơ"),
    ]  # fmt: skip


def export_rows(queryset: QuerySet[Enterprise]) -> Iterator[list]:
    """One row per enterprise with its latest yearly figures, in a fixed number of queries."""
    latest = EnterpriseYear.objects.filter(enterprise=OuterRef("pk")).order_by("-year")
    queryset = queryset.annotate(
        latest_employees=Subquery(latest.values("employees")[:1]),
        latest_revenue=Subquery(latest.values("revenue")[:1]),
        latest_capital=Subquery(latest.values("capital")[:1]),
    )
    for e in queryset[:EXPORT_MAX_ROWS].iterator(chunk_size=2000):
        yield [
            e.tax_code, e.name_vi, e.short_name, e.commune.name if e.commune_id else "", e.address,
            e.vsic_code.code if e.vsic_code_id else "", e.vsic_code.name_vi if e.vsic_code_id else "",
            str(e.get_ownership_display()), str(e.get_size_display()) if e.size else "", e.size_year,
            e.latest_employees, e.latest_revenue, e.latest_capital, e.representative_name, e.phone, e.email,
            _("Có") if e.has_valid_certification else _("Không"), str(e.get_status_display()),
        ]  # fmt: skip


MONEY_COLUMNS = (11, 12)  # revenue, capital: integer đồng shown with thousands separators
MONEY_FORMAT = "#,##0"


def xlsx_file(rows: Iterable[list]) -> io.BytesIO:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Doanh nghiệp"))
    sheet.append(headers())
    for row in rows:
        for index in MONEY_COLUMNS:
            if row[index] is not None:
                cell = WriteOnlyCell(sheet, value=row[index])
                cell.number_format = MONEY_FORMAT
                row[index] = cell
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    return out
