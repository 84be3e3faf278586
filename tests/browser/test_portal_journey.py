"""The public portal end to end: a visitor reads, searches and asks; an officer writes, an editor
publishes; the public sees the new article at once.

Three people, each in their own browser context: the visitor (anonymous; a second, fresh visitor at
the end), the officer (canbo) and the editor (bientap). Screenshots of the home page (desktop and
phone width), an article, the site search and the documents list go to docs/screenshots/.
"""

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Lạng Sơn khai giảng lớp chuyên gia năng suất cho doanh nghiệp chế biến nông sản"
SUMMARY = "Hai mươi cán bộ kỹ thuật học cách đo năng suất và chọn công cụ cải tiến phù hợp với xưởng của mình."
BODY = (
    "<p>Lớp học kéo dài năm ngày, có một buổi thực hành tại xưởng chế biến.</p>"
    "<script>window.nsclInjected = true;</script>"
    "<p>Học viên lập kế hoạch cải tiến cho chính đơn vị mình.</p>"
)
QUESTION = "Doanh nghiệp chế biến hồi cần hồ sơ gì để được hỗ trợ áp dụng 5S?"
SPAM_GUARD_WAIT = 3.5  # seconds: the question form refuses anything sent in under 3 (nscl/portal/spam.py)


def visitor_page(new_page, width: int = 1280, height: int = 900):
    return new_page(width=width, height=height)


# -- the visitor ----------------------------------------------------------------------------------


def browse_home_and_lead_story(visitor, shot) -> str:
    """Home page, lead story, its topic series; returns the lead story's address."""
    visitor.goto(visitor.base + "/")
    lead = visitor.locator("article.home-lead")
    expect(lead.locator("h3 a")).to_have_text("Hội nghị tổng kết năng suất chất lượng tôn vinh bảy doanh nghiệp")
    expect(lead.locator("img")).to_have_attribute("alt", re.compile("Ảnh minh họa"))
    expect(visitor.locator(".home-latest li")).to_have_count(6)
    expect(visitor.locator(".home-figures li")).to_have_count(4)
    expect(visitor.locator("section[aria-labelledby=topics-title] a")).to_have_count(3)
    assert visitor.evaluate("document.querySelector('article.home-lead img').naturalWidth") > 0
    shot(visitor, "portal-home")

    lead.locator("h3 a").click()
    expect(visitor.locator("h1")).to_have_text("Hội nghị tổng kết năng suất chất lượng tôn vinh bảy doanh nghiệp")
    expect(visitor.locator(".article__body table caption")).to_have_text("Doanh nghiệp được tôn vinh")
    expect(visitor.locator(".article__lead figcaption")).to_contain_text("Ảnh minh họa do hệ thống tạo.")
    expect(visitor.locator(".article-related .article-card").first).to_be_visible()
    expect(visitor.locator(".article__share a", has_text="Facebook")).to_have_attribute("target", "_blank")
    lead_url = visitor.url
    shot(visitor, "portal-article")

    visitor.locator(".article__footer").get_by_role("link", name="Doanh nghiệp điển hình").click()
    expect(visitor.locator("h1")).to_have_text("Chuyên đề: Doanh nghiệp điển hình")
    expect(visitor).to_have_url(re.compile(r"/chuyen-de/doanh-nghiep-dien-hinh/$"))
    expect(visitor.locator(".article-card", has_text="tôn vinh bảy doanh nghiệp")).to_be_visible()
    return lead_url


def search_the_site(visitor, shot) -> None:
    """The header search box: words typed without marks find articles, grouped by type."""
    visitor.locator("header #site-search").fill("nang suat")
    visitor.locator("header form[role=search]").get_by_role("button", name="Tìm").click()
    expect(visitor).to_have_url(re.compile(r"/tim-kiem/\?q=nang\+suat"))
    expect(visitor.locator("h1")).to_have_text("Tìm kiếm")
    articles = visitor.locator("section[aria-labelledby=group-articles]")
    expect(articles.locator("h2")).to_contain_text("Tin bài")
    expect(articles.locator("li")).to_have_count(5)  # PER_GROUP; the badge gives the total
    expect(articles.locator("li a").first).to_contain_text(re.compile("năng suất", re.IGNORECASE))
    groups = visitor.locator("main section h2")  # in a fixed order, each with its total
    for position, label in enumerate(["Tin bài", "Văn bản", "Hỏi đáp"]):
        expect(groups.nth(position)).to_have_text(re.compile(rf"^{label}\s+\d+$"))
    shot(visitor, "portal-search")


