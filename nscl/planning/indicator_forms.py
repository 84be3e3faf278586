"""The shape of an entered indicator value; the service checks the rules (year, sign, source)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nscl.planning.indicator_choices import ERROR_ENTRY_SOURCE


class IndicatorEntryForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=1900, max_value=2100)
    value = forms.DecimalField(
        label=_("Giá trị"),
        max_digits=18,
        decimal_places=4,
        localize=True,
        help_text=_("Dùng dấu phẩy cho phần thập phân, ví dụ 35,5."),
    )
    source = forms.CharField(
        label=_("Nguồn số liệu"),
        max_length=500,
        error_messages={"required": ERROR_ENTRY_SOURCE},
        help_text=_("Văn bản, báo cáo hoặc ấn phẩm công bố số liệu: số hiệu, ngày, cơ quan, đường dẫn nếu có."),
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: phương pháp tính."),
    )
