"""Money, dates and the template helpers every page uses."""

import datetime
import html
from decimal import Decimal
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from nscl.core.formatting import format_date, format_money, format_number

UTC = datetime.UTC
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def render(source: str, **context) -> str:
    return Template("{% load nscl %}" + source).render(Context(context)).strip()


# money
@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (1234567, "1.234.567 đồng", "1.234.567 VND"),
        (0, "0 đồng", "0 VND"),
        (999, "999 đồng", "999 VND"),
        (1000, "1.000 đồng", "1.000 VND"),
        (-1234567, "-1.234.567 đồng", "-1.234.567 VND"),
        (-5, "-5 đồng", "-5 VND"),
        (12_000_000_000_000, "12.000.000.000.000 đồng", "12.000.000.000.000 VND"),
    ],
)
def test_format_money(value, vi, en):
    assert format_money(value, "vi") == vi
    assert format_money(value, "en") == en


def test_format_money_follows_the_active_language():
    with translation.override("vi"):
        assert format_money(1234567) == "1.234.567 đồng"
    with translation.override("en"):
        assert format_money(1234567) == "1.234.567 VND"
    assert format_money(1000, "en-us") == "1.000 VND"


def test_format_money_refuses_floats():
    with pytest.raises(TypeError):
        format_money(1234.5)
    with pytest.raises(TypeError):
        format_money(1000.0)  # even a whole float: money never goes through floating point


def test_format_money_and_number_of_nothing_are_empty():
    assert format_money(None) == ""
    assert format_number(None) == ""


def test_format_money_accepts_whole_decimals():
    assert format_money(Decimal("2500000"), "vi") == "2.500.000 đồng"


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_format_number_groups_thousands_with_dots(value):
    text = format_number(value)
    assert int(text.replace(".", "")) == value
    groups = text.lstrip("-").split(".")
    assert 1 <= len(groups[0]) <= 3
    assert all(len(g) == 3 for g in groups[1:])


# dates
@pytest.mark.parametrize(
    ("value", "text"),
    [
        (datetime.date(2025, 7, 1), "01/07/2025"),
        (datetime.date(1999, 12, 31), "31/12/1999"),
        (datetime.date(2026, 1, 9), "09/01/2026"),
    ],
)
def test_format_date(value, text):
    assert format_date(value) == text


def test_format_date_same_in_both_languages():
    with translation.override("en"):
        assert format_date(datetime.date(2025, 3, 4)) == "04/03/2025"


def test_aware_datetimes_are_shown_in_vietnam_time():
    # 20:30 UTC on New Year's Eve is already 03:30 on 1 January in Hà Nội (UTC+7).
    assert format_date(datetime.datetime(2024, 12, 31, 20, 30, tzinfo=UTC)) == "01/01/2025 03:30"
    assert format_date(datetime.datetime(2025, 6, 1, 9, 5, tzinfo=HANOI)) == "01/06/2025 09:05"
    tokyo = ZoneInfo("Asia/Tokyo")  # UTC+9: two hours ahead of Hà Nội
    assert format_date(datetime.datetime(2025, 6, 1, 1, 0, tzinfo=tokyo)) == "31/05/2025 23:00"


def test_format_date_of_nothing_is_empty():
    assert format_date(None) == ""


# template filters
def test_money_filter():
    with translation.override("vi"):
        assert render("{{ v|money }}", v=1234567) == "1.234.567 đồng"
    with translation.override("en"):
        assert render("{{ v|money }}", v=1234567) == "1.234.567 VND"
    assert render("{{ v|money }}", v=None) == ""


def test_number_filter():
    assert render("{{ v|number }}", v=-1234567) == "-1.234.567"


def test_ddmmyyyy_filter():
    assert render("{{ d|ddmmyyyy }}", d=datetime.date(2025, 7, 1)) == "01/07/2025"
    assert render("{{ d|ddmmyyyy }}", d=datetime.datetime(2024, 12, 31, 17, 0, tzinfo=UTC)) == "01/01/2025 00:00"
    assert render("{{ d|ddmmyyyy }}", d=None) == ""