def browse_documents(visitor, shot) -> None:
    """The documents list, filtered by type, then searched without marks."""
    visitor.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Văn bản").click()
    expect(visitor.locator("h1")).to_have_text("Văn bản")
    rows = visitor.locator("main table tbody tr")
    expect(rows.first).to_be_visible()
    everything = rows.count()
    assert everything >= 6
    shot(visitor, "portal-documents")

    form = visitor.locator("main form[role=search]")
    form.locator("[name=doc_type]").select_option(label="Quyết định")
    form.get_by_role("button", name="Tìm").click()
    expect(visitor).to_have_url(re.compile(r"doc_type=decision"))
    expect(rows).to_have_count(3)
    for cell in rows.locator("td:nth-child(3)").all():
        expect(cell).to_have_text("Quyết định")
    expect(rows.first.locator("th a")).to_be_visible()

    form.locator("[name=doc_type]").select_option(label="Tất cả")
    form.locator("[name=q]").fill("ke hoach")
    form.get_by_role("button", name="Tìm").click()
    expect(rows.first).to_contain_text("Kế hoạch")
    assert 0 < rows.count() < everything
    rows.first.locator("th a").click()
    expect(visitor.locator("h1")).to_contain_text("Kế hoạch")


def read_and_ask(visitor) -> None:
    """A published question and answer, then a new question (after the spam guard's minimum time)."""
    visitor.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Hỏi đáp").click()
    expect(visitor.locator("h1")).to_have_text("Hỏi đáp")
    visitor.locator("main article h2 a", has_text="5S là gì").click()
    expect(visitor.locator("h1")).to_contain_text("5S là gì")
    expect(visitor.locator("#answer-title")).to_have_text("Trả lời")
    expect(visitor.locator(".rich-text")).not_to_be_empty()

    visitor.get_by_role("link", name="Đặt câu hỏi khác").click()
    form = visitor.locator("#ask form")
    shown_at = time.monotonic()
    form.locator("[name=asker_name]").fill("Lường Văn Tú")
    form.locator("[name=asker_email]").fill("tu.luong@example.invalid")
    form.locator("[name=asker_organisation]").fill("Hợp tác xã Hồi Bình Gia (thử nghiệm)")
    form.locator("[name=title]").fill(QUESTION)
    form.locator("[name=body]").fill(
        "Hợp tác xã chúng tôi có xưởng sơ chế hồi nhỏ, muốn áp dụng 5S. Xin hỏi cần chuẩn bị hồ sơ gì?"
    )
    left = SPAM_GUARD_WAIT - (time.monotonic() - shown_at)
    if left > 0:
        visitor.wait_for_timeout(left * 1000)  # bounded: at most SPAM_GUARD_WAIT seconds
    form.get_by_role("button", name="Gửi câu hỏi").click()
    expect(visitor.locator("h1")).to_have_text("Cảm ơn bạn đã gửi câu hỏi")
    expect(visitor).to_have_url(re.compile(r"/hoi-dap/da-gui/$"))


def in_page_cache(path: str) -> bool:
    """Whether the shared page cache holds this public page under the current content version."""
    from django.core.cache import cache
    from django.test import RequestFactory
    from django.utils import translation

    from nscl.portal.middleware import page_key

    with translation.override("vi"):
        key = page_key(RequestFactory().get(path))
    return key is not None and cache.get(key) is not None


# -- the officer and the editor -------------------------------------------------------------------


def officer_writes_and_submits(officer) -> None:
    officer.goto(officer.base + "/bien-tap/tin-bai/")
    officer.get_by_role("link", name="Viết tin bài mới").click()
    expect(officer.locator("h1")).to_have_text("Viết tin bài mới")
    officer.locator("[name=title]").fill(TITLE)
    officer.locator("[name=summary]").fill(SUMMARY)
    officer.locator("[name=body]").fill(BODY)
    officer.locator("[name=topic]").select_option(label="Năng suất xanh và chuyển đổi số")
    officer.locator("[name=byline]").fill("Nguyễn Thị Hồng Nhung")

    # The preview shows the body as it will be saved: the script is gone, the paragraphs stay.
    officer.get_by_role("button", name="Xem trước").click()
    preview = officer.locator(".preview-box")
    expect(preview).to_contain_text("Lớp học kéo dài năm ngày")
    expect(preview).to_contain_text("Học viên lập kế hoạch")
    expect(preview.locator("script")).to_have_count(0)
    assert "nsclInjected" not in preview.inner_html()
    assert officer.evaluate("window.nsclInjected") is None

    officer.get_by_role("button", name="Lưu", exact=True).click()
    expect(officer.locator(".messages")).to_contain_text("Đã lưu tin bài.")
    expect(officer.locator("h1")).to_have_text(TITLE)
    expect(officer.locator("main .badge").first).to_have_text("Bản nháp")
    expect(officer.get_by_role("button", name="Đăng")).to_have_count(0)  # writers do not publish
    officer.get_by_role("button", name="Gửi duyệt").click()
    expect(officer.locator(".messages")).to_contain_text("Đã gửi tin bài để duyệt.")
    expect(officer.locator("main .badge").first).to_have_text("Chờ duyệt")


