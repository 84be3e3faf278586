"""Forms of the planning pages: they check the shape of input; the services check the rules."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nscl.planning.choices import FundingSource
from nscl.planning.models import ExpenseItem, ProgramArea, ProgramPeriod
from nscl.projects.choices import APPROVED_ONWARDS
from nscl.projects.forms import DATE, MoneyField
from nscl.projects.models import SupportProject

MAX_MONEY = 10**15


class PlanForm(forms.Form):
    period = forms.ModelChoiceField(label=_("Giai đoạn"), queryset=ProgramPeriod.objects.all())
    year = forms.IntegerField(label=_("Năm kế hoạch"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Tên kế hoạch"), max_length=300)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do, ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ApproveForm(ReasonForm):
    decision_number = forms.CharField(label=_("Số quyết định của UBND tỉnh"), max_length=60)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DATE)


class TaskForm(forms.Form):
    area = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=ProgramArea.objects.all())
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=500)
    lead_unit = forms.CharField(label=_("Đơn vị chủ trì"), max_length=300)
    partners = forms.CharField(label=_("Đơn vị phối hợp"), max_length=500, required=False)
    output = forms.CharField(label=_("Sản phẩm, kết quả"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    start_date = forms.DateField(label=_("Bắt đầu"), required=False, widget=DATE)
    end_date = forms.DateField(label=_("Kết thúc"), required=False, widget=DATE)
    sort_order = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=10_000, required=False, initial=0)
    projects = forms.ModelMultipleChoiceField(
        label=_("Dự án hỗ trợ liên quan"),
        queryset=SupportProject.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Dự án đã được phê duyệt của năm kế hoạch; kinh phí được duyệt của chúng cộng dồn vào nhiệm vụ."),
    )

    def __init__(self, *args, year: int, linked=(), **kwargs):
        super().__init__(*args, **kwargs)
        # A bounded list: the approved-onwards projects decided in the plan's year, and those linked already.
        decided = Q(status__in=APPROVED_ONWARDS, decision_date__year=year)
        self.fields["projects"].queryset = (
            SupportProject.objects.filter(decided | Q(pk__in=list(linked)))
            .select_related("enterprise")
            .order_by("enterprise__name_vi", "title")
        )
        self.fields["projects"].label_from_instance = lambda p: f"{p.enterprise.name_vi}: {p.title}"

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Ngày kết thúc phải sau ngày bắt đầu."))
        if data.get("sort_order") is None:
            data["sort_order"] = 0
        return data


class BudgetLineForm(forms.Form):
    funding_source = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=FundingSource.choices)
    expense_item = forms.ModelChoiceField(label=_("Nội dung chi"), queryset=ExpenseItem.objects.all())
    amount = MoneyField(label=_("Số tiền (đồng)"), min_value=0, max_value=MAX_MONEY)


class CommitmentForm(forms.Form):
    amount = MoneyField(label=_("Số tiền (đồng)"), min_value=1, max_value=MAX_MONEY)
    date = forms.DateField(label=_("Ngày cam kết"), widget=DATE)
    reference = forms.CharField(label=_("Văn bản, hợp đồng"), max_length=300)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000)
    document = forms.FileField(label=_("Tài liệu kèm theo (PDF, ảnh, Word, Excel)"), required=False)


class DisbursementForm(forms.Form):
    amount = MoneyField(label=_("Số tiền (đồng)"), min_value=1, max_value=MAX_MONEY)
    date = forms.DateField(label=_("Ngày giải ngân"), widget=DATE)
    voucher = forms.CharField(label=_("Số chứng từ"), max_length=100)
    commitment = forms.ModelChoiceField(label=_("Theo cam kết"), queryset=None, required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000)
    document = forms.FileField(label=_("Chứng từ kèm theo (PDF, ảnh, Word, Excel)"), required=False)

    def __init__(self, *args, line, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commitment"].queryset = line.commitments.order_by("date", "id")
        self.fields["commitment"].empty_label = _("(không theo cam kết)")
