"""The annual plan as an Excel appendix in the layout officers file with a decision (Phụ lục kế hoạch).

Three sheets: the plan (tasks grouped by area under Roman numerals, amounts by funding source), the
detailed budget estimate (one row per line, then subtotals by expense item) and, for an approved plan,
plan versus actual per task. Every amount is an integer đồng computed here, the same figure the pages
show; nothing is left to an Excel formula. Text goes through the projects' export guard, so a title
beginning with "=" stays text.

Queries: the tasks with their areas, their lines with expense items (prefetched), and for an approved
plan the one grouped execution query. The count does not grow with the number of tasks.
"""

import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from nscl.core.formatting import format_date
from nscl.planning.choices import FundingSource, PlanStatus
from nscl.planning.models import AnnualPlan, BudgetLine, PlanTask, ProgramArea
from nscl.planning.selectors import ExecutionRow, execution_rate, plan_execution_by_task
from nscl.projects.exports import _cell as safe_value

MONEY = "#,##0"
RATE = "0.0"
FONT_NAME = "Times New Roman"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="top")
SOURCES = FundingSource.values

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
_ROMAN += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    """1 -> I, 4 -> IV, 14 -> XIV: the numbering of the areas' group rows."""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def period_text(task: PlanTask) -> str:
    """dd/mm/yyyy – dd/mm/yyyy; one end alone when the other is not set."""
    start, end = format_date(task.start_date), format_date(task.end_date)
    if start and end:
        return f"{start} – {end}"
    if start:
        return _("Từ %(date)s") % {"date": start}
    if end:
        return _("Đến %(date)s") % {"date": end}
    return ""


# -- the figures --------------------------------------------------------------------------------------


@dataclass
class Amounts:
    """A total and its split by funding source, in integer đồng."""

    by_source: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SOURCES, 0))

    @property
    def total(self) -> int:
        return sum(self.by_source.values())

    def add(self, source: str, amount: int) -> None:
        self.by_source[source] += amount

    def add_all(self, other: "Amounts") -> None:
        for source, amount in other.by_source.items():
            self.by_source[source] += amount


@dataclass
class AreaGroup:
    area: ProgramArea
    tasks: list[tuple[PlanTask, Amounts]] = field(default_factory=list)
    amounts: Amounts = field(default_factory=Amounts)


def _tasks(plan: AnnualPlan) -> list[PlanTask]:
    """Two queries: the tasks with their areas in the areas' and tasks' order, then their lines."""
    lines = BudgetLine.objects.select_related("expense_item").order_by("id")
    return list(
        PlanTask.objects.filter(plan=plan)
        .select_related("area")
        .prefetch_related(Prefetch("budget_lines", queryset=lines))
        .order_by("area__sort_order", "area__code", "sort_order", "id")
    )


def _groups(tasks: Iterable[PlanTask]) -> list[AreaGroup]:
    groups: dict[int, AreaGroup] = {}
    for task in tasks:
        group = groups.setdefault(task.area_id, AreaGroup(task.area))
        amounts = Amounts()
        for line in task.budget_lines.all():
            amounts.add(line.funding_source, line.amount)
        group.tasks.append((task, amounts))
        group.amounts.add_all(amounts)
    return list(groups.values())


# -- writing ------------------------------------------------------------------------------------------


def _font(bold: bool = False, italic: bool = False, size: int = 12) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def _put(sheet: Worksheet, row: int, column: int, value, *, bold=False, italic=False, number=None, align=WRAP):
    cell = sheet.cell(row=row, column=column, value=safe_value(value))
    cell.font = _font(bold=bold, italic=italic)
    cell.alignment = align
    if number:
        cell.number_format = number
    return cell


def _banner(sheet: Worksheet, row: int, first: int, last: int, text: str, *, bold=True, italic=False, size=12):
    """One merged, centred line across columns ``first``..``last``."""
    sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell = sheet.cell(row=row, column=first, value=safe_value(text))
    cell.font = _font(bold=bold, italic=italic, size=size)
    cell.alignment = CENTRE


def _box(sheet: Worksheet, first_row: int, last_row: int, columns: int) -> None:
    for row in sheet.iter_rows(min_row=first_row, max_row=last_row, max_col=columns):
        for cell in row:
            cell.border = BOX


