"""The plan's Excel appendix: layout, hand-computed figures, the execution sheet, formula guard, queries, access."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nscl.planning.choices import FundingSource, PlanStatus
from nscl.planning.exports import plan_xlsx, roman
from nscl.planning.models import AnnualPlan
from nscl.planning.services import commitment_add, disbursement_add
from nscl.planning.tests.factories import (
    AnnualPlanFactory,
    BudgetLineFactory,
    ExpenseItemFactory,
    PlanTaskFactory,
    ProgramAreaFactory,
    force_status,
)

pytestmark = pytest.mark.django_db
F = FundingSource
M = 1_000_000
DAY = datetime.date(2025, 6, 15)
# Sheet 1: the table header is rows 9-11, then TỔNG CỘNG; amounts in G (total) and H-K (one per source).
TOTAL_ROW = 12
AMOUNTS = slice(6, 11)


@pytest.fixture
def built():
    """The 2025 plan of two areas, created out of their order (training first, sort 80; assessment, sort 10).

    II Đào tạo: "Tập huấn 5S" provincial 40M experts + central 10M printing; a formula-like title with an
    enterprise 5M experts line. I Đánh giá: "Tư vấn ISO 9001" other 7M printing + provincial 3M experts;
    "Khảo sát nhu cầu" without lines. Grand total 65M: central 10M, provincial 43M, enterprise 5M, other 7M.
    """
    plan = AnnualPlanFactory(year=2025, title="Kế hoạch thực hiện Chương trình NSCL năm 2025")
    training = ProgramAreaFactory(code="training", name_vi="Đào tạo, tập huấn", sort_order=80)
    assessment = ProgramAreaFactory(code="assessment", name_vi="Đánh giá, tư vấn", sort_order=10)
    experts = ExpenseItemFactory(code="experts", name_vi="Thuê chuyên gia", sort_order=20)
    printing = ExpenseItemFactory(code="printing", name_vi="In ấn tài liệu", sort_order=10)

    five_s = PlanTaskFactory(plan=plan, area=training, title="Tập huấn 5S", sort_order=1)
    provincial = BudgetLineFactory(task=five_s, funding_source=F.PROVINCIAL, expense_item=experts, amount=40 * M)
    BudgetLineFactory(task=five_s, funding_source=F.CENTRAL, expense_item=printing, amount=10 * M)
    trap = PlanTaskFactory(
        plan=plan, area=training, title='=HYPERLINK("http://x.invalid","bấm")', lead_unit="@SUM(A1)", sort_order=2
    )
    BudgetLineFactory(task=trap, funding_source=F.ENTERPRISE, expense_item=experts, amount=5 * M)
    iso = PlanTaskFactory(
        plan=plan,
        area=assessment,
        title="Tư vấn ISO 9001",
        lead_unit="Trung tâm Kỹ thuật TĐC",
        partners="+ các doanh nghiệp",
        output="-10% lỗi sản phẩm",
        start_date=datetime.date(2025, 3, 1),
        end_date=datetime.date(2025, 11, 30),
        sort_order=1,
    )
    BudgetLineFactory(task=iso, funding_source=F.OTHER, expense_item=printing, amount=7 * M)
    small = BudgetLineFactory(task=iso, funding_source=F.PROVINCIAL, expense_item=experts, amount=3 * M)
    PlanTaskFactory(plan=plan, area=assessment, title="Khảo sát nhu cầu", sort_order=2)
    return {"plan": plan, "provincial": provincial, "small": small}


def approve(plan: AnnualPlan) -> AnnualPlan:
    AnnualPlan.objects.filter(pk=plan.pk).update(
        decision_number="123/QĐ-UBND", decision_date=datetime.date(2025, 1, 20)
    )
    return force_status(plan, PlanStatus.APPROVED)


def book(plan: AnnualPlan):
    return load_workbook(io.BytesIO(plan_xlsx(plan)))


def values(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def row_named(sheet, text: str, column: int = 1) -> tuple:
    return next(row for row in values(sheet) if row[column] == text)


def test_roman_numerals():
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14, 40)] == ["I", "II", "III", "IV", "IX", "XIV", "XL"]


def test_the_title_block_and_a_draft_states_its_state(built):
    sheet = book(built["plan"])["Kế hoạch"]
    assert sheet["A1"].value == "UBND TỈNH LẠNG SƠN"
    assert sheet["A2"].value == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert sheet["F1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert sheet["F2"].value == "Độc lập - Tự do - Hạnh phúc"
    assert "2025" in sheet["A5"].value
    assert sheet["A6"].value == "Kế hoạch thực hiện Chương trình NSCL năm 2025"
    assert sheet["A7"].value == "(Dự thảo – Đang soạn)"
    assert "Quyết định" not in sheet["A7"].value
    assert sheet["I8"].value == "Đơn vị tính: đồng"


def test_an_approved_plan_names_its_decision(built):
    sheet = book(approve(built["plan"]))["Kế hoạch"]
    assert sheet["A7"].value == "(Kèm theo Quyết định số 123/QĐ-UBND ngày 20/01/2025 của UBND tỉnh Lạng Sơn)"


def test_the_header_has_one_column_per_funding_source(built):
    sheet = book(built["plan"])["Kế hoạch"]
    first = [sheet.cell(row=9, column=c).value for c in range(1, 8)]
    assert first == [
        "STT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Sản phẩm",
        "Thời gian thực hiện",
        "Tổng kinh phí",
    ]
    assert [sheet.cell(row=10, column=c).value for c in range(8, 12)] == [
        "Ngân sách trung ương",
        "Ngân sách tỉnh",
        "Doanh nghiệp đối ứng",
        "Nguồn khác",
    ]


def test_areas_follow_their_sort_order_with_subtotals_and_tasks_numbered_within(built):
    rows = values(book(built["plan"])["Kế hoạch"])[TOTAL_ROW - 1 :]
    assert [(r[0], r[1]) for r in rows] == [
        (None, "TỔNG CỘNG"),
        ("I", "Đánh giá, tư vấn"),
        (1, "Tư vấn ISO 9001"),
        (2, "Khảo sát nhu cầu"),
        ("II", "Đào tạo, tập huấn"),
        (1, "Tập huấn 5S"),
        (2, '\'=HYPERLINK("http://x.invalid","bấm")'),
    ]
    # total, central, provincial, enterprise, other
    assert rows[0][AMOUNTS] == (65 * M, 10 * M, 43 * M, 5 * M, 7 * M)
    assert rows[1][AMOUNTS] == (10 * M, 0, 3 * M, 0, 7 * M)
    assert rows[2][AMOUNTS] == (10 * M, 0, 3 * M, 0, 7 * M)
    assert rows[3][AMOUNTS] == (0, 0, 0, 0, 0)
    assert rows[4][AMOUNTS] == (55 * M, 10 * M, 40 * M, 5 * M, 0)
    assert rows[5][AMOUNTS] == (50 * M, 10 * M, 40 * M, 0, 0)
    assert rows[6][AMOUNTS] == (5 * M, 0, 0, 5 * M, 0)
    assert rows[2][2:6] == (
        "Trung tâm Kỹ thuật TĐC",
        "'+ các doanh nghiệp",
        "'-10% lỗi sản phẩm",
        "01/03/2025 – 30/11/2025",
    )


def test_the_grand_total_is_the_sum_of_the_lines(built):
    plan = built["plan"]
    lines = sum(line.amount for task in plan.tasks.all() for line in task.budget_lines.all())
    row = values(book(plan)["Kế hoạch"])[TOTAL_ROW - 1]
    assert row[6] == lines == sum(row[7:11])


def test_the_plan_sheet_is_formatted_for_print(built):
    sheet = book(built["plan"])["Kế hoạch"]
    assert sheet.freeze_panes == f"C{TOTAL_ROW}"
    assert sheet.print_title_rows == "$9:$11"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4  # 9: A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.cell(row=TOTAL_ROW, column=7).number_format == "#,##0"
    assert sheet.cell(row=TOTAL_ROW + 1, column=2).font.b
    assert not sheet.cell(row=TOTAL_ROW + 2, column=2).font.b
    assert sheet.cell(row=TOTAL_ROW + 2, column=2).alignment.wrap_text
    assert sheet.cell(row=TOTAL_ROW + 2, column=11).border.left.style == "thin"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width


def test_the_detailed_estimate_lists_every_line_and_sums_by_expense_item(built):
    sheet = book(built["plan"])["Dự toán chi tiết"]
    rows = values(sheet)
    assert rows[4] == ("STT", "Lĩnh vực", "Nhiệm vụ", "Nguồn kinh phí", "Nội dung chi", "Số tiền")
    lines = [r for r in rows[5:] if isinstance(r[0], int) and r[3]]
    assert [(r[2], r[3], r[4], r[5]) for r in lines] == [
        ("Tư vấn ISO 9001", "Nguồn khác", "In ấn tài liệu", 7 * M),
        ("Tư vấn ISO 9001", "Ngân sách tỉnh", "Thuê chuyên gia", 3 * M),
        ("Tập huấn 5S", "Ngân sách tỉnh", "Thuê chuyên gia", 40 * M),
        ("Tập huấn 5S", "Ngân sách trung ương", "In ấn tài liệu", 10 * M),
        ('\'=HYPERLINK("http://x.invalid","bấm")', "Doanh nghiệp đối ứng", "Thuê chuyên gia", 5 * M),
    ]
    assert row_named(sheet, "Cộng các dòng dự toán")[5] == 65 * M
    summary = rows[rows.index(row_named(sheet, "TỔNG HỢP THEO NỘI DUNG CHI", 0)) + 2 :]
    assert [(r[1], r[5]) for r in summary] == [
        ("In ấn tài liệu", 17 * M),
        ("Thuê chuyên gia", 48 * M),
        ("TỔNG CỘNG", 65 * M),
    ]


@pytest.mark.parametrize("status", [s for s in PlanStatus.values if s != PlanStatus.APPROVED])
def test_no_execution_sheet_before_approval_or_after_supersession(built, status):
    plan = force_status(built["plan"], status)
    assert book(plan).sheetnames == ["Kế hoạch", "Dự toán chi tiết"]


def test_the_execution_sheet_of_an_approved_plan(built, actors):
    plan = approve(built["plan"])
    officer = actors["officer"]
    commitment = commitment_add(line=built["provincial"], by=officer, amount=30 * M, date=DAY, reference="HĐ 01")
    disbursement_add(
        line=built["provincial"], by=officer, amount=12 * M, date=DAY, voucher="PC 01", commitment=commitment
    )
    disbursement_add(line=built["small"], by=officer, amount=3 * M, date=DAY, voucher="PC 02")

    workbook = book(plan)
    assert workbook.sheetnames == ["Kế hoạch", "Dự toán chi tiết", "Thực hiện"]
    rows = values(workbook["Thực hiện"])
    assert rows[4] == ("STT", "Nhiệm vụ", "Kế hoạch", "Đã cam kết", "Đã giải ngân", "Còn lại", "Tỷ lệ giải ngân (%)")
    table = [(r[0], r[1], *r[2:6], None if r[6] is None else round(r[6], 1)) for r in rows[5:]]
    assert table == [
        (None, "TỔNG CỘNG", 65 * M, 30 * M, 15 * M, 50 * M, 23.1),
        ("I", "Đánh giá, tư vấn", 10 * M, 0, 3 * M, 7 * M, 30.0),
        (1, "Tư vấn ISO 9001", 10 * M, 0, 3 * M, 7 * M, 30.0),
        ("II", "Đào tạo, tập huấn", 55 * M, 30 * M, 12 * M, 43 * M, 21.8),
        (1, "Tập huấn 5S", 50 * M, 30 * M, 12 * M, 38 * M, 24.0),
        (2, '\'=HYPERLINK("http://x.invalid","bấm")', 5 * M, 0, 0, 5 * M, 0.0),
    ]


def test_no_cell_anywhere_is_a_formula(built):
    plan = approve(built["plan"])
    AnnualPlan.objects.filter(pk=plan.pk).update(title="=1+1 kế hoạch")
    workbook = book(AnnualPlan.objects.get(pk=plan.pk))
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    assert workbook["Kế hoạch"]["A6"].value == "'=1+1 kế hoạch"
    assert workbook["Kế hoạch"].cell(row=TOTAL_ROW + 6, column=3).value == "'@SUM(A1)"


def plan_of(tasks: int) -> AnnualPlan:
    plan = AnnualPlanFactory(year=2025)
    areas = [ProgramAreaFactory(code=f"area-{n}", name_vi=f"Lĩnh vực {n}", sort_order=n) for n in range(3)]
    items = [ExpenseItemFactory(code=f"item-{n}", name_vi=f"Nội dung {n}", sort_order=n) for n in range(2)]
    for n in range(tasks):
        task = PlanTaskFactory(plan=plan, area=areas[n % 3])
        BudgetLineFactory(task=task, funding_source=F.CENTRAL, expense_item=items[0], amount=M)
        BudgetLineFactory(task=task, funding_source=F.ENTERPRISE, expense_item=items[1], amount=2 * M)
    return approve(plan)


@pytest.mark.parametrize("tasks", [3, 30])
def test_the_number_of_queries_does_not_grow_with_the_tasks(tasks, django_assert_max_num_queries):
    plan = plan_of(tasks)
    with django_assert_max_num_queries(3):
        content = plan_xlsx(plan)
    assert values(load_workbook(io.BytesIO(content))["Kế hoạch"])[TOTAL_ROW - 1][6] == tasks * 3 * M


# -- the download -------------------------------------------------------------------------------------------


def url(plan) -> str:
    return reverse("planning:plan_export", args=[plan.pk])


@pytest.mark.parametrize("who", ["officer", "board", "admin"])
def test_readers_download_the_workbook(who, client, actors, plan):
    client.force_login(actors[who])
    response = client.get(url(plan))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="ke-hoach-{plan.year}-lan-1.xlsx"'
    assert load_workbook(io.BytesIO(response.content)).sheetnames == ["Kế hoạch", "Dự toán chi tiết"]


@pytest.mark.parametrize("who", ["enterprise", "expert", "no_role"])
def test_others_are_refused(who, client, actors, plan):
    client.force_login(actors[who])
    assert client.get(url(plan)).status_code == 403


def test_anonymous_users_go_to_the_login_page(client, plan):
    response = client.get(url(plan))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_missing_plan_is_not_found(client, actors):
    client.force_login(actors["officer"])
    assert client.get(reverse("planning:plan_export", args=[999_999])).status_code == 404


def test_the_sheets_are_named_in_the_readers_language(built):
    from django.utils import translation

    plan = approve(built["plan"])
    with translation.override("en"):
        assert book(plan).sheetnames[2] == "Execution"