class SampleForm(forms.Form):
    name = forms.CharField(label="Tên", help_text="Tên đầy đủ")
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    agree = forms.BooleanField(required=False)
    note = forms.CharField(widget=forms.TextInput(attrs={"class": "mono"}), required=False)


def test_bs_adds_bootstrap_classes():
    form = SampleForm()
    assert 'class="form-control"' in render("{{ f.name|bs }}", f=form)
    assert 'class="form-select"' in render("{{ f.kind|bs }}", f=form)
    assert 'class="form-check-input"' in render("{{ f.agree|bs }}", f=form)
    assert 'class="mono form-control"' in render("{{ f.note|bs }}", f=form)


def test_bs_without_errors_has_no_error_attributes():
    form = SampleForm(data={"name": "Nguyễn Văn A", "kind": "a"})
    assert form.is_valid()
    out = render("{{ f.name|bs }}", f=form)
    assert "is-invalid" not in out
    assert "_error" not in out
    assert 'aria-describedby="id_name_helptext"' in out  # Django's own link to the help text stays
    assert "aria-describedby" not in render("{{ f.kind|bs }}", f=form)


def test_bs_ties_the_error_and_help_text_to_the_field():
    form = SampleForm(data={"kind": "zzz"})
    assert not form.is_valid()
    out = render("{{ f.name|bs }}", f=form)
    assert 'class="form-control is-invalid"' in out
    assert 'aria-describedby="id_name_error id_name_helptext"' in out
    select = render("{{ f.kind|bs }}", f=form)
    assert 'class="form-select is-invalid"' in select
    assert 'aria-describedby="id_kind_error"' in select  # no help text, no dangling id


def test_bs_escapes_the_value():
    form = SampleForm(data={"name": '"><script>alert(1)</script>', "kind": "a"})
    out = render("{{ f.name|bs }}", f=form)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out


def _query(rendered: str) -> dict[str, list[str]]:
    """The parameters of a rendered query string, read as a browser reads an escaped href."""
    url_query = html.unescape(rendered)
    assert url_query.startswith("?")
    return parse_qs(url_query[1:], keep_blank_values=True)


def render_with_request(source: str, query_string: str) -> str:
    request = RequestFactory().get("/tieu-chuan/?" + query_string)
    return render(source, request=request)


def test_query_replace_changes_one_parameter_and_resets_the_page():
    out = render_with_request('{% query_replace q="iso" %}', "q=tcvn&kind=TCVN&kind=QCVN&page=4")
    assert _query(out) == {"q": ["iso"], "kind": ["TCVN", "QCVN"]}


def test_query_replace_keeps_an_explicit_page():
    out = render_with_request("{% query_replace page=3 %}", "q=tcvn&page=4")
    assert _query(out) == {"q": ["tcvn"], "page": ["3"]}


def test_query_replace_with_none_or_empty_removes_the_parameter():
    assert _query(render_with_request("{% query_replace status=None %}", "q=a&status=in_force")) == {"q": ["a"]}
    assert _query(render_with_request('{% query_replace status="" %}', "q=a&status=in_force")) == {"q": ["a"]}
    assert render_with_request("{% query_replace q=None %}", "q=a") == "?"


def test_query_replace_encodes_and_autoescapes():
    out = render_with_request('{% query_replace q="an toàn & <b>" %}', "kind=TCVN")
    assert "<" not in out
    assert "&kind" not in out  # the separator is escaped for use in an attribute
    assert _query(out) == {"kind": ["TCVN"], "q": ["an toàn & <b>"]}


def test_query_toggle_adds_then_removes_a_value():
    added = render_with_request('{% query_toggle "kind" "QCVN" %}', "q=x&kind=TCVN&page=2")
    assert _query(added) == {"q": ["x"], "kind": ["TCVN", "QCVN"]}
    removed = render_with_request('{% query_toggle "kind" "TCVN" %}', "q=x&kind=TCVN&kind=QCVN&page=2")
    assert _query(removed) == {"q": ["x"], "kind": ["QCVN"]}
    assert render_with_request('{% query_toggle "kind" "TCVN" %}', "kind=TCVN") == "?"


def test_query_toggle_compares_values_as_text():
    out = render_with_request('{% query_toggle "body" 7 %}', "body=7&body=8")
    assert _query(out) == {"body": ["8"]}