def _widths(sheet: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _print_setup(sheet: Worksheet, header_rows: str) -> None:
    """Landscape A4, every column on the page width, the table's header repeated on each page."""
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.print_title_rows = header_rows


def _header(sheet: Worksheet, row: int, labels: list[str]) -> None:
    for column, label in enumerate(labels, start=1):
        _put(sheet, row, column, label, bold=True, align=CENTRE)


def _money_row(sheet: Worksheet, row: int, first: int, values: Iterable[int], *, bold=False) -> None:
    for column, value in enumerate(values, start=first):
        _put(sheet, row, column, value, bold=bold, number=MONEY, align=RIGHT)


def _state_line(plan: AnnualPlan) -> str:
    """The decision the appendix is attached to, or the plan's state while it has none."""
    if plan.status in (PlanStatus.APPROVED, PlanStatus.SUPERSEDED) and plan.decision_number:
        text = _("(Kèm theo Quyết định số %(number)s ngày %(date)s của UBND tỉnh Lạng Sơn)") % {
            "number": plan.decision_number,
            "date": format_date(plan.decision_date),
        }
        if plan.status == PlanStatus.SUPERSEDED:
            text += " – " + str(plan.get_status_display())
        return text
    return _("(Dự thảo – %(status)s)") % {"status": plan.get_status_display()}


# -- sheet 1: the plan ----------------------------------------------------------------------------------

PLAN_COLUMNS = 6 + 1 + len(SOURCES)  # STT .. time, the total, one column per source
PLAN_HEADER_FIRST = 9


def _plan_sheet(sheet: Worksheet, plan: AnnualPlan, groups: list[AreaGroup]) -> None:
    last = PLAN_COLUMNS
    _banner(sheet, 1, 1, 4, _("UBND TỈNH LẠNG SƠN"), bold=False)
    _banner(sheet, 2, 1, 4, _("SỞ KHOA HỌC VÀ CÔNG NGHỆ"))
    _banner(sheet, 1, 6, last, _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    _banner(sheet, 2, 6, last, _("Độc lập - Tự do - Hạnh phúc"))
    _banner(sheet, 4, 1, last, _("PHỤ LỤC"), size=13)
    _banner(sheet, 5, 1, last, _("NHIỆM VỤ VÀ DỰ TOÁN KINH PHÍ NĂM %(year)s") % {"year": plan.year}, size=13)
    _banner(sheet, 6, 1, last, plan.title)
    _banner(sheet, 7, 1, last, _state_line(plan), bold=False, italic=True)
    sheet.merge_cells(start_row=8, start_column=last - 2, end_row=8, end_column=last)
    _put(sheet, 8, last - 2, _("Đơn vị tính: đồng"), italic=True, align=RIGHT)

    top, sub, numbers = PLAN_HEADER_FIRST, PLAN_HEADER_FIRST + 1, PLAN_HEADER_FIRST + 2
    labels = [
        _("STT"),
        _("Nội dung nhiệm vụ"),
        _("Đơn vị chủ trì"),
        _("Đơn vị phối hợp"),
        _("Sản phẩm"),
        _("Thời gian thực hiện"),
        _("Tổng kinh phí"),
    ]
    for column, label in enumerate(labels, start=1):
        sheet.merge_cells(start_row=top, start_column=column, end_row=sub, end_column=column)
        _put(sheet, top, column, label, bold=True, align=CENTRE)
    first_source = len(labels) + 1
    sheet.merge_cells(start_row=top, start_column=first_source, end_row=top, end_column=last)
    _put(sheet, top, first_source, _("Trong đó"), bold=True, align=CENTRE)
    for column, label in enumerate(FundingSource.labels, start=first_source):
        _put(sheet, sub, column, str(label), bold=True, align=CENTRE)
    for column in range(1, last + 1):
        _put(sheet, numbers, column, f"({column})", italic=True, align=CENTRE)

    grand = Amounts()
    for group in groups:
        grand.add_all(group.amounts)
    row = numbers + 1
    _put(sheet, row, 2, _("TỔNG CỘNG"), bold=True)
    _money_row(sheet, row, first_source - 1, [grand.total, *grand.by_source.values()], bold=True)
    for number, group in enumerate(groups, start=1):
        row += 1
        _put(sheet, row, 1, roman(number), bold=True, align=CENTRE)
        _put(sheet, row, 2, group.area.name_vi, bold=True)
        _money_row(sheet, row, first_source - 1, [group.amounts.total, *group.amounts.by_source.values()], bold=True)
        for index, (task, amounts) in enumerate(group.tasks, start=1):
            row += 1
            _put(sheet, row, 1, index, align=CENTRE)
            for column, text in enumerate(
                [task.title, task.lead_unit, task.partners, task.output, period_text(task)], start=2
            ):
                _put(sheet, row, column, text)
            _money_row(sheet, row, first_source - 1, [amounts.total, *amounts.by_source.values()])
    _box(sheet, top, row, last)

    _widths(sheet, [6, 42, 20, 22, 28, 16, 16, *([15] * len(SOURCES))])
    sheet.freeze_panes = sheet.cell(row=numbers + 1, column=3)
    _print_setup(sheet, f"{top}:{numbers}")


# -- sheet 2: the detailed estimate ----------------------------------------------------------------------

DETAIL_COLUMNS = 6


def _detail_sheet(sheet: Worksheet, plan: AnnualPlan, groups: list[AreaGroup]) -> None:
    last = DETAIL_COLUMNS
    _banner(sheet, 1, 1, last, _("DỰ TOÁN CHI TIẾT KINH PHÍ NĂM %(year)s") % {"year": plan.year}, size=13)
    _banner(sheet, 2, 1, last, plan.title)
    _banner(sheet, 3, 1, last, _state_line(plan), bold=False, italic=True)
    sheet.merge_cells(start_row=4, start_column=last - 1, end_row=4, end_column=last)
    _put(sheet, 4, last - 1, _("Đơn vị tính: đồng"), italic=True, align=RIGHT)

    header = 5
    labels = [_("STT"), _("Lĩnh vực"), _("Nhiệm vụ"), _("Nguồn kinh phí"), _("Nội dung chi"), _("Số tiền")]
    _header(sheet, header, labels)
    source_label = dict(FundingSource.choices)
    by_item: dict[int, list] = {}
    row, number, total = header, 0, 0
    for group in groups:
        for task, _amounts in group.tasks:
            for line in task.budget_lines.all():
                row += 1
                number += 1
                total += line.amount
                item = line.expense_item
                by_item.setdefault(item.pk, [item, 0])[1] += line.amount
                _put(sheet, row, 1, number, align=CENTRE)
                _put(sheet, row, 2, group.area.name_vi)
                _put(sheet, row, 3, task.title)
                _put(sheet, row, 4, str(source_label[line.funding_source]))
                _put(sheet, row, 5, item.name_vi)
                _put(sheet, row, 6, line.amount, number=MONEY, align=RIGHT)
    row += 1
    _put(sheet, row, 2, _("Cộng các dòng dự toán"), bold=True)
    _put(sheet, row, 6, total, bold=True, number=MONEY, align=RIGHT)
    _box(sheet, header, row, last)

    row += 2
    summary = row
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    _put(sheet, row, 1, _("TỔNG HỢP THEO NỘI DUNG CHI"), bold=True)
    row += 1
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last - 1)
    _put(sheet, row, 1, _("STT"), bold=True, align=CENTRE)
    _put(sheet, row, 2, _("Nội dung chi"), bold=True, align=CENTRE)
    _put(sheet, row, last, _("Số tiền"), bold=True, align=CENTRE)
    items = sorted(by_item.values(), key=lambda pair: (pair[0].sort_order, pair[0].code))
    for index, (item, amount) in enumerate(items, start=1):
        row += 1
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last - 1)
        _put(sheet, row, 1, index, align=CENTRE)
        _put(sheet, row, 2, item.name_vi)
        _put(sheet, row, last, amount, number=MONEY, align=RIGHT)
    row += 1
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last - 1)
    _put(sheet, row, 2, _("TỔNG CỘNG"), bold=True)
    _put(sheet, row, last, total, bold=True, number=MONEY, align=RIGHT)
    _box(sheet, summary + 1, row, last)

    _widths(sheet, [6, 30, 48, 22, 30, 18])
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    _print_setup(sheet, f"{header}:{header}")


