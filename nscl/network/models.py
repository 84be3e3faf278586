"""The network of P&Q experts, consulting organisations and conformity assessment bodies."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nscl.network import constants
from nscl.network.choices import Availability, BodyKind, FieldCategory, QualificationKind, Validity
from nscl.network.validators import validate_tax_code
from nscl.standards.models import Standard

HISTORY_EXCLUDED = ["search_text", "created_at", "updated_at"]


class ExpertiseField(models.Model):
    """A field of expertise: a management system (ISO 9001...) or an improvement tool (5S, Lean...)."""

    code = models.SlugField(_("mã"), max_length=50, unique=True)
    name_vi = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    category = models.CharField(_("nhóm"), max_length=20, choices=FieldCategory.choices, default=FieldCategory.OTHER)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["category", "sort_order", "name_vi"]
        verbose_name = _("lĩnh vực chuyên môn")
        verbose_name_plural = _("lĩnh vực chuyên môn")

    def __str__(self) -> str:
        return self.name_vi


class ConsultingOrganisation(models.Model):
    """A consulting organisation that P&Q experts work for or with."""

    name = models.CharField(_("tên tổ chức"), max_length=255)
    tax_code = models.CharField(
        _("mã số thuế"),
        max_length=14,
        blank=True,
        validators=[validate_tax_code],
        help_text=_("10 chữ số, hoặc 13 chữ số cho chi nhánh (dạng 0100109106-001)."),
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    fields = models.ManyToManyField(
        ExpertiseField, blank=True, related_name="organisations", verbose_name=_("lĩnh vực tư vấn")
    )
    note = models.TextField(_("ghi chú"), blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("tổ chức tư vấn")
        verbose_name_plural = _("tổ chức tư vấn")
        constraints = [
            models.UniqueConstraint(
                fields=["tax_code"], condition=~models.Q(tax_code=""), name="%(app_label)s_%(class)s_unique_tax_code"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:organisation_detail", args=[self.pk])


class ExpertQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def available(self):
        return self.active().exclude(availability=Availability.UNAVAILABLE)


class Expert(models.Model):
    """A P&Q expert or consultant; linked to a user account when the expert signs in."""

    full_name = models.CharField(_("họ và tên"), max_length=150)
    title = models.CharField(
        _("học hàm, học vị, chức danh"), max_length=150, blank=True, help_text=_("Ví dụ: ThS., TS., Kỹ sư.")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expert_profile",
        verbose_name=_("tài khoản"),
    )
    organisation = models.ForeignKey(
        ConsultingOrganisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experts",
        verbose_name=_("tổ chức"),
    )
    fields = models.ManyToManyField(
        ExpertiseField, blank=True, related_name="experts", verbose_name=_("lĩnh vực chuyên môn")
    )
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    address = models.CharField(_("địa chỉ liên hệ"), max_length=300, blank=True)
    summary = models.TextField(_("tóm tắt kinh nghiệm"), blank=True)
    availability = models.CharField(
        _("khả năng nhận việc"), max_length=12, choices=Availability.choices, default=Availability.AVAILABLE
    )
    availability_note = models.CharField(_("ghi chú về khả năng nhận việc"), max_length=300, blank=True)
    note = models.TextField(_("ghi chú nội bộ"), blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)
    objects = ExpertQuerySet.as_manager()

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("chuyên gia")
        verbose_name_plural = _("chuyên gia")
        indexes = [models.Index(fields=["availability", "is_active"], name="network_expert_avail_idx")]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("network:expert_detail", args=[self.pk])


class Qualification(models.Model):
    """A qualification an expert holds: a certificate with its issuer, number and validity."""

    expert = models.ForeignKey(
        Expert, on_delete=models.CASCADE, related_name="qualifications", verbose_name=_("chuyên gia")
    )
    kind = models.CharField(_("loại"), max_length=30, choices=QualificationKind.choices)
    title = models.CharField(_("tên chứng chỉ"), max_length=200, blank=True)
    issuer = models.CharField(_("nơi cấp"), max_length=200, blank=True)
    number = models.CharField(_("số chứng chỉ"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    valid_until = models.DateField(_("có giá trị đến"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["expert_id", "kind", "-issued_on", "id"]
        verbose_name = _("chứng chỉ")
        verbose_name_plural = _("chứng chỉ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(issued_on__isnull=True)
                | models.Q(valid_until__gte=models.F("issued_on")),
                name="%(app_label)s_%(class)s_valid_after_issued",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.get_kind_display()

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.issued_on and self.valid_until and self.valid_until < self.issued_on:
            raise ValidationError({"valid_until": constants.ERROR_QUALIFICATION_DATES})

    def is_expired(self, today: datetime.date | None = None) -> bool:
        return bool(self.valid_until and self.valid_until < (today or timezone.localdate()))


def validity_of(valid_until: datetime.date | None, today: datetime.date | None = None) -> str:
    """Valid, expiring within EXPIRING_WITHIN_DAYS, expired, or unknown when no end date is known."""
    if valid_until is None:
        return Validity.UNKNOWN
    today = today or timezone.localdate()
    if valid_until < today:
        return Validity.EXPIRED
    if valid_until <= today + datetime.timedelta(days=constants.EXPIRING_WITHIN_DAYS):
        return Validity.EXPIRING
    return Validity.VALID


class ConformityBodyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_validity(self, validity: str, today: datetime.date | None = None):
        today = today or timezone.localdate()
        horizon = today + datetime.timedelta(days=constants.EXPIRING_WITHIN_DAYS)
        if validity == Validity.EXPIRED:
            return self.filter(valid_until__lt=today)
        if validity == Validity.EXPIRING:
            return self.filter(valid_until__gte=today, valid_until__lte=horizon)
        if validity == Validity.VALID:
            return self.filter(valid_until__gt=horizon)
        if validity == Validity.UNKNOWN:
            return self.filter(valid_until__isnull=True)
        return self


class ConformityBody(models.Model):
    """A conformity assessment body: certification body, testing or calibration lab, inspection body."""

    kind = models.CharField(_("loại hình"), max_length=20, choices=BodyKind.choices, db_index=True)
    name = models.CharField(_("tên tổ chức"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    registration_number = models.CharField(_("số giấy chứng nhận đăng ký hoạt động"), max_length=100, blank=True)
    accreditation_number = models.CharField(
        _("số công nhận"), max_length=60, blank=True, help_text=_("Ví dụ số hiệu VILAS hoặc VICAS.")
    )
    accreditation_body = models.CharField(
        _("tổ chức công nhận"), max_length=200, blank=True, help_text=_("Ví dụ: Văn phòng Công nhận Chất lượng (BoA).")
    )
    scope_standards = models.ManyToManyField(
        Standard, blank=True, related_name="conformity_bodies", verbose_name=_("tiêu chuẩn thuộc phạm vi")
    )
    scope_note = models.TextField(_("mô tả phạm vi"), blank=True)
    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_until = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True, db_index=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    in_province = models.BooleanField(_("đặt tại tỉnh"), default=False)
    note = models.TextField(_("ghi chú"), blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)
    objects = ConformityBodyQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("tổ chức đánh giá sự phù hợp")
        verbose_name_plural = _("tổ chức đánh giá sự phù hợp")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(registration_number="") | ~models.Q(accreditation_number=""),
                name="%(app_label)s_%(class)s_has_number",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:body_detail", args=[self.pk])

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors: dict[str, object] = {}
        if not (self.registration_number or "").strip() and not (self.accreditation_number or "").strip():
            errors["registration_number"] = constants.ERROR_BODY_NUMBER_REQUIRED
        if (self.accreditation_number or "").strip() and not (self.accreditation_body or "").strip():
            errors["accreditation_body"] = constants.ERROR_ACCREDITATION_BODY_REQUIRED
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = constants.ERROR_VALID_RANGE
        if errors:
            raise ValidationError(errors)

    def validity(self, today: datetime.date | None = None) -> str:
        return validity_of(self.valid_until, today)

    @property
    def validity_status(self) -> str:
        return self.validity()

    def get_validity_display(self) -> str:
        return str(Validity(self.validity()).label)

    @property
    def is_expired(self) -> bool:
        return self.validity() == Validity.EXPIRED

    @property
    def is_expiring(self) -> bool:
        return self.validity() == Validity.EXPIRING
