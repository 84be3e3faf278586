"""Forms for key products, model enterprises and replications (officers)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nscl.enterprises import constants
from nscl.enterprises.models import Enterprise, KeyProduct, ModelEnterprise


def _active_enterprises():
    return Enterprise.objects.active().order_by("name_vi")


class KeyProductForm(forms.ModelForm):
    class Meta:
        model = KeyProduct
        fields = ["slug", "name_vi", "name_en", "description", "area", "order", "producers"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "producers": forms.SelectMultiple(attrs={"size": 10}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producers"].queryset = _active_enterprises()

    def validate_unique(self):
        """The service checks the slug with its own message."""

    def _post_clean(self):
        """The service runs full_clean."""

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["producers"] = list(data["producers"])
        return data


class ModelEnterpriseForm(forms.ModelForm):
    class Meta:
        model = ModelEnterprise
        fields = ["enterprise", "recognition_year", "applied", "results", "is_public"]
        widgets = {"applied": forms.Textarea(attrs={"rows": 3}), "results": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = _active_enterprises()

    def clean_recognition_year(self):
        year = self.cleaned_data["recognition_year"]
        if not 1990 <= year <= 2100:
            raise ValidationError(constants.ERROR_YEAR_RANGE)
        return year

    def validate_unique(self):
        """The service checks one record per enterprise with its own message."""

    def _post_clean(self):
        """The service runs full_clean."""


class ReplicationForm(forms.Form):
    enterprise = forms.ModelChoiceField(label=_("Doanh nghiệp nhân rộng"), queryset=Enterprise.objects.none())
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100)
    note = forms.CharField(label=_("Nội dung nhân rộng"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = _active_enterprises()


class ModelEnterprisePhotoForm(forms.Form):
    """A photo upload: the service checks the content (type, size), not the name."""

    file = forms.FileField(label=_("Tệp ảnh"), help_text=_("JPEG, PNG hoặc WebP, tối đa 8 MB."))
    alt_text = forms.CharField(
        label=_("Mô tả ảnh (alt)"),
        max_length=300,
        help_text=_("Mô tả nội dung ảnh cho người không xem được ảnh."),
    )
    caption = forms.CharField(label=_("Chú thích"), max_length=300, required=False)
