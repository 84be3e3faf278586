"""Input shapes for the officers' workspace: uploading an import file, creating and editing a record."""

import re

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from nscl.standards.codes import code_key, kind_of
from nscl.standards.imports import messages as msg
from nscl.standards.imports.uploads import content_format
from nscl.standards.models import IcsCode, IssuingBody, Standard, StandardField

ICS_SEPARATORS = re.compile(r"[;,\s]+")


class ImportUploadForm(forms.Form):
    """A file to import, checked by size and by content; ``cleaned_data["format"]`` says what it is."""

    file = forms.FileField(
        label=_("Tệp dữ liệu"),
        help_text=_("Bảng tính Excel (XLSX), CSV mã UTF-8 hoặc JSON Lines, dòng đầu là tên cột như trong tệp mẫu."),
    )
    dry_run = forms.BooleanField(
        label=_("Chạy thử: chỉ kiểm tra từng dòng, không ghi gì vào kho"), required=False, initial=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.NSCL_IMPORT_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                msg.UPLOAD_TOO_LARGE % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        if not upload.size:
            raise forms.ValidationError(msg.UPLOAD_EMPTY)
        fmt = content_format(upload)
        if fmt is None:
            zip_like = upload.read(2) == b"PK"
            upload.seek(0)
            raise forms.ValidationError(msg.UPLOAD_BAD_ZIP if zip_like else msg.UPLOAD_NOT_TEXT)
        self.cleaned_data["format"] = fmt
        return upload


class StandardForm(forms.ModelForm):
    """One record as an officer types it: ICS codes as text, the replacing standard by its number."""

    ics = forms.CharField(
        label=_("Mã ICS"),
        required=False,
        help_text=_("Một hoặc nhiều mã, cách nhau bởi dấu chấm phẩy, ví dụ 13.060.20; 67.020."),
    )
    replaced_by_code = forms.CharField(
        label=_("Được thay thế bởi"),
        required=False,
        max_length=120,
        help_text=_("Số hiệu của tiêu chuẩn thay thế, đã có trong kho, ví dụ TCVN 7790-3:2020."),
    )
    reason = forms.CharField(
        label=_("Lý do thay đổi"),
        required=False,
        max_length=100,
        help_text=_("Ghi vào lịch sử chỉnh sửa và lịch sử trạng thái."),
    )

    class Meta:
        model = Standard
        fields = [
            "code", "kind", "title_vi", "title_en", "year", "status", "effective_date", "issuing_body",
            "decision", "field", "equivalent_ref", "equivalence", "pages", "scope",
        ]  # fmt: skip
        widgets = {
            "title_vi": forms.Textarea(attrs={"rows": 2}),
            "title_en": forms.Textarea(attrs={"rows": 2}),
            "scope": forms.Textarea(attrs={"rows": 4}),
            "effective_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    field_order = [
        "code", "kind", "title_vi", "title_en", "year", "status", "replaced_by_code", "ics", "effective_date",
        "issuing_body", "decision", "field", "equivalent_ref", "equivalence", "pages", "scope", "reason",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].required = False
        self.fields["kind"].help_text = _("Để trống: đọc từ số hiệu.")
        self.fields["issuing_body"].queryset = IssuingBody.objects.order_by("name_vi")
        self.fields["field"].queryset = StandardField.objects.order_by("name_vi")
        if self.instance.pk:
            self.initial.setdefault("ics", "; ".join(self.instance.ics_codes.values_list("code", flat=True)))
            if self.instance.replaced_by_id:
                self.initial.setdefault("replaced_by_code", self.instance.replaced_by.code)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("code") and not cleaned.get("kind"):
            cleaned["kind"] = kind_of(cleaned["code"])
        if not (cleaned.get("title_vi") or cleaned.get("title_en")):
            self.add_error("title_vi", msg.TITLE_REQUIRED)
        return cleaned

    def clean_ics(self) -> list[IcsCode]:
        codes = list(dict.fromkeys(c for c in ICS_SEPARATORS.split(self.cleaned_data["ics"]) if c))
        found = IcsCode.objects.in_bulk(codes)
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise forms.ValidationError(msg.UNKNOWN_ICS % {"codes": ", ".join(unknown)})
        return [found[c] for c in codes]

    def clean_replaced_by_code(self) -> Standard | None:
        text = self.cleaned_data["replaced_by_code"].strip()
        if not text:
            return None
        target = Standard.objects.filter(kind=kind_of(text), code_key=code_key(text)).first()
        if target is None:
            target = Standard.objects.filter(code_key=code_key(text)).first()
        if target is None:
            raise forms.ValidationError(msg.REPLACED_BY_UNKNOWN % {"code": text})
        return target

    def service_arguments(self) -> dict:
        """What standard_save takes: the model fields, the ICS codes and the reason."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["replaced_by"] = self.cleaned_data["replaced_by_code"]
        return {"data": data, "ics_codes": self.cleaned_data["ics"], "reason": self.cleaned_data["reason"]}
