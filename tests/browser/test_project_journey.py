"""An enterprise from sign-up to an accepted support project, every step through the browser.

Four people, each in their own browser context: a new enterprise representative, the officer
(canbo), the board member (bandieuhanh). Screenshots of the project page, the enterprise page, the
pipeline board and a phone-width project page go to docs/screenshots/.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Lang-Son-nscl-2026!"
ENTERPRISE = "Công ty Cổ phần Xi Măng Đồng Mỏ Demo"  # demo enterprise with figures and three certifications
TITLE = "Áp dụng hệ thống quản lý năng lượng ISO 50001 tại nhà máy Đồng Mỏ"


def tiny_pdf(path, text: str) -> str:
    """Write a small, valid one-page PDF (catalog, page tree, page, content stream, font, xref)."""
    content = f"BT /F1 16 Tf 72 760 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return str(path)


# -- what the project page shows ------------------------------------------------------------------


def status_badge(page):
    return page.locator("main h1 + p .badge")


def timeline(page):
    return page.locator("main h2:text-is('Diễn biến') + ol > li")


def transition_form(page, verb: str):
    return page.locator(f"form[action$='/chuyen/{verb}/']")


def expect_status(page, label: str) -> None:
    expect(status_badge(page)).to_have_text(label)


def expect_success(page) -> None:
    expect(page.locator(".messages .alert-success")).to_contain_text("Đã cập nhật trạng thái dự án.")


def post_from_page(page, action: str, fields: dict[str, str]) -> None:
    """What a hand-made form (or a stale tab) would send: a POST with the page's CSRF token."""
    with page.expect_navigation():
        page.evaluate(
            """([action, fields]) => {
                const form = document.createElement('form');
                form.method = 'post';
                form.action = action;
                const token = document.querySelector('input[name=csrfmiddlewaretoken]').value;
                for (const [name, value] of Object.entries({csrfmiddlewaretoken: token, ...fields})) {
                    const input = document.createElement('input');
                    input.type = 'hidden'; input.name = name; input.value = value;
                    form.append(input);
                }
                document.body.append(form);
                form.submit();
            }""",
            [action, fields],
        )


def add_budget_line(page, item: str, source: str, amount: int) -> None:
    # The inline form's labels point at "budget-<name>" while the inputs keep Django's "id_<name>",
    # so the fields are found by name inside the form (see the report: the labels are not associated).
    form = page.locator("form[action$='/du-toan/']")
    form.locator("[name=item]").fill(item)
    form.locator("[name=source]").select_option(label=source)
    form.locator("[name=amount]").fill(str(amount))
    form.get_by_role("button", name="Thêm dòng").click()
    expect(page.locator("main table").first).to_contain_text(item)


def upload_document(page, kind: str, title: str, path: str) -> None:
    form = page.locator("form[action$='/tai-lieu/']")
    form.locator("[name=kind]").select_option(label=kind)
    form.locator("[name=title]").fill(title)
    form.locator("[name=file]").set_input_files(path)
    form.get_by_role("button", name="Tải lên").click()
    expect(page.locator("main h2:text-is('Tài liệu') + ul")).to_contain_text(title)


# -- the journey ------------------------------------------------------------------------------------


