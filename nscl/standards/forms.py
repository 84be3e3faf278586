"""Input shapes for the standards pages and API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nscl.standards.choices import StandardKind, StandardStatus
from nscl.standards.constants import MAX_PAGE_SIZE, PAGE_SIZE
from nscl.standards.search import Filters, SearchQuery

ICS_PATTERN = r"^\d{2}(\.\d{3}(\.\d{2})?)?$"
MAX_PAGE = 10_000


class StandardSearchForm(forms.Form):
    """The query string of a search: shared by the search page, the export and the API."""

    q = forms.CharField(label=_("Từ khóa hoặc số hiệu"), required=False, max_length=200, strip=True)
    kind = forms.MultipleChoiceField(label=_("Loại"), required=False, choices=StandardKind.choices)
    status = forms.MultipleChoiceField(label=_("Trạng thái"), required=False, choices=StandardStatus.choices)
    year_min = forms.IntegerField(label=_("Từ năm"), required=False, min_value=1900, max_value=2100)
    year_max = forms.IntegerField(label=_("Đến năm"), required=False, min_value=1900, max_value=2100)
    ics = forms.RegexField(
        label=_("Mã ICS"),
        required=False,
        regex=ICS_PATTERN,
        error_messages={"invalid": _("Mã ICS có dạng 13, 13.060 hoặc 13.060.20.")},
    )
    body = forms.TypedMultipleChoiceField(label=_("Cơ quan ban hành"), required=False, coerce=int, choices=())
    field = forms.TypedMultipleChoiceField(label=_("Lĩnh vực"), required=False, coerce=int, choices=())
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    page_size = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ids are checked for shape only: an unknown id simply matches nothing.
        data = self.data if self.is_bound else {}
        getlist = getattr(data, "getlist", lambda key: data.get(key) or [])
        for name in ("body", "field"):
            values = getlist(name)
            values = values if isinstance(values, list) else [values]
            self.fields[name].choices = [(v, v) for v in values if str(v).isdigit() and len(str(v)) <= 9]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("year_min"), cleaned.get("year_max")
        if low and high and low > high:
            self.add_error("year_max", _("Năm kết thúc phải từ năm bắt đầu trở đi."))
        return cleaned

    def to_query(self, *, default_page_size: int = PAGE_SIZE) -> SearchQuery:
        data = self.cleaned_data if self.is_valid() else {}
        filters = Filters(
            kinds=tuple(data.get("kind") or ()),
            statuses=tuple(data.get("status") or ()),
            year_min=data.get("year_min"),
            year_max=data.get("year_max"),
            ics=data.get("ics") or "",
            bodies=tuple(data.get("body") or ()),
            fields=tuple(data.get("field") or ()),
        )
        return SearchQuery(
            text=data.get("q") or "",
            filters=filters,
            page=data.get("page") or 1,
            page_size=data.get("page_size") or default_page_size,
        )
