"""Input shapes of the officers' workspace and of an expert's own profile."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from nscl.accounts.models import User
from nscl.core.roles import Role
from nscl.network.constants import ERROR_UNKNOWN_STANDARDS
from nscl.network.models import ConformityBody, ConsultingOrganisation, Expert, ExpertiseField, Qualification
from nscl.network.validators import normalize_tax_code
from nscl.standards.codes import code_key
from nscl.standards.models import Standard

CODE_SEPARATORS = re.compile(r"[;\n]+")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _FieldsMixin:
    def _fields_queryset(self) -> None:
        self.fields["fields"].queryset = ExpertiseField.objects.all()
        self.fields["fields"].widget.attrs["size"] = 10


class ExpertForm(_FieldsMixin, forms.ModelForm):
    class Meta:
        model = Expert
        fields = [
            "full_name", "title", "organisation", "fields", "phone", "email", "address", "summary",
            "availability", "availability_note", "user", "note", "is_active",
        ]  # fmt: skip
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}), "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._fields_queryset()
        self.fields["organisation"].queryset = ConsultingOrganisation.objects.order_by("name")
        self.fields["user"].queryset = User.objects.filter(groups__name=Role.EXPERT).order_by("username")
        self.fields["user"].help_text = _("Tài khoản có vai trò Chuyên gia NSCL, để chuyên gia tự cập nhật hồ sơ.")

    def service_arguments(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "fields"}
        return {"data": data, "fields": self.cleaned_data["fields"]}


class ExpertSelfForm(forms.ModelForm):
    """What an expert edits on their own record: contacts and availability."""

    class Meta:
        model = Expert
        fields = ["phone", "email", "address", "availability", "availability_note"]

    def service_arguments(self) -> dict:
        return {"data": dict(self.cleaned_data)}


class QualificationForm(forms.ModelForm):
    class Meta:
        model = Qualification
        fields = ["kind", "title", "issuer", "number", "issued_on", "valid_until"]
        widgets = {"issued_on": DATE_WIDGET, "valid_until": DATE_WIDGET}

    def service_arguments(self) -> dict:
        return {"data": dict(self.cleaned_data)}


def _website_field() -> forms.URLField:
    return forms.URLField(label=_("Trang web"), required=False, max_length=200, assume_scheme="https")


class OrganisationForm(_FieldsMixin, forms.ModelForm):
    website = _website_field()

    class Meta:
        model = ConsultingOrganisation
        fields = ["name", "tax_code", "fields", "address", "phone", "email", "website", "note", "is_active"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._fields_queryset()

    def clean_tax_code(self) -> str:
        return normalize_tax_code(self.cleaned_data["tax_code"])

    def service_arguments(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "fields"}
        return {"data": data, "fields": self.cleaned_data["fields"]}


class BodyForm(forms.ModelForm):
    """A conformity body; its scope standards typed by number, one per line, from the repository."""

    website = _website_field()
    scope_codes = forms.CharField(
        label=_("Tiêu chuẩn thuộc phạm vi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Số hiệu các tiêu chuẩn đã có trong kho, mỗi dòng một số hiệu, ví dụ TCVN ISO 9001:2015."),
    )

    class Meta:
        model = ConformityBody
        fields = [
            "kind", "name", "short_name", "registration_number", "accreditation_number", "accreditation_body",
            "scope_note", "valid_from", "valid_until", "address", "phone", "email", "website", "in_province",
            "note", "is_active",
        ]  # fmt: skip
        widgets = {
            "valid_from": DATE_WIDGET,
            "valid_until": DATE_WIDGET,
            "scope_note": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = ["kind", "name", "short_name", "registration_number", "accreditation_number", "accreditation_body",
                   "scope_codes", "scope_note"]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            codes = self.instance.scope_standards.order_by("code").values_list("code", flat=True)
            self.initial.setdefault("scope_codes", "\n".join(codes))

    def clean_scope_codes(self) -> list[Standard]:
        typed = [c.strip() for c in CODE_SEPARATORS.split(self.cleaned_data["scope_codes"]) if c.strip()]
        keys = {code_key(c): c for c in typed}
        found = {s.code_key: s for s in Standard.objects.filter(code_key__in=list(keys))}
        unknown = [text for key, text in keys.items() if key not in found]
        if unknown:
            raise forms.ValidationError(ERROR_UNKNOWN_STANDARDS % {"codes": ", ".join(unknown)})
        return [found[key] for key in keys]

    def service_arguments(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return {"data": data, "scope_standards": self.cleaned_data["scope_codes"]}
