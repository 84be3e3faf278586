"""Forms of the enterprise registry: they check the shape of input; services enforce the rules."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nscl.accounts.models import User
from nscl.core.models import Commune, VsicCode
from nscl.enterprises import constants
from nscl.enterprises.choices import EnterpriseStatus, Ownership, SizeClass
from nscl.enterprises.models import Certification, Enterprise, EnterpriseYear
from nscl.enterprises.taxcodes import tax_code_normalize
from nscl.standards.models import Standard

MAX_MONEY = 10**16  # ten million billion đồng: beyond any enterprise of the province, within BigIntegerField
MAX_QUERY = 200


def _communes():
    return Commune.objects.of_province()


def _vsic_codes():
    return VsicCode.objects.filter(version=constants.VSIC_VERSION).order_by("code")


class TaxCodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", _("Mã số thuế"))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return tax_code_normalize(value) if value else value


class EnterpriseForm(forms.ModelForm):
    """The profile. Officers also set the tax code; a representative does not change it."""

    tax_code = TaxCodeField()
    website = forms.URLField(label=_("Trang web"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = Enterprise
        fields = [
            "tax_code", "name_vi", "name_en", "short_name", "vsic_code", "ownership", "commune", "address",
            "representative_name", "phone", "email", "website", "founded_year", "description",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, with_tax_code: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = _communes()
        self.fields["vsic_code"].queryset = _vsic_codes()
        if not with_tax_code:
            del self.fields["tax_code"]

    def validate_unique(self):
        """Uniqueness is the service's rule (with its own message)."""

    def _post_clean(self):
        """Skip the model's full_clean: the service runs it after its own checks."""

    def service_arguments(self) -> dict:
        return dict(self.cleaned_data)


class EnterpriseRegisterForm(EnterpriseForm):
    """A representative registers an enterprise the registry does not have yet."""

    position = forms.CharField(label=_("Chức vụ của bạn"), max_length=150, required=False)


class ClaimForm(forms.Form):
    tax_code = TaxCodeField(help_text=_("Mã số thuế của doanh nghiệp bạn đại diện."))
    position = forms.CharField(label=_("Chức vụ của bạn"), max_length=150, required=False)


class ClaimDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Quyết định"), choices=[("confirm", _("Xác nhận")), ("reject", _("Từ chối"))])
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)


class EnterpriseYearForm(forms.ModelForm):
    class Meta:
        model = EnterpriseYear
        fields = ["year", "employees", "revenue", "capital", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("revenue", "capital"):
            self.fields[name].min_value = 0
            self.fields[name].max_value = MAX_MONEY
            self.fields[name].widget.attrs.update({"min": 0, "step": 1})

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 1990 <= year <= 2100:
            raise ValidationError(constants.ERROR_YEAR_RANGE)
        return year

    def clean(self):
        data = super().clean()
        for name in ("revenue", "capital"):
            value = data.get(name)
            if value is not None and not 0 <= value <= MAX_MONEY:
                self.add_error(name, constants.ERROR_NEGATIVE if value < 0 else _("Giá trị quá lớn."))
        return data

    def validate_unique(self):
        """The service checks one row per year with its own message."""

    def _post_clean(self):
        """The service runs full_clean."""


class CertificationForm(forms.ModelForm):
    class Meta:
        model = Certification
        fields = [
            "kind", "standard_text", "standard", "scope", "body_name", "certificate_number", "issued_on", "expires_on",
        ]  # fmt: skip
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}),
            "expires_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = Standard.objects.order_by("code")
        self.fields["standard"].required = False
        for name in ("issued_on", "expires_on"):
            self.fields[name].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
            self.fields[name].widget.format = "%Y-%m-%d"

    def clean(self):
        data = super().clean()
        issued, expires = data.get("issued_on"), data.get("expires_on")
        if issued and expires and expires <= issued:
            self.add_error("expires_on", constants.ERROR_EXPIRY_BEFORE_ISSUE)
        return data

    def _post_clean(self):
        """The service runs full_clean."""


class EnterpriseFilterForm(forms.Form):
    """The registry list's search and filters (also the export's)."""

    q = forms.CharField(label=_("Tìm kiếm"), max_length=MAX_QUERY, required=False)
    commune = forms.ModelChoiceField(label=_("Xã, phường"), queryset=Commune.objects.none(), required=False)
    section = forms.ChoiceField(label=_("Ngành (cấp 1 VSIC)"), required=False)
    size = forms.ChoiceField(label=_("Quy mô"), choices=[("", _("Tất cả")), *SizeClass.choices], required=False)
    ownership = forms.ChoiceField(
        label=_("Loại hình sở hữu"), choices=[("", _("Tất cả")), *Ownership.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Trạng thái hồ sơ"), choices=[("", _("Tất cả")), *EnterpriseStatus.choices], required=False
    )
    certified = forms.BooleanField(label=_("Có chứng nhận còn hiệu lực"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = _communes()
        sections = VsicCode.objects.filter(version=constants.VSIC_VERSION, level=1).order_by("code")
        self.fields["section"].choices = [("", _("Tất cả"))] + [(v.code, f"{v.code} {v.name_vi}") for v in sections]

    def filters(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v} if self.is_valid() else {}


class SignUpForm(forms.Form):
    username = forms.RegexField(
        label=_("Tên đăng nhập"),
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        error_messages={"invalid": _("Chỉ dùng chữ, số và các ký tự @ . + - _")},
    )
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"))
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    password = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput, strip=False)
    password_again = forms.CharField(label=_("Nhập lại mật khẩu"), widget=forms.PasswordInput, strip=False)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(constants.ERROR_USERNAME_TAKEN)
        return username

    def clean(self):
        data = super().clean()
        password, again = data.get("password"), data.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", _("Hai mật khẩu không khớp."))
        elif password:
            user = User(username=data.get("username", ""), email=data.get("email", ""))
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.add_error("password", error)
        return data

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("password_again")
        return data
