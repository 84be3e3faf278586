"""Excel exports of the project and inspection lists (openpyxl, write-only, formulas neutralised)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from nscl.core.formatting import format_date

FORMULA_START = ("=", "+", "-", "@")


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _workbook(title: str, header: list[str], rows) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def projects_xlsx(projects) -> bytes:
    header = [_("Mã"), _("Tên dự án"), _("Doanh nghiệp"), _("Nội dung hỗ trợ"), _("Trạng thái")]
    header += [_("Tổng kinh phí (đồng)"), _("Đề nghị hỗ trợ (đồng)"), _("Được phê duyệt (đồng)"), _("Ngày nộp")]
    rows = (
        [
            p.pk,
            p.title,
            p.enterprise.name_vi,
            ", ".join(t.name_vi for t in p.support_types.all()),
            str(p.get_status_display()),
            p.total_cost,
            p.requested_amount,
            p.approved_amount,
            format_date(p.submitted_at),
        ]  # fmt: skip
        for p in projects
    )
    return _workbook(_("Dự án hỗ trợ"), header, rows)


def inspections_xlsx(inspections) -> bytes:
    header = [_("Mã"), _("Ngày kiểm tra"), _("Dự án"), _("Doanh nghiệp"), _("Số phát hiện"), _("Hành động quá hạn")]
    rows = (
        [
            i.pk,
            format_date(i.planned_on),
            i.project.title,
            i.project.enterprise.name_vi,
            i.finding_count,
            i.overdue_count,
        ]  # fmt: skip
        for i in inspections
    )
    return _workbook(_("Kiểm tra"), header, rows)