# -- sheet 3: plan versus actual ---------------------------------------------------------------------------

EXECUTION_COLUMNS = 7


def _execution_values(planned: int, committed: int, disbursed: int) -> list:
    return [planned, committed, disbursed, planned - disbursed, execution_rate(disbursed, planned)]


def _execution_sheet(sheet: Worksheet, plan: AnnualPlan, tasks: list[PlanTask]) -> None:
    """Per task, from plan_execution_by_task, grouped by area under the same Roman numerals as sheet 1."""
    last = EXECUTION_COLUMNS
    _banner(sheet, 1, 1, last, _("TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM %(year)s") % {"year": plan.year}, size=13)
    _banner(sheet, 2, 1, last, plan.title)
    _banner(sheet, 3, 1, last, _state_line(plan), bold=False, italic=True)
    sheet.merge_cells(start_row=4, start_column=last - 1, end_row=4, end_column=last)
    _put(sheet, 4, last - 1, _("Đơn vị tính: đồng"), italic=True, align=RIGHT)

    header = 5
    labels = [_("STT"), _("Nhiệm vụ"), _("Kế hoạch"), _("Đã cam kết"), _("Đã giải ngân"), _("Còn lại")]
    _header(sheet, header, [*labels, _("Tỷ lệ giải ngân (%)")])

    areas = {task.pk: task.area for task in tasks}
    groups: dict[int, tuple[ProgramArea, list[ExecutionRow]]] = {}
    for execution in plan_execution_by_task(plan=plan):
        area = areas[execution.key]
        groups.setdefault(area.pk, (area, []))[1].append(execution)
    sums: dict[object, list[int]] = defaultdict(lambda: [0, 0, 0])
    for area_id, (_area, rows) in groups.items():
        for execution in rows:
            for key in (area_id, "all"):
                sums[key][0] += execution.planned
                sums[key][1] += execution.committed
                sums[key][2] += execution.disbursed

    def figures(row: int, values: list, bold: bool = False) -> None:
        _money_row(sheet, row, 3, values[:4], bold=bold)
        _put(sheet, row, 7, values[4], bold=bold, number=RATE, align=RIGHT)

    row = header + 1
    _put(sheet, row, 2, _("TỔNG CỘNG"), bold=True)
    figures(row, _execution_values(*sums["all"]), bold=True)
    for number, (area_id, (area, rows)) in enumerate(groups.items(), start=1):
        row += 1
        _put(sheet, row, 1, roman(number), bold=True, align=CENTRE)
        _put(sheet, row, 2, area.name_vi, bold=True)
        figures(row, _execution_values(*sums[area_id]), bold=True)
        for index, execution in enumerate(rows, start=1):
            row += 1
            _put(sheet, row, 1, index, align=CENTRE)
            _put(sheet, row, 2, execution.name)
            values = [execution.planned, execution.committed, execution.disbursed]
            figures(row, [*values, execution.remaining, execution.rate])
    _box(sheet, header, row, last)

    _widths(sheet, [6, 50, 18, 18, 18, 18, 14])
    sheet.freeze_panes = sheet.cell(row=header + 1, column=3)
    _print_setup(sheet, f"{header}:{header}")


def plan_xlsx(plan: AnnualPlan) -> bytes:
    """The workbook of one plan revision; two queries, three when the plan is approved."""
    tasks = _tasks(plan)
    groups = _groups(tasks)
    book = Workbook()
    _plan_sheet(book.active, plan, groups)
    book.active.title = _("Kế hoạch")
    _detail_sheet(book.create_sheet(_("Dự toán chi tiết")), plan, groups)
    if plan.status == PlanStatus.APPROVED:
        _execution_sheet(book.create_sheet(pgettext("xlsx sheet", "Thực hiện")), plan, tasks)
    book.properties.title = plan.title
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def plan_filename(plan: AnnualPlan) -> str:
    """ke-hoach-2025-lan-1.xlsx: the year and the revision, ASCII only."""
    return f"ke-hoach-{plan.year}-lan-{plan.revision}.xlsx"
