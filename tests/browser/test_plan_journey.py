"""A year's plan from draft to approval, a mid-year adjustment and the year-end execution, in the browser.

The officer (canbo) and the board member (bandieuhanh) each work in their own browser context on
the demo's 2026 draft. Screenshots of the plan page, the task page with execution and the
adjustment's difference go to docs/screenshots/.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TRAINING = "Tập huấn chuyển đổi số và năng suất xanh (minh họa)"


def act(page, verb: str, reason: str = "") -> None:
    form = page.locator(f"form[action$='/chuyen/{verb}/']")
    if reason:
        form.locator("textarea[name=reason]").fill(reason)
    form.locator("button[type=submit]").click()


def status(page):
    return page.locator("main h1 + p .badge")


def execution_row(page, caption: str, name: str):
    table = page.locator("table", has=page.get_by_text(caption, exact=True))
    return table.locator("tbody tr", has=page.get_by_role("rowheader", name=name, exact=True))


def test_a_plan_from_draft_to_year_end_execution(browser, live_server, demo_data, shot):
    from nscl.planning.models import AnnualPlan

    def new_page():
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page = context.new_page()
        page.base = live_server.url
        return page

    officer, board = new_page(), new_page()
    login(officer, "canbo")
    login(board, "bandieuhanh")
    draft = AnnualPlan.objects.get(year=2026, revision=1)
    plan_url = f"{live_server.url}/ke-hoach/{draft.pk}/"
    decided = min(timezone.localdate(), datetime.date(2026, 1, 20)).isoformat()

    # The officer adds a task with a line to the draft, through the forms.
    officer.goto(plan_url)
    officer.get_by_role("link", name="Thêm nhiệm vụ").click()
    officer.select_option("#id_area", label="Giải thưởng chất lượng")
    officer.fill("#id_title", "Tổ chức Giải thưởng chất lượng tỉnh năm 2026")
    officer.fill("#id_lead_unit", "Sở Khoa học và Công nghệ")
    officer.fill("#id_start_date", "2026-03-01")
    officer.fill("#id_end_date", "2026-02-01")
    officer.get_by_role("button", name="Lưu nhiệm vụ").click()
    expect(officer.locator("#id_end_date_error")).to_contain_text("Ngày kết thúc phải sau ngày bắt đầu")
    officer.fill("#id_end_date", "2026-10-31")
    officer.get_by_role("button", name="Lưu nhiệm vụ").click()
    officer.select_option("#line-funding_source", label="Ngân sách tỉnh")
    officer.select_option("#line-expense_item", index=1)
    officer.fill("#line-amount", "120.000.000")
    officer.get_by_role("button", name="Thêm dòng").click()
    expect(officer.locator("main")).to_contain_text("Đã thêm dòng dự toán")

    # Draft -> submitted -> returned -> submitted -> endorsed -> submitted to the committee -> approved.
    officer.goto(plan_url)
    act(officer, "submit")
    expect(status(officer)).to_have_text("Đã trình Ban điều hành")
    board.goto(plan_url)
    act(board, "return_for_changes")  # no comment: refused next to the field
    expect(board.locator("#return_for_changes-reason_error")).to_contain_text("Cần nêu lý do")
    board.locator("#return_for_changes-reason").fill("Bổ sung sản phẩm đầu ra của nhiệm vụ giải thưởng")
    board.get_by_role("button", name="Trả lại kế hoạch").click()
    expect(status(board)).to_have_text("Ban điều hành trả lại")
    officer.goto(plan_url)
    act(officer, "submit", "Đã bổ sung theo ý kiến Ban điều hành")
    board.goto(plan_url)
    act(board, "endorse", "Thống nhất trình UBND tỉnh")
    expect(status(board)).to_have_text("Ban điều hành đã thông qua")
    expect(board.locator("form[action$='/chuyen/submit_to_committee/']")).to_have_count(0)
    officer.goto(plan_url)
    act(officer, "submit_to_committee")
    form = officer.locator("form[action$='/chuyen/approve/']")
    form.locator("[name=decision_number]").fill("45/QĐ-UBND")
    form.locator("[name=decision_date]").fill(decided)
    form.get_by_role("button").click()
    expect(status(officer)).to_have_text("Đã phê duyệt")
    expect(officer.locator("main")).to_contain_text("Quyết định số 45/QĐ-UBND")
    expect(officer.get_by_role("link", name="Thêm nhiệm vụ")).to_have_count(0)  # frozen

    # Execution on the approved plan: a commitment and a disbursement on the training line.
    officer.get_by_role("link", name=TRAINING).first.click()
    officer.locator("form[action$='/cam-ket/'] [name=amount]").fill("150.000.000")
    officer.locator("form[action$='/cam-ket/'] [name=date]").fill("2026-04-01")
    officer.locator("form[action$='/cam-ket/'] [name=reference]").fill("HĐ 12/2026/HĐ-KHCN")
    officer.get_by_role("button", name="Ghi cam kết").click()
    expect(officer.locator("main")).to_contain_text("Đã ghi cam kết chi")
    disburse = officer.locator("form[action$='/giai-ngan/']")
    disburse.locator("[name=amount]").fill("200.000.000")  # over the 180,000,000 line
    disburse.locator("[name=date]").fill("2026-05-10")
    disburse.locator("[name=voucher]").fill("PC 101")
    officer.get_by_role("button", name="Ghi giải ngân").click()
    expect(officer.locator("main")).to_contain_text("sẽ vượt dự toán")
    disburse = officer.locator("form[action$='/giai-ngan/']")
    disburse.locator("[name=amount]").fill("90.000.000")
    disburse.locator("[name=date]").fill("2026-05-10")
    disburse.locator("[name=voucher]").fill("PC 101")
    officer.get_by_role("button", name="Ghi giải ngân").click()
    expect(officer.locator("main")).to_contain_text("Đã ghi giải ngân")

    # A mid-year adjustment: a new revision, the training line raised to 250,000,000.
    officer.goto(plan_url)
    act(officer, "adjust", "Tăng số lớp tập huấn theo đề nghị của doanh nghiệp")
    expect(officer.locator("main h1 + p")).to_contain_text("Lần 2")
    adjusted_url = officer.url
    officer.get_by_role("link", name=TRAINING).first.click()
    officer.get_by_role("link", name="Sửa", exact=True).first.click()
    officer.fill("#id_amount", "250.000.000")
    officer.get_by_role("button", name="Lưu").click()
    officer.goto(adjusted_url)
    officer.get_by_role("link", name=re.compile("So sánh với bản lần 1")).click()
    expect(officer.locator("tbody")).to_contain_text("+70.000.000 đồng")
    shot(officer, "plan-adjustment-diff")
    officer.goto(adjusted_url)
    act(officer, "submit", "Trình điều chỉnh")
    board.goto(adjusted_url)
    act(board, "endorse")
    officer.goto(adjusted_url)
    act(officer, "submit_to_committee")
    form = officer.locator("form[action$='/chuyen/approve/']")
    form.locator("[name=decision_number]").fill("102/QĐ-UBND")
    form.locator("[name=decision_date]").fill(decided)
    form.get_by_role("button").click()
    expect(status(officer)).to_have_text("Đã phê duyệt")
    officer.goto(plan_url)
    expect(status(officer)).to_have_text("Đã được thay thế bằng bản điều chỉnh")

    # Year-end: the execution carried over; the rest of the raised line is disbursed on the new revision.
    officer.goto(adjusted_url)
    officer.get_by_role("link", name=TRAINING).first.click()
    expect(officer.locator("main")).to_contain_text("HĐ 12/2026/HĐ-KHCN")
    disburse = officer.locator("form[action$='/giai-ngan/']")
    disburse.locator("[name=amount]").fill("160.000.000")
    disburse.locator("[name=date]").fill("2026-12-20")
    disburse.locator("[name=voucher]").fill("PC 245")
    officer.get_by_role("button", name="Ghi giải ngân").click()
    expect(officer.locator("main")).to_contain_text("Đã ghi giải ngân")
    officer.goto(adjusted_url)
    row = execution_row(officer, "Theo nhiệm vụ", TRAINING)
    expect(row).to_contain_text("250.000.000 đồng")  # planned
    expect(row).to_contain_text("150.000.000 đồng")  # committed, carried from revision 1
    expect(row.locator("td").nth(2)).to_have_text("250.000.000 đồng")  # disbursed: 90 + 160
    expect(row.locator("td").nth(4)).to_have_text("100,0%")
    shot(officer, "plan-detail")
    officer.context.close()
    board.context.close()