def editor_publishes(editor) -> None:
    editor.goto(editor.base + "/bien-tap/tin-bai/")
    editor.locator("main table").get_by_role("link", name=TITLE).click()
    expect(editor.locator("main .badge").first).to_have_text("Chờ duyệt")
    editor.locator("#publish-reason").fill("Đã kiểm tra số liệu")
    editor.get_by_role("button", name="Đăng", exact=True).click()
    expect(editor.locator(".messages")).to_contain_text("Đã đăng tin bài")
    expect(editor.locator("main .badge").first).to_have_text("Đã đăng")


# -- the journey ----------------------------------------------------------------------------------


def test_portal_from_reading_to_publishing(new_page, demo_data, shot):
    from nscl.portal.models import Article, Question

    # 1. A visitor browses, reads, searches, looks up documents and asks a question.
    visitor = visitor_page(new_page)
    browse_home_and_lead_story(visitor, shot)
    search_the_site(visitor, shot)
    browse_documents(visitor, shot)
    read_and_ask(visitor)
    asked = Question.objects.get(title=QUESTION)
    assert asked.status == "new"
    # A question is not public until an officer answers it.
    visitor.goto(visitor.base + "/hoi-dap/")
    expect(visitor.locator("main")).not_to_contain_text(QUESTION)

    # The home page and the news list are now in the shared page cache, without the new article.
    visitor.goto(visitor.base + "/")
    expect(visitor.locator(".home-latest")).not_to_contain_text(TITLE)
    visitor.goto(visitor.base + "/tin-tuc/")
    expect(visitor.locator("main")).not_to_contain_text(TITLE)
    assert in_page_cache("/") and in_page_cache("/tin-tuc/")

    phone = visitor_page(new_page, width=390, height=844)
    phone.goto(phone.base + "/")
    expect(phone.locator("article.home-lead h3")).to_be_visible()
    expect(phone.locator(".navbar-toggler")).to_be_visible()
    shot(phone, "portal-home-phone")

    # 2. The officer writes an article (with a script tag that must not survive), previews, submits.
    officer = visitor_page(new_page)
    login(officer, "canbo")
    officer_writes_and_submits(officer)
    article = Article.objects.get(title=TITLE)
    assert "<script" not in article.body
    assert "nsclInjected" not in article.body
    assert article.slug == "lang-son-khai-giang-lop-chuyen-gia-nang-suat-cho-doanh-nghiep-che-bien-nong-san"
    # Not public while in review (asked outside the page: a 404 document is a console error in Chromium).
    assert visitor.request.get(visitor.base + article.get_absolute_url()).status == 404

    # 3. The editor publishes it.
    editor = visitor_page(new_page)
    login(editor, "bientap")
    editor_publishes(editor)

    # 4. The public sees it at once: a fresh visitor and the first one, whose pages were cached.
    # Publishing bumped the content version, so the pages cached before it are no longer used.
    assert not in_page_cache("/") and not in_page_cache("/tin-tuc/")
    for reader in (visitor_page(new_page), visitor):
        reader.goto(reader.base + "/")
        expect(reader.locator(".home-latest li").first).to_contain_text(TITLE)
        reader.goto(reader.base + "/tin-tuc/")
        card = reader.locator(".article-card").first
        expect(card).to_contain_text(TITLE)
        card.get_by_role("link", name=TITLE).click()
        expect(reader.locator("h1")).to_have_text(TITLE)
        expect(reader.locator(".article__byline")).to_have_text("Nguyễn Thị Hồng Nhung")
        expect(reader.locator(".article__body")).to_contain_text("Học viên lập kế hoạch")
        expect(reader.locator(".article__body script")).to_have_count(0)
        assert reader.evaluate("window.nsclInjected") is None
