"""Forms of the projects pages: they check the shape of input; services check the rules."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nscl.core.models import Commune
from nscl.enterprises.models import Enterprise
from nscl.network.models import ConsultingOrganisation, Expert
from nscl.projects import constants
from nscl.projects.choices import DocumentKind, FindingSeverity, FundingSource, ProjectStatus, SupportGroup
from nscl.projects.models import IndicatorKind, SupportType
from nscl.projects.uploads import check_upload
from nscl.standards.codes import code_key
from nscl.standards.models import Standard

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StandardCodesField(forms.Field):
    """Standards of the repository typed by number ("TCVN ISO 9001:2015; ISO 50001:2018"), one per
    line or separated by ";". A select of the whole repository would hold tens of thousands of
    options; numbers are how people name standards anyway."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "; ".join(getattr(item, "code", str(item)) for item in value)
        return value

    def to_python(self, value) -> list[Standard]:
        typed = [part.strip() for part in re.split(r"[;\n]", value or "") if part.strip()]
        if not typed:
            return []
        keys = {code_key(code): code for code in typed}
        found = {s.code_key: s for s in Standard.objects.filter(code_key__in=keys).order_by("kind")}
        unknown = [code for key, code in keys.items() if key not in found]
        if unknown:
            raise forms.ValidationError(
                constants.ERROR_UNKNOWN_STANDARDS, params={"codes": "; ".join(unknown)}, code="unknown"
            )
        return [found[key] for key in keys]


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo tên dự án, doanh nghiệp"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả"))] + ProjectStatus.choices
    )
    support_type = forms.ModelChoiceField(
        label=_("Nội dung hỗ trợ"), required=False, queryset=SupportType.objects.all()
    )
    commune = forms.ModelChoiceField(label=_("Xã, phường"), required=False, queryset=Commune.objects.of_province())
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)


class ProjectForm(forms.Form):
    enterprise = forms.ModelChoiceField(label=_("Doanh nghiệp"), queryset=Enterprise.objects.none())
    title = forms.CharField(label=_("Tên dự án"), max_length=300)
    goals = forms.CharField(label=_("Mục tiêu"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    support_types = forms.ModelMultipleChoiceField(
        label=_("Nội dung hỗ trợ"), queryset=SupportType.objects.filter(is_active=True), required=False
    )
    standards = StandardCodesField(
        label=_("Tiêu chuẩn áp dụng"),
        required=False,
        help_text=_("Số hiệu trong kho tiêu chuẩn, cách nhau bởi dấu ; (ví dụ: TCVN ISO 9001:2015; ISO 50001:2018)."),
    )
    consultant_expert = forms.ModelChoiceField(
        label=_("Chuyên gia tư vấn"), queryset=Expert.objects.all(), required=False
    )
    consultant_organisation = forms.ModelChoiceField(
        label=_("Tổ chức tư vấn"), queryset=ConsultingOrganisation.objects.all(), required=False
    )
    start_date = forms.DateField(label=_("Ngày bắt đầu"), required=False, widget=DATE)
    end_date = forms.DateField(label=_("Ngày kết thúc"), required=False, widget=DATE)

    def __init__(self, *args, user=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = Enterprise.objects.visible_to(user)
        if editing:
            del self.fields["enterprise"]

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", constants.ERROR_SCHEDULE)
        return data


class BudgetLineForm(forms.Form):
    item = forms.CharField(label=_("Nội dung chi"), max_length=300)
    source = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=FundingSource.choices)
    amount = forms.IntegerField(label=_("Số tiền (đồng)"), min_value=0, max_value=10**15)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Nội dung"), max_length=300)
    due_date = forms.DateField(label=_("Hạn hoàn thành"), widget=DATE)


class IndicatorForm(forms.Form):
    kind = forms.ModelChoiceField(label=_("Chỉ số"), queryset=IndicatorKind.objects.all())
    baseline = forms.DecimalField(label=_("Giá trị ban đầu"), max_digits=18, decimal_places=4)
    target = forms.DecimalField(label=pgettext_lazy("indicator", "Mục tiêu"), max_digits=18, decimal_places=4)
    result = forms.DecimalField(label=_("Kết quả"), max_digits=18, decimal_places=4, required=False)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Tên tài liệu"), max_length=255, required=False)
    file = forms.FileField(label=_("Tệp (PDF, DOCX, XLSX, JPG, PNG)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload)
        return upload


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do, ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ApproveForm(ReasonForm):
    amount = forms.IntegerField(label=_("Kinh phí phê duyệt (đồng)"), min_value=1, max_value=10**15)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DATE)


class ConclusionForm(forms.Form):
    summary = forms.CharField(label=_("Kết luận"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class InspectionCancelForm(forms.Form):
    reason = forms.CharField(label=_("Lý do hủy"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class InspectionForm(forms.Form):
    planned_on = forms.DateField(label=_("Ngày kiểm tra"), widget=DATE)
    inspectors = forms.ModelMultipleChoiceField(label=_("Cán bộ kiểm tra"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from nscl.accounts.models import User
        from nscl.core.roles import Role

        self.fields["inspectors"].queryset = User.objects.filter(groups__name=Role.OFFICER, is_active=True)


class FindingForm(forms.Form):
    severity = forms.ChoiceField(label=_("Mức độ"), choices=FindingSeverity.choices)
    description = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}))
    action = forms.CharField(label=_("Hành động khắc phục"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    deadline = forms.DateField(label=_("Hạn khắc phục"), required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        if data.get("action") and not data.get("deadline"):
            self.add_error("deadline", _("Cần hạn khắc phục cho hành động."))
        return data


class ActionCloseForm(forms.Form):
    closed_on = forms.DateField(label=_("Ngày đóng"), widget=DATE)
    evidence = forms.CharField(label=_("Bằng chứng khắc phục"), widget=forms.Textarea(attrs={"rows": 2}))


class MoneyField(forms.IntegerField):
    """Whole đồng, typed as officers write it: "100.000.000" or "100000000" (dots and spaces ignored)."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(".", "").replace(" ", "").replace("\u00a0", "")
        return super().to_python(value)


class SupportRuleForm(forms.Form):
    """The shape of a rule; the service checks the share, the period and overlaps with the group's other rules."""

    group = forms.ChoiceField(label=_("Nhóm nội dung hỗ trợ"), choices=SupportGroup.choices)
    share_percent = forms.DecimalField(
        label=_("Tỷ lệ hỗ trợ tối đa (%)"),
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=100,
        help_text=_("Phần trăm tổng kinh phí dự án, tối đa hai chữ số thập phân."),
    )
    ceiling = MoneyField(label=_("Mức hỗ trợ tối đa (đồng)"), min_value=0, max_value=10**15)
    valid_from = forms.DateField(label=_("Hiệu lực từ ngày"), widget=DATE)
    valid_to = forms.DateField(
        label=_("Hiệu lực đến ngày"),
        required=False,
        widget=DATE,
        help_text=_("Để trống nếu quy định chưa có ngày hết hiệu lực."),
    )
    source = forms.CharField(
        label=_("Căn cứ"),
        max_length=300,
        required=False,
        help_text=_("Số, ngày và cơ quan ban hành văn bản quy định mức hỗ trợ."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("valid_from", "valid_to"):
            self.fields[name].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
