"""Sanitising (nothing a user typed runs as script) and slugs (readable, unique, stable)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nscl.portal.models import Topic
from nscl.portal.text import clean_html, plain_text, unique_slug


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<iframe src='https://example.org'></iframe>",
        "<svg><script>alert(1)</script></svg>",
        '<form action="/"><input name="a"></form>',
        "<!-- <script>alert(1)</script> -->",
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    ],
)
def test_scripts_handlers_and_dangerous_urls_are_removed(dirty):
    cleaned = clean_html(dirty).lower()
    for needle in ("<script", "onerror", "javascript:", "<iframe", "<form", "<input", "style=", "data:text"):
        assert needle not in cleaned


def test_the_allowed_structure_stays():
    html = (
        '<h2>Kết quả</h2><p>Đạt <strong>ISO 9001</strong> và <a href="https://tcvn.gov.vn">TCVN</a>.</p>'
        '<table><caption>Chỉ số</caption><tr><th scope="col">Năm</th></tr><tr><td>2025</td></tr></table>'
    )
    cleaned = clean_html(html)
    for kept in ("<h2>", "<strong>ISO 9001</strong>", 'href="https://tcvn.gov.vn"', 'rel="noopener noreferrer"',
                 "<caption>", 'scope="col"'):  # fmt: skip
        assert kept in cleaned


@given(st.text(max_size=300))
def test_cleaning_is_stable(text):
    once = clean_html(text)
    assert clean_html(once) == once
    assert "<script" not in once.lower()


def test_plain_text_keeps_only_the_words():
    assert plain_text("<p>Năng suất <em>chất lượng</em></p><script>x()</script>") == "Năng suất chất lượng"


@pytest.mark.django_db
def test_slugs_are_readable_and_unique():
    first = unique_slug(Topic, "Đổi mới công nghệ: Đồng Đăng")
    assert first == "doi-moi-cong-nghe-dong-dang"
    Topic.objects.create(slug=first, name_vi="x")
    assert unique_slug(Topic, "Đổi mới công nghệ – Đồng Đăng") == "doi-moi-cong-nghe-dong-dang-2"
    Topic.objects.create(slug="doi-moi-cong-nghe-dong-dang-2", name_vi="y")
    assert unique_slug(Topic, "Đổi mới công nghệ Đồng Đăng") == "doi-moi-cong-nghe-dong-dang-3"
    assert unique_slug(Topic, "!!!") == "bai"