def test_enterprise_from_sign_up_to_an_accepted_project(new_page, demo_data, shot, tmp_path):
    from django.utils import timezone

    from nscl.enterprises.models import Enterprise
    from nscl.projects.models import SupportProject

    enterprise = Enterprise.objects.get(name_vi=ENTERPRISE)
    today = timezone.localdate()

    # 1. A new person signs up as an enterprise representative.
    rep = new_page()
    rep.goto(rep.base + "/")
    rep.get_by_role("link", name="Đăng ký doanh nghiệp").click()
    expect(rep.locator("h1")).to_have_text("Đăng ký tài khoản doanh nghiệp")
    rep.get_by_label("Tên đăng nhập").fill("ximang.dongmo")
    rep.get_by_label("Họ và tên").fill("Hoàng Thị Lan")
    rep.get_by_label("Thư điện tử").fill("lan.hoang@ximang-dongmo.invalid")
    rep.get_by_label("Điện thoại").fill("0205 3812 345")
    rep.get_by_label(re.compile(r"^Mật khẩu")).fill(PASSWORD)
    rep.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    rep.get_by_role("button", name="Đăng ký").click()
    expect(rep.locator("h1")).to_have_text("Doanh nghiệp của tôi")
    expect(rep.locator(".messages")).to_contain_text("Đã tạo tài khoản")

    # 2. ... and claims an enterprise of the registry by its tax code (typed with spaces, as people do).
    rep.get_by_label("Mã số thuế").fill(f" {enterprise.tax_code} ")
    rep.get_by_label("Chức vụ của bạn").fill("Phó Giám đốc")
    rep.get_by_role("button", name="Gửi yêu cầu").click()
    expect(rep.locator(".messages")).to_contain_text("Đã gửi yêu cầu")
    claim_row = rep.locator("main table tbody tr", has_text=ENTERPRISE)
    expect(claim_row).to_contain_text("Chờ xác nhận")
    # Before the officer confirms, the representative cannot propose a project for it.
    rep.get_by_role("link", name="Dự án của tôi").click()
    rep.get_by_role("link", name="Đề xuất dự án mới").click()
    expect(rep.get_by_label("Doanh nghiệp")).not_to_contain_text(ENTERPRISE)

    # 3. The officer signs in and confirms the claim from the queue.
    officer = new_page()
    login(officer, "canbo")
    officer.get_by_role("button", name="Nghiệp vụ").click()
    officer.get_by_role("link", name="Yêu cầu đại diện doanh nghiệp").click()
    row = officer.locator("main table tbody tr", has_text="Hoàng Thị Lan")
    expect(row).to_contain_text(enterprise.tax_code)
    row.get_by_label("Ghi chú").fill("Đã gọi điện xác minh")
    row.get_by_role("button", name="Xác nhận").click()
    expect(officer.locator(".messages")).to_contain_text("Đã xác nhận đại diện.")
    expect(officer.locator("main table tbody tr", has_text="Hoàng Thị Lan")).to_have_count(0)

    rep.get_by_role("link", name="Doanh nghiệp của tôi").click()
    expect(claim_row).to_contain_text("Đã xác nhận")
    expect(claim_row.get_by_role("link", name=ENTERPRISE)).to_be_visible()

    # 4. The representative proposes a draft project: support type, goals, schedule.
    rep.get_by_role("link", name="Dự án của tôi").click()
    rep.get_by_role("link", name="Đề xuất dự án mới").click()
    rep.get_by_label("Doanh nghiệp").select_option(label=ENTERPRISE)
    rep.get_by_label("Tên dự án").fill(TITLE)
    rep.get_by_label("Mục tiêu").fill("Giảm 8% điện năng trên một tấn clinker.\nĐạt chứng nhận ISO 50001:2018.")
    rep.get_by_label("Nội dung hỗ trợ").select_option(label="Hệ thống quản lý năng lượng ISO 50001")
    rep.get_by_label("Ngày bắt đầu").fill((today + datetime.timedelta(days=7)).isoformat())
    rep.get_by_label("Ngày kết thúc").fill((today + datetime.timedelta(days=200)).isoformat())
    rep.get_by_role("button", name="Lưu").click()
    expect(rep.locator(".messages")).to_contain_text("Đã tạo dự án nháp.")
    expect(rep.locator("h1")).to_have_text(TITLE)
    expect_status(rep, "Đang soạn")
    project = SupportProject.objects.get(title=TITLE)
    project_url = rep.url

    # Budget lines within the support rule of the group (demo rule: 50% of the cost, at most 100 million).
    add_budget_line(rep, "Thuê tư vấn xây dựng hệ thống ISO 50001", "Ngân sách nhà nước hỗ trợ", 60_000_000)
    add_budget_line(rep, "Thiết bị đo điện năng", "Doanh nghiệp đối ứng", 60_000_000)
    add_budget_line(rep, "Đánh giá chứng nhận", "Doanh nghiệp đối ứng", 25_000_000)
    budget = rep.locator("main h2:text-is('Dự toán kinh phí') + table tfoot")
    expect(budget).to_contain_text("145.000.000")
    expect(budget).to_contain_text("60.000.000")

    upload_document(rep, "Thuyết minh dự án", "Thuyết minh ISO 50001", tiny_pdf(tmp_path / "tm.pdf", "Thuyet minh"))

    # Submitting without the budget document is refused, with the reason, and nothing changes.
    transition_form(rep, "submit").get_by_role("button", name="Nộp hồ sơ").click()
    expect(rep.locator(".messages .alert-danger")).to_contain_text("Thiếu tài liệu bắt buộc: Dự toán kinh phí")
    expect_status(rep, "Đang soạn")

    upload_document(rep, "Dự toán kinh phí", "Dự toán chi tiết", tiny_pdf(tmp_path / "dt.pdf", "Du toan"))
    transition_form(rep, "submit").get_by_role("button", name="Nộp hồ sơ").click()
    expect_success(rep)
    expect_status(rep, "Đã nộp")
    expect(timeline(rep)).to_have_count(1)
    expect(timeline(rep).last).to_contain_text("Đã nộp")
    expect(rep.get_by_role("link", name="Sửa đề xuất")).to_have_count(0)

    # 5. The officer finds it on the pipeline board and starts the appraisal.
    officer.goto(officer.base + "/du-an/quan-ly/")
    column = officer.locator("section.project-column", has=officer.locator("h3", has_text="Đã nộp"))
    column.get_by_role("link", name=TITLE).click()
    expect_status(officer, "Đã nộp")
    expect(transition_form(officer, "approve")).to_have_count(0)  # the officer does not approve
    transition_form(officer, "start_appraisal").get_by_label(re.compile("Lý do, ghi chú")).fill("Hồ sơ đủ")
    transition_form(officer, "start_appraisal").get_by_role("button", name="Bắt đầu thẩm định").click()
    expect_success(officer)
    expect_status(officer, "Đang thẩm định")
    expect(timeline(officer)).to_have_count(2)
    expect(timeline(officer).last).to_contain_text("Hồ sơ đủ")

    # Refusals: the representative has no approve button; a hand-made approval is refused with a message.
    rep.reload()
    expect_status(rep, "Đang thẩm định")
    expect(rep.get_by_role("button", name="Phê duyệt")).to_have_count(0)
    expect(transition_form(rep, "approve")).to_have_count(0)
    post_from_page(
        rep,
        f"/du-an/{project.pk}/chuyen/approve/",
        {"amount": "60000000", "decision_number": "99/QĐ-GIẢ", "decision_date": today.isoformat()},
    )
    expect(rep.locator(".messages .alert-danger")).to_contain_text(
        "Bạn không có quyền thực hiện thao tác này với dự án."
    )
    expect_status(rep, "Đang thẩm định")

    # 6. A board member approves it with the amount and the decision.
    board = new_page()
    login(board, "bandieuhanh")
    board.goto(board.base + "/du-an/quan-ly/")
    board.get_by_role("link", name=TITLE).first.click()
    expect_status(board, "Đang thẩm định")
    expect(transition_form(board, "start_appraisal")).to_have_count(0)
    approve = transition_form(board, "approve")
    # An amount above the request is refused with the figures.
    approve.locator("[name=amount]").fill("70000000")
    approve.locator("[name=decision_number]").fill("1234/QĐ-UBND")
    approve.locator("[name=decision_date]").fill(today.isoformat())
    approve.get_by_role("button", name="Phê duyệt").click()
    expect(board.locator(".messages .alert-danger")).to_contain_text("70.000.000")
    expect_status(board, "Đang thẩm định")
    approve.locator("[name=amount]").fill("55000000")
    approve.locator("[name=decision_number]").fill("1234/QĐ-UBND")
    approve.locator("[name=decision_date]").fill(today.isoformat())
    approve.get_by_role("button", name="Phê duyệt").click()
    expect_success(board)
    expect_status(board, "Đã phê duyệt")
    expect(board.locator("main dl")).to_contain_text("55.000.000")
    expect(board.locator("main dl")).to_contain_text("1234/QĐ-UBND")
    expect(timeline(board)).to_have_count(3)

    # 7. The representative hears of it in the app, starts the work and, with the report, asks for acceptance.
    rep.goto(rep.base + "/")
    expect(rep.get_by_role("link", name=re.compile("Thông báo"))).to_contain_text("chưa đọc")
    rep.get_by_role("link", name=re.compile("Thông báo")).click()
    notice = rep.locator("main .list-group-item", has_text="Đã phê duyệt")
    expect(notice).to_contain_text(TITLE)
    notice.get_by_role("link").click()
    expect(rep).to_have_url(project_url)
    expect_status(rep, "Đã phê duyệt")
    expect(rep.get_by_role("button", name="Nghiệm thu đạt")).to_have_count(0)
    transition_form(rep, "start").get_by_role("button", name="Bắt đầu thực hiện").click()
    expect_success(rep)
    expect_status(rep, "Đang thực hiện")
    upload_document(
        rep, "Báo cáo kết quả thực hiện", "Báo cáo kết quả", tiny_pdf(tmp_path / "bc.pdf", "Bao cao ket qua")
    )
    transition_form(rep, "request_acceptance").get_by_label(re.compile("Lý do, ghi chú")).fill(
        "Đã hoàn thành, đạt chứng nhận ISO 50001"
    )
    transition_form(rep, "request_acceptance").get_by_role("button", name="Đề nghị nghiệm thu").click()
    expect_success(rep)
    expect_status(rep, "Đang nghiệm thu")
    expect(timeline(rep)).to_have_count(5)

    # 8. The officer accepts.
    officer.reload()
    expect_status(officer, "Đang nghiệm thu")
    transition_form(officer, "accept").get_by_role("button", name="Nghiệm thu đạt").click()
    expect_success(officer)
    expect_status(officer, "Đã nghiệm thu")
    expect(officer.locator(".card", has_text="Thao tác")).to_have_count(0)

    # The timeline tells the whole story, in order, with who did what.
    rep.reload()
    expect_status(rep, "Đã nghiệm thu")
    expect(timeline(rep).locator("strong")).to_have_text(
        ["Đã nộp", "Đang thẩm định", "Đã phê duyệt", "Đang thực hiện", "Đang nghiệm thu", "Đã nghiệm thu"]
    )
    expect(timeline(rep).nth(0)).to_contain_text("Hoàng Thị Lan")
    expect(timeline(rep).nth(1)).to_contain_text("Nguyễn Thị Hồng Nhung")
    expect(timeline(rep).nth(2)).to_contain_text("Hoàng Văn Thắng")
    expect(rep.locator("main h2:text-is('Tài liệu') + ul > li")).to_have_count(3)
    project = SupportProject.objects.get(pk=project.pk)  # refresh_from_db would assign the protected state
    assert project.status == "accepted"
    assert project.approved_amount == 55_000_000

    rep.get_by_role("link", name=re.compile("Thông báo")).click()
    expect(rep.locator("main .list-group-item", has_text="Đã nghiệm thu")).to_contain_text(TITLE)
    expect(rep.locator("main .list-group-item", has_text="Đang thẩm định")).to_contain_text(TITLE)

    # Screenshots: the project page (timeline, budget, documents), the enterprise page, the same project on a phone.
    officer.goto(project_url)
    shot(officer, "projects-project")
    officer.goto(officer.base + enterprise.get_absolute_url())
    expect(officer.locator("h1")).to_contain_text(ENTERPRISE)
    expect(officer.locator("#certifications")).to_contain_text("ISO 50001")
    shot(officer, "enterprises-enterprise")

    phone = new_page(width=390, height=844)
    login(phone, "ximang.dongmo", PASSWORD)
    phone.goto(project_url)
    expect_status(phone, "Đã nghiệm thu")
    shot(phone, "projects-project-phone")
    phone.goto(phone.base + enterprise.get_absolute_url())
    expect(phone.locator("h1")).to_contain_text(ENTERPRISE)
    shot(phone, "enterprises-enterprise-phone")

    officer.goto(officer.base + "/du-an/quan-ly/")
    expect(officer.locator("section.project-column", has_text=TITLE)).to_contain_text("Đã nghiệm thu")
    shot(officer, "projects-pipeline")
