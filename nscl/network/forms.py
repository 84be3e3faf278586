"""Query-string shapes of the network lists (workspace, public directory, exports and API)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nscl.network.choices import Availability, BodyKind, QualificationKind, Validity
from nscl.network.models import ExpertiseField

YES_NO = [("", _("Tất cả")), ("1", _("Có")), ("0", _("Không"))]


class _SearchForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200, strip=True)

    def values(self) -> dict:
        """Clean values for the selector; an invalid parameter is simply ignored (a list never fails)."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items()}


class _FieldChoice(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=ExpertiseField.objects.all(),
            to_field_name="code",
            required=False,
            label=_("Lĩnh vực"),
            empty_label=_("Tất cả lĩnh vực"),
            **kwargs,
        )


class ExpertFilterForm(_SearchForm):
    field = _FieldChoice()
    qualification = forms.ChoiceField(
        label=_("Chứng chỉ"), required=False, choices=[("", _("Tất cả chứng chỉ")), *QualificationKind.choices]
    )
    availability = forms.ChoiceField(
        label=_("Khả năng nhận việc"), required=False, choices=[("", _("Tất cả")), *Availability.choices]
    )

    def selector_kwargs(self) -> dict:
        data = self.values()
        return {
            "query": data.get("q") or "",
            "field": data.get("field"),
            "qualification": data.get("qualification") or "",
            "availability": data.get("availability") or "",
        }


class DirectoryExpertFilterForm(_SearchForm):
    field = _FieldChoice()

    def selector_kwargs(self) -> dict:
        data = self.values()
        return {"query": data.get("q") or "", "field": data.get("field")}


class OrganisationFilterForm(DirectoryExpertFilterForm):
    pass


class BodyFilterForm(_SearchForm):
    kind = forms.ChoiceField(label=_("Loại hình"), required=False, choices=[("", _("Tất cả")), *BodyKind.choices])
    validity = forms.ChoiceField(label=_("Hiệu lực"), required=False, choices=[("", _("Tất cả")), *Validity.choices])
    in_province = forms.ChoiceField(label=_("Đặt tại tỉnh"), required=False, choices=YES_NO)

    def selector_kwargs(self) -> dict:
        data = self.values()
        in_province = data.get("in_province")
        return {
            "query": data.get("q") or "",
            "kind": data.get("kind") or "",
            "validity": data.get("validity") or "",
            "in_province": None if not in_province else in_province == "1",
        }
