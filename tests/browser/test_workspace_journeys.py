"""Officers' journeys in headless Chromium: import a file (a bad one, then a good one), edit a record."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = pytest.mark.browser

BAD = "code,title_vi,ics\nTCVN 99001:2026,Tệp thử có lỗi,99.999\nTCVN 99002:2026,,13.060.20\n"
GOOD = (
    "code,title_vi,ics\nTCVN 99001:2026,Nước sạch thử nghiệm,13.060.20\nTCVN 99002:2026,Dầu lạc thử nghiệm,67.200.10\n"
)


def test_import_a_bad_file_then_a_good_one_then_edit(page, demo_data, shot, tmp_path):
    from nscl.standards.models import Standard

    login(page, "canbo")
    page.goto(page.base + "/tieu-chuan/quan-ly/")
    page.get_by_role("link", name="Nhập dữ liệu từ tệp").click()

    bad = tmp_path / "co-loi.csv"
    bad.write_text(BAD, encoding="utf-8")
    page.set_input_files("#id_file", str(bad))
    page.get_by_role("button", name="Tải lên và nhập").click()
    expect(page.locator("h1")).to_contain_text("co-loi.csv")
    expect(page.locator("#import-progress table")).to_contain_text("99.999")
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    shot(page, "workspace-import-rejected")
    assert not Standard.objects.filter(code__startswith="TCVN 9900").exists()

    good = tmp_path / "tot.csv"
    good.write_text(GOOD, encoding="utf-8")
    page.goto(page.base + "/tieu-chuan/quan-ly/nhap/")
    page.set_input_files("#id_file", str(good))
    page.get_by_role("button", name="Tải lên và nhập").click()
    expect(page.locator("#import-progress")).to_contain_text("Đã nhập xong")
    shot(page, "workspace-import-done")

    standard = Standard.objects.get(code="TCVN 99001:2026")
    page.goto(page.base + f"/tieu-chuan/quan-ly/{standard.pk}/sua/")
    page.fill("#id_title_vi", "Nước sạch thử nghiệm (sửa)")
    page.fill("#id_ics", "13.060.20; 99.99")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#id_ics_error")).to_contain_text("99.99")
    shot(page, "workspace-edit-error")
    page.fill("#id_ics", "13.060.20")
    page.fill("#id_reason", "Sửa tên")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("h1")).to_contain_text("TCVN 99001:2026")
    standard.refresh_from_db()
    assert standard.title_vi == "Nước sạch thử nghiệm (sửa)"
